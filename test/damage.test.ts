/**
 * The damage suite (issue 10, "never silently wrong"): every operation of
 * `support/damage.ts`, at every place it applies (a capped, evenly spread sample where
 * there are many), on the letters the tests compose and, when the shared corpus is there,
 * on every corpus letter and seed. For each damaged text:
 *
 * - `parseDetermination` does not throw, and its result passes `IMRDeterminationSchema`
 *   with every span inside the input;
 * - no diagnostic spans the whole text (a fallback span says nothing about where);
 * - the fields the scorer compares are the undamaged letter's, or the result carries an
 *   `error` diagnostic the undamaged one did not have. Damage that loses nothing must
 *   give the same fields and no new error. Inserted text must be read into one field or
 *   lie inside a diagnostic's span, and the fields, less that text, must be the same.
 *   A header value damaged into one that is not of its kind must be reported (an error),
 *   even when the old value can be guessed from it.
 *
 * Failures are grouped by operation (one test each) and by what went wrong, with a few
 * examples: the source, the site, and where the fields part.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMRDeterminationSchema, parseDetermination, type Guideline, type IMRDetermination } from "../src/index.js";
import { letter, rewrite } from "./fixtures/compose.js";
import { DENSE_INPUTS } from "../bench/linear.mjs";
import { DAMAGES, paginate, type Damage } from "./support/damage.js";

// --- The letters -------------------------------------------------------------------------

/** Letters composed with invented prose, in the renderings the operations meet. */
const COMPOSED: Record<string, string> = {
  standard: paginate(letter()),
  partial: paginate(
    letter({
      header: { caseNumber: "CM18-0000533", assigned: "05/14/2018", injury: "01/09/2016", decision: "06/12/2018", urDenial: "04/20/2018", received: "05/02/2018", priority: "Expedited" },
      credentials: { licensure: ["California", "Oregon"], specialties: ["Orthopedic Surgery", "Sports Medicine"] },
      summary:
        "The injured worker is a 44 year old male who twisted his right knee stepping off an invented loading ramp on 01/09/2016. " +
        "He has had a brace, a course of therapy and two injections, with swelling that returns after long shifts. " +
        "The examination showed a mild effusion and tenderness at the medial joint line, with a stable ligament examination. " +
        "The treating physician asked for more therapy, an injection and a knee sleeve; utilization review allowed part of the therapy.",
      decisions: [
        {
          item: "Physical therapy for the right knee, four sessions",
          partial: { original: "Physical therapy for the right knee, twelve sessions", authorized: "Physical therapy for the right knee, eight sessions" },
          maximus:
            "Decision based on MTUS Knee Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine.",
        },
        {
          item: "Knee sleeve, one unit",
          outcome: "Overturned",
          partial: { original: "Knee sleeves, two units", authorized: "one knee sleeve", form: "leaving" },
          claimsAdministrator: "The Claims Administrator did not cite any medical evidence for its decision.",
        },
        {
          item: "Corticosteroid injection of the right knee under ultrasound guidance",
          outcomeOnNextLine: true,
          maximus: "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee and Leg Chapter.",
        },
        {
          item:
            "Aquatic therapy for the right knee and the lower back, eight sessions over four weeks with a home program and a fitting for a neoprene sleeve",
          rationale:
            "The invented record describes a plateau after land therapy and a wish to keep working. A short course in water can bridge to " +
            "independent exercise, and the request is limited in length. It is medically necessary.",
        },
      ],
    }),
  ),
  older: rewrite.seedStyle(
    letter({
      header: false,
      credentials: { sentence: true, specialties: ["Physical Medicine and Rehabilitation"], subspecialty: "Pain Medicine", licensure: ["California", "Nevada"] },
      summary:
        "The patient is a 39 year old female who hurt her lower back lifting invented boxes of tiles. She has had medication and " +
        "therapy, and reports pain rated six out of ten. The examination found spasm and a reduced range of motion.",
      decisions: [
        {
          item: "Cyclobenzaprine 7.5mg #60",
          claimsAdministrator: "Decision based on MTUS Chronic Pain Treatment Guidelines.",
          maximus: "Decision based on MTUS Chronic Pain Treatment Guidelines Muscle Relaxants Page(s): 63-66.",
        },
        { item: "Follow-up visit", outcome: "Overturned" },
      ],
    }),
  ),
  layout: paginate(letter({ layout: true })),
};

/** Another case, for the operations that mix two letters. */
const COMPOSED_OTHER = paginate(
  letter({
    header: { caseNumber: "CM18-0000923", assigned: "08/01/2018", injury: "03/15/2017", decision: "08/29/2018", urDenial: "07/10/2018", received: "07/19/2018" },
    summary:
      "The injured worker is a 61 year old male who strained his neck moving invented shelving. He has had therapy and " +
      "medication, and the examination showed a limited range of motion without weakness. An MRI and a TENS unit were requested.",
    decisions: [
      { item: "MRI of the cervical spine without contrast", maximus: "Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies." },
      { item: "TENS unit for home use", outcome: "Overturned" },
      { item: "Topical cream, one tube" },
    ],
  }),
);

const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus");
const present = existsSync(join(corpus, "letters", "raw"));
if (!present) console.warn(`damage suite on the corpus skipped: ${corpus} is absent (it sits beside the project in development only)`);

interface Source {
  name: string;
  text: string;
  other: string;
}

function corpusLetters(): Source[] {
  const sources: Source[] = [];
  for (const dir of [join(corpus, "letters", "raw"), join(corpus, "seeds")]) {
    const files = readdirSync(dir).sort();
    const texts = files.map((f) => readFileSync(join(dir, f), "utf8"));
    // Each letter's "other letter" is the next one of its folder.
    files.forEach((f, i) => sources.push({ name: f, text: texts[i]!, other: texts[(i + 1) % texts.length]! }));
  }
  return sources;
}

// --- What is compared --------------------------------------------------------------------

/** The scorer's canonical text: all whitespace removed. */
const canon = (s: string | null | undefined) => (s === null || s === undefined ? null : s.replace(/\s+/g, ""));

function guideline(g: Guideline | null) {
  if (g === null) return null;
  return {
    text: canon(g.text),
    basis: g.basis,
    citations: g.citations.map((c) =>
      c.source === "MTUS"
        ? { source: c.source, guideline: canon(c.guideline), year: c.year, sections: canon(c.sections), pages: canon(c.pages) }
        : { source: c.source, reference: canon(c.reference) },
    ),
  };
}

/** The fields the scorer compares, without spans or diagnostics. */
function fields(r: IMRDetermination) {
  return {
    caseNumber: canon(r.caseNumber),
    dates: { ...r.dates },
    priority: r.priority,
    reviewer: { licensure: r.reviewer.licensure.map(canon), specialties: r.reviewer.specialties.map(canon) },
    caseSummary: canon(r.caseSummary?.text),
    patient: { ...r.patient },
    decisions: r.decisions.map((d) => ({
      treatment: canon(d.treatment?.text),
      originalRequest: canon(d.originalRequest?.text),
      authorized: canon(d.authorized?.text),
      outcome: d.outcome,
      claimsAdministratorGuideline: guideline(d.claimsAdministratorGuideline),
      reviewerGuideline: guideline(d.reviewerGuideline),
      rationale: canon(d.rationale?.text),
    })),
  };
}
type Fields = ReturnType<typeof fields>;

/** The first path where two values differ, with both values; null when they are equal. */
function firstDifference(expected: unknown, actual: unknown, path = ""): { path: string; expected: unknown; actual: unknown } | null {
  if (Object.is(expected, actual)) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return { path: `${path}.length`, expected: expected.length, actual: actual.length };
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}.${i}`);
      if (d) return d;
    }
    return null;
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object" && !Array.isArray(expected) && !Array.isArray(actual)) {
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const d = firstDifference((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return { path, expected, actual };
}

/**
 * Removes inserted text (canonical form) from every string of the fields, and says which
 * fields held it (a field is a top-level key or one decision's key: "decisions.2.rationale").
 * A field that drops its final full stop, or a separator, by convention (a Non-MTUS
 * reference, an authorized item before ", leaving …") and now ends in the inserted sentence
 * has lost that sentence's stop instead: the field's own stop or comma, now before the
 * sentence, goes with it.
 */
function withoutInserted(f: Fields, inserted: readonly string[]): { fields: Fields; holders: Set<string> } {
  const needles = inserted.map((s) => canon(s)!);
  const holders = new Set<string>();
  const walk = (v: unknown, path: string[]): unknown => {
    if (typeof v === "string") {
      const held = (path[0] === "decisions" ? path.slice(0, 3) : path.slice(0, 2)).join(".");
      const needle = needles.find((n) => v.includes(n));
      if (needle === undefined) {
        const unstopped = needles.find((n) => n.endsWith(".") && v.endsWith(n.slice(0, -1)));
        if (unstopped === undefined) return v;
        holders.add(held);
        return v.slice(0, v.length - unstopped.length + 1).replace(/[.,;]$/, "");
      }
      holders.add(held);
      const rest = v.split(needle).join("");
      return v.endsWith(needle) ? rest.replace(/[,;]$/, "") : rest;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, String(i)]));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  return { fields: walk(f, []) as Fields, holders };
}

const errorCounts = (r: IMRDetermination) => {
  const counts = new Map<string, number>();
  for (const d of r.diagnostics) if (d.severity === "error") counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
};
const allCounts = (r: IMRDetermination) => {
  const counts = new Map<string, number>();
  for (const d of r.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
};
/** Codes that occur more often in `after` than in `before`. */
const added = (before: Map<string, number>, after: Map<string, number>) => [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code]) => code);

/** Every span in a result (any object with numeric start and end). */
function spansOf(v: unknown, out: { start: number; end: number }[] = []): { start: number; end: number }[] {
  if (Array.isArray(v)) for (const x of v) spansOf(x, out);
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.line === "number") out.push(o as { start: number; end: number });
    else for (const x of Object.values(o)) spansOf(x, out);
  }
  return out;
}

// --- Checking one damaged text -------------------------------------------------------------

interface Baseline {
  fields: Fields;
  errors: Map<string, number>;
  all: Map<string, number>;
}

function baseline(text: string): Baseline {
  const r = parseDetermination(text);
  return { fields: fields(r), errors: errorCounts(r), all: allCounts(r) };
}

/** What went wrong: a kind (for grouping) and a detail (for the examples). */
interface Problem {
  kind: string;
  detail: string;
}

const clip = (v: unknown) => {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
};

/** Two values side by side; two long texts as a window around where they part. */
function contrast(expected: unknown, actual: unknown): string {
  if (typeof expected !== "string" || typeof actual !== "string") return `${clip(expected)} → ${clip(actual)}`;
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const window = (s: string) => `${at > 30 ? "…" : ""}${JSON.stringify(s.slice(Math.max(0, at - 30), at + 40))}${at + 40 < s.length ? "…" : ""}`;
  return `${window(expected)} → ${window(actual)}`;
}
/** "decisions.3.rationale" → "decisions[].rationale", so failures group by field. */
const fieldGroup = (path: string) => path.replace(/\.\d+(?=\.|$)/g, "[]");

/** Everything that is wrong with the result for one damaged text (nothing: an empty list). */
function check(op: Damage, damaged: string, base: Baseline): Problem[] {
  let result: IMRDetermination;
  try {
    result = parseDetermination(damaged);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ kind: `threw ${message.replace(/'[^']*'/g, "'…'").slice(0, 90)}`, detail: message.slice(0, 120) }];
  }
  const problems: Problem[] = [];
  const parsed = IMRDeterminationSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    problems.push({ kind: `schema: ${fieldGroup(issue.path.join("."))} ${issue.message}`, detail: `${issue.path.join(".")}: ${issue.message}` });
  }
  const outside = spansOf(result).find((s) => s.start < 0 || s.end < s.start || s.end > damaged.length);
  if (outside) problems.push({ kind: "span outside the input", detail: clip(outside) });

  const contentStart = damaged.search(/\S/);
  const contentEnd = damaged.trimEnd().length;
  if (damaged.trim().includes("\n")) {
    for (const d of result.diagnostics) {
      if (d.span.start <= contentStart && d.span.end >= contentEnd) problems.push({ kind: `diagnostic spans the whole input (${d.code})`, detail: clip(d.message) });
    }
  }

  const newErrors = added(base.errors, errorCounts(result));
  const newDiagnostics = added(base.all, allCounts(result));
  let actual = fields(result);
  let holders = new Set<string>();
  if (op.inserted) ({ fields: actual, holders } = withoutInserted(actual, op.inserted));
  for (const key of op.ignore ?? []) actual[key] = base.fields[key];
  if (op.patientMayBeNull && newDiagnostics.length > 0) {
    // Null and a diagnostic is the documented answer to an ambiguous patient sentence.
    if (actual.patient.age === null) actual.patient.age = base.fields.patient.age;
    if (actual.patient.sex === null) actual.patient.sex = base.fields.patient.sex;
  }
  const difference = firstDifference(base.fields, actual);
  const where = difference ? `${difference.path}: ${contrast(difference.expected, difference.actual)}` : "";

  if (op.losesNothing) {
    if (difference) {
      const flagged = newErrors.length ? ` (with error ${newErrors.join(", ")})` : "";
      problems.push({ kind: `read differently${flagged}: ${fieldGroup(difference.path)}`, detail: where });
    } else if (newErrors.length) problems.push({ kind: `read the same but reported an error: ${newErrors.join(", ")}`, detail: newErrors.join(", ") });
    return problems;
  }
  if (newErrors.length > 0) return problems;
  if (difference) problems.push({ kind: `silently wrong: ${fieldGroup(difference.path)}`, detail: where });
  else if (op.mustReport) problems.push({ kind: "an invalid value read as the old one, no error", detail: "the fields are the undamaged letter's, guessed" });
  else if (op.inserted) {
    if (holders.size > 1) problems.push({ kind: "inserted text read into several fields", detail: [...holders].join(", ") });
    if (holders.size === 0) {
      const inserted = op.inserted.find((s) => damaged.includes(s))!;
      const at = damaged.indexOf(inserted);
      const reported = result.diagnostics.some((d) => d.span.start <= at && d.span.end >= at + inserted.length);
      if (!reported) problems.push({ kind: "inserted text vanished (in no field, no diagnostic)", detail: clip(inserted) });
    }
  }
  return problems;
}

// --- Running an operation over letters -------------------------------------------------------

/** Up to `cap` site indexes out of `n`, evenly spread. */
function sample(n: number, cap: number): number[] {
  if (n <= cap) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: cap }, (_, k) => Math.floor((k * n) / cap));
}

interface Tally {
  damaged: number;
  failed: number;
  /** Problems by kind (a text can have several): how many, and the first few examples. */
  kinds: Map<string, { count: number; examples: string[] }>;
}

function run(op: Damage, sources: readonly Source[], baselines: Map<string, Baseline>, cap: number): Tally {
  const tally: Tally = { damaged: 0, failed: 0, kinds: new Map() };
  for (const source of sources) {
    const context = { other: source.other };
    const sites = op.sites(source.text, context);
    for (const index of sample(sites, cap)) {
      const damaged = op.apply(source.text, index, context);
      if (damaged === null) continue;
      tally.damaged++;
      let base = baselines.get(source.name);
      if (!base) baselines.set(source.name, (base = baseline(source.text)));
      const problems = check(op, damaged, base);
      if (problems.length === 0) continue;
      tally.failed++;
      for (const problem of problems) {
        const entry = tally.kinds.get(problem.kind) ?? { count: 0, examples: [] };
        entry.count++;
        if (entry.examples.length < 3) entry.examples.push(`${source.name} [${op.where(source.text, index, context) || `site ${index}`}] ${problem.detail}`);
        tally.kinds.set(problem.kind, entry);
      }
    }
  }
  return tally;
}

function report(op: Damage, what: string, tally: Tally): string {
  const lines = [`${op.name} on ${what}: ${tally.failed} of ${tally.damaged} damaged texts fail (${op.losesNothing ? "must read the same" : "must read the same or report an error"}).`];
  lines.push(`  ${op.description}`);
  const kinds = [...tally.kinds].sort((a, b) => b[1].count - a[1].count);
  for (const [kind, { count, examples }] of kinds) {
    lines.push(`  ${count} × ${kind}`);
    for (const e of examples) lines.push(`      ${e}`);
  }
  return lines.join("\n");
}

// Sites per letter and operation: all of them on the composed letters; on the corpus an
// evenly spread sample keeps the whole file to a few seconds per thousand letters.
const COMPOSED_CAP = 400;
const CORPUS_CAP = 16;

describe("damage to the composed letters", () => {
  const sources = Object.entries(COMPOSED).map(([name, text]) => ({ name, text, other: COMPOSED_OTHER }));
  const baselines = new Map<string, Baseline>();

  it("the undamaged composed letters read without diagnostics", () => {
    for (const { name, text } of sources) {
      expect(parseDetermination(text).diagnostics.filter((d) => d.code !== "missing-case-header"), name).toEqual([]);
    }
  });

  it.each(DAMAGES.map((op) => [op.name, op] as const))("%s", (_name, op) => {
    const tally = run(op, sources, baselines, COMPOSED_CAP);
    expect(tally.failed, report(op, "the composed letters", tally)).toBe(0);
  });

  it("every operation applies to some composed letter", () => {
    const unused = DAMAGES.filter((op) => sources.every((s) => op.sites(s.text, { other: s.other }) === 0)).map((op) => op.name);
    expect(unused).toEqual([]);
  });
});

describe.skipIf(!present)("damage to the corpus letters and seeds", () => {
  const sources = present ? corpusLetters() : [];
  const baselines = new Map<string, Baseline>();

  it.each(DAMAGES.map((op) => [op.name, op] as const))("%s", (_name, op) => {
    const tally = run(op, sources, baselines, CORPUS_CAP);
    expect(tally.failed, report(op, `${sources.length} corpus letters`, tally)).toBe(0);
  });
});

describe("phrase-dense input of about 200 KB (the linear-time bench's constructions)", () => {
  it.each(Object.entries(DENSE_INPUTS))("%s: no throw, a result the schema accepts", (_name, make) => {
    const text = make(200_000);
    expect(text.length).toBeGreaterThan(150_000);
    const result = parseDetermination(text);
    expect(() => IMRDeterminationSchema.parse(result)).not.toThrow();
  });
});
