import { Counter, type Registry } from 'prom-client';

/** What the webhook's flood guards did, for /metrics (the registry is TradehookMetrics'). */
export function guardCounters(registry: Registry) {
  return {
    failuresRefused: new Counter({
      name: 'tradehook_webhook_failures_refused_total',
      help: 'Requests without a valid secret answered 429 and not stored: their address was past WEBHOOK_FAILURE_LIMIT_PER_MINUTE',
      registers: [registry],
    }),
    alertsPruned: new Counter({
      name: 'tradehook_alerts_pruned_total',
      help: 'Rejected and duplicate alerts that led to no order, deleted after rejectedRetentionDays',
      registers: [registry],
    }),
  };
}
