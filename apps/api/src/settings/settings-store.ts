import { GLOBAL_LIMIT_DEFAULTS, PRICE_BAND_DEFAULT_PERCENT, type Settings, type SettingsInput } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { PeriodicRefresh } from '../common/periodic-refresh';
import { sqlRows } from '../db/sql';

export interface SettingsDefaults {
  killSwitch: boolean;
  orderMaxAgeSeconds: number;
  duplicateWindowSeconds: number;
}

/** The migration's default (1764100007000): a week of rejected alerts to look into, then they go. */
const REJECTED_RETENTION_DAYS_DEFAULT = 7;

const SELECT = `SELECT id, kill_switch AS "killSwitch", order_max_age_seconds AS "orderMaxAgeSeconds",
  duplicate_window_seconds AS "duplicateWindowSeconds", ip_allowlist_enabled AS "ipAllowlistEnabled",
  ip_allowlist AS "ipAllowlist", unknown_strategy_policy AS "unknownStrategyPolicy",
  global_max_quantity::float8 AS "globalMaxQuantity", global_max_notional::float8 AS "globalMaxNotional",
  price_band_percent::float8 AS "priceBandPercent",
  rejected_retention_days AS "rejectedRetentionDays", updated_at AS "updatedAt"
  FROM settings WHERE id = 1`;

const COLUMNS: Record<keyof SettingsInput, string> = {
  killSwitch: 'kill_switch', orderMaxAgeSeconds: 'order_max_age_seconds', duplicateWindowSeconds: 'duplicate_window_seconds',
  ipAllowlistEnabled: 'ip_allowlist_enabled', ipAllowlist: 'ip_allowlist', unknownStrategyPolicy: 'unknown_strategy_policy',
  globalMaxQuantity: 'global_max_quantity', globalMaxNotional: 'global_max_notional', priceBandPercent: 'price_band_percent',
  rejectedRetentionDays: 'rejected_retention_days',
};

/**
 * Runtime settings edited in the console, read synchronously on hot paths from a cache refreshed on every change
 * (and every few seconds, for changes made by another replica). The environment supplies the defaults.
 */
export class SettingsStore {
  private cached: Settings;
  private readonly refresh = new PeriodicRefresh(() => this.load());

  constructor(
    private readonly db: DataSource,
    private readonly defaults: SettingsDefaults,
    /** After a change from the console (open pages show the kill switch). */
    private readonly onChange: () => void = () => undefined,
  ) {
    this.cached = {
      id: 1, killSwitch: defaults.killSwitch, orderMaxAgeSeconds: defaults.orderMaxAgeSeconds,
      duplicateWindowSeconds: defaults.duplicateWindowSeconds, ipAllowlistEnabled: false, ipAllowlist: [],
      unknownStrategyPolicy: 'auto', ...GLOBAL_LIMIT_DEFAULTS, priceBandPercent: PRICE_BAND_DEFAULT_PERCENT,
      rejectedRetentionDays: REJECTED_RETENTION_DAYS_DEFAULT, updatedAt: new Date(0).toISOString(),
    };
  }

  current(): Settings {
    return this.cached;
  }

  start(): Promise<void> {
    return this.refresh.start();
  }

  stop(): void {
    this.refresh.stop();
  }

  async load(): Promise<Settings> {
    const [row] = await this.db.query(SELECT);
    // KILL_SWITCH=true in the environment cannot be switched off from the console.
    this.cached = {
      ...row,
      killSwitch: row.killSwitch || this.defaults.killSwitch,
      orderMaxAgeSeconds: row.orderMaxAgeSeconds ?? this.defaults.orderMaxAgeSeconds,
      duplicateWindowSeconds: row.duplicateWindowSeconds ?? this.defaults.duplicateWindowSeconds,
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
    return this.cached;
  }

  async update(input: SettingsInput): Promise<Settings> {
    const entries = Object.entries(input).filter(([key]) => Object.hasOwn(COLUMNS, key)); // own keys: never `constructor`
    if (entries.length) {
      const sets = entries.map(([key], i) => `${COLUMNS[key as keyof SettingsInput]} = $${i + 1}`).join(', ');
      await sqlRows(this.db, `UPDATE settings SET ${sets}, updated_at = now() WHERE id = 1`, entries.map(([, v]) => v));
    }
    const settings = await this.load();
    this.onChange();
    return settings;
  }
}
