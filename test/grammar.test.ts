/**
 * The grammars are built without validation at run time (it slows the first parse);
 * here they are built with it, so a definition error or an ambiguity fails the tests.
 */
import { Lexer } from "chevrotain";
import { describe, expect, it } from "vitest";
import { letterVisitorClass } from "../src/ast/build.js";
import { buildHowSection, buildList, howSectionByGrammar, listByGrammar, passageVisitorClass } from "../src/ast/passages.js";
import { HOW_SECTIONS, isPrintedHowSection } from "../src/grammar/boilerplate.js";
import { guidelineTokens } from "../src/grammar/guideline-tokens.js";
import { howTokens } from "../src/grammar/how-tokens.js";
import { listTokens } from "../src/grammar/list-tokens.js";
import { parseCst } from "../src/grammar/index.js";
import { LetterParser, letterParser } from "../src/grammar/parser.js";
import { normalize } from "../src/normalize/index.js";
import { PassageParser } from "../src/grammar/passage-parser.js";
import { letterTokens } from "../src/grammar/tokens.js";
import { isLineStart, isWordCode, isWordStart } from "../src/grammar/characters.js";
import { PhraseSet } from "../src/grammar/phrases.js";
import { LineCounter } from "../src/normalize/line-counter.js";
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

describe("phrase sets (grammar/phrases.ts)", () => {
  // A reference that reads each spelling character by character, the slow way: the trie,
  // its shared runs and its memo must find exactly what it finds.
  const fold = (c: number) => (c === 10 ? 32 : c >= 65 && c <= 90 ? c | 0x20 : c);
  function referenceEnd(text: string, offset: number, spelling: string): number {
    let i = offset;
    for (let k = 0; k < spelling.length; k++) {
      if (i >= text.length || fold(text.charCodeAt(i)) !== fold(spelling.charCodeAt(k))) return -1;
      i++;
      if (spelling.charCodeAt(k) === 45 && text.charCodeAt(i) === 10) i++;
    }
    // A spelling ending in a letter may be followed by anything but a letter ("pg12", not "Pagets"); one ending in a digit by no letter or digit.
    const last = spelling.charCodeAt(spelling.length - 1);
    const next = text.charCodeAt(i);
    const isDigit = (c: number) => c >= 48 && c <= 57;
    if (isWordCode(last) && !isDigit(last) && isWordCode(next) && !isDigit(next)) return -1;
    if (isDigit(last) && isWordCode(next)) return -1;
    return i;
  }

  const phrases = [
    ["Decision based on MTUS"],
    ["Decision based on Non-MTUS Citation", "Decision based on Non-MTUS"],
    ["Date of Injury:", "Date Assigned:"],
    ["Decision Date:"],
    ["pages", "page", "pg.", "pg"],
    ["Year 2004"],
    ["Page(s):"],
  ];
  const fragments = [
    "Decision based on MTUS", "decision BASED on\nmtus", "Decision based on Non-\nMTUS Citation", "Decision based on Non-MTUS",
    "Decision based on Non-MTUSx", "Decision bas", "Date of Injury:", "date\nassigned:", "Decision Date:", "Decision Dated",
    "pages", "page", "pg.", "pgs", "pg12", "Pages12-13", "Page(s):", "Pages", "x", " ", "\n", "-", "ago", "Dec", "MTUS", "MTUS2004",
    "Year 2004", "Year 20045", "Year 2004a", "Pagets",
  ];

  for (const place of ["wordStart", "lineStart"] as const) {
    it(`finds at each offset what a plain reading finds (${place})`, () => {
      const set = new PhraseSet(place);
      const ids = phrases.map((spellings) => set.add(spellings));
      let seed = 7;
      const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      for (let round = 0; round < 300; round++) {
        const text = Array.from({ length: 12 }, () => fragments[random(fragments.length)]).join(random(2) ? " " : "");
        for (let offset = 0; offset < text.length; offset++) {
          const placed = place === "lineStart" ? isLineStart(text, offset) : isWordStart(text, offset);
          const ends = phrases.map((spellings) => (placed ? Math.max(...spellings.map((s) => referenceEnd(text, offset, s))) : -1));
          ids.forEach((id, k) => expect(set.endOf(id, text, offset), `${JSON.stringify(text)} @${offset}, ${phrases[k]![0]}`).toBe(ends[k]));
          expect(set.longestAt(text, offset)).toBe(Math.max(-1, ...ends));
          expect(set.anyAt(text, offset)).toBe(ends.some((e) => e >= 0));
        }
      }
    });
  }
});

describe("line and column of an offset (normalize/line-counter.ts)", () => {
  it("gives the same position in any order of asking as counting from the start", () => {
    const input = "one\ntwo\r\nthree\rfour\n\nsix and more\n";
    const expected = (offset: number) => {
      const before = input.slice(0, offset);
      const breaks = before.match(/\r\n|\r|\n/g) ?? [];
      const lastBreak = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
      return { line: breaks.length + 1, column: offset - lastBreak };
    };
    const offsets = [...Array(input.length + 1).keys()];
    const orders = [offsets, [...offsets].reverse(), offsets.map((_, i) => (i * 7) % offsets.length)];
    for (const order of orders) {
      const counter = new LineCounter(input);
      for (const offset of order) {
        // Inside a "\r\n" the offset of "\n" still counts on the line the pair ends.
        if (input[offset - 1] === "\r" && input[offset] === "\n") continue;
        expect(counter.position(offset), `offset ${offset}`).toEqual(expected(offset));
      }
    }
  });
});

describe("lists of names and commas (ast/passages.ts)", () => {
  it("are read by the shortcut exactly as the list grammar reads them", () => {
    const builder = new (letterVisitorClass())();
    const names = ["California", "North Carolina", "Physical Medicine and Rehabilitation", "and", "Pain Medicine", "A", "Texas and Oregon", "Invented-Name (Sub)"];
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      const parts = Array.from({ length: 1 + random(5) }, () => (random(6) === 0 ? "" : names[random(names.length)]!));
      const separators = [",", ", ", " ,", ",\n", "\n, "];
      const text = parts.map((p, i) => (i === 0 ? p : separators[random(separators.length)]! + p)).join("") + (random(4) === 0 ? "," : "");
      const normalized = normalize(`Invented ${text} tail`);
      builder.use(normalized);
      const at = normalized.text.indexOf(text.replace(/\n/g, " ").trim().slice(0, 3));
      const words = builder.textNode({ start: at, end: normalized.text.length - " tail".length });
      if (words === null || !words.value.includes(",")) continue;
      expect(buildList(words, false, builder), JSON.stringify(words.value)).toEqual(listByGrammar(words, false, builder));
      compared++;
    }
    builder.use(null);
    expect(compared).toBeGreaterThan(200);
  });
});

describe("the HOW section printed word for word (ast/passages.ts)", () => {
  it("is read by the shortcut as its grammar reads it: boilerplate, nothing else", () => {
    const builder = new (letterVisitorClass())();
    expect(HOW_SECTIONS.length).toBeGreaterThan(1);
    for (const section of HOW_SECTIONS) {
      // Wrapped as a PDF's lines are, at about 90 characters.
      const wrapped = section.replace(/(.{60,90}?) /g, "$1\n");
      const normalized = normalize(`HOW THE IMR FINAL DETERMINATION WAS MADE\n${wrapped}\n`);
      builder.use(normalized);
      const start = normalized.text.indexOf("\n") + 1;
      const text = builder.textNode({ start, end: normalized.text.length })!;
      expect(isPrintedHowSection(text.value)).toBe(true);
      expect(buildHowSection(text, builder)).toEqual(howSectionByGrammar(text, builder));
      // One word changed is not the printed section (its grammar reads it then).
      const changed = builder.textNode({ start, end: normalized.text.length })!;
      const other = { ...changed, value: changed.value.replace("the", "teh") };
      expect(isPrintedHowSection(other.value)).toBe(false);
    }
    builder.use(null);
  });
});
