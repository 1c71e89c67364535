import { fireEvent, screen, waitFor } from '@testing-library/react';
import { adminUser, makeStrategy, mockAdminApi, sentBody } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

describe('Strategy position mode', () => {
  it('is explained in the form and saved as chosen', async () => {
    const strategy = makeStrategy();
    const api = mockAdminApi(adminUser, {
      'GET /api/admin/strategies/1': { body: strategy },
      'PUT /api/admin/strategies/1': { body: { ...strategy, positionMode: 'target' } },
    });
    await renderConsole('/admin/strategies/1');
    expect(await screen.findByText(/only the difference to its current position, working orders included, is traded/, {}, { timeout: 5000 }))
      .toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /Position mode/ }));
    fireEvent.click(await screen.findByRole('option', { name: /^Target/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sentBody(api.fetchMock, 'PUT', '/api/admin/strategies/1')).toMatchObject({ positionMode: 'target' }));
  });
});
