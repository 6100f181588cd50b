import type { TextNode } from "../ast/nodes.js";
import type { TextField } from "./schema.js";

/**
 * Joins a passage's lines as the letter means them: a line break is a space, except
 * after a hyphen that ends a line, where the two lines join (`L5-` / `S1` is `L5-S1`).
 *
 * @example
 * ```ts
 * import { reflow } from "imr-determination";
 * reflow("disc bulge at L5-\nS1 and\nL4"); // "disc bulge at L5-S1 and L4"
 * ```
 */
export function reflow(text: string): string {
  let at = text.indexOf("\n");
  if (at < 0) return text;
  let out = "";
  let from = 0;
  for (; at >= 0; at = text.indexOf("\n", at + 1)) {
    // After a hyphen the lines join; otherwise the break is a space.
    out += text.charCodeAt(at - 1) === 45 ? text.slice(from, at) : `${text.slice(from, at)} `;
    from = at + 1;
  }
  return out + text.slice(from);
}

/** The public text field for a text node. */
export function textField(node: TextNode): TextField {
  return { text: reflow(node.value), span: node.span };
}

/** A piece of a text node: its normalized range, trimmed. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}

/** A whole text node as one piece. */
export function wholePiece(node: TextNode): Piece {
  return { start: node.normalized.start, end: node.normalized.end, text: reflow(node.value) };
}

/**
 * Splits normalized text that starts at offset `base` at each match of `separator`,
 * trimming spaces and line breaks from each piece and dropping empty ones. Offsets stay
 * in the normalized text.
 */
export function splitText(value: string, base: number, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  const re = new RegExp(separator.source, separator.flags.includes("g") ? separator.flags : `${separator.flags}g`);
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && (value[s] === " " || value[s] === "\n")) s++;
    while (e > s && (value[e - 1] === " " || value[e - 1] === "\n")) e--;
    if (e > s) pieces.push({ start: base + s, end: base + e, text: reflow(value.slice(s, e)) });
  };
  for (const m of value.matchAll(re)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, value.length);
  return pieces;
}
