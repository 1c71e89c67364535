// CPU per alert of the webhook intake alone (parse, secret, redaction, validation; the database write stubbed):
// `pnpm exec tsx bench/intake-cpu.ts [module dir…, default ../src/ingest]`. Several dirs (an older copy of the
// intake, say) are measured in turn, round after round, and each one's fastest round kept: a shared machine's noise.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { StrategyRules } from '../src/strategies/strategy-store';
import { generateStrategySecret, hashStrategySecret } from '../src/strategies/strategy-store';

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['../src/ingest'];
const GLOBAL = 'global-webhook-secret-1';
const OWN = generateStrategySecret();
const STRATEGIES = 50;
const ROUNDS = 15;

interface Intake { handle(req: object): Promise<unknown> }

async function intakeFrom(dir: string): Promise<Intake> {
  const { WebhookIntake } = await import(`${dir}/webhook-intake`);
  const { Redactor } = await import(`${dir}/redact`);
  const { KnownSecrets } = await import(`${dir}/known-secrets`);
  const { secretAuthenticator } = await import(`${dir}/authenticate`);
  const hashes = new Set([OWN, ...Array.from({ length: STRATEGIES - 1 }, generateStrategySecret)].map(hashStrategySecret));
  const own = { secretHash: hashStrategySecret(OWN) } as StrategyRules;
  const writer = { write: async () => ({ status: 'accepted', id: 1 }) };
  return new WebhookIntake(writer, secretAuthenticator(GLOBAL, (name: string) => (name === 'Risk 1' ? own : undefined)),
    new Redactor(new KnownSecrets(GLOBAL, () => hashes)), () => {});
}

const alert = (secmgs: string, text: string, alertId = `a-${Math.random()}`) => Buffer.from(JSON.stringify({
  stratName: 'Risk 1', alert: text, exchange: 'CME_MINI', symbol: 'NQU4', price: 15000.5, direction: 'BUY', quantity: 2,
  alertId, secmgs,
}));
const long = 'Long entry: breakout above the 20-day high, volume 2.3x average, RSI 61, stop under 14950 '.repeat(5);
const cases: Array<[string, Buffer[]]> = [
  ['global secret, short text', Array.from({ length: 1000 }, () => alert(GLOBAL, 'Trade Alert!'))],
  ['own secret, short text', Array.from({ length: 1000 }, () => alert(OWN, 'Trade Alert!'))],
  ['own secret, 450-char text', Array.from({ length: 1000 }, () => alert(OWN, long))],
  // A run of letters longer than a generated secret: hashed window by window (gluedIn).
  ['own secret, UUID alertId', Array.from({ length: 1000 }, () => alert(OWN, 'Trade Alert!', randomUUID()))],
];

/** µs per alert over `bodies`, twice through. */
async function run(intake: Intake, bodies: Buffer[]): Promise<number> {
  const start = performance.now();
  for (let r = 0; r < 2; r++) {
    for (const raw of bodies) await intake.handle({ raw, contentType: 'application/json', clientIp: '127.0.0.1', receivedAt: Date.now() });
  }
  return ((performance.now() - start) * 1000) / (2 * bodies.length);
}

async function main() {
  const intakes = await Promise.all(dirs.map(intakeFrom));
  for (const [label, bodies] of cases) {
    for (const intake of intakes) await run(intake, bodies); // warm-up: JIT and the not-secret cache
    const best = intakes.map(() => Infinity);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, intake] of intakes.entries()) best[i] = Math.min(best[i], await run(intake, bodies));
    }
    const figures = dirs.map((dir, i) => `${dir}: ${best[i].toFixed(1)} µs`).join(', ');
    console.log(`${label.padEnd(26)} ${figures} per alert (best of ${ROUNDS} × 2,000; ${STRATEGIES} strategy secrets)`);
  }
}

void main();
