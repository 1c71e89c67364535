import { act, screen, waitFor, within } from '@testing-library/react';
import { FakeEventSource } from '../../test/fake-event-source';
import { makeAccountOverview, makeAccountValues, makeAlert, makeStatus } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('Home page', () => {
  it('shows the IB connection, today’s counts, the latest alerts and a ready-to-run curl', async () => {
    const api = mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': { body: { items: [makeAlert()], total: 1 } },
      'GET /api/account': { body: makeAccountOverview() },
    });
    renderApp('/');

    const ib = await screen.findByRole('region', { name: 'Interactive Brokers' });
    expect(ib).toHaveTextContent('Connected');
    expect(ib).toHaveTextContent('Paper trading');
    expect(ib).toHaveTextContent('DU1234567');
    expect(within(ib).getByRole('time')).toHaveAttribute('title', '2026-11-25T08:00:05.000Z');

    const today = screen.getByRole('region', { name: 'Today' });
    expect(within(today).getByText('Alerts accepted').nextSibling).toHaveTextContent('12');
    expect(within(today).getByText('Fills').nextSibling).toHaveTextContent('9');

    expect(await screen.findByRole('row', { name: /NQU4/ })).toBeInTheDocument();
    await waitFor(() => expect(api.requests('GET /api/alerts')[0].searchParams.get('limit')).toBe('5'));

    const curl = screen.getByText(/curl -X POST/);
    expect(curl).toHaveTextContent("curl -X POST 'https://hooks.example.com/webhook'");
    expect(curl).toHaveTextContent('"stratName":"Strat Alpha"');
    expect(curl).toHaveTextContent('"price":15000.5');
    expect(document.title).toBe('Home · Tradehook');
  });

  it('says why IB is not connected and when the database cannot give counts', async () => {
    const status = makeStatus({
      ib: { ...makeStatus().ib, state: 'connecting', reason: 'No answer from 127.0.0.1:4002', account: null },
      today: null,
    });
    mockApi({
      'GET /api/status': { body: status },
      'GET /api/alerts': { body: { items: [], total: 0 } },
      'GET /api/account': { body: makeAccountOverview({ connected: false, accounts: [] }) },
    });
    renderApp('/');

    const ib = await screen.findByRole('region', { name: 'Interactive Brokers' });
    expect(ib).toHaveTextContent('Connecting');
    expect(ib).toHaveTextContent('WhyNo answer from 127.0.0.1:4002');
    expect(ib).toHaveTextContent('not reported yet');
    expect(screen.getByRole('region', { name: 'Today' })).toHaveTextContent('Counts are unavailable');
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
  });

  it('shows each account\'s values and today\'s P&L as a trader reads them, with when IB reported them', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': { body: { items: [], total: 0 } },
      'GET /api/account': { body: makeAccountOverview() },
    });
    renderApp('/');

    const account = await screen.findByRole('region', { name: /Account DU1234567/ });
    expect(account).toHaveTextContent('Paper');
    const figure = (label: string) => within(account).getByText(label).nextSibling;
    expect(figure('Net liquidation')).toHaveTextContent('1,002,345.67 USD');
    expect(figure('Available funds')).toHaveTextContent('998,000.00 USD');
    expect(figure('Buying power')).toHaveTextContent('3,992,000.00 USD');
    expect(figure('Daily P&L')).toHaveTextContent('+1,250.50');
    expect(figure('Unrealized')).toHaveTextContent('+22.50');
    expect(figure('Realized')).toHaveTextContent('\u221275.13');
    expect(within(account).getByText('+1,250.50')).toHaveClass('gain');
    expect(within(account).getByText('\u221275.13')).toHaveClass('loss');
    expect(account).toHaveTextContent(/As of .* · in USD/);
    expect(within(account).getByRole('time')).toHaveAttribute('title', '2026-11-25T14:30:05.000Z');
  });

  it('refreshes the account figures when IB reports new ones (an account event), without polling', async () => {
    let daily = '1250.5';
    const api = mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': { body: { items: [], total: 0 } },
      'GET /api/account': () => ({ body: makeAccountOverview({ accounts: [makeAccountValues({ dailyPnl: daily })] }) }),
    });
    renderApp('/');
    const account = await screen.findByRole('region', { name: /Account DU1234567/ });
    expect(within(account).getByText('+1,250.50')).toBeInTheDocument();

    daily = '-310';
    act(() => {
      FakeEventSource.latest().open();
      FakeEventSource.latest().emit('account', { type: 'account', id: 'DU1234567', at: '2026-11-25T14:32:00.000Z' });
    });
    expect(await within(account).findByText('\u2212310.00')).toHaveClass('loss');
    expect(api.requests('GET /api/account')).toHaveLength(2);
    expect(api.requests('GET /api/alerts')).toHaveLength(1);
  });

  it('says the figures are as of IB\'s last report while IB is disconnected, and marks a live account', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': { body: { items: [], total: 0 } },
      'GET /api/account': { body: makeAccountOverview({ connected: false, accounts: [makeAccountValues({ account: 'U7654321', paper: false })] }) },
    });
    renderApp('/');

    const account = await screen.findByRole('region', { name: /Account U7654321/ });
    expect(account).toHaveTextContent('Live');
    expect(within(account).getByText(/IB is disconnected: figures as of/)).toHaveClass('stale');
  });
});
