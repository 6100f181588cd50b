import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { unsupportedNode } from "./src/node-version.js";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// The first lines of each library bundle: on a Node.js older than the package needs, one
// clear error. On lines of their own, not in the minified line, which Node would print
// whole beside the message.
const nodeCheck = `{\nconst tooOld = (${unsupportedNode.toString()})();\nif (tooOld !== null) throw new Error(tooOld);\n}`;

export default defineConfig([
  {
    // The library, as ES modules. The CommonJS entries (index.cjs) load these same files
    // (scripts/write-cjs-entries.mjs): one copy of the code, so an IMRParseError is the
    // same class however the package was loaded.
    entry: { index: "src/index.ts", "pdf/index": "src/pdf/index.ts" },
    format: ["esm"],
    dts: true,
    sourcemap: true,
    target: "node22",
    platform: "node",
    treeshake: true,
    // No shared chunk: the two entry points share only a few bytes, and a second module
    // to resolve and link is a cost every import pays.
    splitting: false,
    // One file loads much faster than the hundreds of modules chevrotain and zod/mini ship
    // as: the import is most of a cold start. The PDF entry point uses the main one.
    noExternal: ["chevrotain", "zod"],
    // Minified, the bundle compiles faster; the source maps keep stack traces readable.
    minify: true,
    banner: { js: nodeCheck },
    external: ["imr-determination", "unpdf", "@embedpdf/pdfium"],
    onSuccess: "node scripts/write-schema.mjs",
  },
  {
    // The command and its worker threads (ESM only; they import the library by name).
    entry: { cli: "src/cli/bin.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node22",
    platform: "node",
    external: ["imr-determination", "imr-determination/pdf", "unpdf", "@embedpdf/pdfium"],
    define: { PACKAGE_VERSION: JSON.stringify(version) },
  },
]);
