/**
 * The pdf.js engine, through `unpdf` (a maintained, dependency-free build of Mozilla's
 * pdf.js for servers: no worker or canvas to set up).
 */
import type { TextEngine } from "./engine.js";
import { IMRPdfError, messageOf } from "./errors.js";
import { pageText, type TextRun } from "./text.js";

type Unpdf = typeof import("unpdf");

let engine: Promise<TextEngine> | undefined;

export function loadPdfjs(): Promise<TextEngine> {
  engine ??= import("unpdf").then(
    (unpdf) => ({ name: "pdfjs", pages: (bytes) => pages(unpdf, bytes) }),
    (cause: unknown) => {
      engine = undefined;
      throw new IMRPdfError("missing-pdf-library", 'Reading PDFs with pdf.js needs the optional package "unpdf": install it with `npm install unpdf`', { cause });
    },
  );
  return engine;
}

async function pages({ getDocumentProxy }: Unpdf, bytes: Uint8Array): Promise<string[]> {
  let document: Awaited<ReturnType<Unpdf["getDocumentProxy"]>>;
  try {
    // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
    // verbosity 0: pdf.js would print its warnings about damaged files to the console.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (cause) {
    if ((cause as Error)?.name === "PasswordException") throw new IMRPdfError("encrypted-pdf", "The PDF is encrypted: it needs a password to be read", { cause });
    throw new IMRPdfError("unreadable-pdf", `Not a readable PDF: ${messageOf(cause)}`, { cause });
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
    return pages;
  } catch (cause) {
    throw new IMRPdfError("unreadable-pdf", `The PDF's text could not be read: ${messageOf(cause)}`, { cause });
  } finally {
    await document.loadingTask.destroy();
  }
}
