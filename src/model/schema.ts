/**
 * The public shape of a parsed letter as zod schemas, which check results at run time and
 * generate the JSON Schema. The named types they check, with every field described, are
 * in types.ts; a type-level test (test/types.test.ts) keeps each equal to its schema's
 * `z.infer`.
 *
 * It is a Zod Mini schema (`zod/mini`): the same Zod 4 core as `zod`, without the
 * method-chaining surface, so importing the library stays cheap. It works with
 * `z.infer`, `z.toJSONSchema`, and inside schemas built with classic `zod`.
 */
import * as z from "zod/mini";
import { SpanSchema } from "../span.js";
import { GuidelineBasisSchema, OutcomeSchema, PrioritySchema, SeveritySchema, SexSchema } from "../vocabulary.js";
import { DIAGNOSTIC_CODES } from "./diagnostics.js";
import { DRUG_CLASSES, SERVICE_CATEGORIES } from "./service/taxonomy.js";

// Shared parts: every schema is built when the library is imported, so each is built once.
const count = z.int().check(z.nonnegative());
const ordinal = z.int().check(z.positive());

export { SpanSchema };

/**
 * The zod schema of a {@link TextField}: a passage of the letter and its span.
 *
 * @example
 * ```ts
 * parseDetermination(text).decisions[0]!.rationale?.text; // "The request is not supported by …"
 * ```
 */
export const TextFieldSchema = z.object({
  text: z.string(),
  span: SpanSchema,
});

const isoDate = z.nullable(z.iso.date());

/**
 * The zod schema of an {@link MtusCitation}: one MTUS guideline a paragraph cites.
 *
 * @example
 * ```ts
 * const [c] = parseDetermination(text).decisions[0]!.reviewerGuideline!.citations;
 * if (c?.source === "MTUS") console.log(c.guideline, c.year, c.sections); // "Low Back Complaints" 2004 "Special Studies"
 * ```
 */
export const MtusCitationSchema = z.object({
  source: z.literal("MTUS"),
  guideline: z.nullable(z.string()),
  year: z.nullable(z.int()),
  sections: z.nullable(z.string()),
  pages: z.nullable(z.string()),
  span: SpanSchema,
});

/**
 * The zod schema of a {@link NonMtusCitation}: a reference outside the MTUS.
 *
 * @example
 * ```ts
 * const refs = parseDetermination(text).decisions.flatMap((d) => d.reviewerGuideline?.citations ?? []);
 * refs.filter((c) => c.source === "Non-MTUS").map((c) => c.reference); // ["Official Disability Guidelines (ODG), Low Back Chapter"]
 * ```
 */
export const NonMtusCitationSchema = z.object({
  source: z.literal("Non-MTUS"),
  reference: z.nullable(z.string()),
  span: SpanSchema,
});

/**
 * The zod schema of a {@link Citation} of either kind, told apart by `source`.
 *
 * @example
 * ```ts
 * import { CitationSchema } from "imr-determination";
 * CitationSchema.parse({ source: "Non-MTUS", reference: "ODG, Knee", span: { start: 0, end: 9, line: 1, column: 1 } });
 * ```
 */
export const CitationSchema = z.discriminatedUnion("source", [MtusCitationSchema, NonMtusCitationSchema]);

/**
 * The zod schema of a {@link Guideline} paragraph: its text, basis and citations.
 *
 * @example
 * ```ts
 * const g = parseDetermination(text).decisions[0]!.claimsAdministratorGuideline;
 * g?.basis; // "none" when the claims administrator cited no medical evidence
 * ```
 */
export const GuidelineSchema = z.object({
  text: z.string(),
  span: SpanSchema,
  basis: GuidelineBasisSchema,
  citations: z.array(CitationSchema),
});

/**
 * The zod schema of a {@link Service}: what kind of care a disputed item is.
 *
 * @example
 * ```ts
 * import { ServiceSchema } from "imr-determination";
 * ServiceSchema.parse({ category: "pharmaceutical", drugClass: "opioid", drug: "hydrocodone/acetaminophen" });
 * ```
 */
export const ServiceSchema = z.object({
  category: z.enum(SERVICE_CATEGORIES),
  drugClass: z.nullable(z.enum(DRUG_CLASSES)),
  drug: z.nullable(z.string()),
});

/**
 * The zod schema of a {@link Decision}: one disputed item and what the reviewer decided.
 *
 * @example
 * ```ts
 * const upheld = parseDetermination(text).decisions.filter((d) => d.outcome === "upheld").length;
 * ```
 */
export const DecisionSchema = z.object({
  treatment: z.nullable(TextFieldSchema),
  originalRequest: z.nullable(TextFieldSchema),
  authorized: z.nullable(TextFieldSchema),
  service: ServiceSchema,
  outcome: z.nullable(OutcomeSchema),
  claimsAdministratorGuideline: z.nullable(GuidelineSchema),
  reviewerGuideline: z.nullable(GuidelineSchema),
  rationale: z.nullable(TextFieldSchema),
  span: SpanSchema,
  outcomeSpan: SpanSchema,
});

/**
 * The zod schema of a {@link Diagnostic}: a problem found while reading the letter.
 *
 * @example
 * ```ts
 * for (const d of parseDetermination(text).diagnostics) console.log(`${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
 * ```
 */
export const DiagnosticSchema = z.object({
  severity: SeveritySchema,
  code: z.enum(DIAGNOSTIC_CODES),
  message: z.string(),
  line: ordinal,
  column: ordinal,
  span: SpanSchema,
});

const nullableSpan = z.nullable(SpanSchema);

/**
 * The zod schema of {@link Sources}: where each of the letter's plain values came from.
 *
 * @example
 * ```ts
 * const { dates, sources } = parseDetermination(text);
 * dates.decision; // "2016-12-09"
 * text.slice(sources.dates.decision!.start, sources.dates.decision!.end); // "12/09/2016"
 * ```
 */
export const SourcesSchema = z.object({
  caseNumber: nullableSpan,
  dates: z.object({
    assigned: nullableSpan,
    decision: nullableSpan,
    injury: nullableSpan,
    urDenial: nullableSpan,
    applicationReceived: nullableSpan,
  }),
  priority: nullableSpan,
  reviewer: z.object({ licensure: z.array(SpanSchema), specialties: z.array(SpanSchema) }),
  patient: z.object({ age: nullableSpan, sex: nullableSpan }),
});

/**
 * The zod schema of an {@link IMRDetermination}: a whole letter as data. Every result of
 * `parseDetermination` passes it.
 *
 * @example
 * ```ts
 * import { IMRDeterminationSchema } from "imr-determination";
 * // Validate results stored elsewhere (a database, another process):
 * const d = IMRDeterminationSchema.parse(JSON.parse(json));
 * ```
 */
export const IMRDeterminationSchema = z.object({
  caseNumber: z.nullable(z.string()),
  dates: z.object({
    assigned: isoDate,
    decision: isoDate,
    injury: isoDate,
    urDenial: isoDate,
    applicationReceived: isoDate,
  }),
  priority: z.nullable(PrioritySchema),
  reviewer: z.object({
    licensure: z.array(z.string()),
    specialties: z.array(z.string()),
  }),
  caseSummary: z.nullable(TextFieldSchema),
  patient: z.object({
    age: z.nullable(count),
    sex: z.nullable(SexSchema),
  }),
  decisions: z.array(DecisionSchema),
  sources: SourcesSchema,
  diagnostics: z.array(DiagnosticSchema),
});

export type {
  Citation,
  Decision,
  Diagnostic,
  Guideline,
  GuidelineBasis,
  IMRDetermination,
  MtusCitation,
  NonMtusCitation,
  Outcome,
  Service,
  Sources,
  Span,
  TextField,
} from "./types.js";
