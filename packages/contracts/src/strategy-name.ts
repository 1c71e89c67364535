/**
 * Strategy identity: the one definition of which names are the same strategy, and which names are refused because
 * they could pass for another. The webhook, the strategy store, risk, the idempotency key, the admin API and the
 * database's unique key all use these functions, so "Risk 1", "risk  1" and "Ｒｉｓｋ １" are one strategy everywhere.
 */
import { foldLatinLookAlikes, latinLookAlike } from './confusables';

/** The name as stored and shown: Unicode NFKC (fullwidth "Ｒ" → "R"), whitespace runs → one space, trimmed. */
export function strategyDisplayName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * The key a strategy is found and kept unique by: the display name case-folded. Upper- then lower-casing is a full
 * case fold for names (ß = ss, final ς = σ, dotless ı = i) without a locale; NFKC again after it, as NFKC_Casefold does.
 */
export function strategyKey(name: string): string {
  return strategyDisplayName(name).toUpperCase().toLowerCase().normalize('NFKC');
}

/**
 * What a name looks like, for telling apart names that are different strategies but look the same (UTS #39's
 * skeleton): "Ѕсоре" in Cyrillic, "Sc0pe" and "Scope" share one. Letters are replaced by the Latin one they imitate
 * before the key's case fold, as a capital and its small letter can imitate different ones (Greek Ν/ν: N, v).
 */
export function strategySkeleton(name: string): string {
  // Mapped before NFKC, which turns some look-alikes into other letters (lunate ϲ into σ), and after, for the ones it
  // makes (mathematical 𝚨 becomes Greek Α).
  return foldLatinLookAlikes(strategyKey(shapes(strategyDisplayName(shapes(name)))));
}

const shapes = (text: string) => latinLookAlike(text.normalize('NFD'));

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const CONTROL = /\p{Cc}/u;
/** Format characters (zero-width space and joiners, bidi controls, BOM…) and anything else rendered as nothing. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const UNASSIGNED_OR_PRIVATE = /[\p{Cn}\p{Co}\p{Cs}]/u;
/**
 * Combining marks NFKC leaves alone ("1\u0301" has no precomposed form) only decorate another character: refused. Not
 * the marks of scripts that write vowels with them (Devanagari, Thai, Hebrew…), which the script rule checks.
 */
const MARK = /[\p{Mn}\p{Me}]/u;
const DECORATIVE = /[\p{Script=Inherited}\p{Script=Common}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
/** Digits, punctuation, spaces, symbols and combining marks belong to no script of their own. */
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The scripts Unicode recommends for identifiers (UTS #31, table 5); a letter of any other script is refused. */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi',
  'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar',
  'Georgian', 'Hangul', 'Ethiopic', 'Khmer', 'Han', 'Hiragana', 'Katakana', 'Bopomofo',
].map((script) => ({ script, pattern: new RegExp(`\\p{Script=${script}}`, 'u') }));

/** Scripts written together (UTS #39 "highly restrictive"): Japanese, Chinese with Bopomofo, Korean, each with Latin. */
const SCRIPT_FAMILIES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a strategy name cannot be used, or null. Refused: blank; control characters; invisible or formatting
 * characters; unassigned or private-use ones; letters of a script not recommended for identifiers; and letters of
 * two scripts that are not written together ("R\u0456sk1": Latin with a Cyrillic і). A name wholly in one script
 * (Cyrillic, Greek, Han…) is fine, and so is Latin with digits, punctuation and spaces.
 */
export function strategyNameProblem(name: string): string | null {
  if (PLAIN_ASCII.test(name)) return name.trim() === '' ? 'must not be blank' : null; // the usual case, quickly
  for (const ch of name) {
    if (CONTROL.test(ch)) return `contains a control character (${codePoint(ch)})`;
    if (INVISIBLE.test(ch)) {
      return `contains an invisible or formatting character (${codePoint(ch)}), which would make it look like another name`;
    }
    if (UNASSIGNED_OR_PRIVATE.test(ch)) return `contains an unassigned or private-use character (${codePoint(ch)})`;
  }
  const display = strategyDisplayName(name);
  if (display === '') return 'must not be blank';
  for (const ch of display) {
    if (MARK.test(ch) && DECORATIVE.test(ch)) {
      return `contains a combining mark (${codePoint(ch)}) that is part of no letter, which would make it look like another name`;
    }
  }
  return scriptProblem(display);
}

function scriptProblem(name: string): string | null {
  const seen = new Map<string, string>(); // script → its first letter in the name
  for (const ch of name) {
    if (NEUTRAL.test(ch)) continue;
    const script = SCRIPTS.find((s) => s.pattern.test(ch))?.script;
    if (!script) return `contains "${ch}" (${codePoint(ch)}), a letter of a script not used for names (it may imitate another letter)`;
    if (!seen.has(script)) seen.set(script, ch);
  }
  const scripts = [...seen.keys()];
  if (scripts.length <= 1 || SCRIPT_FAMILIES.some((family) => scripts.every((s) => family.includes(s)))) return null;
  const letters = [...seen].map(([script, ch]) => `${script} "${ch}" ${codePoint(ch)}`).join(', ');
  return `mixes scripts (${letters}): a letter from another script can imitate a Latin one, so use one script`;
}
