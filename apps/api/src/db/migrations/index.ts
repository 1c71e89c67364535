import { Alerts1764100000000 } from './1764100000000-alerts';
import { OrdersExecutions1764100001000 } from './1764100001000-orders-executions';
import { Admin1764100002000 } from './1764100002000-admin';
import { IngestDeadline1764100003000 } from './1764100003000-ingest-deadline';
import { StrategyNameCase1764100004000 } from './1764100004000-strategy-name-case';
import { StrategyIdentity1764100005000 } from './1764100005000-strategy-identity';
import { PricesAndContracts1764100006000 } from './1764100006000-prices-and-contracts';
import { RejectedBodies1764100007000 } from './1764100007000-rejected-bodies';
import { IbPositions1764100008000 } from './1764100008000-ib-positions';
import { StrategyPositions1764100009000 } from './1764100009000-strategy-positions';
import { Exits1764100010000 } from './1764100010000-exits';

/** Every migration, oldest first: the running app applies these at start-up (never `synchronize`). */
export const migrations = [Alerts1764100000000, OrdersExecutions1764100001000, Admin1764100002000, IngestDeadline1764100003000,
  StrategyNameCase1764100004000, StrategyIdentity1764100005000,
  PricesAndContracts1764100006000, RejectedBodies1764100007000, IbPositions1764100008000, StrategyPositions1764100009000,
  Exits1764100010000];
