import { screen, waitFor, within } from '@testing-library/react';
import { mockApi } from '../test/mock-api';
import { adminUser, listReply, makeStrategy, mockAdminApi, viewerUser } from './testing/admin-api';
import { renderConsole } from './testing/render-console';

const strategyRoutes = {
  'GET /api/admin/strategies': listReply('strategies', [makeStrategy(), makeStrategy({ id: 2, name: 'Mean Revert' })]),
  'GET /api/admin/strategies/1': { body: makeStrategy() },
};

describe('Console access by role', () => {
  it('shows a viewer the list without a create button, and no users in the menu', async () => {
    mockAdminApi(viewerUser, strategyRoutes);
    await renderConsole('/admin/strategies');

    expect(await screen.findByText('Mean Revert', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('1-2 of 2')).toBeInTheDocument(); // the total, read from Content-Range
    expect(screen.getByRole('menuitem', { name: 'Strategies' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Users' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create' })).not.toBeInTheDocument();
  });

  it('shows a viewer a record without edit, delete or rotate-secret buttons', async () => {
    mockAdminApi(viewerUser, strategyRoutes);
    await renderConsole('/admin/strategies/1/show');

    expect(await screen.findByText('09:30–16:00 America/New_York', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('NQU4, ESU4')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rotate secret' })).not.toBeInTheDocument();
  });

  it('shows an admin the same page with its write actions', async () => {
    mockAdminApi(adminUser, strategyRoutes);
    await renderConsole('/admin/strategies/1/show');

    expect(await screen.findByRole('link', { name: 'Edit' }, { timeout: 5000 })).toHaveAttribute('href', '/admin/strategies/1');
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rotate secret' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Users' })).toBeInTheDocument();
  });
});

describe('Console session', () => {
  it('sends a visitor without a session to the app’s login page, to come back afterwards', async () => {
    mockApi({
      'GET /api/auth/me': { status: 401, body: { error: 'unauthorized', message: 'Sign in to use Tradehook.' } },
      'POST /api/auth/logout': { status: 204 },
    });
    await renderConsole('/admin/strategies?page=2');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fadmin%2Fstrategies%3Fpage%3D2'));
    expect(screen.getByRole('heading', { name: 'Sign in to Tradehook' })).toBeInTheDocument();
  });

  it('leaves the console for the login page when the session ends mid-way (a 401 from the data API)', async () => {
    let signedIn = true;
    mockApi({
      'GET /api/auth/me': () => (signedIn ? { body: adminUser } : { status: 401, body: { error: 'unauthorized', message: 'Sign in' } }),
      'GET /api/admin/strategies': () => {
        signedIn = false; // e.g. the session expired, or a password reset signed this user out
        return { status: 401, body: { error: 'unauthorized', message: 'Sign in to use Tradehook.' } };
      },
      'POST /api/auth/logout': { status: 204 },
    });
    await renderConsole('/admin/strategies');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login\?next=%2Fadmin%2Fstrategies$/));
    expect(within(document.body).getByLabelText('Username')).toBeInTheDocument();
  });
});
