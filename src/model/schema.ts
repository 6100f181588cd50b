/**
 * The public shape of a parsed letter. The schema is the single source of truth: the
 * TypeScript types are inferred from it and the JSON Schema is generated from it.
 *
 * It is a Zod Mini schema (`zod/mini`): the same Zod 4 core as `zod`, without the
 * method-chaining surface, so importing the library stays cheap. It works with
 * `z.infer`, `z.toJSONSchema`, and inside schemas built with classic `zod`.
 */
import * as z from "zod/mini";
import { DIAGNOSTIC_CODES } from "./diagnostics.js";
import { DRUG_CLASSES, SERVICE_CATEGORIES } from "./service/taxonomy.js";

// Shared parts: every schema is built when the library is imported, so each is built once.
const count = z.int().check(z.nonnegative());
const ordinal = z.int().check(z.positive());

/**
 * Where something came from: UTF-16 offsets into the exact string passed to
 * `parseDetermination` (before any normalization), and the 1-based line and column of
 * its start. `input.slice(span.start, span.end)` is the source of the value.
 *
 * @example
 * ```ts
 * const { caseSummary } = parseDetermination(text);
 * text.slice(caseSummary!.span.start, caseSummary!.span.end); // the summary as the input has it
 * ```
 */
export const SpanSchema = z.object({
  /** Offset of the first character. */
  start: count,
  /** Offset just past the last character. */
  end: count,
  /** 1-based line of `start` (lines end at `\n`, `\r\n` or `\r`). */
  line: ordinal,
  /** 1-based column of `start`, in UTF-16 code units. */
  column: ordinal,
});

/**
 * A passage of the letter: its text, reflowed, and where it stands.
 *
 * @example
 * ```ts
 * parseDetermination(text).decisions[0]!.rationale?.text; // "The request is not supported by …"
 * ```
 */
export const TextFieldSchema = z.object({
  /**
   * The passage with its line breaks reflowed: a break is a space, except after a
   * hyphen ending a line, where the two lines join (`L5-` / `S1` is `L5-S1`).
   */
  text: z.string(),
  span: SpanSchema,
});

const isoDate = z.nullable(z.iso.date());

/**
 * One MTUS guideline a paragraph cites: "Low Back Complaints 2004, Section(s): Special Studies".
 *
 * @example
 * ```ts
 * const [c] = parseDetermination(text).decisions[0]!.reviewerGuideline!.citations;
 * if (c?.source === "MTUS") console.log(c.guideline, c.year, c.sections); // "Low Back Complaints" 2004 "Special Studies"
 * ```
 */
export const MtusCitationSchema = z.object({
  source: z.literal("MTUS"),
  /** The guideline's title as written ("Low Back Complaints", "ACOEM Chapter 12 Low Back Complaints"). */
  guideline: z.nullable(z.string()),
  year: z.nullable(z.int()),
  /** The text after "Section(s):" as written (section names hold commas, so it is not split); in older letters the topic. */
  sections: z.nullable(z.string()),
  /** The page text after "Page(s):", "pg" or "pages" ("63-66", "98 of 127"). */
  pages: z.nullable(z.string()),
  span: SpanSchema,
});

/**
 * A reference outside the MTUS: "Official Disability Guidelines (ODG), Low Back Chapter".
 *
 * @example
 * ```ts
 * const refs = parseDetermination(text).decisions.flatMap((d) => d.reviewerGuideline?.citations ?? []);
 * refs.filter((c) => c.source === "Non-MTUS").map((c) => c.reference); // ["Official Disability Guidelines (ODG), Low Back Chapter"]
 * ```
 */
export const NonMtusCitationSchema = z.object({
  source: z.literal("Non-MTUS"),
  /** The reference up to the next "Decision based on" or the paragraph's end, less its final full stop. */
  reference: z.nullable(z.string()),
  span: SpanSchema,
});

/**
 * A citation of either kind, told apart by `source`.
 *
 * @example
 * ```ts
 * import { CitationSchema } from "imr-determination";
 * CitationSchema.parse({ source: "Non-MTUS", reference: "ODG, Knee", span: { start: 0, end: 9, line: 1, column: 1 } });
 * ```
 */
export const CitationSchema = z.discriminatedUnion("source", [MtusCitationSchema, NonMtusCitationSchema]);

/**
 * A guideline paragraph ("Claims Administrator guideline:" or "MAXIMUS guideline:") as
 * data: its text, what it rests on, and what it cites, in the letter's order.
 *
 * @example
 * ```ts
 * const g = parseDetermination(text).decisions[0]!.claimsAdministratorGuideline;
 * g?.basis; // "none" when the claims administrator cited no medical evidence
 * ```
 */
export const GuidelineSchema = z.object({
  /** The paragraph, reflowed. */
  text: z.string(),
  span: SpanSchema,
  /**
   * `none`: the paragraph says no medical evidence was cited; `outside-mtus`: the
   * decision rests on recommendations outside the MTUS; otherwise `mtus`.
   */
  basis: z.enum(["mtus", "outside-mtus", "none"]),
  citations: z.array(CitationSchema),
});

/**
 * What kind of care a disputed item is: its category in the DWC's IMR reports, and for a
 * drug its class and generic name(s). See docs/services.md for the taxonomy.
 *
 * @example
 * ```ts
 * parseDetermination(text).decisions[0]!.service;
 * // { category: "pharmaceutical", drugClass: "opioid", drug: "hydrocodone/acetaminophen" } for "Norco 10/325mg #60"
 * ```
 */
export const ServiceSchema = z.object({
  /** One of {@link SERVICE_CATEGORIES}; `other` when the treatment names no service the vocabulary knows (with an `unknown-service` diagnostic). */
  category: z.enum(SERVICE_CATEGORIES),
  /** For a pharmaceutical, one of {@link DRUG_CLASSES}; otherwise null. Null too when the request names a drug only vaguely ("medications"). */
  drugClass: z.nullable(z.enum(DRUG_CLASSES)),
  /**
   * For a pharmaceutical, its active ingredients as lowercase generic names joined by "/"
   * (brands mapped: Norco is `hydrocodone/acetaminophen`); otherwise null. Null too when
   * the request names no drug the vocabulary knows (with an `unknown-drug` diagnostic).
   */
  drug: z.nullable(z.string()),
});

/**
 * One disputed item and what the reviewer decided about it.
 *
 * @example
 * ```ts
 * const upheld = parseDetermination(text).decisions.filter((d) => d.outcome === "upheld").length;
 * ```
 */
export const DecisionSchema = z.object({
  /** The item decided: the heading's text, or for a partial authorization the IMR-eligible portion. */
  treatment: TextFieldSchema,
  /** For a partial authorization, what was originally requested; otherwise null. */
  originalRequest: z.nullable(TextFieldSchema),
  /** For a partial authorization, what the claims administrator authorized; otherwise null. */
  authorized: z.nullable(TextFieldSchema),
  /** What kind of care `treatment` is: category, drug class, generic drug. */
  service: ServiceSchema,
  /** `upheld`: the utilization review denial stands; `overturned`: the item is medically necessary. */
  outcome: z.enum(["upheld", "overturned"]),
  /** The "Claims Administrator guideline:" paragraph: what utilization review relied on. */
  claimsAdministratorGuideline: z.nullable(GuidelineSchema),
  /** The "MAXIMUS guideline:" paragraph: what the IMR reviewer relied on. */
  reviewerGuideline: z.nullable(GuidelineSchema),
  /** The "Decision rationale:" paragraph. */
  rationale: z.nullable(TextFieldSchema),
  /** The whole decision, from its heading to the end of its rationale. */
  span: SpanSchema,
  /** The outcome word in the heading ("Upheld"). */
  outcomeSpan: SpanSchema,
});

/**
 * A problem found while reading the letter, with where it is.
 *
 * @example
 * ```ts
 * for (const d of parseDetermination(text).diagnostics) console.log(`${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
 * ```
 */
export const DiagnosticSchema = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.enum(DIAGNOSTIC_CODES),
  message: z.string(),
  /** 1-based line of the start of `span`. */
  line: ordinal,
  /** 1-based column of the start of `span`. */
  column: ordinal,
  span: SpanSchema,
});

const nullableSpan = z.nullable(SpanSchema);

/**
 * Where each of the letter's plain values came from (text fields carry their own span).
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
 * An IMR Final Determination Letter as data. A value the letter does not have is `null`, never a guess.
 *
 * @example
 * ```ts
 * import { IMRDeterminationSchema } from "imr-determination";
 * // Validate results stored elsewhere (a database, another process):
 * const d = IMRDeterminationSchema.parse(JSON.parse(json));
 * ```
 */
export const IMRDeterminationSchema = z.object({
  /** "CM19-0000101". */
  caseNumber: z.nullable(z.string()),
  /** The case header's dates, as ISO `YYYY-MM-DD`. */
  dates: z.object({
    assigned: isoDate,
    decision: isoDate,
    injury: isoDate,
    /** When utilization review denied the request. */
    urDenial: isoDate,
    /** When the application for IMR was received. */
    applicationReceived: isoDate,
  }),
  priority: z.nullable(z.enum(["standard", "expedited"])),
  /** The expert reviewer's credentials, as the letter lists them. */
  reviewer: z.object({
    /** States where the reviewer is licensed ("California"). */
    licensure: z.array(z.string()),
    /** Board certifications and specialties ("Family Practice"). */
    specialties: z.array(z.string()),
  }),
  /** The clinical case summary, after its fixed lead-in sentence. */
  caseSummary: z.nullable(TextFieldSchema),
  /** From the summary's first mention of the injured worker ("a 52 year old female"). */
  patient: z.object({
    age: z.nullable(count),
    sex: z.nullable(z.enum(["male", "female"])),
  }),
  /** Each disputed item, in the letter's order. */
  decisions: z.array(DecisionSchema),
  sources: SourcesSchema,
  /** What could not be read or placed, worst first within the letter's order. */
  diagnostics: z.array(DiagnosticSchema),
});

/**
 * Where something came from in the caller's string.
 *
 * @example
 * ```ts
 * import type { Span } from "imr-determination";
 * const quote = (text: string, s: Span) => `${s.line}:${s.column} ${text.slice(s.start, s.end)}`;
 * ```
 */
export type Span = z.infer<typeof SpanSchema>;
/**
 * A passage of the letter with its span.
 *
 * @example
 * ```ts
 * import type { TextField } from "imr-determination";
 * const plain = (f: TextField | null) => f?.text ?? "";
 * ```
 */
export type TextField = z.infer<typeof TextFieldSchema>;
/**
 * One MTUS guideline cited.
 *
 * @example
 * ```ts
 * import type { MtusCitation } from "imr-determination";
 * const label = (c: MtusCitation) => `${c.guideline} ${c.year ?? ""}`.trim();
 * ```
 */
export type MtusCitation = z.infer<typeof MtusCitationSchema>;
/**
 * A reference outside the MTUS.
 *
 * @example
 * ```ts
 * import type { NonMtusCitation } from "imr-determination";
 * const isOdg = (c: NonMtusCitation) => /Official Disability Guidelines|ODG/.test(c.reference ?? "");
 * ```
 */
export type NonMtusCitation = z.infer<typeof NonMtusCitationSchema>;
/**
 * A citation of either kind; `source` tells which.
 *
 * @example
 * ```ts
 * import type { Citation } from "imr-determination";
 * const name = (c: Citation) => (c.source === "MTUS" ? c.guideline : c.reference);
 * ```
 */
export type Citation = z.infer<typeof CitationSchema>;
/**
 * A guideline paragraph with its basis and citations.
 *
 * @example
 * ```ts
 * import type { Guideline } from "imr-determination";
 * const citesMtus = (g: Guideline) => g.citations.some((c) => c.source === "MTUS");
 * ```
 */
export type Guideline = z.infer<typeof GuidelineSchema>;
/**
 * What kind of care a disputed item is.
 *
 * @example
 * ```ts
 * import type { Service } from "imr-determination";
 * const isOpioid = (s: Service) => s.drugClass === "opioid";
 * ```
 */
export type Service = z.infer<typeof ServiceSchema>;
/**
 * One disputed item's decision.
 *
 * @example
 * ```ts
 * import type { Decision } from "imr-determination";
 * const row = (d: Decision) => [d.treatment.text, d.outcome];
 * ```
 */
export type Decision = z.infer<typeof DecisionSchema>;
/**
 * A problem found while reading the letter.
 *
 * @example
 * ```ts
 * import type { Diagnostic } from "imr-determination";
 * const isError = (d: Diagnostic) => d.severity === "error";
 * ```
 */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
/**
 * Where each plain value came from.
 *
 * @example
 * ```ts
 * import type { Sources } from "imr-determination";
 * const where = (s: Sources) => s.caseNumber?.line;
 * ```
 */
export type Sources = z.infer<typeof SourcesSchema>;
/**
 * A parsed IMR Final Determination Letter.
 *
 * @example
 * ```ts
 * import { parseDetermination, type IMRDetermination } from "imr-determination";
 * const d: IMRDetermination = parseDetermination(text);
 * ```
 */
export type IMRDetermination = z.infer<typeof IMRDeterminationSchema>;
