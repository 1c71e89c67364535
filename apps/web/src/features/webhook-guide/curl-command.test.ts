import { curlCommand } from './curl-command';

describe('curlCommand', () => {
  it('posts the payload as JSON to the URL', () => {
    expect(curlCommand('https://h.example/webhook', { symbol: 'NQU4', price: 15000.5 })).toBe(
      "curl -X POST 'https://h.example/webhook' \\\n" +
        "  -H 'Content-Type: application/json' \\\n" +
        `  -d '{"symbol":"NQU4","price":15000.5}'`,
    );
  });

  it('keeps a single quote in the payload safe for the shell', () => {
    expect(curlCommand('http://x/webhook', { alert: "it's up" })).toContain(`-d '{"alert":"it'\\''s up"}'`);
  });
});
