/**
 * The one test of where a sentence ends, shared by the stages that need it (so it lives
 * apart from them): the line-break pass (does a full line run on?) and the model (was
 * the last rationale, or the summary, cut short? where does a paragraph of unplaced text
 * end?).
 */

const FULL_STOP = 46;
const EXCLAMATION = 33;
const QUESTION = 63;
/** A closing quote or bracket may follow the stop: `."`, `.)`, `.\u201D`. */
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019;
const isStop = (c: number) => c === FULL_STOP || c === EXCLAMATION || c === QUESTION;

/** Whether `text` up to `end` ends with a full stop, question or exclamation mark (a closing quote or bracket may follow). */
export function endsSentence(text: string, end: number = text.length): boolean {
  let i = end - 1;
  if (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  return i >= 0 && isStop(text.charCodeAt(i));
}

