import { ORIGINAL_PAYLOAD_EXAMPLE } from '@tradehook/contracts';
import { useApp } from './support/app';
import { readTable, tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

const app = useApp();

describe('webhook guide and API documentation', () => {
  it('shows the endpoint, the fields, examples, and links to a working Swagger UI', async () => {
    const page = await app().open('/guide');
    const endpoint = page.getByRole('region', { name: 'Webhook URL' });
    expect(await endpoint.locator('code').innerText()).toBe(`${app().stack.url}/webhook`);
    await saveScreenshot(page, 'guide');
    await app().browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app().stack.url });
    await endpoint.getByRole('button', { name: 'Copy webhook URL' }).click();
    await endpoint.getByText('Copied', { exact: true }).waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${app().stack.url}/webhook`);

    const fields = await readTable(tableNamed(page, 'Payload fields (JSON object; unknown fields are refused)'));
    const required = fields.filter((f) => f.Required === 'Required').map((f) => f.Field);
    expect(required).toEqual(['stratName', 'symbol', 'direction']);
    expect(fields.find((f) => f.Field === 'price')?.Required).toBe('Required for BUY and SELL'); // not for EXIT, CANCEL…
    // Without a secret the webhook answers 401: the guide says one of the three is required.
    const secrets = fields.filter((f) => /^Required\s+or \w+ or \w+ instead$/.test(f.Required)).map((f) => f.Field);
    expect(secrets).toEqual(['secmgs', 'secret', 'passphrase']);
    expect(fields.map((f) => f.Field)).toEqual(expect.arrayContaining(['quantity', 'orderType', 'alertId', 'secmgs']));

    const example = page.getByRole('figure').filter({ hasText: 'Original payload' }).locator('pre');
    expect(JSON.parse(await example.innerText())).toEqual(ORIGINAL_PAYLOAD_EXAMPLE);
    const template = await page.getByLabel('TradingView template', { exact: true }).innerText();
    expect(template).toContain('"symbol":"{{ticker}}"');
    const targetTemplate = await page.getByLabel('TradingView template, target mode', { exact: true }).innerText();
    expect(targetTemplate).toContain('{{strategy.position_size}}');

    await page.getByRole('link', { name: 'API documentation (Swagger UI)' }).click();
    await page.waitForURL(`${app().stack.url}/documentation**`);
    // Swagger UI renders the OpenAPI document it fetched: the webhook operation is listed.
    await page.locator('.opblock-summary-path', { hasText: /^\/webhook$/ }).first().waitFor({ timeout: 15_000 });
    expect(await page.title()).toBe('Tradehook API');
  });
});
