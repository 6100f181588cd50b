/**
 * CST → typed AST: the letter grammar's visitor, one method per rule, each called with
 * its node's typed children (`grammar/cst.ts`, generated from the rules). It gives the
 * parse tree names and spans, pairs a header's label column with its value column, and
 * hands guideline paragraphs and lists to the passage grammar (`passages.ts`); reading
 * values (dates, reflowed text) is the model's job.
 */
import type { ICstVisitor, IToken, TokenType } from "chevrotain";
import type {
  CaseHeaderCstChildren,
  CaseSummaryLeadInCstChildren,
  ClaimsAdministratorGuidelineCstChildren,
  ClinicalCaseSummaryCstChildren,
  CredentialCstChildren,
  DecisionCstChildren,
  DecisionHeadingCstChildren,
  DecisionProseCstChildren,
  DecisionRationaleCstChildren,
  HeadlessDecisionCstChildren,
  DisputedItemsLeadInCstChildren,
  HeaderFieldCstChildren,
  HowDeterminationWasMadeCstChildren,
  IssuesDecisionsAndRationalesCstChildren,
  LineRunCstChildren,
  LetterCstChildren,
  LetterCstNode,
  MaximusGuidelineCstChildren,
  PartialAuthorizationCstChildren,
  ReviewerCredentialsCstChildren,
  UnplacedCstChildren,
  WordsCstChildren,
} from "../grammar/cst.js";
import { SUMMARY_LEAD_IN_WORDINGS } from "../grammar/boilerplate.js";
import { isSpace } from "../grammar/characters.js";
import { isPartialPhrase, letterParser } from "../grammar/parser.js";
import {
  ApplicationReceivedLabel,
  CaseNumberLabel,
  DateAssignedLabel,
  DateOfInjuryLabel,
  DecisionDateLabel,
  Overturned,
  PriorityLabel,
  StatesOfLicensure,
  UnreadableOutcome,
  Upheld,
  UrDenialDateLabel,
} from "../grammar/tokens.js";
import type { NormalizedText } from "../normalize/index.js";
import { SpanMaker, type Span } from "../span.js";
import type { Outcome } from "../vocabulary.js";
import { EMPTY, extentOf, extentOfAll, extentOfRuns, type Range } from "./extent.js";
import type {
  CaseHeaderNode,
  ClinicalCaseSummaryNode,
  CredentialNode,
  DecisionHeadingNode,
  DecisionNode,
  GuidelineNode,
  HeaderFieldNode,
  HeaderLabel,
  HeadingDamage,
  HowDeterminationWasMadeNode,
  IssuesDecisionsAndRationalesNode,
  LetterNode,
  LetterPartNode,
  ListNode,
  ParagraphNode,
  PartialAuthorizationNode,
  ReviewerCredentialsNode,
  TextNode,
  UnplacedNode,
} from "./nodes.js";
import { buildGuideline, buildHowSection, buildList, type ParsedGuidelines } from "./passages.js";

/** A table by token type, looked up by the type's number (a number key is found faster than an object key). */
const byTokenType = <T>(entries: [TokenType, T][]) => new Map(entries.map(([type, value]) => [type.tokenTypeIdx!, value]));

const HEADER_LABELS = byTokenType<HeaderLabel>([
  [CaseNumberLabel, "caseNumber"],
  [DateAssignedLabel, "dateAssigned"],
  [DateOfInjuryLabel, "dateOfInjury"],
  [DecisionDateLabel, "decisionDate"],
  [UrDenialDateLabel, "urDenialDate"],
  [PriorityLabel, "priority"],
  [ApplicationReceivedLabel, "applicationReceived"],
]);

const OUTCOMES = byTokenType<Outcome>([
  [Upheld, "upheld"],
  [Overturned, "overturned"],
]);

// The summary's lead-in, word by word (its punctuation aside), to know it when its end is lost.
const LEAD_IN_WORDS = SUMMARY_LEAD_IN_WORDINGS.map((w) => w.split(" ").map(bareWord));
// So many of its first words, and the summary opens with a lead-in cut short, not by chance.
const MIN_LEAD_IN_WORDS = 5;

function bareWord(word: string): string {
  return word.replace(/[,.:;]+$/, "").toLowerCase();
}

// Spaces and line breaks never start or end a passage; a partial authorization's
// "Y, leaving …" leaves a comma behind Y.
const isSpaceOrSeparator = (c: number) => c === 32 || c === 10 || c === 44 /* , */ || c === 59; /* ; */
// A heading's item never ends in a separator: one doubled or typed beside its colon
// ("X:: Upheld", "X;: Upheld") is the colon's, not the treatment's.
const isSpaceOrHeadingSeparator = (c: number) => isSpaceOrSeparator(c) || c === 58; /* : */

/**
 * Chevrotain's visitor base: `validateVisitor` checks there is a method per rule (the tests
 * call it). The methods are called directly with each node's typed children, not through
 * `visit`, so each returns its own node type.
 */
type LetterVisitorBase = new () => ICstVisitor<never, unknown>;

function defineLetterVisitor(Base: LetterVisitorBase) {
  return class LetterAstBuilder extends Base {
    normalized: NormalizedText | null = null;
    spans: SpanMaker | null = null;
    text = "";
    readonly parsedGuidelines: ParsedGuidelines = new Map();

    /** Starts on a new letter. */
    use(normalized: NormalizedText | null): void {
      this.normalized = normalized;
      this.spans = normalized ? new SpanMaker(normalized) : null;
      this.text = normalized?.text ?? "";
      this.parsedGuidelines.clear();
    }

    span(range: Range): Span {
      return this.spans!.fromNormalized(range.start, Math.max(range.start, range.end));
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

    letter(c: LetterCstChildren): LetterNode {
      const parts: LetterPartNode[] = [
        ...(c.caseHeader ?? []).map((n) => this.caseHeader(n.children, extentOf(n))),
        ...(c.howDeterminationWasMade ?? []).map((n) => this.howDeterminationWasMade(n.children, extentOf(n))),
        ...(c.reviewerCredentials ?? []).map((n) => this.reviewerCredentials(n.children, extentOf(n))),
        ...(c.clinicalCaseSummary ?? []).map((n) => this.clinicalCaseSummary(n.children, extentOf(n))),
        ...(c.issuesDecisionsAndRationales ?? []).map((n) => this.issuesDecisionsAndRationales(n.children, extentOf(n))),
        ...(c.decision ?? []).map((n) => this.decision(n.children)),
        ...(c.headlessDecision ?? []).map((n) => this.headlessDecision(n.children, extentOf(n))),
        ...(c.unplaced ?? []).map((n) => this.unplaced(n.children)).filter((u): u is UnplacedNode => u !== null),
      ];
      parts.sort((a, b) => a.span.start - b.span.start);
      return { type: "Letter", parts, span: this.span({ start: 0, end: this.text.length }) };
    }

    // --- Case header ---

    caseHeader(c: CaseHeaderCstChildren, whole: Range): CaseHeaderNode {
      const read = c.headerField.map((f) => this.headerField(f.children, extentOf(f)));
      const fields: HeaderFieldNode[] = [];
      const unpairedValues: TextNode[] = [];
      // A column of labels with no values, then a column of values (plain pdftotext): pair them in order.
      for (let i = 0; i < read.length; ) {
        let j = i;
        while (j < read.length - 1 && read[j]!.value === null) j++;
        const column = read.slice(i, j + 1);
        if (column.length === 1) {
          fields.push(column[0]!);
        } else {
          const values = this.valueLines(c.headerField[j]!.children.value ?? []);
          const paired = values.length === column.length;
          column.forEach((f, k) => fields.push({ ...f, value: paired ? values[k]! : null }));
          // More values than labels: which goes where cannot be told. The labels get none.
          if (values.length > column.length) unpairedValues.push(...values);
          else if (!paired) fields[fields.length - 1]!.value = column[column.length - 1]!.value;
        }
        i = j + 1;
      }
      return { type: "CaseHeader", fields, unpairedValues, span: this.span(whole) };
    }

    /** One label and its value (the text up to the next label). */
    headerField(c: HeaderFieldCstChildren, whole: Range): HeaderFieldNode {
      const label = c.label![0]!;
      return {
        type: "HeaderField",
        label: HEADER_LABELS.get(label.tokenTypeIdx) ?? "caseNumber",
        labelSpan: this.span(extentOf(label)),
        value: this.textNode(extentOfAll(c.value)),
        span: this.span(whole),
      };
    }

    /** A value column: one value a line. */
    valueLines(tokens: readonly IToken[]): TextNode[] {
      const lines: TextNode[] = [];
      let start = -1;
      let end = -1;
      for (let k = 0; k <= tokens.length; k++) {
        const token = tokens[k];
        if (token === undefined || token.image === "\n") {
          const line = start >= 0 ? this.textNode({ start, end }) : null;
          if (line) lines.push(line);
          start = -1;
        } else {
          if (start < 0) start = token.startOffset;
          end = token.endOffset! + 1;
        }
      }
      return lines;
    }

    // --- How the determination was made, and the reviewer ---

    howDeterminationWasMade(c: HowDeterminationWasMadeCstChildren, whole: Range): HowDeterminationWasMadeNode {
      const text = this.textNode(extentOfAll(c.text));
      const section = text ? buildHowSection(text, this) : { boardCertification: null, otherText: [] };
      return { type: "HowDeterminationWasMade", boardCertification: section.boardCertification, otherText: section.otherText, span: this.span(whole) };
    }

    reviewerCredentials(c: ReviewerCredentialsCstChildren, whole: Range): ReviewerCredentialsNode {
      const credentials = (c.credential ?? []).map((n) => this.credential(n.children, extentOf(n)));
      return { type: "ReviewerCredentials", credentials, span: this.span(whole) };
    }

    credential(c: CredentialCstChildren, whole: Range): CredentialNode {
      const words = this.textNode(this.lineRun(c.value[0]!.children));
      return {
        type: "Credential",
        kind: c.kind![0]!.tokenType === StatesOfLicensure ? "licensure" : "specialty",
        list: words ? buildList(words, false, this) : null,
        span: this.span(whole),
      };
    }

    lineRun(c: LineRunCstChildren): Range {
      return extentOfRuns(c.Text, c.RunsOn);
    }

    // --- Clinical case summary ---

    clinicalCaseSummary(c: ClinicalCaseSummaryCstChildren, whole: Range): ClinicalCaseSummaryNode {
      const leadIn = c.caseSummaryLeadIn?.[0];
      const summary = extentOfAll(c.summary);
      // No lead-in read, but the summary opens with its first words, then a new sentence: the
      // rest of the lead-in was lost (its colon with it). Those words are the lead-in's.
      const cut = leadIn ? -1 : this.leadInCutShort(summary);
      return {
        type: "ClinicalCaseSummary",
        summary: this.textNode(cut < 0 ? summary : { start: cut, end: summary.end }),
        otherLeadIn: leadIn ? this.caseSummaryLeadIn(leadIn.children) : cut < 0 ? null : this.textNode({ start: summary.start, end: cut }),
        span: this.span(whole),
      };
    }

    /** Where a lead-in cut short at a line's end, which `range` opens with, ends; or -1. */
    leadInCutShort(range: Range): number {
      const text = this.text;
      for (const words of LEAD_IN_WORDS) {
        let at = range.start;
        let matched = 0;
        for (const word of words) {
          while (at < range.end && isSpace(text.charCodeAt(at))) at++;
          let end = at;
          while (end < range.end && !isSpace(text.charCodeAt(end))) end++;
          if (end === at || bareWord(text.slice(at, end)) !== word) break;
          matched++;
          at = end;
        }
        // Cut short: the summary's first sentence (a capital) or a line's end follows its words
        // (a misread word of it, in small letters, is no cut: the lead-in is then left as it is).
        let next = at;
        while (next < range.end && text.charCodeAt(next) === 32) next++;
        const code = text.charCodeAt(next);
        const cutThere = next >= range.end || code === 10 || (code >= 65 && code <= 90);
        if (matched === words.length || (matched >= MIN_LEAD_IN_WORDS && cutThere)) return at;
      }
      return -1;
    }

    /** The lead-in, when it is not worded as the grammar knows it. */
    caseSummaryLeadIn(c: CaseSummaryLeadInCstChildren): TextNode | null {
      return c.CaseSummaryLeadInOtherWording ? this.textNode(extentOfAll(c.CaseSummaryLeadInOtherWording)) : null;
    }

    // --- Issues, decisions and rationales ---

    issuesDecisionsAndRationales(c: IssuesDecisionsAndRationalesCstChildren, whole: Range): IssuesDecisionsAndRationalesNode {
      const leadIn = c.disputedItemsLeadIn?.[0];
      return {
        type: "IssuesDecisionsAndRationales",
        otherLeadIn: leadIn ? this.disputedItemsLeadIn(leadIn.children) : null,
        decisions: [...(c.decision ?? []).map((d) => this.decision(d.children)), ...(c.headlessDecision ?? []).map((d) => this.headlessDecision(d.children, extentOf(d)))].sort(
          (a, b) => a.span.start - b.span.start,
        ),
        unplaced: (c.unplaced ?? []).map((u) => this.unplaced(u.children)).filter((u): u is UnplacedNode => u !== null),
        span: this.span(whole),
      };
    }

    /** The lead-in, when it is not worded as the grammar knows it. */
    disputedItemsLeadIn(c: DisputedItemsLeadInCstChildren): TextNode | null {
      return c.DisputedItemsLeadInOtherWording ? this.textNode(extentOfAll(c.DisputedItemsLeadInOtherWording)) : null;
    }

    decision(c: DecisionCstChildren): DecisionNode {
      return this.paragraphsOf(this.decisionHeading(c.decisionHeading[0]!.children, extentOf(c.decisionHeading[0]!)), c);
    }

    /** Paragraphs whose heading was lost: the heading is a zero-width place before the first label. */
    headlessDecision(c: HeadlessDecisionCstChildren, whole: Range): DecisionNode {
      const at = this.span({ start: whole.start, end: whole.start });
      const heading: DecisionHeadingNode = { type: "DecisionHeading", text: null, outcome: null, outcomeSpan: at, partialAuthorization: null, damage: "no-heading", span: at };
      return this.paragraphsOf(heading, c);
    }

    /** A decision: its heading and the paragraphs the grammar found after it. */
    paragraphsOf(heading: DecisionHeadingNode, c: Pick<DecisionCstChildren, "claimsAdministratorGuideline" | "maximusGuideline" | "decisionRationale">): DecisionNode {
      const ca = c.claimsAdministratorGuideline?.[0];
      const maximus = c.maximusGuideline?.[0];
      const rationale = c.decisionRationale?.[0];
      const node: DecisionNode = {
        type: "Decision",
        heading,
        claimsAdministratorGuideline: ca ? this.claimsAdministratorGuideline(ca.children) : null,
        reviewerGuideline: maximus ? this.maximusGuideline(maximus.children) : null,
        rationale: rationale ? this.decisionRationale(rationale.children) : null,
        span: heading.span,
      };
      const last = [node.rationale, node.reviewerGuideline, node.claimsAdministratorGuideline].find((p) => p !== null);
      const end = last ? (last.content?.span.end ?? last.labelSpan.end) : heading.span.end;
      node.span = this.spans!.fromInput({ start: heading.span.start, end });
      return node;
    }

    decisionHeading(c: DecisionHeadingCstChildren, whole: Range): DecisionHeadingNode {
      const colon = c.OutcomeColon?.[0] ?? null;
      const word = c.outcome?.[0] ?? null;
      const partial = c.partialAuthorization?.[0];
      const words = c.words ?? [];
      const wordsEnd = colon ? colon.startOffset : whole.end;
      const text = this.textNode({ start: whole.start, end: wordsEnd }, colon ? isSpaceOrHeadingSeparator : isSpace);
      let damage: HeadingDamage | null = null;
      if (words.some((t) => OUTCOMES.has(t.tokenTypeIdx))) damage = "two-outcomes";
      else if (!partial && words.some((t) => isPartialPhrase(t.tokenType))) damage = "broken-partial-authorization";
      else if (colon === null) damage = "no-outcome";
      else if (word === null) damage = "missing-outcome";
      else if (word.tokenType === UnreadableOutcome) damage = "unreadable-outcome";
      const outcomeRange = word ? extentOf(word) : { start: wordsEnd, end: wordsEnd };
      // An outcome word's full stop ("Upheld.") is not part of it.
      if (word && word.image.endsWith(".")) outcomeRange.end--;
      return {
        type: "DecisionHeading",
        text,
        outcome: damage === null && word ? (OUTCOMES.get(word.tokenTypeIdx) ?? null) : null,
        outcomeSpan: this.span(outcomeRange),
        partialAuthorization: partial ? this.partialAuthorization(partial.children, extentOf(partial)) : null,
        damage,
        span: this.span({ start: text ? text.normalized.start : whole.start, end: Math.max(outcomeRange.end, text?.normalized.end ?? 0) }),
      };
    }

    partialAuthorization(c: PartialAuthorizationCstChildren, whole: Range): PartialAuthorizationNode {
      const words = (node: { children: WordsCstChildren }[] | undefined) => (node?.[0] ? this.words(node[0].children) : EMPTY);
      return {
        type: "PartialAuthorization",
        originalRequest: this.textNode(words(c.originalRequest)),
        authorized: this.textNode(words(c.authorized), isSpaceOrSeparator),
        remainder: this.textNode(words(c.remainder), isSpaceOrHeadingSeparator),
        span: this.span(whole),
      };
    }

    claimsAdministratorGuideline(c: ClaimsAdministratorGuidelineCstChildren): ParagraphNode<GuidelineNode> {
      return this.guidelineParagraph(c.ClaimsAdministratorGuidelineLabel[0]!, c.decisionProse[0]!.children);
    }

    maximusGuideline(c: MaximusGuidelineCstChildren): ParagraphNode<GuidelineNode> {
      return this.guidelineParagraph(c.MaximusGuidelineLabel[0]!, c.decisionProse[0]!.children);
    }

    decisionRationale(c: DecisionRationaleCstChildren): ParagraphNode<TextNode> {
      return { type: "Paragraph", labelSpan: this.span(extentOf(c.DecisionRationaleLabel[0]!)), content: this.textNode(this.decisionProse(c.decisionProse[0]!.children)) };
    }

    decisionProse(c: DecisionProseCstChildren): Range {
      let { start, end } = extentOfAll(c.Prose);
      // A label's colon typed twice ("Decision rationale:: …"): the second is the label's too.
      while (start < end && (this.text.charCodeAt(start) === 58 || this.text.charCodeAt(start) === 59)) start++;
      return { start, end };
    }

    guidelineParagraph(label: IToken, prose: DecisionProseCstChildren): ParagraphNode<GuidelineNode> {
      const text = this.textNode(this.decisionProse(prose));
      return { type: "Paragraph", labelSpan: this.span(extentOf(label)), content: text ? buildGuideline(text, this) : null };
    }

    // --- Shared ---

    words(c: WordsCstChildren): Range {
      return extentOfAll(c.PlainText);
    }

    unplaced(c: UnplacedCstChildren): UnplacedNode | null {
      const text = this.textNode(extentOfAll(c.Stray));
      return text ? { type: "Unplaced", text, span: text.span } : null;
    }
  };
}

type LetterAstBuilder = InstanceType<ReturnType<typeof defineLetterVisitor>>;
let builder: LetterAstBuilder | undefined;

/** The letter visitor class, for the tests' `validateVisitor`. */
export function letterVisitorClass() {
  return defineLetterVisitor(letterParser().getBaseCstVisitorConstructor() as LetterVisitorBase);
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
export function buildAst(cst: LetterCstNode, normalized: NormalizedText): LetterNode {
  builder ??= new (letterVisitorClass())();
  builder.use(normalized);
  try {
    return builder.letter(cst.children);
  } finally {
    builder.use(null);
  }
}
