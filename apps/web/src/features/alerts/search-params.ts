import { ALERT_STATUSES, type AlertListQuery, type AlertStatus } from '@tradehook/contracts';

export const ALERTS_PAGE_SIZE = 50;

export type AlertFilters = Pick<AlertListQuery, 'strategy' | 'symbol' | 'status'>;

function isAlertStatus(value: string | null): value is AlertStatus {
  return (ALERT_STATUSES as readonly string[]).includes(value ?? '');
}

/** The alerts query encoded in the page URL (so a filtered view can be bookmarked and shared). */
export function readAlertQuery(params: URLSearchParams): AlertListQuery {
  const offset = Number.parseInt(params.get('offset') ?? '', 10);
  const status = params.get('status');
  return {
    strategy: params.get('strategy')?.trim() || undefined,
    symbol: params.get('symbol')?.trim() || undefined,
    status: isAlertStatus(status) ? status : undefined,
    limit: ALERTS_PAGE_SIZE,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** Back to URL params, leaving out empty filters and the first page's offset. */
export function writeAlertQuery(filters: AlertFilters, offset = 0): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.strategy) params.set('strategy', filters.strategy);
  if (filters.symbol) params.set('symbol', filters.symbol);
  if (filters.status) params.set('status', filters.status);
  if (offset > 0) params.set('offset', String(offset));
  return params;
}
