import { UNKNOWN_STRATEGY_POLICIES } from '@tradehook/contracts';

type Policy = (typeof UNKNOWN_STRATEGY_POLICIES)[number];

const LABELS: Record<Policy, string> = {
  auto: 'Refuse them once any strategy is configured (default)',
  allow: 'Accept them with the global webhook secret, within the global limits',
  refuse: 'Refuse them',
};

export const UNKNOWN_STRATEGY_CHOICES = UNKNOWN_STRATEGY_POLICIES.map((id) => ({ id, name: LABELS[id] }));
