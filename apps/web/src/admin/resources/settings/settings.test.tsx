import { TRADINGVIEW_ADDRESSES, type Settings } from '@tradehook/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { adminUser, mockAdminApi, sentBody } from '../../testing/admin-api';
import { renderConsole } from '../../testing/render-console';

const settings: Settings = {
  id: 1,
  killSwitch: false,
  orderMaxAgeSeconds: 60,
  duplicateWindowSeconds: 10,
  ipAllowlistEnabled: false,
  ipAllowlist: [],
  unknownStrategyPolicy: 'auto',
  globalMaxQuantity: 100,
  globalMaxNotional: 1_000_000,
  priceBandPercent: 10,
  rejectedRetentionDays: 7,
  updatedAt: '2026-11-25T08:00:00.000Z',
};

describe('Settings', () => {
  it('opens the one settings record from the menu and saves only what changed', async () => {
    const api = mockAdminApi(adminUser, {
      'GET /api/admin/settings/1': { body: settings },
      'PUT /api/admin/settings/1': { body: { ...settings, ipAllowlistEnabled: true, ipAllowlist: [...TRADINGVIEW_ADDRESSES] } },
    });
    await renderConsole('/admin/settings');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/settings/1'), { timeout: 5000 });
    expect(await screen.findByLabelText('Kill switch off: orders are placed')).not.toBeChecked();

    fireEvent.click(screen.getByLabelText('Accept webhooks only from the IP allowlist'));
    fireEvent.click(screen.getByRole('button', { name: 'Use TradingView’s addresses' }));
    expect(screen.getByLabelText('IP allowlist')).toHaveValue(TRADINGVIEW_ADDRESSES.join(', '));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.requests('PUT /api/admin/settings/1')).toHaveLength(1));
    expect(sentBody(api.fetchMock, 'PUT', '/api/admin/settings/1')).toEqual({
      ipAllowlistEnabled: true,
      ipAllowlist: [...TRADINGVIEW_ADDRESSES],
    });
  });

  it('says plainly when the kill switch is on', async () => {
    mockAdminApi(adminUser, { 'GET /api/admin/settings/1': { body: { ...settings, killSwitch: true } } });
    await renderConsole('/admin/settings/1');
    expect(await screen.findByLabelText('Kill switch ON: no new orders', {}, { timeout: 5000 })).toBeChecked();
  });
});
