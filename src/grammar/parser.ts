/**
 * The letter template as grammar rules, one rule per part of the letter, top to bottom.
 *
 * The grammar is total: every token sequence parses. Parts may be missing, repeated or
 * out of order, and text that belongs to no part is collected by `unplaced`, so a
 * damaged letter still yields everything that can be read, and the model reports what
 * could not be placed instead of the parser failing.
 *
 * Where a decision heading starts cannot be told from a fixed number of tokens: it is
 * the run of lines that ends in an outcome and is followed by a guideline label. Two
 * lookahead predicates (`headingStartsHere`, `partialAuthorizationAhead`) say so; each
 * token is looked at a bounded number of times, so parsing stays linear.
 */
import { EOF, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { QuickStartCstParser } from "./quick-start.js";
import { isFullLine, runsOn } from "./wrapping.js";
import {
  ApplicationReceivedLabel,
  CaseNumberLabel,
  CaseSummaryLeadIn,
  CertificationsSpecialty,
  ClaimsAdministratorAuthorized,
  ClaimsAdministratorGuidelineLabel,
  ClinicalCaseSummary,
  CredentialsLeadIn,
  DateAssignedLabel,
  DateOfInjuryLabel,
  DecisionDateLabel,
  DecisionRationaleLabel,
  DisputedItemsLeadIn,
  HasASubspecialtyIn,
  HowDeterminationWasMade,
  IsLicensedToPracticeIn,
  IssuesDecisionsAndRationales,
  landmarks,
  LeavingTheOriginalRequestIMREligible,
  letterTokens,
  MaximusGuidelineLabel,
  Newline,
  Outcome,
  partialAuthorizationPhrases,
  PlainText,
  PriorityLabel,
  Prose,
  ReviewerIsBoardCertifiedIn,
  Stray,
  StatesOfLicensure,
  Text,
  TheOriginalRequest,
  TheRemainingIMREligiblePortion,
  UrDenialDateLabel,
  WasAuthorizedByTheClaimsAdministrator,
  WasTheOriginalRequest,
} from "./tokens.js";

const isLandmark = new Set<TokenType>(landmarks);
const isPartialPhrase = new Set<TokenType>(partialAuthorizationPhrases);
const decisionBodyLabels = new Set<TokenType>([ClaimsAdministratorGuidelineLabel, MaximusGuidelineLabel, DecisionRationaleLabel]);


// The two ways a partial authorization's heading runs: its phrases in order, with the
// item names ("words") between them. Two phrases in a row may have a line break between.
const WORDS = "words";
const PARTIAL_AUTHORIZATION_FORMS: (TokenType | typeof WORDS)[][] = [
  [WORDS, WasTheOriginalRequest, WORDS, WasAuthorizedByTheClaimsAdministrator, TheRemainingIMREligiblePortion, WORDS],
  [WORDS, WasTheOriginalRequest, ClaimsAdministratorAuthorized, WORDS, LeavingTheOriginalRequestIMREligible, TheOriginalRequest, WORDS],
];

export class LetterParser extends QuickStartCstParser {
  /** Characters in a full line of the letter being parsed (from the normalizer). */
  lineWidth = 0;
  /** The normalized text being parsed, to measure lines. */
  normalizedText = "";
  /** Token index before which no decision heading can start (see `headingStartsHere`). */
  private noHeadingBefore = 0;

  /**
   * @param validate - Check the grammar for ambiguities and other definition errors while
   * building it. The tests do; the shared parser skips it, which makes the first parse
   * of a process several times faster.
   */
  constructor({ validate = false }: { validate?: boolean } = {}) {
    super(letterTokens, { recoveryEnabled: false, maxLookahead: 1, nodeLocationTracking: "onlyOffset", skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** Resets the per-letter state; called with each new token vector. */
  override reset(): void {
    super.reset();
    this.noHeadingBefore = 0;
  }

  // --- The letter ----------------------------------------------------------------

  public letter = this.RULE("letter", () => {
    this.MANY(() =>
      this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
        { ALT: () => this.SUBRULE(this.caseHeader) },
        { ALT: () => this.SUBRULE(this.howDeterminationWasMade) },
        { ALT: () => this.SUBRULE(this.reviewerCredentials) },
        { ALT: () => this.SUBRULE(this.clinicalCaseSummary) },
        { ALT: () => this.SUBRULE(this.issuesDecisionsAndRationales) },
        // A decision outside its section (the section heading was lost) is still a decision.
        { GATE: () => this.headingStartsHere(), ALT: () => this.SUBRULE(this.decision) },
        { ALT: () => this.SUBRULE(this.unplaced) },
      ] }),
    );
  });

  // --- Case header: "Case Number: CM19-0000101", "Date Assigned: 03/04/2019", … ------

  public caseHeader = this.RULE("caseHeader", () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.headerField));
  });

  public headerField = this.RULE("headerField", () => {
    this.OR([
      { ALT: () => this.CONSUME(CaseNumberLabel) },
      { ALT: () => this.CONSUME(DateAssignedLabel) },
      { ALT: () => this.CONSUME(DateOfInjuryLabel) },
      { ALT: () => this.CONSUME(DecisionDateLabel) },
      { ALT: () => this.CONSUME(UrDenialDateLabel) },
      { ALT: () => this.CONSUME(PriorityLabel) },
      { ALT: () => this.CONSUME(ApplicationReceivedLabel) },
    ]);
    // The value: what follows up to the next label (a date may sit on the next line).
    this.MANY2(() => this.OR2([{ ALT: () => this.CONSUME(Text) }, { ALT: () => this.CONSUME(Newline) }]));
  });

  // --- How the IMR final determination was made --------------------------------------

  public howDeterminationWasMade = this.RULE("howDeterminationWasMade", () => {
    this.CONSUME(HowDeterminationWasMade);
    this.MANY({
      GATE: () => !this.headingStartsHere(),
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [{ ALT: () => this.SUBRULE(this.boardCertification) }, { ALT: () => this.CONSUME(Prose) }],
        }),
    });
  });

  /** "The expert reviewer is Board Certified in X [has a subspecialty in Y] and is licensed to practice in Z." */
  public boardCertification = this.RULE("boardCertification", () => {
    this.CONSUME(ReviewerIsBoardCertifiedIn);
    this.SUBRULE(this.words, { LABEL: "boardCertifiedIn" });
    this.OPTION(() => {
      this.CONSUME(HasASubspecialtyIn);
      this.SUBRULE2(this.words, { LABEL: "subspecialty" });
    });
    this.CONSUME(IsLicensedToPracticeIn);
    this.SUBRULE3(this.words, { LABEL: "licensedIn" });
  });

  /** "The Expert Reviewer has the following credentials:" and the two lines after it. */
  public reviewerCredentials = this.RULE("reviewerCredentials", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(CredentialsLeadIn);
          this.MANY(() => this.SUBRULE(this.credential));
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE2(this.credential)) },
    ]);
  });

  /** "State(s) of Licensure: California,Oregon" or "Certification(s)/Specialty: …", wrapping. */
  public credential = this.RULE("credential", () => {
    this.OR([{ ALT: () => this.CONSUME(StatesOfLicensure) }, { ALT: () => this.CONSUME(CertificationsSpecialty) }]);
    // The list wraps onto the next line only when its line is full.
    this.MANY({ GATE: () => this.LA(1).tokenType !== Newline || this.lineIsFull(this.LA(1)), DEF: () => this.CONSUME(PlainText) });
    this.OPTION(() => this.CONSUME(Newline));
  });

  // --- Clinical case summary ------------------------------------------------------

  public clinicalCaseSummary = this.RULE("clinicalCaseSummary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(ClinicalCaseSummary);
          this.OPTION(() => this.CONSUME(CaseSummaryLeadIn));
        },
      },
      { ALT: () => this.CONSUME2(CaseSummaryLeadIn) },
    ]);
    // A decision heading ends the summary even when the section heading before it was lost.
    this.MANY({ GATE: () => !this.headingStartsHere(), DEF: () => this.CONSUME(Prose) });
  });

  // --- IMR issues, decisions and rationales ------------------------------------------

  public issuesDecisionsAndRationales = this.RULE("issuesDecisionsAndRationales", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(IssuesDecisionsAndRationales);
          this.OPTION(() => this.CONSUME(DisputedItemsLeadIn));
        },
      },
      { ALT: () => this.CONSUME2(DisputedItemsLeadIn) },
    ]);
    this.MANY(() =>
      this.OR2({ IGNORE_AMBIGUITIES: true, DEF: [
        { GATE: () => this.headingStartsHere(), ALT: () => this.SUBRULE(this.decision) },
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.unplaced) },
      ] }),
    );
  });

  /** One disputed item: its heading, the two guideline paragraphs and the rationale. */
  public decision = this.RULE("decision", () => {
    this.SUBRULE(this.decisionHeading);
    this.OPTION(() => this.SUBRULE(this.claimsAdministratorGuideline));
    this.OPTION2(() => this.SUBRULE(this.maximusGuideline));
    this.OPTION3(() => this.SUBRULE(this.decisionRationale));
  });

  /** "MRI of the left wrist: Upheld", or a partial authorization's three sentences. */
  public decisionHeading = this.RULE("decisionHeading", () => {
    this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      { GATE: () => this.partialAuthorizationAhead(), ALT: () => this.SUBRULE(this.partialAuthorization) },
      // Any other heading is its words up to the outcome, whatever phrases they hold.
      { ALT: () => this.AT_LEAST_ONE({ GATE: () => this.LA(1).tokenType !== Outcome, DEF: () => this.CONSUME(Prose) }) },
    ] });
    this.CONSUME(Outcome);
  });

  /**
   * "X was the original request. Y was authorized by the Claims Administrator. The
   * remaining IMR eligible portion of the original request, Z is:", or "X was the
   * original request. The Claims Administrator authorized Y, leaving the original
   * request IMR eligible. The original request, Z is:".
   */
  public partialAuthorization = this.RULE("partialAuthorization", () => {
    this.SUBRULE(this.words, { LABEL: "originalRequest" });
    this.CONSUME(WasTheOriginalRequest);
    // A line break may come before "The Claims Administrator authorized": two tokens decide.
    this.OR({
      MAX_LOOKAHEAD: 2,
      DEF: [
      {
        ALT: () => {
          this.SUBRULE2(this.words, { LABEL: "authorized" });
          this.CONSUME(WasAuthorizedByTheClaimsAdministrator);
          this.OPTION(() => this.CONSUME(Newline));
          this.CONSUME(TheRemainingIMREligiblePortion);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(Newline));
          this.CONSUME(ClaimsAdministratorAuthorized);
          this.SUBRULE3(this.words, { LABEL: "authorized" });
          this.CONSUME(LeavingTheOriginalRequestIMREligible);
          this.OPTION3(() => this.CONSUME3(Newline));
          this.CONSUME(TheOriginalRequest);
        },
      },
    ],
    });
    this.SUBRULE4(this.words, { LABEL: "remainder" });
  });

  public claimsAdministratorGuideline = this.RULE("claimsAdministratorGuideline", () => {
    this.CONSUME(ClaimsAdministratorGuidelineLabel);
    this.SUBRULE(this.decisionProse);
  });

  public maximusGuideline = this.RULE("maximusGuideline", () => {
    this.CONSUME(MaximusGuidelineLabel);
    this.SUBRULE(this.decisionProse);
  });

  public decisionRationale = this.RULE("decisionRationale", () => {
    this.CONSUME(DecisionRationaleLabel);
    this.SUBRULE(this.decisionProse);
  });

  /** Prose inside a decision: it runs until the next label or the next decision's heading. */
  public decisionProse = this.RULE("decisionProse", () => {
    this.MANY({ GATE: () => !this.headingStartsHere(), DEF: () => this.CONSUME(Prose) });
  });

  // --- Shared -----------------------------------------------------------------------

  /** Plain words, wrapping over lines: an item's name, a specialty, a state. */
  public words = this.RULE("words", () => {
    this.MANY(() => this.CONSUME(PlainText));
  });

  /** Text that belongs to no part of the letter; the model reports it. */
  public unplaced = this.RULE("unplaced", () => {
    this.CONSUME(Stray);
    this.MANY({ GATE: () => !this.headingStartsHere(), DEF: () => this.CONSUME2(Stray) });
  });

  // --- Lookahead predicates -----------------------------------------------------------

  /**
   * Whether a decision heading starts at the next token: it starts a line, its lines run
   * on (each ends mid-sentence and is full, or ends in a partial authorization phrase)
   * to an outcome, and the outcome's line is followed by a guideline or rationale label
   * (or ends the text, for a truncated letter).
   */
  private headingStartsHere(): boolean {
    const here = this.currIdxOfNext();
    if (here < this.noHeadingBefore) return false;
    const previous = this.LA(0);
    if (previous.tokenType !== EOF && !previous.image.endsWith("\n")) return false;
    const first = this.LA(1);
    const type1 = first.tokenType;
    if (type1 === Newline || type1 === Outcome || type1 === EOF || isLandmark.has(type1)) return false;

    let lineStart = first.startOffset;
    for (let i = 1; ; i++) {
      const token = this.LA(i);
      const type = token.tokenType;
      if (type === Outcome) {
        if (this.decisionBodyFollows(i + 1)) return true;
        this.noHeadingBefore = here + i;
        return false;
      }
      if (type === EOF || isLandmark.has(type)) {
        this.noHeadingBefore = here + i;
        return false;
      }
      if (type === Newline) {
        // The heading's sentences run on past a partial authorization phrase; otherwise
        // its lines run on only where they wrap.
        const before = this.LA(i - 1);
        if (!isPartialPhrase.has(before.tokenType) && !runsOn(this.normalizedText, lineStart, token.startOffset, this.lineWidth)) {
          this.noHeadingBefore = here + i;
          return false;
        }
        lineStart = token.startOffset + 1;
      } else {
        // Text and phrases may span wrapped lines; the line now starts after their last break.
        const br = token.image.lastIndexOf("\n");
        if (br >= 0) lineStart = token.startOffset + br + 1;
      }
    }
  }

  /** Whether the line a Newline token ends is full: prose that wraps runs on past it. */
  private lineIsFull(newline: IToken): boolean {
    const start = this.normalizedText.lastIndexOf("\n", newline.startOffset - 1) + 1;
    return isFullLine(start, newline.startOffset, this.lineWidth);
  }

  /** Whether the outcome's line is followed by a guideline or rationale label, or ends the text. */
  private decisionBodyFollows(i: number): boolean {
    const next = this.LA(i).tokenType;
    return next === EOF || decisionBodyLabels.has(next);
  }

  /** Whether the heading ahead runs exactly as one of the partial authorization forms. */
  private partialAuthorizationAhead(): boolean {
    return PARTIAL_AUTHORIZATION_FORMS.some((form) => this.headingRunsAs(form));
  }

  private headingRunsAs(form: readonly (TokenType | typeof WORDS)[]): boolean {
    let i = 1;
    for (let k = 0; k < form.length; k++) {
      const slot = form[k]!;
      if (slot === WORDS) {
        const start = i;
        while (tokenMatcher(this.LA(i), PlainText)) i++;
        // The original request is never empty; the other names may be.
        if (k === 0 && i === start) return false;
      } else {
        if (k > 0 && form[k - 1] !== WORDS && this.LA(i).tokenType === Newline) i++;
        if (this.LA(i).tokenType !== slot) return false;
        i++;
      }
    }
    return this.LA(i).tokenType === Outcome;
  }

  /** Index of the next token in the token vector. */
  private currIdxOfNext(): number {
    return (this as unknown as { currIdx: number }).currIdx + 1;
  }
}

/** The one parser of the process: building it analyses the grammar, which is slow. */
let shared: LetterParser | undefined;

export function letterParser(): LetterParser {
  return (shared ??= new LetterParser());
}

export type { IToken };
