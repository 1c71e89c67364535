import { createHash, timingSafeEqual } from 'node:crypto';
import { SECRET_FIELDS } from '@tradehook/contracts';

/** The shared secret travels in the body (TradingView cannot send headers): secmgs, or its aliases. */
export function extractSecret(body: Record<string, unknown>): string | null {
  for (const field of SECRET_FIELDS) {
    const value = body[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison: hashing first makes both sides the same length, so length leaks nothing either. */
export function secretMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** secretMatches against a fixed secret, its digest computed once (the webhook's hot path). */
export function secretMatcher(expected: string): (given: string) => boolean {
  const expectedDigest = digest(expected);
  return (given) => timingSafeEqual(digest(given), expectedDigest);
}
