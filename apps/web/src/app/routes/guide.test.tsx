import { fireEvent, screen, within } from '@testing-library/react';
import { TRADINGVIEW_TARGET_TEMPLATE, TRADINGVIEW_TEMPLATE, WebhookPayload } from '@tradehook/contracts';
import { makeStatus } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('Webhook guide', () => {
  beforeEach(() => {
    mockApi({ 'GET /api/status': { body: makeStatus() } });
  });

  it('shows the webhook URL from the server and copies it', async () => {
    renderApp('/guide');
    expect(await screen.findByText('https://hooks.example.com/webhook')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Copy webhook URL' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('https://hooks.example.com/webhook');
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(document.title).toBe('Webhook guide · Tradehook');
  });

  it('lists every payload field of the contract, with whether it is required', async () => {
    renderApp('/guide');
    const table = screen.getByRole('table', { name: /Payload fields/ });
    const fieldNames = within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(fieldNames).toEqual(Object.keys(WebhookPayload.properties));
    expect(within(table).getByRole('row', { name: /^stratName/ })).toHaveTextContent('Required');
    expect(within(table).getByRole('row', { name: /^quantity/ })).toHaveTextContent('Optional');
    expect(within(table).getByRole('row', { name: /^secmgs/ })).toHaveTextContent('redacted on arrival');
    // One of the secret fields must be there (else 401), though the schema lets each be left out.
    expect(within(table).getByRole('row', { name: /^secmgs/ })).toHaveTextContent(/Required\s*or secret or passphrase instead/);
  });

  it('offers the TradingView template to copy, the responses and a link to the API docs', async () => {
    renderApp('/guide');
    fireEvent.click(screen.getByRole('button', { name: 'Copy TradingView template' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(TRADINGVIEW_TEMPLATE);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy TradingView template, target mode' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(TRADINGVIEW_TARGET_TEMPLATE);

    const responses = screen.getByRole('table', { name: 'Responses from POST /webhook' });
    const codes = within(responses).getAllByRole('rowheader').map((th) => th.textContent);
    expect(codes).toEqual(['200', '200', '400', '401', '413', '415', '503']);
    expect(responses).toHaveTextContent('"status": "duplicate"');
    expect(screen.getByRole('link', { name: /API documentation/ })).toHaveAttribute('href', '/documentation');
  });
});
