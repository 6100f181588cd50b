/**
 * The vocabulary of the section "HOW THE IMR FINAL DETERMINATION WAS MADE": its
 * boilerplate sentences (`boilerplate.ts`), and in letters before 2015 the sentence that
 * names the reviewer's credentials, "The expert reviewer is Board Certified in X [has a
 * subspecialty in Y] and is licensed to practice in Z." The section's text is lexed on its
 * own, in the passage lexer's `how` mode; anything else in it is `HowText`, which the
 * model reports.
 */
import { createToken, type TokenType } from "chevrotain";
import { HOW_BOILERPLATE } from "./boilerplate.js";
import { anyCharacterBut } from "./characters.js";
import { Whitespace } from "./guideline-tokens.js";
import { PhraseSet } from "./phrases.js";

const phrases = new PhraseSet("wordStart");

function phrase(name: string, spellings: readonly string[]): TokenType {
  const id = phrases.add(spellings);
  return createToken({
    name,
    pattern: {
      exec: (text: string, offset: number): [string] | null => {
        if (!phrases.pairAt(text, offset)) return null;
        const end = phrases.endOf(id, text, offset);
        return end < 0 ? null : [text.slice(offset, end)];
      },
    },
    line_breaks: true,
    start_chars_hint: PhraseSet.startChars(spellings),
  });
}

// The sentences by their first two characters: a sentence is compared natively, whole,
// only where its first two characters stand (the section is lexed with its line breaks
// as spaces, see parsePassageCst).
const BY_FIRST_PAIR = new Map<string, string[]>();
// Known to the phrase set too, so that other text stops where a sentence begins.
phrases.add(HOW_BOILERPLATE);
for (const sentence of HOW_BOILERPLATE) {
  const pair = sentence.slice(0, 2);
  BY_FIRST_PAIR.set(pair, [...(BY_FIRST_PAIR.get(pair) ?? []), sentence]);
}

/** One sentence of the section's fixed wording, as the letters write it. */
export const HowBoilerplate = createToken({
  name: "HowBoilerplate",
  pattern: {
    exec: (text: string, offset: number): [string] | null => {
      for (const sentence of BY_FIRST_PAIR.get(text.slice(offset, offset + 2)) ?? []) {
        if (text.startsWith(sentence, offset)) return [sentence];
      }
      return null;
    },
  },
  start_chars_hint: [...new Set(HOW_BOILERPLATE.map((s) => s[0]!))],
});
export const ReviewerIsBoardCertifiedIn = phrase("ReviewerIsBoardCertifiedIn", [
  "The expert reviewer is Board Certified in",
  "The physician reviewer is Board Certified in",
]);
export const HasASubspecialtyIn = phrase("HasASubspecialtyIn", ["and has a subspecialty in", "has a subspecialty in"]);
export const IsLicensedToPracticeIn = phrase("IsLicensedToPracticeIn", ["and is licensed to practice in", "is licensed to practice in"]);

// Where a phrase may start: a space or line break, then its first letters (found natively).
const PREFIX = 9;
const PHRASE_STARTS = new RegExp(phrases.prefixSource(PREFIX, "[ \\n]"), "g");

/** Words up to the next phrase of the section (or its end). */
export const HowText = createToken({
  name: "HowText",
  pattern: {
    exec: (text: string, offset: number): [string] | null => {
      let end = text.length;
      PHRASE_STARTS.lastIndex = offset;
      while (PHRASE_STARTS.test(text)) {
        const word = PHRASE_STARTS.lastIndex - PREFIX;
        if (phrases.anyAt(text, word)) {
          end = word - 1;
          break;
        }
        PHRASE_STARTS.lastIndex = word;
      }
      PHRASE_STARTS.lastIndex = 0;
      while (end > offset && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 10)) end--;
      return end > offset ? [text.slice(offset, end)] : null;
    },
  },
  line_breaks: true,
  start_chars_hint: anyCharacterBut(32, 10),
});

/** The tokens of the section, in the order the lexer tries them. */
export const howTokens: TokenType[] = [Whitespace, HowBoilerplate, ReviewerIsBoardCertifiedIn, HasASubspecialtyIn, IsLicensedToPracticeIn, HowText];

/** Lets go of the text the phrase set last looked at. */
export function forgetHowInput(): void {
  phrases.forget();
}
