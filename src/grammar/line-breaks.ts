/**
 * What each line break is, decided once, right after lexing. A PDF's text wraps at the
 * page width, so a line that is full and does not end a sentence runs on into the next
 * one; a short line, or one ending in a full stop, ends its paragraph (or a heading).
 * The grammar reads the kinds of break and never measures a line itself.
 */
import { createTokenInstance, type IToken, type TokenType } from "chevrotain";
import { endsSentence } from "../sentences.js";
import { isLowerCase } from "./characters.js";
import { FullLineBreak, LineBreak, ParagraphBreak, Text, WordWrap } from "./tokens.js";

/** A line shorter than this share of the letter's full width is a paragraph's last line. */
const FULL_LINE_SHARE = 0.6;

/**
 * Whether the line `[start, end)` is full, for a letter whose full lines hold `lineWidth`
 * characters. A width of 0 means the letter has no lines to measure: no line is full.
 */
export function isFullLine(start: number, end: number, lineWidth: number): boolean {
  return lineWidth > 0 && end - start >= lineWidth * FULL_LINE_SHARE;
}


/**
 * Gives every line break of normalized `text` its kind, from `lineWidth`, how many
 * characters a full line of this letter holds:
 *
 * - a break inside a `Text` token (the lexer joins a line to the next when that one goes
 *   on in lower case) is a word wrap and stays inside it, when its line runs on; where
 *   the line does not (short, or ending a sentence), the token is split there, with a
 *   `ParagraphBreak` between the halves;
 * - a `LineBreak` token becomes a `ParagraphBreak` when its line does not run on; a
 *   `WordWrap` when it does and the next line goes on in lower case with text; a
 *   `FullLineBreak` when it does and the next line may start something new (a capital,
 *   a phrase): a heading may start after it, or run on across it.
 *
 * A break in `pageBreaks` stands where a page ended: its line is as long as the page let
 * it be, so only a sentence's end ends the paragraph there.
 *
 * Returns the tokens, a new array when a token was split.
 */
export function markLineBreaks(tokens: IToken[], text: string, lineWidth: number, pageBreaks: readonly number[] = []): IToken[] {
  let out: IToken[] | null = null;
  let lineStart = 0;
  let nextPage = 0;
  /** Whether the line [start, end) runs on into the next: full (or cut by a page's end), and not ending a sentence. */
  const runsOn = (start: number, end: number) => {
    while (nextPage < pageBreaks.length && pageBreaks[nextPage]! < end) nextPage++;
    return (pageBreaks[nextPage] === end || isFullLine(start, end, lineWidth)) && !endsSentence(text, end);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tokenType === LineBreak) {
      const at = token.startOffset;
      let kind: TokenType = ParagraphBreak;
      if (runsOn(lineStart, at)) {
        const next = tokens[i + 1];
        kind = next !== undefined && next.tokenType === Text && isLowerCase(text.charCodeAt(at + 1)) ? WordWrap : FullLineBreak;
      }
      token.tokenType = kind;
      token.tokenTypeIdx = kind.tokenTypeIdx!;
      lineStart = at + 1;
      out?.push(token);
      continue;
    }
    let br = token.image.indexOf("\n");
    if (br < 0 || token.tokenType !== Text) {
      // Phrases may hold line breaks of their own: the line then starts after the last one.
      if (br >= 0) lineStart = token.startOffset + token.image.lastIndexOf("\n") + 1;
      out?.push(token);
      continue;
    }
    let from = token.startOffset;
    for (; br >= 0; br = token.image.indexOf("\n", br + 1)) {
      const at = token.startOffset + br;
      if (!runsOn(lineStart, at)) {
        out ??= tokens.slice(0, i);
        out.push(textToken(text, from, at), createTokenInstance(ParagraphBreak, "\n", at, at, NaN, NaN, NaN, NaN));
        from = at + 1;
      }
      lineStart = at + 1;
    }
    const end = token.startOffset + token.image.length;
    if (from === token.startOffset) out?.push(token);
    else out!.push(textToken(text, from, end));
  }
  return out ?? tokens;
}

function textToken(text: string, start: number, end: number): IToken {
  return createTokenInstance(Text, text.slice(start, end), start, end - 1, NaN, NaN, NaN, NaN);
}
