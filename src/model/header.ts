/**
 * Values of the case header: the case number, five dates and the priority. Dates come
 * only from here; the clinical summary sometimes disagrees, and the header wins.
 */
import type { HeaderFieldNode, HeaderLabel, TextNode } from "../ast/nodes.js";

/** A value read from the start of a header field, and what was left after it. */
export interface HeaderValue<T> {
  value: T;
  /** Normalized range of the value. */
  start: number;
  end: number;
}

export interface HeaderReading<T> {
  value: HeaderValue<T> | null;
  /** Text in the field that is not the value (normalized ranges, before and after it). */
  leftover: { start: number; end: number }[];
  /** Why a present value could not be read, if it could not. */
  problem: string | null;
}

const CASE_NUMBER = /[A-Z]{2}\d{2}-\d{4,8}/;
const DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/;
const PRIORITY = /^(standard|expedited)\b/i;

function read<T>(node: TextNode | null, pattern: RegExp, convert: (m: RegExpExecArray) => T | null, what: string): HeaderReading<T> {
  if (node === null) return { value: null, leftover: [], problem: null };
  const m = pattern.exec(node.value);
  if (m === null) {
    return { value: null, leftover: [], problem: `"${node.value.slice(0, 40)}" is not ${what}` };
  }
  const converted = convert(m);
  const start = node.normalized.start + m.index;
  const end = start + m[0].length;
  const leftover: { start: number; end: number }[] = [];
  if (m.index > 0) leftover.push({ start: node.normalized.start, end: start });
  if (end < node.normalized.end) leftover.push({ start: end, end: node.normalized.end });
  if (converted === null) return { value: null, leftover, problem: `"${m[0]}" is not ${what}` };
  return { value: { value: converted, start, end }, leftover, problem: null };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!;

/** "11/09/2016" → "2016-11-09"; null for a date that does not exist. */
export function isoDate(m: RegExpExecArray): string | null {
  const month = Number(m[1]);
  const day = Number(m[2]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const readCaseNumber = (node: TextNode | null) => read(node, CASE_NUMBER, (m) => m[0], "a case number");
export const readDate = (node: TextNode | null) => read(node, DATE, isoDate, "a date");
export const readPriority = (node: TextNode | null) =>
  read(node, PRIORITY, (m) => m[1]!.toLowerCase() as "standard" | "expedited", "a priority (Standard or Expedited)");

/** The first field with each label, and the ones that repeat a label. */
export function fieldsByLabel(fields: readonly HeaderFieldNode[]): {
  first: Map<HeaderLabel, HeaderFieldNode>;
  repeated: HeaderFieldNode[];
} {
  const first = new Map<HeaderLabel, HeaderFieldNode>();
  const repeated: HeaderFieldNode[] = [];
  for (const f of fields) {
    if (first.has(f.label)) repeated.push(f);
    else first.set(f.label, f);
  }
  return { first, repeated };
}
