import type { CurrentUser, Strategy } from '@tradehook/contracts';
import { mockApi, type MockReply } from '../../test/mock-api';

export const adminUser: CurrentUser = { id: 1, username: 'ada', role: 'admin' };
export const viewerUser: CurrentUser = { id: 2, username: 'vic', role: 'viewer' };

/** A list answer as the API gives it: the rows and their Content-Range (e.g. "strategies 0-1/2"). */
export function listReply(resource: string, rows: unknown[], total = rows.length, start = 0): MockReply {
  const end = rows.length ? start + rows.length - 1 : start;
  return { body: rows, headers: { 'Content-Range': `${resource} ${start}-${end}/${total}` } };
}

/** The network edge of the console: signed in as `user`, plus the routes a test needs. */
export function mockAdminApi(user: CurrentUser, routes: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({ 'GET /api/auth/me': { body: user }, ...routes });
}

/** The JSON body a request was sent with (the n-th call of that method and path). */
export function sentBody(fetchMock: jest.Mock, method: string, path: string, nth = 0): unknown {
  const calls = fetchMock.mock.calls.filter(
    ([url, init]) => (init?.method ?? 'GET').toUpperCase() === method && new URL(String(url), 'http://localhost').pathname === path,
  );
  const body = calls[nth]?.[1]?.body;
  return body === undefined ? undefined : JSON.parse(String(body));
}

export function makeStrategy(overrides: Partial<Strategy> = {}): Strategy {
  return {
    id: 1,
    name: 'Strat Alpha',
    enabled: true,
    hasSecret: true,
    defaultQuantity: '1',
    maxQuantity: '5',
    maxNotional: null,
    allowedSymbols: ['NQU4', 'ESU4'],
    tradingWindowStart: '09:30',
    tradingWindowEnd: '16:00',
    timeZone: 'America/New_York',
    defaultOrderType: 'MKT',
    positionMode: 'orders',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}
