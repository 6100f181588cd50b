/**
 * The one test of where a sentence ends, shared by the stages that need it: the line
 * pass (does a page header split a sentence?), the line-break pass (does a full line run
 * on?), the model (was the last rationale cut short? where does the patient's sentence
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

/**
 * The offset just past the first sentence end at or after `from`: a stop (and a closing
 * quote or bracket) followed by a space, a line break or the end of the text; or
 * `text.length` when no sentence ends.
 */
export function sentenceEndAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (!isStop(text.charCodeAt(i))) continue;
    let end = i + 1;
    if (end < text.length && isCloser(text.charCodeAt(end))) end++;
    const next = text.charCodeAt(end);
    if (end === text.length || next === 32 || next === 10) return end;
  }
  return text.length;
}
