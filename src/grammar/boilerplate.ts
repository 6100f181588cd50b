/**
 * The template's fixed wording that is more than a heading or a label: the sentences of
 * "HOW THE IMR FINAL DETERMINATION WAS MADE" and the clinical summary's lead-in. They are
 * the same in every letter (an expert or a physician reviewer; "items/Service" or
 * "items/services"), so knowing them tells the boilerplate from text that does not belong
 * there, which the model reports instead of dropping.
 */

/** The reviewer is named "expert reviewer" (2014 on) or "physician reviewer" (2013–2014). */
const REVIEWER = ["expert reviewer", "physician reviewer"];
/** The article before it. */
const A_REVIEWER = ["an expert reviewer", "a physician reviewer"];

/** The sentences of "HOW THE IMR FINAL DETERMINATION WAS MADE", in their order, each with every known spelling. */
const HOW_SENTENCES: readonly (readonly string[])[] = [
  A_REVIEWER.map((r) => `MAXIMUS Federal Services sent the complete case file to ${r}.`),
  ["He/she has no affiliation with the employer, employee, providers or the claims administrator."],
  ["He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice."],
  REVIEWER.flatMap((r) =>
    ["items/Service.", "items/services.", "items/service."].map(
      (items) =>
        `The ${r} was selected based on his/her clinical experience, education, background, and expertise in the same or ` +
        `similar specialties that evaluate and/or treat the medical condition and disputed ${items}`,
    ),
  ),
  ["He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations."],
];

/** Every known spelling of every sentence of the section. */
export const HOW_BOILERPLATE: readonly string[] = HOW_SENTENCES.flat();

/** The section as letters print it, whole, every spelling (line breaks as spaces). */
export const HOW_SECTIONS: readonly string[] = HOW_SENTENCES.reduce<string[]>(
  (sections, spellings) => sections.flatMap((s) => spellings.map((t) => (s ? `${s} ${t}` : t))),
  [""],
);

/** Their lengths: most texts differ in length from all of them, and are turned away at once. */
const HOW_SECTION_LENGTHS = new Set(HOW_SECTIONS.map((s) => s.length));

/**
 * Whether a section's text (normalized: words apart by one space or line break) is the
 * section as letters print it, nothing but boilerplate: what its grammar would find, told
 * without running it. Compared whole, natively.
 */
export function isPrintedHowSection(text: string): boolean {
  if (!HOW_SECTION_LENGTHS.has(text.length)) return false;
  // Not looked up in a set: hashing a long string costs more than a few comparisons.
  const flat = text.replaceAll("\n", " ");
  return HOW_SECTIONS.includes(flat);
}

/** The clinical case summary's lead-in, as the letters word it. */
export const SUMMARY_LEAD_IN_WORDINGS: readonly string[] = [
  "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:",
];
