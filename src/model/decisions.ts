/**
 * The decisions: one per disputed item, in the letter's order. A damaged heading, a
 * missing or empty paragraph, a rationale that stops mid-sentence and a decision that
 * repeats an earlier one are errors: each leaves a value missing, cut or doubtful.
 */
import type { DecisionHeadingNode, DecisionNode, GuidelineNode, HeadingDamage, ParagraphNode } from "../ast/nodes.js";
import { endsSentence } from "../sentences.js";
import type { Citation, Decision, Guideline } from "./schema.js";
import { quote, type ReadContext } from "./context.js";
import { treatmentService } from "./service/classify.js";
import { reflow, textField } from "./text.js";

const HEADING_DAMAGE: Record<HeadingDamage, string> = {
  "no-outcome": "has no outcome (no colon and Upheld or Overturned before its first label): outcome is null",
  "missing-outcome": "ends in a colon with no outcome after it: outcome is null",
  "unreadable-outcome": "has a word other than Upheld or Overturned where its outcome belongs: outcome is null",
  "two-outcomes": "holds two outcomes: which one is the decision's cannot be told, so outcome is null",
  "no-heading": "is missing: its paragraphs stand without one, so treatment and outcome are null",
  "broken-partial-authorization":
    "has a partial authorization's sentences, but not in either of their forms: the item, what was requested and what was authorized cannot be told apart",
};

// A sentence's end inside a heading's item ("... not medically necessary. Knee brace"): the
// last line of the paragraph before ran into the heading (lines joined), so which words are
// the item cannot be told. Three small letters before the stop keep "Dr." and "No." out.
const SENTENCE_END_INSIDE = /[a-z]{3}[.?!]["')]?\s+[A-Z]/;

const LABEL_INSIDE = /(?:Claims Administrator guideline|MAXIMUS guideline|Decision rationale):/i;
/** Whether a colon in `text` follows "guideline" or "rationale": only then is the pattern worth running (colons are rare in prose). */
function mayHoldLabel(text: string): boolean {
  for (let at = text.indexOf(":"); at >= 9; at = text.indexOf(":", at + 1)) {
    const word = text.slice(at - 9, at).toLowerCase();
    if (word === "guideline" || word === "rationale") return true;
  }
  return false;
}

/** Reads every decision; `orphans` are decisions found outside their section. */
export function readDecisions(nodes: readonly DecisionNode[], ctx: ReadContext): Decision[] {
  const decisions: Decision[] = [];
  // Decisions are looked up by their item and words, not compared with each earlier one:
  // thousands of decisions of one treatment would make that quadratic. Only decisions of
  // one item can repeat or contradict each other, so a decision's whole words are hashed
  // only once a second decision of its item turns up, and at most once. (Decisions whose
  // item could not be read are compared among themselves.)
  const firstOfItem = new Map<string | null, Decision | null>();
  const seen = new Set<string>();
  for (const node of nodes) {
    const decision = readDecision(node, ctx);
    const item = decision.treatment?.text.toLowerCase() ?? null;
    const first = firstOfItem.get(item);
    if (first === undefined) {
      firstOfItem.set(item, decision);
      decisions.push(decision);
      continue;
    }
    if (first !== null) {
      seen.add(wordsOf(first));
      firstOfItem.set(item, null);
    }
    // A decision that repeats an earlier one word for word was extracted twice (a page read twice).
    const words = wordsOf(decision);
    if (seen.has(words)) {
      ctx.diagnostics.add("duplicate-decision", `The decision ${quote(decision.treatment?.text ?? "")} repeats an earlier one word for word: it was left out`, node.span);
      continue;
    }
    seen.add(words);
    if (item !== null) {
      ctx.diagnostics.add(
        "conflicting-decision",
        `The decision ${quote(decision.treatment!.text)} decides an item an earlier decision decides, in other words (outcome, guidelines or rationale): both are kept, and which is the letter's cannot be told`,
        node.span,
      );
    }
    decisions.push(decision);
  }
  return decisions;
}

/** What makes two decisions the same: their treatment, outcome, guidelines and rationale. */
function wordsOf(d: Decision): string {
  return JSON.stringify([d.treatment?.text, d.outcome, d.rationale?.text, d.claimsAdministratorGuideline?.text, d.reviewerGuideline?.text]);
}

function readDecision(node: DecisionNode, ctx: ReadContext): Decision {
  const { heading } = node;
  const partial = heading.partialAuthorization;
  const named = partial ? partial.remainder : heading.text;
  const proseRanIn = heading.damage === null && named !== null && SENTENCE_END_INSIDE.test(named.value);
  const item = proseRanIn ? null : named;
  if (heading.damage === "no-heading") {
    ctx.diagnostics.add("malformed-decision-heading", `A decision's heading ${HEADING_DAMAGE[heading.damage]}`, heading.span);
  } else if (heading.damage) {
    ctx.diagnostics.add("malformed-decision-heading", `The decision heading ${quote(heading.text?.value ?? "")} ${HEADING_DAMAGE[heading.damage]}`, heading.span);
  } else if (proseRanIn) {
    ctx.diagnostics.add(
      "malformed-decision-heading",
      `The decision heading ${quote(named.value)} holds the end of a sentence: the paragraph before it ran into it, so its item cannot be told (treatment is null) and that paragraph may lack its end`,
      heading.span,
    );
  }
  if (named === null && heading.damage !== "no-heading") ctx.diagnostics.add("malformed-decision-heading", "The decision heading names no item: treatment is null", heading.span);
  checkParagraphs(node, ctx);
  return {
    treatment: item ? textField(item) : null,
    originalRequest: partial?.originalRequest ? textField(partial.originalRequest) : null,
    authorized: partial?.authorized ? textField(partial.authorized) : null,
    // A heading that names no item has its error already; its service is simply unknown.
    service: item ? treatmentService(item, heading.span, ctx.diagnostics) : { category: "other", drugClass: null, drug: null },
    outcome: heading.outcome,
    claimsAdministratorGuideline: guideline(node.claimsAdministratorGuideline, ctx),
    reviewerGuideline: guideline(node.reviewerGuideline, ctx),
    rationale: node.rationale?.content ? textField(node.rationale.content) : null,
    span: node.span,
    outcomeSpan: heading.outcomeSpan,
  };
}

/** Every decision has its three paragraphs, none of them empty, and its rationale ends a sentence. */
function checkParagraphs(node: DecisionNode, ctx: ReadContext): void {
  const paragraphs: [string, ParagraphNode<unknown> | null][] = [
    ['"Claims Administrator guideline:"', node.claimsAdministratorGuideline],
    ['"MAXIMUS guideline:"', node.reviewerGuideline],
    ['"Decision rationale:"', node.rationale],
  ];
  const missing = paragraphs.filter(([, p]) => p === null).map(([label]) => label);
  if (missing.length > 0) {
    ctx.diagnostics.add("incomplete-decision", `The decision ${name(node.heading)} has no ${missing.join(", ")}: those fields are null`, node.heading.span);
  }
  for (const [label, p] of paragraphs) {
    if (p !== null && p.content === null) {
      ctx.diagnostics.add("incomplete-decision", `Nothing follows ${label} in the decision ${name(node.heading)}: that field is null`, ctx.spans.at(p.labelSpan.end));
    }
  }
  const rationale = node.rationale?.content;
  // A label inside the rationale: the text was doubled ("Decision rationale: Decision
  // rationale: …") or another decision's paragraph ran into it; the guideline paragraphs
  // report such text as no citation.
  const label = rationale && mayHoldLabel(rationale.value) ? LABEL_INSIDE.exec(rationale.value) : null;
  if (rationale && label) {
    const at = rationale.normalized.start + label.index;
    ctx.diagnostics.add(
      "unplaced-decision-text",
      `The rationale of ${name(node.heading)} holds the label ${quote(label[0])}: its text may be doubled, or another paragraph's text run into it`,
      ctx.spans.fromNormalized(at, at + label[0].length),
    );
  }
  if (rationale && !endsSentence(rationale.value)) {
    ctx.diagnostics.add("possibly-truncated", `The rationale of ${name(node.heading)} ends mid-sentence: text may be missing from it`, ctx.spans.at(rationale.span.end));
  }
}

const name = (heading: DecisionHeadingNode) => quote(heading.partialAuthorization?.remainder?.value ?? heading.text?.value ?? "");

function guideline(paragraph: ParagraphNode<GuidelineNode> | null, ctx: ReadContext): Guideline | null {
  const node = paragraph?.content;
  if (!node) return null;
  const citations: Citation[] = node.citations.map((c) => {
    if (c.type === "NonMtusCitation") {
      if (c.outOfForm) {
        ctx.diagnostics.add("unreadable-citation", `The Non-MTUS citation does not open with "Non-MTUS Citation" (words between them, or "Citation" misread): its reference may hold them`, c.span);
      }
      return { source: "Non-MTUS", reference: c.reference ? reflow(c.reference.value) : null, span: c.span };
    }
    if (c.outOfForm) {
      ctx.diagnostics.add(
        "unreadable-citation",
        `The citation ${quote(c.guideline?.value ?? "")} holds a year or a "Section(s):", or one misread, where its sections or pages should be: its fields may be wrong`,
        c.span,
      );
    }
    if (c.guideline && !c.knownTitle) {
      ctx.diagnostics.add(
        "unknown-mtus-guideline",
        `${quote(c.guideline.value)} is not an MTUS guideline title the parser knows; it was read as the title up to its year`,
        c.guideline.span,
      );
    }
    return {
      source: "MTUS",
      guideline: c.guideline ? reflow(c.guideline.value) : null,
      year: c.year,
      sections: c.sections ? reflow(c.sections.value) : null,
      pages: c.pages ? reflow(c.pages.value) : null,
      span: c.span,
    };
  });
  for (const other of node.otherText) {
    ctx.diagnostics.add(
      "unplaced-decision-text",
      `Text in a guideline paragraph that is no citation (a citation may be misread): ${quote(other.value)}`,
      other.span,
    );
  }
  return { text: reflow(node.text.value), span: node.span, basis: node.basis, citations };
}
