/**
 * The package as users get it: packed, installed into a fresh project, and used with
 * `import`, `require` and its command. Also publint and arethetypeswrong on the tarball.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { letter } from "./fixtures/compose.js";

const root = join(import.meta.dirname, "..");
const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });
let project = "";
let tarball = "";

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), "imr-pack-"));
  npm(["pack", "--pack-destination", packDir], root);
  tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz"))!);
  project = mkdtempSync(join(tmpdir(), "imr-user-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  writeFileSync(join(project, "letter.txt"), letter());
  npm(["install", tarball, "--prefer-offline"], project);
}, 180_000);

const node = (script: string, file: string) => {
  writeFileSync(join(project, file), script);
  return execFileSync(process.execPath, [file], { cwd: project, encoding: "utf8" }).trim();
};

describe("the installed package", () => {
  it("works with import", () => {
    const out = node(
      `import { readFileSync } from "node:fs";
       import { parseDetermination, IMRDeterminationSchema } from "imr-determination";
       const d = IMRDeterminationSchema.parse(parseDetermination(readFileSync("letter.txt", "utf8")));
       console.log(d.caseNumber, d.decisions.length);`,
      "esm.mjs",
    );
    expect(out).toBe("CM19-0000417 2");
  });

  it("works with require", () => {
    const out = node(
      `const { readFileSync } = require("node:fs");
       const { parseDetermination } = require("imr-determination");
       const pdf = require("imr-determination/pdf");
       const schema = require("imr-determination/schema.json");
       console.log(parseDetermination(readFileSync("letter.txt", "utf8")).decisions[1].outcome, typeof pdf.parseDeterminationPdf, schema.title);`,
      "cjs.cjs",
    );
    expect(out).toBe("overturned function IMRDetermination");
  });

  it("installs the imr-parse command", () => {
    const out = execFileSync(join(project, "node_modules", ".bin", "imr-parse"), ["--format", "csv", "letter.txt"], { cwd: project, encoding: "utf8" });
    expect(out.split("\r\n")[1]).toMatch(/^letter\.txt,CM19-0000417,/);
  });

  it("passes publint and arethetypeswrong", () => {
    expect(execFileSync(join(root, "node_modules", ".bin", "publint"), ["--strict", tarball], { cwd: root, encoding: "utf8" })).toContain("All good!");
    expect(execFileSync(join(root, "node_modules", ".bin", "attw"), [tarball], { cwd: root, encoding: "utf8" })).toContain("No problems found");
  });
});

describe("the bundles", () => {
  // One non-ASCII character makes Node hold a whole bundle as a two-byte string, which
  // every import pays for (docs/performance.md); characters outside ASCII are escaped.
  it("are ASCII", () => {
    for (const file of ["index.js", "index.cjs", "pdf/index.js", "pdf/index.cjs"]) {
      const bytes = readFileSync(join(root, "dist", file));
      const at = bytes.findIndex((b) => b > 127);
      expect(at, `${file}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString()}`).toBe(-1);
    }
  });
});
