import { describe, expect, it } from "vitest";
import { normalize, parseDetermination, reflow } from "../src/index.js";
import { layoutHeader, letter, rewrite } from "./fixtures/compose.js";

/** The input range a normalized substring came from. */
function sourceOf(input: string, needle: string) {
  const clean = normalize(input);
  const at = clean.text.indexOf(needle);
  expect(at, `"${needle}" in the normalized text`).toBeGreaterThanOrEqual(0);
  const { start, end } = clean.toInput(at, at + needle.length);
  return input.slice(start, end);
}

describe("line breaks and spaces", () => {
  it("turns CRLF, CR, form feeds and Unicode separators into single line breaks", () => {
    expect(normalize("one\r\ntwo\rthree\ffour\u2028five").text).toBe("one\ntwo\nthree\nfour\nfive");
  });

  it("trims lines, folds runs of spaces and tabs, and drops blank lines", () => {
    expect(normalize("  a  b\t c  \n\n \n\td   \n").text).toBe("a b c\nd");
  });

  it("reads the blank-line-after-every-line style of older extractions", () => {
    const text = "first line\nsecond line";
    expect(normalize(rewrite.seedStyle(text)).text).toBe(text);
  });

  it("turns non-breaking and other Unicode spaces into spaces and drops zero-width ones", () => {
    expect(normalize("\ufeffa\u00a0b\u2009c\u200bd").text).toBe("a b cd");
  });

  it("drops the marks that set the direction of text", () => {
    expect(normalize("Up\u200eheld\u200f \u202aCM19-0000417\u202c \u2066x\u2069\u061c").text).toBe("Upheld CM19-0000417 x");
    const r = parseDetermination(letter().replace(": Upheld", ": Upheld\u200f").replace("CM19-0000417", "\u200eCM19-0000417"));
    expect([r.caseNumber, r.decisions[0]!.outcome, r.diagnostics]).toEqual(["CM19-0000417", "upheld", []]);
  });

  it("drops a soft hyphen inside a line and shows it as the hyphen a line ends with", () => {
    // A soft hyphen is printed only where a line breaks at it: "medi-" then "cally".
    expect(normalize("Up\u00adheld\nmedi\u00ad\ncally\r\nwor\u00adker: \u00ad\nx").text).toBe("Upheld\nmedi-\ncally\nworker:\nx");
    const r = parseDetermination(letter({ decisions: [{ item: "Knee brace", rationale: "The brace is medically necessary." }] }).replace("medically", "medi\u00ad\ncally").replace(": Upheld", ": Up\u00adheld"));
    expect(r.decisions[0]!.outcome).toBe("upheld");
    expect(r.decisions[0]!.rationale?.text).toBe("The brace is medi-cally necessary.");
  });
});

describe("compatibility characters", () => {
  it("reads ligatures and full-width forms as their ASCII letters and signs", () => {
    expect(normalize("Certi\ufb01cation(s)/Specialty\uff1a \ufb00\ufb02\ufb03 \uff23\uff2d\uff11\uff19").text).toBe("Certification(s)/Specialty: ffflffi CM19");
    const text = letter()
      .replace("Certification(s)/Specialty:", "Certi\ufb01cation(s)/Specialty\uff1a")
      .replace("records:", "records\uff1a")
      .replace(": Upheld", "\uff1a Upheld");
    expect(text.match(/\uff1a/g)).toHaveLength(3);
    const r = parseDetermination(text);
    const clean = parseDetermination(letter());
    expect([r.reviewer, r.caseSummary?.text, r.decisions.map((d) => d.outcome), r.diagnostics]).toEqual([clean.reviewer, clean.caseSummary?.text, clean.decisions.map((d) => d.outcome), []]);
  });
});

describe("mojibake", () => {
  it.each([
    ["FlexerilÂ® 10mg", "Flexeril® 10mg"],
    ["the patientâ€™s knee", "the patient’s knee"],
    ["2 Ã— 4 cm", "2 × 4 cm"],
    ["caf\u00c3\u00a9", "café"],
    ["Fexmidâ¿¢", "Fexmid™"],
  ])("repairs %j", (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it("repairs text encoded twice", () => {
    expect(normalize(rewrite.mojibake("FlexerilÂ® and Fexmidâ¿¢")).text).toBe("Flexeril® and Fexmid™");
  });

  it("repairs the Windows-1252 rewrite of any character", () => {
    const text = "Naïve résumé — “quoted” ‘single’ … 5 µg • ✓ 😀";
    expect(normalize(rewrite.mojibake(text)).text).toBe(text);
  });

  it("drops a stray â¿¿ and reports it", () => {
    const clean = normalize("not medically necessary. â¿¿");
    expect(clean.text).toBe("not medically necessary.");
    expect(clean.repairs).toEqual([{ kind: "mojibake-dropped", start: 25, end: 28, text: "â¿¿" }]);
  });

  it("leaves real Latin-1 letters alone", () => {
    expect(normalize("Señora Müller, São Paulo").text).toBe("Señora Müller, São Paulo");
  });
});

describe("look-alike letters", () => {
  it("reads Cyrillic and Greek look-alikes inside Latin words as the Latin letters, and leaves other words alone", () => {
    expect(normalize("Uph\u0435ld \u041everturned TNF\u03b1 \u0441\u043e\u0440 \u0391\u0392 x\u0391").text).toBe("Upheld Overturned TNF\u03b1 \u0441\u043e\u0440 \u0391\u0392 xA");
    // A heading, a label, a header label and an outcome word, each with one look-alike: read as if clean.
    const text = letter({ decisions: [{ item: "Knee brace", outcome: "Overturned" }, { item: "Wrist splint" }] })
      .replace("CLINICAL CASE SUMMARY", "CLINICAL C\u0410SE SUMMARY")
      .replace("Decision rationale:", "Decision r\u0430tionale:")
      .replace("Date of Injury:", "D\u0430te of Injury:")
      .replace(": Overturned", ": \u041everturned")
      .replace(": Upheld", ": Uph\u0435ld")
      .replace("Case Number:", "\u0421ase Number:");
    expect(text).not.toBe(letter({ decisions: [{ item: "Knee brace", outcome: "Overturned" }, { item: "Wrist splint" }] }));
    const r = parseDetermination(text);
    const clean = parseDetermination(letter({ decisions: [{ item: "Knee brace", outcome: "Overturned" }, { item: "Wrist splint" }] }));
    expect([r.caseNumber, r.reviewer, r.dates, r.decisions.map((d) => [d.outcome, d.rationale?.text]), r.diagnostics]).toEqual([clean.caseNumber, clean.reviewer, clean.dates, clean.decisions.map((d) => [d.outcome, d.rationale?.text]), []]);
  });

  it("looks at each word once, however long (linear)", () => {
    const text = `${"\u0435".repeat(200_000)}a ${"x\u0435".repeat(200_000)}`;
    expect(normalize(text).text).toBe(`${"e".repeat(200_000)}a ${"xe".repeat(200_000)}`);
  });
});

describe("control characters and broken text", () => {
  it("removes NUL and other control characters and reports them", () => {
    const clean = normalize("a\u0000b\u0007c");
    expect(clean.text).toBe("abc");
    expect(clean.repairs.map((r) => r.kind)).toEqual(["control-characters", "control-characters"]);
  });

  it("replaces lone surrogates and keeps pairs", () => {
    const clean = normalize("x\ud800y 😀");
    expect(clean.text).toBe("x\ufffdy 😀");
    expect(clean.repairs[0]!.kind).toBe("invalid-characters");
  });
});

describe("running page headers", () => {
  const HEADER = "Case Number: CM19-0000417\n";

  it("removes the letter's header on its own line, and marks the break where the page ended", () => {
    const clean = normalize(`${HEADER}end of page\nFinal Determination Letter for IMR Case Number CM19-0000417\nnext page.`);
    expect(clean.text).toBe("Case Number: CM19-0000417\nend of page\nnext page.");
    expect(clean.pageBreaks).toEqual([clean.text.indexOf("\nnext")]);
  });

  it("marks a form feed's break the same way", () => {
    const clean = normalize("Knee\fbrace for the left knee: Overturned");
    expect(clean.text).toBe("Knee\nbrace for the left knee: Overturned");
    expect(clean.pageBreaks).toEqual([4]);
  });

  it("leaves a sentence a spliced header split on two lines a page break joins", () => {
    const input = rewrite.pageHeaders(`${HEADER}a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nThe reviewer examined the knee and found it stable today.`);
    const clean = normalize(input);
    expect(reflow(clean.text.split("\n").slice(-2).join("\n"))).toBe("The reviewer examined the knee and found it stable today.");
    expect(clean.pageBreaks).toHaveLength(1);
  });

  it("removes a header without its case number, mid-line", () => {
    const clean = normalize("Diagnostic \nFinal Determination Letter for IMR Case Number studies were normal.");
    expect(clean.text).toBe("Diagnostic\nstudies were normal.");
    expect(clean.pageBreaks).toEqual([10]);
  });

  it("keeps another case's header quoted in a sentence, and stops at another case's page", () => {
    const quoted = "The earlier Final Determination Letter for IMR Case Number CM15-0000001 was read.";
    expect(normalize(`${HEADER}${quoted}`).text).toBe(`Case Number: CM19-0000417\n${quoted}`);
    const other = normalize(`${HEADER}last line.\fFinal Determination Letter for IMR Case Number CM18-0000002\nMRI: Upheld`);
    expect(other.text).toBe("Case Number: CM19-0000417\nlast line.");
    expect(other.otherLetter).toMatchObject({ start: HEADER.length + 11 });
  });

  it("keeps a numbered header as text when the letter names no case of its own, unless the pages repeat it", () => {
    const once = "The earlier Final Determination Letter for IMR Case Number CM15-0000001 was read.";
    expect(normalize(once).text).toBe(once);
    const running = (n: number) => Array.from({ length: n }, (_, i) => `page ${i + 1} text\nFinal Determination Letter for IMR Case Number CM15-0000001`).join("\n");
    expect(normalize(running(2)).pageHeaders).toHaveLength(2);
  });

  it("knows the letter's own case number from a plain pdftotext header, labels before values", () => {
    const plainHeader = "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM19-0000417\n03/04/2019\n04/01/2019\nStandard\n\n";
    const once = normalize(`${plainHeader}The wrist was Final Determination Letter for IMR Case Number CM19-0000417 splinted.`);
    expect(once.pageHeaders).toHaveLength(1);
    expect(once.text.endsWith("The wrist was splinted.")).toBe(true);
    // Prose between the label and a number is no header: the number is not taken for the letter's.
    const prose = normalize("Case Number:\nThe record was reviewed in full, as requested.\nCM19-0000417\nThe wrist was Final Determination Letter for IMR Case Number CM19-0000417 splinted.");
    expect(prose.pageHeaders).toHaveLength(0);
  });

  it("reports where the removed headers were", () => {
    const input = `${HEADER}one.\nFinal Determination Letter for IMR Case Number CM19-0000417\ntwo.`;
    const [header] = normalize(input).pageHeaders;
    expect(input.slice(header!.start, header!.end)).toBe("Final Determination Letter for IMR Case Number CM19-0000417");
  });
});

describe("page numbers", () => {
  it.each(["Page 2 of 4", "page 2", "2 of 4", "- 2 -", "  Page 12 of 13  "])("leaves out %j on a line of its own, as a page's end, and keeps a bare number", (footer) => {
    const clean = normalize(`The brace was\n${footer}\nmedically necessary.\n7\n/10 pain.`);
    expect(clean.text).toBe("The brace was\nmedically necessary.\n7\n/10 pain.");
    expect(clean.pageBreaks).toEqual([clean.text.indexOf("\nmedically")]);
  });

  it("reads a rationale a page number splits as one sentence", () => {
    const rationale = "The invented record describes a knee that gives way on stairs and a brace that steadied it. The brace is medically necessary.";
    const clean = letter({ decisions: [{ item: "Knee brace", rationale }] });
    const lines = clean.split("\n");
    const at = lines.findIndex((l) => l.startsWith("Decision rationale:")) + 1;
    const r = parseDetermination([...lines.slice(0, at), "Page 2 of 3", ...lines.slice(at)].join("\n"));
    expect([r.decisions[0]!.rationale?.text, r.diagnostics]).toEqual([parseDetermination(clean).decisions[0]!.rationale?.text, []]);
  });
});

describe("repeated pages", () => {
  it("reads a page extracted twice once, and reports it", () => {
    const page = [1, 2, 3, 4].map((i) => `An invented line ${i} of a page that is long enough to count as a page of a letter.\n`).join("");
    const clean = normalize(`first.\f${page}\f${page}\fthird.`);
    expect(clean.text.match(/An invented line/g)).toHaveLength(4);
    expect(clean.repeatedPages).toHaveLength(1);
  });
});

describe("repeated lines", () => {
  it("reads a line that repeats the line before it once, and reports it; a short line may repeat", () => {
    const line = "An invented line of prose, long enough to count.";
    const clean = normalize(`${line}\n${line}\n\nnext\n${line}\n\f${line}\nX-ray, 2 views\nX-ray, 2 views\n`);
    expect(clean.text).toBe(`${line}\nnext\n${line}\nX-ray, 2 views\nX-ray, 2 views`);
    expect(clean.repeatedLines.map((r) => clean.input.slice(r.start, r.end))).toEqual([line, line]);
    // Three or more alike in a row are text that repeats itself, kept as it is.
    expect(normalize(`${line}\n${line}\n\n${line}\nnext`).text).toBe(`${line}\n${line}\n${line}\nnext`);
    expect(normalize(`${line}\n${line}\n${line}\n${line}`).repeatedLines).toEqual([]);
  });

  it("reads a rationale or summary line extracted twice as the letter has it, with a warning", () => {
    const rationale = "The invented record describes a knee that gives way on stairs and a brace that steadied it. The brace is medically necessary.";
    const clean = letter({ decisions: [{ item: "Knee brace", rationale }] });
    const lines = clean.split("\n");
    const at = lines.findIndex((l) => l.startsWith("Decision rationale:")) + 1;
    const summaryAt = lines.findIndex((l) => l.startsWith("The injured worker")) + 1;
    const doubled = lines.flatMap((l, i) => (i === at || i === summaryAt ? [l, l] : [l])).join("\n");
    const r = parseDetermination(doubled);
    const c = parseDetermination(clean);
    expect([r.decisions[0]!.rationale?.text, r.caseSummary?.text]).toEqual([c.decisions[0]!.rationale?.text, c.caseSummary?.text]);
    expect(r.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(["warning:duplicate-line", "warning:duplicate-line"]);
  });
});

describe("layout tables", () => {
  it("folds a continuation row into the cell above it", () => {
    const text = normalize(layoutHeader()).text;
    expect(text).toContain("Priority: Standard Application Received: 02/25/2019");
    expect(text).not.toMatch(/\nReceived:/);
  });

  it("folds a continuation row that stands a column or two off the cell above", () => {
    for (const shift of [1, 2]) {
      const table = layoutHeader().replace(/\n( +)Received:/, (_m, pad: string) => `\n${pad}${" ".repeat(shift)}Received:`);
      expect(normalize(table).text).toContain("Application Received: 02/25/2019");
    }
  });

  it("leaves an indented line after prose alone", () => {
    expect(normalize("some prose here.\n                      CLINICAL CASE SUMMARY").text).toBe("some prose here.\nCLINICAL CASE SUMMARY");
  });
});

describe("the map back to the input", () => {
  it("maps copied text one to one", () => {
    expect(sourceOf("  Case Number:   CM19-0000417  ", "CM19-0000417")).toBe("CM19-0000417");
  });

  it("maps a repaired character to its mis-encoded bytes", () => {
    expect(sourceOf("FlexerilÂ® cream", "Flexeril® cream")).toBe("FlexerilÂ® cream");
  });

  it("maps a folded line break to the whole gap", () => {
    expect(sourceOf("one \r\n\r\n  two", "one\ntwo")).toBe("one \r\n\r\n  two");
  });

  it("maps an empty range to a point", () => {
    const clean = normalize("abc");
    expect(clean.toInput(1, 1)).toEqual({ start: 1, end: 1 });
    expect(clean.toInput(3, 3)).toEqual({ start: 3, end: 3 });
  });

  it("gives 1-based line and column of an input offset", () => {
    const clean = normalize("ab\r\ncd\ref");
    expect(clean.position(0)).toEqual({ line: 1, column: 1 });
    expect(clean.position(5)).toEqual({ line: 2, column: 2 });
    expect(clean.position(7)).toEqual({ line: 3, column: 1 });
  });
});

describe("reflow", () => {
  it("joins lines with a space, and without one after a hyphen", async () => {
    expect(reflow("one\ntwo L5-\nS1 non-\ncertified\nend")).toBe("one two L5-S1 non-certified end");
    expect(reflow("no breaks")).toBe("no breaks");
    expect(reflow("\nleading and trailing\n")).toBe(" leading and trailing ");
  });
});

describe("the offset map of a long rewrite", () => {
  it("maps back every word of a text rewritten in thousands of places (its segments move into a typed array)", () => {
    // Each line's run of spaces becomes one space: two segments a line, far past the small map.
    const lines = Array.from({ length: 3000 }, (_, i) => `w${i}a   w${i}b`);
    const input = lines.join("\n");
    const clean = normalize(input);
    for (const i of [0, 1, 1023, 1024, 2047, 2999]) {
      for (const word of [`w${i}a`, `w${i}b`]) {
        const at = clean.text.indexOf(`${word}`);
        const { start, end } = clean.toInput(at, at + word.length);
        expect(input.slice(start, end)).toBe(word);
        expect(start).toBe(input.indexOf(`${word}`));
      }
    }
  });
});
