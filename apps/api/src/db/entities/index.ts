import { AlertEntity } from './alert.entity';
import { ContractMappingEntity } from './contract-mapping.entity';
import { OrderEntity } from './order.entity';

export { AlertEntity, ContractMappingEntity, OrderEntity };
export const entities = [AlertEntity, OrderEntity, ContractMappingEntity];
