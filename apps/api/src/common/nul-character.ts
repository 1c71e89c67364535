/**
 * PostgreSQL refuses NUL (U+0000) in text, so a value carrying one would fail as a 500 deep inside a query.
 * Returns where the first NUL is — `name`, `name.key`, `name[2]` (a key holding one counts too) — or null.
 */
export function nulCharacterAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulCharacterAt(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes('\u0000') ? `${path}.${JSON.stringify(key)}` : nulCharacterAt(inner, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

export const nulCharacterMessage = (where: string) =>
  `${where} contains a NUL character (\\u0000 or %00), which is never valid here`;
