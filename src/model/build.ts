/**
 * AST → the public `IMRDetermination`. The letter's parts are sorted out first (the
 * letter's own, repeats, another letter's); then one reader per part reads its values
 * with their spans and reports what it could not read (`header.ts`, `reviewer.ts`,
 * `patient.ts`, `decisions.ts`); what belongs to no part is reported last.
 */
import type {
  CaseHeaderNode,
  ClinicalCaseSummaryNode,
  DecisionNode,
  HowDeterminationWasMadeNode,
  IssuesDecisionsAndRationalesNode,
  LetterNode,
  LetterPartNode,
  ReviewerCredentialsNode,
  UnplacedNode,
} from "../ast/nodes.js";
import type { NormalizedText } from "../normalize/index.js";
import { endsSentence } from "../sentences.js";
import { SpanMaker } from "../span.js";
import { paragraphs, quote, type ReadContext } from "./context.js";
import { readDecisions } from "./decisions.js";
import { Diagnostics } from "./diagnostics.js";
import { emptyHeader, readCaseHeader } from "./header.js";
import { readPatient } from "./patient.js";
import { readReviewer, reportTextAfterCredentials } from "./reviewer.js";
import type { IMRDetermination } from "./schema.js";
import { textField } from "./text.js";

const PART_NAMES: Record<LetterPartNode["type"], string> = {
  CaseHeader: "case header",
  HowDeterminationWasMade: '"HOW THE IMR FINAL DETERMINATION WAS MADE" section',
  ReviewerCredentials: "reviewer credentials",
  ClinicalCaseSummary: '"CLINICAL CASE SUMMARY" section',
  IssuesDecisionsAndRationales: '"IMR ISSUES, DECISIONS AND RATIONALES" section',
  Decision: "decision",
  Unplaced: "text",
};

/** Parts that begin a letter: one of them after the decisions began is another letter's. */
const OPENING_PARTS = new Set<LetterPartNode["type"]>(["CaseHeader", "HowDeterminationWasMade", "ReviewerCredentials", "ClinicalCaseSummary"]);

/** The letter's parts, sorted out. */
interface LetterParts {
  header?: CaseHeaderNode;
  how?: HowDeterminationWasMadeNode;
  credentials?: ReviewerCredentialsNode;
  summary?: ClinicalCaseSummaryNode;
  issues?: IssuesDecisionsAndRationalesNode;
  /** Decisions outside their section. */
  orphans: DecisionNode[];
  /** Text of no part, before the decisions and among or after them. */
  unplaced: UnplacedNode[];
  unplacedAmongDecisions: UnplacedNode[];
  /** Text of no part right after the credentials: it may be a credential's line broken short. */
  unplacedAfterCredentials: UnplacedNode[];
}

/**
 * Builds the public result from a letter's AST.
 *
 * @example
 * ```ts
 * import { normalize, parseCst, buildAst, toDetermination } from "imr-determination";
 * const clean = normalize(letterText);
 * const result = toDetermination(buildAst(parseCst(clean).cst, clean), clean);
 * ```
 */
export function toDetermination(ast: LetterNode, normalized: NormalizedText): IMRDetermination {
  const ctx: ReadContext = { normalized, spans: new SpanMaker(normalized), diagnostics: new Diagnostics() };
  const header = emptyHeader();
  const result: IMRDetermination = {
    caseNumber: null,
    dates: header.dates,
    priority: null,
    reviewer: { licensure: [], specialties: [] },
    caseSummary: null,
    patient: { age: null, sex: null },
    decisions: [],
    // (Written out, not spread: the spread took more time than the rest of this function.)
    sources: {
      caseNumber: header.sources.caseNumber,
      dates: header.sources.dates,
      priority: header.sources.priority,
      reviewer: { licensure: [], specialties: [] },
      patient: { age: null, sex: null },
    },
    diagnostics: [],
  };
  const finish = () => ((result.diagnostics = ctx.diagnostics.sorted()), result);

  reportRepairs(ctx);
  if (normalized.text.length === 0) {
    ctx.diagnostics.add("empty-input", "The input holds no text", ctx.spans.at(0));
    return finish();
  }

  const parts = sortParts(ast, ctx);
  const labelled = (d: DecisionNode) => d.claimsAdministratorGuideline || d.reviewerGuideline || d.rationale;
  // A lone heading ending in "Upheld" is not yet a letter: a decision needs one of its labels.
  if (!parts.header && !parts.how && !parts.credentials && !parts.summary && !parts.issues && !parts.orphans.some(labelled)) {
    ctx.diagnostics.add("not-a-determination-letter", "Not a recognized IMR Final Determination Letter: none of its headings or labels were found", ctx.spans.at(0));
    // A line that looks like a decision heading, with nothing of a decision after it, is text too.
    for (const u of [...parts.unplaced, ...parts.unplacedAmongDecisions].flatMap((u) => paragraphs(u.text, ctx))) {
      ctx.diagnostics.add("unplaced-text", `Text that belongs to no part of a letter: ${quote(u.text)}`, u.span);
    }
    for (const d of parts.orphans) ctx.diagnostics.add("unplaced-text", `Text that belongs to no part of a letter: ${quote(d.heading.text?.value ?? "")}`, d.span);
    return finish();
  }

  const values = readCaseHeader(parts.header, ctx);
  result.caseNumber = values.caseNumber;
  result.dates = values.dates;
  result.priority = values.priority;
  result.sources.caseNumber = values.sources.caseNumber;
  result.sources.dates = values.sources.dates;
  result.sources.priority = values.sources.priority;

  if (parts.issues?.otherLeadIn) {
    ctx.diagnostics.add("unplaced-text", `The decisions' lead-in is not worded as the letters word it: ${quote(parts.issues.otherLeadIn.value)}`, parts.issues.otherLeadIn.span);
  }
  for (const text of parts.how?.otherText ?? []) {
    ctx.diagnostics.add("unplaced-text", `Text in ${PART_NAMES.HowDeterminationWasMade} that is not its boilerplate: ${quote(text.value)}`, text.span);
  }
  const reviewer = readReviewer(parts.credentials, parts.how?.boardCertification ?? null, ctx);
  for (const u of parts.unplacedAfterCredentials.flatMap((u) => paragraphs(u.text, ctx))) reportTextAfterCredentials(u, ctx);
  if (reviewer) {
    result.reviewer = { licensure: reviewer.licensure, specialties: reviewer.specialties };
    result.sources.reviewer = reviewer.sources;
  } else {
    ctx.diagnostics.add("missing-section", "No reviewer credentials: reviewer.licensure and reviewer.specialties are empty", ctx.spans.at(parts.how?.span.end ?? 0));
  }

  readSummary(parts.summary, result, ctx);

  const decisionNodes = [...(parts.issues?.decisions ?? [])];
  for (const orphan of parts.orphans) {
    ctx.diagnostics.add("decision-outside-section", `A decision stands outside the ${PART_NAMES.IssuesDecisionsAndRationales}`, orphan.heading.span);
    decisionNodes.push(orphan);
  }
  decisionNodes.sort((a, b) => a.span.start - b.span.start);
  result.decisions = readDecisions(decisionNodes, ctx);
  if (decisionNodes.length === 0) {
    ctx.diagnostics.add(
      "no-decisions",
      "No decision (a heading ending in Upheld or Overturned, then its guideline and rationale) was found",
      ctx.spans.at(parts.issues?.span.end ?? normalized.input.length),
    );
  }

  for (const u of parts.unplaced.flatMap((u) => paragraphs(u.text, ctx))) {
    ctx.diagnostics.add("unplaced-text", `Text that belongs to no part of the letter: ${quote(u.text)}`, u.span);
  }
  for (const u of parts.unplacedAmongDecisions.flatMap((u) => paragraphs(u.text, ctx))) {
    ctx.diagnostics.add("unplaced-decision-text", `Text among the decisions that belongs to none of them (a decision may be missing some of it): ${quote(u.text)}`, u.span);
  }
  return finish();
}

/** Reports what the normalizer repaired, and what of the input it left out. */
function reportRepairs(ctx: ReadContext): void {
  for (const page of ctx.normalized.repeatedPages) {
    ctx.diagnostics.add("duplicate-page", "A page that repeats an earlier page word for word was left out (it is read once)", ctx.spans.fromInput(page));
  }
  for (const line of ctx.normalized.repeatedLines) {
    ctx.diagnostics.add("duplicate-line", "A line that repeats the line before it word for word was left out (it is read once)", ctx.spans.fromInput(line));
  }
  for (const page of ctx.normalized.emptyPages) {
    ctx.diagnostics.add("empty-page", "A page between pages of text has none: the extractor may have lost it, and values on it", ctx.spans.fromInput(page));
  }
  const other = ctx.normalized.otherLetter;
  if (other) {
    ctx.diagnostics.add("another-letter", "A page header names another case: that letter's pages, from here on, were left out", ctx.spans.fromInput(other));
  }
  for (const repair of ctx.normalized.repairs) {
    const span = ctx.spans.fromInput(repair);
    const what = JSON.stringify(repair.text.length > 20 ? `${repair.text.slice(0, 20)}…` : repair.text);
    if (repair.kind === "mojibake-dropped") {
      ctx.diagnostics.add(repair.kind, `Dropped ${what}: mis-encoded bytes whose character cannot be recovered`, span);
    } else if (repair.kind === "control-characters") {
      ctx.diagnostics.add(repair.kind, `Removed ${repair.text.length} control character(s) ${what}`, span);
    } else {
      ctx.diagnostics.add(repair.kind, `Replaced ${repair.text.length} unpaired surrogate(s) with U+FFFD`, span);
    }
  }
}

/**
 * The letter's parts: the first of each kind is the letter's, a repeat is reported and
 * left out, and a part that opens a letter after the decisions began starts another
 * letter, which is reported and left out whole.
 */
function sortParts(ast: LetterNode, ctx: ReadContext): LetterParts {
  const parts: LetterParts = { orphans: [], unplaced: [], unplacedAmongDecisions: [], unplacedAfterCredentials: [] };
  let decisionsBegan = false;
  let previous: LetterPartNode | undefined;
  for (const part of ast.parts) {
    const before = previous;
    previous = part;
    // After the decisions began, a part that opens a letter, or a second decisions section, is another letter's.
    if (decisionsBegan && (OPENING_PARTS.has(part.type) || (part.type === "IssuesDecisionsAndRationales" && parts.issues))) {
      ctx.diagnostics.add(
        "another-letter",
        `A ${PART_NAMES[part.type]} after the decisions begins another letter (or repeats part of this one): everything from here on was left out`,
        ctx.spans.fromInput({ start: part.span.start, end: ctx.normalized.input.length }),
      );
      break;
    }
    switch (part.type) {
      case "Decision":
        // A heading begins the decisions; paragraphs whose heading was lost do not (they may be lines out of place).
        if (part.heading.damage !== "no-heading") decisionsBegan = true;
        parts.orphans.push(part);
        break;
      case "Unplaced":
        if (decisionsBegan) parts.unplacedAmongDecisions.push(part);
        else if (before !== undefined && before === parts.credentials) parts.unplacedAfterCredentials.push(part);
        else parts.unplaced.push(part);
        break;
      case "IssuesDecisionsAndRationales":
        decisionsBegan = true;
        parts.issues = part;
        parts.unplacedAmongDecisions.push(...part.unplaced);
        break;
      case "CaseHeader":
        if (parts.header) repeated(parts.header, part, ctx);
        else parts.header = part;
        break;
      case "HowDeterminationWasMade":
        if (parts.how) repeated(parts.how, part, ctx);
        else parts.how = part;
        break;
      case "ReviewerCredentials":
        if (parts.credentials) repeated(parts.credentials, part, ctx);
        else parts.credentials = part;
        break;
      case "ClinicalCaseSummary":
        if (parts.summary) repeated(parts.summary, part, ctx);
        else parts.summary = part;
        break;
    }
  }
  return parts;
}

/** A section the letter has twice: read once; an error when the two differ, since either may be the right one. */
function repeated(first: LetterPartNode, again: LetterPartNode, ctx: ReadContext): void {
  if (sameWords(ctx.normalized.input, first.span, again.span)) {
    ctx.diagnostics.add("duplicate-section", `A second ${PART_NAMES[again.type]}, word for word the first, was left out`, again.span);
  } else {
    ctx.diagnostics.add("conflicting-section", `A second ${PART_NAMES[again.type]} differs from the first: the first was read, and its values may be wrong`, again.span);
  }
}

/**
 * Whether two passages have the same words, however they are spaced. Compared in place,
 * and no further than the shorter one goes: a section repeated many times costs each copy's
 * length, not the first's.
 */
function sameWords(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  let i = a.start;
  let j = b.start;
  for (let started = false; ; started = true) {
    let gapA = false;
    let gapB = false;
    for (; i < a.end && isRegExpSpace(text.charCodeAt(i)); i++) gapA = true;
    for (; j < b.end && isRegExpSpace(text.charCodeAt(j)); j++) gapB = true;
    if (i >= a.end || j >= b.end) return i >= a.end && j >= b.end;
    if ((started && gapA !== gapB) || text.charCodeAt(i) !== text.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/** What `\s` matches in a regular expression. */
function isRegExpSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function readSummary(summary: ClinicalCaseSummaryNode | undefined, result: IMRDetermination, ctx: ReadContext): void {
  if (summary?.otherLeadIn) {
    ctx.diagnostics.add("unplaced-text", `The summary's lead-in is not worded as the letters word it: ${quote(summary.otherLeadIn.value)}`, summary.otherLeadIn.span);
  }
  if (!summary?.summary) {
    ctx.diagnostics.add("missing-section", `No ${PART_NAMES.ClinicalCaseSummary}: caseSummary and patient are null`, ctx.spans.at(summary?.span.end ?? 0));
    return;
  }
  result.caseSummary = textField(summary.summary);
  if (!endsSentence(summary.summary.value)) {
    ctx.diagnostics.add("possibly-truncated", "The clinical case summary ends mid-sentence: text may be missing from it", ctx.spans.at(summary.summary.span.end));
  }
  const patient = readPatient(summary.summary, ctx);
  result.patient = { age: patient.age, sex: patient.sex };
  result.sources.patient = patient.sources;
}
