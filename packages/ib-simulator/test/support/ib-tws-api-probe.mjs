// Runs in its own Node process (ib-tws-api is ESM-only): connects as a client other than @stoqey/ib — it offers server
// versions up to 151 and decodes with its own reading of IB's decoder — asks for positions, prints them as JSON.
import { Client } from 'ib-tws-api';

const api = new Client({ host: '127.0.0.1', port: Number(process.argv[2]), clientId: 5, timeoutMs: 5_000 });
const time = await api.getCurrentTime();
const positions = await api.getPositions();
console.log(JSON.stringify({ time, positions: Object.values(positions) }));
process.exit(0);
