/**
 * The PDF entry point, on letters the tests compose and print to PDF themselves, with
 * each engine: PDFium (@embedpdf/pdfium) and pdf.js (unpdf) must give the same text and
 * the same results. With the shared corpus beside the project, the engines' text is
 * compared on every published PDF too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  extractPdfText,
  IMRPdfError,
  pageOf,
  parseDeterminationPdf,
  parseDeterminationPdfWithText,
  preloadPdfSupport,
  type PdfEngine,
} from "imr-determination/pdf";
import { parseDetermination } from "imr-determination";
import { PDFIUM_FUNCTIONS, PDFIUM_VERSION } from "../src/pdf/pdfium.js";
import { RunBuilder } from "../src/pdf/runs.js";
import { pageText } from "../src/pdf/text.js";
import { letter } from "./fixtures/compose.js";
import { textPdf } from "./support/pdf.js";

const root = join(import.meta.dirname, "..");
const strip = (r: object) => JSON.parse(JSON.stringify(r, (k, v) => (k === "span" || k === "sources" || k.endsWith("Span") ? undefined : v)));
const ENGINES: PdfEngine[] = ["pdfium", "pdfjs"];
const codeOf = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: unknown) => (e instanceof IMRPdfError ? e.code : `not an IMRPdfError: ${e}`));

describe.each(ENGINES)("with %s", (engine) => {
  it("reads a letter from its PDF as from its text", async () => {
    const text = letter({ decisions: [{ item: "MRI of the left wrist without contrast" }, { item: "Splint", outcome: "Overturned", partial: { original: "Two splints", authorized: "One splint" } }] });
    const fromPdf = await parseDeterminationPdf(textPdf(text), { engine });
    expect(strip(fromPdf)).toEqual(strip(parseDetermination(text)));
  });

  it("reads the header table of a layout-style page", async () => {
    const r = await parseDeterminationPdf(textPdf(letter({ layout: true })), { engine });
    expect(r.dates.applicationReceived).toBe("2019-02-25");
    expect(r.diagnostics).toEqual([]);
  });

  it("gives spans into the text extractPdfText returns", async () => {
    const pdf = textPdf(letter(), { perPage: 20 });
    const [text, r] = [await extractPdfText(pdf, { engine }), await parseDeterminationPdf(pdf, { engine })];
    const t = r.decisions[0]!.treatment!;
    expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
    expect(text).toContain("\f"); // pages are separated by form feeds
  });

  it("returns the text, the pages and the page of each decision", async () => {
    const pdf = textPdf(letter({ decisions: [{ item: "Knee brace" }, { item: "Cane", outcome: "Overturned" }] }), { perPage: 30 });
    const r = await parseDeterminationPdfWithText(pdf, { engine });
    expect(r.text).toBe(await extractPdfText(pdf, { engine }));
    expect(r.pages.length).toBeGreaterThan(1);
    expect(r.pages.map((p) => r.text.slice(p.start, p.end)).join("\n\f")).toBe(r.text);
    expect(r.determination.decisions).toHaveLength(2);
    r.determination.decisions.forEach((d, i) => {
      // The page whose text holds the decision's heading.
      const page = r.pages.find((p) => p.start <= d.span.start && d.span.start < p.end)!;
      expect(r.decisionPages[i]).toBe(page.number);
      const treatment = d.treatment!;
      expect(r.text.slice(page.start, page.end)).toContain(treatment.text);
      expect(r.text.slice(treatment.span.start, treatment.span.end)).toBe(treatment.text);
    });
    expect(r.decisionPages.every((n, i) => i === 0 || n >= r.decisionPages[i - 1]!)).toBe(true);
  });

  it("rejects bytes that are not a PDF with an IMRPdfError", async () => {
    expect(await codeOf(parseDeterminationPdf(new TextEncoder().encode("%PDF-1.4 this is not really a PDF"), { engine }))).toBe("unreadable-pdf");
    expect(await codeOf(parseDeterminationPdf(new Uint8Array(0), { engine }))).toBe("unreadable-pdf");
  });

  it("says when a PDF is encrypted", async () => {
    const error = await parseDeterminationPdf(textPdf(letter(), { encrypted: true }), { engine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IMRPdfError);
    expect((error as IMRPdfError).code).toBe("encrypted-pdf");
    expect((error as IMRPdfError).message).toMatch(/encrypted/);
  });

  it("leaves the caller's bytes intact, and takes an ArrayBuffer too", async () => {
    const pdf = textPdf(letter());
    const copy = pdf.slice();
    const fromBytes = await parseDeterminationPdf(pdf, { engine });
    expect(pdf).toEqual(copy);
    expect(await parseDeterminationPdf(pdf.slice().buffer, { engine })).toEqual(fromBytes);
  });
});

describe("arguments", () => {
  it.each([
    ["a path", "letters/CM19-0000101.pdf", /not a string: to read a file, pass its bytes/],
    ["null", null, /not null$/],
    ["undefined", undefined, /not a undefined$/],
    ["an object", {}, /not an object \(Object\)$/],
    ["a DataView", new DataView(new ArrayBuffer(8)), /not a DataView: pass the bytes it views/],
    ["a Uint16Array", new Uint16Array(4), /not a Uint16Array/],
  ])("rejects %s with a TypeError that says to pass bytes", async (_, input, message) => {
    for (const call of [parseDeterminationPdf, extractPdfText, parseDeterminationPdfWithText]) {
      const error = await call(input as Uint8Array).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^Pass the PDF's bytes as a Uint8Array \(a Buffer is one\) or an ArrayBuffer/);
      expect((error as Error).message).toMatch(message);
    }
  });

  it("accepts a Buffer", async () => {
    expect((await parseDeterminationPdf(Buffer.from(textPdf(letter())))).caseNumber).toBe("CM19-0000417");
  });

  it("rejects an unknown engine with a TypeError", async () => {
    await expect(extractPdfText(textPdf("x"), { engine: "mupdf" as PdfEngine })).rejects.toThrow(/engine must be "pdfium" or "pdfjs", not "mupdf"/);
  });

  it("uses PDFium when it is installed", async () => {
    expect(await preloadPdfSupport()).toBe("pdfium");
    expect(await preloadPdfSupport({ engine: "pdfjs" })).toBe("pdfjs");
  });
});

describe("pageOf", () => {
  const pages = [
    { number: 1, start: 0, end: 10 },
    { number: 2, start: 12, end: 20 },
    { number: 3, start: 22, end: 30 },
  ];
  it("finds the page of an offset, a page break counting for the page before", () => {
    expect([0, 9, 10, 11, 12, 21, 22, 29].map((o) => pageOf(pages, o))).toEqual([1, 1, 1, 1, 2, 2, 3, 3]);
  });
});

describe("the engines agree", () => {
  it.each([
    ["a raw-style letter", letter()],
    ["a layout-style letter", letter({ layout: true })],
    ["a letter over many short pages", letter({ decisions: [{ item: "Physical therapy, 12 sessions" }, { item: "Topical cream", outcome: "Overturned" }] })],
  ])("on %s", async (_, text) => {
    const pdf = textPdf(text, { perPage: 17 });
    expect(await extractPdfText(pdf, { engine: "pdfium" })).toBe(await extractPdfText(pdf, { engine: "pdfjs" }));
  });

  const corpus = join(root, "..", "shared", "corpus", "pdf");
  const present = existsSync(corpus);
  if (!present) console.warn(`corpus PDF comparison skipped: ${corpus} is absent (it sits beside the project in development only)`);
  it.skipIf(!present)("on every PDF of the shared corpus, byte for byte", async () => {
    const differ: string[] = [];
    const files = readdirSync(corpus).filter((f) => f.endsWith(".pdf"));
    for (const file of files) {
      const bytes = readFileSync(join(corpus, file));
      if ((await extractPdfText(bytes, { engine: "pdfium" })) !== (await extractPdfText(bytes, { engine: "pdfjs" }))) differ.push(file);
    }
    expect(differ).toEqual([]);
    expect(files.length).toBe(130);
  });
});

describe("the PDFium module", () => {
  // The PDFium engine calls functions of the WebAssembly module that its type definitions
  // do not declare: the version is pinned, and these tests fail when it changes.
  it("is the pinned version, in the peer and development dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.peerDependencies["@embedpdf/pdfium"]).toBe(PDFIUM_VERSION);
    expect(pkg.devDependencies["@embedpdf/pdfium"]).toBe(PDFIUM_VERSION);
    expect(JSON.parse(readFileSync(join(root, "node_modules", "@embedpdf", "pdfium", "package.json"), "utf8")).version).toBe(PDFIUM_VERSION);
  });

  it("exports every raw function the engine calls", async () => {
    const { init } = await import("@embedpdf/pdfium");
    const exports = (await init({ print: () => {}, printErr: () => {} })).pdfium.wasmExports as unknown as Record<string, unknown>;
    expect(PDFIUM_FUNCTIONS.filter((name) => typeof exports[name] !== "function")).toEqual([]);
  });
});

describe("runs from characters", () => {
  // Helvetica-like 12 pt glyphs, 6 pt wide, on one baseline.
  const line = (build: (add: (text: string, x: number) => void, runs: RunBuilder) => void) => {
    const runs = new RunBuilder();
    build((text, x) => runs.glyph(text, x, 700, x + 6, 1, 12, 12), runs);
    return pageText(runs.take());
  };

  it("joins glyphs closer than a tenth of the font size, and spaces wider gaps", () => {
    expect(line((add) => ["a", "b"].forEach((c, i) => add(c, 72 + i * 6.9)))).toBe("ab"); // 0.9 pt: tracking
    expect(line((add) => ["a", "b"].forEach((c, i) => add(c, 72 + i * 9)))).toBe("a b"); // 3 pt: a space
    // 34 pt: a cell of a table, written at its column (5 pt a column from the left margin).
    expect(line((add) => ["a", "b"].forEach((c, i) => add(c, 72 + i * 40)))).toBe("a".padEnd(40 / 5) + "b");
  });

  it("keeps a space the text has, even in a narrow gap", () => {
    expect(
      line((add, runs) => {
        add("a", 72);
        runs.space();
        add("b", 79);
      }),
    ).toBe("a b");
  });

  it("writes a glyph's several letters once, and a ligature as its letters", () => {
    expect(
      line((add) => {
        add("o", 72);
        add("\ufb01", 78); // the fi ligature
        add("x", 84);
      }),
    ).toBe("ofix");
  });
});
