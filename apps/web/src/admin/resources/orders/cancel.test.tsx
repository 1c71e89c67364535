import type { Order } from '@tradehook/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { adminUser, listReply, mockAdminApi } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const working: Order = {
  id: 5, alertId: 42, ibOrderId: 1005, permId: 900005, clientId: 17, symbol: 'NQ', secType: 'FUT', exchange: 'CME',
  primaryExchange: null, currency: 'USD', localSymbol: 'NQZ6', side: 'BUY', quantity: '2', orderType: 'LMT',
  limitPrice: '15000.25', stopPrice: null, tif: 'DAY', status: 'working', filled: '0', remaining: '2', avgFillPrice: null,
  lastError: null, createdAt: '2026-11-25T14:30:00.000Z', submittedAt: '2026-11-25T14:30:00.010Z',
  acknowledgedAt: '2026-11-25T14:30:00.090Z', filledAt: null, closedAt: null,
};

describe('Cancel an order', () => {
  it('asks IB to cancel a working order and shows the API’s refusal when it was too late', async () => {
    const api = mockAdminApi(adminUser, {
      'GET /api/admin/orders/5': { body: working },
      'GET /api/admin/executions': listReply('executions', []),
      'GET /api/admin/alerts': listReply('alerts', []),
      'POST /api/admin/orders/5/cancel': { status: 409, body: { error: 'conflict', message: 'Order 5 is filled: nothing to cancel' } },
    });
    await renderConsole('/admin/orders/5/show');

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }, { timeout: 5000 }));
    const confirm = await screen.findByRole('dialog', { name: 'Cancel this order at Interactive Brokers?' });
    expect(confirm).toHaveTextContent('Order #5 (BUY 2 NQ still to fill)');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel order' }));

    expect(await screen.findByText('Order 5 is filled: nothing to cancel')).toBeInTheDocument();
    expect(api.requests('POST /api/admin/orders/5/cancel')).toHaveLength(1);
  });

  it('offers no cancel for a filled order', async () => {
    mockAdminApi(adminUser, {
      'GET /api/admin/orders/5': { body: { ...working, status: 'filled', filled: '2', remaining: '0' } },
      'GET /api/admin/executions': listReply('executions', []),
      'GET /api/admin/alerts': listReply('alerts', []),
    });
    await renderConsole('/admin/orders/5/show');

    expect(await screen.findByText('NQZ6', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
  });
});
