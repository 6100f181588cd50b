import type { TextNode } from "../ast/nodes.js";
import type { NormalizedText } from "../normalize/index.js";
import { endsSentence } from "../sentences.js";
import type { Span, SpanMaker } from "../span.js";
import type { Diagnostics } from "./diagnostics.js";

/** What every reader of a part of the letter works with: the text, spans into the input, and the letter's diagnostics. */
export interface ReadContext {
  normalized: NormalizedText;
  spans: SpanMaker;
  diagnostics: Diagnostics;
}

// Only the head of a passage is reflowed for a quote: a passage may be megabytes long.
const QUOTE_HEAD = 600;

/** A passage shortened for a message: reflowed, at most 60 characters, quoted. */
export function quote(text: string): string {
  const flat = text.slice(0, QUOTE_HEAD).replace(/\s+/g, " ");
  return flat.length > 60 || text.length > QUOTE_HEAD ? `"${flat.slice(0, 57)}…"` : `"${flat}"`;
}

/**
 * A passage cut into its paragraphs (a line that ends a sentence ends one), each with its
 * span: what is reported of text that belongs nowhere, one paragraph a diagnostic, so that
 * no report covers more than the text it is about.
 */
export function paragraphs(node: TextNode, ctx: ReadContext): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  const { value } = node;
  const base = node.normalized.start;
  let from = 0;
  for (let br = value.indexOf("\n"); from < value.length; br = value.indexOf("\n", br + 1)) {
    const end = br < 0 ? value.length : br;
    if (br >= 0 && !endsSentence(value, end)) continue;
    out.push({ text: value.slice(from, end), span: ctx.spans.fromNormalized(base + from, base + end) });
    from = end + 1;
    if (br < 0) break;
  }
  return out;
}
