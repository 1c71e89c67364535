import { payloadFieldRows } from './payload-fields';

describe('payloadFieldRows', () => {
  const rows = Object.fromEntries(payloadFieldRows().map((row) => [row.name, row]));

  it('derives type, requiredness and constraints from the contract', () => {
    expect(rows.stratName).toMatchObject({ type: 'text', required: true, example: 'Strat Alpha' });
    // Optional in the schema: EXIT, CANCEL… need no price (the guide says "Required for BUY and SELL").
    expect(rows.price).toMatchObject({ type: 'number (quoted is fine)', required: false, example: '15000.5' });
    expect(rows.symbol.constraints).toEqual(['not empty', 'at most 50 characters', 'no spaces']);
    expect(rows.quantity.required).toBe(false);
  });

  it('marks the secret fields', () => {
    expect(['secmgs', 'secret', 'passphrase'].every((name) => rows[name].secret)).toBe(true);
    expect(rows.symbol.secret).toBe(false);
  });
});
