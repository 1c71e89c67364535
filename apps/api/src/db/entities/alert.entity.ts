import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'alerts' })
export class AlertEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: number;
  @Column({ type: 'timestamptz', name: 'received_at' }) receivedAt!: Date;
  @Column({ type: 'text', name: 'client_ip', nullable: true }) clientIp!: string | null;
  @Column({ type: 'text', nullable: true }) strategy!: string | null;
  @Column({ type: 'text', nullable: true }) symbol!: string | null;
  @Column({ type: 'text', nullable: true }) exchange!: string | null;
  @Column({ type: 'numeric', nullable: true }) price!: string | null;
  @Column({ type: 'text', nullable: true }) direction!: string | null;
  @Column({ type: 'numeric', nullable: true }) quantity!: string | null;
  @Column({ type: 'text', name: 'order_type', nullable: true }) orderType!: string | null;
  @Column({ type: 'numeric', name: 'limit_price', nullable: true }) limitPrice!: string | null;
  @Column({ type: 'numeric', name: 'stop_price', nullable: true }) stopPrice!: string | null;
  @Column({ type: 'text', nullable: true }) tif!: string | null;
  @Column({ type: 'text', name: 'sec_type', nullable: true }) secType!: string | null;
  @Column({ type: 'text', nullable: true }) currency!: string | null;
  @Column({ type: 'text', name: 'alert_text', nullable: true }) alertText!: string | null;
  @Column({ type: 'text', name: 'external_id', nullable: true }) externalId!: string | null;
  @Column({ type: 'text', name: 'raw_body', nullable: true }) rawBody!: string | null;
  @Column({ type: 'text', name: 'body_hash', nullable: true }) bodyHash!: string | null;
  @Column({ type: 'text', name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'integer', name: 'http_status' }) httpStatus!: number;
  @Column({ type: 'bigint', name: 'duplicate_of', nullable: true }) duplicateOf!: number | null;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
