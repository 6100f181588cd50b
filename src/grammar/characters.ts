/**
 * Character classes the lexers, the parser and the AST builder share: what makes a word,
 * where a line starts and ends, and the start-character lists Chevrotain's
 * first-character index wants for tokens that can start with (almost) anything.
 */

/** Letters and digits (and anything past ASCII) make words. */
export const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
/** A word character that is no digit: a letter, ASCII or past it. */
export const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;

/** A space or a line break: the only whitespace the normalized text has. */
export const isSpace = (c: number): boolean => c === 32 || c === 10;
/** An ASCII lower-case letter: a line that starts with one runs on from the line before. */
export const isLowerCase = (c: number): boolean => c >= 97 && c <= 122;

export const isLineStart = (text: string, offset: number): boolean => offset === 0 || text.charCodeAt(offset - 1) === 10;
export const isLineEnd = (text: string, offset: number): boolean => offset === text.length || text.charCodeAt(offset) === 10;
export const isWordStart = (text: string, offset: number): boolean => offset === 0 || !isWordCode(text.charCodeAt(offset - 1));

/**
 * Every character code but the excluded ones, for `start_chars_hint`: all of Latin-1, and
 * one code per bucket of 255 above it (Chevrotain indexes characters past Latin-1 by bucket).
 */
export function anyCharacterBut(...excluded: number[]): number[] {
  const codes: number[] = [];
  for (let c = 0; c < 256; c++) if (!excluded.includes(c)) codes.push(c);
  for (let c = 256; c < 65536; c += 255) codes.push(c);
  codes.push(65535);
  return codes;
}
