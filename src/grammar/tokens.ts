/**
 * The letter's vocabulary: its fixed phrases as tokens, in the letter's own words.
 *
 * The lexer reads normalized text (see `normalize/`), where words are separated by a
 * single space or a single line break, so a phrase that wraps (`was authorized by the`
 * / `Claims Administrator.`) is still one token. Three kinds of token:
 *
 * - landmarks: section headings, lead-ins and labels. They count only at the start of
 *   a line, so prose that mentions "guideline:" never starts a section;
 * - phrases: fixed wording inside a line (the header labels, the partial authorization
 *   sentences, the older reviewer sentence, the outcome at a heading's end);
 * - `Newline` and `Text`, the rest of a line up to the next phrase.
 *
 * Phrases are found by one walk of a trie per position (`phrases.ts`), and `Text` scans
 * one line at most, so lexing is linear in the input.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { isLineEnd, isWordStart, PhraseSet } from "./phrases.js";
import { runsOn } from "./wrapping.js";

/** Any token that can stand in running prose (a summary, a rationale). */
export const Prose = createToken({ name: "Prose", pattern: Lexer.NA });
/** Plain words with no role of their own: an item's name, a specialty, a header value. */
export const PlainText = createToken({ name: "PlainText", pattern: Lexer.NA });
/** Any token that can be left over outside the parts of the letter: prose, and labels out of place. */
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });

/** Phrases that count only at the start of a line, and phrases that can stand anywhere. */
const atLineStart = new PhraseSet("lineStart");
const inline = new PhraseSet("wordStart");

interface PhraseOptions {
  /** Only at the start of a line (a landmark); otherwise anywhere a word starts. */
  lineStart?: boolean;
  /** The phrase is the whole line (a section heading). */
  wholeLine?: boolean;
  /** Lead-ins and headings end their line: the token takes the line break with it. */
  takeLineBreak?: boolean;
  /** What must follow the literal words, when the wording varies there. */
  tail?: RegExp;
  categories?: TokenType[];
}

/**
 * A token for a fixed phrase. `spellings` are its wordings (matched without regard to
 * case); a space in them matches a space or a line break.
 */
function phrase(name: string, spellings: string | string[], options: PhraseOptions = {}): TokenType {
  const all = Array.isArray(spellings) ? spellings : [spellings];
  const set = options.lineStart || options.wholeLine ? atLineStart : inline;
  const id = set.add(all);
  const tail = options.tail;
  const exec = (text: string, offset: number): [string] | null => {
    if (!set.pairAt(text, offset)) return null;
    let end = set.endOf(id, text, offset);
    if (end < 0) return null;
    if (tail) {
      tail.lastIndex = end;
      const m = tail.exec(text);
      if (m === null) return null;
      end += m[0].length;
    }
    if (options.wholeLine && !isLineEnd(text, end)) return null;
    if (options.takeLineBreak && text.charCodeAt(end) === 10) end++;
    return [text.slice(offset, end)];
  };
  return createToken({
    name,
    pattern: { exec },
    line_breaks: true,
    start_chars_hint: PhraseSet.startChars(all),
    ...(options.categories ? { categories: options.categories } : {}),
  });
}

const landmark = (name: string, words: string, options: PhraseOptions = {}) => phrase(name, words, { lineStart: true, ...options });
/** A landmark that, found out of place, is left over rather than opening anything. */
const strayable = { categories: [Stray] };
const leadIn = (name: string, words: string, options: PhraseOptions = {}) => landmark(name, words, { takeLineBreak: true, ...options });
const sectionHeading = (name: string, words: string) => phrase(name, words, { wholeLine: true, takeLineBreak: true });

// --- The case header -------------------------------------------------------------
// "Case Number:" opens the header (and a second letter pasted after a first one);
// the other labels stand anywhere in a line, as two-column tables put them.

export const CaseNumberLabel = landmark("CaseNumberLabel", "Case Number:");
const headerLabel = (name: string, words: string) => phrase(name, words, { categories: [Prose, PlainText, Stray] });
export const DateAssignedLabel = headerLabel("DateAssignedLabel", "Date Assigned:");
export const DateOfInjuryLabel = headerLabel("DateOfInjuryLabel", "Date of Injury:");
export const DecisionDateLabel = headerLabel("DecisionDateLabel", "Decision Date:");
export const UrDenialDateLabel = headerLabel("UrDenialDateLabel", "UR Denial Date:");
export const PriorityLabel = headerLabel("PriorityLabel", "Priority:");
/** "Application Received:", whose two words raw extraction puts on two lines. */
export const ApplicationReceivedLabel = headerLabel("ApplicationReceivedLabel", "Application Received:");

// --- How the IMR final determination was made --------------------------------------

export const HowDeterminationWasMade = sectionHeading("HowDeterminationWasMade", "HOW THE IMR FINAL DETERMINATION WAS MADE");
export const CredentialsLeadIn = leadIn("CredentialsLeadIn", "The Expert Reviewer has the following credentials:");
export const StatesOfLicensure = landmark("StatesOfLicensure", "State(s) of Licensure:");
export const CertificationsSpecialty = landmark("CertificationsSpecialty", "Certification(s)/Specialty:");

// Letters before 2015 name the credentials in a sentence of the boilerplate instead:
// "The expert reviewer is Board Certified in X [has a subspecialty in Y] and is
// licensed to practice in Z."
const reviewerPhrase = (name: string, spellings: string[]) => phrase(name, spellings, { categories: [Prose, Stray] });
export const ReviewerIsBoardCertifiedIn = reviewerPhrase("ReviewerIsBoardCertifiedIn", [
  "The expert reviewer is Board Certified in",
  "The physician reviewer is Board Certified in",
]);
export const HasASubspecialtyIn = reviewerPhrase("HasASubspecialtyIn", ["and has a subspecialty in", "has a subspecialty in"]);
export const IsLicensedToPracticeIn = reviewerPhrase("IsLicensedToPracticeIn", [
  "and is licensed to practice in",
  "is licensed to practice in",
]);

// --- Clinical case summary --------------------------------------------------------

export const ClinicalCaseSummary = sectionHeading("ClinicalCaseSummary", "CLINICAL CASE SUMMARY");
/** "The expert reviewer developed the following clinical case summary based on … records:" */
export const CaseSummaryLeadIn = leadIn("CaseSummaryLeadIn", "The expert reviewer developed the following clinical case summary", {
  // The wording after "summary" has varied; it ends at the first colon, within a line or two.
  tail: /[^:]{0,200}:/y,
  ...strayable,
});

// --- IMR issues, decisions and rationales -------------------------------------------

export const IssuesDecisionsAndRationales = sectionHeading("IssuesDecisionsAndRationales", "IMR ISSUES, DECISIONS AND RATIONALES");
export const DisputedItemsLeadIn = leadIn(
  "DisputedItemsLeadIn",
  "The Final Determination was based on decisions for the disputed items/services set forth below:",
);
export const ClaimsAdministratorGuidelineLabel = landmark("ClaimsAdministratorGuidelineLabel", "Claims Administrator guideline:", strayable);
export const MaximusGuidelineLabel = landmark("MaximusGuidelineLabel", "MAXIMUS guideline:", strayable);
export const DecisionRationaleLabel = landmark("DecisionRationaleLabel", "Decision rationale:", strayable);

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

/**
 * A heading's outcome: ": Upheld" or ": Overturned" closing a line, or closing the next
 * line when the outcome wrapped ("… is:" / "Upheld"). The payload is the outcome; the
 * token takes the line break after it.
 */
const OUTCOME = /(?:is[ \n]?)?:[ ]?\n?(upheld|overturned)\.?/iy;
const COLON = 58;

/** Whether the word "is" followed by a colon, space or line break starts at `offset`. */
function startsWithIs(text: string, offset: number): boolean {
  if ((text.charCodeAt(offset) | 0x20) !== 105 || (text.charCodeAt(offset + 1) | 0x20) !== 115) return false;
  const next = text.charCodeAt(offset + 2);
  return (next === COLON || next === 32 || next === 10) && isWordStart(text, offset);
}
function matchOutcome(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== COLON && !startsWithIs(text, offset)) return null;
  OUTCOME.lastIndex = offset;
  const m = OUTCOME.exec(text);
  if (m === null) return null;
  const end = offset + m[0].length;
  if (!isLineEnd(text, end)) return null;
  const result = [end < text.length ? m[0] + "\n" : m[0]] as [string] & { payload?: string };
  result.payload = m[1]!.toLowerCase();
  return result;
}
export const Outcome = createToken({
  name: "Outcome",
  pattern: { exec: matchOutcome },
  line_breaks: true,
  start_chars_hint: [":", "i", "I"],
  categories: [Prose, Stray],
});

export const Newline = createToken({
  name: "Newline",
  pattern: /\n/,
  line_breaks: true,
  start_chars_hint: ["\n"],
  categories: [Prose, PlainText, Stray],
});

/** A space after a phrase; the spaces between words of text stay inside `Text`. */
export const Space = createToken({ name: "Space", pattern: / +/, group: Lexer.SKIPPED, start_chars_hint: [" "] });

/**
 * Text: the rest of a line up to the next inline phrase or outcome, and on across line
 * breaks that are only wraps (`wrapping.ts`) into a line that starts in lower case and
 * with nothing of the template. Inside a line a phrase starts after a space, so a regular expression finds,
 * natively and without building match objects, each line end, colon (an outcome's
 * start) and space followed by the first letters of a phrase; only there is the phrase
 * set asked. Line breaks that end a paragraph stay `Newline` tokens: the grammar finds
 * decision headings by them.
 */
const PREFIX = 9;
let stops: RegExp | undefined;
/** Characters in a full line of the text being lexed (set by `lexLetter`). */
let fullLineWidth = Infinity;

export function setLineWidth(width: number): void {
  fullLineWidth = width > 0 ? width : Infinity;
}

function matchText(text: string, offset: number): [string] | null {
  stops ??= new RegExp(`[\\n:]|${inline.prefixSource(PREFIX)}`, "g");
  let end = text.length;
  let lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  stops.lastIndex = offset;
  while (stops.test(text)) {
    const after = stops.lastIndex;
    const c = text.charCodeAt(after - 1);
    if (c === 10) {
      if (continuesLowercase(text, after) && runsOn(text, lineStart, after - 1, fullLineWidth) && !startsTemplate(text, after)) {
        lineStart = after;
        continue;
      }
      end = after - 1;
      break;
    }
    if (c === COLON) {
      if (after - 1 > offset && matchOutcome(text, after - 1) !== null) {
        end = Math.max(offset + 1, outcomeStart(text, after - 1));
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
  return end > offset ? [text.slice(offset, end)] : null;
}

/**
 * Whether the line at `at` starts with a lower-case letter: the sure sign of a wrapped
 * sentence, since headings, labels and item names all start with a capital or a digit.
 */
function continuesLowercase(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 97 && c <= 122;
}

/** Whether a line starting at `at` opens with a landmark, an inline phrase or an outcome. */
function startsTemplate(text: string, at: number): boolean {
  if (at >= text.length) return true;
  return atLineStart.anyAt(text, at) || inline.anyAt(text, at) || matchOutcome(text, at) !== null;
}

/** Where an outcome whose colon is at `colon` starts: at "is" when the colon follows it. */
function outcomeStart(text: string, colon: number): number {
  for (const back of [2, 3]) {
    const s = colon - back;
    if (s >= 0 && startsWithIs(text, s)) return s;
  }
  return colon;
}

// Text can start with any character but a line break; Chevrotain's first-character
// index wants them listed (one per bucket of 255 above Latin-1 is enough).
const ANY_BUT_NEWLINE: number[] = [];
for (let c = 0; c < 256; c++) if (c !== 10) ANY_BUT_NEWLINE.push(c);
for (let c = 256; c < 65536; c += 255) ANY_BUT_NEWLINE.push(c);
ANY_BUT_NEWLINE.push(65535);

export const Text = createToken({
  name: "Text",
  pattern: { exec: matchText },
  line_breaks: false,
  start_chars_hint: ANY_BUT_NEWLINE,
  categories: [Prose, PlainText, Stray],
});

/** The landmarks: section headings, lead-ins and labels that open a part of the letter. */
export const landmarks: TokenType[] = [
  CaseNumberLabel,
  HowDeterminationWasMade,
  CredentialsLeadIn,
  StatesOfLicensure,
  CertificationsSpecialty,
  ClinicalCaseSummary,
  CaseSummaryLeadIn,
  IssuesDecisionsAndRationales,
  DisputedItemsLeadIn,
  ClaimsAdministratorGuidelineLabel,
  MaximusGuidelineLabel,
  DecisionRationaleLabel,
];

/** The partial authorization sentences of a decision heading. */
export const partialAuthorizationPhrases: TokenType[] = [
  WasTheOriginalRequest,
  WasAuthorizedByTheClaimsAdministrator,
  TheRemainingIMREligiblePortion,
  ClaimsAdministratorAuthorized,
  LeavingTheOriginalRequestIMREligible,
  TheOriginalRequest,
];

/** Every token type, in the order the lexer tries them. */
export const letterTokens: TokenType[] = [
  Prose,
  PlainText,
  Stray,
  ...landmarks,
  DateAssignedLabel,
  DateOfInjuryLabel,
  DecisionDateLabel,
  UrDenialDateLabel,
  PriorityLabel,
  ApplicationReceivedLabel,
  ReviewerIsBoardCertifiedIn,
  HasASubspecialtyIn,
  IsLicensedToPracticeIn,
  ...partialAuthorizationPhrases,
  Outcome,
  Newline,
  Space,
  Text,
];
