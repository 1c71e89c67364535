import { screen } from '@testing-library/react';
import { makeAlert } from '../../../test/fixtures';
import { adminUser, mockAdminApi, viewerUser } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const alert = (raw: { rawBody: string | null; rawBodyTruncated?: boolean; rawBodyHidden?: boolean }) =>
  ({ ...makeAlert({ id: 5, status: 'rejected', order: null }), rawBodyTruncated: false, rawBodyHidden: false, ...raw });

describe('An alert’s raw body in the console', () => {
  it('is hidden for a viewer, saying why', async () => {
    mockAdminApi(viewerUser, { 'GET /api/admin/alerts/5': { body: alert({ rawBody: null, rawBodyHidden: true }) } });
    await renderConsole('/admin/alerts/5/show');
    expect(await screen.findByText('Hidden for your role: only admins see raw bodies.', undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it('is shown to an admin, with a note when only its first KB was stored', async () => {
    mockAdminApi(adminUser, { 'GET /api/admin/alerts/5': { body: alert({ rawBody: '{"symbol": "NQU4", "bro', rawBodyTruncated: true }) } });
    await renderConsole('/admin/alerts/5/show');
    expect(await screen.findByText('{"symbol": "NQU4", "bro', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Only the first KB was stored: the request had no valid secret.')).toBeInTheDocument();
    expect(screen.queryByText(/Hidden for your role/)).not.toBeInTheDocument();
  });
});
