import { strategyKey, type UnknownStrategy } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import type { StrategyStore } from './strategy-store';

/** At most this many names are listed (the most recently seen): the list is for a trader to read, not a log. */
export const UNKNOWN_STRATEGIES_LISTED = 200;

/**
 * Strategy names alerts arrived for that no configured strategy matches, newest first, so the console can offer to
 * configure them. Spellings with the same strategyKey are one name (the latest spelling is shown). Rejected requests
 * (wrong secret, invalid body — names with invisible characters among them) do not count: anyone can send those.
 * Grouped here rather than in SQL because strategyKey is the one definition of a name's identity. A name that looks
 * like a configured strategy says which (looksLike), since the list would otherwise show it as that strategy's twin.
 */
export async function unknownStrategies(db: DataSource, strategies: Pick<StrategyStore, 'get' | 'lookingLike'>): Promise<UnknownStrategy[]> {
  const rows: Array<{ name: string; alerts: number; lastSeenAt: Date }> = await db.query(`
    SELECT strategy AS name, count(*)::int AS alerts, max(received_at) AS "lastSeenAt"
    FROM alerts WHERE strategy IS NOT NULL AND status <> 'rejected' GROUP BY strategy`);
  const byKey = new Map<string, UnknownStrategy>();
  for (const row of rows) {
    if (strategies.get(row.name)) continue;
    const id = strategyKey(row.name);
    const lastSeenAt = row.lastSeenAt.toISOString();
    const seen = byKey.get(id);
    const latest = !seen || lastSeenAt > seen.lastSeenAt;
    const looksLike = strategies.lookingLike(row.name)?.name ?? seen?.looksLike;
    byKey.set(id, {
      id,
      name: latest ? row.name : seen.name,
      alerts: row.alerts + (seen?.alerts ?? 0),
      lastSeenAt: latest ? lastSeenAt : seen.lastSeenAt,
      ...(looksLike ? { looksLike } : {}),
    });
  }
  return [...byKey.values()].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt)).slice(0, UNKNOWN_STRATEGIES_LISTED);
}
