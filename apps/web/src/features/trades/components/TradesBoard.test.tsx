import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeEventSource } from '../../../test/fake-event-source';
import { makeConsolidatedTrade, makeRecentTrade, makeStatus } from '../../../test/fixtures';
import { mockApi, mockNetworkDown } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const recentTable = () => screen.getByRole('table', { name: 'Recent trades' });
const consolidatedTable = () => screen.getByRole('table', { name: 'Consolidated trades' });

describe('Trades page', () => {
  it('shows both tables with decimals exactly as the API sent them', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': { body: [makeRecentTrade()] },
      'GET /api/trades/consolidated': { body: [makeConsolidatedTrade()] },
    });
    renderApp('/trades');

    const recent = await within(recentTable()).findByRole('row', { name: /EUR/ });
    // Five decimals stay five decimals; trailing zeros are kept (no toFixed, no Number round-trip).
    expect(within(recent).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '1001', 'Strat Alpha', '1.08765', '1.08760', '20,000', '25,000', '▲ Buy', '—', '—', expect.any(String),
    ]);
    expect(within(recent).getByText('1.08765')).toHaveClass('num');
    expect(within(recent).getByRole('time')).toHaveAttribute('title', '2026-11-25T14:30:01.000Z');

    const consolidated = await within(consolidatedTable()).findByRole('row', { name: /EUR/ });
    expect(within(consolidated).getByText('1.08760')).toBeInTheDocument();
    expect(within(consolidated).getByText('Sell')).toBeInTheDocument();
    expect(within(consolidated).getByText('0.00010')).toHaveClass('worse');
    expect(within(consolidated).getByText('2.00')).toHaveAttribute('title', '2.00 USD');
    expect(document.title).toBe('Trades · Tradehook');
  });

  it('shows each trade\'s strategy, commission and realized P&L, signed and coloured', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': { body: [
        makeRecentTrade({ commission: '1.0025', commissionCurrency: 'USD', realizedPnl: '-1234.5' }),
        makeRecentTrade({ execId: 'manual', orderId: 0, symbol: 'AAPL', strategy: null, realizedPnl: '80' }),
      ] },
      'GET /api/trades/consolidated': { body: [makeConsolidatedTrade({ realizedPnl: '1250.456', commission: '3.5' })] },
    });
    renderApp('/trades');

    const recent = await within(recentTable()).findByRole('row', { name: /EUR/ });
    expect(within(recent).getByText('Strat Alpha')).toBeInTheDocument();
    expect(within(recent).getByText('1.00')).toHaveAttribute('title', '1.0025 USD');
    expect(within(recent).getByText('\u22121,234.50')).toHaveClass('loss');
    const manual = within(recentTable()).getByRole('row', { name: /AAPL/ });
    expect(within(manual).getByText('outside').closest('td')).toHaveAttribute('title', 'Not placed by Tradehook');
    expect(within(manual).getByText('+80.00')).toHaveClass('gain');

    const consolidated = await within(consolidatedTable()).findByRole('row', { name: /EUR/ });
    expect(within(consolidated).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '1001', 'Strat Alpha', '1.08760', '25,000', '▼ Sell', '3.50', '+1,250.46', expect.any(String), '0.00010',
    ]);
    for (const header of ['Strategy', 'Commission', 'Realized P&L']) {
      expect(within(consolidatedTable()).getByRole('columnheader', { name: header })).toBeInTheDocument();
      expect(within(recentTable()).getByRole('columnheader', { name: header })).toBeInTheDocument();
    }
    expect(within(recentTable()).getByRole('columnheader', { name: 'Realized P&L' })).toHaveClass('num');
  });

  it('shows a loading row in each table until the data arrives', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': () => new Promise(() => {}),
      'GET /api/trades/consolidated': () => new Promise(() => {}),
    });
    renderApp('/trades');
    expect(within(recentTable()).getByRole('status')).toHaveTextContent('Loading…');
    expect(within(consolidatedTable()).getByRole('status')).toHaveTextContent('Loading…');
  });

  it('says so when there are no trades yet', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': { body: [] },
      'GET /api/trades/consolidated': { body: [] },
    });
    renderApp('/trades');
    expect(await within(recentTable()).findByText('No executions yet.')).toBeInTheDocument();
    expect(await within(consolidatedTable()).findByText('No orders filled yet.')).toBeInTheDocument();
  });

  it('shows the outage banner and the tables say what failed when the API is unreachable', async () => {
    mockNetworkDown();
    renderApp('/trades');
    expect(await screen.findByRole('alert')).toHaveTextContent('The Tradehook API is unreachable.');
    expect(await within(recentTable()).findByText(/Could not load: The Tradehook API is unreachable/)).toBeInTheDocument();
  });

  it('adds a new execution without a click when an execution event arrives', async () => {
    const first = makeRecentTrade();
    const second = makeRecentTrade({ execId: 'exec-2', orderId: 1002, symbol: 'GBP', price: '1.26801', direction: 'SELL' });
    let fills = [first];
    const api = mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': () => ({ body: fills }),
      'GET /api/trades/consolidated': { body: [] },
    });
    renderApp('/trades');
    await within(recentTable()).findByText('1.08765');
    expect(within(recentTable()).queryByText('1.26801')).not.toBeInTheDocument();

    fills = [second, first];
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('execution', { type: 'execution', id: 'exec-2', at: '2026-11-25T14:31:00.000Z' });
    });

    expect(await within(recentTable()).findByText('1.26801')).toBeInTheDocument();
    expect(api.requests('GET /api/trades/recent')).toHaveLength(2);
    expect(api.requests('GET /api/trades/consolidated')).toHaveLength(2);
  });

  it('listens on /api/events and ignores events that do not concern trades', async () => {
    const api = mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': { body: [] },
      'GET /api/trades/consolidated': { body: [] },
    });
    renderApp('/trades');
    await within(recentTable()).findByText('No executions yet.');
    expect(FakeEventSource.latest().url).toBe('/api/events');

    act(() => FakeEventSource.latest().emit('connection', { type: 'connection', id: 'connected', at: '2026-11-25T14:31:00.000Z' }));
    await waitFor(() => expect(api.requests('GET /api/status')).toHaveLength(2));
    expect(api.requests('GET /api/trades/recent')).toHaveLength(1);
  });

  it('refetches both tables when Refresh is pressed', async () => {
    const api = mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/trades/recent': { body: [makeRecentTrade()] },
      'GET /api/trades/consolidated': { body: [makeConsolidatedTrade()] },
    });
    renderApp('/trades');
    await within(recentTable()).findByText('1.08765');

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.requests('GET /api/trades/recent')).toHaveLength(2));
    expect(api.requests('GET /api/trades/consolidated')).toHaveLength(2);
    expect(api.requests('GET /api/trades/recent')[0].searchParams.get('limit')).toBe('20');
  });
});
