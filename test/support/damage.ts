/**
 * Realistic damage to a letter's text: what extraction, transmission and careless or
 * hostile editing do to it. Every operation is a pure, deterministic function of the
 * text, a site index and (for the operations that mix two letters) another letter.
 *
 * The operations work on the text as `pdftotext -raw` writes it (lines, a form feed
 * `\f` before the first line of each page and after the last page), on the seeds'
 * rendering (a blank line after every line, trailing spaces) and on the letters the
 * tests compose. They find the template's parts by its fixed wording (headings, labels,
 * lead-ins, the outcome closing a decision heading), never by asking the parser.
 *
 * An operation says whether it loses information (`losesNothing`): when it does not,
 * the parser must read the damaged text exactly as the undamaged one; when it does,
 * the parser must read it the same or report an `error`. Insertions name the text they
 * insert (`inserted`): it must land in a field or in a diagnostic's span, and the
 * fields must otherwise stay the same.
 */

/** What an operation may use besides the text. */
export interface DamageContext {
  /** Another letter of another case, for the operations that mix two letters. */
  other: string;
}

export interface Damage {
  name: string;
  description: string;
  /** The damaged text still says everything the letter said: the result must be the same. */
  losesNothing: boolean;
  /** For insertions, the text inserted (one of these): it must be read into a field or reported, and nothing else may change. */
  inserted?: readonly string[];
  /**
   * The damage leaves a value that is not one of its kind (a case number or date that is
   * not exactly one): the result must carry a new error even if it happens to guess the
   * old value from it ("211/09/2016" read as 11/09/2016).
   */
  mustReport?: boolean;
  /** Fields the damage rewrites on purpose, left out of the comparison (the summary whose age was changed). */
  ignore?: readonly "caseSummary"[];
  /**
   * Patient age and sex may become null (with a diagnostic) instead of keeping their
   * value: issue 10 asks for null and a warning when the patient sentence is ambiguous.
   */
  patientMayBeNull?: boolean;
  /** How many places the damage applies at in `text` (0: not applicable). */
  sites(text: string, context: DamageContext): number;
  /** `text` damaged at site `index` (0 ≤ index < sites), or null when that site does not apply. */
  apply(text: string, index: number, context: DamageContext): string | null;
  /** Where site `index` is, in a few words, for failure messages ("decision-rationale, line 46"). */
  where(text: string, index: number, context: DamageContext): string;
}

// --- Reading the text's structure ------------------------------------------------------

/** One line of the text: `start`/`end` bound it (without its `\n`); `from`/`to` its content without form feeds or edge spaces. */
export interface Line {
  start: number;
  end: number;
  from: number;
  to: number;
  text: string;
}

export type SectionKind =
  | "case-header"
  | "section-heading"
  | "how-boilerplate"
  | "credentials"
  | "summary-lead-in"
  | "summary"
  | "issues-lead-in"
  | "decision-heading"
  | "claims-administrator-guideline"
  | "maximus-guideline"
  | "decision-rationale"
  | "other";

/** A decision heading: its lines, and where its outcome word and the colon before it are. */
export interface Heading {
  firstLine: number;
  lastLine: number;
  /** Offset of the colon before the outcome (in "… is: Upheld" too). */
  colon: number;
  outcomeStart: number;
  outcomeEnd: number;
  outcome: "Upheld" | "Overturned";
}

/** One instance of a part of the letter: its kind and its lines (indexes into `lines`). */
export interface Section {
  kind: SectionKind;
  lines: number[];
}

export interface Page {
  start: number;
  end: number;
}

export interface LetterStructure {
  lines: Line[];
  /** Characters in a full line of prose (the 90th percentile of line lengths). */
  width: number;
  kinds: SectionKind[];
  sections: Section[];
  headings: Heading[];
  /** The `\f`-delimited pages that hold text (a trailing empty segment after the last form feed is not a page). */
  pages: Page[];
  caseNumber: string | null;
  /** Offset where the body starts ("HOW THE IMR FINAL DETERMINATION WAS MADE"), or 0. */
  bodyStart: number;
}

const SECTION_HEADING = /^(?:HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES)$/;
const CREDENTIAL_LINE = /^(?:The Expert Reviewer has the following credentials:|State\(s\) of Licensure:|Certification\(s\)\/Specialty:)/;
const SUMMARY_LEAD_IN = /^The expert reviewer developed the following clinical case summary/;
const ISSUES_LEAD_IN = /^The Final Determination was based on decisions/;
const LABELS: [RegExp, SectionKind][] = [
  [/^Claims Administrator guideline:/, "claims-administrator-guideline"],
  [/^MAXIMUS guideline:/, "maximus-guideline"],
  [/^Decision rationale:/, "decision-rationale"],
];
const DECISION_LABEL = /^(?:Claims Administrator guideline:|MAXIMUS guideline:|Decision rationale:)/;
/** A line that ends a decision heading: the outcome after a colon, or alone after a line ending in a colon. */
const OUTCOME_AT_END = /:\s*(Upheld|Overturned)\.?$/;
const OUTCOME_ALONE = /^(Upheld|Overturned)\.?$/;
const PARTIAL_PHRASE_AT_END = /(?:was the original request\.|by the Claims Administrator\.|IMR eligible\.|original request,|authorized)$/;
const SENTENCE_END = /[.!?]["')\]\u201d]?$/;
const CASE_NUMBER = /Case Number:[ \t]*(CM\d{2}-\d{7})\b/;

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let from = start;
    while (from < end && (text[from] === "\f" || text[from] === " " || text[from] === "\r")) from++;
    let to = end;
    while (to > from && (text[to - 1] === " " || text[to - 1] === "\r" || text[to - 1] === "\f")) to--;
    lines.push({ start, end, from, to, text: text.slice(from, to) });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

function percentileWidth(lines: readonly Line[]): number {
  const lengths = lines.map((l) => l.text.length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

let cached: { text: string; structure: LetterStructure } | null = null;

/** The structure of a letter's text (the last one asked about is cached: operations ask once per site). */
export function structureOf(text: string): LetterStructure {
  if (cached?.text === text) return cached.structure;
  const lines = readLines(text);
  const width = percentileWidth(lines);
  const next = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text) return j;
    return -1;
  };
  const previous = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (lines[j]!.text) return j;
    return -1;
  };

  // Decision headings: a line that closes with the outcome, followed by a decision label
  // (or the end of the text), and the lines before it that run on into it.
  const headings: Heading[] = [];
  const inHeading = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const alone = OUTCOME_ALONE.exec(line.text);
    const atEnd = OUTCOME_AT_END.exec(line.text);
    if (!alone && !atEnd) continue;
    const after = next(i);
    if (after >= 0 && !DECISION_LABEL.test(lines[after]!.text)) continue;
    let first = i;
    let colon: number;
    if (alone) {
      const before = previous(i);
      if (before < 0 || !lines[before]!.text.endsWith(":")) continue;
      first = before;
      colon = lines[before]!.to - 1;
    } else {
      colon = line.from + line.text.lastIndexOf(":", atEnd!.index + 1);
    }
    for (let before = previous(first); before >= 0; before = previous(first)) {
      const t = lines[before]!.text;
      if (inHeading.has(before) || DECISION_LABEL.test(t) || SECTION_HEADING.test(t) || ISSUES_LEAD_IN.test(t)) break;
      // A stray mis-encoded character after a full stop does not make the sentence run on.
      const runsOn = (t.length >= width * 0.6 && !SENTENCE_END.test(t.replace(/[^\x20-\x7e]+$/, "").trimEnd())) || PARTIAL_PHRASE_AT_END.test(t);
      if (!runsOn) break;
      first = before;
    }
    const word = (alone ?? atEnd)![1] as "Upheld" | "Overturned";
    const outcomeStart = line.from + line.text.lastIndexOf(word);
    headings.push({ firstLine: first, lastLine: i, colon, outcomeStart, outcomeEnd: outcomeStart + word.length, outcome: word });
    for (let j = first; j <= i; j++) inHeading.add(j);
  }

  // Each line's part of the letter, in reading order. `current` is the part being read.
  const kinds: SectionKind[] = [];
  const sections: Section[] = [];
  const open = (kind: SectionKind): Section => {
    const section: Section = { kind, lines: [] };
    sections.push(section);
    return section;
  };
  let current: Section = open(CASE_NUMBER.test(text.slice(0, 200)) ? "case-header" : "other");
  let leadInOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) {
      kinds.push(current.kind);
      continue;
    }
    if (SECTION_HEADING.test(t)) {
      open("section-heading").lines.push(i);
      kinds.push("section-heading");
      current = open(t.startsWith("HOW") ? "how-boilerplate" : t.startsWith("CLINICAL") ? "summary-lead-in" : "other");
      continue;
    }
    const label = LABELS.find(([re]) => re.test(t));
    if (headings.some((h) => h.firstLine === i)) current = open("decision-heading");
    else if (inHeading.has(i)) {
      // The heading's further lines.
    } else if (CREDENTIAL_LINE.test(t)) {
      if (current.kind !== "credentials") current = open("credentials");
    } else if (SUMMARY_LEAD_IN.test(t)) {
      if (current.kind !== "summary-lead-in" || current.lines.length > 0) current = open("summary-lead-in");
      leadInOpen = true;
    } else if (ISSUES_LEAD_IN.test(t)) {
      current = open("issues-lead-in");
      leadInOpen = true;
    } else if (label) current = open(label[1]);
    else if (current.kind === "decision-heading" || (current.kind === "summary-lead-in" && !leadInOpen)) {
      // Prose after a heading belongs to no part; after the summary heading it is the summary.
      current = open(current.kind === "summary-lead-in" ? "summary" : "other");
    }
    kinds.push(current.kind);
    current.lines.push(i);
    if (leadInOpen && t.endsWith(":")) {
      // The lead-in ends at its colon; the summary, or the decisions, follow.
      leadInOpen = false;
      current = open(current.kind === "summary-lead-in" ? "summary" : "other");
    }
  }

  const pages: Page[] = [];
  let pageStart = 0;
  for (let at = text.indexOf("\f"); ; at = text.indexOf("\f", at + 1)) {
    const end = at < 0 ? text.length : at;
    if (at >= 0 || text.slice(pageStart).trim() !== "") pages.push({ start: pageStart, end });
    if (at < 0) break;
    pageStart = at + 1;
  }
  const how = text.indexOf("HOW THE IMR FINAL DETERMINATION WAS MADE");
  const structure: LetterStructure = {
    lines,
    width,
    kinds,
    sections: sections.filter((s) => s.lines.length > 0),
    headings,
    pages,
    caseNumber: CASE_NUMBER.exec(text)?.[1] ?? null,
    bodyStart: Math.max(0, how),
  };
  cached = { text, structure };
  return structure;
}

/** The running header every page after the first carries, with the letter's own case number when it has one. */
export function pageHeader(caseNumber: string | null): string {
  return caseNumber ? `Final Determination Letter for IMR Case Number ${caseNumber}` : "Final Determination Letter for IMR Case Number";
}

/** Pages as `pdftotext` ends them: a form feed before every `linesPerPage`-th line and one after the last page. */
export function paginate(text: string, linesPerPage = 24): string {
  const lines = text.replace(/\n+$/, "").split("\n");
  return `${lines.map((l, i) => (i > 0 && i % linesPerPage === 0 ? `\f${l}` : l)).join("\n")}\n\f`;
}

const replaceRange = (text: string, start: number, end: number, by: string) => text.slice(0, start) + by + text.slice(end);
const insertAt = (text: string, at: number, what: string) => text.slice(0, at) + what + text.slice(at);
const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** A small deterministic generator (mulberry32), so that "random" sites repeat from run to run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A damage that applies at each of a list of sites computed from the text. */
function atSites<T>(
  spec: Omit<Damage, "sites" | "apply" | "where">,
  find: (text: string, s: LetterStructure, context: DamageContext) => T[],
  damage: (text: string, site: T, s: LetterStructure, context: DamageContext) => string | null,
  where: (site: T, s: LetterStructure, text: string) => string = (site) => (typeof site === "number" || typeof site === "string" ? String(site) : ""),
): Damage {
  return {
    ...spec,
    sites: (text, context) => find(text, structureOf(text), context).length,
    where(text, index, context) {
      const s = structureOf(text);
      const site = find(text, s, context)[index];
      return site === undefined ? "" : where(site, s, text);
    },
    apply(text, index, context) {
      const s = structureOf(text);
      const site = find(text, s, context)[index];
      if (site === undefined) return null;
      const damaged = damage(text, site, s, context);
      return damaged === text ? null : damaged;
    },
  };
}

/** A damage with one site. */
function once(spec: Omit<Damage, "sites" | "apply" | "where">, damage: (text: string, s: LetterStructure, context: DamageContext) => string | null): Damage {
  return atSites(spec, () => [0], (text, _site, s, context) => damage(text, s, context), () => "");
}

// --- Invented text the insertions use --------------------------------------------------

/** A sentence of invented prose: no template wording, no sex, age, date or colon in it. */
export const INVENTED_SENTENCE = "Zephyr quince lanterns were filed in triplicate.";
/** The running page header's words quoted in a rationale, with a case number that is not the letter's. */
export const QUOTED_PAGE_HEADER = "The earlier Final Determination Letter for IMR Case Number CM15-0104417 was also read.";
export const QUOTED_PAGE_HEADER_AT_LINE_START = "Final Determination Letter for IMR Case Number CM15-0104417 was also read.";
/** A decision heading for an invented item. */
export const INVENTED_HEADING = "Invented thumb splint for the left hand: Upheld";

// --- Decision headings -----------------------------------------------------------------

const outcomeDamage = (name: string, description: string, damage: (text: string, h: Heading) => string | null) =>
  atSites({ name, description, losesNothing: false }, (_t, s) => s.headings, (text, h) => damage(text, h), (h) => `heading on line ${h.lastLine + 1}`);

const OUTCOME_OPERATIONS: Damage[] = [
  outcomeDamage("outcome-dropped", 'A decision heading without its outcome: "MRI of the knee: Upheld" becomes "MRI of the knee".', (text, h) =>
    replaceRange(text, h.colon, h.outcomeEnd, ""),
  ),
  outcomeDamage("outcome-word-removed", 'A decision heading whose outcome word is gone, leaving "MRI of the knee:".', (text, h) =>
    replaceRange(text, h.colon + 1, h.outcomeEnd, ""),
  ),
  outcomeDamage("outcome-misspelled", 'The outcome word misspelled: "Uphled", "Overturnd".', (text, h) =>
    replaceRange(text, h.outcomeStart, h.outcomeEnd, h.outcome === "Upheld" ? "Uphled" : "Overturnd"),
  ),
  outcomeDamage("two-outcomes", 'Two outcomes on one heading: "MRI of the knee: Overturned: Upheld".', (text, h) =>
    insertAt(text, h.colon + 1, h.outcome === "Upheld" ? " Overturned:" : " Upheld:"),
  ),
  atSites(
    { name: "heading-without-paragraphs", description: "A decision heading line with no guideline or rationale after it, before each heading and at the end.", losesNothing: false },
    (_t, s) => [...s.headings.map((h) => s.lines[h.firstLine]!.from), -1],
    (text, at) => {
      if (at >= 0) return insertAt(text, at, `${INVENTED_HEADING}\n`);
      const end = text.trimEnd().length;
      return insertAt(text, end, `\n${INVENTED_HEADING}`);
    },
    (at, _s, text) => (at < 0 ? "at the end" : `before line ${text.slice(0, at).split("\n").length}`),
  ),
];

/** Where to split a heading: after its first one or two words (short), or at a line break inside it (full). */
function headingSplits(s: LetterStructure, full: boolean): number[] {
  const at: number[] = [];
  for (const h of s.headings) {
    if (full) {
      // A page break at a line break inside a wrapped heading, after a full first line.
      for (let i = h.firstLine; i < h.lastLine; i++) {
        const line = s.lines[i]!;
        if (line.text && line.text.length >= s.width * 0.6) {
          at.push(line.to);
          break;
        }
      }
    } else {
      const line = s.lines[h.firstLine]!;
      const words = [...line.text.matchAll(/ +/g)].map((m) => line.from + m.index);
      // Leave at least one word before the outcome on the second part.
      const stop = h.firstLine === h.lastLine ? h.colon : line.to;
      const cuts = words.filter((w) => w < stop);
      const cut = cuts.length >= 3 ? cuts[1] : cuts.length >= 1 ? cuts[0] : undefined;
      if (cut !== undefined) at.push(cut);
    }
  }
  return at;
}

function splitHeading(name: string, full: boolean, kind: "form-feed" | "page-header" | "form-feed-and-page-header"): Damage {
  const part = full ? "after a full first line (a page break at the heading's own line break)" : "after its first words (a short first part)";
  const how =
    kind === "form-feed" ? "a form feed" : kind === "page-header" ? "a running page header line with the letter's own case number" : "a form feed and a running page header line";
  return atSites(
    {
      name,
      description: `A decision heading split by ${how}, ${part}.`,
      // A page break where the heading wraps anyway is how a real letter prints; a break
      // after a short first part is not, and may be read either way or reported.
      losesNothing: full,
    },
    (_t, s) => headingSplits(s, full),
    (text, at, s) => {
      const header = pageHeader(s.caseNumber);
      // `at` is a space inside a line or the end of a line: the break replaces it.
      const end = text[at] === " " ? at + 1 : text[at] === "\n" ? at + 1 : at;
      const brk = kind === "form-feed" ? "\n\f" : kind === "page-header" ? `\n${header}\n` : `\n\f${header}\n`;
      return replaceRange(text, at, end, brk);
    },
    (at, _s, text) => `line ${text.slice(0, at).split("\n").length}`,
  );
}

const HEADING_SPLIT_OPERATIONS: Damage[] = [
  splitHeading("heading-split-short/form-feed", false, "form-feed"),
  splitHeading("heading-split-short/page-header", false, "page-header"),
  splitHeading("heading-split-short/form-feed-and-page-header", false, "form-feed-and-page-header"),
  splitHeading("heading-split-full/form-feed", true, "form-feed"),
  splitHeading("heading-split-full/page-header", true, "page-header"),
  splitHeading("heading-split-full/form-feed-and-page-header", true, "form-feed-and-page-header"),
];

// --- Pages and letters -----------------------------------------------------------------

const textPages = (s: LetterStructure, text: string) => s.pages.filter((p) => text.slice(p.start, p.end).trim() !== "");

const PAGE_OPERATIONS: Damage[] = [
  atSites(
    { name: "page-duplicated-in-place", description: "A page extracted twice: the page repeated right after itself.", losesNothing: false },
    (text, s) => (s.pages.length > 1 ? textPages(s, text) : []),
    (text, p) => insertAt(text, p.end, `\f${text.slice(p.start, p.end)}`),
    (p, s) => `page ${s.pages.indexOf(p) + 1} of ${s.pages.length}`,
  ),
  atSites(
    { name: "page-duplicated-elsewhere", description: "A page repeated after the page that follows it.", losesNothing: false },
    (text, s) => {
      const pages = s.pages.length > 1 ? textPages(s, text) : [];
      return pages.slice(0, -1).map((p, i) => ({ page: p, after: pages[i + 1]! }));
    },
    (text, { page, after }) => insertAt(text, after.end, `\f${text.slice(page.start, page.end)}`),
    ({ page }, s) => `page ${s.pages.indexOf(page) + 1} of ${s.pages.length}`,
  ),
  atSites(
    {
      name: "page-dropped",
      description:
        "A page whose text the extraction lost: its form feed stays, so an empty page stands where it was (any page but the last one with text, whose loss the text cannot show).",
      losesNothing: false,
    },
    (text, s) => (s.pages.length > 1 ? textPages(s, text).slice(0, -1) : []),
    (text, p) => replaceRange(text, p.start, p.end, ""),
    (p, s) => `page ${s.pages.indexOf(p) + 1} of ${s.pages.length}`,
  ),
  atSites(
    {
      name: "other-letter-pages-appended",
      description: "Another letter's decision pages appended, each with that letter's own running page header (from its first decision page; its last page only).",
      losesNothing: false,
    },
    (_text, s, { other }) => {
      const o = structureOf(other);
      if (!s.caseNumber || !o.caseNumber || o.caseNumber === s.caseNumber || o.headings.length === 0) return [];
      const pages = textPages(o, other);
      const headingAt = o.lines[o.headings[0]!.firstLine]!.from;
      const first = pages.findIndex((p) => p.end > headingAt);
      const sites = [pages.slice(first)];
      if (first < pages.length - 1) sites.push(pages.slice(-1));
      return sites.map((ps) => ps.map((p) => `${pageHeader(o.caseNumber)}\n${other.slice(p.start, p.end)}`));
    },
    (text, pages) => `${text.replace(/\f?\s*$/, "")}\n\f${pages.join("\f")}\f`,
    (pages) => `${pages.length} page(s)`,
  ),
  once({ name: "letters-concatenated", description: "Two whole letters of two cases in one text.", losesNothing: false }, (text, _s, { other }) =>
    other === text ? null : `${text.replace(/\s*$/, "")}\n${text.includes("\f") ? "\f" : ""}${other}`,
  ),
];

// --- Cuts -----------------------------------------------------------------------------

// The template's labels, headings and lead-ins: the text is cut right after each.
const CUT_AFTER: RegExp[] = [
  /^[\f ]*Case Number:/gm,
  /Date Assigned:/g,
  /Date of Injury:/g,
  /Decision Date:/g,
  /UR Denial Date:/g,
  /^[\f ]*Priority:/gm,
  /Application\s+Received:/g,
  /^[\f ]*HOW THE IMR FINAL DETERMINATION WAS MADE/gm,
  /^[\f ]*The Expert Reviewer has the following credentials:/gm,
  /^[\f ]*State\(s\) of Licensure:/gm,
  /^[\f ]*Certification\(s\)\/Specialty:/gm,
  /Board\s+Certified\s+in/g,
  /has\s+a\s+subspecialty\s+in/g,
  /is\s+licensed\s+to\s+practice\s+in/g,
  /^[\f ]*CLINICAL CASE SUMMARY/gm,
  /^[\f ]*The expert reviewer developed the following clinical case summary[^:]*:/gm,
  /^[\f ]*IMR ISSUES, DECISIONS AND RATIONALES/gm,
  /^[\f ]*The Final Determination was based on decisions[^:]*:/gm,
  /was\s+the\s+original\s+request\./g,
  /was\s+authorized\s+by\s+the\s+Claims\s+Administrator\./g,
  /The\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request,/g,
  /The\s+Claims\s+Administrator\s+authorized/g,
  /leaving\s+the\s+original\s+request\s+IMR\s+eligible\./g,
  /The\s+original\s+request,/g,
  /^[\f ]*Claims Administrator guideline:/gm,
  /^[\f ]*MAXIMUS guideline:/gm,
  /^[\f ]*Decision rationale:/gm,
  /Decision\s+based\s+on\s+(?:Non-\s*)?MTUS/g,
  /Section\(s\):/g,
];

function labelCuts(text: string, s: LetterStructure): number[] {
  const at = new Set<number>();
  for (const re of CUT_AFTER) for (const m of text.matchAll(re)) at.add(m.index + m[0].length);
  for (const h of s.headings) at.add(h.outcomeEnd);
  return [...at].sort((a, b) => a - b);
}

const CUT_OPERATIONS: Damage[] = [
  atSites(
    { name: "cut-after-label", description: "The text ends right after a label, heading, lead-in or phrase of the template (one case per place), or after a decision heading's outcome.", losesNothing: false },
    labelCuts,
    (text, at) => text.slice(0, at),
    (at, _s, text) => `after ${JSON.stringify(text.slice(Math.max(0, at - 24), at).replace(/^\S*\s/, "").replace(/\s+/g, " "))}`,
  ),
  atSites(
    { name: "cut-at-random-point", description: "The text ends at a random point inside a word (a download or extraction cut short).", losesNothing: false },
    (text) => {
      const next = random(text.length);
      const at = new Set<number>();
      for (let k = 0; k < 12; k++) {
        let p = 1 + Math.floor(next() * (text.length - 2));
        while (p < text.length && !(isWord(text[p - 1]) && isWord(text[p]))) p++;
        if (p < text.length) at.add(p);
      }
      return [...at].sort((a, b) => a - b);
    },
    (text, at) => text.slice(0, at),
    (at, s, text) => {
      const line = text.slice(0, at).split("\n").length - 1;
      return `${s.kinds[line]}, line ${line + 1}`;
    },
  ),
];

// --- Insertions -------------------------------------------------------------------------

/** The lines to insert at: the first and the middle line of every part of the letter. */
function insertionLines(s: LetterStructure): number[] {
  const at: number[] = [];
  for (const section of s.sections) {
    const lines = section.lines.filter((i) => s.lines[i]!.text !== "");
    if (lines.length === 0) continue;
    at.push(lines[0]!);
    if (lines.length >= 3) at.push(lines[Math.floor(lines.length / 2)]!);
  }
  return at;
}

/** The space nearest the middle of a line, or -1. */
function middleSpace(text: string, line: Line): number {
  const mid = (line.from + line.to) >> 1;
  let best = -1;
  for (let i = line.from + 1; i < line.to - 1; i++) {
    if (text[i] === " " && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  return best;
}

type Place = "line-start" | "mid-line" | "own-line";

function insertInLine(text: string, line: Line, what: string, place: Place): string | null {
  if (place === "line-start") return insertAt(text, line.from, `${what} `);
  if (place === "own-line") return insertAt(text, line.from, `${what}\n`);
  const space = middleSpace(text, line);
  return space < 0 ? null : insertAt(text, space + 1, `${what} `);
}

function insertProse(place: Place): Damage {
  const where = place === "line-start" ? "at the start of a line" : place === "mid-line" ? "in the middle of a line" : "as a line of its own";
  return atSites(
    {
      name: `prose-inserted/${place}`,
      description: `A sentence of invented prose inserted ${where}, in every part of the letter (case header, boilerplate, credentials, lead-ins, summary, headings, guidelines, rationales).`,
      losesNothing: false,
      inserted: [INVENTED_SENTENCE],
    },
    (_t, s) => insertionLines(s),
    (text, i, s) => insertInLine(text, s.lines[i]!, INVENTED_SENTENCE, place),
    (i, s) => `${s.kinds[i]}, line ${i + 1}`,
  );
}

function quotedPageHeader(place: "mid-line" | "line-start"): Damage {
  const what = place === "mid-line" ? QUOTED_PAGE_HEADER : QUOTED_PAGE_HEADER_AT_LINE_START;
  return atSites(
    {
      name: `page-header-quoted-in-rationale/${place}`,
      description: `The running page header's words, with another case number, quoted in a rationale ${place === "mid-line" ? "in the middle of its first line" : "at the start of its second line"}.`,
      losesNothing: false,
      inserted: [what],
    },
    (_t, s) =>
      s.sections
        .filter((sec) => sec.kind === "decision-rationale")
        .map((sec) => sec.lines.filter((i) => s.lines[i]!.text !== "")[place === "mid-line" ? 0 : 1])
        .filter((i): i is number => i !== undefined),
    (text, i, s) => insertInLine(text, s.lines[i]!, what, place),
    (i, s) => `${s.kinds[i]}, line ${i + 1}`,
  );
}

const INSERT_OPERATIONS: Damage[] = [
  insertProse("line-start"),
  insertProse("mid-line"),
  insertProse("own-line"),
  quotedPageHeader("mid-line"),
  quotedPageHeader("line-start"),
];

// --- The case header --------------------------------------------------------------------

type HeaderField = "caseNumber" | "assigned" | "injury" | "decision" | "urDenial" | "priority" | "received";
const DATE = String.raw`\d{1,2}/\d{1,2}/\d{4}`;
const HEADER_VALUE: Record<HeaderField, RegExp> = {
  caseNumber: /Case Number:[ \t]*(\S+)/d,
  assigned: new RegExp(String.raw`Date Assigned:[ \t]*(${DATE})`, "d"),
  injury: new RegExp(String.raw`Date of Injury:[ \t]*(${DATE})`, "d"),
  decision: new RegExp(String.raw`Decision Date:[ \t]*(${DATE})`, "d"),
  urDenial: new RegExp(String.raw`UR Denial Date:[ \t]*(${DATE})`, "d"),
  priority: /Priority:[ \t]*(Standard|Expedited)/d,
  received: new RegExp(String.raw`Received:\s*(${DATE})`, "d"),
};
const DATES: HeaderField[] = ["assigned", "injury", "decision", "urDenial", "received"];

/** Where a header value stands, in the text before the body. */
function headerValue(text: string, s: LetterStructure, field: HeaderField): { start: number; end: number; value: string } | null {
  if (s.bodyStart === 0) return null;
  const m = HEADER_VALUE[field].exec(text.slice(0, s.bodyStart));
  if (!m) return null;
  const [start, end] = m.indices![1]!;
  return { start, end, value: m[1]! };
}

function headerDamage(name: string, description: string, fields: HeaderField[], change: (value: string, field: HeaderField) => string | null): Damage {
  return atSites(
    { name, description, losesNothing: false, mustReport: true },
    (text, s) => fields.filter((f) => headerValue(text, s, f) !== null),
    (text, field, s) => {
      const v = headerValue(text, s, field)!;
      const changed = change(v.value, field);
      return changed === null ? null : replaceRange(text, v.start, v.end, changed);
    },
    (field) => field,
  );
}

const setYear = (date: string, year: string) => date.replace(/\d+$/, year);

function swapValues(text: string, s: LetterStructure, a: HeaderField, b: HeaderField): string | null {
  const va = headerValue(text, s, a);
  const vb = headerValue(text, s, b);
  if (!va || !vb || va.value === vb.value) return null;
  const [first, second] = va.start < vb.start ? [va, vb] : [vb, va];
  return text.slice(0, first.start) + second.value + text.slice(first.end, second.start) + first.value + text.slice(second.end);
}

const HEADER_OPERATIONS: Damage[] = [
  headerDamage("case-number-extra-digits", 'A case number with digits too many: "CM16-02130371234".', ["caseNumber"], (v) => (/^CM\d{2}-\d{7}$/.test(v) ? `${v}1234` : null)),
  headerDamage("case-number-wrong-prefix", 'A case number with another prefix: "XX16-…".', ["caseNumber"], (v) => (/^CM/.test(v) ? `XX${v.slice(2)}` : null)),
  headerDamage("case-number-six-digits", "A case number with six digits after the dash.", ["caseNumber"], (v) => (/^CM\d{2}-\d{7}$/.test(v) ? v.slice(0, -1) : null)),
  headerDamage("date-month-extra-digit", 'A header date with an extra digit in front: "211/09/2016".', DATES, (v) => `2${v}`),
  headerDamage("date-two-digit-year", 'A header date with a two-digit year: "11/09/69".', DATES, (v) => setYear(v, "69")),
  headerDamage("date-year-0016", "A header date in the year 0016.", DATES, (v) => setYear(v, "0016")),
  headerDamage("date-year-9999", "A header date in the year 9999.", DATES, (v) => setYear(v, "9999")),
  headerDamage("date-impossible", "A header date that does not exist: 02/30.", DATES, (v) => v.replace(/^\d{1,2}\/\d{1,2}/, "02/30")),
  headerDamage("header-value-empty", "A header label with nothing after it (case number, a date, priority).", ["caseNumber", ...DATES, "priority"], () => ""),
  atSites(
    { name: "header-values-swapped-across-columns", description: "The two values of a header row swapped (Date Assigned / Date of Injury, Decision Date / UR Denial Date, Priority / Application Received).", losesNothing: false },
    () => [["assigned", "injury"], ["decision", "urDenial"], ["priority", "received"]] as [HeaderField, HeaderField][],
    (text, [a, b], s) => swapValues(text, s, a, b),
    ([a, b]) => `${a} / ${b}`,
  ),
  atSites(
    { name: "header-dates-swapped", description: "Two header dates swapped within a column (Assigned / Decision, Injury / UR Denial, UR Denial / Received, Injury / Received).", losesNothing: false },
    () => [["assigned", "decision"], ["injury", "urDenial"], ["urDenial", "received"], ["injury", "received"]] as [HeaderField, HeaderField][],
    (text, [a, b], s) => swapValues(text, s, a, b),
    ([a, b]) => `${a} / ${b}`,
  ),
];

// --- The patient and the reviewer --------------------------------------------------------

const AGE_AND_SEX = /\b(\d{1,3})[\s-]+years?[\s-]+old[\s,]+(male|female|man|woman)\b/di;

/** The summary's first "48 year old male", with where its sentence starts and the verb before it. */
function patientSentence(text: string, s: LetterStructure) {
  const summary = s.sections.find((sec) => sec.kind === "summary");
  if (!summary) return null;
  const start = s.lines[summary.lines[0]!]!.from;
  const issues = s.sections.find((sec) => sec.kind === "issues-lead-in" || (sec.kind === "section-heading" && s.lines[sec.lines[0]!]!.text.startsWith("IMR")));
  const end = issues ? s.lines[issues.lines[0]!]!.start : text.length;
  const m = AGE_AND_SEX.exec(text.slice(start, end));
  if (!m) return null;
  const at = start + m.index;
  const before = text.slice(start, at);
  const sentence = start + Math.max(0, ...[...before.matchAll(/[.!?]\s+(?=[A-Z])/g)].map((e) => e.index + e[0].length));
  const verb = /\s(?:is|was)\s+(?:an?\s+)?(?:now\s+)?$/.exec(text.slice(sentence, at));
  const [ageStart, ageEnd] = m.indices![1]!;
  return {
    sentence,
    verb: verb ? sentence + verb.index : -1,
    ageStart: start + ageStart,
    ageEnd: start + ageEnd,
    other: /^(?:female|woman)$/i.test(m[2]!) ? "male" : "female",
  };
}

const patientDamage = (
  spec: Pick<Damage, "name" | "description" | "inserted" | "ignore">,
  damage: (text: string, p: NonNullable<ReturnType<typeof patientSentence>>) => string | null,
): Damage =>
  once({ ...spec, losesNothing: false, patientMayBeNull: true }, (text, s) => {
    const p = patientSentence(text, s);
    return p ? damage(text, p) : null;
  });

const PATIENT_OPERATIONS: Damage[] = [
  patientDamage(
    {
      name: "patient-other-sex-in-subject-clause",
      description: 'The patient sentence names someone else\'s sex first: "The injured worker, referred by a female nurse practitioner, is a 48 year old male".',
      inserted: [", referred by a male nurse practitioner,", ", referred by a female nurse practitioner,"],
    },
    (text, p) => (p.verb < 0 ? null : insertAt(text, p.verb, `, referred by a ${p.other} nurse practitioner,`)),
  ),
  patientDamage(
    {
      name: "patient-other-person-first",
      description: 'A sentence about another person, with an age and a sex, before the patient sentence: "A 61 year old female nurse practitioner referred the worker."',
      inserted: ["A 61 year old male nurse practitioner referred the worker.", "A 61 year old female nurse practitioner referred the worker."],
    },
    (text, p) => insertAt(text, p.sentence, `A 61 year old ${p.other} nurse practitioner referred the worker. `),
  ),
  patientDamage({ name: "patient-age-0", description: 'The patient is "a 0 year old".', ignore: ["caseSummary"] }, (text, p) =>
    replaceRange(text, p.ageStart, p.ageEnd, "0"),
  ),
  patientDamage({ name: "patient-age-148", description: 'The patient is "a 148 year old".', ignore: ["caseSummary"] }, (text, p) =>
    replaceRange(text, p.ageStart, p.ageEnd, "148"),
  ),
];

const LICENSED_IN = /(\s+(?:and\s+)?is\s+licensed\s+to\s+practice\s+in\s[^.]*)\./d;

const CREDENTIAL_OPERATIONS: Damage[] = [
  once(
    { name: "credential-sentence-without-licensure", description: 'The older credential sentence without "is licensed to practice in …": "The expert reviewer is Board Certified in Surgery."', losesNothing: false },
    (text) => {
      const m = /Board\s+Certified\s+in/.test(text) ? LICENSED_IN.exec(text) : null;
      return m ? replaceRange(text, m.indices![1]![0], m.indices![1]![1], "") : null;
    },
  ),
  once(
    { name: "credential-sentence-cut-at-heading", description: 'The older credential sentence ending at its specialty, the next section heading right after it: "… Board Certified in Surgery" / "CLINICAL CASE SUMMARY".', losesNothing: false },
    (text) => {
      const m = /Board\s+Certified\s+in/.test(text) ? LICENSED_IN.exec(text) : null;
      const heading = /^[\f ]*CLINICAL CASE SUMMARY/m.exec(text);
      if (!m || !heading || heading.index < m.index) return null;
      return `${text.slice(0, m.indices![1]![0])}\n${text.slice(heading.index)}`;
    },
  ),
];

// --- Renderings that lose nothing --------------------------------------------------------

const TEMPLATE_START =
  /^(?:[A-Z0-9 ,()'/&-]{4,}$|Case Number:|Date Assigned:|Decision Date:|Priority:|The Expert Reviewer has|State\(s\) of Licensure|Certification\(s\)|The expert reviewer developed|The Final Determination was based|Claims Administrator guideline|MAXIMUS guideline|Decision rationale|(?:Upheld|Overturned)\.?$)/;

/** Whether every line is followed by a blank one (the seeds' extraction). */
function isSeedStyle(text: string): boolean {
  const lines = text.split("\n");
  let odd = 0;
  for (let i = 1; i < lines.length; i += 2) if (lines[i] === "") odd++;
  return lines.length > 10 && odd >= Math.floor(lines.length / 2) - 1;
}

/** A word of a paragraph being re-wrapped. */
interface Word {
  text: string;
  /** Joined to the word before without a space: it continues a word broken after a hyphen. */
  glued: boolean;
  /** Form feeds that stood before it. */
  feeds: string;
  /** Running page headers that stood before it (furniture, not prose: they move to a line of their own). */
  headers: string[];
}

const SPLICED_PAGE_HEADER = /Final Determination Letter for IMR Case Number(?: \[?[A-Z]{2}\d{2}-\d{4,8}\]?)?/g;

/**
 * The letter as the same PDF set in another font would wrap: prose paragraphs re-wrapped
 * to `share` of the letter's width, breaking after a hyphen inside a word when the word
 * does not fit ("Non-" / "MTUS"). A paragraph is the run of lines that wrap into each
 * other (full, not ending a sentence, the next not a heading, label or outcome); headings,
 * labels and the case header keep their lines, and a form feed inside a paragraph moves
 * to the start of the next line. The words, and so every field, stay the same.
 */
export function rewrap(text: string, share: number): string {
  if (isSeedStyle(text)) {
    const lines = text.split("\n").filter((_l, i) => i % 2 === 0).map((l) => l.trimEnd());
    return rewrap(lines.join("\n"), share)
      .split("\n")
      .map((l) => `${l} \n`)
      .join("\n");
  }
  const lines = text.split("\n");
  const width = percentileWidth(readLines(text));
  const target = Math.max(30, Math.floor(width * share));
  const body = Math.max(0, lines.findIndex((l) => l.includes("HOW THE IMR FINAL DETERMINATION WAS MADE")));
  const out = lines.slice(0, body);
  let feeds = ""; // form feeds for the start of the next line written
  const emit = (line: string) => {
    out.push(feeds + line);
    feeds = "";
  };
  const wrapWords = (words: readonly Word[]) => {
    const pieces = words.flatMap((w) =>
      w.text
        .split(/(?<=[A-Za-z]-)(?=[A-Za-z0-9])/)
        .map((text, k) => ({ text, glued: k > 0 || w.glued, feeds: k === 0 ? w.feeds : "", headers: k === 0 ? w.headers : [] })),
    );
    let line = "";
    // Page breaks met inside the line being built: they come after it, before the next.
    let heldFeeds = "";
    let heldHeaders: string[] = [];
    const breakPage = () => {
      feeds += heldFeeds;
      for (const h of heldHeaders) emit(h);
      heldFeeds = "";
      heldHeaders = [];
    };
    for (const piece of pieces) {
      heldFeeds += piece.feeds;
      heldHeaders.push(...piece.headers);
      if (line === "") breakPage();
      const joined = line === "" ? piece.text : line + (piece.glued ? "" : " ") + piece.text;
      if (line !== "" && joined.length > target) {
        emit(line);
        breakPage();
        line = piece.text;
      } else line = joined;
    }
    if (line !== "") emit(line);
    breakPage();
  };
  let paragraph: Word[] = [];
  // Page breaks on lines with no prose, waiting for the paragraph's next word.
  let carried = { feeds: "", headers: [] as string[] };
  for (let i = body; i < lines.length; i++) {
    const raw = lines[i]!.replace(/[ \t\r]+$/, "");
    const leading = /^\f*/.exec(raw)![0];
    const line = raw.slice(leading.length).replace(/^ +/, "");
    const next = i + 1 < lines.length ? lines[i + 1]!.replace(/^[\f ]+|[ \t\r]+$/g, "") : "";
    const alone = paragraph.length === 0;
    // Running page headers are furniture: each goes on a line of its own at the next line break.
    const headers: string[] = [];
    const prose = line.replace(SPLICED_PAGE_HEADER, (h) => (headers.push(h), " ")).trim();
    const words = prose === "" ? [] : prose.split(/ +/);
    if (words.length === 0 && headers.length > 0) {
      if (alone) {
        feeds += leading;
        for (const h of headers) emit(h);
      } else carried = { feeds: carried.feeds + leading, headers: [...carried.headers, ...headers] };
      continue;
    }
    words.forEach((w, k) => {
      // A line ending in a hyphen runs into the next one without a space.
      const glued = k === 0 && !alone && paragraph[paragraph.length - 1]!.text.endsWith("-");
      if (k > 0) paragraph.push({ text: w, glued, feeds: "", headers: [] });
      else {
        paragraph.push({ text: w, glued, feeds: carried.feeds + leading, headers: [...carried.headers, ...headers] });
        carried = { feeds: "", headers: [] };
      }
    });
    const runsOn =
      line.length >= width * 0.6 &&
      !SENTENCE_END.test(prose) &&
      !(alone && TEMPLATE_START.test(prose) && prose.endsWith(":")) &&
      next !== "" &&
      !TEMPLATE_START.test(next) &&
      !(OUTCOME_AT_END.test(next) && next.length < width * 0.6 && /^[A-Z]/.test(next));
    if (runsOn) continue;
    if (prose === "") {
      feeds += leading;
      emit("");
    } else if (alone && headers.length === 0 && TEMPLATE_START.test(prose) && prose.length <= target) {
      feeds += leading;
      emit(prose);
    } else wrapWords(paragraph);
    paragraph = [];
  }
  if (feeds) out.push(feeds);
  return out.join("\n");
}

/** Running page headers with the letter's own case number, as spliced extractions carry them. */
function withPageHeaders(text: string, s: LetterStructure, midLine: boolean): string {
  const header = pageHeader(s.caseNumber);
  const lines = text.split("\n");
  const pageStarts = new Set<number>();
  if (text.includes("\f")) {
    lines.forEach((l, i) => {
      if (i > 0 && l.startsWith("\f") && l.replace(/\f/g, "").trim() !== "") pageStarts.add(i);
    });
  } else {
    // No page breaks in the text: a page every 31 lines.
    for (let i = 31; i < lines.length; i += 31) if (lines[i]!.trim() !== "") pageStarts.add(i);
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!pageStarts.has(i)) {
      out.push(line);
      return;
    }
    const feeds = /^\f*/.exec(line)![0];
    const rest = line.slice(feeds.length);
    if (!midLine) {
      out.push(`${feeds}${header}`, rest);
      return;
    }
    // Spliced into the middle of the line before the break, mid-sentence.
    const previous = out.pop() ?? "";
    const cut = previous.indexOf(" ", previous.length >> 1);
    if (cut < 0 || cut === previous.length - 1) out.push(previous, `${feeds}${header} ${rest}`);
    else out.push(previous.slice(0, cut + 1), `${feeds}${header} ${previous.slice(cut + 1)}`, rest);
  });
  return out.join("\n");
}

const LOSSLESS_OPERATIONS: Damage[] = [
  once({ name: "crlf", description: "CRLF line endings.", losesNothing: true }, (text) => text.replace(/\r?\n/g, "\r\n")),
  once({ name: "blank-line-after-every-line", description: "A blank line after every line.", losesNothing: true }, (text) => text.split("\n").join("\n\n")),
  once({ name: "trailing-spaces", description: "Spaces at the end of every line.", losesNothing: true }, (text) => text.split("\n").map((l) => `${l}   `).join("\n")),
  once({ name: "rewrap-narrow", description: "Prose re-wrapped to 70% of the letter's width, words broken after hyphens too.", losesNothing: true }, (text) => rewrap(text, 0.7)),
  once({ name: "rewrap-wide", description: "Prose re-wrapped to 130% of the letter's width.", losesNothing: true }, (text) => rewrap(text, 1.3)),
  once(
    { name: "section-heading-joined-with-next-line", description: "Each section heading in capitals joined with the line after it, as text re-wrapped without knowing headings puts it.", losesNothing: true },
    (text) => {
      const joined = text.replace(/^(HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES) *\n(?=\S)/gm, "$1 ");
      return joined === text ? null : joined;
    },
  ),
  once(
    { name: "page-header-lines", description: "A running page header line, with the letter's own case number, at the top of every page after the first.", losesNothing: true },
    (text, s) => withPageHeaders(text, s, false),
  ),
  once(
    { name: "page-headers-spliced", description: "The running page header, with the letter's own case number, spliced mid-sentence where each page breaks.", losesNothing: true },
    (text, s) => withPageHeaders(text, s, true),
  ),
];

/** Every damage operation, by family. */
export const DAMAGES: readonly Damage[] = [
  ...LOSSLESS_OPERATIONS,
  ...OUTCOME_OPERATIONS,
  ...HEADING_SPLIT_OPERATIONS,
  ...PAGE_OPERATIONS,
  ...CUT_OPERATIONS,
  ...INSERT_OPERATIONS,
  ...HEADER_OPERATIONS,
  ...PATIENT_OPERATIONS,
  ...CREDENTIAL_OPERATIONS,
];
