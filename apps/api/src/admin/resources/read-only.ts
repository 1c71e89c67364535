import { Alert, AlertRawBody, AuditEntry, Execution, Order } from '@tradehook/contracts';
import { Type } from '@sinclair/typebox';
import type { ResourceDefinition } from '../resource';

/** The contract stored with the alert; an order placed before alerts kept it has the same fields. */
const ALERT_CONTRACT = `COALESCE(a.contract, CASE WHEN o.id IS NOT NULL THEN json_build_object('secType', o.sec_type,
  'symbol', o.symbol, 'exchange', o.exchange, 'primaryExchange', o.primary_exchange, 'currency', o.currency,
  'localSymbol', o.local_symbol, 'lastTradeDate', o.last_trade_date, 'multiplier', o.multiplier)::jsonb END)`;

/** A bracket's children as the alert shows them (ExitOrderSummary), oldest first. */
const EXIT_ORDERS = `(SELECT coalesce(json_agg(json_build_object('id', c.id, 'ibOrderId', c.ib_order_id, 'role', c.exit_role,
  'orderType', c.order_type, 'status', c.status, 'limitPrice', c.limit_price::text, 'stopPrice', c.stop_price::text,
  'trailingAmount', c.trailing_amount::text, 'trailingPercent', c.trailing_percent::text, 'filled', c.filled::text,
  'avgFillPrice', c.avg_fill_price::text) ORDER BY c.id), '[]') FROM orders c WHERE c.parent_order_id = o.id)`;

/** The columns of an alert as the API shows it (the alert list and the console share this one definition). */
export const ALERT_SELECT = `a.id, a.received_at AS "receivedAt", a.client_ip AS "clientIp", a.strategy, a.symbol, a.exchange,
  a.price::text AS price, a.direction, a.quantity::text AS quantity, a.order_type AS "orderType", a.alert_text AS "alertText",
  a.external_id AS "externalId", a.status, a.reason, a.http_status AS "httpStatus", a.duplicate_of AS "duplicateOf",
  a.raw_body AS "rawBody", a.raw_body_truncated AS "rawBodyTruncated", a.exits, false AS "rawBodyHidden", ${ALERT_CONTRACT} AS contract,
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'ibOrderId', o.ib_order_id, 'status', o.status, 'quantity', o.quantity::text,
    'filled', o.filled::text, 'avgFillPrice', o.avg_fill_price::text, 'exits', ${EXIT_ORDERS}) END AS "order"`;
export const ALERT_FROM = 'alerts a LEFT JOIN orders o ON o.alert_id = a.id AND o.parent_order_id IS NULL';

export const alertsResource: ResourceDefinition = {
  name: 'alerts',
  from: ALERT_FROM,
  select: ALERT_SELECT,
  fields: { id: 'a.id', receivedAt: 'a.received_at', strategy: 'a.strategy', symbol: 'a.symbol', status: 'a.status', direction: 'a.direction' },
  searchable: ['a.strategy', 'a.symbol', 'a.reason', 'a.alert_text'],
  defaultSort: ['id', 'DESC'],
  record: Type.Composite([Alert, AlertRawBody]),
};

export const ordersResource: ResourceDefinition = {
  name: 'orders',
  from: 'orders o',
  select: `o.id, o.alert_id AS "alertId", o.parent_order_id AS "parentOrderId", o.exit_role AS "exitRole",
    o.ib_order_id AS "ibOrderId", o.perm_id AS "permId", o.client_id AS "clientId",
    o.symbol, o.sec_type AS "secType", o.exchange, o.primary_exchange AS "primaryExchange", o.currency,
    o.local_symbol AS "localSymbol", o.side, o.quantity::text AS quantity, o.order_type AS "orderType",
    o.limit_price::text AS "limitPrice", o.stop_price::text AS "stopPrice", o.tif, o.status, o.filled::text AS filled,
    o.remaining::text AS remaining, o.avg_fill_price::text AS "avgFillPrice", o.last_error AS "lastError",
    o.created_at AS "createdAt", o.submitted_at AS "submittedAt", o.acknowledged_at AS "acknowledgedAt",
    o.filled_at AS "filledAt", o.closed_at AS "closedAt"`,
  fields: { id: 'o.id', status: 'o.status', symbol: 'o.symbol', side: 'o.side', alertId: 'o.alert_id', createdAt: 'o.created_at', ibOrderId: 'o.ib_order_id' },
  searchable: ['o.symbol', 'o.order_ref', 'o.last_error'],
  defaultSort: ['id', 'DESC'],
  record: Order,
};

export const executionsResource: ResourceDefinition = {
  name: 'executions',
  from: 'executions e LEFT JOIN commissions c ON c.exec_id = e.exec_id',
  select: `e.id, e.exec_id AS "execId", e.order_id AS "orderId", e.ib_order_id AS "ibOrderId", e.perm_id AS "permId",
    e.symbol, e.sec_type AS "secType", e.exchange, e.side, e.shares::text AS shares, e.price::text AS price,
    e.cum_qty::text AS "cumQty", e.avg_price::text AS "avgPrice", e.executed_at AS "executedAt", e.account,
    c.commission::text AS commission`,
  fields: { id: 'e.id', symbol: 'e.symbol', side: 'e.side', orderId: 'e.order_id', permId: 'e.perm_id', executedAt: 'e.executed_at' },
  searchable: ['e.symbol', 'e.exec_id'],
  defaultSort: ['id', 'DESC'],
  record: Execution,
};

export const auditLogResource: ResourceDefinition = {
  name: 'audit-log',
  from: 'audit_log l',
  select: `l.id, l.at, l.username, l.action, l.resource, l.resource_id AS "resourceId", l.details`,
  fields: { id: 'l.id', at: 'l.at', username: 'l.username', action: 'l.action', resource: 'l.resource' },
  searchable: ['l.username', 'l.action', 'l.resource', 'l.resource_id'],
  defaultSort: ['id', 'DESC'],
  record: AuditEntry,
};
