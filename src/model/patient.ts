/**
 * The injured worker's age and sex, from the summary's description of its subject:
 * "The injured worker is a 52 year old female", "This case involves a now 44-year-old
 * male", "The 45 year old male injured worker", "This is a female patient". Only that
 * pattern counts: a sex or an age elsewhere ("referred by a female nurse practitioner")
 * describes someone else, so a summary without the pattern gives null, with a warning
 * when it names a sex or age the reader might have expected to be taken; two descriptions
 * that disagree give null, with a warning.
 */
import type { TextNode } from "../ast/nodes.js";
import type { Span } from "../span.js";
import type { Sex } from "../vocabulary.js";
import type { ReadContext } from "./context.js";

export interface PatientReading {
  age: number | null;
  sex: Sex | null;
  sources: { age: Span | null; sex: Span | null };
}

const SEX_WORD = "(male|female|man|woman|gentleman|lady)";
const AGE = "(\\d{1,3})[ \\n-]+years?[ \\n-]+old";
// "[The worker] is/was a(n) [now] [52 year old] male"; "This case involves a now 44-year-old male".
const IS_A = new RegExp(`\\b(?:is|was|involves)[ \\n](?:a|an|a\\(n\\))[ \\n](?:now[ \\n])?(?:${AGE}[ \\n])?${SEX_WORD}\\b`, "i");
// "The 45 year old male injured worker".
const THE_AGED = new RegExp(`\\b(?:the|this|a|an)[ \\n]${AGE}[ \\n]${SEX_WORD}[ \\n](?:injured[ \\n]worker|patient|applicant|claimant|employee|worker)\\b`, "i");
// Every description, to tell when the summary describes its subject more than one way.
const DESCRIPTIONS = [new RegExp(IS_A.source, "gi"), new RegExp(THE_AGED.source, "gi")];
const ANY_SEX = new RegExp(`\\b${SEX_WORD}\\b`, "i");
/** The ends of the sex words ("fe|male", "wo|man", "gentle|man"), in any case: one native scan finds them all. */
const SEX_STEMS = /ma(?:le|n)|lady/gi;
const SEX_WORD_AT = new RegExp(`${SEX_WORD}\\b`, "iy");

const isWordCharacter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Whether a sex word starts at or after `from`. */
function sexWordFrom(text: string, from: number): boolean {
  const stems = SEX_STEMS;
  stems.lastIndex = from;
  for (let m = stems.exec(text); m !== null; m = stems.exec(text)) {
    const at = m.index;
    // The word around the stem: back to its start (at most "gentle", "wo", "fe").
    // A letter right after "man"/"male"/"lady" ("management") ends the look at once.
    if (isWordCharacter(text.charCodeAt(at + m[0].length))) continue;
    let start = at;
    while (start > from && start > at - 6 && isWordCharacter(text.charCodeAt(start - 1))) start--;
    SEX_WORD_AT.lastIndex = start;
    if (!isWordCharacter(text.charCodeAt(start - 1)) && SEX_WORD_AT.test(text)) {
      stems.lastIndex = 0;
      return true;
    }
  }
  return false;
}
const ANY_AGE = new RegExp(`\\b${AGE}\\b`, "i");

const FEMALE = new Set(["female", "woman", "lady"]);
// A worker's age: old enough to work, young enough to be plausible.
const YOUNGEST = 14;
const OLDEST = 100;

/** Reads age and sex from a summary; each is null when the summary does not say it of its subject. */
export function readPatient(summary: TextNode | null, ctx: ReadContext): PatientReading {
  const reading: PatientReading = { age: null, sex: null, sources: { age: null, sex: null } };
  if (summary === null) return reading;
  const text = summary.value;
  const base = summary.normalized.start;
  const span = (start: number, length: number) => ctx.spans.fromNormalized(base + start, base + start + length);

  // The first description counts; the rarer form is looked for only before the common one.
  const isA = IS_A.exec(text);
  const m = THE_AGED.exec(isA ? text.slice(0, isA.index) : text) ?? isA ?? undefined;
  if (m === undefined) {
    const loose = ANY_SEX.exec(text) ?? ANY_AGE.exec(text);
    if (loose) {
      ctx.diagnostics.add(
        "unclear-patient",
        `The summary does not describe the injured worker as "a N year old male/female": patient.age and patient.sex are null (it mentions ${JSON.stringify(loose[0])})`,
        span(loose.index, loose[0].length),
      );
    }
    return reading;
  }
  const sexWord = m[2]!;
  const sex = FEMALE.has(sexWord.toLowerCase()) ? "female" : "male";
  // A second description that disagrees ("... is a 33 year old female. ... is a 48 year old
  // male") leaves no way to tell which is the worker: that value is null, with a warning.
  let otherSex: RegExpExecArray | undefined;
  let otherAge: RegExpExecArray | undefined;
  // Every description names a sex: with no sex word after the first description, there is
  // no other (one scan for the sex words' ends, cheaper than the descriptions' patterns,
  // which most summaries then skip).
  if (sexWordFrom(text, m.index + m[0].length)) for (const pattern of DESCRIPTIONS) {
    for (const d of text.matchAll(pattern)) {
      if (!otherSex && (FEMALE.has(d[2]!.toLowerCase()) ? "female" : "male") !== sex) otherSex = d;
      if (!otherAge && d[1] !== undefined && m[1] !== undefined && Number(d[1]) !== Number(m[1])) otherAge = d;
    }
  }
  for (const [other, what] of [[otherSex, "sex"], [otherAge, "age"]] as const) {
    if (other) {
      ctx.diagnostics.add(
        "unclear-patient",
        `The summary describes the injured worker as ${JSON.stringify(m[0])} and as ${JSON.stringify(other[0])}: patient.${what} is null`,
        span(other.index, other[0].length),
      );
    }
  }
  const sexAt = m.index + m[0].lastIndexOf(sexWord);
  if (!otherSex) {
    reading.sex = sex;
    reading.sources.sex = span(sexAt, sexWord.length);
  }
  const digits = m[1];
  if (digits === undefined) {
    // "is a female, 52 years old": an age the description does not give, which a reader may expect taken.
    const loose = ANY_AGE.exec(text);
    if (loose) {
      ctx.diagnostics.add(
        "unclear-patient",
        `The summary describes the injured worker without an age ("a N year old male/female"): patient.age is null (it mentions ${JSON.stringify(loose[0])})`,
        span(loose.index, loose[0].length),
      );
    }
  } else if (!otherAge) {
    const at = m.index + m[0].indexOf(digits);
    const age = Number(digits);
    if (age >= YOUNGEST && age <= OLDEST) {
      reading.age = age;
      reading.sources.age = span(at, digits.length);
    } else {
      ctx.diagnostics.add("unclear-patient", `The age ${age} is not a worker's age: patient.age is null`, span(at, digits.length));
    }
  }
  return reading;
}
