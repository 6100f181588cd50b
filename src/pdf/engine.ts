/** What a PDF engine does for this entry point: a PDF's bytes → the text of each page. */

/**
 * The PDF engines `imr-determination/pdf` can use: `"pdfium"` (PDFium compiled to
 * WebAssembly, the package `@embedpdf/pdfium`, about twice as fast) or `"pdfjs"` (Mozilla's
 * pdf.js, the package `unpdf`). Both are optional peer dependencies; both give the same text.
 *
 * @example
 * ```ts
 * const engine: PdfEngine = "pdfjs";
 * await parseDeterminationPdf(bytes, { engine });
 * ```
 */
export type PdfEngine = "pdfium" | "pdfjs";

export interface TextEngine {
  readonly name: PdfEngine;
  /** The text of each page, in reading order (see `pageText`). */
  pages(bytes: Uint8Array): Promise<string[]>;
}
