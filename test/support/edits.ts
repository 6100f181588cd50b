/** Random damage to a letter, line by line, for the property tests. */
import fc from "fast-check";

export interface LineEdit {
  kind: "drop" | "duplicate" | "swap" | "insert" | "truncate";
  at: number;
  other: number;
  text: string;
}

/** Up to five edits: lines dropped, duplicated or swapped, characters inserted, the end cut off. */
export const lineEdits = fc.array(
  fc.record({
    kind: fc.constantFrom("drop" as const, "duplicate" as const, "swap" as const, "insert" as const, "truncate" as const),
    at: fc.nat(),
    other: fc.nat(),
    text: fc.string({ maxLength: 8 }),
  }),
  { maxLength: 5 },
);

export function applyEdits(text: string, edits: readonly LineEdit[]): string {
  let lines = text.split("\n");
  for (const e of edits) {
    if (lines.length === 0) break;
    const i = e.at % lines.length;
    if (e.kind === "drop") lines.splice(i, 1);
    else if (e.kind === "duplicate") lines.splice(i, 0, lines[i]!);
    else if (e.kind === "swap") [lines[i], lines[e.other % lines.length]] = [lines[e.other % lines.length]!, lines[i]!];
    else if (e.kind === "insert") {
      const cut = e.other % (lines[i]!.length + 1);
      lines[i] = lines[i]!.slice(0, cut) + e.text + lines[i]!.slice(cut);
    } else lines = lines.slice(0, i);
  }
  return lines.join("\n");
}
