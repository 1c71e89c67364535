/** Empty, absent and null are one value to the API: nothing set. */
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields a form changed, for a PUT the API treats as partial: read-only fields (id, createdAt, hasSecret…)
 * and untouched ones (an empty "new password") are not sent, and the audit log records what was really changed.
 */
export function changedFields(data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!previous) return data;
  return Object.fromEntries(Object.entries(data).filter(([field, value]) => !sameValue(value, previous[field])));
}
