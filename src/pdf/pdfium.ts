/**
 * The PDFium engine, through `@embedpdf/pdfium` (PDFium, the PDF library of Chrome,
 * compiled to WebAssembly; no install scripts, nothing native).
 *
 * The text comes from each character PDFium finds on a page (its Unicode value, origin,
 * advance and font), grouped into runs as pdf.js groups glyphs (`RunBuilder`), so both
 * engines give the same text. The characters are read with PDFium's own functions,
 * called straight on the WebAssembly exports: the package's typed wrappers convert every
 * argument, which costs more than the call, thousands of times a page. Those exports are
 * not in the package's type definitions, hence the pinned version and the check at load.
 */
import type { TextEngine } from "./engine.js";
import { IMRPdfError, messageOf } from "./errors.js";
import { RunBuilder } from "./runs.js";
import { pageText } from "./text.js";

/** The version the raw exports below were checked against (package.json pins it too). */
export const PDFIUM_VERSION = "2.15.1";

/** PDFium's C functions as the WebAssembly module exports them (pointers are numbers). */
interface PdfiumExports {
  memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_CloseDocument(document: number): void;
  FPDF_GetPageCount(document: number): number;
  FPDF_LoadPage(document: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
}

/** Every export used here, checked when the module loads. */
export const PDFIUM_FUNCTIONS = [
  "malloc",
  "free",
  "FPDF_LoadMemDocument",
  "FPDF_GetLastError",
  "FPDF_CloseDocument",
  "FPDF_GetPageCount",
  "FPDF_LoadPage",
  "FPDF_ClosePage",
  "FPDFText_LoadPage",
  "FPDFText_ClosePage",
  "FPDFText_CountChars",
  "FPDFText_GetUnicode",
  "FPDFText_IsGenerated",
  "FPDFText_GetCharOrigin",
  "FPDFText_GetLooseCharBox",
  "FPDFText_GetTextObject",
  "FPDFText_GetFontSize",
  "FPDFText_GetMatrix",
  "FPDFTextObj_GetFont",
] as const satisfies readonly (keyof PdfiumExports)[];

// FPDF_GetLastError's codes (fpdfview.h).
const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;
const LAST_ERRORS = ["no error", "unknown error", "file not found or could not be opened", "not in PDF format or corrupted", "password required", "unsupported security scheme", "page not found or content error"];

// Characters PDFium reports: 0x02 stands for a hyphen that ends a line (PDFium's own
// marker, the character it replaced); control characters carry no text.
const END_OF_LINE_HYPHEN = 0x02;

/** What JavaScript's `\s` matches above the control characters (a test per character costs more). */
const isSpace = (code: number) =>
  code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

interface Pdfium {
  exports: PdfiumExports;
  /** 64 bytes of WebAssembly memory for the values PDFium writes back. */
  scratch: number;
  /** What the module last printed (memory errors), for the message of an abort. */
  printed: string[];
}

let instance: Promise<Pdfium> | undefined;

export function loadPdfium(): Promise<TextEngine> {
  return pdfium().then(() => ({ name: "pdfium", pages }));
}

function pdfium(): Promise<Pdfium> {
  instance ??= start().catch((cause: unknown) => {
    instance = undefined;
    throw cause;
  });
  return instance;
}

async function start(): Promise<Pdfium> {
  let module: typeof import("@embedpdf/pdfium");
  try {
    module = await import("@embedpdf/pdfium");
  } catch (cause) {
    throw new IMRPdfError("missing-pdf-library", 'Reading PDFs with PDFium needs the optional package "@embedpdf/pdfium": install it with `npm install @embedpdf/pdfium`', { cause });
  }
  const printed: string[] = [];
  const keep = (line: string) => printed.splice(0, printed.length - 4, line);
  // Emscripten prints memory errors to the console before it aborts: kept for the error instead.
  const wrapped = await module.init({ print: keep, printErr: keep });
  const exports = wrapped.pdfium.wasmExports as unknown as PdfiumExports;
  const missing = PDFIUM_FUNCTIONS.filter((name) => typeof exports[name] !== "function");
  if (missing.length > 0) {
    throw new IMRPdfError("missing-pdf-library", `This @embedpdf/pdfium lacks ${missing.join(", ")}: imr-determination needs @embedpdf/pdfium ${PDFIUM_VERSION}`);
  }
  wrapped.PDFiumExt_Init();
  return { exports, scratch: exports.malloc(64), printed };
}

async function pages(bytes: Uint8Array): Promise<string[]> {
  const engine = await pdfium();
  try {
    return read(engine, bytes);
  } catch (cause) {
    if (cause instanceof IMRPdfError) throw cause;
    // PDFium aborted (out of memory, most likely): the module's state is lost, so the next
    // PDF gets a new one.
    instance = undefined;
    const printed = engine.printed.join("; ");
    throw new IMRPdfError("unreadable-pdf", `PDFium failed reading the PDF: ${messageOf(cause)}${printed ? ` (${printed})` : ""}`, { cause });
  }
}

function read({ exports: pdf, scratch }: Pdfium, bytes: Uint8Array): string[] {
  const data = pdf.malloc(Math.max(bytes.length, 1));
  if (data === 0) throw new IMRPdfError("unreadable-pdf", `The PDF (${bytes.length} bytes) does not fit in PDFium's memory`);
  new Uint8Array(pdf.memory.buffer).set(bytes, data);
  const document = pdf.FPDF_LoadMemDocument(data, bytes.length, 0);
  try {
    if (document === 0) throw loadError(pdf.FPDF_GetLastError());
    const pages: string[] = [];
    const count = pdf.FPDF_GetPageCount(document);
    const runs = new RunBuilder();
    for (let index = 0; index < count; index++) {
      const page = pdf.FPDF_LoadPage(document, index);
      if (page === 0) throw new IMRPdfError("unreadable-pdf", `The PDF's page ${index + 1} could not be read (PDFium: ${LAST_ERRORS[pdf.FPDF_GetLastError()] ?? "unknown error"})`);
      const textPage = pdf.FPDFText_LoadPage(page);
      try {
        if (textPage === 0) throw new IMRPdfError("unreadable-pdf", `The text of the PDF's page ${index + 1} could not be read`);
        readCharacters(pdf, textPage, scratch, runs);
        pages.push(pageText(runs.take()));
      } finally {
        if (textPage !== 0) pdf.FPDFText_ClosePage(textPage);
        pdf.FPDF_ClosePage(page);
      }
    }
    return pages;
  } finally {
    if (document !== 0) pdf.FPDF_CloseDocument(document);
    pdf.free(data);
  }
}

function loadError(code: number): IMRPdfError {
  if (code === FPDF_ERR_PASSWORD) return new IMRPdfError("encrypted-pdf", "The PDF is encrypted: it needs a password to be read");
  if (code === FPDF_ERR_SECURITY) return new IMRPdfError("encrypted-pdf", "The PDF is encrypted with a security scheme PDFium does not support");
  return new IMRPdfError("unreadable-pdf", `Not a readable PDF (PDFium: ${LAST_ERRORS[code] ?? `error ${code}`})`);
}

function readCharacters(pdf: PdfiumExports, textPage: number, scratch: number, runs: RunBuilder): void {
  // Views made after the page was loaded: loading can grow the memory, which detaches
  // older views; reading characters allocates nothing.
  const doubles = new Float64Array(pdf.memory.buffer, scratch, 2); // origin x, y
  const floats = new Float32Array(pdf.memory.buffer, scratch + 16, 10); // loose box; matrix a, b, c, d, e, f
  let textObject = 0;
  let font = 0;
  let setSize = 0;
  let size = 0;
  const count = pdf.FPDFText_CountChars(textPage);
  for (let i = 0; i < count; i++) {
    let code = pdf.FPDFText_GetUnicode(textPage, i);
    if (code === END_OF_LINE_HYPHEN) code = 0x2d;
    else if (code < 0x20 || code === 0xfffe || code === 0xffff) continue;
    if (isSpace(code)) {
      // Spaces PDFium adds between words and lines are its guesses, not the text's.
      if (!pdf.FPDFText_IsGenerated(textPage, i)) runs.space();
      continue;
    }
    const object = pdf.FPDFText_GetTextObject(textPage, i);
    if (object !== textObject) {
      textObject = object;
      font = pdf.FPDFTextObj_GetFont(object);
      setSize = pdf.FPDFText_GetFontSize(textPage, i);
      // The size as drawn: the set size scaled by the text and page matrices (a, b).
      pdf.FPDFText_GetMatrix(textPage, i, scratch + 32);
      size = setSize * Math.hypot(floats[4]!, floats[5]!);
    }
    pdf.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
    pdf.FPDFText_GetLooseCharBox(textPage, i, scratch + 16); // left, top, right, bottom
    runs.glyph(String.fromCodePoint(code), doubles[0]!, doubles[1]!, floats[2]!, font, setSize, size);
  }
}
