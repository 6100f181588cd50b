/**
 * The closed vocabularies of a letter, each written once as a zod enum: the public
 * schema uses the enums, and the AST and the model take their types from them.
 */
import * as z from "zod/mini";

/** A decision's outcome: `upheld` (the utilization review denial stands) or `overturned` (the item is medically necessary). */
export const OutcomeSchema = z.enum(["upheld", "overturned"]);
/**
 * A decision's outcome.
 *
 * @example
 * ```ts
 * import type { Outcome } from "imr-determination";
 * const denialStands = (o: Outcome | null) => o === "upheld";
 * ```
 */
export type Outcome = z.infer<typeof OutcomeSchema>;

/** What a guideline paragraph rests on: the MTUS, recommendations outside it, or no medical evidence. */
export const GuidelineBasisSchema = z.enum(["mtus", "outside-mtus", "none"]);
/**
 * What a guideline paragraph rests on.
 *
 * @example
 * ```ts
 * import type { GuidelineBasis } from "imr-determination";
 * const citedEvidence = (b: GuidelineBasis) => b !== "none";
 * ```
 */
export type GuidelineBasis = z.infer<typeof GuidelineBasisSchema>;

/** How bad a diagnostic is. */
export const SeveritySchema = z.enum(["error", "warning", "info"]);
/**
 * How bad a diagnostic is: an `error` means a value is missing or may be wrong; a
 * `warning` that something was repaired or left out and the values are right; `info` a note.
 *
 * @example
 * ```ts
 * import type { Diagnostic, Severity } from "imr-determination";
 * const worst = (ds: Diagnostic[]): Severity | null => (ds.some((d) => d.severity === "error") ? "error" : ds.length ? "warning" : null);
 * ```
 */
export type Severity = z.infer<typeof SeveritySchema>;

/** The review's priority, from the case header. */
export const PrioritySchema = z.enum(["standard", "expedited"]);
export type Priority = z.infer<typeof PrioritySchema>;

/** The injured worker's sex, as the summary names it. */
export const SexSchema = z.enum(["male", "female"]);
export type Sex = z.infer<typeof SexSchema>;
