/**
 * The one test of where a sentence ends, shared by the stages that need it: the line
 * pass (does a page header split a sentence?), the lexer and parser (is a line break
 * only a wrap?) and the model (was the last rationale cut short?).
 */
const SENTENCE_END = /[.!?]["'”’)\]]?$/;

/** Whether `text` ends with a full stop, question or exclamation mark (a closing quote or bracket may follow). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}
