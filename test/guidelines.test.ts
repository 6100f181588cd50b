/**
 * The two guideline paragraphs of a decision as data: what they rest on and what they cite.
 */
import { describe, expect, it } from "vitest";
import { IMRDeterminationSchema, listCitations, MTUS_TITLES, parseDetermination, type Guideline } from "../src/index.js";
import { letter } from "./fixtures/compose.js";

/** Parses a letter whose only decision's MAXIMUS paragraph is `paragraph`. */
function reviewerGuideline(paragraph: string): Guideline {
  const r = parseDetermination(letter({ decisions: [{ item: "Invented item", maximus: paragraph }] }));
  IMRDeterminationSchema.parse(r);
  return r.decisions[0]!.reviewerGuideline!;
}

const mtus = (guideline: string, year: number | null, sections: string | null = null, pages: string | null = null) => ({
  source: "MTUS",
  guideline,
  year,
  sections,
  pages,
});

describe("basis", () => {
  it("is none when the paragraph says no medical evidence was cited", () => {
    expect(reviewerGuideline("The Expert Reviewer did not cite any medical evidence for its decision.")).toMatchObject({ basis: "none", citations: [] });
  });

  it("is outside-mtus when the decision rests on recommendations outside the MTUS", () => {
    const g = reviewerGuideline(
      "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Invented Orthopaedic Handbook, 2nd ed., ch. 4.",
    );
    expect(g).toMatchObject({ basis: "outside-mtus", citations: [{ source: "Non-MTUS", reference: "Invented Orthopaedic Handbook, 2nd ed., ch. 4" }] });
  });

  it("is outside-mtus when the reviewer did not base the decision on the MTUS", () => {
    expect(reviewerGuideline("The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG, Knee.").basis).toBe("outside-mtus");
  });

  it("is mtus otherwise", () => {
    expect(reviewerGuideline("Decision based on MTUS Knee Complaints 2004.").basis).toBe("mtus");
  });
});

describe("MTUS citations", () => {
  it("reads title, year and sections", () => {
    expect(reviewerGuideline("Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.").citations).toMatchObject([
      mtus("Knee Complaints", 2004, "Special Studies"),
    ]);
  });

  it("reads a page marker only as a whole word: 'Pagets' in a section's name is no 'page'", () => {
    const g = reviewerGuideline("Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Section(s): Pagets disease of bone, pages 12-13.");
    expect(g.citations).toMatchObject([mtus("Chronic Pain Medical Treatment Guidelines", null, "Pagets disease of bone", "12-13")]);
    expect(reviewerGuideline("Decision based on MTUS Knee Complaints 2004, Section(s): Pgx testing, pg. 338.").citations).toMatchObject([
      mtus("Knee Complaints", 2004, "Pgx testing", "338"),
    ]);
    // A number may follow the marker with no space: it is still the marker and its pages.
    expect(reviewerGuideline("Decision based on MTUS Knee Complaints 2004, Section(s): Opioids, pg12.").citations).toMatchObject([
      mtus("Knee Complaints", 2004, "Opioids", "12"),
    ]);
    expect(reviewerGuideline("Decision based on MTUS Knee Complaints 2004, Section(s): Opioids, Pages12-13.").citations).toMatchObject([
      mtus("Knee Complaints", 2004, "Opioids", "12-13"),
    ]);
    // So may a year follow a title.
    expect(reviewerGuideline("Decision based on MTUS Low Back Complaints2004, Section(s): Surgical Considerations.").citations).toMatchObject([
      mtus("Low Back Complaints", 2004, "Surgical Considerations"),
    ]);
  });

  it("keeps the commas of section names and splits guidelines only at ', and <title> <year>'", () => {
    const g = reviewerGuideline(
      "Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Diagnostic Criteria, Special Studies, and Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics, and Elbow Complaints 2007.",
    );
    expect(g.citations).toMatchObject([
      mtus("Forearm, Wrist, and Hand Complaints", 2004, "Diagnostic Criteria, Special Studies"),
      mtus("Chronic Pain Medical Treatment", 2016, "Topical analgesics"),
      mtus("Elbow Complaints", 2007),
    ]);
  });

  it("reads a numbered section ('3. Opioids …') as one section", () => {
    const g = reviewerGuideline("Decision based on MTUS Opioid Treatment 2016, Section(s): 2. Initiating Opioids: Invented Subtopic.");
    expect(g.citations).toMatchObject([mtus("Opioid Treatment", 2016, "2. Initiating Opioids: Invented Subtopic")]);
  });

  it.each([
    ["Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 41-42.", mtus("Chronic Pain Treatment Guidelines", null, null, "41-42")],
    ["Decision based on MTUS Chronic Pain Treatment Guidelines Topical NSAIDs, pg 111.", mtus("Chronic Pain Treatment Guidelines", null, "Topical NSAIDs", "111")],
    ["Decision based on MTUS Chronic Pain Treatment Guidelines Aquatic Therapy, pages 22-23.", mtus("Chronic Pain Treatment Guidelines", null, "Aquatic Therapy", "22-23")],
    ["Decision based on MTUS Chronic Pain Treatment Guidelines Walking Aids Page(s): 12 of 127.", mtus("Chronic Pain Treatment Guidelines", null, "Walking Aids", "12 of 127")],
    ["Decision based on MTUS ACOEM Chapter 13 Knee Complaints Page(s): 343.", mtus("ACOEM Chapter 13 Knee Complaints", null, null, "343")],
    ["Decision based on MTUS Acupuncture Treatment Guidelines.", mtus("Acupuncture Treatment Guidelines", null)],
  ])("reads the older form %j", (paragraph, citation) => {
    expect(reviewerGuideline(paragraph).citations).toMatchObject([citation]);
  });

  it("reads a title it does not know, with a warning", () => {
    const r = parseDetermination(letter({ decisions: [{ item: "X-ray", maximus: "Decision based on MTUS Invented Imaging Rules 2021, Section(s): Plain films." }] }));
    expect(r.decisions[0]!.reviewerGuideline!.citations).toMatchObject([mtus("Invented Imaging Rules", 2021, "Plain films")]);
    expect(r.diagnostics).toMatchObject([{ code: "unknown-mtus-guideline", severity: "warning" }]);
  });

  it("knows the MTUS titles in one documented list", () => {
    expect(MTUS_TITLES).toContain("Forearm, Wrist, and Hand Complaints");
    expect(new Set(MTUS_TITLES).size).toBe(MTUS_TITLES.length);
  });
});

describe("Non-MTUS citations", () => {
  it("runs each reference to the next 'Decision based on', keeping inner periods and dropping the final one", () => {
    const g = reviewerGuideline(
      "Decision based on MTUS Low Back Complaints 2004. Decision based on Non-MTUS Citation Invented Spine Text, 3rd ed., Lumbar Disorders, pg. 12. Decision based on Non-MTUS Citation http://example.org/invented.html.",
    );
    expect(g.citations).toMatchObject([
      mtus("Low Back Complaints", 2004),
      { source: "Non-MTUS", reference: "Invented Spine Text, 3rd ed., Lumbar Disorders, pg. 12" },
      { source: "Non-MTUS", reference: "http://example.org/invented.html" },
    ]);
  });

  it("keeps the paragraph's text as it was before citations were read", () => {
    const paragraph = "Decision based on MTUS Low Back Complaints 2004. Decision based on Non-MTUS Citation ODG, Low Back.";
    expect(reviewerGuideline(paragraph).text).toBe(paragraph);
  });
});

describe("citations with a template word misread", () => {
  /** The decision's MAXIMUS paragraph and the letter's diagnostics. */
  const read = (paragraph: string) => {
    const r = parseDetermination(letter({ decisions: [{ item: "Invented item", maximus: paragraph }] }));
    return { guideline: r.decisions[0]!.reviewerGuideline!, codes: r.diagnostics.map((d) => `${d.severity}:${d.code}`) };
  };

  it.each([
    ["a misread year", "Decision based on MTUS Knee Complaints 2O04."],
    ["a misread year with sections", "Decision based on MTUS Knee Complaints 2OO4, Section(s): Summary."],
    ["a misread label", "Decision based on MTUS Knee Complaints 2004, Section(s); Summary."],
    ["a label without its colon", "Decision based on MTUS Knee Complaints 2004, Section(s) Summary."],
    ["a label misread", "Decision based on MTUS Knee Complaints 2004, Sectlon(s): Summary."],
    ["a label misread with a capital", "Decision based on MTUS Knee Complaints 2004, 5ection(S): Summary."],
    ["a colon doubled", "Decision based on MTUS Knee Complaints 2004, Section(s):: Summary."],
    ["the next opener misread after a numbered section", "Decision based on MTUS Knee Complaints 2004, Section(s): 331. Decision bosed on Non-MTUS Citation Invented Knee Text."],
    ["the next opener's Non-MTUS misread", "Decision based on MTUS Knee Complaints 2004, Section(s): 331. Decision based on Non-MUS Citation Invented Knee Text."],
    ["the next opener's first letter lost", "Decision based on MTUS Knee Complaints 2004, Section(s): Summary. ecision based on Non-MTUS Citation Invented Knee Text."],
    ["a misread 'Citation'", "Decision based on MTUS Knee Complaints 2004. Decision based on Non-MTUS Citatlon Invented Knee Text, ch. 2."],
  ])("is an unreadable-citation error, not a section or reference holding the word (%s)", (_kind, paragraph) => {
    expect(read(paragraph).codes).toContain("error:unreadable-citation");
  });

  it("leaves the forms the letters use alone", () => {
    for (const paragraph of [
      "Decision based on MTUS Knee Complaints 2004, Section(s): Summary.",
      "Decision based on MTUS Chronic Pain Treatment Guidelines Muscle Relaxants, pg 12.",
      "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 64-66.",
      "Decision based on MTUS Knee Complaints 2004. Decision based on Non-MTUS Citation Invented Knee Text, ch. 2.",
    ]) {
      expect(read(paragraph).codes.filter((c) => c.startsWith("error"))).toEqual([]);
    }
  });
});

describe("citation spans", () => {
  it("point at each citation in the input", () => {
    const text = letter({ decisions: [{ item: "Brace", maximus: "Decision based on MTUS Knee Complaints 2004, Section(s): Summary. Decision based on Non-MTUS Citation ODG, Knee." }] });
    const [a, b] = parseDetermination(text).decisions[0]!.reviewerGuideline!.citations;
    expect(text.slice(a!.span.start, a!.span.end)).toBe("Knee Complaints 2004, Section(s): Summary");
    expect(text.slice(b!.span.start, b!.span.end)).toBe("Decision based on Non-MTUS Citation ODG, Knee.");
  });
});

describe("listCitations", () => {
  it("lists every citation with its decision's outcome, for tallies", () => {
    const r = parseDetermination(
      letter({
        decisions: [
          { item: "Knee MRI", outcome: "Upheld", maximus: "Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies." },
          { item: "Cane", outcome: "Overturned", claimsAdministrator: "The Claims Administrator did not cite any medical evidence for its decision.", maximus: "Decision based on Non-MTUS Citation ODG, Walking aids." },
        ],
      }),
    );
    const rows = listCitations(r);
    expect(rows.map((c) => [c.decisionIndex, c.paragraph, c.outcome, c.citation.source])).toEqual([
      [0, "claimsAdministrator", "upheld", "MTUS"],
      [0, "reviewer", "upheld", "MTUS"],
      [1, "reviewer", "overturned", "Non-MTUS"],
    ]);
    expect(rows[1]).toMatchObject({ caseNumber: "CM19-0000417", treatment: "Knee MRI", basis: "mtus", citation: { guideline: "Knee Complaints" } });
  });
});
