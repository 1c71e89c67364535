import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AlertList } from '@tradehook/contracts';
import { makeAlert, makeStatus } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const placed = makeAlert();
const rejected = makeAlert({
  id: 2,
  status: 'rejected',
  reason: '401 unauthorized: secret does not match',
  httpStatus: 401,
  price: '1.08765',
  symbol: 'EURUSD',
  direction: 'SELL',
  order: null,
});

function mockAlerts(list: AlertList = { items: [placed, rejected], total: 2 }) {
  return mockApi({
    'GET /api/status': { body: makeStatus() },
    'GET /api/alerts': { body: list },
    'DELETE /api/alerts/2': { status: 204 },
  });
}

const alertsTable = () => screen.getByRole('table', { name: /Alerts/ });

describe('Alerts page', () => {
  it('lists alerts with exact prices, their status, why, and the resulting order', async () => {
    mockAlerts();
    renderApp('/requests');

    const row = await within(alertsTable()).findByRole('row', { name: /NQU4/ });
    expect(within(row).getByText('15000.50')).toHaveClass('num');
    expect(within(row).getByText('placed')).toBeInTheDocument();
    expect(within(row).getByText('#1001')).toBeInTheDocument();
    expect(within(row).getByText('15000.75')).toBeInTheDocument();

    const refusedRow = within(alertsTable()).getByRole('row', { name: /EURUSD/ });
    expect(within(refusedRow).getByText('1.08765')).toBeInTheDocument();
    expect(within(refusedRow).getByText('401 unauthorized: secret does not match')).toBeInTheDocument();
    expect(within(refusedRow).getByText('Sell')).toBeInTheDocument();
    expect(document.title).toBe('Alerts · Tradehook');
  });

  it('shows an empty state', async () => {
    mockAlerts({ items: [], total: 0 });
    renderApp('/requests');
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Alerts pages' })).not.toBeInTheDocument();
  });

  it('says the filters found nothing, rather than that no alert ever came', async () => {
    mockAlerts({ items: [], total: 0 });
    renderApp('/requests?symbol=ZZZ');
    expect(await screen.findByText('No alerts match these filters on this page.')).toBeInTheDocument();
  });

  it('puts applied filters in the URL and in the API query', async () => {
    const api = mockAlerts();
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /NQU4/ });

    fireEvent.change(screen.getByLabelText('Symbol'), { target: { value: ' NQU4 ' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'placed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(api.requests('GET /api/alerts')).toHaveLength(2));
    const query = api.requests('GET /api/alerts')[1].searchParams;
    expect(query.get('symbol')).toBe('NQU4');
    expect(query.get('status')).toBe('placed');
    expect(query.has('strategy')).toBe(false);
    expect(screen.getByTestId('location')).toHaveTextContent('/requests?symbol=NQU4&status=placed');
  });

  it('reads filters and page from the URL it was opened with', async () => {
    const api = mockAlerts({ items: [placed], total: 120 });
    renderApp('/requests?strategy=Strat+Alpha&offset=50');

    await within(alertsTable()).findByRole('row', { name: /NQU4/ });
    const query = api.requests('GET /api/alerts')[0].searchParams;
    expect(query.get('strategy')).toBe('Strat Alpha');
    expect(query.get('offset')).toBe('50');
    expect(screen.getByLabelText('Strategy')).toHaveValue('Strat Alpha');
    expect(screen.getByRole('navigation', { name: 'Alerts pages' })).toHaveTextContent('51–100 of 120');
  });

  it('pages with Next, keeping the filters', async () => {
    const api = mockAlerts({ items: [placed], total: 120 });
    renderApp('/requests?symbol=NQU4');
    await within(alertsTable()).findByRole('row', { name: /NQU4/ });
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(api.requests('GET /api/alerts')).toHaveLength(2));
    expect(api.requests('GET /api/alerts')[1].searchParams.get('offset')).toBe('50');
    expect(api.requests('GET /api/alerts')[1].searchParams.get('symbol')).toBe('NQU4');
  });

  it('asks for confirmation before deleting, and does nothing on cancel', async () => {
    const api = mockAlerts();
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /EURUSD/ });

    fireEvent.click(screen.getByRole('button', { name: 'Delete alert 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this alert?' });
    expect(dialog).toHaveTextContent('Alert #2 (Strat Alpha · EURUSD)');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requests('DELETE /api/alerts/2')).toHaveLength(0);
  });

  it('deletes an alert that never traded after confirmation and reloads the list', async () => {
    const api = mockAlerts();
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /EURUSD/ });

    fireEvent.click(screen.getByRole('button', { name: 'Delete alert 2' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete alert' }));

    await waitFor(() => expect(api.requests('DELETE /api/alerts/2')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.requests('GET /api/alerts')).toHaveLength(2);
  });

  it('keeps the dialog open with the API’s reason when an alert that traded is refused (409)', async () => {
    const message =
      'Alert 1 led to order 10 (IB order #1001, filled) and is kept for the record (it is what makes a retry of the ' +
      'same alert a duplicate instead of a second trade): only alerts that never traded can be deleted.';
    const api = mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': { body: { items: [placed], total: 1 } },
      'DELETE /api/alerts/1': { status: 409, body: { error: 'conflict', message } },
    });
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /NQU4/ });

    fireEvent.click(screen.getByRole('button', { name: 'Delete alert 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this alert?' });
    expect(dialog).toHaveTextContent('Only an alert that never led to an order can be deleted');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete alert' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(within(dialog).getByRole('button', { name: 'Delete alert' })).toBeEnabled();
    expect(api.requests('DELETE /api/alerts/1')).toHaveLength(1);
    expect(api.requests('GET /api/alerts')).toHaveLength(1);
  });

  it('shows the API’s reason when the alert is already gone (404)', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': { body: { items: [rejected], total: 1 } },
      'DELETE /api/alerts/2': { status: 404, body: { error: 'not_found', message: 'Alert 2 does not exist' } },
    });
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /EURUSD/ });

    fireEvent.click(screen.getByRole('button', { name: 'Delete alert 2' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete alert' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('Alert 2 does not exist');
  });

  it('keeps the keyboard on the neighbouring row after a delete, not back at the top of the page', async () => {
    mockAlerts();
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /EURUSD/ });
    fireEvent.click(screen.getByRole('button', { name: 'Delete alert 2' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete alert' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete alert 1' })).toHaveFocus());
  });

  it('steps back to the last page with rows when the page asked for is past the end', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/alerts': ({ url }) => ({ body: url.searchParams.get('offset') === '50' ? { items: [], total: 50 } : { items: [placed], total: 50 } }),
    });
    renderApp('/requests?offset=50');
    await waitFor(() => expect(screen.getByTestId('location')).not.toHaveTextContent('offset=50'));
    expect(await within(alertsTable()).findByRole('row', { name: /NQU4/ })).toBeInTheDocument();
  });

  it('shows no Delete button to a viewer', async () => {
    mockApi({
      'GET /api/status': { body: makeStatus() },
      'GET /api/auth/me': { body: { id: 2, username: 'vera', role: 'viewer' } },
      'GET /api/alerts': { body: { items: [placed, rejected], total: 2 } },
    });
    renderApp('/requests');
    await within(alertsTable()).findByRole('row', { name: /EURUSD/ });
    await screen.findByText('vera (viewer)');
    expect(screen.queryByRole('button', { name: /Delete alert/ })).not.toBeInTheDocument();
  });
});
