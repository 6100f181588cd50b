// The floor the parser is measured against: what the least a program must do to find a
// letter's parts: the section headings with indexOf and the decision lines with one
// regular expression, nothing else (no normalizing, no fields, no diagnostics).
const HEADINGS = [
  "HOW THE IMR FINAL DETERMINATION WAS MADE",
  "CLINICAL CASE SUMMARY",
  "IMR ISSUES, DECISIONS AND RATIONALES",
  "Decision rationale:",
];
const DECISION_LINE = /^(.+): (Upheld|Overturned)$/gm;

export function naiveParse(text) {
  const headings = HEADINGS.map((h) => text.indexOf(h));
  const decisions = [];
  for (const m of text.matchAll(DECISION_LINE)) decisions.push({ treatment: m[1], outcome: m[2] });
  return { headings, decisions };
}
