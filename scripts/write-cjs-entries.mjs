// Writes the package's CommonJS entries: each loads the ES module build beside it with
// require(), which Node.js does from 22.12, so both ways in share one copy of the code
// (an IMRParseError thrown under require is an instance of the class import gives).
// Their declarations are the ES module build's, as .d.cts.
import { copyFileSync, writeFileSync } from "node:fs";

for (const entry of ["index", "pdf/index"]) {
  const file = (ext) => new URL(`../dist/${entry}${ext}`, import.meta.url);
  writeFileSync(
    file(".cjs"),
    `"use strict";
// The ES module build beside this file, loaded by require(): one copy of the code for
// import and require. Node.js older than 22.12 (or started with
// --no-experimental-require-module) cannot require an ES module: say so in one line.
if (!process.features.require_module) {
  throw new Error("imr-determination needs Node.js >= 22.12, with require() of ES modules turned on; this is " + process.version);
}
module.exports = require("./index.js");
`,
  );
  copyFileSync(file(".d.ts"), file(".d.cts"));
}
