import { Type } from '@sinclair/typebox';

// Unambiguous: a dot always separates the digit runs, so matching is linear and an attacker's 60,000-digit string
// costs no more than reading it (`\\d+\\.?\\d*` backtracked quadratically: 10 s of a blocked event loop).
export const numericString = '^\\s*[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*$';

/** TradingView renders placeholders as text, so a number may arrive quoted: both are accepted. */
export const NumberLike = (description: string, example: number) =>
  Type.Union([Type.Number(), Type.String({ pattern: numericString })], { description, examples: [example] });
