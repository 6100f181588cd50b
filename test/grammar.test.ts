/**
 * The grammars are built without validation at run time (it slows the first parse);
 * here they are built with it, so a definition error or an ambiguity fails the tests.
 */
import { Lexer } from "chevrotain";
import { describe, expect, it } from "vitest";
import { letterVisitorClass } from "../src/ast/build.js";
import { passageVisitorClass } from "../src/ast/passages.js";
import { guidelineTokens } from "../src/grammar/guideline-tokens.js";
import { howTokens } from "../src/grammar/how-tokens.js";
import { listTokens } from "../src/grammar/list-tokens.js";
import { parseCst } from "../src/grammar/index.js";
import { LetterParser, letterParser } from "../src/grammar/parser.js";
import { normalize } from "../src/normalize/index.js";
import { PassageParser } from "../src/grammar/passage-parser.js";
import { letterTokens } from "../src/grammar/tokens.js";
import { cstTypesSource } from "../scripts/cst-types.mjs";

describe("grammar definitions", () => {
  it("the letter lexer and parser validate", () => {
    expect(() => new Lexer(letterTokens, { positionTracking: "onlyOffset", ensureOptimizations: true })).not.toThrow();
    expect(() => new LetterParser({ validate: true })).not.toThrow();
  });

  it("the passage lexer (guideline, list and section modes) and parser validate", () => {
    const modes = { guideline: guidelineTokens, list: listTokens, how: howTokens };
    expect(() => new Lexer({ modes, defaultMode: "guideline" }, { positionTracking: "onlyOffset", ensureOptimizations: true })).not.toThrow();
    expect(() => new PassageParser({ validate: true })).not.toThrow();
  });

  it("the AST visitors have a method for every rule", () => {
    expect(() => new (letterVisitorClass())().validateVisitor()).not.toThrow();
    expect(() => new (passageVisitorClass())().validateVisitor()).not.toThrow();
  });

  it("the CST types (src/grammar/cst.ts) are those the rules build: run `npm run cst` after changing a rule", async () => {
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(new URL("../src/grammar/cst.ts", import.meta.url), "utf8")).toBe(await cstTypesSource());
  });
});

describe("the decision heading lookahead", () => {
  // Runs of lines that look like the start of a heading and end without one: each line could
  // start a heading, and without remembering where the last run failed, each would be
  // scanned to that run's end again.
  const runs = {
    "full lines that never reach an outcome": `${"Invented heading words that run the full width of a line and go on past it\n".repeat(3000)}`,
    "full lines ending in a colon": `${"Invented heading words that run the full width of the line and end in a colon:\n".repeat(3000)}`,
    "short lines that look like headings": `${"Knee brace: Upheld\n".repeat(3000)}`,
  };
  it.each(Object.entries(runs))("looks at each token a bounded number of times: %s", (_name, text) => {
    const clean = normalize(`IMR ISSUES, DECISIONS AND RATIONALES\n${text}`);
    const { tokens } = parseCst(clean);
    expect(letterParser().lookaheadSteps).toBeLessThanOrEqual(4 * tokens.length);
  });
});

describe("building a parser (grammar/quick-start.ts)", () => {
  it("leaves none of Chevrotain's grammar-recording methods behind, without deleting them", () => {
    for (const parser of [new LetterParser(), new PassageParser()]) {
      const own = parser as unknown as Record<string, unknown>;
      const prototype = Object.getPrototypeOf(parser) as Record<string, unknown>;
      // Chevrotain would have deleted them; ours are assigned back, so they are still own properties.
      expect(Object.hasOwn(parser, "CONSUME")).toBe(true);
      const shadowing = Object.getOwnPropertyNames(parser).filter((name) => typeof own[name] === "function" && name in prototype);
      expect(shadowing.length).toBeGreaterThan(80);
      for (const name of shadowing) expect(own[name], name).toBe(prototype[name]);
    }
  });
});
