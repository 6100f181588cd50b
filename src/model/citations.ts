import type { GuidelineBasis, Outcome } from "../vocabulary.js";
import type { Citation, IMRDetermination } from "./schema.js";

/**
 * One citation of one guideline paragraph, with the decision it belongs to.
 *
 * @example
 * ```ts
 * const rows: CitationRow[] = listCitations(parseDetermination(text));
 * rows[0]; // { caseNumber: "CM19-0000101", decisionIndex: 0, outcome: "upheld", paragraph: "claimsAdministrator", citation: {…}, … }
 * ```
 */
export interface CitationRow {
  /** The letter's case number. */
  caseNumber: string | null;
  /** Index of the decision in `decisions`. */
  decisionIndex: number;
  /** The decision's item; null where its heading names none. */
  treatment: string | null;
  /** The decision's outcome; null where its heading's outcome cannot be read. */
  outcome: Outcome | null;
  /** Which paragraph cites it: the claims administrator's (utilization review) or the IMR reviewer's. */
  paragraph: "claimsAdministrator" | "reviewer";
  /** What that paragraph rests on. */
  basis: GuidelineBasis;
  /** The citation itself. */
  citation: Citation;
}

/**
 * Every citation of a determination, one row each, in the letter's order, with its
 * decision's outcome: the shape to tally by guideline, year or paragraph.
 *
 * @example
 * ```ts
 * import { listCitations, parseDetermination } from "imr-determination";
 * const tally = new Map<string, { upheld: number; overturned: number }>();
 * for (const row of listCitations(parseDetermination(text))) {
 *   if (row.paragraph !== "reviewer" || row.citation.source !== "MTUS") continue;
 *   const key = row.citation.guideline ?? "(untitled)";
 *   const t = tally.get(key) ?? { upheld: 0, overturned: 0 };
 *   t[row.outcome]++;
 *   tally.set(key, t);
 * }
 * ```
 */
export function listCitations(determination: IMRDetermination): CitationRow[] {
  const rows: CitationRow[] = [];
  determination.decisions.forEach((decision, decisionIndex) => {
    for (const paragraph of ["claimsAdministrator", "reviewer"] as const) {
      const guideline = paragraph === "claimsAdministrator" ? decision.claimsAdministratorGuideline : decision.reviewerGuideline;
      if (!guideline) continue;
      for (const citation of guideline.citations) {
        rows.push({
          caseNumber: determination.caseNumber,
          decisionIndex,
          treatment: decision.treatment?.text ?? null,
          outcome: decision.outcome,
          paragraph,
          basis: guideline.basis,
          citation,
        });
      }
    }
  });
  return rows;
}
