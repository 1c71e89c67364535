import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** A 4xx will answer the same way again; only outages and 5xx are worth a retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The app's one react-query setup. Tests pass overrides (e.g. retry: false) instead of building their own. */
export function createQueryClient(overrides: DefaultOptions['queries'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Live events invalidate what changed, so data can be considered fresh for a while.
      queries: { staleTime: 15_000, retry: shouldRetry, ...overrides },
      mutations: { retry: false },
    },
  });
}
