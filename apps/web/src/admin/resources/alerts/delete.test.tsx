import { fireEvent, screen, within } from '@testing-library/react';
import { makeAlert } from '../../../test/fixtures';
import { adminUser, listReply, mockAdminApi } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const traded = { ...makeAlert({ id: 7 }), rawBody: null };
const KEPT =
  'Alert 7 led to order 10 (IB order #1001, filled) and is kept for the record (it is what makes a retry of the same ' +
  'alert a duplicate instead of a second trade): only alerts that never traded can be deleted.';

describe('Delete an alert in the console', () => {
  it('shows the API’s reason when an alert that traded is kept (409), and stays on the alert', async () => {
    // react-admin logs every data provider error in development; this one is expected.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
    const api = mockAdminApi(adminUser, {
      'GET /api/admin/alerts/7': { body: traded },
      'GET /api/admin/orders': listReply('orders', []),
      'DELETE /api/admin/alerts/7': { status: 409, body: { error: 'conflict', message: KEPT } },
    });
    await renderConsole('/admin/alerts/7/show');

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }, { timeout: 5000 }));
    const confirm = await screen.findByRole('dialog');
    fireEvent.click(within(confirm).getByRole('button', { name: /Confirm/i }));

    expect(await screen.findByText(KEPT, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(api.requests('DELETE /api/admin/alerts/7')).toHaveLength(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/alerts/7/show');
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ status: 409 }));
    logged.mockRestore();
  });
});
