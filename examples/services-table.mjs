// The table of the DWC's annual IMR report, over a folder of letters: each service
// category's share of the decisions and how often IMR overturned the denial; then the
// same by drug class within pharmaceuticals.
//   node examples/services-table.mjs <folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DRUG_CLASSES, parseDetermination, SERVICE_CATEGORIES } from "imr-determination";

const folder = process.argv[2] ?? "examples/letters";
const byCategory = new Map();
const byDrugClass = new Map();
const tally = (map, key, outcome) => {
  const t = map.get(key) ?? { decisions: 0, overturned: 0 };
  t.decisions++;
  if (outcome === "overturned") t.overturned++;
  map.set(key, t);
};
for (const file of readdirSync(folder).filter((f) => f.endsWith(".txt")).sort()) {
  for (const { service, outcome } of parseDetermination(readFileSync(join(folder, file), "utf8")).decisions) {
    tally(byCategory, service.category, outcome);
    if (service.category === "pharmaceutical") tally(byDrugClass, service.drugClass ?? "unknown", outcome);
  }
}

const percent = (n, of) => (of > 0 ? `${((100 * n) / of).toFixed(1)} %` : "-");
function table(title, order, map) {
  const total = [...map.values()].reduce((n, t) => n + t.decisions, 0);
  // Largest first, as the DWC's reports list them; ties in the taxonomy's order.
  const rows = [...map].sort((a, b) => b[1].decisions - a[1].decisions || order.indexOf(a[0]) - order.indexOf(b[0]));
  console.log(`| ${title} | decisions | share | overturned | overturn rate |`);
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [key, t] of rows) console.log(`| ${key} | ${t.decisions} | ${percent(t.decisions, total)} | ${t.overturned} | ${percent(t.overturned, t.decisions)} |`);
  const overturned = [...map.values()].reduce((n, t) => n + t.overturned, 0);
  console.log(`| all | ${total} | 100.0 % | ${overturned} | ${percent(overturned, total)} |`);
}

table("service category", SERVICE_CATEGORIES, byCategory);
console.log();
table("drug class (pharmaceuticals)", [...DRUG_CLASSES, "unknown"], byDrugClass);
