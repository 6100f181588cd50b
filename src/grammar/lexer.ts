import { Lexer, type ILexingResult } from "chevrotain";
import { letterTokens } from "./tokens.js";

let shared: Lexer | undefined;

/**
 * Splits normalized letter text into tokens. The lexer is built once per process, on
 * first use; offsets are all it tracks (lines and columns come from the input later).
 */
export function lexLetter(text: string): ILexingResult {
  shared ??= new Lexer(letterTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });
  return shared.tokenize(text);
}
