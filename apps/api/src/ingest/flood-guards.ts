import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { RejectedAlertPruner } from '../alerts/rejected-pruner';
import { guardCounters } from '../metrics/guard-counters';
import type { TradehookMetrics } from '../metrics/registry';
import type { SettingsStore } from '../settings/settings-store';
import { FailureLimiter } from './failure-limiter';

/**
 * What keeps a flood of rejected requests from filling the database: the failure limit per address (refusals
 * counted in /metrics, logged once per address and minute) and the scheduled pruning of old rejected rows.
 */
export function floodGuards(ctx: {
  db: DataSource; log: Logger; settings: SettingsStore; metrics: TradehookMetrics; failureLimitPerMinute: number;
}) {
  const { log, failureLimitPerMinute } = ctx;
  const counters = guardCounters(ctx.metrics.registry);
  const failures = new FailureLimiter(failureLimitPerMinute, (address, first) => {
    counters.failuresRefused.inc();
    if (first) {
      log.warn({ address, limitPerMinute: failureLimitPerMinute },
        'webhook: too many requests without a valid secret from one address; until the minute is over they get 429 and are not stored');
    }
  });
  const pruner = new RejectedAlertPruner(ctx.db, () => ctx.settings.current().rejectedRetentionDays, {
    pruned(count) {
      counters.alertsPruned.inc(count);
      log.info({ alerts: count }, 'deleted rejected and duplicate alerts past the retention period');
    },
    failed: (error) => log.warn({ err: error }, 'deleting old rejected alerts failed; the next pass tries again'),
  });
  return { failures, pruner };
}
