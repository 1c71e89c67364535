import { strategyKey, strategyNameProblem, strategySkeleton } from '../src/strategy-name';

describe('strategy skeletons: names that look alike share one', () => {
  it.each([
    ['Scope', '\u0405\u0441\u043e\u0440\u0435'], // the red-team's all-Cyrillic Ѕсоре
    ['SCOPE', '\u0405\u0421\u041e\u0420\u0415'], // in capitals: Cyrillic Ѕ С О Р Е
    ['Scope', 'Sc0pe'], ['Risk1', 'Rlsk1'], ['Risk1', 'RISKl'], ['Risk1', 'Risk|'], ['RISK', 'R\u0406SK'],
    ['BETA', '\u0412\u0415\u0422\u0410'], ['HEAT', '\u041d\u0415\u0410\u0422'],
    ['Nova', '\u039d\u03bf\u03bd\u03b1'], // Greek Ν ο ν α: the capital is N, the small letter v
    ['KOMPAKT', '\u039a\u039f\u039c\u03a1\u0391\u039a\u03a4'], ['XYZ', '\u03a7\u03a5\u0396'], ['hop', '\u04bb\u03bf\u0440'],
    ['Algo', 'Al\u0261o'], ['Jump', '\u0458ump'], ['Sco', '\ua731\u1d04\u1d0f'], ['Risk-1', 'Risk\u20101'], ['Risk-1', 'Risk\u22121'],
    ['Scopë', '\u0405\u0441\u043e\u0440\u0451'], // ё decomposes to е + ̈
    ['cop', '\u03f2\u03bf\u03c1'], ['ABE', '\u{1d6a8}\u{1d6a9}\u{1d6ac}'], // lunate ϲ (NFKC: σ); mathematical Greek (NFKC: Greek)
    ['risk 1', 'Ｒｉｓｋ　１'], // the key's own normalisation comes first
  ])('%j looks like %j', (a, b) => {
    expect(strategySkeleton(b)).toBe(strategySkeleton(a));
  });

  it('keeps apart names that look different', () => {
    for (const [a, b] of [['Scope', 'Scape'], ['Risk 1', 'Risk1'], ['Café', 'Cafe'], ['Nova', 'Vova'], ['Стратегия', 'Strategy'],
      ['Risk1', 'Risk2']]) {
      expect([a, b, strategySkeleton(a) === strategySkeleton(b)]).toEqual([a, b, false]);
    }
  });

  it('is the same for every spelling of one strategy, and Latin for the look-alike', () => {
    expect(new Set(['Scope', 'SCOPE', 'scope', ' ＳＣＯＰＥ '].map(strategySkeleton))).toEqual(new Set(['scope']));
    expect(strategySkeleton('\u0405\u0441\u043e\u0440\u0435')).toBe('scope');
    expect(strategyKey('\u0405\u0441\u043e\u0440\u0435')).not.toBe(strategyKey('Scope'));
  });

  it('merges i with l, since case is ignored and I looks like l: "Oil" and "Oli" collide (a refusal too many)', () => {
    expect(strategySkeleton('Oli')).toBe(strategySkeleton('OIL'));
  });
});

describe('combining marks that are part of no letter are refused', () => {
  it.each([['Risk1\u0301', 'U+0301'], ['Scope\u20dd', 'U+20DD'], ['Risk\u0336', 'U+0336'], ['\u0405\u0441\u043e\u0440\u0435\u0483', 'U+0483'],
    ['Risk\u0308\u0308', 'U+0308']])('%j (%s)', (name, why) => {
    expect(strategyNameProblem(name)).toMatch(new RegExp(`combining mark \\(${why.replace('+', '\\+')}\\)`));
  });

  it('accepts marks NFKC composes into a letter, and the vowel marks of scripts written with them', () => {
    for (const name of ['Cafe\u0301', 'Ёлка', 'हिन्दी रणनीति', 'กลยุทธ์', 'אסטרטגיה']) expect([name, strategyNameProblem(name)]).toEqual([name, null]);
  });
});
