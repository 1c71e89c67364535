import Ajv, { type ErrorObject } from 'ajv';
import { DIRECTION_ALIASES, type AlertExits, strategyNameProblem, WebhookPayload, type AlertDirection, type FieldProblem } from '@tradehook/contracts';
import type { AlertSignal } from '../positions/signal';
import { signalOf } from '../positions/signal-fields';
import { toDecimal, type DecimalLimits } from './decimal';
import { exitsOf } from './exit-fields';

/** An alert as the rest of Tradehook sees it: upper-cased words, exact decimals as strings. */
export interface NormalizedAlert {
  strategy: string;
  alertText: string | null;
  exchange: string | null;
  symbol: string;
  /** null when not sent (EXIT, REVERSE, CANCEL: not required). */
  price: string | null;
  direction: AlertDirection;
  quantity: string | null;
  orderType: string | null;
  limitPrice: string | null;
  stopPrice: string | null;
  tif: string | null;
  secType: string | null;
  currency: string | null;
  externalId: string | null;
  /** The position-aware fields, when the alert has any. */
  signal: AlertSignal | null;
  /** Exits resting at IB with the entry (a bracket), when the alert has any. */
  exits: AlertExits | null;
}

export type ValidationResult = { ok: true; alert: NormalizedAlert } | { ok: false; problems: FieldProblem[] };

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const check = ajv.compile(WebhookPayload);
const allowedFields = Object.keys(WebhookPayload.properties).join(', ');

const PRICE: DecimalLimits = { maxAbs: 1e12, maxDecimals: 10 };
const QUANTITY: DecimalLimits = { maxAbs: 1e9, maxDecimals: 8, positive: true };

/** Plain-words problems for the patterns in the contract. */
const PATTERN_PROBLEMS: Record<string, string> = {
  direction: 'must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL',
  marketPosition: 'must be long, flat or short',
  prevMarketPosition: 'must be long, flat or short',
  timenow: 'must be a time such as 2026-11-26T14:30:05Z ({{timenow}})',
  orderType: 'must be MKT, LMT, STP or STP LMT',
  tif: 'must be DAY, GTC, IOC, FOK or OPG',
  secType: 'must be STK, FUT, CASH, CFD or CRYPTO',
  currency: 'must be a 3-letter currency code such as USD',
  symbol: 'must be a ticker without spaces',
};

/** Plain words for the exit unions (a branch's own errors say little). */
const UNION_PROBLEMS: Record<string, string> = {
  takeProfit: 'must be a price, or one of { "price" }, { "offset" }, { "ticks" }, { "percent" } with a number',
  stopLoss: 'must be a price, or one of { "price" }, { "offset" }, { "ticks" }, { "percent" } with a number, optionally with "limitOffset"',
  trailingStop: 'must be { "amount": points } or { "percent": x }',
};

function describe(error: ErrorObject): FieldProblem {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  switch (error.keyword) {
    case 'required':
      return { field: (error.params as { missingProperty: string }).missingProperty, problem: 'is required' };
    case 'additionalProperties':
      return {
        field: (error.params as { additionalProperty: string }).additionalProperty,
        problem: `is not a known field (known fields: ${allowedFields})`,
      };
    case 'anyOf':
      return { field: path, problem: UNION_PROBLEMS[path] ?? 'must be a number (or a number in quotes)' };
    case 'pattern':
      return { field: path, problem: PATTERN_PROBLEMS[path] ?? 'has an invalid format' };
    case 'minLength':
      return { field: path, problem: 'must not be empty' };
    case 'maxLength':
      return { field: path, problem: `must be at most ${(error.params as { limit: number }).limit} characters` };
    case 'type':
      return { field: path, problem: path === '' ? 'the body must be a JSON object' : `must be a ${(error.params as { type: string }).type}` };
    default:
      return { field: path, problem: error.message ?? 'is invalid' };
  }
}

/** One problem per field: a union's branch errors collapse into the union's message. */
function problemsOf(errors: ErrorObject[]): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  const unionFields = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    const inUnion = [...unionFields].some((u) => error.instancePath.startsWith(`${u}/`));
    if (inUnion || (unionFields.has(error.instancePath) && error.keyword !== 'anyOf')) continue;
    const problem = describe(error);
    if (!byField.has(problem.field)) byField.set(problem.field, problem);
  }
  return [...byField.values()];
}

/** Why a name passes for a configured strategy it is not (StrategyStore.lookingLike), or null: a cached lookup. */
export type LookAlikeCheck = (name: string) => string | null;

/**
 * Every problem at once, so one correction fixes the alert: the schema's, then the exact-decimal and cross-field
 * checks on whatever fields the schema did not already fault.
 */
export function validatePayload(body: unknown, lookAlike?: LookAlikeCheck): ValidationResult {
  const problems: FieldProblem[] = check(body) ? [] : problemsOf(check.errors ?? []);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problems };
  const raw = body as Record<string, unknown>;
  const faulted = new Set(problems.map((x) => x.field));
  const add = (field: string, problem: string) => {
    if (faulted.has(field)) return;
    faulted.add(field);
    problems.push({ field, problem });
  };
  const decimal = (field: string, limits: DecimalLimits): string | null => {
    const value = raw[field];
    if (faulted.has(field) || (typeof value !== 'number' && typeof value !== 'string')) return null;
    const result = toDecimal(value, limits);
    if (!result.ok) add(field, result.problem);
    return result.ok ? result.value : null;
  };
  const price = decimal('price', PRICE);
  const quantity = decimal('quantity', QUANTITY);
  const limitPrice = decimal('limitPrice', PRICE);
  const stopPrice = decimal('stopPrice', PRICE);
  // Blank, invisible characters, mixed scripts, a configured strategy's look-alike: a name that could pass for another
  // strategy's is refused here (and the dispatcher refuses look-alikes again, as strategies change in between).
  const nameProblem = typeof raw.stratName === 'string' ? strategyNameProblem(raw.stratName) ?? lookAlike?.(raw.stratName) ?? null : null;
  if (nameProblem) add('stratName', nameProblem);
  const orderType = typeof raw.orderType === 'string' ? raw.orderType.toUpperCase() : null;
  if (orderType?.startsWith('STP') && raw.stopPrice === undefined) add('stopPrice', `is required for ${orderType} orders`);
  if (orderType === 'STP LMT' && raw.limitPrice === undefined) {
    add('limitPrice', 'is required for STP LMT orders (the limit the order takes once the stop triggers)');
  }
  const signal = signalOf(raw, faulted, add);
  const direction = typeof raw.direction === 'string' ? raw.direction.toUpperCase() : '';
  const exits = exitsOf(raw, faulted, add, { direction: DIRECTION_ALIASES[direction] ?? direction, orderType, price, limitPrice, stopPrice });
  // EXIT, REVERSE and CANCEL size themselves from the position and IB's reference price: only an order as stated needs one.
  if (price === null && raw.price === undefined) {
    if (direction === 'BUY' || direction === 'SELL') add('price', 'is required');
    else if (orderType === 'LMT' && limitPrice === null) add('price', 'is required for a LMT order without limitPrice (its limit defaults to price)');
  }
  if (problems.length) return { ok: false, problems };

  const p = body as WebhookPayload;
  return {
    ok: true,
    alert: {
      strategy: p.stratName.trim(),
      alertText: p.alert ?? null,
      exchange: p.exchange?.trim().toUpperCase() || null,
      symbol: p.symbol.trim().toUpperCase(),
      price,
      direction: DIRECTION_ALIASES[direction] ?? (direction as AlertDirection),
      quantity,
      orderType,
      limitPrice,
      stopPrice,
      tif: p.tif?.toUpperCase() ?? null,
      secType: p.secType?.toUpperCase() ?? null,
      currency: p.currency?.toUpperCase() ?? null,
      externalId: p.alertId ?? null,
      signal,
      exits,
    },
  };
}
