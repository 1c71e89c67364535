import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, listReply, makeStrategy, mockAdminApi, sentBody } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const SECRET = 'thk_9f2c1e7a5b3d4c6e8f0a1b2c3d4e5f60';

describe('Strategy secret', () => {
  it('shows the secret of a new strategy once, in a dialog with a copy button, and nowhere else', async () => {
    const created = makeStrategy({ id: 7, name: 'Breakout', maxQuantity: '3', allowedSymbols: ['NQU4', 'ESU4'] });
    const api = mockAdminApi(adminUser, {
      'POST /api/admin/strategies': { status: 201, body: { ...created, secret: SECRET } },
      'GET /api/admin/strategies/7': { body: created },
      'GET /api/admin/strategies': listReply('strategies', [created]),
    });
    const { queryClient } = await renderConsole('/admin/strategies/create');

    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'Breakout' } });
    fireEvent.change(screen.getByLabelText('Max quantity per order'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Allowed symbols'), { target: { value: 'NQU4, ESU4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Secret for “Breakout”' });
    expect(within(dialog).getByText(SECRET)).toBeInTheDocument();
    expect(screen.getAllByText(SECRET)).toHaveLength(1);
    expect(dialog).toHaveTextContent('Shown once.');
    expect(sentBody(api.fetchMock, 'POST', '/api/admin/strategies')).toMatchObject({
      name: 'Breakout',
      maxQuantity: '3',
      allowedSymbols: ['NQU4', 'ESU4'],
    });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy secret' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(SECRET);

    // The page behind it (the new strategy) never shows the secret, and react-query never cached it.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/strategies/7/show'));
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(SECRET);

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('rotates the secret after a confirmation and shows the new one once', async () => {
    const strategy = makeStrategy();
    const api = mockAdminApi(adminUser, {
      'GET /api/admin/strategies/1': { body: strategy },
      'PUT /api/admin/strategies/1': { body: { ...strategy, secret: SECRET } },
    });
    await renderConsole('/admin/strategies/1/show');

    fireEvent.click(await screen.findByRole('button', { name: 'Rotate secret' }));
    const confirm = await screen.findByRole('dialog', { name: 'Generate a new secret?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Rotate secret' }));

    const dialog = await screen.findByRole('dialog', { name: 'Secret for “Strat Alpha”' });
    expect(within(dialog).getByText(SECRET)).toBeInTheDocument();
    expect(screen.getAllByText(SECRET)).toHaveLength(1);
    expect(sentBody(api.fetchMock, 'PUT', '/api/admin/strategies/1')).toEqual({ rotateSecret: true });
    expect(await screen.findByText('New secret generated.')).toBeInTheDocument();
  });
});
