/**
 * imr-determination: California IMR Final Determination Letters as typed, validated data.
 *
 * The pipeline, one stage per folder: `normalize` (clean text and a map back to the
 * input) → `parseCst` (Chevrotain tokens and concrete syntax tree) → `buildAst` (typed
 * nodes with spans) → `toDetermination` (the public {@link IMRDetermination}).
 * {@link parseDetermination} runs all four.
 *
 * @packageDocumentation
 * @module imr-determination
 */
import { buildAst } from "./ast/build.js";
import { parseCst } from "./grammar/index.js";
import { toDetermination } from "./model/build.js";
import type { Diagnostic, IMRDetermination } from "./model/schema.js";
import { normalize } from "./normalize/index.js";

/**
 * Options for {@link parseDetermination}.
 *
 * @example
 * ```ts
 * const options: ParseOptions = { strict: true };
 * parseDetermination(text, options); // throws IMRParseError on error diagnostics
 * ```
 */
export interface ParseOptions {
  /**
   * Throw an {@link IMRParseError} when the letter has any error-level diagnostic
   * (no decisions, not a letter, a decision without its rationale …). Default `false`:
   * problems are returned in `diagnostics` and never thrown.
   */
  strict?: boolean;
}

/**
 * Thrown by `parseDetermination(text, { strict: true })` when the letter has
 * error-level diagnostics. It carries every diagnostic and the partial result.
 *
 * @example
 * ```ts
 * import { parseDetermination, IMRParseError } from "imr-determination";
 * try {
 *   parseDetermination("not a letter", { strict: true });
 * } catch (error) {
 *   if (error instanceof IMRParseError) console.log(error.diagnostics[0].code); // "not-a-determination-letter"
 * }
 * ```
 */
export class IMRParseError extends Error {
  // The bundle is minified, which renames classes: the class says its own name, for
  // \`IMRParseError.name\` and \`error.constructor.name\` (esbuild's keepNames would do it for
  // every function, at 6 % more instructions for a cold start).
  static {
    Object.defineProperty(this, "name", { value: "IMRParseError" });
  }
  override name = "IMRParseError";

  constructor(
    /** Every diagnostic of the letter, errors and warnings. */
    readonly diagnostics: readonly Diagnostic[],
    /** What could be read anyway. */
    readonly result: IMRDetermination,
  ) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(errors.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`).join("\n"));
  }
}

/**
 * Reads the text of an IMR Final Determination Letter, however it was extracted
 * (`pdftotext` raw, layout or plain, copied from a viewer, mis-encoded), into typed data.
 *
 * It never throws because of the letter's content: what it cannot read is `null` or
 * empty, and `diagnostics` says what and where. It runs in time linear in the input.
 * Every result passes `IMRDeterminationSchema.parse`.
 *
 * @param text - The letter's text, exactly as extracted. Spans in the result are offsets into it.
 * @param options - `strict: true` throws an {@link IMRParseError} on error-level diagnostics.
 * @returns The letter's case number, dates, priority, reviewer, summary, patient and decisions.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { parseDetermination } from "imr-determination";
 *
 * const d = parseDetermination(readFileSync("CM19-0000101.txt", "utf8"));
 * d.caseNumber; // "CM19-0000101"
 * d.dates.decision; // "2019-04-02"
 * d.decisions[0].treatment.text; // "MRI of the left wrist without contrast"
 * d.decisions[0].outcome; // "upheld"
 * ```
 */
export function parseDetermination(text: string, options?: ParseOptions | null): IMRDetermination {
  if (typeof text !== "string") {
    throw new TypeError(`parseDetermination expects the letter's text as a string, got ${text === null ? "null" : typeof text}`);
  }
  const { strict } = readOptions(options);
  let result: IMRDetermination;
  try {
    const normalized = normalize(text);
    const { cst } = parseCst(normalized);
    result = toDetermination(buildAst(cst, normalized), normalized);
  } catch (error) {
    // The grammar accepts any text; a throw here is a bug, and the caller still gets a result to act on.
    result = internalError(error);
  }
  if (strict && result.diagnostics.some((d) => d.severity === "error")) {
    throw new IMRParseError(result.diagnostics, result);
  }
  return result;
}

/** The options with their defaults; `null` and `undefined` mean the defaults. */
function readOptions(options: ParseOptions | null | undefined): Required<ParseOptions> {
  if (options === undefined || options === null) return { strict: false };
  if (typeof options !== "object") throw new TypeError(`parseDetermination's options must be an object, got ${typeof options}`);
  const strict = options.strict ?? false;
  if (typeof strict !== "boolean") throw new TypeError(`options.strict must be true or false, got ${JSON.stringify(strict)}`);
  return { strict };
}

/** An empty result whose one diagnostic says the parser failed, and why. */
function internalError(error: unknown): IMRDetermination {
  const message = `The parser failed on this input (a bug; please report it with the input): ${(error as Error)?.message ?? String(error)}`;
  const span = { start: 0, end: 0, line: 1, column: 1 };
  const nullSpans = { assigned: null, decision: null, injury: null, urDenial: null, applicationReceived: null };
  return {
    caseNumber: null,
    dates: { ...nullSpans },
    priority: null,
    reviewer: { licensure: [], specialties: [] },
    caseSummary: null,
    patient: { age: null, sex: null },
    decisions: [],
    sources: { caseNumber: null, dates: { ...nullSpans }, priority: null, reviewer: { licensure: [], specialties: [] }, patient: { age: null, sex: null } },
    diagnostics: [{ severity: "error", code: "internal-error", message, line: 1, column: 1, span }],
  };
}

export { normalize, type NormalizedText, type NormalizerRepair } from "./normalize/index.js";
export { parseCst, type LetterCst } from "./grammar/index.js";
export { buildAst } from "./ast/build.js";
/**
 * The typed syntax tree {@link buildAst} returns: one node per part of the letter, in
 * the letter's order, each with its span (`Ast.LetterNode`, `Ast.DecisionNode`, …).
 *
 * @example
 * ```ts
 * import { buildAst, normalize, parseCst, type Ast } from "imr-determination";
 * const clean = normalize(text);
 * const ast: Ast.LetterNode = buildAst(parseCst(clean).cst, clean);
 * const headings = ast.parts.filter((p): p is Ast.DecisionNode => p.type === "Decision").map((d) => d.heading);
 * ```
 */
export type * as Ast from "./ast/nodes.js";
export { toDetermination } from "./model/build.js";
export { reflow } from "./model/text.js";
export { listCitations, type CitationRow } from "./model/citations.js";
export { jsonSchema } from "./model/json-schema.js";
export { MTUS_TITLES } from "./grammar/mtus-titles.js";
export { DIAGNOSTIC_CODES, SEVERITY, type DiagnosticCode, type Severity } from "./model/diagnostics.js";
export type { Priority, Sex } from "./vocabulary.js";
export { classifyService } from "./model/service/classify.js";
export { DRUG_CLASSES, SERVICE_CATEGORIES, type DrugClass, type ServiceCategory } from "./model/service/taxonomy.js";
export {
  CitationSchema,
  DecisionSchema,
  DiagnosticSchema,
  GuidelineSchema,
  MtusCitationSchema,
  NonMtusCitationSchema,
  IMRDeterminationSchema,
  ServiceSchema,
  SourcesSchema,
  SpanSchema,
  TextFieldSchema,
  type Citation,
  type Decision,
  type Diagnostic,
  type Guideline,
  type GuidelineBasis,
  type MtusCitation,
  type NonMtusCitation,
  type IMRDetermination,
  type Outcome,
  type Service,
  type Sources,
  type Span,
  type TextField,
} from "./model/schema.js";
