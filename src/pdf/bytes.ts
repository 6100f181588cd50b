/**
 * What the PDF functions accept: the file's bytes, as a `Uint8Array` (a Node `Buffer` is
 * one) or an `ArrayBuffer`. Anything else is a TypeError that says what to pass, rather
 * than a PDF library's puzzling "The PDF file is empty" for a path or `null`.
 */

const tag = (value: object) => Object.prototype.toString.call(value).slice(8, -1);

/** The bytes of `input`, or a TypeError. Tags rather than `instanceof`, so that arrays
 * made in another realm (a `vm` context, a test runner's) are accepted too. */
export function pdfBytes(input: unknown): Uint8Array {
  if (typeof input === "object" && input !== null) {
    const kind = tag(input);
    if (kind === "Uint8Array" && ArrayBuffer.isView(input)) return input as Uint8Array;
    if (kind === "ArrayBuffer") return new Uint8Array(input as ArrayBuffer);
  }
  throw new TypeError(`Pass the PDF's bytes as a Uint8Array (a Buffer is one) or an ArrayBuffer, not ${describe(input)}`);
}

function describe(input: unknown): string {
  if (input === null) return "null";
  if (typeof input === "string") return "a string: to read a file, pass its bytes, as in parseDeterminationPdf(await readFile(path))";
  if (typeof input !== "object") return `a ${typeof input}`;
  if (ArrayBuffer.isView(input)) {
    return `a ${tag(input)}: pass the bytes it views, new Uint8Array(view.buffer, view.byteOffset, view.byteLength)`;
  }
  return `an object (${tag(input)})`;
}
