/**
 * The grammars are built without validation at run time (it slows the first parse);
 * here they are built with it, so a definition error or an ambiguity fails the tests.
 */
import { Lexer } from "chevrotain";
import { describe, expect, it } from "vitest";
import { GuidelineParser } from "../src/grammar/guideline-parser.js";
import { guidelineTokens } from "../src/grammar/guideline-tokens.js";
import { LetterParser } from "../src/grammar/parser.js";
import { letterTokens } from "../src/grammar/tokens.js";

describe("grammar definitions", () => {
  it("the letter lexer and parser validate", () => {
    expect(() => new Lexer(letterTokens, { positionTracking: "onlyOffset", ensureOptimizations: true })).not.toThrow();
    expect(() => new LetterParser({ validate: true })).not.toThrow();
  });

  it("the guideline lexer and parser validate", () => {
    expect(() => new Lexer(guidelineTokens, { positionTracking: "onlyOffset", ensureOptimizations: true })).not.toThrow();
    expect(() => new GuidelineParser({ validate: true })).not.toThrow();
  });
});

describe("building a parser (grammar/quick-start.ts)", () => {
  it("leaves none of Chevrotain's grammar-recording methods behind, without deleting them", () => {
    for (const parser of [new LetterParser(), new GuidelineParser()]) {
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
