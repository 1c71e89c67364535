/**
 * Characters that pass for a Latin letter (or ASCII punctuation), listed under the one they imitate: a subset of
 * Unicode's confusables.txt (UTS #39) for the scripts strategy names may use — Cyrillic, Greek, Armenian, and Latin's
 * own variants and small capitals, which the mixed-script rule cannot catch. Fullwidth and other compatibility forms
 * need no entry: NFKC has already made them ASCII. Both cases are listed because strategy names ignore case and a
 * capital can imitate another letter than its small form (Greek Ν is N, ν is v; Υ is Y, υ is u).
 */
const IMITATIONS: Record<string, string> = {
  a: 'аАαΑɑᴀ',
  b: 'вВβΒьЬʙ',
  c: 'сСϲϹᴄ',
  d: 'ԁԀᴅ',
  e: 'еЕεΕᴇ',
  f: 'ϝϜ',
  g: 'ɡɢց',
  h: 'һҺнНΗհʜ',
  i: 'іІιΙɩɪ',
  j: 'јЈϳͿȷᴊ',
  k: 'кКκΚᴋ',
  l: 'ӏӀʟ',
  m: 'мМΜᴍ',
  n: 'Νηпոɴ',
  o: 'оОοΟσօՕᴏ',
  p: 'рРρΡᴘ',
  q: 'ԛԚզ',
  r: 'гʀ',
  s: 'ѕЅՏꜱ',
  t: 'тТτΤᴛ',
  u: 'υμսՍᴜ',
  v: 'νѵѴᴠ',
  w: 'ԝԜωᴡ',
  x: 'хХχΧ',
  y: 'уУүҮΥγʏ',
  z: 'Ζᴢ',
  '-': '\u2010\u2011\u2012\u2013\u2212\u02d7\u2043\ufe63',
  "'": '\u2018\u2019\u02bc\u02b9\u2032\u00b4\u02c8`',
};

const PROTOTYPE = new Map(Object.entries(IMITATIONS).flatMap(([latin, chars]) => [...chars].map((ch) => [ch, latin] as const)));

/** Each imitating character replaced by the Latin one it passes for (apply to decomposed text: ё is е + ̈). */
export function latinLookAlike(text: string): string {
  let out = '';
  for (const ch of text) out += PROTOTYPE.get(ch) ?? ch;
  return out;
}

/**
 * Latin's own look-alikes, after case folding (so capital I arrives as i): I, l, 1 and | are one shape, and so are
 * O and 0, as in UTS #39. This merges i with l too, so "Oil" and "Oli" collide: a refusal too many, never one too few.
 */
const LATIN_FOLD: Record<string, string> = { i: 'l', 1: 'l', '|': 'l', 0: 'o' };

export function foldLatinLookAlikes(key: string): string {
  return key.replace(/[i1|0]/g, (ch) => LATIN_FOLD[ch]!);
}
