#!/usr/bin/env tsx
/**
 * Runs a simulator from the command line for demos, benchmarks and manual testing:
 *   tsx packages/ib-simulator/src/cli.ts --port 4002 [--seed N] [--fill-delay ms] [--partial-fills n]
 * Prints the port once listening and one line per connection, order and execution; Ctrl-C stops it.
 */
import { IbSimulator } from './simulator';
import type { SimulatorOptions } from './types';

const USAGE = `usage: ib-simulator [--port 4002] [--host 127.0.0.1] [--seed N] [--fill-delay ms] [--partial-fills n]
                    [--first-order-id n] [--account DU1234567] [--accounts DU7654321,…] [--starting-cash 1000000]
                    [--server-version 193] [--no-walk] [--quiet]
                    [--symbols AAPL,STK:MSFT,FUT:ES,EUR.USD] [--market-data live|delayed|none]
                    [--trading-hours 09:30-16:00[@America/New_York]]`;

/** Flags that take a numeric value, and the option each one sets. */
const NUMERIC_FLAGS: Record<string, keyof SimulatorOptions> = {
  '--port': 'port',
  '--seed': 'seed',
  '--fill-delay': 'fillDelayMs',
  '--partial-fills': 'partialFills',
  '--first-order-id': 'firstOrderId',
  '--server-version': 'serverVersion',
  '--starting-cash': 'startingCash',
};

function parseArgs(argv: string[]): { options: SimulatorOptions; quiet: boolean } {
  const options: Record<string, unknown> = { port: 4002 };
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag in NUMERIC_FLAGS) {
      const number = Number(value());
      if (!Number.isFinite(number)) throw new Error(`${flag} needs a number`);
      options[NUMERIC_FLAGS[flag]] = number;
    } else if (flag === '--host') options.host = value();
    else if (flag === '--account') options.account = value();
    else if (flag === '--accounts') options.accounts = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--symbols') options.symbols = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--market-data') options.marketData = value();
    else if (flag === '--trading-hours') {
      const [regular, timeZone] = value().split('@');
      options.tradingHours = { regular, timeZone };
    }
    else if (flag === '--no-walk') options.walk = false;
    else if (flag === '--quiet') quiet = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  return { options: options as SimulatorOptions, quiet };
}

function logActivity(simulator: IbSimulator): void {
  simulator.on('connect', (clientId) => console.log(`client ${clientId} connected`));
  simulator.on('disconnect', (clientId) => console.log(`client ${clientId} disconnected`));
  simulator.on('placeOrder', (o) =>
    console.log(`order ${o.clientId}/${o.orderId} ${o.action} ${o.totalQuantity} ${o.symbol} ${o.orderType} → ${o.status} (ref ${o.orderRef || '-'})`),
  );
  simulator.on('execution', (e) => console.log(`exec ${e.execId} ${e.side} ${e.shares} ${e.symbol} @ ${e.price}`));
  simulator.on('pacingViolation', (clientId) => console.log(`client ${clientId} exceeded the message rate: dropped`));
  simulator.on('decodeError', (error) => console.log(`decode error: ${error.message}`));
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const simulator = new IbSimulator(parsed.options);
  if (!parsed.quiet) logActivity(simulator);
  const port = await simulator.start();
  console.log(`ib-simulator listening on ${parsed.options.host ?? '127.0.0.1'}:${port}`);
  const shutdown = () => {
    void simulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
