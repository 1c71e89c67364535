import { asSentence } from './format';

describe('asSentence', () => {
  it('capitalises and ends with a full stop, unless already punctuated', () => {
    expect(asSentence('connection closed by IB; retrying in 0.5 s')).toBe('Connection closed by IB; retrying in 0.5 s.');
    expect(asSentence(' Gateway refused the connection. ')).toBe('Gateway refused the connection.');
    expect(asSentence('Is the Gateway running?')).toBe('Is the Gateway running?');
    expect(asSentence('')).toBe('');
  });
});
