/**
 * A minimal PDF writer for tests: lines of text in Helvetica, 50 to a page, so the
 * PDF route can be tested on letters the tests compose (no published PDF is copied);
 * and the hostile PDFs the command must survive (encrypted, a decompression bomb).
 */
import { deflateSync } from "node:zlib";

interface TextPdfOptions {
  lineHeight?: number;
  left?: number;
  top?: number;
  perPage?: number;
  /** Add a standard security handler with a user password, so that no one opens it without it. */
  encrypted?: boolean;
}

export function textPdf(text: string, { lineHeight = 13.8, left = 72, top = 720, perPage = 50, encrypted = false }: TextPdfOptions = {}): Uint8Array {
  const lines = text.split("\n");
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  const escape = (s: string) => s.replace(/[\\()]/g, "\\$&").replace(/[^\x20-\x7e]/g, "?");
  return pdfFile(
    pages.map((page) =>
      page
        .map((line, i) => {
          // Cells of a layout rendering (runs of two or more spaces apart) are placed at
          // their columns, as a table's cells are in a real PDF.
          const y = (top - i * lineHeight).toFixed(1);
          return [...line.matchAll(/\S+(?: \S+)*/g)]
            .map((cell) => `BT /F1 11 Tf ${left + cell.index * 5.5} ${y} Td (${escape(cell[0])}) Tj ET`)
            .join("\n");
        })
        .join("\n"),
    ),
    { encrypted },
  );
}

/**
 * A PDF whose content stream inflates to `megabytes` MB (a line of text, then spaces): a
 * few kilobytes on disk. With several pages, they all show that one stream, so reading
 * takes `pages` times as long but no more memory.
 */
export function bombPdf(megabytes: number, pages = 1): Uint8Array {
  const content = Buffer.alloc(megabytes * 1024 * 1024, " ");
  content.write("BT /F1 11 Tf 72 700 Td (Hello) Tj ET\n");
  return pdfFile(Array<Buffer>(pages).fill(deflateSync(content, { level: 9 })), { shared: true });
}

/** A PDF of pages with these content streams (text, or bytes already deflated); `shared`: every page shows the first. */
function pdfFile(contents: (string | Buffer)[], { encrypted = false, shared = false } = {}): Uint8Array {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body); // object numbers start at 1
  const catalog = add("<< /Type /Catalog /Pages 2 0 R >>");
  const pagesId = add(""); // filled in below
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  let first = 0;
  for (const content of contents) {
    const stream = shared && first
      ? first
      : typeof content === "string"
        ? add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
        : add(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from("\nendstream")]));
    first ||= stream;
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  // RC4 40-bit standard security with password hashes that no empty password matches:
  // readers must ask for a password (the streams are never reached, so they stay plain).
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, "0")).join("");
  const encryption = encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 101)}> /P -4 >>`) : 0;
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from("\nendobj\n")]));
  });
  const xref = length;
  const trailer = encrypted ? ` /Encrypt ${encryption} 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>]` : "";
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}` +
        `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${trailer} >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}
