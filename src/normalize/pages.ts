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
const SLIGHT_PAGE = 200;

/**
 * The pages (between form feeds) that repeat an earlier page exactly, with the form feed
 * before each: what the line pass skips. A page extracted twice is the same characters
 * twice; only pages of one length are compared, so a letter whose pages all differ in
 * length costs a scan for form feeds and nothing more.
 */
export function repeatedPages(text: string): TextRange[] {
  const repeats: TextRange[] = [];
  if (text.indexOf("\f") < 0) return repeats;
  const byLength = new Map<number, number[]>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\f", start);
    if (end < 0) end = text.length;
    const length = end - start;
    if (length >= SLIGHT_PAGE) {
      const earlier = byLength.get(length);
      if (earlier?.some((s) => text.startsWith(text.slice(start, end), s))) repeats.push({ start: start - 1, end });
      else if (earlier) earlier.push(start);
      else byLength.set(length, [start]);
    }
    start = end + 1;
  }
  return repeats;
}

// "Case Number: CM16-0213037" in the header, or "… IMR Case Number CM16-0213037" in a
// running page header: the first is the letter's own.
const OWN_CASE_NUMBER = /Case\s+Number:?\s*\[?(CM\d{2}-\d{7})/;

/** The case number the letter first names as its own, or null. */
export function ownCaseNumber(text: string): string | null {
  return OWN_CASE_NUMBER.exec(text)?.[1] ?? null;
}
