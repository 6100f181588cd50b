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
