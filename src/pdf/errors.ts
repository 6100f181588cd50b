// The error every PDF engine throws, whichever engine read the file.

/**
 * Why a PDF could not be read.
 *
 * - `missing-pdf-library`: no PDF engine is installed (or not the one asked for).
 * - `encrypted-pdf`: the PDF needs a password to be opened.
 * - `unreadable-pdf`: the bytes are not a readable PDF (corrupt, cut off, not a PDF),
 *   or reading it failed.
 *
 * @example
 * ```ts
 * const skip = (e: unknown) => e instanceof IMRPdfError && (e.code satisfies PdfErrorCode) === "encrypted-pdf";
 * ```
 */
export type PdfErrorCode = "missing-pdf-library" | "encrypted-pdf" | "unreadable-pdf";

/**
 * Thrown when a PDF cannot be turned into text: no PDF engine is installed, the PDF is
 * encrypted, or the bytes are not a readable PDF. `code` tells which.
 *
 * @example
 * ```ts
 * import { parseDeterminationPdf, IMRPdfError } from "imr-determination/pdf";
 * try {
 *   await parseDeterminationPdf(bytes);
 * } catch (error) {
 *   if (error instanceof IMRPdfError && error.code === "encrypted-pdf") console.error("needs a password:", error.message);
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

/** The message of whatever was thrown. */
export const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
