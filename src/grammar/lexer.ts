import { Lexer, type ILexingResult, type IToken } from "chevrotain";
import { markLineBreaks } from "./line-breaks.js";
import { forgetLastInput, letterTokens } from "./tokens.js";

let shared: Lexer | undefined;

/**
 * Splits normalized letter text into tokens and gives each line break its kind
 * (`markLineBreaks`), from `lineWidth`, how many characters a full line of this letter
 * holds, and `pageBreaks`, the breaks that stand where a page ended. The lexer is built
 * once per process, on first use; offsets are all it tracks (lines and columns come from
 * the input later). Nothing of the text outlives the call.
 */
export function lexLetter(text: string, lineWidth: number, pageBreaks: readonly number[] = []): ILexingResult {
  shared ??= new Lexer(letterTokens, { positionTracking: "onlyOffset", skipValidations: true });
  try {
    const lexed = shared.tokenize(text);
    lexed.tokens = markLineBreaks(withEndOffsets(lexed.tokens), text, lineWidth, pageBreaks);
    return lexed;
  } finally {
    forgetLastInput();
  }
}

/**
 * Gives each token its (inclusive) end offset. The lexers track only where tokens start,
 * which is faster; the parsers build every node's location from these.
 */
export function withEndOffsets(tokens: IToken[]): IToken[] {
  for (const t of tokens) t.endOffset = t.startOffset + t.image.length - 1;
  return tokens;
}
