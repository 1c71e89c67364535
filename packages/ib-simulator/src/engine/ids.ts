/**
 * Identifiers TWS hands out: permIds (unique, non-zero, stable across sessions and client ids), execIds
 * ("0000e0d5.6553f1a2.01.01", whose last segment is the revision a correction bumps) and contract ids.
 */
import type { Random } from './prng';

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

export class IdSource {
  private nextPermId: number;
  private readonly execPrefix: string;
  private execSequence: number;

  constructor(random: Random) {
    // Large, seeded starting points make ids look like IB's and differ between simulator instances.
    this.nextPermId = 1_000_000_000 + Math.floor(random() * 900_000_000);
    this.execPrefix = hex8(Math.floor(random() * 0xffff) + 1);
    this.execSequence = Math.floor(random() * 0x7fffffff);
  }

  permId(): number {
    return this.nextPermId++;
  }

  /** A new execution id at revision .01. */
  execId(): string {
    this.execSequence = (this.execSequence + 1) >>> 0;
    return `${this.execPrefix}.${hex8(this.execSequence)}.01.01`;
  }
}

/** The execId of the next revision: same prefix, last segment + 1 (".01" → ".02"). */
export function nextRevision(execId: string): string {
  const cut = execId.lastIndexOf('.');
  const revision = Number(execId.slice(cut + 1)) + 1;
  return `${execId.slice(0, cut)}.${String(revision).padStart(2, '0')}`;
}

/** A stable, plausible contract id for a symbol (FNV-1a hash folded into 6–9 digits). */
export function conIdFor(symbol: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < symbol.length; i++) {
    hash ^= symbol.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 100_000 + (hash % 900_000_000);
}
