/**
 * The one test of where a sentence ends, shared by the stages that need it: the line
 * pass (does a page header split a sentence?), the lexer and parser (is a line break
 * only a wrap?) and the model (was the last rationale cut short?).
 */
// The curly quotes are written as escapes: one raw non-ASCII character anywhere in the
// bundle makes Node load all of it as a two-byte string, a cost on every import.
const SENTENCE_END = /[.!?]["'\u201D\u2019)\]]?$/;

/** Whether `text` ends with a full stop, question or exclamation mark (a closing quote or bracket may follow). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}
