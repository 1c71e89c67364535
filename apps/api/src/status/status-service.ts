import type { IbConnection, Status, TodayCounts } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';

export interface IbConnectionSource {
  connection(): IbConnection;
}
export interface DispatchState {
  pending(): number;
  killSwitch(): boolean;
}

export interface StatusOptions {
  version: string;
  startedAt: Date;
  embeddedDatabase: boolean;
  webhookUrl: string;
}

/** Readiness: database, IB connection, dispatch backlog and today's counts, in one answer. */
export class StatusService {
  constructor(
    private readonly db: DataSource,
    private readonly options: StatusOptions,
    private readonly ib: IbConnectionSource,
    private readonly dispatch: DispatchState,
  ) {}

  /** The listening port is known only after listen() when PORT=0. */
  setWebhookUrl(url: string): void {
    this.options.webhookUrl = url;
  }

  async status(): Promise<Status> {
    const started = performance.now();
    let today: TodayCounts | null = null;
    let error: string | null = null;
    try {
      today = await this.todayCounts();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ib = this.ib.connection();
    const reachable = error === null;
    return {
      status: reachable && ib.state === 'connected' ? 'ok' : 'degraded',
      version: this.options.version,
      startedAt: this.options.startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - this.options.startedAt.getTime()) / 1000),
      database: {
        reachable,
        embedded: this.options.embeddedDatabase,
        latencyMs: reachable ? Math.round((performance.now() - started) * 100) / 100 : null,
        error,
      },
      ib,
      dispatch: { pending: this.dispatch.pending(), killSwitch: this.dispatch.killSwitch() },
      today,
      webhookUrl: this.options.webhookUrl,
    };
  }

  private async todayCounts(): Promise<TodayCounts> {
    const [row] = await this.db.query(`
      SELECT
        (SELECT count(*) FROM alerts WHERE received_at >= date_trunc('day', now()) AND status NOT IN ('rejected', 'duplicate'))::int AS accepted,
        (SELECT count(*) FROM alerts WHERE received_at >= date_trunc('day', now()) AND status = 'rejected')::int AS rejected,
        (SELECT count(*) FROM alerts WHERE received_at >= date_trunc('day', now()) AND status = 'duplicate')::int AS duplicate,
        (SELECT count(*) FROM orders WHERE created_at >= date_trunc('day', now()))::int AS orders,
        (SELECT count(*) FROM executions WHERE executed_at >= date_trunc('day', now()))::int AS fills`);
    return row;
  }
}
