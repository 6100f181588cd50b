/** The PDF entry point, on letters the tests compose and print to PDF themselves. */
import { describe, expect, it } from "vitest";
import { extractPdfText, IMRPdfError, parseDeterminationPdf } from "imr-determination/pdf";
import { parseDetermination } from "imr-determination";
import { letter } from "./fixtures/compose.js";
import { textPdf } from "./support/pdf.js";

const strip = (r: object) => JSON.parse(JSON.stringify(r, (k, v) => (k === "span" || k === "sources" || k.endsWith("Span") ? undefined : v)));

describe("parseDeterminationPdf", () => {
  it("reads a letter from its PDF as from its text", async () => {
    const text = letter({ decisions: [{ item: "MRI of the left wrist without contrast" }, { item: "Splint", outcome: "Overturned", partial: { original: "Two splints", authorized: "One splint" } }] });
    const fromPdf = await parseDeterminationPdf(textPdf(text));
    expect(strip(fromPdf)).toEqual(strip(parseDetermination(text)));
  });

  it("reads the header table of a layout-style page", async () => {
    const r = await parseDeterminationPdf(textPdf(letter({ layout: true })));
    expect(r.dates.applicationReceived).toBe("2019-02-25");
    expect(r.diagnostics).toEqual([]);
  });

  it("gives spans into the text extractPdfText returns", async () => {
    const pdf = textPdf(letter(), { perPage: 20 });
    const [text, r] = [await extractPdfText(pdf), await parseDeterminationPdf(pdf)];
    const t = r.decisions[0]!.treatment!;
    expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
    expect(text).toContain("\f"); // pages are separated by form feeds
  });

  it("rejects bytes that are not a PDF with an IMRPdfError", async () => {
    const error = await parseDeterminationPdf(new TextEncoder().encode("%PDF-1.4 this is not really a PDF")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IMRPdfError);
    expect((error as IMRPdfError).code).toBe("unreadable-pdf");
  });

  it("leaves the caller's bytes intact", async () => {
    const pdf = textPdf(letter());
    const copy = pdf.slice();
    await parseDeterminationPdf(pdf);
    expect(pdf).toEqual(copy);
  });
});
