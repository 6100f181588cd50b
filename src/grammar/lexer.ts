import { Lexer, type ILexingResult, type IToken } from "chevrotain";
import { letterTokens, setLineWidth } from "./tokens.js";

let shared: Lexer | undefined;

/**
 * Splits normalized letter text into tokens. The lexer is built once per process, on
 * first use; offsets are all it tracks (lines and columns come from the input later).
 * `lineWidth` (from the normalizer) tells wrapped lines from a paragraph's last line.
 */
export function lexLetter(text: string, lineWidth: number): ILexingResult {
  shared ??= new Lexer(letterTokens, { positionTracking: "onlyOffset", skipValidations: true });
  setLineWidth(lineWidth);
  return shared.tokenize(text);
}

/**
 * Gives each token its (inclusive) end offset. The lexers track only where tokens start,
 * which is faster; the parsers build every node's location from these.
 */
export function withEndOffsets(tokens: IToken[]): IToken[] {
  for (const t of tokens) t.endOffset = t.startOffset + t.image.length - 1;
  return tokens;
}
