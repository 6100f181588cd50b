/**
 * CST → typed AST: a Chevrotain visitor with one method per grammar rule. It only
 * gives the parse tree names and spans; reading values (dates, lists, reflowed text)
 * is the model's job.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import {
  ApplicationReceivedLabel,
  CaseNumberLabel,
  DateAssignedLabel,
  DateOfInjuryLabel,
  DecisionDateLabel,
  PriorityLabel,
  StatesOfLicensure,
  UrDenialDateLabel,
} from "../grammar/tokens.js";
import type { NormalizedText } from "../normalize/index.js";
import type {
  BoardCertificationNode,
  CaseHeaderNode,
  ClinicalCaseSummaryNode,
  CredentialNode,
  DecisionHeadingNode,
  DecisionNode,
  HeaderFieldNode,
  HeaderLabel,
  HowDeterminationWasMadeNode,
  IssuesDecisionsAndRationalesNode,
  LetterNode,
  LetterPartNode,
  PartialAuthorizationNode,
  ReviewerCredentialsNode,
  Span,
  TextNode,
  UnplacedNode,
} from "./nodes.js";
import { buildGuideline } from "./guideline.js";
import { SpanMaker } from "./positions.js";

type Children = Record<string, CstElement[] | undefined>;
interface Range {
  start: number;
  end: number;
}

const HEADER_LABELS = new Map<string, HeaderLabel>([
  [CaseNumberLabel.name, "caseNumber"],
  [DateAssignedLabel.name, "dateAssigned"],
  [DateOfInjuryLabel.name, "dateOfInjury"],
  [DecisionDateLabel.name, "decisionDate"],
  [UrDenialDateLabel.name, "urDenialDate"],
  [PriorityLabel.name, "priority"],
  [ApplicationReceivedLabel.name, "applicationReceived"],
]);

const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;

// Children of one name are in the letter's order, so a node starts at the earliest of
// its children's first elements and ends at the latest of their last ones.
function startOf(e: CstElement): number {
  if (isToken(e)) return e.startOffset;
  let start = Infinity;
  const children = e.children as Children;
  for (const key in children) {
    const first = children[key]?.[0];
    if (first) start = Math.min(start, startOf(first));
  }
  return start;
}

function endOf(e: CstElement): number {
  if (isToken(e)) return e.startOffset + e.image.length;
  let end = -Infinity;
  const children = e.children as Children;
  for (const key in children) {
    const list = children[key];
    if (list && list.length > 0) end = Math.max(end, endOf(list[list.length - 1]!));
  }
  return end;
}

/** The normalized range a run of same-named children covers (empty: start ≥ end). */
function rangeOf(elements: readonly CstElement[] | undefined): Range {
  if (!elements || elements.length === 0) return { start: Infinity, end: -Infinity };
  return { start: startOf(elements[0]!), end: endOf(elements[elements.length - 1]!) };
}

function rangeOfNode(node: CstNode): Range {
  return { start: startOf(node), end: endOf(node) };
}

// Spaces and line breaks never start or end a passage; a partial authorization's
// "Y, leaving …" leaves a comma behind Y.
const EDGE_SPACE = /[ \n]/;
const TRAILING_PUNCTUATION = /[ \n,;]/;

export class AstBuilder {
  private readonly spans: SpanMaker;
  private readonly text: string;

  constructor(readonly normalized: NormalizedText) {
    this.spans = new SpanMaker(normalized);
    this.text = normalized.text;
  }

  span(range: Range): Span {
    return this.spans.fromNormalized(range.start, range.end);
  }

  /** A text node for a normalized range, trimmed; null when nothing is left. */
  textNode(range: Range, trailing: RegExp = EDGE_SPACE): TextNode | null {
    let { start, end } = range;
    if (!(end > start)) return null;
    while (start < end && EDGE_SPACE.test(this.text[start]!)) start++;
    while (end > start && trailing.test(this.text[end - 1]!)) end--;
    if (end <= start) return null;
    return { type: "Text", value: this.text.slice(start, end), span: this.span({ start, end }), normalized: { start, end } };
  }

  letter(cst: CstNode): LetterNode {
    const c = cst.children as Children;
    const parts: { at: number; node: LetterPartNode }[] = [];
    const add = (nodes: CstElement[] | undefined, build: (n: CstNode) => LetterPartNode | null) => {
      for (const n of nodes ?? []) {
        const node = build(n as CstNode);
        if (node) parts.push({ at: rangeOfNode(n as CstNode).start, node });
      }
    };
    add(c.caseHeader, (n) => this.caseHeader(n));
    add(c.howDeterminationWasMade, (n) => this.howDeterminationWasMade(n));
    add(c.reviewerCredentials, (n) => this.reviewerCredentials(n));
    add(c.clinicalCaseSummary, (n) => this.clinicalCaseSummary(n));
    add(c.issuesDecisionsAndRationales, (n) => this.issuesDecisionsAndRationales(n));
    add(c.decision, (n) => this.decision(n));
    add(c.unplaced, (n) => this.unplaced(n));
    parts.sort((a, b) => a.at - b.at);
    return { type: "Letter", parts: parts.map((p) => p.node), span: this.span({ start: 0, end: this.text.length }) };
  }

  caseHeader(cst: CstNode): CaseHeaderNode {
    const fields = ((cst.children as Children).headerField ?? []).map((f) => this.headerField(f as CstNode));
    return { type: "CaseHeader", fields, span: this.span(rangeOfNode(cst)) };
  }

  headerField(cst: CstNode): HeaderFieldNode {
    const c = cst.children as Children;
    let label: HeaderLabel = "caseNumber";
    for (const key in c) {
      const found = HEADER_LABELS.get(key);
      if (found) label = found;
    }
    const value = rangeOf(c.Text);
    return { type: "HeaderField", label, value: this.textNode(value), span: this.span(rangeOfNode(cst)) };
  }

  howDeterminationWasMade(cst: CstNode): HowDeterminationWasMadeNode {
    const certification = (cst.children as Children).boardCertification?.[0] as CstNode | undefined;
    return {
      type: "HowDeterminationWasMade",
      boardCertification: certification ? this.boardCertification(certification) : null,
      span: this.span(rangeOfNode(cst)),
    };
  }

  boardCertification(cst: CstNode): BoardCertificationNode {
    const c = cst.children as Children;
    return {
      type: "BoardCertification",
      boardCertifiedIn: this.textNode(rangeOf(c.boardCertifiedIn)),
      subspecialty: this.textNode(rangeOf(c.subspecialty)),
      licensedIn: this.textNode(rangeOf(c.licensedIn)),
      span: this.span(rangeOfNode(cst)),
    };
  }

  reviewerCredentials(cst: CstNode): ReviewerCredentialsNode {
    const credentials = ((cst.children as Children).credential ?? []).map((n): CredentialNode => {
      const c = (n as CstNode).children as Children;
      return {
        type: "Credential",
        kind: c[StatesOfLicensure.name] ? "licensure" : "specialty",
        value: this.textNode(rangeOf(c.PlainText)),
        span: this.span(rangeOfNode(n as CstNode)),
      };
    });
    credentials.sort((a, b) => a.span.start - b.span.start);
    return { type: "ReviewerCredentials", credentials, span: this.span(rangeOfNode(cst)) };
  }

  clinicalCaseSummary(cst: CstNode): ClinicalCaseSummaryNode {
    return {
      type: "ClinicalCaseSummary",
      summary: this.textNode(rangeOf((cst.children as Children).Prose)),
      span: this.span(rangeOfNode(cst)),
    };
  }

  issuesDecisionsAndRationales(cst: CstNode): IssuesDecisionsAndRationalesNode {
    const c = cst.children as Children;
    return {
      type: "IssuesDecisionsAndRationales",
      decisions: (c.decision ?? []).map((d) => this.decision(d as CstNode)),
      unplaced: (c.unplaced ?? []).map((u) => this.unplaced(u as CstNode)).filter((u): u is UnplacedNode => u !== null),
      span: this.span(rangeOfNode(cst)),
    };
  }

  decision(cst: CstNode): DecisionNode {
    const c = cst.children as Children;
    const heading = this.decisionHeading(c.decisionHeading![0] as CstNode);
    const paragraph = (key: string) => {
      const node = c[key]?.[0] as CstNode | undefined;
      return node ? this.textNode(rangeOf((node.children as Children).decisionProse)) : null;
    };
    const claimsAdministratorText = paragraph("claimsAdministratorGuideline");
    const reviewerText = paragraph("maximusGuideline");
    const rationale = paragraph("decisionRationale");
    const claimsAdministratorGuideline = claimsAdministratorText ? buildGuideline(claimsAdministratorText, this) : null;
    const reviewerGuideline = reviewerText ? buildGuideline(reviewerText, this) : null;
    const last = rationale ?? reviewerText ?? claimsAdministratorText;
    return {
      type: "Decision",
      heading,
      claimsAdministratorGuideline,
      reviewerGuideline,
      rationale,
      labels: {
        claimsAdministratorGuideline: c.claimsAdministratorGuideline !== undefined,
        reviewerGuideline: c.maximusGuideline !== undefined,
        rationale: c.decisionRationale !== undefined,
      },
      span: this.spans.fromInput({ start: heading.span.start, end: last ? last.span.end : heading.span.end }),
    };
  }

  decisionHeading(cst: CstNode): DecisionHeadingNode {
    const c = cst.children as Children;
    const outcome = c.Outcome![0] as IToken & { payload?: "upheld" | "overturned" };
    const whole = rangeOfNode(cst);
    const wordAt = outcome.startOffset + outcome.image.search(/upheld|overturned/i);
    const partial = c.partialAuthorization?.[0] as CstNode | undefined;
    const text = this.textNode({ start: whole.start, end: outcome.startOffset });
    const headingEnd = wordAt + (outcome.payload === "overturned" ? 10 : 6);
    return {
      type: "DecisionHeading",
      text,
      outcome: outcome.payload ?? "upheld",
      outcomeSpan: this.span({ start: wordAt, end: headingEnd }),
      partialAuthorization: partial ? this.partialAuthorization(partial) : null,
      span: this.span({ start: text ? text.normalized.start : whole.start, end: headingEnd }),
    };
  }

  partialAuthorization(cst: CstNode): PartialAuthorizationNode {
    const c = cst.children as Children;
    return {
      type: "PartialAuthorization",
      originalRequest: this.textNode(rangeOf(c.originalRequest)),
      authorized: this.textNode(rangeOf(c.authorized), TRAILING_PUNCTUATION),
      remainder: this.textNode(rangeOf(c.remainder)),
      span: this.span(rangeOfNode(cst)),
    };
  }

  unplaced(cst: CstNode): UnplacedNode | null {
    const text = this.textNode(rangeOfNode(cst));
    return text ? { type: "Unplaced", text, span: text.span } : null;
  }
}

/**
 * Builds the typed AST of a letter from its concrete syntax tree.
 *
 * @example
 * ```ts
 * import { normalize, parseCst, buildAst } from "imr-determination";
 * const clean = normalize(letterText);
 * const ast = buildAst(parseCst(clean).cst, clean);
 * ast.parts.map((p) => p.type); // ["CaseHeader", "HowDeterminationWasMade", …]
 * ```
 */
export function buildAst(cst: CstNode, normalized: NormalizedText): LetterNode {
  return new AstBuilder(normalized).letter(cst);
}
