import { fireEvent, screen } from '@testing-library/react';
import { adminUser, mockAdminApi } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

describe('Strategy name', () => {
  it('says why a look-alike name is refused before anything is sent', async () => {
    const api = mockAdminApi(adminUser, {});
    await renderConsole('/admin/strategies/create');
    for (const [name, why] of [['Risk1\u200b', /invisible or formatting character \(U\+200B\)/], ['R\u0456sk1', /mixes scripts/]] as const) {
      fireEvent.change(await screen.findByLabelText(/^Name/, {}, { timeout: 5000 }), { target: { value: name } });
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText(why)).toBeInTheDocument();
    }
    expect(api.requests('POST /api/admin/strategies')).toHaveLength(0);
  });
});
