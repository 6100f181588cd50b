/**
 * Where every letter and digit of an input went: into a field, into the template's
 * boilerplate, into a diagnostic's span, or nowhere (lost). "Nothing is lost silently"
 * means the last count is always zero.
 */
import { buildAst, normalize, parseCst, toDetermination, type IMRDetermination, type Span } from "../../src/index.js";

export interface Placement {
  /** Letters and digits in the input. */
  total: number;
  inFields: number;
  inBoilerplate: number;
  /** In the span of a diagnostic (reported, not lost). */
  reported: number;
  lost: number;
  /** Up to 5 lost passages, for the failure message. */
  lostSamples: string[];
  result: IMRDetermination;
}

const COUNTED = /[\p{L}\p{N}]/u;

export function placement(input: string): Placement {
  const clean = normalize(input);
  const { cst, tokens } = parseCst(clean);
  const ast = buildAst(cst, clean);
  const result = toDetermination(ast, clean);

  const FIELD = 1;
  const BOILERPLATE = 2;
  const REPORTED = 3;
  const mark = new Uint8Array(input.length);
  const paint = (span: { start: number; end: number } | null | undefined, kind: number) => {
    if (!span) return;
    for (let i = span.start; i < span.end; i++) if (mark[i] === 0 || mark[i]! > kind) mark[i] = kind;
  };

  // Fields.
  const spans: (Span | null)[] = [
    result.sources.caseNumber,
    result.sources.priority,
    ...Object.values(result.sources.dates),
    ...result.sources.reviewer.licensure,
    ...result.sources.reviewer.specialties,
    result.caseSummary?.span ?? null,
  ];
  for (const d of result.decisions) {
    spans.push(d.treatment?.span ?? null, d.originalRequest?.span ?? null, d.authorized?.span ?? null, d.outcomeSpan, d.rationale?.span ?? null);
    spans.push(d.claimsAdministratorGuideline?.span ?? null, d.reviewerGuideline?.span ?? null);
  }
  for (const s of spans) paint(s, FIELD);

  // Boilerplate: the template's own tokens (headings, labels, lead-ins, phrases, the
  // outcome), the "HOW THE IMR FINAL DETERMINATION WAS MADE" section but for the text in it
  // that is not its boilerplate (which must be reported), page headers.
  for (const t of tokens) {
    if (t.tokenType.name === "Text" || t.tokenType.name.endsWith("Break") || t.tokenType.name === "WordWrap") continue;
    paint(clean.toInput(t.startOffset, t.startOffset + t.image.length), BOILERPLATE);
  }
  for (const part of ast.parts) {
    if (part.type !== "HowDeterminationWasMade") continue;
    paint(part.span, BOILERPLATE);
    for (const other of part.otherText) mark.fill(0, other.span.start, other.span.end);
  }
  for (const h of clean.pageHeaders) paint(h, BOILERPLATE);

  // Reported.
  for (const d of result.diagnostics) paint(d.span, REPORTED);

  const p: Placement = { total: 0, inFields: 0, inBoilerplate: 0, reported: 0, lost: 0, lostSamples: [], result };
  for (let i = 0; i < input.length; i++) {
    if (!COUNTED.test(input[i]!)) continue;
    p.total++;
    const kind = mark[i];
    if (kind === FIELD) p.inFields++;
    else if (kind === BOILERPLATE) p.inBoilerplate++;
    else if (kind === REPORTED) p.reported++;
    else {
      p.lost++;
      if (p.lostSamples.length < 5 && (i === 0 || mark[i - 1] !== 0 || !COUNTED.test(input[i - 1]!))) {
        p.lostSamples.push(JSON.stringify(input.slice(Math.max(0, i - 20), i + 40)));
      }
    }
  }
  return p;
}
