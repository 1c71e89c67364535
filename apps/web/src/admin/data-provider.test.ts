import { listReply, makeStrategy, sentBody } from './testing/admin-api';
import { ApiError } from '../lib/api-client';
import { mockApi } from '../test/mock-api';
import { createAdminDataProvider } from './data-provider';

describe('admin data provider (ra-data-simple-rest over /api/admin)', () => {
  it('asks for a list page with range, sort and filter, and reads the total from Content-Range', async () => {
    const rows = [{ id: 30, status: 'failed' }, { id: 29, status: 'failed' }];
    const api = mockApi({ 'GET /api/admin/alerts': listReply('alerts', rows, 120, 25) });
    const dataProvider = createAdminDataProvider(jest.fn());

    const page = await dataProvider.getList('alerts', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'receivedAt', order: 'DESC' },
      filter: { status: 'failed', q: 'NQ' },
    });

    expect(page).toEqual({ data: rows, total: 120 });
    const [url] = api.requests('GET /api/admin/alerts');
    expect(JSON.parse(url.searchParams.get('range')!)).toEqual([25, 49]);
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['receivedAt', 'DESC']);
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ status: 'failed', q: 'NQ' });
    const [, init] = api.fetchMock.mock.calls[0];
    expect(init?.credentials).toBe('same-origin');
  });

  it('puts only the fields a form changed', async () => {
    const strategy = makeStrategy({ maxQuantity: '5', allowedSymbols: null });
    const api = mockApi({ 'PUT /api/admin/strategies/1': { body: { ...strategy, maxQuantity: '3' } } });
    const dataProvider = createAdminDataProvider(jest.fn());

    const edited = { ...strategy, maxQuantity: '3', allowedSymbols: null, password: null };
    await dataProvider.update('strategies', { id: 1, data: edited, previousData: strategy });

    expect(sentBody(api.fetchMock, 'PUT', '/api/admin/strategies/1')).toEqual({ maxQuantity: '3' });
  });

  it('hands a one-time secret to the dialog and keeps it out of the record', async () => {
    const created = { ...makeStrategy({ id: 7, name: 'Breakout' }), secret: 'th_s3cr3t_only_once' };
    mockApi({ 'POST /api/admin/strategies': { status: 201, body: created } });
    const reveal = jest.fn();
    const dataProvider = createAdminDataProvider(reveal);

    const { data } = await dataProvider.create('strategies', { data: { name: 'Breakout' } });

    expect(data).not.toHaveProperty('secret');
    expect(data).toMatchObject({ id: 7, name: 'Breakout' });
    expect(reveal).toHaveBeenCalledWith({ secret: 'th_s3cr3t_only_once', recordId: 7, label: 'Breakout' });
  });

  it('surfaces the API’s message when an action is refused', async () => {
    mockApi({
      'POST /api/admin/orders/4/cancel': { status: 409, body: { error: 'conflict', message: 'Order 4 is filled: nothing to cancel' } },
    });
    const dataProvider = createAdminDataProvider(jest.fn());
    const error = await dataProvider.cancelOrder(4).catch((e: unknown) => e);
    // The app's own error type: the shared QueryClient does not retry it, react-admin's checkError reads its status.
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: 'Order 4 is filled: nothing to cancel' });
  });
});
