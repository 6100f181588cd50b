/**
 * The package as users get it: packed, installed into a fresh project, and used with
 * `import`, `require` and its command. Also publint and arethetypeswrong on the tarball.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
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

  it("installs the command under the package's name too, for npx", () => {
    // --no: run the installed command or fail, never fetch a package of that name.
    const out = execFileSync("npm", ["exec", "--no", "--", "imr-determination", "--help"], { cwd: project, encoding: "utf8" });
    expect(out).toMatch(/^Usage: imr-parse /);
  });

  it("runs with npx from anywhere, by the package's name alone", () => {
    // As \`npx imr-determination …\` does from the registry: npx runs the bin named after the package.
    const anywhere = mkdtempSync(join(tmpdir(), "imr-npx-"));
    try {
      const out = execFileSync("npx", ["--yes", "--prefer-offline", `file:${tarball}`, "--help"], { cwd: anywhere, encoding: "utf8" });
      expect(out).toMatch(/^Usage: imr-parse /);
    } finally {
      // npx keeps what it installed, per tarball path; this one is used once.
      const npx = join(execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim(), "_npx");
      for (const entry of existsSync(npx) ? readdirSync(npx) : []) {
        const manifest = join(npx, entry, "package.json");
        if (existsSync(manifest) && readFileSync(manifest, "utf8").includes(tarball)) rmSync(join(npx, entry), { recursive: true, force: true });
      }
    }
  });

  it("ships the guides, and every relative link in its Markdown resolves inside it", () => {
    const installed = join(project, "node_modules", "imr-determination");
    const pages = ["README.md", ...readdirSync(join(installed, "docs")).map((f) => join("docs", f))].filter((f) => f.endsWith(".md"));
    expect(pages).toEqual(expect.arrayContaining(["README.md", "docs/guide.md", "docs/cli.md", "docs/diagnostics.md", "docs/citations.md"]));
    const broken: string[] = [];
    let links = 0;
    for (const page of pages) {
      const text = readFileSync(join(installed, page), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z+.-]*:|^#/i.test(target!)) continue; // a web address or an anchor on the page
        links++;
        const path = resolve(dirname(join(installed, page)), decodeURI(target!.replace(/#.*$/, "")));
        if (relative(installed, path).startsWith("..") || !existsSync(path)) broken.push(`${page}: ${target}`);
      }
      // Development-only paths do not exist where the package is installed.
      expect(text, page).not.toMatch(/\.\.\/shared\//);
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(4);
  });

  it("is one copy of the code for import and require", () => {
    const out = node(
      `import { createRequire } from "node:module";
       import * as esm from "imr-determination";
       import * as esmPdf from "imr-determination/pdf";
       const require = createRequire(import.meta.url);
       const cjs = require("imr-determination");
       let caught;
       try { cjs.parseDetermination("not a letter", { strict: true }); } catch (error) { caught = error; }
       console.log(cjs.IMRParseError === esm.IMRParseError, caught instanceof esm.IMRParseError, require("imr-determination/pdf").IMRPdfError === esmPdf.IMRPdfError);`,
      "both.mjs",
    );
    expect(out).toBe("true true true");
  });

  it("keeps the error classes' names in the minified bundles", () => {
    const out = node(
      `import { IMRParseError, parseDetermination } from "imr-determination";
       import { IMRPdfError } from "imr-determination/pdf";
       let caught;
       try { parseDetermination("not a letter", { strict: true }); } catch (error) { caught = error; }
       console.log(IMRParseError.name, caught.name, caught.constructor.name, IMRPdfError.name, new IMRPdfError("unreadable-pdf", "x").constructor.name);`,
      "names.mjs",
    );
    expect(out).toBe("IMRParseError IMRParseError IMRParseError IMRPdfError IMRPdfError");
  });

  it("says in one line which Node.js it needs, where require cannot load ES modules", () => {
    writeFileSync(join(project, "old.cjs"), `require("imr-determination");`);
    const r = spawnSync(process.execPath, ["--no-experimental-require-module", "old.cjs"], { cwd: project, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`Error: imr-determination needs Node.js >= 22.12, with require() of ES modules turned on; this is ${process.version}\n`);
  });

  it("passes publint and arethetypeswrong", () => {
    expect(execFileSync(join(root, "node_modules", ".bin", "publint"), ["--strict", tarball], { cwd: root, encoding: "utf8" })).toContain("All good!");
    expect(execFileSync(join(root, "node_modules", ".bin", "attw"), [tarball], { cwd: root, encoding: "utf8" })).toContain("No problems found");
  });
});

// A Node.js older than 22.12 on this machine (Debian's is 20): the command and the library
// say in one line what they need, rather than failing to link.
const olderNode = ["/usr/bin/node", "/usr/local/bin/node"].find((path) => {
  const version = spawnSync(path, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout?.trim();
  const [major = 99, minor = 0] = (version || "99").split(".").map(Number);
  return major < 22 || (major === 22 && minor < 12);
});

describe.skipIf(!olderNode)(`on an older Node.js (${olderNode ?? "none on this machine"})`, () => {
  const version = () => spawnSync(olderNode!, ["-v"], { encoding: "utf8" }).stdout.trim();

  it("the command prints what it needs and exits 2", () => {
    const r = spawnSync(olderNode!, [join(project, "node_modules", "imr-determination", "dist", "cli.js"), "--help"], { cwd: project, encoding: "utf8" });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: "", stderr: `imr-determination needs Node.js >= 22.12; this is ${version()}\n` });
  });

  it("the library throws what it needs, without the minified bundle beside it", () => {
    for (const [file, script] of [
      ["old.mjs", `import "imr-determination";`],
      ["old.cjs", `require("imr-determination");`],
    ] as const) {
      writeFileSync(join(project, file), script);
      const r = spawnSync(olderNode!, [file], { cwd: project, encoding: "utf8" });
      expect(r.status, file).toBe(1);
      expect(r.stderr, file).toMatch(new RegExp(`^Error: imr-determination needs Node\\.js >= 22\\.12[^\\n]*; this is ${version().replaceAll(".", "\\.")}$`, "m"));
      expect(r.stderr.length, file).toBeLessThan(2000);
    }
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
