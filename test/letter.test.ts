/**
 * The letter, part by part: each `describe` is one part of the template, each case a
 * letter the fixtures compose with invented prose.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMRDeterminationSchema, parseDetermination, type IMRDetermination } from "../src/index.js";
import { decision, howSection, issuesSection, layoutHeader, letter, rawHeader, rewrite, summarySection, wrap } from "./fixtures/compose.js";

function parse(text: string): IMRDetermination {
  const result = parseDetermination(text);
  IMRDeterminationSchema.parse(result);
  return result;
}

const codes = (r: IMRDetermination) => r.diagnostics.map((d) => d.code);

describe("a whole letter", () => {
  it("reads every field, with no diagnostics", () => {
    const r = parse(letter());
    expect(r.caseNumber).toBe("CM19-0000417");
    expect(r.dates).toEqual({
      assigned: "2019-03-04",
      decision: "2019-04-02",
      injury: "2017-07-21",
      urDenial: "2019-02-11",
      applicationReceived: "2019-02-25",
    });
    expect(r.priority).toBe("standard");
    expect(r.reviewer).toEqual({ licensure: ["California"], specialties: ["Family Practice"] });
    expect(r.patient).toEqual({ age: 52, sex: "female" });
    expect(r.caseSummary!.text).toMatch(/^The injured worker is a 52 year old female who strained .* which utilization review denied\.$/);
    expect(r.decisions.map((d) => [d.treatment?.text, d.outcome])).toEqual([
      ["MRI of the left wrist without contrast", "upheld"],
      ["Physical therapy for the left wrist, six sessions", "overturned"],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it.each([
    ["CRLF", rewrite.crlf],
    ["CR", rewrite.cr],
    ["blank line after every line", rewrite.seedStyle],
    ["mojibake", rewrite.mojibake],
    ["form feeds", rewrite.formFeeds],
    ["spliced page headers", (t: string) => rewrite.pageHeaders(t)],
  ])("reads the same letter after a rewrite: %s", (_name, change) => {
    const text = letter({ summary: `${"A worker’s knee — sore × 3 weeks, Flexeril® tried. ".repeat(3)}She is a 40 year old female.` });
    const strip = (r: IMRDetermination) => JSON.parse(JSON.stringify(r, (k, v) => (k === "span" || k === "sources" || k.endsWith("Span") ? undefined : v)));
    expect(strip(parse(change(text)))).toEqual(strip(parse(text)));
  });

  it("reads the layout rendering like the raw one", () => {
    const strip = (r: IMRDetermination) => JSON.parse(JSON.stringify(r, (k, v) => (k === "span" || k === "sources" || k.endsWith("Span") ? undefined : v)));
    expect(strip(parse(letter({ layout: true })))).toEqual(strip(parse(letter())));
  });
});

describe("the example letters the package ships", () => {
  // The README promises `letter.diagnostics; // []`: the demo's letters must keep it.
  const folder = join(import.meta.dirname, "..", "examples", "letters");
  it.each(readdirSync(folder))("%s reads with no diagnostic but a missing header of an older letter", (name) => {
    const r = parse(readFileSync(join(folder, name), "utf8"));
    expect(r.decisions.length).toBeGreaterThan(0);
    expect(codes(r)).toEqual(name.startsWith("older") ? ["missing-case-header"] : []);
  });
});

describe("case header", () => {
  it("reads the raw two-line label 'Application' / 'Received:' with the date on the next line", () => {
    expect(parse(letter()).dates.applicationReceived).toBe("2019-02-25");
  });

  it("reads the layout table, where the date sits between the label's two words", () => {
    const r = parse(letter({ layout: true }));
    expect(r.dates.applicationReceived).toBe("2019-02-25");
    expect(r.caseNumber).toBe("CM19-0000417");
    expect(r.priority).toBe("standard");
  });

  it("reads an expedited review", () => {
    expect(parse(letter({ header: { priority: "Expedited" } })).priority).toBe("expedited");
  });

  it("gives null and an error for a date that does not exist", () => {
    const r = parse(letter({ header: { injury: "02/30/2017" } }));
    expect(r.dates.injury).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "invalid-header-value", severity: "error", message: expect.stringContaining("Date of Injury") }]);
  });

  it.each([
    ["02/29/2016", "2016-02-29"],
    ["02/29/2000", "2000-02-29"],
    ["02/29/2017", null],
    ["02/29/1900", null],
    ["11/09/69", null],
    ["211/09/2016", null],
    ["01/01/0016", null],
  ])("reads the date of injury %s as %s (a real day, a four-digit year in range)", (injury, iso) => {
    const r = parse(letter({ header: { injury } }));
    expect(r.dates.injury).toBe(iso);
    expect(codes(r)).toEqual(iso ? [] : ["invalid-header-value"]);
  });

  it("reads a header laid out as a column of labels, then a column of values (plain pdftotext)", () => {
    const header = ["Case Number:", "Date Assigned:", "Decision Date:", "Priority:", "", "CM19-0000417", "03/04/2019", "04/02/2019", "Standard", "",
      "Date of Injury:", "UR Denial Date:", "Application", "Received:", "", "07/21/2017", "02/11/2019", "02/25/2019", ""].join("\n");
    const r = parse(letter().replace(rawHeader(), header));
    expect([r.caseNumber, r.dates.assigned, r.dates.decision, r.priority, r.dates.injury, r.dates.urDenial, r.dates.applicationReceived]).toEqual([
      "CM19-0000417", "2019-03-04", "2019-04-02", "standard", "2017-07-21", "2019-02-11", "2019-02-25",
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("gives each value of a column with a value missing nothing: the labels get null and an error", () => {
    const header = ["Case Number:", "Date Assigned:", "Decision Date:", "Priority:", "CM19-0000417", "03/04/2019", "Standard"].join("\n");
    const r = parse(letter().replace(/^[^]*?(?=HOW THE IMR)/, `${header}\n`));
    expect([r.caseNumber, r.dates.assigned, r.dates.decision, r.priority]).toEqual([null, null, null, null]);
    expect(codes(r).filter((c) => c.startsWith("missing-header")).length).toBeGreaterThan(0);
  });

  it("reports dates out of the order of a case (injury, UR denial, application, assignment, decision)", () => {
    const r = parse(letter({ header: { assigned: "04/02/2019", decision: "03/04/2019" } }));
    expect(r.dates.decision).toBe("2019-03-04");
    expect(r.diagnostics).toMatchObject([{ code: "inconsistent-header-dates", severity: "error" }]);
  });

  it("gives null when a label has no value", () => {
    const text = letter().replace("UR Denial Date: 02/11/2019", "UR Denial Date:");
    expect(parse(text).dates.urDenial).toBeNull();
  });

  it("gives null header fields and a warning when the header is missing", () => {
    const r = parse(letter({ header: false }));
    expect([r.caseNumber, r.priority, ...Object.values(r.dates)]).toEqual(Array(7).fill(null));
    expect(codes(r)).toEqual(["missing-case-header"]);
    expect(r.decisions).toHaveLength(2);
  });

  it("points each value at its place in the input", () => {
    const text = letter({ layout: true });
    const r = parse(text);
    const s = r.sources.dates.applicationReceived!;
    expect(text.slice(s.start, s.end)).toBe("02/25/2019");
    expect(s.line).toBe(4);
    expect(text.slice(r.sources.caseNumber!.start, r.sources.caseNumber!.end)).toBe("CM19-0000417");
  });

  it("takes a value only when it is exactly one: anything more makes it null, with an error", () => {
    const r = parse(letter().replace("Case Number: CM19-0000417", "Case Number: CM19-0000417 (amended)"));
    expect(r.caseNumber).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "invalid-header-value", severity: "error", message: expect.stringContaining("(amended)") }]);
  });

  it("gives a date a digit short of the header's padded dates null, with an error, and reads dates written unpadded throughout", () => {
    for (const text of [letter(), letter({ layout: true })]) {
      const r = parse(text.replace("04/02/2019", "04/2/2019"));
      expect(r.dates.decision).toBeNull();
      expect(r.diagnostics).toMatchObject([{ code: "invalid-header-value", severity: "error", message: expect.stringContaining("a digit short") }]);
    }
    const unpadded = letter({ header: { assigned: "3/4/2019", injury: "7/21/2017", decision: "4/12/2019", urDenial: "2/11/2019", received: "2/25/2019" } });
    expect(parse(unpadded).dates).toEqual({ assigned: "2019-03-04", injury: "2017-07-21", decision: "2019-04-12", urDenial: "2019-02-11", applicationReceived: "2019-02-25" });
    expect(parse(unpadded).diagnostics).toEqual([]);
  });

  it.each([
    // A word wholly of look-alikes from another alphabet is that alphabet's word (one look-alike in a Latin word is read as Latin).
    ["a word of look-alike letters", "\u0421\u0430\u0455\u0435 Number:"],
    ["a misspelling", "Case Numbr:"],
  ])("reads the rest of a header whose first label is unreadable (%s): the case number is null, with an error", (_kind, label) => {
    for (const text of [letter(), letter({ layout: true })]) {
      const r = parse(text.replace("Case Number:", label));
      expect(r.caseNumber).toBeNull();
      expect([r.dates.assigned, r.dates.injury, r.priority]).toEqual(["2019-03-04", "2017-07-21", "standard"]);
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: "missing-header-value", severity: "error", message: expect.stringContaining("Case Number") }));
    }
  });
});

describe("reviewer credentials", () => {
  it("splits the comma-separated lists", () => {
    const r = parse(letter({ credentials: { licensure: ["Texas", "New York", "California"], specialties: ["Internal Medicine", "Rheumatology"] } }));
    expect(r.reviewer).toEqual({ licensure: ["Texas", "New York", "California"], specialties: ["Internal Medicine", "Rheumatology"] });
  });

  it("joins a specialty that wraps onto the next line", () => {
    const specialties = ["Preventive Medicine", "Occupational Medicine", "Public Health & General Preventive Medicine"];
    const text = letter({ credentials: { specialties } });
    expect(text).toContain("Public Health &\nGeneral");
    expect(parse(text).reviewer.specialties).toEqual(specialties);
  });

  it("reports a section heading joined with the last specialty's line, rather than read it as the specialty", () => {
    const text = letter().replace("Family Practice\nCLINICAL CASE SUMMARY", "Family Practice CLINICAL CASE SUMMARY");
    expect(text).toContain("Specialty: Family Practice CLINICAL CASE SUMMARY\n");
    const r = parse(text);
    expect(r.reviewer.specialties).not.toContain("Family Practice CLINICAL CASE SUMMARY");
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toContain("unrecognized-reviewer-credential");
    expect(r.caseSummary?.text).toMatch(/^The injured worker is a 52 year old female/);
  });

  // A credential line runs on into the next only when it is full: after a short first part
  // ("Family", broken by a narrow column or a careless paste) the rest cannot be told from
  // stray text, so it is an error naming the credentials, not a quiet leftover.
  it("reports the rest of a specialty broken after a short first part as an error", () => {
    const r = parse(letter().replace("Specialty: Family Practice", "Specialty: Family\nPractice"));
    expect(r.reviewer.specialties).toEqual(["Family"]);
    expect(r.diagnostics).toMatchObject([{ code: "unrecognized-reviewer-credential", severity: "error", message: expect.stringContaining('"Practice"') }]);
  });

  it("reads the older sentence with a subspecialty", () => {
    const r = parse(letter({ credentials: { sentence: true, specialties: ["Physical Medicine and Rehabilitation"], subspecialty: "Pain Management", licensure: ["California", "Nevada"] } }));
    expect(r.reviewer).toEqual({ licensure: ["California", "Nevada"], specialties: ["Physical Medicine and Rehabilitation", "Pain Management"] });
  });

  it("reads the older sentence without one", () => {
    const r = parse(letter({ credentials: { sentence: true, specialties: ["Orthopedic Surgery"] } }));
    expect(r.reviewer).toEqual({ licensure: ["California"], specialties: ["Orthopedic Surgery"] });
  });
});

describe("clinical case summary", () => {
  it("starts after the lead-in sentence, whatever its wording after 'summary'", () => {
    expect(parse(letter()).caseSummary!.text.startsWith("The injured worker is a 52")).toBe(true);
  });

  it.each([
    ["a semicolon for its colon", (t: string) => t.replace("medical records:", "medical records;")],
    ["a semicolon for its colon, a colon later in the summary", (t: string) => t.replace("medical records:", "medical records;").replace("lifting crates", "lifting: crates")],
  ])("starts after a lead-in with %s, which it reports", (_kind, damage) => {
    const clean = parse(letter());
    const r = parse(damage(letter()));
    expect(r.caseSummary!.text).toBe(clean.caseSummary!.text.replace("lifting crates", r.caseSummary!.text.includes("lifting:") ? "lifting: crates" : "lifting crates"));
    expect(codes(r)).toEqual(["unplaced-text"]);
  });

  it.each([
    ["cut short at a line's end", (t: string) => t.replace(/ case file, including all medical records:\n/, "\n").replace(/review of the\ncase file, including all medical records:\n/, "review of the\n")],
    ["without its colon", (t: string) => t.replace("medical records:", "medical records")],
  ])("starts after a lead-in %s, which it reports", (_kind, damage) => {
    const damaged = damage(letter());
    expect(damaged).not.toBe(letter());
    const r = parse(damaged);
    expect(r.caseSummary!.text).toBe(parse(letter()).caseSummary!.text);
    expect(r.patient).toEqual({ age: 52, sex: "female" });
    expect(codes(r)).toEqual(["unplaced-text"]);
  });

  it("starts after a lead-in cut short when a semicolon follows in the summary's second sentence", () => {
    const clean = letter().replace("aching in the wrist", "aching; in the wrist");
    const cut = clean.replace(/review of the\ncase file, including all medical records:\n/, "review of the\n");
    expect(cut).not.toBe(clean);
    const r = parse(cut);
    expect(r.caseSummary!.text).toBe(parse(clean).caseSummary!.text);
    expect(codes(r)).toEqual(["unplaced-text"]);
  });

  it("joins a word hyphenated across lines", () => {
    const text = letter().replace("lifting crates", "lifting over-\nhead crates");
    expect(parse(text).caseSummary!.text).toContain("lifting over-head crates");
  });

  it.each([
    ["The injured worker is a 61 year old male who fell.", 61, "male"],
    ["This case involves a now 37-year-old female with a claim.", 37, "female"],
    ["This is a female patient with a date of injury of 3/21/94. Her husband is 60 years old.", null, "female"],
    ["The applicant is a 29-year-old man who slipped.", 29, "male"],
    ["The record is sparse; no age is given.", null, null],
  ])("reads the patient from %j", (summary, age, sex) => {
    expect(parse(letter({ summary })).patient).toEqual({ age, sex });
  });

  it.each([
    "The injured worker is a female, 52 years old, who fell at work.",
    "This is a female patient with a date of injury of 3/21/94. Her husband is 60 years old.",
  ])("warns when the description gives a sex and no age, and an age stands elsewhere: %j", (summary) => {
    const r = parse(letter({ summary }));
    expect(r.patient).toEqual({ age: null, sex: "female" });
    expect(r.diagnostics).toMatchObject([{ code: "unclear-patient", severity: "warning", message: expect.stringContaining("years old") }]);
  });

  it.each([
    ["The injured worker is a 33 year old female. The injured worker is a 48 year old male who fell.", null, null],
    ["The injured worker is a 33 year old female. The 48 year old female injured worker fell.", null, "female"],
    ["The injured worker is a 33 year old male who fell. Today he is a male in no distress.", 33, "male"],
  ])("gives null with a warning when the summary describes the worker two ways: %j", (summary, age, sex) => {
    const r = parse(letter({ summary }));
    expect(r.patient).toEqual({ age, sex });
    if (age === null || sex === null) expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: "unclear-patient", message: expect.stringContaining("describes the injured worker as") }));
    else expect(r.diagnostics).toEqual([]);
  });

  it("is null with a warning when the section is missing", () => {
    const r = parse(letter({ summary: false }));
    expect(r.caseSummary).toBeNull();
    expect(codes(r)).toContain("missing-section");
  });
});

describe("issues, decisions and rationales", () => {
  it("reads a heading that wraps over lines", () => {
    const item = "Electromyography and nerve conduction velocity studies of the bilateral upper extremities and the cervical paraspinal muscles";
    const r = parse(letter({ decisions: [{ item, headingWidth: 70 }] }));
    expect(r.decisions[0]!.treatment?.text).toBe(item);
  });

  it.each(["::", " :", ";:", ",:", ": :"])("leaves a separator doubled beside the heading's colon out of the treatment (%j)", (separator) => {
    const r = parse(letter({ decisions: [{ item: "Knee brace, hinged" }] }).replace("Knee brace, hinged: Upheld", `Knee brace, hinged${separator} Upheld`));
    expect(r.decisions[0]).toMatchObject({ treatment: { text: "Knee brace, hinged" }, outcome: "upheld" });
  });

  it.each(["is::", "is ::"])("leaves a separator doubled beside a partial authorization's colon out of the treatment (%j)", (separator) => {
    const partial = { original: "Acupuncture, ten sessions", authorized: "Acupuncture, six sessions" };
    const text = letter({ decisions: [{ item: "Acupuncture, four sessions", partial }] }).replace(/four sessions is: Upheld/, `four sessions ${separator} Upheld`);
    expect(text).toContain(separator);
    const d = parse(text).decisions[0]!;
    expect([d.treatment?.text, d.originalRequest?.text, d.authorized?.text, d.outcome]).toEqual(["Acupuncture, four sessions", ...Object.values(partial), "upheld"]);
  });

  it("gives treatment null with an error when the paragraph before a heading ran into it (lines joined)", () => {
    const clean = letter({ decisions: [{ item: "Knee brace", rationale: "The brace is medically necessary." }, { item: "Wrist splint" }] });
    // The heading's line joined with the paragraph's last line, a line that starts a sentence.
    const text = clean.replace(
      "Decision rationale: The brace is medically necessary.\nWrist splint: Upheld",
      "Decision rationale: The invented record shows a knee that gives way on stairs.\nThe brace is medically necessary. Wrist splint: Upheld",
    );
    expect(text).not.toBe(clean);
    const r = parse(text);
    expect(r.decisions.map((d) => [d.treatment?.text ?? null, d.outcome])).toEqual([["Knee brace", "upheld"], [null, "upheld"]]);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: "malformed-decision-heading", severity: "error", message: expect.stringContaining("holds the end of a sentence") }));
    // An abbreviation's stop is no sentence's end.
    expect(parse(letter({ decisions: [{ item: "Consultation with Dr. Ames, No. 2" }] })).decisions[0]!.treatment?.text).toBe("Consultation with Dr. Ames, No. 2");
  });

  it.each([
    ["the label doubled", "Decision rationale: Decision rationale: The brace is medically necessary."],
    ["another label inside", "Decision rationale: The brace helps. MAXIMUS guideline: The brace is medically necessary."],
  ])("flags a rationale that holds a decision's label (%s)", (_kind, paragraph) => {
    const text = letter({ decisions: [{ item: "Knee brace", rationale: "The brace is medically necessary." }] }).replace("Decision rationale: The brace is medically necessary.", paragraph);
    const r = parse(text);
    const flagged = r.diagnostics.find((d) => d.code === "unplaced-decision-text");
    expect(flagged).toMatchObject({ severity: "error", message: expect.stringContaining("holds the label") });
    expect(text.slice(flagged!.span.start, flagged!.span.end)).toMatch(/^(?:Decision rationale|MAXIMUS guideline):$/);
  });

  it("flags two decisions of one item that differ, and leaves items decided once alone", () => {
    const text = letter({ decisions: [{ item: "Knee brace" }, { item: "Wrist splint" }, { item: "knee brace", outcome: "Overturned" }] });
    const r = parse(text);
    expect(r.decisions.map((d) => d.outcome)).toEqual(["upheld", "upheld", "overturned"]);
    expect(r.diagnostics).toMatchObject([{ code: "conflicting-decision", severity: "error", message: expect.stringContaining('"knee brace"') }]);
    expect(codes(parse(letter({ decisions: [{ item: "Knee brace" }, { item: "Knee brace, hinged" }] })))).toEqual([]);
  });

  it("reads a label whose colon is typed twice as the label", () => {
    const clean = letter({ decisions: [{ item: "Knee brace", rationale: "The brace is medically necessary." }] });
    const text = clean.replace("Decision rationale:", "Decision rationale::").replace("MAXIMUS guideline:", "MAXIMUS guideline: ;");
    const [r, c] = [parse(text), parse(clean)];
    expect([r.decisions[0]!.rationale?.text, r.decisions[0]!.reviewerGuideline?.text, r.diagnostics]).toEqual([c.decisions[0]!.rationale?.text, c.decisions[0]!.reviewerGuideline?.text, []]);
  });

  it("reads an outcome standing alone on the next line", () => {
    const r = parse(letter({ decisions: [{ item: "Lidocaine 5% patch #30 with 1 refill, DOS: 11/11/2018", outcomeOnNextLine: true }] }));
    expect(r.decisions[0]).toMatchObject({ treatment: { text: "Lidocaine 5% patch #30 with 1 refill, DOS: 11/11/2018" }, outcome: "upheld" });
  });

  it("reads a partial authorization ('The remaining IMR eligible portion')", () => {
    const r = parse(letter({ decisions: [{ item: "Acupuncture, four sessions", partial: { original: "Acupuncture, ten sessions", authorized: "Acupuncture, six sessions" } }] }));
    const d = r.decisions[0]!;
    expect([d.originalRequest!.text, d.authorized!.text, d.treatment?.text]).toEqual(["Acupuncture, ten sessions", "Acupuncture, six sessions", "Acupuncture, four sessions"]);
  });

  it("reads a partial authorization ('leaving the original request IMR eligible')", () => {
    const r = parse(letter({ decisions: [{ item: "rental of a knee scooter for three months", partial: { original: "Rental of a knee scooter for three months", authorized: "a knee scooter for one month", form: "leaving" }, outcome: "Overturned" }] }));
    const d = r.decisions[0]!;
    expect([d.originalRequest!.text, d.authorized!.text, d.treatment?.text, d.outcome]).toEqual([
      "Rental of a knee scooter for three months",
      "a knee scooter for one month",
      "rental of a knee scooter for three months",
      "overturned",
    ]);
  });

  it("reads a partial authorization whose sentences break exactly at their ends", () => {
    const heading = [
      "Home health aide, eight hours a day for six weeks was the original request.",
      "Home health aide, four hours a day for six weeks was authorized by the Claims Administrator.",
      "The remaining IMR eligible portion of the original request, Home health aide, four more hours",
      "a day for six weeks is: Upheld",
    ].join("\n");
    const text = letter({ decisions: [{ item: "X" }] }).replace("X: Upheld", heading);
    const d = parse(text).decisions[0]!;
    expect(d.treatment?.text).toBe("Home health aide, four more hours a day for six weeks");
    expect(d.authorized!.text).toBe("Home health aide, four hours a day for six weeks");
  });

  it("is not split by a rationale that mentions 'guideline:' or 'Upheld'", () => {
    const rationale =
      "The prior denial was Upheld on appeal. Per the ODG guideline: therapy is limited to ten visits. " +
      "Another item: Overturned elsewhere, but not here. Therefore the request is not medically necessary.";
    const r = parse(letter({ decisions: [{ item: "Aquatic therapy, twelve sessions", rationale }, { item: "Knee brace" }] }));
    expect(r.decisions).toHaveLength(2);
    expect(r.decisions[0]!.rationale!.text).toBe(rationale);
  });

  it("keeps a rationale whose last line does not end a sentence apart from the next heading", () => {
    const decisions = [decision({ item: "Item one", rationale: "Short rationale without a full stop" }), decision({ item: "Item two" })];
    const text = [rawHeader(), howSection(), summarySection("A 30 year old male."), issuesSection(decisions)].join("\n");
    const r = parse(text);
    expect(r.decisions.map((d) => d.treatment?.text)).toEqual(["Item one", "Item two"]);
    expect(r.decisions[0]!.rationale!.text).toBe("Short rationale without a full stop");
  });

  it("ends a heading's run at a short line: a rationale's last line that is not a sentence stays in the rationale", () => {
    const item = "Cervical pillow";
    const rationale = wrap(`Decision rationale: ${"The invented record describes neck stiffness after long drives and no trial of simpler measures. ".repeat(2)}`);
    const text = letter({ decisions: [{ item: "Neck brace" }, { item }] }).replace(
      /Decision rationale: [^]*?(?=\nCervical pillow: Upheld)/,
      `${rationale}\nNo plan for its use is given in the notes`,
    );
    const r = parse(text);
    expect(r.decisions.map((d) => d.treatment?.text)).toEqual(["Neck brace", item]);
    expect(r.decisions[0]!.rationale!.text.endsWith("No plan for its use is given in the notes")).toBe(true);
    expect(codes(r)).toEqual(["possibly-truncated"]);
  });

  it("does not take a rationale's line that ends in a colon for a damaged heading: only one before a decision's first label is", () => {
    const lines = [
      "Decision rationale: The invented record does not meet the criteria the guideline gives for the device.",
      "The criteria are these:",
      "Failure of a home exercise program over six weeks.",
      "Documented functional gains from an earlier trial.",
    ];
    const text = letter({ decisions: [{ item: "Home traction unit" }, { item: "Knee brace" }] }).replace(/Decision rationale: [^]*?(?=\nKnee brace: Upheld)/, lines.join("\n"));
    const r = parse(text);
    expect(r.decisions.map((d) => [d.treatment?.text, d.outcome])).toEqual([["Home traction unit", "upheld"], ["Knee brace", "upheld"]]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reads many decisions", () => {
    const decisions = Array.from({ length: 12 }, (_, i) => ({ item: `Invented item number ${i + 1}`, outcome: (i % 3 ? "Upheld" : "Overturned") as "Upheld" | "Overturned" }));
    const r = parse(letter({ decisions }));
    expect(r.decisions.map((d) => d.treatment?.text)).toEqual(decisions.map((d) => d.item));
    expect(r.decisions.filter((d) => d.outcome === "overturned")).toHaveLength(4);
  });

  it("gives each decision a span from its heading to the end of its rationale", () => {
    const text = letter();
    const d = parse(text).decisions[1]!;
    const slice = text.slice(d.span.start, d.span.end).replace(/\s+/g, " ");
    expect(slice.startsWith("Physical therapy for the left wrist")).toBe(true);
    expect(slice.endsWith("It is not medically necessary.")).toBe(true);
    expect(text.slice(d.outcomeSpan.start, d.outcomeSpan.end)).toBe("Overturned");
  });

  it("reads a guideline paragraph repeated word for word in each decision at its own place", () => {
    // The parser reads a repeated paragraph once per letter: each decision's citations must still point into its own.
    const paragraph = "Decision based on MTUS Knee Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment Guidelines, Section(s): Opioids.";
    const decisions = ["Invented knee brace", "Invented knee injection", "Invented knee therapy"].map((item) => ({ item, maximus: paragraph, claimsAdministrator: paragraph }));
    const text = letter({ decisions });
    const r = parse(text);
    expect(r.decisions).toHaveLength(3);
    const starts = new Set<number>();
    for (const d of r.decisions) {
      for (const g of [d.claimsAdministratorGuideline!, d.reviewerGuideline!]) {
        expect(g.citations.map((c) => c.source === "MTUS" && c.guideline)).toEqual(["Knee Complaints", "Chronic Pain Medical Treatment Guidelines"]);
        for (const c of g.citations) {
          expect(c.span.start).toBeGreaterThanOrEqual(g.span.start);
          expect(c.span.end).toBeLessThanOrEqual(g.span.end);
          starts.add(c.span.start);
        }
        expect(g.span.start).toBeGreaterThanOrEqual(d.span.start);
        expect(g.span.end).toBeLessThanOrEqual(d.span.end);
      }
    }
    expect(starts.size).toBe(12);
  });

  it("reports a decision cut short before its rationale", () => {
    const text = letter();
    const cut = text.slice(0, text.lastIndexOf("MAXIMUS guideline:"));
    const r = parse(cut);
    expect(r.decisions).toHaveLength(2);
    expect(r.decisions[1]!.rationale).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "incomplete-decision", severity: "error" }]);
  });

  it("warns when the last rationale ends mid-sentence", () => {
    const text = letter();
    const r = parse(text.slice(0, text.lastIndexOf("necessary")));
    expect(codes(r)).toEqual(["possibly-truncated"]);
  });
});
