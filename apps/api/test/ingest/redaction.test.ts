import { generateStrategySecret, hashStrategySecret } from '../../src/strategies/strategy-store';
import { FailureLimiter, addressKey } from '../../src/ingest/failure-limiter';
import { GENERATED_SECRET_LENGTH, KnownSecrets, secretHash } from '../../src/ingest/known-secrets';
import { Redactor, isSecretField } from '../../src/ingest/redact';
import { redactFields, SECRET_OUT_OF_PLACE, secretColumns, withoutSecretFields } from '../../src/ingest/field-secrets';

const GLOBAL = 'global-secret-1';
const OWN = 'Strategy0wnSecret_abcdefghijklmn'; // as generateStrategySecret makes them (base64url)
const PUNCTUATED = 'p@ss: w0rd!, "quoted"'; // a custom secret with spaces, quotes and punctuation
const SPACED = 'my pass phrase!'; // one with spaces only
const redactor = new Redactor(new KnownSecrets(GLOBAL,
  () => new Set([OWN, PUNCTUATED, SPACED].map(hashStrategySecret))));
const body = (text: string, limit?: number) => redactor.body(text, limit);

describe('Redactor.body on JSON', () => {
  it('replaces every secret field value whatever it is, keeping the rest byte for byte', () => {
    const text = '{"price": 15000.50, "secmgs" : "s3cr\\"et", "secret":123, "passphrase":{"a":["}"]}, "n":[1]}';
    expect(body(text).text).toBe('{"price": 15000.50, "secmgs" : "[redacted]", "secret":"[redacted]", "passphrase":"[redacted]", "n":[1]}');
  });

  it.each([
    ['a JSON-escaped name', '"sec\\u006dgs"'], ['upper case', '"SECMGS"'], ['mixed case and escapes', '"Pass\\u0050hrase"'],
    ['full-width letters', '"ｓｅｃｒｅｔ"'], ['surrounding spaces', '" secret "'],
  ])('recognises a secret field spelt with %s', (_label, key) => {
    const out = body(`{"stratName":"S",${key}:"not-a-known-one"}`).text;
    expect(out).not.toContain('not-a-known-one');
    expect(JSON.parse(out)).toMatchObject({ stratName: 'S' });
  });

  it('finds a known secret in any other field, alone or among words and punctuation', () => {
    for (const secret of [GLOBAL, OWN]) {
      const text = JSON.stringify({ alert: `go long ${secret} now`, note: `secmgs=${secret};`, [secret]: 1, list: [`(${secret})`] });
      const out = body(text).text;
      expect(out).not.toContain(secret);
      expect(out.match(/\[redacted\]/g)).toHaveLength(4);
      expect(JSON.parse(out)).toMatchObject({ alert: 'go long [redacted] now', note: 'secmgs=[redacted];' });
    }
  });

  it('finds a secret written with JSON escapes, and one with spaces and quotes of its own', () => {
    const escaped = `{"alert":"key ${OWN.replace('S', '\\u0053')} end","x":${JSON.stringify(PUNCTUATED)}}`;
    const out = body(escaped).text;
    expect(JSON.parse(out)).toEqual({ alert: 'key [redacted] end', x: '[redacted]' });
  });

  it('leaves an alert without secrets exactly as sent', () => {
    const text = '{ "stratName": "Strat Alpha", "price": 15000.50, "alert": "Trade Alert! breakout", "symbol": "NQU4" }';
    expect(body(text)).toEqual({ text, truncated: false });
  });

  it('only ever replaces whole secrets: similar or longer tokens stay', () => {
    const text = JSON.stringify({ a: `${OWN}x`, b: OWN.slice(1), c: 'global-secret-12' });
    expect(JSON.parse(body(text).text)).toEqual({ a: `${OWN}x`, b: OWN.slice(1), c: '[redacted]2' }); // the global one is text too
  });
});

describe('Redactor.body on other text', () => {
  it('finds known secrets in a body that is not JSON', () => {
    expect(body(`secmgs: ${OWN}\nalert=${GLOBAL} '${SPACED}' "${SPACED}"`).text)
      .toBe(`secmgs: [redacted]\nalert=[redacted] '${SPACED}' "[redacted]"`); // only quotes delimit a secret with spaces
  });

  it('redacts secret fields of broken JSON, up to the end when the value never closes', () => {
    expect(body('{"sec\\u006dgs": "unknown-secret-value, x: 1').text).toBe('{"sec\\u006dgs": "[redacted]"');
    expect(body('{"secmgs": {"a": [1, "}"').text).toBe('{"secmgs": "[redacted]"');
    expect(body(`{"price": 1,, "alert": "${OWN}"`).text).toBe('{"price": 1,, "alert": "[redacted]"');
  });
});

describe('Redactor.body with a byte limit', () => {
  it('keeps at most the limit in UTF-8 bytes, never splitting a character, and says so', () => {
    const out = body(`{"alert":"${'é'.repeat(2000)}"}`, 1024);
    expect(Buffer.byteLength(out.text)).toBeLessThanOrEqual(1024);
    expect(out.text.endsWith('é')).toBe(true);
    expect(out.truncated).toBe(true);
    expect(body('{"short":1}', 1024)).toEqual({ text: '{"short":1}', truncated: false });
  });

  it('leaves no piece of a secret that straddles the cut', () => {
    for (let at = 990; at <= 1030; at++) {
      for (const secret of [OWN, GLOBAL]) {
        const text = `${'x'.repeat(at)} ${secret} ${'y'.repeat(70_000)}`;
        const out = body(text, 1024).text;
        expect(Buffer.byteLength(out)).toBeLessThanOrEqual(1024);
        for (let n = 4; n <= secret.length; n++) expect(out).not.toContain(` ${secret.slice(0, n)}`);
      }
    }
  });

  it('redacts a secret field whose value starts before the cut', () => {
    const out = body(`{"alert":"${'a'.repeat(900)}","secmgs":"${'s'.repeat(5000)}"}`, 1024);
    expect(out.text).toMatch(/"secmgs":"\[redacted\]"$/);
    expect(out.text).not.toContain('sss');
  });

  it('drops the last word of an escaped string cut short, in case it is part of a secret', () => {
    const head = `{"alert":"\\u0041${'b'.repeat(1000)} `;
    const out = body(`${head}${OWN.replace('S', '\\u0053')}${'c'.repeat(300)}"}`, 1024).text;
    expect(out).not.toMatch(/Strategy0wn|trategy/);
  });
});

describe('Redactor.text', () => {
  it('replaces known secrets in a column value and returns short values as they are', () => {
    expect(redactor.text(`alert ${OWN} fired`)).toBe('alert [redacted] fired');
    expect(redactor.text(`x${GLOBAL}x`)).toBe('x[redacted]x');
    expect(redactor.text('BUY')).toBe('BUY');
  });
});

describe('the secret a request gave (Redactor.including)', () => {
  const request = redactor.including(OWN);

  it('is searched as text: found glued to letters, in columns and bodies, escaped or not', () => {
    expect(redactor.text(`xx${OWN}yy`)).toBe(`xx${OWN}yy`); // other strategies' secrets: whole tokens only
    expect(request.text(`xx${OWN}yy`)).toBe('xx[redacted]yy');
    expect(JSON.parse(request.body(JSON.stringify({ alert: `a${OWN}b`, k: `${OWN}${OWN}` })).text)).toEqual({ alert: 'a[redacted]b', k: '[redacted][redacted]' });
    expect(request.body(`{"alert":"a${OWN.replace('S', '\\u0053')}b"}`).text).toBe('{"alert":"a[redacted]b"}');
  });

  it('adds nothing when there is none, or it is the global one, or too short to be a secret', () => {
    for (const given of [null, GLOBAL, 'short']) expect(redactor.including(given).text(`xx${SPACED}yy short`)).toBe(`xx${SPACED}yy short`);
  });
});

describe('a generated secret glued to other letters (another strategy\'s)', () => {
  const request = () => redactor.including(GLOBAL);

  it('is found in a run of base64url characters, within the request\'s budget of windows', () => {
    expect(GENERATED_SECRET_LENGTH).toBe(generateStrategySecret().length);
    expect(OWN).toHaveLength(GENERATED_SECRET_LENGTH);
    expect(request().text(`order_${OWN}-7 ${OWN}x x${OWN}`)).toBe('order_[redacted]-7 [redacted]x x[redacted]');
    expect(JSON.parse(request().body(JSON.stringify({ alert: `xx${OWN}yy` })).text)).toEqual({ alert: 'xx[redacted]yy' });
    expect(redactor.text(`xx${OWN}yy`)).toBe(`xx${OWN}yy`); // outside a request: whole tokens only
    expect(request().text(`xx${SPACED}yy`)).toBe(`xx${SPACED}yy`); // secrets an admin typed: whole tokens only
  });

  it('costs at most GLUED_WINDOW_BUDGET hashes per request: a body of long runs may hide one past it', () => {
    const runs = Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(GENERATED_SECRET_LENGTH + 8, 'z')).join(' ');
    const r = request();
    expect(r.text(`${runs} a${OWN}`)).toBe(`${runs} a${OWN}`); // 40 runs × 9 windows > 256: budget spent
    expect(request().text(`${runs.slice(0, 400)} a${OWN}`)).toContain('a[redacted]');
  });
});

describe('redactFields: what validation and the columns see', () => {
  it('redacts each value as sent, and names every field but the alert text that held a secret', () => {
    const out = redactFields({ exchange: `x${GLOBAL}`, symbol: OWN, alert: `go ${OWN}`, secmgs: GLOBAL, price: 1 }, redactor);
    expect(out.fields).toEqual({ exchange: 'x[redacted]', symbol: '[redacted]', alert: 'go [redacted]', secmgs: GLOBAL, price: 1 });
    expect(out.problems.map((p) => p.field)).toEqual(['exchange', 'symbol']);
  });

  it('a column only normalising made secret is named by its field; a refused alert is stored without those fields', () => {
    const problems = secretColumns({ strategy: 'A', symbol: 'S', alert_text: 'x' }, { strategy: '[redacted]', symbol: 'S', alert_text: 'y' });
    expect(problems).toEqual([{ field: 'stratName', problem: SECRET_OUT_OF_PLACE }]);
    expect(withoutSecretFields({ stratName: 'a', symbol: 'S' }, problems)).toEqual({ stratName: '[redacted]', symbol: 'S' });
  });
});

describe('secret fields and hashes', () => {
  it('names the secret fields and nothing else', () => {
    expect(['secmgs', 'SECRET', 'PassPhrase', 'ｓｅｃｍｇｓ'].every(isSecretField)).toBe(true);
    expect(['secrets', 'sec mgs', 'passphrase2', 'stratName'].some(isSecretField)).toBe(false);
  });

  it('hashes tokens exactly as strategy secrets are stored', () => {
    expect(secretHash(OWN)).toBe(hashStrategySecret(OWN));
  });
});

describe('FailureLimiter', () => {
  it('admits the limit per address and minute, refuses beyond, reports the first refusal', () => {
    let now = 0;
    const refused: Array<[string, boolean]> = [];
    const limiter = new FailureLimiter(3, (address, first) => refused.push([address, first]), () => now);
    const admitted = Array.from({ length: 5 }, () => limiter.admit('10.0.0.1'));
    expect(admitted).toEqual([true, true, true, false, false]);
    expect(limiter.admit('10.0.0.2')).toBe(true);
    expect(refused).toEqual([['10.0.0.1', true], ['10.0.0.1', false]]);
    now = 60_000;
    expect(limiter.admit('10.0.0.1')).toBe(true);
  });

  it('counts IPv6 addresses per /64 and IPv4-mapped ones as IPv4', () => {
    expect(addressKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('is off at 0', () => {
    const limiter = new FailureLimiter(0);
    expect(Array.from({ length: 100 }, () => limiter.admit('10.0.0.1')).every(Boolean)).toBe(true);
  });
});
