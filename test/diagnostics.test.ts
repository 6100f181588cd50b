/**
 * Bad input: every class gets a result that passes the schema, `null`s where nothing
 * could be read, and diagnostics with a stable code and a position. Nothing throws.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, IMRDeterminationSchema, IMRParseError, parseDetermination } from "../src/index.js";
import { letter, summarySection } from "./fixtures/compose.js";

function parse(text: string) {
  const r = parseDetermination(text);
  IMRDeterminationSchema.parse(r);
  return r;
}

const EMPTY_FIELDS = {
  caseNumber: null,
  priority: null,
  caseSummary: null,
  patient: { age: null, sex: null },
  reviewer: { licensure: [], specialties: [] },
  decisions: [],
};

describe("input that is not a letter", () => {
  it("an empty string", () => {
    const r = parse("");
    expect(r).toMatchObject(EMPTY_FIELDS);
    expect(r.diagnostics).toMatchObject([{ code: "empty-input", severity: "error", line: 1, column: 1 }]);
  });

  it("only whitespace", () => {
    expect(parse(" \n\r\n\t\f ").diagnostics.map((d) => d.code)).toEqual(["empty-input"]);
  });

  it.each([
    ["a different kind of letter", "Dear Ms. Rivera,\n\nThank you for your order of March 3. Your invoice is enclosed.\n\nSincerely,\nAccounts"],
    ["a spreadsheet dump", "id,name,amount\n1,alpha,3.50\n2,beta,4.75\n3,gamma,1.00\n"],
    ["source code", "function f(x) {\n  return x * 2; // Upheld: no\n}\n"],
  ])("%s", (_name, text) => {
    const r = parse(text);
    expect(r).toMatchObject(EMPTY_FIELDS);
    // The verdict points at the start; the text itself is reported where it stands.
    expect(r.diagnostics[0]).toMatchObject({ code: "not-a-determination-letter", severity: "error", span: { start: 0, end: 0 } });
    expect(r.diagnostics.slice(1).every((d) => d.code === "unplaced-text" && d.span.end > d.span.start && d.span.end - d.span.start < text.length + 1)).toBe(true);
  });

  it("binary noise", () => {
    let seed = 7;
    const noise = Array.from({ length: 20_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)).join("");
    const r = parse(noise);
    expect(r.decisions).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === "not-a-determination-letter")).toBe(true);
  });
});

describe("damaged letters", () => {
  it("truncated mid-decision: what was read, and an error for what is missing", () => {
    const text = letter();
    const r = parse(text.slice(0, text.lastIndexOf("Claims Administrator guideline:") + 40));
    expect(r.caseNumber).toBe("CM19-0000417");
    expect(r.decisions).toHaveLength(2);
    // Cut inside "Decision based on …": the paragraph's one word is no citation, and the decision lacks its last two paragraphs.
    expect(r.diagnostics.map((d) => d.code)).toEqual(["incomplete-decision", "unplaced-decision-text"]);
  });

  it("truncated before any decision", () => {
    const text = letter();
    const r = parse(text.slice(0, text.indexOf("IMR ISSUES")));
    expect(r.caseSummary).not.toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["no-decisions"]);
  });

  it("a letter repeated: the first is read, the rest is another letter's, reported and left out", () => {
    const one = letter();
    const r = parse(one.repeat(3));
    expect(r.decisions).toHaveLength(2);
    expect(r.diagnostics).toMatchObject([{ code: "another-letter", severity: "error", span: { start: one.length, end: one.length * 3 } }]);
  });

  it("text outside any part is reported with its position", () => {
    const text = letter().replace("CLINICAL CASE SUMMARY", "Page 2 of 3 (stamped: RECEIVED)\nCLINICAL CASE SUMMARY");
    const r = parse(text);
    const d = r.diagnostics.find((x) => x.code === "unplaced-text")!;
    expect(d.message).toContain("Page 2 of 3");
    expect(text.slice(d.span.start, d.span.end)).toBe("Page 2 of 3 (stamped: RECEIVED)");
    expect(d.line).toBe(text.slice(0, d.span.start).split("\n").length);
  });

  it("messages quote a passage shortly, however long it is", () => {
    const item = "Zephyr widget fitting ".repeat(10_000).trim();
    const r = parse(letter({ decisions: [{ item }, { item }] }));
    expect(r.decisions[0]!.treatment?.text).toBe(item);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["unknown-service", "duplicate-decision"]));
    for (const d of r.diagnostics) expect(d.message.length, d.code).toBeLessThan(300);
    expect(r.diagnostics.find((d) => d.code === "unknown-service")!.message).toContain('"Zephyr widget fitting Zephyr widget fitting Zephyr widget…"');
  });

  it("a section given twice: a duplicate when the words are the same however spaced, a conflict otherwise", () => {
    const summary = "The injured worker is a 41 year old male who bruised his shin on a crate of invented quinces. He was given a brace.";
    const section = summarySection(summary);
    const twice = (copy: string) => parse(letter({ summary }).replace(section, `${section}\n${copy}`));
    const codes = (copy: string) => twice(copy).diagnostics.map((d) => d.code).filter((c) => c.endsWith("-section"));
    expect(codes(section)).toEqual(["duplicate-section"]);
    expect(codes(` ${section.replace(/\n/g, "   \n\t").replace(/ /g, "  ")} `)).toEqual(["duplicate-section"]);
    expect(codes(section.replace("bruised", "grazed"))).toEqual(["conflicting-section"]);
    expect(codes(section.replace(" He was given a brace.", ""))).toEqual(["conflicting-section"]);
    expect(codes(section.replace("a crate", "acrate"))).toEqual(["conflicting-section"]);
    expect(twice(section.replace("bruised", "grazed")).caseSummary?.text).toContain("bruised");
  });

  it("a decision whose section heading was lost is still read, with a warning", () => {
    const text = letter().replace("IMR ISSUES, DECISIONS AND RATIONALES\n", "").replace(/The Final Determination was based[^\n]*\n/, "");
    const r = parse(text);
    expect(r.decisions.map((d) => d.treatment?.text)).toEqual(["MRI of the left wrist without contrast", "Physical therapy for the left wrist, six sessions"]);
    expect(r.diagnostics.every((d) => d.code === "decision-outside-section")).toBe(true);
  });
});

describe("strict mode", () => {
  it("throws an IMRParseError carrying the diagnostics and the partial result", () => {
    let error: unknown;
    try {
      parseDetermination("Dear Ms. Rivera, your order shipped.", { strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IMRParseError);
    const e = error as IMRParseError;
    expect(e.diagnostics[0]!.code).toBe("not-a-determination-letter");
    expect(e.result.decisions).toEqual([]);
    expect(e.message).toMatch(/^1:1 not-a-determination-letter: /);
  });

  it("does not throw for warnings", () => {
    expect(() => parseDetermination(letter({ header: false }), { strict: true })).not.toThrow();
  });

  it("rejects a non-string argument as a programming error", () => {
    expect(() => parseDetermination(42 as unknown as string)).toThrow(TypeError);
  });
});

describe("the diagnostic codes", () => {
  it("come in the order of the places they point at, whatever order they were found in", () => {
    const text = letter({ header: { assigned: "02/30/2019" } })
      .replace("CLINICAL CASE SUMMARY", "Stamped: RECEIVED\nCLINICAL CASE SUMMARY");
    const cut = text.slice(0, text.lastIndexOf("MAXIMUS guideline:"));
    const r = parse(cut);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["invalid-header-value", "unplaced-text", "incomplete-decision"]);
    const starts = r.diagnostics.map((d) => d.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("each is documented with an example and what to do about it", () => {
    const doc = readFileSync(new URL("../docs/diagnostics.md", import.meta.url), "utf8");
    for (const code of DIAGNOSTIC_CODES) {
      const section = doc.split(/^### /m).find((s) => s.startsWith(`\`${code}\``));
      expect(section, `docs/diagnostics.md has a section for ${code}`).toBeDefined();
      expect(section).toMatch(/```/);
      expect(section).toMatch(/What to do/);
    }
  });
});
