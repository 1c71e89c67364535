import type { UnknownStrategy } from '@tradehook/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, listReply, mockAdminApi, viewerUser } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const seen: UnknownStrategy[] = [
  { id: 'ghost strat', name: 'GHOST STRAT', alerts: 3, lastSeenAt: '2026-11-25T09:00:00.000Z' },
  { id: 'strat alpha', name: 'Strat Alpha', alerts: 1, lastSeenAt: '2026-11-24T09:00:00.000Z' },
];

describe('Strategy names seen but not configured', () => {
  it('lists each name with its alert count, and opens the new-strategy form with the name filled in', async () => {
    mockAdminApi(adminUser, { 'GET /api/admin/unknown-strategies': listReply('unknown-strategies', seen) });
    await renderConsole('/admin/unknown-strategies');

    const row = (await screen.findByText('GHOST STRAT', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(screen.getByText('Strat Alpha')).toBeInTheDocument();

    fireEvent.click(await within(row).findByRole('link', { name: 'Configure a strategy named GHOST STRAT' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/strategies/create'));
    expect(await screen.findByLabelText(/^Name/)).toHaveValue('GHOST STRAT');
  });

  it('warns that a name looks like a configured strategy, and offers no configure action for it', async () => {
    const lookAlike: UnknownStrategy = { id: '\u0455\u0441\u043e\u0440\u0435', name: '\u0405\u0441\u043e\u0440\u0435', alerts: 1,
      lastSeenAt: '2026-11-26T09:00:00.000Z', looksLike: 'Scope' }; // Cyrillic Ѕсоре
    mockAdminApi(adminUser, { 'GET /api/admin/unknown-strategies': listReply('unknown-strategies', [lookAlike, ...seen]) });
    await renderConsole('/admin/unknown-strategies');

    const row = (await screen.findByText('\u0405\u0441\u043e\u0440\u0435', { exact: false }, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByRole('note')).toHaveTextContent('Looks like the strategy “Scope” but is another name');
    const ghost = screen.getByText('GHOST STRAT').closest('tr')!;
    expect(await within(ghost).findByRole('link', { name: 'Configure a strategy named GHOST STRAT' })).toBeInTheDocument();
    expect(within(ghost).queryByRole('note')).not.toBeInTheDocument();
    expect(within(row).queryByRole('link', { name: /Configure/ })).not.toBeInTheDocument();
  });

  it('shows a viewer the names without the configure action', async () => {
    mockAdminApi(viewerUser, { 'GET /api/admin/unknown-strategies': listReply('unknown-strategies', seen) });
    await renderConsole('/admin/unknown-strategies');
    expect(await screen.findByText('GHOST STRAT', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Configure/ })).not.toBeInTheDocument();
  });

  it('says so when every name is configured', async () => {
    mockAdminApi(adminUser, { 'GET /api/admin/unknown-strategies': listReply('unknown-strategies', []) });
    await renderConsole('/admin/unknown-strategies');
    expect(await screen.findByText('Every strategy alerts have named is configured.', {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
