import { originalPayload, type TestStack } from '../support/stack';

/** Position-test helpers over the real stack: strategies, alerts and their fates, positions as the API shows them. */
export function positionHelpers(stack: TestStack) {
  const helpers = {
    async strategy(name: string, extra: Record<string, unknown> = {}) {
      const res = await stack.fetch('/api/admin/strategies', { method: 'POST', body: JSON.stringify({ name, ...extra }) });
      if (res.status !== 201 && res.status !== 200) throw new Error(`strategy ${name}: ${res.status} ${await res.text()}`);
    },
    /** A stock alert for `strategy` (AAPL on NASDAQ at 190 unless overridden). */
    payload: (strategy: string, extra: Record<string, unknown> = {}) =>
      originalPayload({ stratName: strategy, symbol: 'AAPL', exchange: 'NASDAQ', price: 190, ...extra }),
    async send(strategy: string, extra: Record<string, unknown> = {}): Promise<number> {
      const { status, body } = await stack.post(helpers.payload(strategy, extra));
      if (status !== 200 || body.status !== 'accepted') throw new Error(`alert not accepted: ${status} ${JSON.stringify(body)}`);
      return body.id as number;
    },
    async fate(alertId: number): Promise<{ status: string; reason: string | null }> {
      return stack.waitFor(async () => (await stack.query(
        `SELECT status, reason FROM alerts WHERE id = $1 AND status <> 'accepted'`, [alertId]))[0], `fate of alert ${alertId}`);
    },
    /** Waits until every order is done trading and its executions and commissions are recorded. */
    async settled(): Promise<void> {
      await stack.waitFor(async () => {
        const [{ n }] = await stack.query(`SELECT count(*)::int AS n FROM orders WHERE may_trade`);
        const [{ m }] = await stack.query(`SELECT count(*)::int AS m FROM executions e LEFT JOIN commissions c USING (exec_id) WHERE c.exec_id IS NULL`);
        return n === 0 && m === 0;
      }, 'orders settled', 15_000);
      await stack.running.services.ledger.idle();
    },
    async positions(): Promise<{ positions: any[]; drift: any[] }> {
      const { status, body } = await stack.get('/api/strategy-positions');
      if (status !== 200) throw new Error(`GET /api/strategy-positions: ${status}`);
      return body;
    },
    async position(strategy: string, symbol = 'AAPL') {
      return (await helpers.positions()).positions.find((p) => p.strategy === strategy && p.symbol === symbol);
    },
    ordersOf: (strategy: string) => stack.query(
      `SELECT o.side, o.quantity::text AS quantity, o.status FROM orders o JOIN alerts a ON a.id = o.alert_id WHERE a.strategy = $1 ORDER BY o.id`,
      [strategy]),
  };
  return helpers;
}
