/**
 * The injured worker's age and sex, from the clinical summary's first mention of them:
 * "a 52 year old female", "a now 44-year-old male", "This is a female patient".
 */
import type { TextNode } from "../ast/nodes.js";

export interface PatientReading {
  age: { value: number; start: number; end: number } | null;
  sex: { value: "male" | "female"; start: number; end: number } | null;
}

// Words may wrap: spaces are single spaces or line breaks in normalized text.
const SEX = /\b(male|female|man|woman|gentleman|lady)\b/i;
const AGE = /\b(\d{1,3})(?:[ \n-]+years?[ \n-]+old|[ \n-]*(?:yo|y\/o)\b)|\baged?[ \n](\d{1,3})\b/i;
const SENTENCE_END = /[.!?](?=[ \n]|$)/g;

const FEMALE = new Set(["female", "woman", "lady"]);

/** Reads age and sex from a summary; each is null when the summary does not say. */
export function readPatient(summary: TextNode | null): PatientReading {
  if (summary === null) return { age: null, sex: null };
  const text = summary.value;
  const base = summary.normalized.start;
  const sexMatch = SEX.exec(text);
  // The age is the one in the sentence that first names the sex; without a sex, the first one.
  let scope = text;
  let scopeStart = 0;
  if (sexMatch) {
    scopeStart = sentenceStart(text, sexMatch.index);
    const end = sentenceEnd(text, sexMatch.index);
    scope = text.slice(scopeStart, end);
  }
  const ageMatch = AGE.exec(scope);
  const ageDigits = ageMatch ? (ageMatch[1] ?? ageMatch[2])! : null;
  return {
    sex: sexMatch
      ? {
          value: FEMALE.has(sexMatch[1]!.toLowerCase()) ? "female" : "male",
          start: base + sexMatch.index,
          end: base + sexMatch.index + sexMatch[0].length,
        }
      : null,
    age:
      ageMatch && ageDigits
        ? {
            value: Number(ageDigits),
            start: base + scopeStart + ageMatch.index + ageMatch[0].indexOf(ageDigits),
            end: base + scopeStart + ageMatch.index + ageMatch[0].indexOf(ageDigits) + ageDigits.length,
          }
        : null,
  };
}

function sentenceStart(text: string, at: number): number {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < at; m = SENTENCE_END.exec(text)) start = m.index + 1;
  return start;
}

function sentenceEnd(text: string, at: number): number {
  SENTENCE_END.lastIndex = at;
  const m = SENTENCE_END.exec(text);
  return m ? m.index + 1 : text.length;
}
