/**
 * CST → typed AST: a Chevrotain visitor with one method per grammar rule. It only
 * gives the parse tree names and spans; reading values (dates, lists, reflowed text)
 * is the model's job.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { extentOf, extentOfAll, type Range } from "./extent.js";
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

const HEADER_LABELS = new Map<string, HeaderLabel>([
  [CaseNumberLabel.name, "caseNumber"],
  [DateAssignedLabel.name, "dateAssigned"],
  [DateOfInjuryLabel.name, "dateOfInjury"],
  [DecisionDateLabel.name, "decisionDate"],
  [UrDenialDateLabel.name, "urDenialDate"],
  [PriorityLabel.name, "priority"],
  [ApplicationReceivedLabel.name, "applicationReceived"],
]);

// Spaces and line breaks never start or end a passage; a partial authorization's
// "Y, leaving …" leaves a comma behind Y.
const isSpace = (c: number) => c === 32 || c === 10;
const isSpaceOrSeparator = (c: number) => c === 32 || c === 10 || c === 44 /* , */ || c === 59; /* ; */

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
  textNode(range: Range, trailing: (c: number) => boolean = isSpace): TextNode | null {
    let { start, end } = range;
    if (!(end > start)) return null;
    while (start < end && isSpace(this.text.charCodeAt(start))) start++;
    while (end > start && trailing(this.text.charCodeAt(end - 1))) end--;
    if (end <= start) return null;
    return { type: "Text", value: this.text.slice(start, end), span: this.span({ start, end }), normalized: { start, end } };
  }

  letter(cst: CstNode): LetterNode {
    const c = cst.children as Children;
    const parts: { at: number; node: LetterPartNode }[] = [];
    const add = (nodes: CstElement[] | undefined, build: (n: CstNode) => LetterPartNode | null) => {
      for (const n of nodes ?? []) {
        const node = build(n as CstNode);
        if (node) parts.push({ at: extentOf(n as CstNode).start, node });
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
    return { type: "CaseHeader", fields, span: this.span(extentOf(cst)) };
  }

  headerField(cst: CstNode): HeaderFieldNode {
    const c = cst.children as Children;
    let label: HeaderLabel = "caseNumber";
    for (const key in c) {
      const found = HEADER_LABELS.get(key);
      if (found) label = found;
    }
    const value = extentOfAll(c.Text);
    return { type: "HeaderField", label, value: this.textNode(value), span: this.span(extentOf(cst)) };
  }

  howDeterminationWasMade(cst: CstNode): HowDeterminationWasMadeNode {
    const certification = (cst.children as Children).boardCertification?.[0] as CstNode | undefined;
    return {
      type: "HowDeterminationWasMade",
      boardCertification: certification ? this.boardCertification(certification) : null,
      span: this.span(extentOf(cst)),
    };
  }

  boardCertification(cst: CstNode): BoardCertificationNode {
    const c = cst.children as Children;
    return {
      type: "BoardCertification",
      boardCertifiedIn: this.textNode(extentOfAll(c.boardCertifiedIn)),
      subspecialty: this.textNode(extentOfAll(c.subspecialty)),
      licensedIn: this.textNode(extentOfAll(c.licensedIn)),
      span: this.span(extentOf(cst)),
    };
  }

  reviewerCredentials(cst: CstNode): ReviewerCredentialsNode {
    const credentials = ((cst.children as Children).credential ?? []).map((n): CredentialNode => {
      const c = (n as CstNode).children as Children;
      return {
        type: "Credential",
        kind: c[StatesOfLicensure.name] ? "licensure" : "specialty",
        value: this.textNode(extentOfAll(c.PlainText)),
        span: this.span(extentOf(n as CstNode)),
      };
    });
    credentials.sort((a, b) => a.span.start - b.span.start);
    return { type: "ReviewerCredentials", credentials, span: this.span(extentOf(cst)) };
  }

  clinicalCaseSummary(cst: CstNode): ClinicalCaseSummaryNode {
    return {
      type: "ClinicalCaseSummary",
      summary: this.textNode(extentOfAll((cst.children as Children).Prose)),
      span: this.span(extentOf(cst)),
    };
  }

  issuesDecisionsAndRationales(cst: CstNode): IssuesDecisionsAndRationalesNode {
    const c = cst.children as Children;
    return {
      type: "IssuesDecisionsAndRationales",
      decisions: (c.decision ?? []).map((d) => this.decision(d as CstNode)),
      unplaced: (c.unplaced ?? []).map((u) => this.unplaced(u as CstNode)).filter((u): u is UnplacedNode => u !== null),
      span: this.span(extentOf(cst)),
    };
  }

  decision(cst: CstNode): DecisionNode {
    const c = cst.children as Children;
    const heading = this.decisionHeading(c.decisionHeading![0] as CstNode);
    const paragraph = (key: string) => {
      const node = c[key]?.[0] as CstNode | undefined;
      return node ? this.textNode(extentOfAll((node.children as Children).decisionProse)) : null;
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
    const whole = extentOf(cst);
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
      originalRequest: this.textNode(extentOfAll(c.originalRequest)),
      authorized: this.textNode(extentOfAll(c.authorized), isSpaceOrSeparator),
      remainder: this.textNode(extentOfAll(c.remainder)),
      span: this.span(extentOf(cst)),
    };
  }

  unplaced(cst: CstNode): UnplacedNode | null {
    const text = this.textNode(extentOf(cst));
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
