/**
 * The result types, named and described field by field: what the reference and editor
 * hovers show. These comments are the one place the fields are described; the zod schemas
 * (schema.ts) check the same shapes, and a type-level test keeps each interface equal to
 * what its schema infers.
 */
import type { Span } from "../span.js";
import type { GuidelineBasis, Outcome, Priority, Severity, Sex } from "../vocabulary.js";
import type { DiagnosticCode } from "./diagnostics.js";
import type { DrugClass, ServiceCategory } from "./service/taxonomy.js";

export type { GuidelineBasis, Outcome, Severity, Span };

/**
 * A passage of the letter: its text, reflowed, and where it stands.
 *
 * @example
 * ```ts
 * import type { TextField } from "imr-determination";
 * const plain = (f: TextField | null) => f?.text ?? "";
 * ```
 */
export interface TextField {
  /**
   * The passage with its line breaks reflowed: a break is a space, except after a
   * hyphen ending a line, where the two lines join (`L5-` / `S1` is `L5-S1`).
   */
  text: string;
  /** Where the passage stands in the input, from its first character to its last. */
  span: Span;
}

/**
 * One MTUS guideline a paragraph cites: "Low Back Complaints 2004, Section(s): Special Studies".
 *
 * @example
 * ```ts
 * import type { MtusCitation } from "imr-determination";
 * const label = (c: MtusCitation) => `${c.guideline} ${c.year ?? ""}`.trim();
 * ```
 */
export interface MtusCitation {
  /** `"MTUS"`: the California Medical Treatment Utilization Schedule. */
  source: "MTUS";
  /** The guideline's title as written ("Low Back Complaints", "ACOEM Chapter 12 Low Back Complaints"). */
  guideline: string | null;
  /** The guideline's year as written after its title (2004), or null when the citation gives none. */
  year: number | null;
  /** The text after "Section(s):" as written (section names hold commas, so it is not split); in older letters the topic. */
  sections: string | null;
  /** The page text after "Page(s):", "pg" or "pages" ("63-66", "98 of 127"). */
  pages: string | null;
  /** The citation in the input, from its title to its last section or page. */
  span: Span;
}

/**
 * A reference outside the MTUS: "Official Disability Guidelines (ODG), Low Back Chapter".
 *
 * @example
 * ```ts
 * import type { NonMtusCitation } from "imr-determination";
 * const isOdg = (c: NonMtusCitation) => /Official Disability Guidelines|ODG/.test(c.reference ?? "");
 * ```
 */
export interface NonMtusCitation {
  /** `"Non-MTUS"`: a reference outside the MTUS (ODG, a textbook, an article). */
  source: "Non-MTUS";
  /** The reference up to the next "Decision based on" or the paragraph's end, less its final full stop. */
  reference: string | null;
  /** The reference in the input. */
  span: Span;
}

/**
 * A citation of either kind; `source` tells which.
 *
 * @example
 * ```ts
 * import type { Citation } from "imr-determination";
 * const name = (c: Citation) => (c.source === "MTUS" ? c.guideline : c.reference);
 * ```
 */
export type Citation = MtusCitation | NonMtusCitation;

/**
 * A guideline paragraph ("Claims Administrator guideline:" or "MAXIMUS guideline:") as
 * data: its text, what it rests on, and what it cites, in the letter's order.
 *
 * @example
 * ```ts
 * import type { Guideline } from "imr-determination";
 * const citesMtus = (g: Guideline) => g.citations.some((c) => c.source === "MTUS");
 * ```
 */
export interface Guideline {
  /** The paragraph, reflowed. */
  text: string;
  /** The paragraph in the input, after its label. */
  span: Span;
  /** What the paragraph rests on: the MTUS, recommendations outside it, or no medical evidence. */
  basis: GuidelineBasis;
  /** Every guideline and reference the paragraph cites, in its order. */
  citations: Citation[];
}

/**
 * What kind of care a disputed item is: its category in the DWC's IMR reports, and for a
 * drug its class and generic name(s). See the guide to services for the taxonomy.
 *
 * @example
 * ```ts
 * import type { Service } from "imr-determination";
 * const isOpioid = (s: Service) => s.drugClass === "opioid";
 * // "Norco 10/325mg #60" → { category: "pharmaceutical", drugClass: "opioid", drug: "hydrocodone/acetaminophen" }
 * ```
 */
export interface Service {
  /** One of `SERVICE_CATEGORIES`; `other` when the treatment names no service the vocabulary knows (with an `unknown-service` diagnostic). */
  category: ServiceCategory;
  /** For a pharmaceutical, one of `DRUG_CLASSES`; otherwise null. Null too when the request names a drug only vaguely ("medications"). */
  drugClass: DrugClass | null;
  /**
   * For a pharmaceutical, its active ingredients as lowercase generic names joined by "/"
   * (brands mapped: Norco is `hydrocodone/acetaminophen`); otherwise null. Null too when
   * the request names no drug the vocabulary knows (with an `unknown-drug` diagnostic).
   */
  drug: string | null;
}

/**
 * One disputed item and what the reviewer decided about it.
 *
 * @example
 * ```ts
 * import type { Decision } from "imr-determination";
 * const row = (d: Decision) => [d.treatment?.text, d.outcome];
 * ```
 */
export interface Decision {
  /**
   * The item decided: the heading's text, or for a partial authorization the IMR-eligible
   * portion. null only when the heading names no item (a `malformed-decision-heading` error says so).
   */
  treatment: TextField | null;
  /** For a partial authorization, what was originally requested; otherwise null. */
  originalRequest: TextField | null;
  /** For a partial authorization, what the claims administrator authorized; otherwise null. */
  authorized: TextField | null;
  /** What kind of care `treatment` is: its category, and for a drug its class and generic name (docs/services.md). */
  service: Service;
  /**
   * `"upheld"`: the utilization review denial stands (the treatment is not medically
   * necessary); `"overturned"`: the denial is reversed (the treatment is medically necessary).
   * null when the heading's outcome is damaged or missing (a `malformed-decision-heading`
   * error says how): never a guess.
   */
  outcome: Outcome | null;
  /** The "Claims Administrator guideline:" paragraph: what utilization review relied on. */
  claimsAdministratorGuideline: Guideline | null;
  /** The "MAXIMUS guideline:" paragraph: what the IMR reviewer relied on. */
  reviewerGuideline: Guideline | null;
  /** The "Decision rationale:" paragraph. */
  rationale: TextField | null;
  /** The whole decision, from its heading to the end of its rationale. */
  span: Span;
  /** The outcome word in the heading ("Upheld"), or a zero-width span where it is missing. */
  outcomeSpan: Span;
}

/**
 * A problem found while reading the letter, with where it is.
 *
 * @example
 * ```ts
 * import type { Diagnostic } from "imr-determination";
 * const show = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;
 * ```
 */
export interface Diagnostic {
  /** `error`: a value the letter should give is missing, cut short or may be wrong; `warning`: something was repaired, repeated or left out, the values are right; `info`: a note. */
  severity: Severity;
  /** What the problem is, one fixed code per kind (documented in the guide to diagnostics). */
  code: DiagnosticCode;
  /** The problem in words, for people (it may change between versions; the code does not). */
  message: string;
  /** 1-based line of the start of `span`. */
  line: number;
  /** 1-based column of the start of `span`. */
  column: number;
  /** The text the problem is about. */
  span: Span;
}

/**
 * Where each of the letter's plain values came from (text fields carry their own span).
 * Each span is null when its value is.
 *
 * @example
 * ```ts
 * import type { Sources } from "imr-determination";
 * const where = (s: Sources) => s.caseNumber?.line;
 * ```
 */
export interface Sources {
  /** Where the case number is. */
  caseNumber: Span | null;
  /** Where each of the case header's dates is, as the letter writes it ("12/09/2016"). */
  dates: {
    /** Where the date assigned is. */
    assigned: Span | null;
    /** Where the date of the decision is. */
    decision: Span | null;
    /** Where the date of injury is. */
    injury: Span | null;
    /** Where the date of the utilization review denial is. */
    urDenial: Span | null;
    /** Where the date the application was received is. */
    applicationReceived: Span | null;
  };
  /** Where the priority is. */
  priority: Span | null;
  /** Where each credential of the reviewer is, in the order of the lists. */
  reviewer: {
    /** One span per state in `reviewer.licensure`. */
    licensure: Span[];
    /** One span per specialty in `reviewer.specialties`. */
    specialties: Span[];
  };
  /** Where the patient's age and sex are, in the case summary. */
  patient: {
    /** Where the age is. */
    age: Span | null;
    /** Where the word giving the sex is. */
    sex: Span | null;
  };
}

/**
 * An IMR Final Determination Letter as data, as `parseDetermination` returns it. A value
 * the letter does not have is `null`, never a guess.
 *
 * @example
 * ```ts
 * import { parseDetermination, type IMRDetermination } from "imr-determination";
 * const d: IMRDetermination = parseDetermination(text);
 * ```
 */
export interface IMRDetermination {
  /** The case number from the case header ("CM19-0000101"). */
  caseNumber: string | null;
  /** The case header's dates, as ISO `YYYY-MM-DD`. */
  dates: {
    /** When the case was assigned to the reviewer. */
    assigned: string | null;
    /** The date of the final determination. */
    decision: string | null;
    /** The date of the worker's injury. */
    injury: string | null;
    /** When utilization review denied the request. */
    urDenial: string | null;
    /** When the application for IMR was received. */
    applicationReceived: string | null;
  };
  /** The review's priority: `"expedited"` reviews are decided faster than `"standard"` ones. */
  priority: Priority | null;
  /** The expert reviewer's credentials, as the letter lists them. */
  reviewer: {
    /** States where the reviewer is licensed ("California"). */
    licensure: string[];
    /** Board certifications and specialties ("Family Practice"). */
    specialties: string[];
  };
  /** The clinical case summary, after its fixed lead-in sentence. */
  caseSummary: TextField | null;
  /** From the summary's first mention of the injured worker ("a 52 year old female"). */
  patient: {
    /** Age in years. */
    age: number | null;
    /** Sex, as the summary gives it. */
    sex: Sex | null;
  };
  /** Each disputed item, in the letter's order. */
  decisions: Decision[];
  /** Where each plain value above came from. */
  sources: Sources;
  /** What could not be read or placed, worst first within the letter's order. */
  diagnostics: Diagnostic[];
}
