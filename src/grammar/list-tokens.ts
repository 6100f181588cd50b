/**
 * The vocabulary of a list in the letter: the states of licensure and the specialties
 * ("California,North Carolina", "Preventive Medicine, Occupational Medicine"), and in older
 * letters the states in a sentence ("licensed to practice in Texas and California.").
 * Items are separated by commas, and in a sentence also by "and"; a sentence ends at its
 * full stop. The guideline vocabulary's comma, full stop and spaces serve here too.
 */
import { createToken, type TokenType } from "chevrotain";
import { anyCharacterBut, isSpace } from "./characters.js";
import { Comma, Period, Whitespace } from "./guideline-tokens.js";

/** "and" between two items of a list in a sentence. */
export const ListAnd = createToken({
  name: "ListAnd",
  pattern: {
    exec: (text: string, offset: number): [string] | null =>
      (offset === 0 || isSpace(text.charCodeAt(offset - 1))) &&
      text.startsWith("and", offset) &&
      (offset + 3 === text.length || isSpace(text.charCodeAt(offset + 3)))
        ? ["and"]
        : null,
  },
  start_chars_hint: ["a"],
});

/** An item's words, up to a comma, a separating "and" or the sentence's full stop. */
export const ListWords = createToken({
  name: "ListWords",
  pattern: {
    exec: (text: string, offset: number): [string] | null => {
      let i = offset;
      let end = offset;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 44 /* , */) break;
        if (c === 46 /* . */ && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1)))) break;
        if (i > offset && isSpace(text.charCodeAt(i - 1)) && text.startsWith("and", i) && (i + 3 === text.length || isSpace(text.charCodeAt(i + 3)))) break;
        i++;
        if (!isSpace(c)) end = i;
      }
      return end > offset ? [text.slice(offset, end)] : null;
    },
  },
  line_breaks: true,
  start_chars_hint: anyCharacterBut(32, 10),
});

/** The tokens of a list, in the order the lexer tries them. */
export const listTokens: TokenType[] = [Whitespace, Comma, Period, ListAnd, ListWords];
