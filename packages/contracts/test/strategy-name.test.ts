import { strategyDisplayName, strategyKey, strategyNameProblem } from '../src/strategy-name';

describe('strategy names: one key for names that look the same', () => {
  it.each([
    ['Risk1', 'RISK1'], ['Risk1', ' risk1 '], ['Risk 1', 'Risk  1'], ['Risk 1', 'risk\u00a01'], ['Risk1', 'Ｒｉｓｋ１'],
    ['Straße', 'STRASSE'], ['σας', 'ΣΑΣ'], ['Rısk1', 'Risk1'], ['Café', 'Cafe\u0301'],
  ])('%j is %j', (a, b) => {
    expect(strategyKey(a)).toBe(strategyKey(b));
  });

  it('keeps names apart that differ in more than spelling of the same letters', () => {
    expect(strategyKey('Risk 1')).not.toBe(strategyKey('Risk1'));
    expect(strategyKey('Risk1')).not.toBe(strategyKey('Risk2'));
  });

  it('stores a name normalised but in its own case', () => {
    expect(strategyDisplayName('  Ｒｉｓｋ   One\t')).toBe('Risk One');
  });
});

describe('strategy names that could pass for another are refused, saying why', () => {
  it.each([
    ['Risk1\u200b', /invisible.*U\+200B/], ['Risk\u200d1', /invisible.*U\+200D/], ['\u2060Risk1', /invisible.*U\+2060/],
    ['Risk1\ufeff', /invisible.*U\+FEFF/], ['Risk\u202e1', /invisible.*U\+202E/], ['Risk\u00ad1', /invisible.*U\+00AD/],
    ['Risk1\ufe0f', /invisible.*U\+FE0F/], ['Risk\u31641', /invisible.*U\+3164/], ['Risk\t1', /control.*U\+0009/],
    ['Risk\u00071', /control.*U\+0007/], ['Risk\ue0001', /private-use.*U\+E000/],
    ['R\u0456sk1', /mixes scripts.*Latin.*Cyrillic "і" U\+0456/], ['Ri\u03c3k', /mixes scripts.*Greek/],
    ['\u13a1isk1', /U\+13A1.*script not used for names/], ['   ', /blank/], ['\u3000', /blank/],
  ])('%j', (name, problem) => {
    expect(strategyNameProblem(name)).toMatch(problem);
  });

  it.each(['Risk1', 'Strat Alpha', 'Momentum (ES) #2 — v1.5', 'Ｒｉｓｋ１', 'Café Crème', 'Стратегия 1', 'Στρατηγική',
    '日本株ストラテジー', '戦略 A', '동향 전략', '趋势策略'])('accepts %j', (name) => {
    expect(strategyNameProblem(name)).toBeNull();
  });
});
