/**
 * Matching the letter's fixed phrases fast: all phrases of one kind share a trie over
 * their lower-cased characters, so finding every phrase that starts at an offset is one
 * walk that usually stops after a character or two. A space in a phrase matches a
 * space or a line break (normalized text has exactly one of either between words).
 */

/** Where a phrase may start. */
export type PhrasePlace = "lineStart" | "wordStart";

export interface PhraseMatch {
  id: number;
  end: number;
}

interface TrieNode {
  /** Children by folded character code (ASCII only: phrases are ASCII). */
  next: (TrieNode | undefined)[];
  /** Phrases (by id) whose literal ends here. */
  ends: number[];
}

const newNode = (): TrieNode => ({ next: new Array<TrieNode | undefined>(128).fill(undefined), ends: [] });
const NONE: PhraseMatch[] = [];

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;

/** Letters and digits (and anything past ASCII) make words. */
export const isWordChar = isWordCode;
export const isLineStart = (text: string, offset: number) => offset === 0 || text.charCodeAt(offset - 1) === 10;
export const isLineEnd = (text: string, offset: number) => offset === text.length || text.charCodeAt(offset) === 10;
export const isWordStart = (text: string, offset: number) => offset === 0 || !isWordCode(text.charCodeAt(offset - 1));

/** The code a character is matched by: lower case, and a line break counts as a space. */
function fold(c: number): number {
  if (c === 10) return 32;
  return c >= 65 && c <= 90 ? c | 0x20 : c;
}

/** A set of phrases that can start at one kind of place, matched together. */
export class PhraseSet {
  private readonly root = newNode();
  /** 1 for each character code a phrase of the set can start with (either case). */
  readonly firstChars = new Uint8Array(65536);
  /** 1 for each (folded) pair of first two characters, to turn most words away at once. */
  private readonly firstPairs = new Uint8Array(128 * 128);
  /** Whether a phrase ends in a word character, so must not run into a longer word. */
  private readonly endsInWord: boolean[] = [];
  private memoText: string | null = null;
  private memoOffset = -1;
  private memoMatches: PhraseMatch[] = [];

  constructor(readonly place: PhrasePlace) {}

  private readonly spellings: string[] = [];

  /** Adds a phrase (and its variant spellings); returns its id. */
  add(spellings: readonly string[]): number {
    const id = this.endsInWord.length;
    this.spellings.push(...spellings);
    for (const spelling of spellings) {
      const c0 = fold(spelling.charCodeAt(0));
      this.firstChars[c0] = 1;
      if (c0 >= 97 && c0 <= 122) this.firstChars[c0 - 32] = 1;
      this.firstPairs[(c0 & 127) * 128 + (fold(spelling.charCodeAt(1)) & 127)] = 1;
      let node = this.root;
      for (let i = 0; i < spelling.length; i++) {
        const c = fold(spelling.charCodeAt(i));
        if (c > 127) throw new Error(`phrases are ASCII: ${spelling}`);
        node = node.next[c] ??= newNode();
      }
      node.ends.push(id);
    }
    this.endsInWord.push(spellings.every((s) => isWordCode(s.charCodeAt(s.length - 1))));
    return id;
  }

  /** The phrases that start at `offset` (memoized: the lexer asks once per token type). */
  matchesAt(text: string, offset: number): PhraseMatch[] {
    if (offset === this.memoOffset && text === this.memoText) return this.memoMatches;
    let matches = NONE;
    const placed = this.place === "lineStart" ? isLineStart(text, offset) : isWordStart(text, offset);
    if (placed && this.pairAt(text, offset)) {
      let node: TrieNode | undefined = this.root;
      for (let i = offset; i < text.length; ) {
        const c = fold(text.charCodeAt(i));
        node = c < 128 ? node.next[c] : undefined;
        if (node === undefined) break;
        i++;
        for (const id of node.ends) {
          if (!this.endsInWord[id] || i === text.length || !isWordCode(text.charCodeAt(i))) {
            if (matches === NONE) matches = [];
            matches.push({ id, end: i });
          }
        }
      }
    }
    this.memoText = text;
    this.memoOffset = offset;
    this.memoMatches = matches;
    return matches;
  }

  /** Where phrase `id` ends if it starts at `offset` (its longest spelling that does), or -1. */
  endOf(id: number, text: string, offset: number): number {
    const matches = this.matchesAt(text, offset);
    let end = -1;
    for (let k = 0; k < matches.length; k++) if (matches[k]!.id === id && matches[k]!.end > end) end = matches[k]!.end;
    return end;
  }

  /** Where the longest phrase of any id that starts at `offset` ends, or -1. */
  longestAt(text: string, offset: number): number {
    const matches = this.matchesAt(text, offset);
    let end = -1;
    for (let k = 0; k < matches.length; k++) if (matches[k]!.end > end) end = matches[k]!.end;
    return end;
  }

  /**
   * The source of a regular expression that finds, natively, each space followed by the
   * first `length` characters of a phrase of the set (either case; a space in the phrase
   * also matches a line break). Every alternative is `length + 1` characters long, so a
   * match's start is `lastIndex - length - 1`.
   */
  prefixSource(length: number): string {
    const prefixes = new Set<string>();
    for (const spelling of this.spellings) {
      if (spelling.length < length) throw new Error(`phrase shorter than its prefix: ${spelling}`);
      prefixes.add(spelling.slice(0, length).toLowerCase());
    }
    const charClass = (ch: string) => {
      if (ch === " ") return "[ \\n]";
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
      return lower === upper ? esc(ch) : `[${esc(lower)}${esc(upper)}]`;
    };
    return ` (?:${[...prefixes].map((p) => [...p].map(charClass).join("")).join("|")})`;
  }

  /** Whether the first two characters at `offset` can begin a phrase of the set. */
  pairAt(text: string, offset: number): boolean {
    const c0 = fold(text.charCodeAt(offset));
    const c1 = fold(text.charCodeAt(offset + 1));
    return c0 < 128 && c1 < 128 && this.firstPairs[c0 * 128 + c1] === 1;
  }

  /** Whether any phrase of the set starts at `offset`. */
  anyAt(text: string, offset: number): boolean {
    return this.pairAt(text, offset) && this.matchesAt(text, offset).length > 0;
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
