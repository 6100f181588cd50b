/**
 * The grammar stage: normalized text → tokens → concrete syntax tree.
 */
import type { ILexingError, IToken } from "chevrotain";
import type { LetterCstNode } from "./cst.js";
import type { NormalizedText } from "../normalize/index.js";
import { lexLetter } from "./lexer.js";
import { letterParser } from "./parser.js";

/**
 * The tokens and concrete syntax tree of a letter.
 *
 * @example
 * ```ts
 * const { cst, tokens } = parseCst(normalize(text));
 * cst.children.issuesDecisionsAndRationales; // the CST node of that section
 * ```
 */
export interface LetterCst {
  /** The root `letter` node; children are named after the grammar's rules and tokens. */
  cst: LetterCstNode;
  /** The tokens, with offsets into the normalized text. */
  tokens: IToken[];
  /** Characters the lexer could not read (none in practice: `Text` reads anything). */
  lexErrors: ILexingError[];
}

/**
 * Lexes and parses normalized letter text into Chevrotain's concrete syntax tree.
 * The grammar is total, so this never fails; unplaceable text ends up in `unplaced` nodes.
 *
 * @example
 * ```ts
 * import { normalize, parseCst } from "imr-determination";
 * const { cst, tokens } = parseCst(normalize(letterText));
 * tokens.filter((t) => t.tokenType.name === "Upheld" || t.tokenType.name === "Overturned").length; // one per decision with a readable outcome
 * ```
 */
export function parseCst(normalized: NormalizedText): LetterCst {
  const lexed = lexLetter(normalized.text, normalized.lineWidth, normalized.pageBreaks);
  const parser = letterParser();
  parser.input = lexed.tokens;
  parser.lookaheadSteps = 0;
  try {
    // The rule builds the node of its own name; Chevrotain types every rule's result as CstNode.
    const cst = parser.letter() as LetterCstNode;
    if (parser.errors.length > 0) {
      // The grammar accepts every token sequence; an error here is a bug in it.
      throw new Error(`imr-determination: grammar error: ${parser.errors[0]!.message}`);
    }
    return { cst, tokens: lexed.tokens, lexErrors: lexed.errors };
  } finally {
    parser.input = []; // nothing of this letter stays with the shared parser
  }
}
