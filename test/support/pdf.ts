/**
 * A minimal PDF writer for tests: lines of text in Helvetica, 50 to a page, so the
 * PDF route can be tested on letters the tests compose (no published PDF is copied).
 */
export function textPdf(text: string, { lineHeight = 13.8, left = 72, top = 720, perPage = 50 } = {}): Uint8Array {
  const lines = text.split("\n");
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  const escape = (s: string) => s.replace(/[\\()]/g, "\\$&").replace(/[^\x20-\x7e]/g, "?");
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const catalog = add("<< /Type /Catalog /Pages 2 0 R >>");
  const pagesId = add(""); // filled in below
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const page of pages) {
    const content = page
      .map((line, i) => {
        // Cells of a layout rendering (runs of two or more spaces apart) are placed at
        // their columns, as a table's cells are in a real PDF.
        const y = (top - i * lineHeight).toFixed(1);
        return [...line.matchAll(/\S+(?: \S+)*/g)]
          .map((cell) => `BT /F1 11 Tf ${left + cell.index * 5.5} ${y} Td (${escape(cell[0])}) Tj ET`)
          .join("\n");
      })
      .join("\n");
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
