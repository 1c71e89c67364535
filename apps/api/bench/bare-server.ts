/**
 * The HTTP ceiling: Fastify with one handler answering 200 — same framework, same load generator, no work.
 * Run as its own process, like the API, so both get the same share of the machine.
 */
import Fastify from 'fastify';

let id = 0;
const app = Fastify({ logger: false });
app.post('/webhook', async () => ({ id: ++id, status: 'accepted' }));
// The same listen queue as the API's (see src/start.ts).
app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }).then((address) => process.stdout.write(`Open: ${address}\n`));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
