/**
 * The typed syntax tree of a letter: one node per part of the letter, in the letter's
 * order, each with the span it came from (offsets into the caller's string, as unist's
 * `position`). The model (`model/`) turns this tree into the public result.
 */
import type { Span } from "../span.js";
import type { GuidelineBasis, Outcome } from "../vocabulary.js";

export type { GuidelineBasis, Outcome, Span };

/** A run of the letter's text, as normalized (line breaks kept). */
export interface TextNode {
  type: "Text";
  /** The normalized text, trimmed; line breaks are still `\n` (the model reflows them). */
  value: string;
  span: Span;
  /** Offsets of `value` in the normalized text, for readers that parse it further. */
  normalized: { start: number; end: number };
}

/** Which value a case header label introduces. */
export type HeaderLabel = "caseNumber" | "dateAssigned" | "dateOfInjury" | "decisionDate" | "urDenialDate" | "priority" | "applicationReceived";

/**
 * "Date Assigned: 11/09/2016": a label and its value. Where a header is laid out as a
 * column of labels followed by a column of values (plain `pdftotext`), each label is
 * paired with the value in the same place of the value column.
 */
export interface HeaderFieldNode {
  type: "HeaderField";
  label: HeaderLabel;
  /** The label's own span. */
  labelSpan: Span;
  value: TextNode | null;
  span: Span;
}

/** The table of case number, dates and priority at the top of the first page. */
export interface CaseHeaderNode {
  type: "CaseHeader";
  fields: HeaderFieldNode[];
  /** Values of a value column that no label of the label column pairs with. */
  unpairedValues: TextNode[];
  span: Span;
}

/** Items of a list (states, specialties), and any text after its end that belongs to no item. */
export interface ListNode {
  type: "List";
  items: TextNode[];
  /** Whether a full stop ends the list (a sentence's does; a credential line's does not). */
  stop: boolean;
  rest: TextNode | null;
  span: Span;
}

/** "The expert reviewer is Board Certified in X [has a subspecialty in Y] and is licensed to practice in Z." */
export interface BoardCertificationNode {
  type: "BoardCertification";
  boardCertifiedIn: TextNode | null;
  subspecialty: TextNode | null;
  /** The states after "licensed to practice in", to the sentence's full stop. */
  licensedIn: ListNode | null;
  span: Span;
}

/** "HOW THE IMR FINAL DETERMINATION WAS MADE": boilerplate, which in older letters names the credentials. */
export interface HowDeterminationWasMadeNode {
  type: "HowDeterminationWasMade";
  boardCertification: BoardCertificationNode | null;
  /** Text in the section that is not its known boilerplate. */
  otherText: TextNode[];
  span: Span;
}

/** "State(s) of Licensure: …" or "Certification(s)/Specialty: …". */
export interface CredentialNode {
  type: "Credential";
  kind: "licensure" | "specialty";
  list: ListNode | null;
  span: Span;
}

/** "The Expert Reviewer has the following credentials:" and its lines. */
export interface ReviewerCredentialsNode {
  type: "ReviewerCredentials";
  credentials: CredentialNode[];
  span: Span;
}

/** "CLINICAL CASE SUMMARY", its lead-in sentence and the summary itself. */
export interface ClinicalCaseSummaryNode {
  type: "ClinicalCaseSummary";
  summary: TextNode | null;
  /** The lead-in, when its wording is not the known one. */
  otherLeadIn: TextNode | null;
  span: Span;
}

/** The three parts of a partial authorization's heading. */
export interface PartialAuthorizationNode {
  type: "PartialAuthorization";
  originalRequest: TextNode | null;
  authorized: TextNode | null;
  /** The IMR-eligible portion: what this decision is about. */
  remainder: TextNode | null;
  span: Span;
}

/** What is wrong with a decision heading, when something is. */
export type HeadingDamage =
  /** No colon and outcome: the heading is the words before a decision's first label. */
  | "no-outcome"
  /** A colon and no word after it. */
  | "missing-outcome"
  /** A word other than Upheld or Overturned in the outcome's place. */
  | "unreadable-outcome"
  /** A second outcome inside the heading ("X: Overturned: Upheld"). */
  | "two-outcomes"
  /** A partial authorization's sentences, but not in either of their forms. */
  | "broken-partial-authorization"
  /** No heading at all: the decision's paragraphs stand without one (a zero-width heading marks the place). */
  | "no-heading";

/** "MRI of the left wrist: Upheld", possibly over several lines. */
export interface DecisionHeadingNode {
  type: "DecisionHeading";
  /** The heading's words before the outcome. */
  text: TextNode | null;
  /** null when the heading has no readable outcome (`damage` says why). */
  outcome: Outcome | null;
  /** The outcome word, or a zero-width span where it is missing. */
  outcomeSpan: Span;
  partialAuthorization: PartialAuthorizationNode | null;
  damage: HeadingDamage | null;
  span: Span;
}

/** "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies" (one guideline of it). */
export interface MtusCitationNode {
  type: "MtusCitation";
  /** The guideline's title as written; null when the sentence names none. */
  guideline: TextNode | null;
  /** Whether the title is one of `MTUS_TITLES`. */
  knownTitle: boolean;
  year: number | null;
  yearSpan: Span | null;
  /** What follows "Section(s):", or in older letters the topic before the pages. */
  sections: TextNode | null;
  /** What follows a page marker ("Page(s):", "pg", "pages"). */
  pages: TextNode | null;
  /** Whether the cited text holds what only a citation's head holds (a year, a second "Section(s):"): the citation is out of its form. */
  outOfForm: boolean;
  span: Span;
}

/** "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter." */
export interface NonMtusCitationNode {
  type: "NonMtusCitation";
  /** The reference, less its final full stop. */
  reference: TextNode | null;
  /** Whether "Citation" stands inside the reference, away from "Decision based on Non-MTUS": words were put between them. */
  outOfForm: boolean;
  span: Span;
}

/** A "Claims Administrator guideline:" or "MAXIMUS guideline:" paragraph and its structure. */
export interface GuidelineNode {
  type: "Guideline";
  text: TextNode;
  basis: GuidelineBasis;
  citations: (MtusCitationNode | NonMtusCitationNode)[];
  /** Text of the paragraph that is no citation and no sentence the grammar knows. */
  otherText: TextNode[];
  span: Span;
}

/** A decision's labelled paragraph: there (with its label's span) even when nothing follows the label. */
export interface ParagraphNode<Content> {
  type: "Paragraph";
  labelSpan: Span;
  /** null when nothing follows the label. */
  content: Content | null;
}

/** One disputed item. A paragraph is null when its label is missing. */
export interface DecisionNode {
  type: "Decision";
  heading: DecisionHeadingNode;
  claimsAdministratorGuideline: ParagraphNode<GuidelineNode> | null;
  /** The "MAXIMUS guideline:" paragraph. */
  reviewerGuideline: ParagraphNode<GuidelineNode> | null;
  rationale: ParagraphNode<TextNode> | null;
  span: Span;
}

/** "IMR ISSUES, DECISIONS AND RATIONALES" with its decisions. */
export interface IssuesDecisionsAndRationalesNode {
  type: "IssuesDecisionsAndRationales";
  /** The lead-in, when its wording is not the known one. */
  otherLeadIn: TextNode | null;
  decisions: DecisionNode[];
  unplaced: UnplacedNode[];
  span: Span;
}

/** Text that belongs to no part of the letter. */
export interface UnplacedNode {
  type: "Unplaced";
  text: TextNode;
  span: Span;
}

/** A part of the letter, as it appears at the top level. */
export type LetterPartNode =
  | CaseHeaderNode
  | HowDeterminationWasMadeNode
  | ReviewerCredentialsNode
  | ClinicalCaseSummaryNode
  | IssuesDecisionsAndRationalesNode
  | DecisionNode
  | UnplacedNode;

/** A whole letter: its parts in order. Parts may be missing or repeated. */
export interface LetterNode {
  type: "Letter";
  parts: LetterPartNode[];
  span: Span;
}
