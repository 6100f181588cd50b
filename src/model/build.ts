/**
 * AST → the public `IMRDetermination`: reads the values (ISO dates, enums, lists,
 * reflowed text), takes the first of each part when a part repeats, and reports as
 * diagnostics everything it could not read or place.
 */
import type {
  CaseHeaderNode,
  ClinicalCaseSummaryNode,
  DecisionNode,
  GuidelineNode,
  HowDeterminationWasMadeNode,
  IssuesDecisionsAndRationalesNode,
  LetterNode,
  LetterPartNode,
  ReviewerCredentialsNode,
  UnplacedNode,
} from "../ast/nodes.js";
import { SpanMaker } from "../ast/positions.js";
import { endsSentence } from "../normalize/sentences.js";
import type { NormalizedText } from "../normalize/index.js";
import { SEVERITY, type DiagnosticCode } from "./diagnostics.js";
import { fieldsByLabel, readCaseNumber, readDate, readPriority, type HeaderReading } from "./header.js";
import { readPatient } from "./patient.js";
import { readBoardCertification, readCredentialLines, type ReviewerReading } from "./reviewer.js";
import { treatmentService } from "./service/classify.js";
import type { Citation, Decision, Diagnostic, Guideline, IMRDetermination, Span } from "./schema.js";
import { reflow, textField } from "./text.js";

// Past this many diagnostics of one code (a 10 MB file of noise), the rest are counted in one more.
const MAX_PER_CODE = 50;

const PART_NAMES: Record<LetterPartNode["type"], string> = {
  CaseHeader: "case header",
  HowDeterminationWasMade: '"HOW THE IMR FINAL DETERMINATION WAS MADE" section',
  ReviewerCredentials: "reviewer credentials",
  ClinicalCaseSummary: '"CLINICAL CASE SUMMARY" section',
  IssuesDecisionsAndRationales: '"IMR ISSUES, DECISIONS AND RATIONALES" section',
  Decision: "decision",
  Unplaced: "text",
};

class Diagnostics {
  readonly list: Diagnostic[] = [];
  private readonly counts = new Map<DiagnosticCode, number>();
  private readonly overflow = new Map<DiagnosticCode, { count: number; span: Span }>();

  add(code: DiagnosticCode, message: string, span: Span): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count <= MAX_PER_CODE) {
      this.list.push({ severity: SEVERITY[code], code, message, line: span.line, column: span.column, span });
    } else {
      const o = this.overflow.get(code);
      if (o) {
        o.count++;
        o.span = { ...o.span, end: Math.max(o.span.end, span.end) };
      } else this.overflow.set(code, { count: 1, span });
    }
  }

  sorted(): Diagnostic[] {
    for (const [code, { count, span }] of this.overflow) {
      this.list.push({
        severity: SEVERITY[code],
        code,
        message: `${count} more ${code} diagnostics like the ones before, up to here`,
        line: span.line,
        column: span.column,
        span,
      });
    }
    return this.list.sort((a, b) => a.span.start - b.span.start);
  }
}

function quote(text: string): string {
  const flat = reflow(text);
  return flat.length > 60 ? `"${flat.slice(0, 57)}…"` : `"${flat}"`;
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
  const spans = new SpanMaker(normalized);
  const diagnostics = new Diagnostics();
  const result: IMRDetermination = {
    caseNumber: null,
    dates: { assigned: null, decision: null, injury: null, urDenial: null, applicationReceived: null },
    priority: null,
    reviewer: { licensure: [], specialties: [] },
    caseSummary: null,
    patient: { age: null, sex: null },
    decisions: [],
    sources: {
      caseNumber: null,
      dates: { assigned: null, decision: null, injury: null, urDenial: null, applicationReceived: null },
      priority: null,
      reviewer: { licensure: [], specialties: [] },
      patient: { age: null, sex: null },
    },
    diagnostics: [],
  };

  for (const repair of normalized.repairs) {
    const span = spans.fromInput(repair);
    const what = JSON.stringify(repair.text.length > 20 ? `${repair.text.slice(0, 20)}…` : repair.text);
    if (repair.kind === "mojibake-dropped") {
      diagnostics.add(repair.kind, `Dropped ${what}: mis-encoded bytes whose character cannot be recovered`, span);
    } else if (repair.kind === "control-characters") {
      diagnostics.add(repair.kind, `Removed ${repair.text.length} control character(s) ${what}`, span);
    } else {
      diagnostics.add(repair.kind, `Replaced ${repair.text.length} unpaired surrogate(s) with U+FFFD`, span);
    }
  }

  const whole = spans.fromInput({ start: 0, end: normalized.input.length });
  if (normalized.text.length === 0) {
    diagnostics.add("empty-input", "The input holds no text", whole);
    result.diagnostics = diagnostics.sorted();
    return result;
  }

  // The first part of each kind is the letter's; a repeat is reported and left out.
  const first = new Map<LetterPartNode["type"], LetterPartNode>();
  const orphans: DecisionNode[] = [];
  const unplaced: UnplacedNode[] = [];
  for (const part of ast.parts) {
    if (part.type === "Decision") orphans.push(part);
    else if (part.type === "Unplaced") unplaced.push(part);
    else if (first.has(part.type)) {
      diagnostics.add("duplicate-section", `A second ${PART_NAMES[part.type]} was left out (only the first is read)`, part.span);
    } else first.set(part.type, part);
  }
  const header = first.get("CaseHeader") as CaseHeaderNode | undefined;
  const how = first.get("HowDeterminationWasMade") as HowDeterminationWasMadeNode | undefined;
  const credentials = first.get("ReviewerCredentials") as ReviewerCredentialsNode | undefined;
  const summary = first.get("ClinicalCaseSummary") as ClinicalCaseSummaryNode | undefined;
  const issues = first.get("IssuesDecisionsAndRationales") as IssuesDecisionsAndRationalesNode | undefined;

  // A lone heading ending in "Upheld" is not yet a letter: a decision needs one of its labels.
  const labelled = (d: DecisionNode) => d.labels.claimsAdministratorGuideline || d.labels.reviewerGuideline || d.labels.rationale;
  if (first.size === 0 && !orphans.some(labelled)) {
    diagnostics.add(
      "not-a-determination-letter",
      "Not a recognized IMR Final Determination Letter: none of its headings or labels were found",
      whole,
    );
    result.diagnostics = diagnostics.sorted();
    return result;
  }

  // --- Case header ---
  if (header) {
    const { first: fields, repeated } = fieldsByLabel(header.fields);
    for (const f of repeated) diagnostics.add("duplicate-section", "A repeated case header label was left out", f.span);
    const take = <T>(label: Parameters<typeof fields.get>[0], reading: HeaderReading<T>, set: (value: T, span: Span) => void) => {
      const field = fields.get(label);
      if (!field) return;
      if (reading.value) set(reading.value.value, spans.fromNormalized(reading.value.start, reading.value.end));
      if (reading.problem) diagnostics.add("invalid-header-value", reading.problem, field.value?.span ?? field.span);
      for (const range of reading.leftover) {
        const text = normalized.text.slice(range.start, range.end).trim();
        if (!text) continue;
        const span = spans.fromNormalized(range.start, range.end);
        diagnostics.add("unplaced-text", `Text beside the header value belongs to no field: ${quote(text)}`, span);
      }
    };
    const value = (label: Parameters<typeof fields.get>[0]) => fields.get(label)?.value ?? null;
    take("caseNumber", readCaseNumber(value("caseNumber")), (v, s) => ((result.caseNumber = v), (result.sources.caseNumber = s)));
    take("dateAssigned", readDate(value("dateAssigned")), (v, s) => ((result.dates.assigned = v), (result.sources.dates.assigned = s)));
    take("decisionDate", readDate(value("decisionDate")), (v, s) => ((result.dates.decision = v), (result.sources.dates.decision = s)));
    take("dateOfInjury", readDate(value("dateOfInjury")), (v, s) => ((result.dates.injury = v), (result.sources.dates.injury = s)));
    take("urDenialDate", readDate(value("urDenialDate")), (v, s) => ((result.dates.urDenial = v), (result.sources.dates.urDenial = s)));
    take(
      "applicationReceived",
      readDate(value("applicationReceived")),
      (v, s) => ((result.dates.applicationReceived = v), (result.sources.dates.applicationReceived = s)),
    );
    take("priority", readPriority(value("priority")), (v, s) => ((result.priority = v), (result.sources.priority = s)));
  } else {
    diagnostics.add(
      "missing-case-header",
      "No case header (Case Number, dates, Priority): those fields are null. Letters before 2016 were published without one.",
      spans.fromInput({ start: 0, end: 0 }),
    );
  }

  // --- Reviewer ---
  let reviewer: ReviewerReading | null = null;
  if (credentials) reviewer = readCredentialLines(credentials);
  else if (how?.boardCertification) reviewer = readBoardCertification(how.boardCertification);
  if (reviewer) {
    for (const p of reviewer.licensure) {
      result.reviewer.licensure.push(p.text);
      result.sources.reviewer.licensure.push(spans.fromNormalized(p.start, p.end));
    }
    for (const p of reviewer.specialties) {
      result.reviewer.specialties.push(p.text);
      result.sources.reviewer.specialties.push(spans.fromNormalized(p.start, p.end));
    }
  }
  if (!how) diagnostics.add("missing-section", `No ${PART_NAMES.HowDeterminationWasMade}`, spans.fromInput({ start: 0, end: 0 }));
  if (!reviewer) {
    diagnostics.add("missing-section", "No reviewer credentials: reviewer.licensure and reviewer.specialties are empty", how?.span ?? whole);
  }

  // --- Clinical case summary ---
  if (summary?.summary) {
    result.caseSummary = textField(summary.summary);
    const patient = readPatient(summary.summary);
    if (patient.age) {
      result.patient.age = patient.age.value;
      result.sources.patient.age = spans.fromNormalized(patient.age.start, patient.age.end);
    }
    if (patient.sex) {
      result.patient.sex = patient.sex.value;
      result.sources.patient.sex = spans.fromNormalized(patient.sex.start, patient.sex.end);
    }
  } else {
    diagnostics.add("missing-section", `No ${PART_NAMES.ClinicalCaseSummary}: caseSummary and patient are null`, summary?.span ?? whole);
  }

  // --- Decisions ---
  const decisionNodes = [...(issues?.decisions ?? [])];
  for (const orphan of orphans) {
    diagnostics.add("decision-outside-section", "A decision stands outside the IMR ISSUES, DECISIONS AND RATIONALES section", orphan.heading.span);
    decisionNodes.push(orphan);
  }
  decisionNodes.sort((a, b) => a.span.start - b.span.start);
  for (const node of decisionNodes) result.decisions.push(toDecision(node, diagnostics));
  if (decisionNodes.length === 0) {
    diagnostics.add("no-decisions", "No decision (a heading ending in Upheld or Overturned, then its guideline and rationale) was found", issues?.span ?? whole);
  } else {
    const last = decisionNodes[decisionNodes.length - 1]!;
    if (last.rationale && !endsSentence(last.rationale.value)) {
      diagnostics.add("possibly-truncated", "The last decision's rationale ends mid-sentence: the letter may be cut short", last.rationale.span);
    }
  }

  for (const u of [...unplaced, ...(issues?.unplaced ?? [])]) {
    diagnostics.add("unplaced-text", `Text that belongs to no part of the letter: ${quote(u.text.value)}`, u.span);
  }

  result.diagnostics = diagnostics.sorted();
  return result;
}

function toGuideline(node: GuidelineNode, diagnostics: Diagnostics): Guideline {
  const citations: Citation[] = node.citations.map((c) => {
    if (c.type === "NonMtusCitation") {
      return { source: "Non-MTUS", reference: c.reference ? reflow(c.reference.value) : null, span: c.span };
    }
    if (c.guideline && !c.knownTitle) {
      diagnostics.add(
        "unknown-mtus-guideline",
        `${quote(c.guideline.value)} is not an MTUS guideline title the parser knows; it was read as the title up to its year`,
        c.guideline.span,
      );
    }
    return {
      source: "MTUS",
      guideline: c.guideline ? reflow(c.guideline.value) : null,
      year: c.year,
      sections: c.sections ? reflow(c.sections.value) : null,
      pages: c.pages ? reflow(c.pages.value) : null,
      span: c.span,
    };
  });
  return { text: reflow(node.text.value), span: node.span, basis: node.basis, citations };
}

function toDecision(node: DecisionNode, diagnostics: Diagnostics): Decision {
  const { heading } = node;
  const partial = heading.partialAuthorization;
  const item = partial ? partial.remainder : heading.text;
  const missing = [
    node.labels.claimsAdministratorGuideline ? null : '"Claims Administrator guideline:"',
    node.labels.reviewerGuideline ? null : '"MAXIMUS guideline:"',
    node.labels.rationale ? null : '"Decision rationale:"',
  ].filter((m) => m !== null);
  if (missing.length > 0) {
    diagnostics.add("incomplete-decision", `The decision has no ${missing.join(", ")}`, heading.span);
  }
  return {
    treatment: item ? textField(item) : { text: "", span: { ...heading.span, end: heading.span.start } },
    originalRequest: partial?.originalRequest ? textField(partial.originalRequest) : null,
    authorized: partial?.authorized ? textField(partial.authorized) : null,
    service: treatmentService(item, heading.span, diagnostics),
    outcome: heading.outcome,
    claimsAdministratorGuideline: node.claimsAdministratorGuideline ? toGuideline(node.claimsAdministratorGuideline, diagnostics) : null,
    reviewerGuideline: node.reviewerGuideline ? toGuideline(node.reviewerGuideline, diagnostics) : null,
    rationale: node.rationale ? textField(node.rationale) : null,
    span: node.span,
    outcomeSpan: heading.outcomeSpan,
  };
}
