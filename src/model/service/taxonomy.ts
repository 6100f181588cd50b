/**
 * What kind of care a disputed item is, in the categories the Division of Workers'
 * Compensation's annual IMR reports and the industry's IMR studies count by. The schema's
 * enums, the classifier's vocabulary and docs/services.md all use these lists.
 */

/**
 * The service categories, in the order of the DWC's IMR reports (`other` last).
 *
 * @example
 * ```ts
 * import { SERVICE_CATEGORIES } from "imr-determination";
 * SERVICE_CATEGORIES.includes("dmepos"); // true: durable medical equipment, prosthetics, orthotics, supplies
 * ```
 */
export const SERVICE_CATEGORIES = [
  "pharmaceutical",
  "rehabilitation",
  "diagnostic",
  "evaluation-management",
  "injection",
  "dmepos",
  "surgery",
  "behavioral-health",
  "program",
  "home-health",
  "other",
] as const;

/**
 * One of {@link SERVICE_CATEGORIES}.
 *
 * @example
 * ```ts
 * import type { ServiceCategory } from "imr-determination";
 * const procedures: ServiceCategory[] = ["injection", "surgery"];
 * ```
 */
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/**
 * The drug classes within pharmaceuticals. `topical-analgesic` is a manufactured product
 * for the skin (lidocaine patch, diclofenac gel); `compound` is made by a compounding
 * pharmacy (two or more active ingredients, one in a form no manufacturer sells, the
 * compounding kits and oral suspensions); `nsaid` is oral.
 *
 * @example
 * ```ts
 * import { DRUG_CLASSES } from "imr-determination";
 * DRUG_CLASSES.includes("medical-food"); // true
 * ```
 */
export const DRUG_CLASSES = [
  "opioid",
  "topical-analgesic",
  "compound",
  "muscle-relaxant",
  "nsaid",
  "anticonvulsant",
  "antidepressant",
  "gastrointestinal",
  "sleep-aid",
  "anxiolytic",
  "medical-food",
  "other",
] as const;

/**
 * One of {@link DRUG_CLASSES}.
 *
 * @example
 * ```ts
 * import type { DrugClass } from "imr-determination";
 * const sedating: DrugClass[] = ["sleep-aid", "anxiolytic", "muscle-relaxant"];
 * ```
 */
export type DrugClass = (typeof DRUG_CLASSES)[number];
