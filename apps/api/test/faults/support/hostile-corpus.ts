import { originalPayload, TEST_SECRET } from '../../support/stack';

export interface HostileCase {
  name: string;
  body: Buffer;
  /** null: no Content-Type header at all. */
  contentType: string | null;
  /** The status it must get when one is certain; otherwise any 4xx. */
  expect?: number;
}

const JSON_TYPE = 'application/json';
const valid = (): Record<string, unknown> => ({ ...originalPayload({ symbol: 'SPY', exchange: 'NYSE', quantity: 1 }) });
const json = (name: string, value: unknown, expect?: number): HostileCase =>
  ({ name, body: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), contentType: JSON_TYPE, expect });
const raw = (name: string, body: Buffer | string, contentType: string | null = JSON_TYPE, expect?: number): HostileCase =>
  ({ name, body: Buffer.isBuffer(body) ? body : Buffer.from(body), contentType, expect });
const withField = (field: string, value: unknown) => ({ ...valid(), [field]: value });
const without = (field: string) => {
  const body = valid();
  delete body[field];
  return body;
};
const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

const TEXT_FIELDS = ['stratName', 'alert', 'exchange', 'symbol', 'direction', 'orderType', 'tif', 'secType', 'currency', 'alertId'];
const NUMBER_FIELDS = ['price', 'quantity', 'limitPrice', 'stopPrice'];
/** Values of the wrong JSON type for a text field / for a number field. */
const NOT_TEXT: unknown[] = [null, true, 12345, 0, [], ['SPY'], {}, { $gt: '' }];
const NOT_NUMBER: unknown[] = [null, false, 'abc', '', '12abc', '0x1A', '1,5', [], [1], {}, { value: 1 }];
const SQL_LIKE = ["SPY'; DROP TABLE alerts;--", "BUY' OR '1'='1", '1; DELETE FROM orders', "x' UNION SELECT * FROM users--", '$$; DROP TABLE executions; $$'];

/** A generated corpus of bodies that must each be refused with a 4xx: ≥ 200 cases. */
export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const field of TEXT_FIELDS) for (const value of NOT_TEXT) cases.push(json(`${field} = ${JSON.stringify(value)}`, withField(field, value), 400));
  for (const field of NUMBER_FIELDS) for (const value of NOT_NUMBER) cases.push(json(`${field} = ${JSON.stringify(value)}`, withField(field, value), 400));
  for (const field of ['stratName', 'symbol', 'price', 'direction']) cases.push(json(`missing ${field}`, without(field), 400));
  cases.push(json('missing secret', without('secmgs'), 401), json('wrong secret', withField('secmgs', 'guess'), 401));
  for (const field of ['secmgs', 'secret', 'passphrase']) cases.push(json(`${field} is an object`, { ...without('secmgs'), [field]: { $ne: '' } }, 401));

  // Numbers: huge, non-finite, zero / negative quantities, too precise.
  // (1e-400 as a JSON number parses to 0, a valid price: only its quoted form is refused.)
  for (const price of ['1e400', '-1e400', '1e20', '123456789012345678901234567890', '1.12345678901']) {
    cases.push(json(`price ${price}`, JSON.stringify(valid()).replace('"price":15000.5', `"price":${price}`), 400));
  }
  for (const price of ['1e400', '-1e400', '1e20', '123456789012345678901234567890', '1e-400', '1e999999', '1.12345678901']) {
    cases.push(json(`price "${price}"`, withField('price', price), 400));
  }
  for (const literal of ['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '.', '--1', '+-1', '1e']) {
    cases.push(json(`price ${literal} (not JSON)`, JSON.stringify(valid()).replace('"price":15000.5', `"price":${literal}`), 400));
    cases.push(json(`price "${literal}"`, withField('price', literal), 400));
  }
  for (const quantity of [0, -1, -0.5, '0', '-5', '0.000', '1e-20', 1e10, '1.123456789', 1e308]) {
    cases.push(json(`quantity ${JSON.stringify(quantity)}`, withField('quantity', quantity), 400));
  }

  // Strings: too long, empty, wrong format, SQL-like where a format applies; SQL-like free text with a wrong secret.
  for (const [field, length] of [['stratName', 101], ['symbol', 51], ['alertId', 201], ['alert', 1001], ['exchange', 51], ['secmgs', 501]] as const) {
    cases.push(json(`${field} of ${length} characters`, withField(field, 'x'.repeat(length)), field === 'secmgs' ? undefined : 400));
  }
  for (const field of ['stratName', 'symbol', 'alertId']) cases.push(json(`empty ${field}`, withField(field, ''), 400));
  cases.push(json('blank stratName', withField('stratName', '   '), 400), json('symbol with a space', withField('symbol', 'SP Y'), 400));
  for (const sql of SQL_LIKE) {
    for (const field of ['symbol', 'direction', 'orderType', 'tif', 'currency', 'secType']) cases.push(json(`${field} = ${sql}`, withField(field, sql), 400));
    for (const field of ['price', 'quantity']) cases.push(json(`${field} = ${sql}`, withField(field, sql), 400));
    for (const field of ['stratName', 'alert', 'alertId']) cases.push(json(`${field} = ${sql}, wrong secret`, { ...withField(field, sql), secmgs: `${sql}-guess` }, 401));
  }

  // Unknown fields and prototype pollution.
  for (const field of ['extra', 'stratname', 'Symbol', 'id', 'status', 'order_id', 'constructor', 'toString']) cases.push(json(`unknown field ${field}`, withField(field, 1), 400));
  for (const text of [
    `{"__proto__": {"admin": true}, ${JSON.stringify(valid()).slice(1)}`,
    `{"constructor": {"prototype": {"polluted": 1}}, ${JSON.stringify(valid()).slice(1)}`,
    JSON.stringify(valid()).replace('"symbol":"SPY"', '"symbol":{"__proto__":{"toString":"x"}}'),
    `{"__proto__": null, "stratName": "x"}`,
    `{"__proto__": {"secmgs": "${TEST_SECRET}"}, "stratName": "x", "symbol": "SPY", "price": 1, "direction": "BUY"}`,
  ]) cases.push(json(`prototype keys: ${text.slice(0, 40)}`, text));

  // Shape: not an object, deep nesting, malformed JSON, duplicate keys.
  for (const text of ['[]', '[1,2,3]', '"a string"', '123', 'null', 'true', '[{}]']) cases.push(json(`body ${text}`, text, 400));
  cases.push(json('body {}', '{}', 401));
  for (const depth of [100, 1_000, 10_000, 30_000]) cases.push(json(`array nested ${depth} deep`, nested(depth, '[', ']'), 400));
  for (const depth of [100, 1_000, 10_000]) {
    cases.push(json(`stratName nested ${depth} deep`, `{"secmgs":"${TEST_SECRET}","stratName":${nested(depth, '{"a":', '}')}}`, 400));
  }
  for (const text of ['{', '}', '{"stratName": "x",}', "{'stratName': 'x'}", '{stratName: "x"}', '{"a":1}{"b":2}', '{"a":1} // c',
    '{"a": "line\nbreak"}', '{"a": "\\x41"}', '{"a":"\\ud800"', 'garbage', '{"price": 01}', '{"price": 1.}',
    `${JSON.stringify(valid()).slice(0, -1)}`]) cases.push(json(`malformed ${JSON.stringify(text).slice(0, 30)}`, text, 400));
  cases.push(json('duplicate keys, last one invalid', JSON.stringify(valid()).replace('"price":15000.5', '"price":1,"price":"abc"'), 400));
  cases.push(raw('empty body', '', JSON_TYPE, 400), raw('whitespace body', ' \n\t ', JSON_TYPE, 400));

  // Bytes: invalid UTF-8, NUL bytes.
  for (const bytes of [[0xff, 0xfe, 0x7b, 0x7d], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]) {
    const body = Buffer.concat([Buffer.from('{"stratName":"'), Buffer.from(bytes), Buffer.from('","symbol":"SPY","price":1,"direction":"BUY"}')]);
    cases.push(raw(`invalid UTF-8 ${Buffer.from(bytes).toString('hex')}`, body, JSON_TYPE, 400));
  }
  cases.push(raw('NUL bytes', Buffer.from('{"stratName":"a\u0000b"}\u0000'), JSON_TYPE, 400));
  for (const field of ['stratName', 'alert', 'alertId']) cases.push(json(`${field} with an escaped NUL`, withField(field, 'a\u0000b'), 400));
  cases.push(json('a key with an escaped NUL', withField('a\u0000', 1), 400));
  // Lone UTF-16 surrogates (only JSON escapes can make them; PostgreSQL refuses them): in a value, a key, and
  // with a wrong secret (a rejected row must still be storable, and must not fail the rows batched with it).
  for (const field of ['stratName', 'alert', 'alertId']) cases.push(json(`${field} with a lone surrogate`, withField(field, 'a\ud800b'), 400));
  cases.push(json('a key with a lone low surrogate', withField('\udc00', 1), 400));
  cases.push(json('a lone surrogate and a wrong secret', JSON.stringify({ stratName: '\ud800', secmgs: 'wrong' }), 400));
  cases.push(raw('no Content-Type, not JSON', 'stratName=x&price=1', null, 400));

  // Size and content type.
  for (const mb of [0.07, 1, 10]) cases.push(raw(`${mb} MB body`, Buffer.alloc(Math.round(mb * 1024 * 1024), 'x'), JSON_TYPE, 413));
  cases.push(raw('10 MB valid-looking JSON', `{"stratName":"${'x'.repeat(10 * 1024 * 1024)}"}`, JSON_TYPE, 413));
  const text = JSON.stringify(valid());
  for (const type of ['application/xml', 'text/html', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'image/png', 'application/jsonp']) {
    cases.push(raw(`Content-Type ${type}`, text, type, 415));
  }
  return cases;
}
