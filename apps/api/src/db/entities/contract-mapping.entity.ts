import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** TradingView ticker/exchange → the IB contract to trade. */
@Entity({ name: 'contract_map' })
export class ContractMappingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: number;
  @Column({ type: 'text', name: 'tv_symbol' }) tvSymbol!: string;
  @Column({ type: 'text', name: 'tv_exchange' }) tvExchange!: string;
  @Column({ type: 'text' }) symbol!: string;
  @Column({ type: 'text', name: 'sec_type' }) secType!: string;
  @Column({ type: 'text' }) exchange!: string;
  @Column({ type: 'text', name: 'primary_exchange', nullable: true }) primaryExchange!: string | null;
  @Column({ type: 'text' }) currency!: string;
  @Column({ type: 'text', nullable: true }) multiplier!: string | null;
  @Column({ type: 'text', name: 'local_symbol', nullable: true }) localSymbol!: string | null;
  @Column({ type: 'boolean', name: 'front_month' }) frontMonth!: boolean;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
