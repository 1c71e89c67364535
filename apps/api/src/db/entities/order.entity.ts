import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'orders' })
export class OrderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: number;
  @Column({ type: 'bigint', name: 'alert_id', nullable: true }) alertId!: number | null;
  @Column({ type: 'integer', name: 'ib_order_id' }) ibOrderId!: number;
  @Column({ type: 'integer', name: 'client_id' }) clientId!: number;
  @Column({ type: 'bigint', name: 'perm_id', nullable: true }) permId!: number | null;
  @Column({ type: 'text', name: 'order_ref' }) orderRef!: string;
  @Column({ type: 'text' }) symbol!: string;
  @Column({ type: 'text', name: 'sec_type' }) secType!: string;
  @Column({ type: 'text' }) exchange!: string;
  @Column({ type: 'text', name: 'primary_exchange', nullable: true }) primaryExchange!: string | null;
  @Column({ type: 'text' }) currency!: string;
  @Column({ type: 'text', name: 'local_symbol', nullable: true }) localSymbol!: string | null;
  @Column({ type: 'text', nullable: true }) multiplier!: string | null;
  @Column({ type: 'text', name: 'last_trade_date', nullable: true }) lastTradeDate!: string | null;
  @Column({ type: 'text' }) side!: string;
  @Column({ type: 'numeric' }) quantity!: string;
  @Column({ type: 'text', name: 'order_type' }) orderType!: string;
  @Column({ type: 'numeric', name: 'limit_price', nullable: true }) limitPrice!: string | null;
  @Column({ type: 'numeric', name: 'stop_price', nullable: true }) stopPrice!: string | null;
  @Column({ type: 'text' }) tif!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'numeric' }) filled!: string;
  @Column({ type: 'numeric' }) remaining!: string;
  @Column({ type: 'numeric', name: 'avg_fill_price', nullable: true }) avgFillPrice!: string | null;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @Column({ type: 'integer', name: 'last_error_code', nullable: true }) lastErrorCode!: number | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'filled_at', nullable: true }) filledAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
