/**
 * `imr-determination/pdf`: letters straight from their published PDFs.
 *
 * Text is extracted with `unpdf` (a maintained, dependency-free build of Mozilla's
 * pdf.js for servers: no worker or canvas to set up, Node, Deno and browsers alike), an
 * optional peer dependency that only this entry point loads.
 *
 * @packageDocumentation
 * @module imr-determination/pdf
 */
import { parseDetermination, type IMRDetermination, type ParseOptions } from "imr-determination";
import { pageText, type TextRun } from "./text.js";

/**
 * Why a PDF could not be read.
 *
 * @example
 * ```ts
 * const skip = (e: unknown) => e instanceof IMRPdfError && (e.code satisfies PdfErrorCode) === "unreadable-pdf";
 * ```
 */
export type PdfErrorCode = "missing-pdf-library" | "unreadable-pdf";

/**
 * Thrown when a PDF cannot be turned into text: `unpdf` is not installed, or the bytes
 * are not a readable PDF (corrupt, encrypted, not a PDF at all).
 *
 * @example
 * ```ts
 * import { parseDeterminationPdf, IMRPdfError } from "imr-determination/pdf";
 * try {
 *   await parseDeterminationPdf(bytes);
 * } catch (error) {
 *   if (error instanceof IMRPdfError && error.code === "unreadable-pdf") console.error("skipping", error.message);
 * }
 * ```
 */
export class IMRPdfError extends Error {
  // Named by itself in the minified bundle, as IMRParseError is.
  static {
    Object.defineProperty(this, "name", { value: "IMRPdfError" });
  }
  override name = "IMRPdfError";

  constructor(
    readonly code: PdfErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type Unpdf = typeof import("unpdf");
let unpdf: Promise<Unpdf> | undefined;

function loadUnpdf(): Promise<Unpdf> {
  unpdf ??= import("unpdf").catch((cause: unknown) => {
    unpdf = undefined;
    throw new IMRPdfError(
      "missing-pdf-library",
      'Reading PDFs needs the optional package "unpdf": install it with `npm install unpdf`',
      { cause },
    );
  });
  return unpdf;
}

/**
 * Loads the PDF library ahead of the first PDF (it takes a moment), for a worker or a
 * server that wants the first letter as fast as the rest. Rejects with an
 * {@link IMRPdfError} (`missing-pdf-library`) when `unpdf` is not installed.
 *
 * @example
 * ```ts
 * import { preloadPdfSupport } from "imr-determination/pdf";
 * await preloadPdfSupport();
 * ```
 */
export async function preloadPdfSupport(): Promise<void> {
  await loadUnpdf();
}

/**
 * The text of a letter's PDF, page by page (pages separated by a form feed), in reading
 * order. Spans in `parseDeterminationPdf`'s result are offsets into this string.
 *
 * @example
 * ```ts
 * import { readFile } from "node:fs/promises";
 * import { extractPdfText } from "imr-determination/pdf";
 * const text = await extractPdfText(await readFile("CM19-0000101.pdf"));
 * ```
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await loadUnpdf();
  let document: Awaited<ReturnType<Unpdf["getDocumentProxy"]>>;
  try {
    // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
    // verbosity 0: pdf.js would print its warnings about damaged files to the console.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (cause) {
    throw new IMRPdfError("unreadable-pdf", `Not a readable PDF: ${(cause as Error)?.message ?? cause}`, { cause });
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        runs.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      }
      pages.push(pageText(runs));
    }
    return pages.join("\n\f");
  } catch (cause) {
    throw new IMRPdfError("unreadable-pdf", `The PDF's text could not be read: ${(cause as Error)?.message ?? cause}`, { cause });
  } finally {
    await document.loadingTask.destroy();
  }
}

/**
 * Reads an IMR Final Determination Letter from its PDF: extracts the text
 * ({@link extractPdfText}) and parses it with `parseDetermination`. It rejects with an
 * {@link IMRPdfError} only when the PDF itself cannot be read; problems with the
 * letter's content are diagnostics, as for text.
 *
 * @example
 * ```ts
 * import { readFile } from "node:fs/promises";
 * import { parseDeterminationPdf } from "imr-determination/pdf";
 * const d = await parseDeterminationPdf(await readFile("CM19-0000101.pdf"));
 * d.decisions[0].outcome; // "upheld"
 * ```
 */
export async function parseDeterminationPdf(bytes: Uint8Array, options?: ParseOptions): Promise<IMRDetermination> {
  return parseDetermination(await extractPdfText(bytes), options);
}

export { pageText, type TextRun } from "./text.js";
