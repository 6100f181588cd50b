/**
 * The closed vocabularies of a letter, each in one place: the documented union that the
 * reference and editors show, and the zod enum the schema checks it with (a type-level
 * test keeps the two equal). The AST, the model and the public types all take them from here.
 */
import * as z from "zod/mini";

/**
 * What the IMR reviewer decided about a disputed treatment.
 *
 * @example
 * ```ts
 * import type { Outcome } from "imr-determination";
 * const denied = (o: Outcome) => o === "upheld";
 * ```
 */
export type Outcome =
  /** The utilization review denial stands: the treatment is not found medically necessary. */
  | "upheld"
  /** The utilization review denial is reversed: the treatment is found medically necessary. */
  | "overturned";
export const OutcomeSchema = z.enum(["upheld", "overturned"]);

/**
 * What a guideline paragraph rests on.
 *
 * @example
 * ```ts
 * import type { GuidelineBasis } from "imr-determination";
 * const wentOutside = (b: GuidelineBasis) => b === "outside-mtus";
 * ```
 */
export type GuidelineBasis =
  /** The MTUS: the paragraph cites MTUS guidelines (and perhaps others beside them). */
  | "mtus"
  /** Recommendations outside the MTUS: the paragraph says the decision rests on them. */
  | "outside-mtus"
  /** Nothing: the paragraph says no medical evidence was cited. */
  | "none";
export const GuidelineBasisSchema = z.enum(["mtus", "outside-mtus", "none"]);

/**
 * How bad a diagnostic is. Every value of a result is either what the letter says, or an
 * `error` diagnostic covers it.
 *
 * @example
 * ```ts
 * import type { Diagnostic, Severity } from "imr-determination";
 * const worst = (ds: Diagnostic[]): Severity | null => (ds.some((d) => d.severity === "error") ? "error" : ds.length ? "warning" : null);
 * ```
 */
export type Severity =
  /** A value the letter should give is missing, cut short, or may be wrong. */
  | "error"
  /** Something was repaired, repeated or left out; every value is still right. */
  | "warning"
  /** A note. */
  | "info";
export const SeveritySchema = z.enum(["error", "warning", "info"]);

/**
 * The review's priority, from the case header: expedited reviews are decided faster.
 *
 * @example
 * ```ts
 * const expedited = letters.filter((d) => d.priority === ("expedited" satisfies Priority));
 * ```
 */
export type Priority = "standard" | "expedited";
export const PrioritySchema = z.enum(["standard", "expedited"]);

/**
 * The injured worker's sex, as the summary gives it.
 *
 * @example
 * ```ts
 * const women = letters.filter((d) => d.patient.sex === ("female" satisfies Sex));
 * ```
 */
export type Sex = "male" | "female";
export const SexSchema = z.enum(["male", "female"]);
