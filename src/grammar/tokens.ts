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
 * Every pattern is a sticky regular expression anchored where it is tried or a short
 * scan of one line, so lexing is linear in the input.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

/** Any token that can stand in running prose (a summary, a rationale). */
export const Prose = createToken({ name: "Prose", pattern: Lexer.NA });
/** Plain words with no role of their own: an item's name, a specialty, a header value. */
export const PlainText = createToken({ name: "PlainText", pattern: Lexer.NA });

type Matcher = (text: string, offset: number) => [string] | null;

/** A sticky pattern for words that may wrap: each space matches a space or a line break. */
function wordsPattern(words: string, flags = ""): RegExp {
  const source = words
    .split(" ")
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("[ \\n]");
  return new RegExp(source, `y${flags}`);
}

function firstChars(starts: string, caseInsensitive: boolean): string[] {
  const chars = starts.split("");
  return caseInsensitive ? [...new Set(chars.flatMap((c) => [c.toLowerCase(), c.toUpperCase()]))] : chars;
}

const isLineStart = (text: string, offset: number) => offset === 0 || text.charCodeAt(offset - 1) === 10;
const isLineEnd = (text: string, offset: number) => offset === text.length || text.charCodeAt(offset) === 10;
/** Letters and digits (and anything past ASCII) make words; phrases start between words. */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
const isWordStart = (text: string, offset: number) => offset === 0 || !isWordChar(text.charCodeAt(offset - 1));

interface PhraseOptions {
  /** Only at the start of a line. */
  lineStart?: boolean;
  /** The phrase is the whole line (a section heading). */
  wholeLine?: boolean;
  caseInsensitive?: boolean;
  /** A regular expression source to use instead of the literal words. */
  source?: string;
  /** Lead-ins and headings end their line: the token takes the line break with it. */
  takeLineBreak?: boolean;
  /** The characters the phrase can start with, when `source` allows several. */
  starts?: string;
  categories?: TokenType[];
}

function matcher(pattern: RegExp, options: PhraseOptions): Matcher {
  return (text, offset) => {
    if (options.lineStart || options.wholeLine ? !isLineStart(text, offset) : !isWordStart(text, offset)) return null;
    pattern.lastIndex = offset;
    const m = pattern.exec(text);
    if (m === null) return null;
    const end = offset + m[0].length;
    if (options.wholeLine && !isLineEnd(text, end)) return null;
    if (options.takeLineBreak && text.charCodeAt(end) === 10) return [m[0] + "\n"];
    return m as unknown as [string];
  };
}

/** Matchers of the phrases that can start inside a line, by first character: `Text` stops before them. */
const inlineMatchers: Matcher[][] = [];
const canStartInline = new Uint8Array(65536);
function addInline(code: number, match: Matcher): void {
  (inlineMatchers[code] ??= []).push(match);
  canStartInline[code] = 1;
}

function phrase(name: string, words: string, options: PhraseOptions = {}): TokenType {
  const flags = options.caseInsensitive ? "i" : "";
  const pattern = options.source ? new RegExp(options.source, `y${flags}`) : wordsPattern(words, flags);
  const match = matcher(pattern, options);
  const starts = firstChars(options.starts ?? words[0]!, Boolean(options.caseInsensitive));
  if (!options.lineStart && !options.wholeLine) for (const c of starts) addInline(c.charCodeAt(0), match);
  return createToken({
    name,
    pattern: { exec: match },
    line_breaks: true,
    start_chars_hint: starts,
    ...(options.categories ? { categories: options.categories } : {}),
  });
}

const landmark = (name: string, words: string, options: PhraseOptions = {}) =>
  phrase(name, words, { lineStart: true, caseInsensitive: true, ...options });
const leadIn = (name: string, words: string, options: PhraseOptions = {}) => landmark(name, words, { takeLineBreak: true, ...options });
const sectionHeading = (name: string, words: string) =>
  phrase(name, words, { wholeLine: true, takeLineBreak: true, caseInsensitive: true });

// --- The case header -------------------------------------------------------------
// "Case Number:" opens the header (and a second letter pasted after a first one);
// the other labels stand anywhere in a line, as two-column tables put them.

export const CaseNumberLabel = landmark("CaseNumberLabel", "Case Number:");
const headerLabel = (name: string, words: string) =>
  phrase(name, words, { caseInsensitive: true, categories: [Prose, PlainText] });
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
const reviewerPhrase = (name: string, starts: string, source: string) =>
  phrase(name, starts, { caseInsensitive: true, source, starts, categories: [Prose] });
export const ReviewerIsBoardCertifiedIn = reviewerPhrase(
  "ReviewerIsBoardCertifiedIn",
  "T",
  "The[ \\n](?:expert|physician)[ \\n]reviewer[ \\n]is[ \\n]Board[ \\n]Certified[ \\n]in",
);
export const HasASubspecialtyIn = reviewerPhrase(
  "HasASubspecialtyIn",
  "ah",
  "(?:and[ \\n])?has[ \\n]a[ \\n]subspecialty[ \\n]in",
);
export const IsLicensedToPracticeIn = reviewerPhrase(
  "IsLicensedToPracticeIn",
  "ai",
  "(?:and[ \\n])?is[ \\n]licensed[ \\n]to[ \\n]practice[ \\n]in",
);

// --- Clinical case summary --------------------------------------------------------

export const ClinicalCaseSummary = sectionHeading("ClinicalCaseSummary", "CLINICAL CASE SUMMARY");
/** "The expert reviewer developed the following clinical case summary based on … records:" */
export const CaseSummaryLeadIn = leadIn("CaseSummaryLeadIn", "The expert", {
  // The wording after "summary" has varied; it ends at the first colon, within a line or two.
  source: "The[ \\n]expert[ \\n]reviewer[ \\n]developed[ \\n]the[ \\n]following[ \\n]clinical[ \\n]case[ \\n]summary[^:]{0,200}:",
});

// --- IMR issues, decisions and rationales -------------------------------------------

export const IssuesDecisionsAndRationales = sectionHeading("IssuesDecisionsAndRationales", "IMR ISSUES, DECISIONS AND RATIONALES");
export const DisputedItemsLeadIn = leadIn(
  "DisputedItemsLeadIn",
  "The Final Determination was based on decisions for the disputed items/services set forth below:",
);
export const ClaimsAdministratorGuidelineLabel = landmark("ClaimsAdministratorGuidelineLabel", "Claims Administrator guideline:");
export const MaximusGuidelineLabel = landmark("MaximusGuidelineLabel", "MAXIMUS guideline:");
export const DecisionRationaleLabel = landmark("DecisionRationaleLabel", "Decision rationale:");

// A partial authorization's heading: "X was the original request. Y was authorized by
// the Claims Administrator. The remaining IMR eligible portion of the original request,
// Z is: Upheld", or "X was the original request. The Claims Administrator authorized Y,
// leaving the original request IMR eligible. The original request, Z is: Upheld".
const partialPhrase = (name: string, words: string) => phrase(name, words, { caseInsensitive: true, categories: [Prose] });
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
function matchOutcome(text: string, offset: number): [string] | null {
  const c = text.charCodeAt(offset);
  if (c !== 58 /* : */ && !isWordStart(text, offset)) return null;
  OUTCOME.lastIndex = offset;
  const m = OUTCOME.exec(text);
  if (m === null) return null;
  const end = offset + m[0].length;
  if (!isLineEnd(text, end)) return null;
  // The outcome ends its line; the token takes the line break, as headings do.
  const result = [end < text.length ? m[0] + "\n" : m[0]] as [string] & { payload?: string };
  result.payload = m[1]!.toLowerCase();
  return result;
}
for (const c of ":iI") addInline(c.charCodeAt(0), matchOutcome);
export const Outcome = createToken({
  name: "Outcome",
  pattern: { exec: matchOutcome },
  line_breaks: true,
  start_chars_hint: [":", "i", "I"],
  categories: [Prose],
});

export const Newline = createToken({
  name: "Newline",
  pattern: /\n/,
  line_breaks: true,
  categories: [Prose, PlainText],
});

/** A space after a phrase; the spaces between words of text stay inside `Text`. */
export const Space = createToken({ name: "Space", pattern: / +/, group: Lexer.SKIPPED });

/** Whether one of the inline phrases starts at `offset`. */
function inlinePhraseAt(text: string, offset: number): boolean {
  for (const match of inlineMatchers[text.charCodeAt(offset)]!) if (match(text, offset) !== null) return true;
  return false;
}

/** The rest of a line, up to the next inline phrase. */
function matchText(text: string, offset: number): [string] | null {
  const n = text.length;
  let i = offset;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (i > offset && canStartInline[c] === 1 && inlinePhraseAt(text, i)) break;
    i++;
  }
  return i > offset ? [text.slice(offset, i)] : null;
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
  categories: [Prose, PlainText],
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
