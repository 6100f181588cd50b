// Writes the CST node types of both grammars (src/grammar/cst.ts) from the parsers'
// own productions, with Chevrotain's generator: the AST visitor is typed by them.
// `npm run cst` after changing a rule; a test fails while the file is out of date.
import { writeFileSync } from "node:fs";
import { cstTypesSource } from "./cst-types.mjs";

writeFileSync(new URL("../src/grammar/cst.ts", import.meta.url), await cstTypesSource());
