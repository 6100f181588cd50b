/**
 * The vocabulary of a guideline paragraph ("Claims Administrator guideline:" and
 * "MAXIMUS guideline:"): its fixed sentences, the MTUS titles (`mtus-titles.ts`), years,
 * section and page markers. The paragraph is lexed on its own, from the normalized
 * text the letter grammar placed in it.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { MTUS_TITLES } from "./mtus-titles.js";
import { anyCharacterBut, isWordCode } from "./characters.js";
import { PhraseSet } from "./phrases.js";

const phrases = new PhraseSet("wordStart");

/** Every token but the two sentence openers: what sections, pages and references are made of. */
export const GuidelineText = createToken({ name: "GuidelineText", pattern: Lexer.NA });
const inText = { categories: [GuidelineText] };

function phrase(name: string, spellings: string[], categories: TokenType[] = [GuidelineText]): TokenType {
  const id = phrases.add(spellings);
  return createToken({
    name,
    pattern: {
      exec: (text: string, offset: number) => {
        if (!phrases.pairAt(text, offset)) return null;
        const end = phrases.endOf(id, text, offset);
        return end < 0 ? null : [text.slice(offset, end)];
      },
    },
    line_breaks: true,
    start_chars_hint: PhraseSet.startChars(spellings),
    categories,
  });
}

/** "Decision based on MTUS": one or more MTUS guidelines follow. */
export const DecisionBasedOnMtus = phrase("DecisionBasedOnMtus", ["Decision based on MTUS"], []);
/** "Decision based on Non-MTUS Citation": a reference follows, to the next sentence of this kind. */
export const DecisionBasedOnNonMtus = phrase(
  "DecisionBasedOnNonMtus",
  ["Decision based on Non-MTUS Citation", "Decision based on Non-MTUS"],
  [],
);
// The sentences that say what a paragraph rests on, whole ("The Expert Reviewer based their
// decision on recommendation(s) outside of the MTUS Guidelines."), and their telling words
// alone, for a sentence worded otherwise (whose other words are then reported).
const WHO = ["The Claims Administrator", "The Expert Reviewer", "The Physician Reviewer"];
const sentences = (predicates: readonly string[]) => WHO.flatMap((who) => predicates.map((p) => `${who} ${p}`));
const NO_EVIDENCE = ["did not cite any medical evidence for its decision.", "did not cite any medical evidence for their decision."];
const OUTSIDE = ["their", "its"].flatMap((whose) => [
  `based ${whose} decision on recommendation(s) outside of the MTUS Guidelines.`,
  `based ${whose} decision on recommendation(s) outside the MTUS Guidelines.`,
  `did not base ${whose} decision on the MTUS.`,
]);

/** "The Claims Administrator did not cite any medical evidence for its decision.": the basis is none. */
export const NoMedicalEvidence = phrase("NoMedicalEvidence", [...sentences(NO_EVIDENCE), "did not cite any medical evidence"], []);
/** "… based their decision on recommendation(s) outside of the MTUS Guidelines.": the basis is outside the MTUS. */
export const OutsideMtus = phrase(
  "OutsideMtus",
  [...sentences(OUTSIDE), "outside of the MTUS", "outside the MTUS", "did not base their decision on the MTUS", "did not base its decision on the MTUS"],
  [],
);
export const SectionsLabel = phrase("SectionsLabel", ["Section(s):", "Sections:", "Section:"]);
/** Page markers: "Page(s):" in the 2013–2015 letters, also "pg 128", "pages 98-99". */
export const PagesLabel = phrase("PagesLabel", ["Page(s):", "Pages:", "Page:", "pages", "page", "pg.", "pg"]);

// A title may carry the ACOEM chapter it comes from: "ACOEM Chapter 12 Low Back Complaints".
const titles = new PhraseSet("wordStart");
titles.add(MTUS_TITLES);
const CHAPTER_PREFIX = /(?:ACOEM[ \n])?(?:Chapter[ \n]\d{1,2}[ \n])?/iy;

function matchTitle(text: string, offset: number): [string] | null {
  // Only "ACOEM" and "Chapter" begin a prefix: elsewhere the title starts here or nowhere.
  const c = text.charCodeAt(offset) | 0x20;
  let prefix = 0;
  if (c === 97 /* a */ || c === 99 /* c */) {
    CHAPTER_PREFIX.lastIndex = offset;
    prefix = CHAPTER_PREFIX.exec(text)![0].length;
  }
  if (!titles.pairAt(text, offset + prefix)) return null;
  const end = titles.longestAt(text, offset + prefix);
  return end < 0 ? null : [text.slice(offset, end)];
}

/** A title of the MTUS vocabulary, as the letter writes it. */
export const MtusTitle = createToken({
  name: "MtusTitle",
  pattern: { exec: matchTitle },
  line_breaks: true,
  start_chars_hint: [...new Set([...PhraseSet.startChars(MTUS_TITLES), "A", "a", "C", "c"])],
  ...inText,
});

/** A year: "2004" in "Low Back Complaints 2004". */
export const Year = createToken({ name: "Year", pattern: /(?:19|20)\d\d(?![0-9])/, start_chars_hint: ["1", "2"], ...inText });
/** ", and": between two guidelines of one sentence, or inside a title or a section name. */
export const CommaAnd = createToken({ name: "CommaAnd", pattern: /,[ \n]and(?![A-Za-z0-9])/, line_breaks: true, start_chars_hint: [","], ...inText });
export const Comma = createToken({ name: "Comma", pattern: /,/, start_chars_hint: [","], ...inText });
/** A full stop that ends a sentence (not the one in "3.3"). */
export const Period = createToken({ name: "Period", pattern: /\.(?![^ \n])/, start_chars_hint: ["."], ...inText });
export const Whitespace = createToken({ name: "Whitespace", pattern: /[ \n]+/, group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: [" ", "\n"] });

/** Words up to the next token of another kind. */
function matchWords(text: string, offset: number): [string] | null {
  const n = text.length;
  let i = offset;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) break;
    if (c === 46 /* . */ && (i + 1 === n || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) break;
    if (i > offset && !isWordCode(text.charCodeAt(i - 1)) && isWordCode(c) && startsToken(text, i)) break;
    i++;
  }
  // Trailing spaces are left to the next token (skipped).
  let end = i;
  while (end > offset && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 10)) end--;
  return end > offset ? [text.slice(offset, end)] : null;
}

const YEAR_AT = /(?:19|20)\d\d(?![0-9])/y;

function startsToken(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 49 || c === 50) {
    YEAR_AT.lastIndex = at;
    return YEAR_AT.test(text);
  }
  return (phrases.pairAt(text, at) && phrases.anyAt(text, at)) || ((titles.pairAt(text, at) || c === 65 || c === 67) && matchTitle(text, at) !== null);
}

export const Words = createToken({
  name: "Words",
  pattern: { exec: matchWords },
  line_breaks: true,
  start_chars_hint: anyCharacterBut(),
  ...inText,
});

/** Lets go of the text the phrase sets last looked at. */
export function forgetGuidelineInput(): void {
  phrases.forget();
  titles.forget();
}

/** Every token of a guideline paragraph, in the order the lexer tries them. */
export const guidelineTokens: TokenType[] = [
  GuidelineText,
  Whitespace,
  DecisionBasedOnMtus,
  DecisionBasedOnNonMtus,
  NoMedicalEvidence,
  OutsideMtus,
  SectionsLabel,
  PagesLabel,
  MtusTitle,
  Year,
  CommaAnd,
  Comma,
  Period,
  Words,
];
