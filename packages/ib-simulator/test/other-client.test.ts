/** The simulator with a TWS client other than @stoqey/ib: ib-tws-api 1.3 (npm), which negotiates server version 151. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestEnv } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

it('answers reqPositions to ib-tws-api with what the fills left, decoded by its own reader', async () => {
  const sim = await env.simulator({ prices: { AAPL: 100 }, partialFills: 1 });
  sim.manualTrade({ symbol: 'AAPL', quantity: 7 });
  sim.manualTrade({ symbol: 'MSFT', quantity: -2, price: 400 });
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'support/ib-tws-api-probe.mjs'), String(sim.port)], { timeout: 20_000 });
  const { time, positions } = JSON.parse(stdout.trim().split('\n').at(-1)!);
  expect(Math.abs(time - Date.now() / 1000)).toBeLessThan(60);
  expect(positions.map((p: any) => [p.contract.symbol, p.position, p.avgCost])).toEqual([['AAPL', 7, 100.14285714], ['MSFT', -2, 399.5]]);
  expect(sim.stats.decodeErrors).toBe(0);
});
