/**
 * The letter's vocabulary: its fixed phrases as tokens, in the letter's own words.
 *
 * The lexer reads normalized text (see `normalize/`), where words are separated by a
 * single space or a single line break, so a phrase that wraps (`was authorized by the`
 * / `Claims Administrator.`) is still one token. The kinds of token:
 *
 * - landmarks: section headings, lead-ins and labels. They count only at the start of
 *   a line, so prose that mentions "guideline:" never starts a section;
 * - phrases: fixed wording inside a line (the header labels, the partial authorization
 *   sentences);
 * - a heading's outcome: the colon (or "is:") and the word after it at the line's end;
 * - `LineBreak` and `Text`, the rest of a line up to the next phrase. Every line break is
 *   a token: after lexing, `markLineBreaks` (line-breaks.ts) tells each one a word wrap,
 *   the break after a full line, or a paragraph's end, and the grammar reads those kinds.
 *
 * Phrases are found by one walk of a trie per position (`phrases.ts`), and `Text` scans
 * one line at most, so lexing is linear in the input.
 */
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import { anyCharacterBut, isLineEnd, isLineStart, isWordStart } from "./characters.js";
import { PhraseSet } from "./phrases.js";
import { SUMMARY_LEAD_IN_WORDINGS } from "./boilerplate.js";

/** Any token that can stand in running prose (a summary, a rationale). */
export const Prose = createToken({ name: "Prose", pattern: Lexer.NA });
/** Plain words with no role of their own: an item's name, a specialty, a header value. */
export const PlainText = createToken({ name: "PlainText", pattern: Lexer.NA });
/** Any token that can be left over outside the parts of the letter: prose, and labels out of place. */
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });

/** Phrases that count only at the start of a line, and phrases that can stand anywhere. */
const atLineStart = new PhraseSet("lineStart");
const inline = new PhraseSet("wordStart");

/** Lets go of the text the phrase sets last looked at (called when a lexing run ends). */
export function forgetLastInput(): void {
  atLineStart.forget();
  inline.forget();
}

interface PhraseOptions {
  /** Only at the start of a line (a landmark); otherwise anywhere a word starts. */
  lineStart?: boolean;
  /**
   * The phrase is the whole line (a section heading), or, in capitals, begins one: text
   * re-wrapped to another width joins a heading with the line after it.
   */
  wholeLine?: boolean;
  categories?: TokenType[];
}

/**
 * A token for a fixed phrase. `spellings` are its wordings (matched without regard to
 * case); a space in them matches a space or a line break.
 */
function phrase(name: string, spellings: string | readonly string[], options: PhraseOptions = {}): TokenType {
  const all = typeof spellings === "string" ? [spellings] : spellings;
  const set = options.lineStart || options.wholeLine ? atLineStart : inline;
  const id = set.add(all);
  const exec = (text: string, offset: number): [string] | null => {
    if (!set.pairAt(text, offset)) return null;
    const end = set.endOf(id, text, offset);
    if (end < 0) return null;
    const image = text.slice(offset, end);
    if (options.wholeLine && !isLineEnd(text, end) && !(text.charCodeAt(end) === 0x20 && image === image.toUpperCase())) return null;
    return [image];
  };
  return createToken({
    name,
    pattern: { exec },
    line_breaks: true,
    start_chars_hint: PhraseSet.startChars(all),
    ...(options.categories ? { categories: options.categories } : {}),
  });
}

/** A landmark that, found out of place, is left over rather than opening anything. */
const strayable = { categories: [Stray] };
const landmark = (name: string, words: string | readonly string[], options: PhraseOptions = {}) => phrase(name, words, { lineStart: true, ...options });
const sectionHeading = (name: string, words: string) => phrase(name, words, { wholeLine: true });
/** A lead-in sentence: so distinctive that it counts wherever it stands (text before it on its line is reported). */
const leadIn = (name: string, words: string | readonly string[], options: PhraseOptions = {}) => phrase(name, words, options);

// --- The case header -------------------------------------------------------------
// "Case Number:" opens the header (and a second letter pasted after a first one): at the
// start of a line, or after other text when a case number follows it (a fax line before
// the header); the other labels stand anywhere in a line, as two-column tables put them.

const CASE_NUMBER_LABEL = "Case Number:";
const CASE_NUMBER_AHEAD = /[ \n]?\[?[A-Z]{2}\d{2}-\d/y;
const caseNumberLabelId = inline.add([CASE_NUMBER_LABEL]);
export const CaseNumberLabel = createToken({
  name: "CaseNumberLabel",
  pattern: {
    exec: (text: string, offset: number): [string] | null => {
      const end = inline.endOf(caseNumberLabelId, text, offset);
      if (end < 0) return null;
      if (!isLineStart(text, offset)) {
        CASE_NUMBER_AHEAD.lastIndex = end;
        if (!CASE_NUMBER_AHEAD.test(text)) return null;
      }
      return [text.slice(offset, end)];
    },
  },
  line_breaks: true,
  start_chars_hint: ["C", "c"],
});
const headerLabel = (name: string, words: string) => phrase(name, words, { categories: [Prose, PlainText, Stray] });
export const DateAssignedLabel = headerLabel("DateAssignedLabel", "Date Assigned:");
export const DateOfInjuryLabel = headerLabel("DateOfInjuryLabel", "Date of Injury:");
export const DecisionDateLabel = headerLabel("DecisionDateLabel", "Decision Date:");
export const UrDenialDateLabel = headerLabel("UrDenialDateLabel", "UR Denial Date:");
export const PriorityLabel = headerLabel("PriorityLabel", "Priority:");
/** "Application Received:", whose two words raw extraction puts on two lines. */
export const ApplicationReceivedLabel = headerLabel("ApplicationReceivedLabel", "Application Received:");

/** The case header's labels, in the order a header table reads. */
export const headerLabels: readonly TokenType[] = [
  CaseNumberLabel,
  DateAssignedLabel,
  DateOfInjuryLabel,
  DecisionDateLabel,
  UrDenialDateLabel,
  PriorityLabel,
  ApplicationReceivedLabel,
];

// --- How the IMR final determination was made --------------------------------------

export const HowDeterminationWasMade = sectionHeading("HowDeterminationWasMade", "HOW THE IMR FINAL DETERMINATION WAS MADE");
export const CredentialsLeadIn = leadIn("CredentialsLeadIn", "The Expert Reviewer has the following credentials:");
export const StatesOfLicensure = landmark("StatesOfLicensure", "State(s) of Licensure:");
export const CertificationsSpecialty = landmark("CertificationsSpecialty", "Certification(s)/Specialty:");
// The section's boilerplate, and the older sentence naming the credentials, are the
// vocabulary of its own passage (how-tokens.ts): here they are prose.

// --- Clinical case summary --------------------------------------------------------

export const ClinicalCaseSummary = sectionHeading("ClinicalCaseSummary", "CLINICAL CASE SUMMARY");
/** "The expert reviewer developed the following clinical case summary based on … records:" */
export const CaseSummaryLeadIn = leadIn("CaseSummaryLeadIn", SUMMARY_LEAD_IN_WORDINGS, strayable);

// A lead-in in a wording the grammar does not know (or with words inserted): its first
// words, then anything up to the first colon, within a few lines. The model reports it.
// A semicolon ends it too: OCR reads a colon as one ("… medical records;"). It never
// runs past a sentence's end: a lead-in cut short would run on into the text after it.
const otherWordings = new PhraseSet("wordStart");
const OTHER_WORDING_TAIL = /(?:[^:;.]|\.(?![ \n][A-Z])){0,250}[:;]/y;
function leadInOtherWording(name: string, firstWords: string): TokenType {
  const id = otherWordings.add([firstWords]);
  return createToken({
    name,
    pattern: {
      exec: (text: string, offset: number): [string] | null => {
        const end = otherWordings.endOf(id, text, offset);
        if (end < 0) return null;
        OTHER_WORDING_TAIL.lastIndex = end;
        const tail = OTHER_WORDING_TAIL.exec(text);
        return tail === null ? null : [text.slice(offset, end + tail[0].length)];
      },
    },
    line_breaks: true,
    start_chars_hint: ["T", "t"],
    categories: [Stray],
  });
}

/** "The expert reviewer developed …:" in another wording. */
export const CaseSummaryLeadInOtherWording = leadInOtherWording("CaseSummaryLeadInOtherWording", "The expert reviewer developed");

// --- IMR issues, decisions and rationales -------------------------------------------

export const IssuesDecisionsAndRationales = sectionHeading("IssuesDecisionsAndRationales", "IMR ISSUES, DECISIONS AND RATIONALES");
export const DisputedItemsLeadIn = leadIn(
  "DisputedItemsLeadIn",
  "The Final Determination was based on decisions for the disputed items/services set forth below:",
);
/** "The Final Determination was based on …:" in another wording. */
export const DisputedItemsLeadInOtherWording = leadInOtherWording("DisputedItemsLeadInOtherWording", "The Final Determination was based on");
export const ClaimsAdministratorGuidelineLabel = landmark("ClaimsAdministratorGuidelineLabel", "Claims Administrator guideline:", strayable);
export const MaximusGuidelineLabel = landmark("MaximusGuidelineLabel", "MAXIMUS guideline:", strayable);
export const DecisionRationaleLabel = landmark("DecisionRationaleLabel", "Decision rationale:", strayable);

/** The labels of a decision's three paragraphs, in the order a decision has them. */
export const decisionLabels: readonly TokenType[] = [ClaimsAdministratorGuidelineLabel, MaximusGuidelineLabel, DecisionRationaleLabel];

// A partial authorization's heading: "X was the original request. Y was authorized by
// the Claims Administrator. The remaining IMR eligible portion of the original request,
// Z is: Upheld", or "X was the original request. The Claims Administrator authorized Y,
// leaving the original request IMR eligible. The original request, Z is: Upheld".
const partialPhrase = (name: string, words: string) => phrase(name, words, { categories: [Prose, Stray] });
export const WasTheOriginalRequest = partialPhrase("WasTheOriginalRequest", "was the original request.");
export const WasAuthorizedByTheClaimsAdministrator = partialPhrase(
  "WasAuthorizedByTheClaimsAdministrator",
  "was authorized by the Claims Administrator.",
);
export const TheRemainingIMREligiblePortion = partialPhrase(
  "TheRemainingIMREligiblePortion",
  "The remaining IMR eligible portion of the original request,",
);
export const ClaimsAdministratorAuthorized = partialPhrase("ClaimsAdministratorAuthorized", "The Claims Administrator authorized");
export const LeavingTheOriginalRequestIMREligible = partialPhrase(
  "LeavingTheOriginalRequestIMREligible",
  "leaving the original request IMR eligible.",
);
export const TheOriginalRequest = partialPhrase("TheOriginalRequest", "The original request,");

// --- A decision heading's outcome ----------------------------------------------------
// "MRI of the left wrist: Upheld": a colon (or "is:") and one word that ends the line, or
// a colon that ends the line, whose outcome may stand alone on the next line. Which word
// it is makes the token: Upheld, Overturned, or any other word (a damaged outcome).

const COLON = 58;
// After the colon, what makes it an outcome's: the rest of the line is one word (no colon
// in it) or nothing; or the next word is an outcome, wherever the line goes on.
const OUTCOME_PLACE = /[ ]?(?:[^ \n:]+[ ]?)?(?=\n|$)/y;
const OUTCOME_NEXT = /[ ]?(?:upheld|overturned)(?![A-Za-z0-9])/iy;

/** Whether the word "is" followed by a colon, space or line break starts at `offset`. */
function startsWithIs(text: string, offset: number): boolean {
  if ((text.charCodeAt(offset) | 0x20) !== 105 || (text.charCodeAt(offset + 1) | 0x20) !== 115) return false;
  const next = text.charCodeAt(offset + 2);
  return (next === COLON || next === 32 || next === 10) && isWordStart(text, offset);
}

/** Where the colon of an outcome starting at `offset` ("is:", "is :", ":") stands, or -1. */
function outcomeColonAt(text: string, offset: number): number {
  if (text.charCodeAt(offset) === COLON) return offset;
  if (!startsWithIs(text, offset)) return -1;
  const next = text.charCodeAt(offset + 2);
  if (next === COLON) return offset + 2;
  return text.charCodeAt(offset + 3) === COLON ? offset + 3 : -1;
}

function matchOutcomeColon(text: string, offset: number): [string] | null {
  const first = outcomeColonAt(text, offset);
  if (first < 0) return null;
  // A colon typed twice ("X:: Upheld", "X is:: Upheld") is one; only one more is looked at (linear).
  const colon = text.charCodeAt(first + 1) === COLON ? first + 1 : first;
  OUTCOME_PLACE.lastIndex = colon + 1;
  OUTCOME_NEXT.lastIndex = colon + 1;
  if (!OUTCOME_PLACE.test(text) && !OUTCOME_NEXT.test(text)) return null;
  // The token is the colon (with "is" before it) and the space after it.
  const end = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
  return [text.slice(offset, end)];
}

export const OutcomeColon = createToken({
  name: "OutcomeColon",
  pattern: { exec: matchOutcomeColon },
  line_breaks: false,
  start_chars_hint: [":", "i", "I"],
  categories: [Prose, Stray],
});

/** The tokens of a heading's outcome place: right after its colon, or at the start of the next line. */
function inOutcomePlace(tokens: IToken[]): boolean {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return false;
  if (last.tokenType === OutcomeColon) return true;
  return last.tokenType === LineBreak && tokens[tokens.length - 2]?.tokenType === OutcomeColon;
}

/**
 * A word in an outcome's place: `word` (Upheld, Overturned) wherever the line goes on, or
 * with no `word`, any other word that ends the line (a damaged outcome).
 */
const outcomeWord = (name: string, word: RegExp | null, categories: TokenType[]) =>
  createToken({
    name,
    pattern: {
      exec: (text: string, offset: number, tokens: IToken[]): [string] | null => {
        if (!inOutcomePlace(tokens)) return null;
        let end = offset;
        while (end < text.length && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 10) end++;
        if (word === null) return end > offset && isLineEnd(text, end) ? [text.slice(offset, end)] : null;
        word.lastIndex = offset;
        const m = word.exec(text);
        return m === null ? null : [m[0]];
      },
    },
    line_breaks: false,
    start_chars_hint: word === null ? anyCharacterBut(10, 32) : [name[0]!, name[0]!.toLowerCase()],
    categories,
  });

/** Any outcome word (the category the grammar consumes). */
export const OutcomeWord = createToken({ name: "OutcomeWord", pattern: Lexer.NA, categories: [Prose, Stray] });
/** "Upheld": the utilization review denial stands. */
export const Upheld = outcomeWord("Upheld", /upheld\.?(?![A-Za-z0-9])/iy, [OutcomeWord]);
/** "Overturned": the reviewer found the item medically necessary. */
export const Overturned = outcomeWord("Overturned", /overturned\.?(?![A-Za-z0-9])/iy, [OutcomeWord]);
/** Another word where the outcome should be ("Uphled"): the heading is damaged. */
export const UnreadableOutcome = outcomeWord("UnreadableOutcome", null, [OutcomeWord]);

// --- Line breaks and text ------------------------------------------------------------

/** A line break, as the lexer finds it; `markLineBreaks` gives each one of the kinds below. */
export const LineBreak = createToken({
  name: "LineBreak",
  pattern: /\n/,
  line_breaks: true,
  start_chars_hint: ["\n"],
  categories: [Prose, PlainText, Stray],
});
/** A break inside a paragraph's line run: the line before it is full and does not end a sentence. */
export const RunsOn = createToken({ name: "RunsOn", pattern: Lexer.NA });
/** A full line's break before a line that continues its sentence in lower case: a word wrap, never a new start. */
export const WordWrap = createToken({ name: "WordWrap", pattern: Lexer.NA, categories: [LineBreak, RunsOn] });
/** A full line's break before a line that may start something new (a capital, a phrase): wrap or new line. */
export const FullLineBreak = createToken({ name: "FullLineBreak", pattern: Lexer.NA, categories: [LineBreak, RunsOn] });
/** The end of a paragraph or heading: the line before it is short or ends a sentence. */
export const ParagraphBreak = createToken({ name: "ParagraphBreak", pattern: Lexer.NA, categories: [LineBreak] });

/** A space after a phrase; the spaces between words of text stay inside `Text`. */
export const Space = createToken({ name: "Space", pattern: / +/, group: Lexer.SKIPPED, start_chars_hint: [" "] });

/**
 * Text: the rest of a line up to the next inline phrase or outcome, and on into the next
 * line when that line goes on in lower case with nothing of the template: a sentence that
 * wraps is one token. (Whether the line was full, so that the break is a wrap and not a
 * paragraph's end, `markLineBreaks` decides, and splits the token where it was not.)
 * Inside a line a phrase starts after a space, so a regular expression finds, natively
 * and without building match objects, each line end, colon (an outcome's start) and
 * space followed by the first letters of a phrase; only there is the phrase set asked.
 */
const PREFIX = 9;
const TEXT_STOPS = new RegExp(`[\\n:]|${inline.prefixSource(PREFIX)}`, "g");

function matchText(text: string, offset: number): [string] | null {
  let end = text.length;
  const stops = TEXT_STOPS;
  stops.lastIndex = offset;
  while (stops.test(text)) {
    const after = stops.lastIndex;
    const c = text.charCodeAt(after - 1);
    if (c === 10) {
      if (continuesLowerCase(text, after) && !startsTemplate(text, after)) continue;
      end = after - 1;
      break;
    }
    if (c === COLON) {
      const start = outcomeStart(text, after - 1);
      if (start > offset && matchOutcomeColon(text, start) !== null) {
        end = start;
        break;
      }
      continue;
    }
    const word = after - PREFIX;
    if (inline.anyAt(text, word)) {
      end = word;
      break;
    }
    stops.lastIndex = word; // a phrase may start later inside the characters just read
  }
  stops.lastIndex = 0;
  return end > offset ? [text.slice(offset, end)] : null;
}

/** Whether the line at `at` starts with a lower-case letter, as a wrapped sentence goes on. */
function continuesLowerCase(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 97 && c <= 122;
}

/** Whether a line starting at `at` opens with a landmark, an inline phrase or an outcome. */
function startsTemplate(text: string, at: number): boolean {
  return atLineStart.anyAt(text, at) || inline.anyAt(text, at) || matchOutcomeColon(text, at) !== null;
}

/** Where an outcome whose colon is at `colon` starts: at "is" when the colon follows it. */
function outcomeStart(text: string, colon: number): number {
  for (const back of [2, 3]) {
    const s = colon - back;
    if (s >= 0 && startsWithIs(text, s) && outcomeColonAt(text, s) === colon) return s;
  }
  return colon;
}

export const Text = createToken({
  name: "Text",
  pattern: { exec: matchText },
  line_breaks: false,
  start_chars_hint: anyCharacterBut(10),
  categories: [Prose, PlainText, Stray],
});

/** The landmarks: section headings, lead-ins and labels that open a part of the letter. */
export const landmarks: readonly TokenType[] = [
  CaseNumberLabel,
  HowDeterminationWasMade,
  CredentialsLeadIn,
  StatesOfLicensure,
  CertificationsSpecialty,
  ClinicalCaseSummary,
  CaseSummaryLeadIn,
  CaseSummaryLeadInOtherWording,
  IssuesDecisionsAndRationales,
  DisputedItemsLeadIn,
  DisputedItemsLeadInOtherWording,
  ...decisionLabels,
];

/** Every token type, in the order the lexer tries them. */
export const letterTokens: TokenType[] = [
  Prose,
  PlainText,
  Stray,
  RunsOn,
  OutcomeWord,
  WordWrap,
  FullLineBreak,
  ParagraphBreak,
  ...landmarks,
  ...headerLabels.slice(1),
  WasTheOriginalRequest,
  WasAuthorizedByTheClaimsAdministrator,
  TheRemainingIMREligiblePortion,
  ClaimsAdministratorAuthorized,
  LeavingTheOriginalRequestIMREligible,
  TheOriginalRequest,
  OutcomeColon,
  Upheld,
  Overturned,
  UnreadableOutcome,
  LineBreak,
  Space,
  Text,
];
