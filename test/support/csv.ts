/** Reads RFC 4180 CSV (CRLF line ends, as the command writes it) into records by column name. */
export function readCsv(csv: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  for (let i = 0, quoted = false; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\r" && csv[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += ch;
  }
  const [names = [], ...rows] = records;
  return rows.map((values) => Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""])));
}
