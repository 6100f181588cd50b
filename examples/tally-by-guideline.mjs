// Tallies IMR outcomes by the MTUS guideline the reviewer cited, over a folder of letters.
//   node examples/tally-by-guideline.mjs <folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listCitations, parseDetermination } from "imr-determination";

const folder = process.argv[2] ?? "examples/letters";
const tally = new Map();
for (const file of readdirSync(folder).filter((f) => f.endsWith(".txt"))) {
  const letter = parseDetermination(readFileSync(join(folder, file), "utf8"));
  for (const row of listCitations(letter)) {
    // A damaged heading leaves the outcome null (with an error diagnostic): nothing to count.
    if (row.paragraph !== "reviewer" || row.citation.source !== "MTUS" || row.outcome === null) continue;
    const key = `${row.citation.guideline}${row.citation.year ? ` ${row.citation.year}` : ""}`;
    const counts = tally.get(key) ?? { upheld: 0, overturned: 0 };
    counts[row.outcome]++;
    tally.set(key, counts);
  }
}
const rows = [...tally].sort((a, b) => b[1].upheld + b[1].overturned - (a[1].upheld + a[1].overturned));
console.log("MTUS guideline (reviewer)".padEnd(44), "upheld", "overturned");
for (const [guideline, { upheld, overturned }] of rows) {
  console.log(guideline.padEnd(44), String(upheld).padStart(6), String(overturned).padStart(10));
}
