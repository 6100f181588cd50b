/**
 * Properties that hold for any input: no throw, a result the schema accepts, and every
 * letter and digit placed in a field or the boilerplate or reported in a diagnostic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IMRDeterminationSchema, parseDetermination } from "../src/index.js";
import { letter, rewrite } from "./fixtures/compose.js";
import { applyEdits, lineEdits } from "./support/edits.js";
import { placement } from "./support/placement.js";

// A fixed seed keeps `npm test` repeatable; FC_SEED=<n> and FC_RUNS=<n> explore further.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122), numRuns: Number(process.env.FC_RUNS ?? 200) });

function holds(input: string): void {
  const p = placement(input);
  IMRDeterminationSchema.parse(p.result);
  expect(p.lost, `lost text: ${p.lostSamples.join(" | ")}`).toBe(0);
}

const base = letter({
  decisions: [
    { item: "Knee brace", maximus: "Decision based on MTUS Knee Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016." },
    { item: "Home exercise kit", outcome: "Overturned", partial: { original: "Two home exercise kits", authorized: "One home exercise kit" } },
    { item: "Ice pack", outcomeOnNextLine: true },
  ],
});
/** A composed letter with random edits (see `support/edits.ts`). */
const editedLetter = lineEdits.map((edits) => applyEdits(base, edits));

describe("any input", () => {
  it("arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), holds));
  });

  it("arbitrary strings of letter-like words", () => {
    const word = fc.constantFrom("Upheld", ":", "Overturned", "Case Number:", "Decision rationale:", "MAXIMUS guideline:", "Claims Administrator guideline:", "was the original request.", "is:", "\n", " ", "CLINICAL CASE SUMMARY", "Decision based on MTUS", "Section(s):", "2004", ", and", "Knee Complaints", "x", ".");
    fc.assert(fc.property(fc.array(word, { maxLength: 80 }).map((ws) => ws.join(" ")), holds));
  });

  it("composed letters with random edits", () => {
    fc.assert(fc.property(editedLetter, holds));
  });

  it("composed letters with random edits, through every extraction rewrite", () => {
    const rewrites = [rewrite.crlf, rewrite.seedStyle, rewrite.mojibake, rewrite.formFeeds, (t: string) => rewrite.pageHeaders(t)];
    fc.assert(fc.property(editedLetter, fc.constantFrom(...rewrites), (text, change) => holds(change(text))));
  });

  it("the unedited letter puts everything in fields or boilerplate", () => {
    const p = placement(base);
    expect(p.reported).toBe(0);
    expect(p.lost).toBe(0);
    expect(p.result.diagnostics).toEqual([]);
  });
});

describe("worst cases finish and report", () => {
  it("100,000 lines that look like decision headings", () => {
    const r = parseDetermination("Acupuncture: Upheld\n".repeat(100_000));
    IMRDeterminationSchema.parse(r);
    expect(r.diagnostics.some((d) => d.code === "not-a-determination-letter")).toBe(true);
  });

  it("a 2 MB single line", () => {
    const r = parseDetermination("the knee was stiff and ".repeat(90_000));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["not-a-determination-letter", "unplaced-text"]);
  });

  it("a letter repeated 1,000 times", () => {
    const r = parseDetermination(base.repeat(1000));
    expect(r.decisions).toHaveLength(3);
    expect(r.diagnostics.filter((d) => d.code === "another-letter")).toHaveLength(1);
  });

  it("a table row continued by an indented row of 300,000 words", () => {
    // pdftotext -layout: a row with a column gap, then an indented row under its second cell.
    const r = parseDetermination(`Zephyr   quince\n         ${"lantern ".repeat(300_000)}\n`);
    IMRDeterminationSchema.parse(r);
    expect(r.diagnostics.some((d) => d.code === "not-a-determination-letter")).toBe(true);
  });

  it("300,000 empty pages between two pages of text", () => {
    const r = parseDetermination(`${letter()}\f${"\f".repeat(300_000)}${letter()}`);
    IMRDeterminationSchema.parse(r);
    expect(r.diagnostics.filter((d) => d.code === "empty-page")).toHaveLength(51);
  });

  it("2,000,000 pages ended by form feeds alone, with no line break in them (4 MB)", () => {
    // Each page is a line: finding its end must not search the rest of the text for a line break.
    const r = parseDetermination(`Zephyr\n\f${"a\f".repeat(2_000_000)}quince\n`);
    IMRDeterminationSchema.parse(r);
    expect(r.diagnostics.some((d) => d.code === "not-a-determination-letter")).toBe(true);
  });

  it("50,000 pages of one length, each different (3 MB)", () => {
    // A page is looked up among the earlier ones by its text, not compared with each.
    const page = (i: number) => `Zephyr quince lantern number ${String(i).padStart(6, "0")} was filed in triplicate.\n\f`;
    const pages = Array.from({ length: 50_000 }, (_, i) => page(i));
    const r = parseDetermination([...pages, page(7)].join(""));
    IMRDeterminationSchema.parse(r);
    expect(r.diagnostics.filter((d) => d.code === "duplicate-page")).toHaveLength(1);
  });

  it("80,000 decisions of one treatment, each different (4 MB)", () => {
    // A decision is looked up among the earlier ones by its words, not compared with each.
    const decision = (i: number) => `Knee brace: Upheld\nDecision rationale: Zephyr quince ${i}.\n`;
    const decisions = Array.from({ length: 80_000 }, (_, i) => decision(i));
    const r = parseDetermination(`IMR ISSUES, DECISIONS AND RATIONALES\n${decisions.join("")}${decision(7)}`);
    IMRDeterminationSchema.parse(r);
    expect(r.decisions).toHaveLength(80_000);
    expect(r.diagnostics.filter((d) => d.code === "duplicate-decision")).toHaveLength(1);
  });

  it("NUL bytes and lone surrogates", () => {
    const text = letter({ summary: "The worker is a 40 year old male\u0000 with a sore\u0000\u0000 knee \ud800 and a stiff \udc00 back." });
    const r = parseDetermination(text);
    IMRDeterminationSchema.parse(r);
    expect(r.patient).toEqual({ age: 40, sex: "male" });
    expect(r.caseSummary!.text).toBe("The worker is a 40 year old male with a sore knee \ufffd and a stiff \ufffd back.");
    expect(new Set(r.diagnostics.map((d) => d.code))).toEqual(new Set(["control-characters", "invalid-characters"]));
  });
});
