/**
 * The expert reviewer's credentials: from the "State(s) of Licensure:" and
 * "Certification(s)/Specialty:" lines, or in older letters from the sentence "The
 * expert reviewer is Board Certified in X [has a subspecialty in Y] and is licensed to
 * practice in Z." The lists come split by the passage grammar; here each item is checked
 * for what it must be: a state, or a specialty's name.
 */
import type { BoardCertificationNode, ListNode, ReviewerCredentialsNode, TextNode } from "../ast/nodes.js";
import type { Span } from "../span.js";
import { quote, type ReadContext } from "./context.js";
import { isStateName } from "./states.js";
import { reflow } from "./text.js";

export interface ReviewerReading {
  licensure: string[];
  specialties: string[];
  sources: { licensure: Span[]; specialties: Span[] };
}

// A specialty is a name ("Physical Medicine and Rehabilitation"): more words than this, a
// digit, or a sentence's full stop inside it, and it is prose that ran into the list.
const MAX_SPECIALTY_WORDS = 8;
const NOT_A_NAME = /\d|[.!?](?:\s|$)|[;:]/;
// Words in capitals, two or more in a row ("CLINICAL CASE SUMMARY"), are a section heading
// that ran into the list (joined with the line before it), not part of a specialty's name.
const HEADING_WORDS = /\b[A-Z]{3,},? [A-Z]{3,}\b/;

export function readReviewer(credentials: ReviewerCredentialsNode | undefined, certification: BoardCertificationNode | null, ctx: ReadContext): ReviewerReading | null {
  const reading: ReviewerReading = { licensure: [], specialties: [], sources: { licensure: [], specialties: [] } };
  let at: Span;
  if (credentials) {
    for (const credential of credentials.credentials) {
      if (credential.kind === "licensure") addStates(credential.list, reading, ctx);
      else addSpecialties(credential.list?.items ?? [], credential.list?.rest ?? null, reading, ctx);
      // A credential line is a list, not a sentence: a full stop ends prose that ran into it.
      const last = credential.list?.items.at(-1);
      if (credential.list?.stop && last) {
        ctx.diagnostics.add("unrecognized-reviewer-credential", `The list of credentials ends in a full stop, as prose does: ${quote(last.value)} may not be a credential`, last.span);
      }
    }
    at = credentials.span;
  } else if (certification) {
    addSpecialties([certification.boardCertifiedIn, certification.subspecialty].filter((t): t is TextNode => t !== null), null, reading, ctx);
    addStates(certification.licensedIn, reading, ctx);
    at = certification.span;
  } else return null;
  // Every reviewer has both: an empty list means the letter's words for it were lost or unreadable.
  for (const [list, what] of [[reading.licensure, "state of licensure"], [reading.specialties, "specialty"]] as const) {
    if (list.length === 0) ctx.diagnostics.add("missing-section", `The reviewer's credentials name no ${what}: the list is empty`, ctx.spans.at(at.end));
  }
  return reading;
}

function addStates(list: ListNode | null, reading: ReviewerReading, ctx: ReadContext): void {
  for (const item of list?.items ?? []) {
    const name = reflow(item.value);
    if (!isStateName(name)) {
      ctx.diagnostics.add("unrecognized-reviewer-credential", `${quote(name)} is not a U.S. state or territory: it was left out of reviewer.licensure`, item.span);
      continue;
    }
    reading.licensure.push(name);
    reading.sources.licensure.push(item.span);
  }
  if (list?.rest) ctx.diagnostics.add("unrecognized-reviewer-credential", `Text after the list of states belongs to no state: ${quote(list.rest.value)}`, list.rest.span);
}

/** Whether text reads as a specialty's name: a few words, no digit, no sentence's end, no heading. */
function readsAsName(name: string): boolean {
  return wordCount(name) <= MAX_SPECIALTY_WORDS && !NOT_A_NAME.test(name) && !HEADING_WORDS.test(name);
}

/** How many words `text` holds, one space apart (counted, not split: nothing to allocate). */
function wordCount(text: string): number {
  let words = 1;
  for (let at = text.indexOf(" "); at >= 0 && words <= MAX_SPECIALTY_WORDS; at = text.indexOf(" ", at + 1)) words++;
  return words;
}

/**
 * Text of no part right after the credentials: when it reads as a name, it is most likely
 * the end of the last credential, broken onto a line of its own after a short first part
 * ("Family" / "Practice"), so an error says the list may be cut; anything else (a stamp, a
 * sentence) is left over text, a warning.
 */
export function reportTextAfterCredentials(text: { text: string; span: Span }, ctx: ReadContext): void {
  const words = reflow(text.text);
  if (readsAsName(words)) {
    ctx.diagnostics.add("unrecognized-reviewer-credential", `${quote(words)}, right after the credentials, may finish the last of them (a line broken short): it was not read into them`, text.span);
  } else {
    ctx.diagnostics.add("unplaced-text", `Text that belongs to no part of the letter: ${quote(words)}`, text.span);
  }
}

function addSpecialties(items: readonly TextNode[], rest: TextNode | null, reading: ReviewerReading, ctx: ReadContext): void {
  for (const item of items) {
    const name = reflow(item.value);
    if (!readsAsName(name)) {
      ctx.diagnostics.add("unrecognized-reviewer-credential", `${quote(name)} does not read as a specialty's name: it was left out of reviewer.specialties`, item.span);
      continue;
    }
    reading.specialties.push(name);
    reading.sources.specialties.push(item.span);
  }
  if (rest) ctx.diagnostics.add("unrecognized-reviewer-credential", `Text after the list of specialties belongs to no specialty: ${quote(rest.value)}`, rest.span);
}
