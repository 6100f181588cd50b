/**
 * The shared corpus, when it is there (a clone of this repository alone has none): the
 * scorer's checks, spans that lead back to each field's text, and where every letter
 * and digit went, over every letter and every extraction variant.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { IMRDeterminationSchema, normalize, parseDetermination, reflow } from "../src/index.js";
import { CP1252 } from "./fixtures/compose.js";
import { applyEdits, lineEdits } from "./support/edits.js";
import { placement } from "./support/placement.js";

const shared = join(import.meta.dirname, "..", "..", "shared");
const corpus = join(shared, "corpus");
const present = existsSync(join(corpus, "gold"));
if (!present) console.warn(`corpus tests skipped: ${corpus} is absent (it sits beside the project in development only)`);

// The rewrites the scorer applies, so that spans are checked on the same inputs (its
// mojibake works on UTF-16 units, so an emoji's halves are mangled too).
const VARIANTS: Record<string, (t: string) => string> = {
  raw: (t) => t,
  crlf: (t) => t.replace(/\r?\n/g, "\r\n"),
  seedstyle: (t) => t.split("\n").map((l) => `${l} \n`).join("\n"),
  mojibake: (t) =>
    t.replace(/[^\x00-\x7F]/g, (ch) =>
      [...Buffer.from(ch, "utf8")].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b))).join(""),
    ),
  furniture: (t) => {
    const caseNumber = (t.match(/CM\d{2}-\d{7}/) || [""])[0];
    return t
      .split("\n")
      .flatMap((line, i) => {
        const cut = line.indexOf(" ", Math.floor(line.length / 2));
        if (i > 12 && i % 37 === 0 && cut > 0) return [line.slice(0, cut + 1), `Final Determination Letter for IMR Case Number ${caseNumber} ${line.slice(cut + 1)}`];
        return [line];
      })
      .join("\n");
  },
  noheader: (t) => {
    const at = t.indexOf("HOW THE IMR FINAL DETERMINATION WAS MADE");
    return at > 0 ? t.slice(at) : t;
  },
};

const folders = present
  ? [
      { dir: join(corpus, "letters", "raw"), variants: Object.keys(VARIANTS) },
      { dir: join(corpus, "letters", "layout"), variants: Object.keys(VARIANTS) },
      { dir: join(corpus, "letters", "plain"), variants: Object.keys(VARIANTS) },
      { dir: join(corpus, "seeds"), variants: Object.keys(VARIANTS) },
    ]
  : [];

describe.skipIf(!present)("the shared corpus", () => {
  let module = "";
  beforeAll(async () => {
    module = join(mkdtempSync(join(tmpdir(), "imr-")), "index.mjs");
    await build({ entryPoints: [join(import.meta.dirname, "..", "src", "index.ts")], bundle: true, platform: "node", format: "esm", outfile: module, logLevel: "warning" });
  });

  it.each([
    ["letters/raw", "gold", ["--variant", "all"]],
    ["letters/layout", "gold", ["--variant", "all"]],
    ["letters/plain", "gold", ["--variant", "all", "--hyphens", "ignore"]],
    ["seeds", "gold-seeds", ["--variant", "all"]],
  ])("%s against %s scores 100%%, with citations and services", (letters, gold, extra) => {
    const args = [join(shared, "tools", "score.mjs"), "--module", module, "--letters", join(corpus, letters), "--gold", join(corpus, gold), "--with", "citations,service", "--show", "5", ...extra];
    let output: string;
    try {
      output = execFileSync(process.execPath, args, { encoding: "utf8" });
    } catch (error) {
      throw new Error(`score.mjs failed:\n${(error as { stdout?: string }).stdout}`);
    }
    expect(output.trim().split("\n").at(-1)).toMatch(/\(100\.00%\), (\d+)\/\1 letters exact, 0 crashed$/);
  });

  it("gives every text field a span that normalizes and reflows back to its text", () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const { dir, variants } of folders) {
      for (const file of readdirSync(dir)) {
        for (const v of variants) {
          const input = VARIANTS[v]!(readFileSync(join(dir, file), "utf8"));
          const r = parseDetermination(input);
          const fields = [r.caseSummary, ...r.decisions.flatMap((d) => [d.treatment, d.originalRequest, d.authorized, d.rationale, d.claimsAdministratorGuideline, d.reviewerGuideline])];
          for (const f of fields) {
            if (!f) continue;
            checked++;
            // A running page header inside a field's span is the letter's own (the furniture
            // variant splices them in); a slice alone cannot tell, so it goes first.
            const slice = input.slice(f.span.start, f.span.end).replace(/\s*Final Determination Letter for IMR Case Number (?:CM\d{2}-\d{7})?\s*/g, "\n");
            if (reflow(normalize(slice).text) !== f.text) wrong.push(`${file} ${v}: ${f.text.slice(0, 50)}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it("places every letter and digit in a field, the boilerplate or a diagnostic", () => {
    let total = 0;
    let placed = 0;
    let reported = 0;
    const lost: string[] = [];
    for (const { dir, variants } of folders) {
      for (const file of readdirSync(dir)) {
        for (const v of variants) {
          const p = placement(VARIANTS[v]!(readFileSync(join(dir, file), "utf8")));
          total += p.total;
          placed += p.inFields + p.inBoilerplate;
          reported += p.reported;
          if (p.lost > 0) lost.push(`${file} ${v}: ${p.lostSamples[0]}`);
        }
      }
    }
    console.info(
      `corpus placement: ${total} letters and digits, ${((100 * placed) / total).toFixed(3)}% in fields or boilerplate, ` +
        `${((100 * reported) / total).toFixed(3)}% reported in diagnostics, ${lost.length} letters with lost text`,
    );
    expect(lost.slice(0, 5)).toEqual([]);
  });

  it("keeps its promises on corpus letters with random edits", () => {
    const letters = readdirSync(join(corpus, "letters", "raw")).map((f) => readFileSync(join(corpus, "letters", "raw", f), "utf8"));
    fc.assert(
      fc.property(fc.nat({ max: letters.length - 1 }), lineEdits, (letter, edits) => {
        const p = placement(applyEdits(letters[letter]!, edits));
        IMRDeterminationSchema.parse(p.result);
        expect(p.lost, p.lostSamples.join(" | ")).toBe(0);
      }),
      { seed: Number(process.env.FC_SEED ?? 20261122), numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });
});
