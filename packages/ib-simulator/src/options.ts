/** Defaults and validation of SimulatorOptions. */
import { DEFAULT_SYMBOLS } from './engine/instruments';
import type { ResolvedOptions, SimulatorOptions } from './types';
import { SUPPORTED_SERVER_VERSIONS } from './wire/message-ids';

export const DEFAULT_OPTIONS: Omit<ResolvedOptions, 'seed'> = {
  host: '127.0.0.1',
  port: 0,
  account: 'DU1234567',
  accounts: [],
  startingCash: 1_000_000,
  masterClientId: 0,
  firstOrderId: 1,
  prices: {},
  symbols: [...DEFAULT_SYMBOLS],
  unknownSymbols: [],
  marketData: 'delayed',
  partialFills: 2,
  fillDelayMs: 0,
  walk: { intervalMs: 250, maxStepFraction: 0.0005 },
  maxMessagesPerSecond: 50,
  commissionPerShare: 0.005,
  serverVersion: SUPPORTED_SERVER_VERSIONS.max,
  tradingHours: undefined,
};

function requireInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: ResolvedOptions = {
    ...DEFAULT_OPTIONS,
    seed: Math.floor(Math.random() * 2 ** 32),
    ...defined,
  };
  resolved.accounts = [...new Set([resolved.account, ...resolved.accounts])];
  if (resolved.accounts.some((a) => !/^[A-Za-z0-9]+$/.test(a))) throw new RangeError('accounts must be IB account ids (letters and digits)');
  if (!(resolved.startingCash >= 0)) throw new RangeError('startingCash must be >= 0');
  requireInteger('masterClientId', resolved.masterClientId, 0);
  requireInteger('port', resolved.port, 0, 65535);
  requireInteger('firstOrderId', resolved.firstOrderId, 1);
  requireInteger('partialFills', resolved.partialFills, 1);
  requireInteger('maxMessagesPerSecond', resolved.maxMessagesPerSecond, 1);
  requireInteger('serverVersion', resolved.serverVersion, SUPPORTED_SERVER_VERSIONS.min, SUPPORTED_SERVER_VERSIONS.max);
  if (!['live', 'delayed', 'none'].includes(resolved.marketData)) throw new RangeError(`marketData must be live, delayed or none`);
  if (!(resolved.fillDelayMs >= 0)) throw new RangeError(`fillDelayMs must be >= 0, got ${resolved.fillDelayMs}`);
  if (!(resolved.commissionPerShare >= 0)) throw new RangeError('commissionPerShare must be >= 0');
  if (resolved.walk && !(resolved.walk.intervalMs > 0 && resolved.walk.maxStepFraction >= 0)) {
    throw new RangeError('walk needs intervalMs > 0 and maxStepFraction >= 0');
  }
  return resolved;
}

/**
 * The server version to speak for a client's "v100..193" (or "v176"): the highest both sides know, as a
 * Gateway answers. Undefined (refuse the connection) when the ranges do not meet.
 */
export function negotiateServerVersion(versionText: string, highestOffered: number): number | undefined {
  const match = /^v(\d+)(?:\.\.(\d+))?/.exec(versionText.trim());
  if (!match) return undefined;
  const clientMin = Number(match[1]);
  const clientMax = match[2] === undefined ? clientMin : Number(match[2]);
  const agreed = Math.min(highestOffered, clientMax);
  // Below the supported range the simulator would write layouts the client cannot read: refuse instead.
  return agreed >= clientMin && agreed >= SUPPORTED_SERVER_VERSIONS.min ? agreed : undefined;
}
