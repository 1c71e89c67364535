import { mockApi, mockNetworkDown } from '../test/mock-api';
import { ApiError, apiFetch, buildPath, setUnauthorizedHandler } from './api-client';

describe('apiFetch', () => {
  afterEach(() => setUnauthorizedHandler(() => {}));

  it('returns the parsed body of a 2xx and nothing for a 204', async () => {
    mockApi({ 'GET /api/status': { body: { status: 'ok' } }, 'DELETE /api/alerts/3': { status: 204 } });
    await expect(apiFetch('/api/status')).resolves.toEqual({ status: 'ok' });
    await expect(apiFetch('/api/alerts/3', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns a non-2xx into an ApiError carrying the ErrorResponse message', async () => {
    const body = { error: 'not_found', message: 'Alert 9 does not exist' };
    mockApi({ 'GET /api/alerts/9': { status: 404, body } });
    const error = await apiFetch('/api/alerts/9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, message: 'Alert 9 does not exist', body, unreachable: false });
  });

  it('falls back to the HTTP status when the error body is not an ErrorResponse', async () => {
    mockApi({ 'GET /api/status': { status: 502, body: '<html>Bad gateway</html>' } });
    const error = await apiFetch('/api/status').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, message: 'Request failed: HTTP 502', body: null, unreachable: true });
  });

  it('reports a network failure as unreachable (status 0)', async () => {
    mockNetworkDown();
    const error = await apiFetch('/api/status').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, unreachable: true, message: 'The Tradehook API is unreachable.' });
  });

  it('sends every 401 through the one unauthorized handler', async () => {
    mockApi({ 'GET /api/alerts': { status: 401, body: { error: 'unauthorized', message: 'Log in first' } } });
    const handler = jest.fn();
    setUnauthorizedHandler(handler);
    await expect(apiFetch('/api/alerts')).rejects.toMatchObject({ status: 401, message: 'Log in first' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('sends JSON bodies with their content type', async () => {
    const { fetchMock } = mockApi({ 'POST /webhook': { body: { id: 1, status: 'accepted' } } });
    await apiFetch('/webhook', { method: 'POST', json: { symbol: 'NQU4' } });
    const [, init] = fetchMock.mock.calls[0];
    expect(init?.body).toBe('{"symbol":"NQU4"}');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });
});

describe('buildPath', () => {
  it('leaves out empty parameters', () => {
    expect(buildPath('/api/alerts', { limit: 50, offset: 0, symbol: '', status: undefined, strategy: null })).toBe(
      '/api/alerts?limit=50&offset=0',
    );
    expect(buildPath('/api/status')).toBe('/api/status');
  });
});
