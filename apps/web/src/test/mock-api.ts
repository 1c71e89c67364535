/**
 * Mocks the network edge and nothing else: window.fetch answers from a table of routes
 * ("GET /api/status" → a JSON body, or a function of the request). Unknown routes answer 404.
 */
export interface MockReply {
  status?: number;
  body?: unknown;
  /** Extra response headers, e.g. the Content-Range a react-admin list reads. */
  headers?: Record<string, string>;
}
export interface MockRequest {
  method: string;
  url: URL;
  /** The JSON body sent, parsed (undefined without one). */
  json?: unknown;
}
type Route = MockReply | ((request: MockRequest) => MockReply | Promise<MockReply>);

function fakeResponse({ status = 200, body, headers = {} }: MockReply): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: new Headers({ ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as Response;
}

export function mockApi(routes: Record<string, Route>) {
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = new URL(String(input), 'http://localhost');
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return fakeResponse({ status: 404, body: { error: 'not_found', message: `No mock for ${method} ${url.pathname}` } });
    const json = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    return fakeResponse(typeof route === 'function' ? await route({ method, url, json }) : route);
  });
  globalThis.fetch = fetchMock as typeof fetch;
  return {
    fetchMock,
    /** The URLs requested for one route, in order, e.g. requests('GET /api/alerts'). */
    requests(route: string): URL[] {
      const [method, path] = route.split(' ');
      return fetchMock.mock.calls
        .map(([input, init]) => ({ method: (init?.method ?? 'GET').toUpperCase(), url: new URL(String(input), 'http://localhost') }))
        .filter((r) => r.method === method && r.url.pathname === path)
        .map((r) => r.url);
    },
  };
}

/** What fetch does when nothing answers (server down, DNS, CORS): it rejects with a TypeError. */
export function mockNetworkDown() {
  const fetchMock = jest.fn(async () => {
    throw new TypeError('Failed to fetch');
  });
  globalThis.fetch = fetchMock as typeof fetch;
  return fetchMock;
}
