import type { CurrentUser, StrategyPositions } from '@tradehook/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeEventSource } from '../../../test/fake-event-source';
import { makeAlert, makeDrift, makePosition, makeStatus, makeStrategyPosition } from '../../../test/fixtures';
import { mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const admin: CurrentUser = { id: 1, username: 'admin', role: 'admin' };
const viewer: CurrentUser = { id: 2, username: 'vera', role: 'viewer' };
const MINUS = '\u2212';

const drifted: StrategyPositions = {
  positions: [
    makeStrategyPosition(),
    makeStrategyPosition({ strategy: 'Strat Beta', quantity: '0', avgPrice: null, realizedPnl: '35.5', working: '-2' }),
  ],
  drift: [makeDrift()],
};

function mockPositions(user: CurrentUser, routes: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /api/status': { body: makeStatus() },
    'GET /api/auth/me': { body: user },
    'GET /api/positions': { body: [makePosition({ quantity: '13', marketValue: '2502.5' })] },
    'GET /api/strategy-positions': { body: drifted },
    ...routes,
  });
}

const table = () => screen.getByRole('table', { name: 'Positions' });
// The page is a lazy chunk: the first test waits for it to load.
const findTable = () => screen.findByRole('table', { name: 'Positions' }, { timeout: 5000 });
const dialog = () => screen.getByRole('dialog');
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('Positions page', () => {
  it('shows IB\'s position per contract with the strategies underneath, figures as a trader reads them', async () => {
    mockPositions(viewer);
    renderApp('/positions');

    const ib = await within(await findTable()).findByRole('rowheader', { name: /AAPL/ });
    expect(cells(ib.closest('tr')!).slice(0, 9)).toEqual([
      // Working: the strategies' working orders in the contract (Beta's sell of 2).
      '13', `${MINUS}2`, '190.25', '192.50', '2,502.50', '+22.50', `${MINUS}4.10`, 'USD', expect.any(String),
    ]);
    expect(within(ib.closest('tr')!).getByText('+22.50')).toHaveClass('gain');
    expect(within(ib.closest('tr')!).getByText(`${MINUS}4.10`)).toHaveClass('loss');

    const alpha = within(table()).getByRole('rowheader', { name: /Strat Alpha/ }).closest('tr')!;
    expect(cells(alpha).slice(0, 8)).toEqual(['10', '—', '190.25', '', '', '', `${MINUS}4.10`, 'USD']);
    const beta = within(table()).getByRole('rowheader', { name: /Strat Beta/ }).closest('tr')!;
    expect(cells(beta).slice(0, 8)).toEqual(['0', `${MINUS}2`, '—', '', '', '', '+35.50', 'USD']);
    expect(document.title).toBe('Positions · Tradehook');
    expect(screen.getByRole('link', { name: 'Positions' })).toHaveClass('active');
  });

  it('says the figures are as of IB\'s last report while IB is not connected', async () => {
    mockPositions(viewer, { 'GET /api/status': { body: makeStatus({ ib: { ...makeStatus().ib, state: 'disconnected' } }) } });
    renderApp('/positions');
    expect(await screen.findByText(/IB is not connected: these are the figures as of IB's last report/)).toHaveClass('stale');
  });

  it('highlights drift with both figures, the difference and since when', async () => {
    mockPositions(viewer);
    renderApp('/positions');

    const row = await within(await findTable()).findByText(/Drift/);
    const driftRow = row.closest('tr')!;
    expect(driftRow).toHaveTextContent('IB holds 13, the strategies 10 — difference +3 since');
    expect(within(driftRow).getByRole('time')).toHaveAttribute('title', '2026-11-25T14:31:00.000Z');
    expect(driftRow.closest('tbody')).toHaveClass('drifted');
  });

  it('shows a viewer no action buttons', async () => {
    const api = mockPositions(viewer);
    renderApp('/positions');
    await within(await findTable()).findByText(/Drift/);
    await waitFor(() => expect(api.requests('GET /api/auth/me')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /Flatten|Sync/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it('asks an admin to confirm, saying exactly what will be sent, and sends nothing on cancel', async () => {
    const api = mockPositions(admin);
    renderApp('/positions');

    fireEvent.click(await screen.findByRole('button', { name: 'Flatten Strat Alpha in AAPL' }));
    expect(within(dialog()).getByRole('heading')).toHaveTextContent('Flatten Strat Alpha in AAPL?');
    expect(dialog()).toHaveTextContent('EXIT for Strat Alpha: SELL 10 at market, closing its 10.');
    expect(dialog()).toHaveTextContent(
      'POST /api/admin/positions/flatten-strategy {"strategy":"Strat Alpha","account":"DU1234567","conId":265598,"expected":"10"}');

    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
    // A strategy that is flat has nothing to flatten.
    expect(screen.queryByRole('button', { name: 'Flatten Strat Beta in AAPL' })).not.toBeInTheDocument();
  });

  it('sends the action once confirmed and shows the new alert and its fate', async () => {
    const sent: MockRequest[] = [];
    mockPositions(admin, {
      'POST /api/admin/positions/flatten-strategy': (request) => {
        sent.push(request);
        return { status: 202, body: { alerts: [{ id: 77, strategy: 'Strat Alpha', direction: 'EXIT' }] } };
      },
      'GET /api/alerts/77': { body: makeAlert({ id: 77, direction: 'EXIT', status: 'placed' }) },
    });
    renderApp('/positions');

    fireEvent.click(await screen.findByRole('button', { name: 'Flatten Strat Alpha in AAPL' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));

    const outcome = await screen.findByRole('status', { name: 'Action sent' });
    expect(sent.map((r) => r.json)).toEqual([{ strategy: 'Strat Alpha', account: 'DU1234567', conId: 265598, expected: '10' }]);
    expect(outcome).toHaveTextContent('Alert #77 · Strat Alpha · EXIT');
    expect(await within(outcome).findByText('placed')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('syncs a drifted contract against the difference shown, and says why the API refused', async () => {
    const sent: MockRequest[] = [];
    mockPositions(admin, {
      'POST /api/admin/positions/sync': (request) => {
        sent.push(request);
        return { status: 409, body: { error: 'conflict', message: 'The difference (IB − strategies) is 4 now, not 3: refresh and confirm again' } };
      },
    });
    renderApp('/positions');

    fireEvent.click(await screen.findByRole('button', { name: 'Sync AAPL to the strategies' }));
    expect(dialog()).toHaveTextContent("SYNC by Tradehook admin: IB holds 13, the strategies 10 — SELL 3 at market, bringing IB to the strategies' sum.");
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));

    expect(await within(dialog()).findByRole('alert')).toHaveTextContent('is 4 now, not 3');
    expect(sent.map((r) => r.json)).toEqual([{ account: 'DU1234567', conId: 265598, expected: '3' }]);
  });

  it('flattens the contract at IB or everything, each after its own confirmation', async () => {
    const sent: MockRequest[] = [];
    const reply = (request: MockRequest) => {
      sent.push(request);
      return { status: 202, body: { alerts: [] } };
    };
    mockPositions(admin, { 'POST /api/admin/positions/flatten-contract': reply, 'POST /api/admin/positions/flatten-all': reply });
    renderApp('/positions');

    fireEvent.click(await screen.findByRole('button', { name: 'Flatten AAPL at IB' }));
    expect(dialog()).toHaveTextContent('CANCEL by Tradehook admin: every working order in AAPL is cancelled first.');
    expect(dialog()).toHaveTextContent("SYNC by Tradehook admin: takes IB's 13 to flat — SELL 3 at market beyond the exits.");
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));
    await screen.findByRole('status', { name: 'Action sent' });

    fireEvent.click(screen.getByRole('button', { name: 'Flatten everything' }));
    expect(dialog()).toHaveTextContent('AAPL (DU1234567): 3 alert(s) — SELL 13 in all, IB to flat.');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((r) => [r.url.pathname, r.json])).toEqual([
      ['/api/admin/positions/flatten-contract', { account: 'DU1234567', conId: 265598, expected: '13' }],
      ['/api/admin/positions/flatten-all', { confirm: true }],
    ]);
  });

  it('refreshes on position and drift events, without polling', async () => {
    let ibQuantity = '13';
    const api = mockPositions(viewer, { 'GET /api/positions': () => ({ body: [makePosition({ quantity: ibQuantity })] }) });
    renderApp('/positions');
    await within(await findTable()).findByText(/Drift/);

    ibQuantity = '15';
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('position', { type: 'position', id: 'DU1234567:265598', at: '2026-11-25T14:32:00.000Z' });
    });
    const ib = await within(await findTable()).findByRole('rowheader', { name: /AAPL/ });
    await waitFor(() => expect(within(ib.closest('tr')!).getAllByRole('cell')[0]).toHaveTextContent('15'));
    expect(api.requests('GET /api/strategy-positions')).toHaveLength(2);

    act(() => FakeEventSource.latest().emit('drift', { type: 'drift', id: 'DU1234567:265598', status: 'ended', at: '2026-11-25T14:33:00.000Z' }));
    await waitFor(() => expect(api.requests('GET /api/strategy-positions')).toHaveLength(3));
  });
});
