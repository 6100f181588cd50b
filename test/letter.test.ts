/**
 * The letter, part by part: each `describe` is one part of the template, each case a
 * letter the fixtures compose with invented prose.
 */
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

describe("wrapping helpers used above", () => {
  it("wrap keeps every line within the width", () => {
    expect(wrap("a ".repeat(100).trim(), 20).split("\n").every((l) => l.length <= 20)).toBe(true);
  });

  it("the layout header is a padded table", () => {
    expect(layoutHeader().split("\n")[3]).toMatch(/^Priority: {3,}Standard {3,}Application {3,}02\/25\/2019$/);
  });
});
