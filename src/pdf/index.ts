/**
 * `imr-determination/pdf`: letters straight from their published PDFs.
 *
 * Two PDF engines can extract the text, both optional peer dependencies that only this
 * entry point loads: PDFium (`@embedpdf/pdfium`, WebAssembly, about twice as fast) and
 * pdf.js (`unpdf`). Both give the same text, so the same results; when both are
 * installed, PDFium is used unless `engine: "pdfjs"` says otherwise.
 *
 * @packageDocumentation
 * @module imr-determination/pdf
 */
import { parseDetermination, type IMRDetermination, type ParseOptions } from "imr-determination";
import { pdfBytes } from "./bytes.js";
import type { PdfEngine, TextEngine } from "./engine.js";
import { IMRPdfError } from "./errors.js";
import { loadPdfium } from "./pdfium.js";
import { loadPdfjs } from "./pdfjs.js";

/**
 * Which PDF engine to use.
 *
 * @example
 * ```ts
 * const options: PdfOptions = { engine: "pdfjs" };
 * const text = await extractPdfText(bytes, options);
 * ```
 */
export interface PdfOptions {
  /**
   * `"pdfium"` or `"pdfjs"`; rejects with `missing-pdf-library` when that engine's
   * package is not installed. Default: PDFium when `@embedpdf/pdfium` is installed,
   * otherwise pdf.js.
   */
  engine?: PdfEngine;
}

const ENGINES: Record<PdfEngine, () => Promise<TextEngine>> = { pdfium: loadPdfium, pdfjs: loadPdfjs };
let defaultEngine: Promise<TextEngine> | undefined;

function engineFor(options: PdfOptions | undefined): Promise<TextEngine> {
  const name = options?.engine;
  if (name !== undefined) {
    if (!Object.hasOwn(ENGINES, name)) throw new TypeError(`engine must be "pdfium" or "pdfjs", not ${JSON.stringify(name)}`);
    return ENGINES[name]();
  }
  defaultEngine ??= loadPdfium()
    .catch((pdfium: unknown) => {
      if (!(pdfium instanceof IMRPdfError)) throw pdfium;
      return loadPdfjs().catch((pdfjs: unknown) => {
        throw new IMRPdfError(
          "missing-pdf-library",
          'Reading PDFs needs one of the optional packages "@embedpdf/pdfium" (faster) or "unpdf": install one, e.g. `npm install @embedpdf/pdfium`',
          { cause: new AggregateError([pdfium, pdfjs]) },
        );
      });
    })
    .catch((cause: unknown) => {
      defaultEngine = undefined;
      throw cause;
    });
  return defaultEngine;
}

/**
 * Loads the PDF engine ahead of the first PDF (it takes a moment), for a worker or a
 * server that wants the first letter as fast as the rest, and says which engine it is.
 * Rejects with an {@link IMRPdfError} (`missing-pdf-library`) when no engine (or not the
 * one asked for) is installed.
 *
 * @example
 * ```ts
 * import { preloadPdfSupport } from "imr-determination/pdf";
 * const engine = await preloadPdfSupport(); // "pdfium" when @embedpdf/pdfium is installed
 * ```
 */
export async function preloadPdfSupport(options?: PdfOptions): Promise<PdfEngine> {
  return (await engineFor(options)).name;
}

/** The text of each page, from bytes checked first. */
async function pages(bytes: Uint8Array | ArrayBuffer, options: PdfOptions | undefined): Promise<string[]> {
  const data = pdfBytes(bytes);
  return (await engineFor(options)).pages(data);
}

// Pages are separated by a line break and a form feed, as `pdftotext` separates them.
const PAGE_BREAK = "\n\f";

/**
 * The text of a letter's PDF, page by page (pages separated by a form feed), in reading
 * order. Spans in `parseDeterminationPdf`'s result are offsets into this string. Both
 * engines give the same text.
 *
 * @param bytes - The PDF file's bytes: a `Uint8Array` (a Node `Buffer` is one) or an
 *   `ArrayBuffer`. Anything else (a path, `null`, a `DataView`) is a `TypeError`.
 * @example
 * ```ts
 * import { readFile } from "node:fs/promises";
 * import { extractPdfText } from "imr-determination/pdf";
 * const text = await extractPdfText(await readFile("CM19-0000101.pdf"));
 * ```
 */
export async function extractPdfText(bytes: Uint8Array | ArrayBuffer, options?: PdfOptions): Promise<string> {
  return (await pages(bytes, options)).join(PAGE_BREAK);
}

/**
 * Reads an IMR Final Determination Letter from its PDF: extracts the text
 * ({@link extractPdfText}) and parses it with `parseDetermination`. It rejects with an
 * {@link IMRPdfError} only when the PDF itself cannot be read; problems with the
 * letter's content are diagnostics, as for text. Its spans are offsets into the text
 * {@link parseDeterminationPdfWithText} returns along with the result.
 *
 * @param bytes - The PDF file's bytes: a `Uint8Array` (a Node `Buffer` is one) or an
 *   `ArrayBuffer`. Anything else (a path, `null`, a `DataView`) is a `TypeError`.
 * @example
 * ```ts
 * import { readFile } from "node:fs/promises";
 * import { parseDeterminationPdf } from "imr-determination/pdf";
 * const d = await parseDeterminationPdf(await readFile("CM19-0000101.pdf"));
 * d.decisions[0].outcome; // "upheld"
 * ```
 */
export async function parseDeterminationPdf(bytes: Uint8Array | ArrayBuffer, options?: ParseOptions & PdfOptions): Promise<IMRDetermination> {
  return parseDetermination(await extractPdfText(bytes, options), options);
}

/**
 * Where a page's text is in the extracted text: `text.slice(start, end)` is page
 * `number` (from 1), without the page break.
 *
 * @example
 * ```ts
 * const { text, pages } = await parseDeterminationPdfWithText(bytes);
 * const last: PdfPage = pages[pages.length - 1];
 * text.slice(last.start, last.end); // the last page's text
 * ```
 */
export interface PdfPage {
  number: number;
  start: number;
  end: number;
}

/**
 * A letter read from its PDF, with the text its spans point into and its pages.
 *
 * @example
 * ```ts
 * const { determination, text, decisionPages }: PdfDetermination = await parseDeterminationPdfWithText(bytes);
 * const t = determination.decisions[0].treatment;
 * console.log(`${text.slice(t.span.start, t.span.end)} (page ${decisionPages[0]})`);
 * ```
 */
export interface PdfDetermination {
  /** The letter as `parseDetermination(text)` reads it: every span is an offset into `text`. */
  determination: IMRDetermination;
  /** The PDF's text, as {@link extractPdfText} returns it. */
  text: string;
  /** Each page's place in `text`, page 1 first. */
  pages: PdfPage[];
  /** The page (from 1) on which each decision starts, in the order of `determination.decisions`. */
  decisionPages: number[];
}

/**
 * Like {@link parseDeterminationPdf}, and returns the extracted text too (the spans of
 * the result are offsets into it, so each field can be shown in context) with where each
 * page is and the page each decision starts on, for citing.
 *
 * @param bytes - The PDF file's bytes: a `Uint8Array` (a Node `Buffer` is one) or an
 *   `ArrayBuffer`.
 * @example
 * ```ts
 * import { readFile } from "node:fs/promises";
 * import { parseDeterminationPdfWithText, pageOf } from "imr-determination/pdf";
 * const r = await parseDeterminationPdfWithText(await readFile("CM19-0000101.pdf"));
 * r.decisionPages; // [2]: the first decision starts on page 2
 * const rationale = r.determination.decisions[0].rationale!;
 * pageOf(r.pages, rationale.span.end - 1); // the page its last word is on
 * ```
 */
export async function parseDeterminationPdfWithText(bytes: Uint8Array | ArrayBuffer, options?: ParseOptions & PdfOptions): Promise<PdfDetermination> {
  const texts = await pages(bytes, options);
  const text = texts.join(PAGE_BREAK);
  const placed: PdfPage[] = [];
  let start = 0;
  for (const page of texts) {
    placed.push({ number: placed.length + 1, start, end: start + page.length });
    start += page.length + PAGE_BREAK.length;
  }
  const determination = parseDetermination(text, options);
  return { determination, text, pages: placed, decisionPages: determination.decisions.map((d) => pageOf(placed, d.span.start)) };
}

/**
 * The page (from 1) that an offset into the extracted text falls on (an offset in a page
 * break, for the page before it).
 *
 * @example
 * ```ts
 * const r = await parseDeterminationPdfWithText(bytes);
 * const citation = r.determination.decisions[0].reviewerGuideline!.citations[0];
 * pageOf(r.pages, citation.span.start); // the page the citation is on
 * ```
 */
export function pageOf(pages: readonly PdfPage[], offset: number): number {
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pages[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return pages[low]?.number ?? 1;
}

export { IMRPdfError, type PdfErrorCode } from "./errors.js";
export type { PdfEngine } from "./engine.js";
export { pageText, type TextRun } from "./text.js";
