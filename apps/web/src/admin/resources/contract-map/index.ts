import type { ContractMapping } from '@tradehook/contracts';
import { ContractMapIcon } from '../../shared/icons';
import { ContractMappingCreate } from './create';
import { ContractMappingEdit } from './edit';
import { ContractMappingList } from './list';
import { ContractMappingShow } from './show';

/** Which IB contract a TradingView symbol trades. */
export const contractMap = {
  list: ContractMappingList,
  show: ContractMappingShow,
  create: ContractMappingCreate,
  edit: ContractMappingEdit,
  options: { label: 'Contract map' },
  icon: ContractMapIcon,
  recordRepresentation: (m: ContractMapping) => `${m.tvExchange ? `${m.tvExchange}:` : ''}${m.tvSymbol} → ${m.symbol}`,
};
