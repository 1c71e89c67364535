import { act, screen, waitFor } from '@testing-library/react';
import { FakeEventSource } from '../test/fake-event-source';
import { makeStatus } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderApp } from '../test/render-app';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

afterEach(() => setVisibility('visible'));

/** /trades with no trades yet, loaded; its stream not opened. */
async function openEmptyTradesPage() {
  const api = mockApi({
    'GET /api/status': { body: makeStatus() },
    'GET /api/trades/recent': { body: [] },
    'GET /api/trades/consolidated': { body: [] },
  });
  renderApp('/trades');
  await screen.findByText('No executions yet.');
  return api;
}

describe('live events in a background tab', () => {
  it('closes the stream while hidden (freeing a connection) and, back in front, reopens it and refreshes', async () => {
    const api = await openEmptyTradesPage();
    const first = FakeEventSource.latest();
    act(() => first.open());

    setVisibility('hidden');
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(screen.queryByText('Live updates interrupted.')).not.toBeInTheDocument();

    setVisibility('visible');
    expect(FakeEventSource.instances).toHaveLength(2);
    const second = FakeEventSource.latest();
    expect(api.requests('GET /api/trades/recent')).toHaveLength(1);
    // Whatever happened meanwhile was not announced: once the new stream is open, everything is fetched again.
    act(() => second.open());
    await waitFor(() => expect(api.requests('GET /api/trades/recent')).toHaveLength(2));
  });
});

describe('live events and the status', () => {
  it('asks for the status at once when the stream breaks (an API that is down shows its banner now)', async () => {
    const api = await openEmptyTradesPage();
    const stream = FakeEventSource.latest();
    act(() => stream.open());
    const before = api.requests('GET /api/status').length;
    act(() => stream.fail());
    await waitFor(() => expect(api.requests('GET /api/status').length).toBe(before + 1));
  });

  it('refreshes the status when the settings change (the kill switch on an open page)', async () => {
    const api = await openEmptyTradesPage();
    const stream = FakeEventSource.latest();
    act(() => stream.open());
    const before = api.requests('GET /api/status').length;
    act(() => stream.emit('settings', { type: 'settings', id: 1, at: new Date().toISOString() }));
    await waitFor(() => expect(api.requests('GET /api/status').length).toBe(before + 1));
  });
});
