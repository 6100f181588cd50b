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
