import type { NormalizedText } from "../normalize/index.js";
import type { SpanMaker } from "../span.js";
import type { Diagnostics } from "./diagnostics.js";

/** What every reader of a part of the letter works with: the text, spans into the input, and the letter's diagnostics. */
export interface ReadContext {
  normalized: NormalizedText;
  spans: SpanMaker;
  diagnostics: Diagnostics;
}

/** A passage shortened for a message: reflowed, at most 60 characters, quoted. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 60 ? `"${flat.slice(0, 57)}…"` : `"${flat}"`;
}
