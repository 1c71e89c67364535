import { act, screen, waitFor } from '@testing-library/react';
import { FakeEventSource } from '../../test/fake-event-source';
import { makeStatus } from '../../test/fixtures';
import { mockApi, mockNetworkDown } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

function mockStatus(status = makeStatus()) {
  return mockApi({
    'GET /api/status': { body: status },
    'GET /api/trades/recent': { body: [] },
    'GET /api/trades/consolidated': { body: [] },
  });
}

describe('Status banners', () => {
  it('warns on every page when the API cannot be reached', async () => {
    mockNetworkDown();
    renderApp('/trades');
    expect(await screen.findByRole('alert')).toHaveTextContent('The Tradehook API is unreachable.');
  });

  it('treats a gateway error as unreachable, and shows the message of any other failure', async () => {
    mockApi({ 'GET /api/status': { status: 500, body: { error: 'internal', message: 'status query exploded' } } });
    renderApp('/guide');
    expect(await screen.findByRole('alert')).toHaveTextContent('Status unavailable. status query exploded');
  });

  it('says why Interactive Brokers is not connected', async () => {
    const ib = { ...makeStatus().ib, state: 'disconnected' as const, reason: 'Gateway refused the connection (port 4002)' };
    mockStatus(makeStatus({ ib }));
    renderApp('/trades');
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Interactive Brokers is not connected (disconnected).');
    expect(banner).toHaveTextContent('Gateway refused the connection (port 4002)');
  });

  it('shows no banner when everything is healthy', async () => {
    const api = mockStatus();
    renderApp('/trades');
    await waitFor(() => expect(api.requests('GET /api/status')).toHaveLength(1));
    await screen.findByText('No executions yet.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows that live updates are down until the stream reopens, then refreshes what was missed', async () => {
    const api = mockStatus();
    renderApp('/trades');
    await screen.findByText('No executions yet.');
    const stream = FakeEventSource.latest();

    act(() => stream.open());
    act(() => stream.fail());
    expect(screen.getByRole('status')).toHaveTextContent('Live updates interrupted.');

    act(() => stream.open());
    expect(screen.queryByText('Live updates interrupted.')).not.toBeInTheDocument();
    await waitFor(() => expect(api.requests('GET /api/trades/recent')).toHaveLength(2));
  });

  it('opens a new stream when the server closed the old one', async () => {
    mockStatus();
    renderApp('/trades');
    await screen.findByText('No executions yet.');
    const first = FakeEventSource.latest();

    act(() => first.fail({ closed: true }));
    expect(screen.getByText('Live updates interrupted.')).toBeInTheDocument();
    // The first retry comes after one second.
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 2000 });
    expect(FakeEventSource.latest()).not.toBe(first);
  });
});
