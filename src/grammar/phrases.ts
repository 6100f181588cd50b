/**
 * Matching the letter's fixed phrases fast: all phrases of one kind share a trie over
 * their lower-cased characters, so finding every phrase that starts at an offset is one
 * walk that usually stops after a character or two. A space in a phrase matches a
 * space or a line break (normalized text has exactly one of either between words).
 *
 * The trie is a flat table of states × 128 ASCII codes, and the phrases found at the
 * last offset asked about are kept in typed arrays: the lexer asks once per token type
 * that could start there, and nothing is allocated to answer. Most states have a single
 * next state (a phrase's tail that no other phrase shares): such a run is compared code
 * by code from one small array, so a walk reads the table only where phrases part, and a
 * long phrase does not touch a table row (a cache line) per character.
 */

import { isLetterCode, isLineStart, isWordCode, isWordStart } from "./characters.js";

/** Where a phrase may start. */
export type PhrasePlace = "lineStart" | "wordStart";

/** The code a character is matched by: lower case, and a line break counts as a space. */
function fold(c: number): number {
  if (c === 10) return 32;
  return c >= 65 && c <= 90 ? c | 0x20 : c;
}

const MAX_STATES = 4096;
const ENDS_IN_LETTER = 1;
const ENDS_IN_DIGIT = 2;

/** A set of phrases that can start at one kind of place, matched together. */
export class PhraseSet {
  /** next state = table[state * 128 + folded code]; 0 means none (state 0 is the root). */
  private table = new Uint16Array(128 * 64);
  private states = 1;
  /** The phrase (id + 1) whose spelling ends in each state; 0 for none. */
  private endId = new Uint16Array(64);
  /** How many next states each state has (up to 2: one, or more), and the code of its last one. */
  private children = new Uint8Array(64);
  private lastChild = new Uint8Array(64);
  /**
   * Per state, the run of single next states after it (their codes, at `runStart` in
   * `runCodes`, `runLength` of them; -1 until a walk first reaches the state), and the
   * state that ends the run. A run is entered only from where phrases part, so the runs
   * do not overlap and all fit in as many codes as there are states.
   */
  private runCodes = new Uint8Array(0);
  private runStart = new Int32Array(0);
  private runLength = new Uint16Array(0);
  private runEnds = new Uint16Array(0);
  private runCodesUsed = 0;
  /** How many phrases there are (ids are 0 … count - 1). */
  private count = 0;
  /**
   * Per state where a spelling ends, what may not follow it: a spelling that ends in a
   * letter does not run on into more letters ("page" in "Pagets"), though a number may
   * follow it ("pg12"); one that ends in a digit runs into no letter or digit.
   */
  private endsInWord = new Uint8Array(64);
  private readonly spellings: string[] = [];
  /** 1 for each (folded) pair of first two characters, to turn most words away at once. */
  private readonly firstPairs = new Uint8Array(128 * 128);

  // The phrases found at the last offset asked about (the lexer asks once per token type
  // that could start there); `forget` lets go of the text when a lexing run ends.
  private memoText: string | null = null;
  private memoOffset = -1;
  private memoCount = 0;
  private readonly memoIds = new Int32Array(16);
  private readonly memoEnds = new Int32Array(16);

  constructor(readonly place: PhrasePlace) {}

  /** Adds a phrase (and its variant spellings, which must be ASCII); returns its id. */
  add(spellings: readonly string[]): number {
    const id = this.count++;
    this.spellings.push(...spellings);
    for (const spelling of spellings) {
      const c0 = fold(spelling.charCodeAt(0));
      this.firstPairs[(c0 & 127) * 128 + (fold(spelling.charCodeAt(1)) & 127)] = 1;
      let state = 0;
      for (let i = 0; i < spelling.length; i++) {
        const c = fold(spelling.charCodeAt(i));
        if (c > 127) throw new Error(`phrases are ASCII: ${spelling}`);
        let next = this.table[state * 128 + c]!;
        if (next === 0) {
          next = this.newState();
          this.table[state * 128 + c] = next;
          this.children[state] = Math.min(2, this.children[state]! + 1);
          this.lastChild[state] = c;
        }
        state = next;
      }
      if (this.endId[state] !== 0 && this.endId[state] !== id + 1) throw new Error(`two phrases spelled "${spelling}"`);
      this.endId[state] = id + 1;
      const last = spelling.charCodeAt(spelling.length - 1);
      this.endsInWord[state] = isLetterCode(last) ? ENDS_IN_LETTER : isWordCode(last) ? ENDS_IN_DIGIT : 0;
    }
    this.runStart = new Int32Array(0); // the runs are found anew, once the set is whole
    return id;
  }

  private newState(): number {
    if (this.states >= MAX_STATES) throw new Error("too many phrase characters");
    if (this.states === this.endId.length) {
      const table = new Uint16Array(this.table.length * 2);
      table.set(this.table);
      this.table = table;
      const endId = new Uint16Array(this.endId.length * 2);
      endId.set(this.endId);
      this.endId = endId;
      const children = new Uint8Array(endId.length);
      children.set(this.children);
      this.children = children;
      const lastChild = new Uint8Array(endId.length);
      lastChild.set(this.lastChild);
      this.lastChild = lastChild;
      const endsInWord = new Uint8Array(endId.length);
      endsInWord.set(this.endsInWord);
      this.endsInWord = endsInWord;
    }
    return this.states++;
  }

  /** Drops the memo of the last text, so that nothing of one input outlives its lexing. */
  forget(): void {
    this.memoText = null;
    this.memoOffset = -1;
    this.memoCount = 0;
  }

  /** Finds the phrases that start at `offset` into the memo (once per offset). */
  private walk(text: string, offset: number): void {
    if (offset === this.memoOffset && text === this.memoText) return;
    this.memoText = text;
    this.memoOffset = offset;
    this.memoCount = 0;
    if (!(this.place === "lineStart" ? isLineStart(text, offset) : isWordStart(text, offset)) || !this.pairAt(text, offset)) return;
    const table = this.table;
    if (this.runStart.length !== this.states) {
      this.runCodes = new Uint8Array(this.states);
      this.runStart = new Int32Array(this.states).fill(-1);
      this.runLength = new Uint16Array(this.states);
      this.runEnds = new Uint16Array(this.states);
      this.runCodesUsed = 0;
    }
    let state = 0;
    for (let i = offset; i < text.length; ) {
      const c = fold(text.charCodeAt(i));
      if (c > 127) return;
      state = table[(state << 7) | c]!;
      if (state === 0) return;
      i++;
      // A word broken after its hyphen at a line's end is one word ("Non-" / "MTUS"), as reflow reads it.
      if (c === 45 && text.charCodeAt(i) === 10) i++;
      let run = this.runStart[state]!;
      if (run < 0) run = this.findRun(state);
      const length = this.runLength[state]!;
      if (length > 0) {
        const codes = this.runCodes;
        for (let k = run; k < run + length; k++) {
          const d = fold(text.charCodeAt(i));
          if (d !== codes[k]) return;
          i++;
          if (d === 45 && text.charCodeAt(i) === 10) i++;
        }
        state = this.runEnds[state]!;
      }
      const id = this.endId[state]! - 1;
      if (id >= 0 && this.memoCount < 16 && !this.runsIntoWord(state, text.charCodeAt(i))) {
        this.memoIds[this.memoCount] = id;
        this.memoEnds[this.memoCount++] = i;
      }
    }
  }

  /** Whether the character `next` after a spelling that ends in `state` would make it part of a longer word. */
  private runsIntoWord(state: number, next: number): boolean {
    const ends = this.endsInWord[state];
    return ends === ENDS_IN_LETTER ? isLetterCode(next) : ends === ENDS_IN_DIGIT && isWordCode(next);
  }

  /** Finds the run of single next states after `state` (no phrase ends inside it), for this and later walks; returns where its codes start. */
  private findRun(state: number): number {
    const start = this.runCodesUsed;
    let end = state;
    while (this.endId[end] === 0 && this.children[end] === 1) {
      const c = this.lastChild[end]!;
      this.runCodes[this.runCodesUsed++] = c;
      end = this.table[(end << 7) | c]!;
    }
    this.runStart[state] = start;
    this.runLength[state] = this.runCodesUsed - start;
    this.runEnds[state] = end;
    return start;
  }

  /** Where phrase `id` ends if it starts at `offset` (its longest spelling that does), or -1. */
  endOf(id: number, text: string, offset: number): number {
    this.walk(text, offset);
    let end = -1;
    for (let k = 0; k < this.memoCount; k++) if (this.memoIds[k] === id && this.memoEnds[k]! > end) end = this.memoEnds[k]!;
    return end;
  }

  /** Where the longest phrase of any id that starts at `offset` ends, or -1. */
  longestAt(text: string, offset: number): number {
    this.walk(text, offset);
    return this.memoCount > 0 ? this.memoEnds[this.memoCount - 1]! : -1;
  }

  /** Whether any phrase of the set starts at `offset`. */
  anyAt(text: string, offset: number): boolean {
    this.walk(text, offset);
    return this.memoCount > 0;
  }

  /**
   * The source of a regular expression that finds, natively, each space (or what
   * `before` matches) followed by the first `length` characters of a phrase of the set
   * (either case; a space in the phrase also matches a line break). Every alternative is
   * `length + 1` characters long, so a match's start is `lastIndex - length - 1`.
   */
  prefixSource(length: number, before = " "): string {
    // The prefixes as a tree of alternatives, one branch per character: a regular
    // expression engine then turns a space away after one test of the character after it,
    // not one per prefix.
    interface Branch { readonly next: Map<string, Branch> }
    const root: Branch = { next: new Map() };
    for (const spelling of this.spellings) {
      if (spelling.length < length) throw new Error(`phrase shorter than its prefix: ${spelling}`);
      let branch = root;
      for (const ch of spelling.slice(0, length).toLowerCase()) {
        let next = branch.next.get(ch);
        if (next === undefined) branch.next.set(ch, (next = { next: new Map() }));
        branch = next;
      }
    }
    const charClass = (ch: string) => {
      if (ch === " ") return "[ \\n]";
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
      return lower === upper ? esc(ch) : `[${esc(lower)}${esc(upper)}]`;
    };
    const source = (branch: Branch): string => {
      const alternatives = [...branch.next].map(([ch, next]) => charClass(ch) + source(next));
      return alternatives.length <= 1 ? (alternatives[0] ?? "") : `(?:${alternatives.join("|")})`;
    };
    return `${before}${source(root)}`;
  }

  /** Whether the first two characters at `offset` can begin a phrase of the set. */
  pairAt(text: string, offset: number): boolean {
    const c0 = fold(text.charCodeAt(offset));
    const c1 = fold(text.charCodeAt(offset + 1));
    return c0 < 128 && c1 < 128 && this.firstPairs[c0 * 128 + c1] === 1;
  }

  /** The characters phrases can start with, both cases, for Chevrotain's first-character index. */
  static startChars(spellings: readonly string[]): string[] {
    const chars = new Set<string>();
    for (const s of spellings) {
      chars.add(s[0]!.toLowerCase());
      chars.add(s[0]!.toUpperCase());
    }
    return [...chars];
  }
}
