import { fireEvent, screen, within } from '@testing-library/react';
import { makeAlert } from '../../../test/fixtures';
import { adminUser, listReply, mockAdminApi } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const failed = { ...makeAlert({ id: 42, status: 'failed', reason: 'IB rejected: no margin', order: null }), rawBody: '{"symbol":"NQU4"}' };

describe('Resend an alert', () => {
  it('resends a failed alert after a confirmation and names the new alert', async () => {
    const api = mockAdminApi(adminUser, {
      'GET /api/admin/alerts/42': { body: failed },
      'POST /api/admin/alerts/42/resend': { body: { id: 43, status: 'accepted' } },
    });
    await renderConsole('/admin/alerts/42/show');

    fireEvent.click(await screen.findByRole('button', { name: 'Resend' }, { timeout: 5000 }));
    const confirm = await screen.findByRole('dialog', { name: 'Resend this alert?' });
    expect(confirm).toHaveTextContent('Alert #42 (failed) is stored again as a new alert');
    expect(api.requests('POST /api/admin/alerts/42/resend')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Resend' }));

    expect(await screen.findByText('Resent as alert #43.')).toBeInTheDocument();
    expect(api.requests('POST /api/admin/alerts/42/resend')).toHaveLength(1);
  });

  it('says so when the alert was already resent', async () => {
    mockAdminApi(adminUser, {
      'GET /api/admin/alerts/42': { body: failed },
      'POST /api/admin/alerts/42/resend': { body: { id: 43, status: 'duplicate' } },
    });
    await renderConsole('/admin/alerts/42/show');

    fireEvent.click(await screen.findByRole('button', { name: 'Resend' }, { timeout: 5000 }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Resend' }));

    expect(await screen.findByText('Alert #42 was already resent, as alert #43.')).toBeInTheDocument();
  });

  it('offers no resend for an alert that became an order', async () => {
    mockAdminApi(adminUser, {
      'GET /api/admin/alerts/7': { body: { ...makeAlert({ id: 7 }), rawBody: null } },
      'GET /api/admin/orders': listReply('orders', []),
    });
    await renderConsole('/admin/alerts/7/show');

    expect(await screen.findByRole('button', { name: 'Delete' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Resend' })).not.toBeInTheDocument();
  });
});
