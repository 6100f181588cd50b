/**
 * The case header: the case number, five dates and the priority. Dates come only from
 * here; the clinical summary sometimes disagrees, and the header wins. A value is taken
 * only when it is exactly a value of its kind; anything else is null with an error that
 * names the label.
 */
import type { CaseHeaderNode, HeaderFieldNode, HeaderLabel, TextNode } from "../ast/nodes.js";
import type { Span } from "../span.js";
import type { Priority } from "../vocabulary.js";
import type { ReadContext } from "./context.js";
import { reflow } from "./text.js";

/** The header's values and where each came from. */
export interface HeaderReading {
  caseNumber: string | null;
  dates: { assigned: string | null; decision: string | null; injury: string | null; urDenial: string | null; applicationReceived: string | null };
  priority: Priority | null;
  sources: {
    caseNumber: Span | null;
    dates: { assigned: Span | null; decision: Span | null; injury: Span | null; urDenial: Span | null; applicationReceived: Span | null };
    priority: Span | null;
  };
}

type DateKey = keyof HeaderReading["dates"];

/** What a value of one kind looks like, and what it reads as. */
interface ValueKind<T> {
  read(text: string): T | null;
  /** "a case number (CM, two digits, a hyphen and seven digits)". */
  description: string;
}

const CASE_NUMBER = /^CM\d{2}-\d{7}$/;
const caseNumber: ValueKind<string> = {
  read: (text) => (CASE_NUMBER.test(text) ? text : null),
  description: "a case number (CM, two digits, a hyphen and seven digits)",
};

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!;

// IMR began in 2013: the review's own dates are not earlier. An injury may be decades older.
const FIRST_IMR_YEAR = 2013;
const FIRST_INJURY_YEAR = 1900;
const LAST_YEAR = 2099;

/** "11/09/2016" → "2016-11-09", for a date that exists with a year from `firstYear` on; else null. */
export function isoDate(text: string, firstYear: number): string | null {
  const m = DATE.exec(text);
  if (m === null) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (year < firstYear || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${m[3]}-${m[1]!.padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
}

const date = (firstYear: number): ValueKind<string> => ({
  read: (text) => isoDate(text, firstYear),
  description: `a date (MM/DD/YYYY, a real day, ${firstYear}–${LAST_YEAR})`,
});

const PRIORITY = /^(standard|expedited)$/i;
const priority: ValueKind<Priority> = {
  read: (text) => (PRIORITY.test(text) ? (text.toLowerCase() as Priority) : null),
  description: "a priority (Standard or Expedited)",
};

/** One header field: its label as the letter writes it, its kind, and where its value goes. */
interface HeaderField<T> {
  label: HeaderLabel;
  title: string;
  kind: ValueKind<T>;
  /** Whether it holds a date (its digits are checked against the other dates'). */
  isDate?: true;
  put(reading: HeaderReading, value: T | null, span: Span | null): void;
}

const dateField = (label: HeaderLabel, title: string, key: DateKey, firstYear: number): HeaderField<string> => ({
  label,
  title,
  kind: date(firstYear),
  isDate: true,
  put: (r, v, s) => ((r.dates[key] = v), (r.sources.dates[key] = s)),
});

/** The header's fields, in the order the letter has them. */
const HEADER_FIELDS: readonly HeaderField<unknown>[] = [
  { label: "caseNumber", title: "Case Number", kind: caseNumber, put: (r, v, s) => ((r.caseNumber = v as string | null), (r.sources.caseNumber = s)) },
  dateField("dateAssigned", "Date Assigned", "assigned", FIRST_IMR_YEAR),
  dateField("dateOfInjury", "Date of Injury", "injury", FIRST_INJURY_YEAR),
  dateField("decisionDate", "Decision Date", "decision", FIRST_IMR_YEAR),
  dateField("urDenialDate", "UR Denial Date", "urDenial", FIRST_IMR_YEAR),
  { label: "priority", title: "Priority", kind: priority, put: (r, v, s) => ((r.priority = v as Priority | null), (r.sources.priority = s)) },
  dateField("applicationReceived", "Application Received", "applicationReceived", FIRST_IMR_YEAR),
];

/** The order the dates of one case follow: injury, UR denial, the application, its assignment, the decision. */
const DATE_ORDER: readonly { key: DateKey; title: string }[] = [
  { key: "injury", title: "Date of Injury" },
  { key: "urDenial", title: "UR Denial Date" },
  { key: "applicationReceived", title: "Application Received" },
  { key: "assigned", title: "Date Assigned" },
  { key: "decision", title: "Decision Date" },
];

export function emptyHeader(): HeaderReading {
  return {
    caseNumber: null,
    dates: { assigned: null, decision: null, injury: null, urDenial: null, applicationReceived: null },
    priority: null,
    sources: {
      caseNumber: null,
      dates: { assigned: null, decision: null, injury: null, urDenial: null, applicationReceived: null },
      priority: null,
    },
  };
}

/** Reads the header's values; reports what is missing, malformed, repeated or out of order. */
export function readCaseHeader(header: CaseHeaderNode | undefined, ctx: ReadContext): HeaderReading {
  const reading = emptyHeader();
  if (header === undefined) {
    ctx.diagnostics.add(
      "missing-case-header",
      "No case header (Case Number, dates, Priority): those fields are null. Letters before 2016 were published without one.",
      ctx.spans.at(0),
    );
    return reading;
  }
  const byLabel = new Map<HeaderLabel, HeaderFieldNode>();
  for (const field of header.fields) {
    if (byLabel.has(field.label)) ctx.diagnostics.add("duplicate-section", "A repeated case header label was left out (only the first is read)", field.span);
    else byLabel.set(field.label, field);
  }
  for (const value of header.unpairedValues) {
    ctx.diagnostics.add("missing-header-value", `A value of the header's value column pairs with no label: ${JSON.stringify(value.value)}`, value.span);
  }
  const dates: ReadDate[] = [];
  for (const field of HEADER_FIELDS) {
    const node = byLabel.get(field.label);
    if (node === undefined) {
      ctx.diagnostics.add("missing-header-value", `The case header has no "${field.title}:": it is null`, ctx.spans.at(header.span.end));
      continue;
    }
    const text = readField(field, node.value, node, reading, ctx);
    if (text !== null && field.isDate) dates.push({ field: field as HeaderField<string>, text, span: node.value!.span });
  }
  checkDatePadding(dates, reading, ctx);
  checkDateOrder(reading, ctx);
  return reading;
}

/** A header date that was read, with the text it was read from. */
interface ReadDate {
  field: HeaderField<string>;
  text: string;
  span: Span;
}

// A month or day with a leading zero ("01/17/2017") shows the letter pads its dates; then
// one of a single digit ("12/9/2016") has lost a digit, and which one cannot be told.
const PADDED = /^0\d\/|\/0\d\//;
const UNPADDED = /^\d\/|\/\d\//;

function checkDatePadding(dates: readonly ReadDate[], reading: HeaderReading, ctx: ReadContext): void {
  const padded = dates.find((d) => PADDED.test(d.text));
  if (!padded) return;
  for (const d of dates) {
    if (!UNPADDED.test(d.text)) continue;
    ctx.diagnostics.add(
      "invalid-header-value",
      `"${d.field.title}:" is ${JSON.stringify(d.text)}, a digit short of the header's other dates (${JSON.stringify(padded.text)}): a digit may be lost, so it is null`,
      d.span,
    );
    d.field.put(reading, null, null);
  }
}

/** Reads one field into `reading`; returns the text its value was read from, or null when it was not read. */
function readField<T>(field: HeaderField<T>, value: TextNode | null, node: HeaderFieldNode, reading: HeaderReading, ctx: ReadContext): string | null {
  if (value === null) {
    ctx.diagnostics.add("missing-header-value", `"${field.title}:" has no value: it is null`, ctx.spans.at(node.labelSpan.end));
    return null;
  }
  const text = reflow(value.value);
  const read = field.kind.read(text);
  if (read === null) {
    const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
    ctx.diagnostics.add("invalid-header-value", `"${field.title}:" is ${JSON.stringify(shown)}, not ${field.kind.description}: it is null`, value.span);
    return null;
  }
  field.put(reading, read, value.span);
  return text;
}

/** Dates of one case come in order; two that do not were likely swapped or mistyped, and either may be wrong. */
function checkDateOrder(reading: HeaderReading, ctx: ReadContext): void {
  let previous: (typeof DATE_ORDER)[number] | null = null;
  for (const entry of DATE_ORDER) {
    if (reading.dates[entry.key] === null) continue;
    if (previous && reading.dates[previous.key]! > reading.dates[entry.key]!) {
      ctx.diagnostics.add(
        "inconsistent-header-dates",
        `"${previous.title}" (${reading.dates[previous.key]}) is after "${entry.title}" (${reading.dates[entry.key]}): one of them is likely wrong`,
        reading.sources.dates[entry.key]!,
      );
    }
    previous = entry;
  }
}
