/**
 * Pages: a letter's text as `pdftotext` gives it separates pages with form feeds. Two
 * things about pages the normalizer reports rather than reads: a page that repeats an
 * earlier one word for word (extracted twice, or printed twice), which is read once; and
 * the case number the letter calls its own, against which a page header naming another
 * case marks another letter's page.
 */

/** A range of the text the line pass reads. */
export interface TextRange {
  start: number;
  end: number;
}

// A page shorter than this (characters) is too slight to call a repeat: a page number, a
// blank page.
const SLIGHT_PAGE = 40;

/**
 * The pages (between form feeds) that repeat an earlier page exactly, with the form feed
 * before each: what the line pass skips. A page extracted twice is the same characters
 * twice. Pages are looked up by their text (a hash of a page, at most once), never compared
 * with each earlier page one by one: thousands of pages of one length would make that
 * quadratic.
 */
export function repeatedPages(text: string): TextRange[] {
  const repeats: TextRange[] = [];
  if (text.indexOf("\f") < 0) return repeats;
  // Only pages of one length can repeat each other: a page is hashed only once a second page
  // of its length turns up (most letters have none), and each page at most once.
  const firstOfLength = new Map<number, number>();
  const seen = new Set<string>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\f", start);
    if (end < 0) end = text.length;
    const length = end - start;
    if (length >= SLIGHT_PAGE) {
      const first = firstOfLength.get(length);
      if (first === undefined) firstOfLength.set(length, start);
      else {
        if (first >= 0) {
          seen.add(text.slice(first, first + length));
          firstOfLength.set(length, -1);
        }
        const page = text.slice(start, end);
        if (seen.has(page)) repeats.push({ start: start - 1, end });
        else seen.add(page);
      }
    }
    start = end + 1;
  }
  return repeats;
}

/**
 * The pages with no text between pages with text: a page the extractor could not read, or
 * lost. (An empty last page is common and harmless.) Each as the range of the form feed
 * before it.
 */
export function emptyPages(text: string): TextRange[] {
  const empty: TextRange[] = [];
  let pending: TextRange[] = [];
  let start = 0;
  let textSeen = false;
  while (start <= text.length) {
    let end = text.indexOf("\f", start);
    if (end < 0) end = text.length;
    if (/\S/.test(text.slice(start, end))) {
      // A loop, not push(...pending): thousands of empty pages in a row would overflow the stack.
      if (textSeen) for (const page of pending) empty.push(page);
      pending = [];
      textSeen = true;
    } else if (textSeen) {
      pending.push({ start: Math.max(0, start - 1), end: start });
    }
    start = end + 1;
  }
  return empty;
}

// "Case Number: CM16-0213037" in the case header, or after a column of the other labels
// (plain pdftotext puts the labels first, then their values); "… IMR Case Number
// CM16-0213037" in a running page header.
const HEADER_CASE_NUMBER = /Case\s+Number:(?:[ \t]*\n(?:[A-Za-z][A-Za-z ()/]{0,40}:?[ \t]*)?){0,12}?[ \t]*\[?(CM\d{2}-\d{7})/;
const PAGE_HEADER_CASE_NUMBER = /Final\s+Determination\s+Letter\s+for\s+IMR\s+Case\s+Number\s+\[?(CM\d{2}-\d{7})/g;

/**
 * The case number the letter calls its own: the case header's, or without one, the number
 * the running page headers repeat (a header quoted once in a rationale does not count);
 * null when neither says.
 */
export function ownCaseNumber(text: string): string | null {
  const header = HEADER_CASE_NUMBER.exec(text)?.[1];
  if (header) return header;
  const seen = new Set<string>();
  for (const m of text.matchAll(PAGE_HEADER_CASE_NUMBER)) {
    if (seen.has(m[1]!)) return m[1]!;
    seen.add(m[1]!);
  }
  return null;
}
