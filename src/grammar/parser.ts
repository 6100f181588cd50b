/**
 * The letter template as grammar rules, one rule per part of the letter, top to bottom.
 *
 * The grammar is total: every token sequence parses. Parts may be missing, repeated or
 * out of order, and text that belongs to no part is collected by `unplaced`, so a
 * damaged letter still yields everything that can be read, and the model reports what
 * could not be placed instead of the parser failing.
 *
 * Where a decision heading starts cannot be told from a fixed number of tokens: it is a
 * run of lines (joined by line breaks that run on) that starts a line and ends in an
 * outcome, ": Upheld" or ": Overturned", wherever it stands; or, damaged, a run that ends
 * without a readable outcome right before a "Claims Administrator guideline:" label. The
 * lookahead predicate `headingStartsHere` says so; each token is looked at a bounded
 * number of times, so parsing stays linear.
 */
import { EOF, tokenMatcher, type DSLMethodOpts, type DSLMethodOptsWithErr, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from "chevrotain";
import { isLowerCase } from "./characters.js";
import { QuickStartCstParser } from "./quick-start.js";
import {
  CaseSummaryLeadIn,
  CaseSummaryLeadInOtherWording,
  CertificationsSpecialty,
  ClaimsAdministratorAuthorized,
  ClaimsAdministratorGuidelineLabel,
  ClinicalCaseSummary,
  CredentialsLeadIn,
  DecisionRationaleLabel,
  DisputedItemsLeadIn,
  DisputedItemsLeadInOtherWording,
  headerLabels,
  HowDeterminationWasMade,
  IssuesDecisionsAndRationales,
  landmarks,
  LeavingTheOriginalRequestIMREligible,
  LineBreak,
  letterTokens,
  MaximusGuidelineLabel,
  OutcomeColon,
  OutcomeWord,
  Overturned,
  ParagraphBreak,
  PlainText,
  Prose,
  RunsOn,
  Stray,
  StatesOfLicensure,
  Text,
  TheOriginalRequest,
  TheRemainingIMREligiblePortion,
  Upheld,
  WasAuthorizedByTheClaimsAdministrator,
  WasTheOriginalRequest,
  WordWrap,
} from "./tokens.js";

const isLandmark = new Set<TokenType>(landmarks);
const isHeaderLabel = new Set<TokenType>(headerLabels);

/**
 * The two ways a partial authorization's heading runs, stated once: the grammar rule
 * `partialAuthorization` is built from them, and the lookahead checks a heading against
 * them. A name slot holds the item's words (labelled); `BREAK` is an optional line break
 * between two phrases.
 */
const BREAK = "break";
interface NameSlot {
  words: "originalRequest" | "authorized" | "remainder";
}
type Slot = TokenType | typeof BREAK | NameSlot;
const ORIGINAL: NameSlot = { words: "originalRequest" };
const AUTHORIZED: NameSlot = { words: "authorized" };
const REMAINDER: NameSlot = { words: "remainder" };
const isNameSlot = (slot: Slot): slot is NameSlot => typeof slot === "object" && "words" in slot;
export const PARTIAL_AUTHORIZATION_FORMS: readonly (readonly Slot[])[] = [
  // "X was the original request. Y was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Z"
  [ORIGINAL, WasTheOriginalRequest, AUTHORIZED, WasAuthorizedByTheClaimsAdministrator, BREAK, TheRemainingIMREligiblePortion, REMAINDER],
  // "X was the original request. The Claims Administrator authorized Y, leaving the original request IMR eligible. The original request, Z"
  [ORIGINAL, WasTheOriginalRequest, BREAK, ClaimsAdministratorAuthorized, AUTHORIZED, LeavingTheOriginalRequestIMREligible, BREAK, TheOriginalRequest, REMAINDER],
];

/** The heading the lookahead found: where its words end (before the outcome, or at the line run's end). */
interface HeadingAhead {
  start: number;
  /** Offset before which the heading's words lie. */
  wordsEnd: number;
}

/** Options of the labelled tokens, made once (a rule that makes them anew allocates on every call). */
const AS_LABEL = { LABEL: "label" } as const;
const AS_VALUE = { LABEL: "value" } as const;
const AS_TEXT = { LABEL: "text" } as const;
const AS_SUMMARY = { LABEL: "summary" } as const;
const AS_WORDS = { LABEL: "words" } as const;

/**
 * The letter grammar. The alternatives of the rules that run most often are built on
 * their first run and kept (`this.x ??= …`), as Chevrotain's performance guide advises:
 * an `OR` or a gated `MANY` written inline allocates its alternatives, and a closure for
 * each, every time the rule runs.
 */
export class LetterParser extends QuickStartCstParser {
  /** Offset before which no decision heading can start (see `headingStartsHere`). */
  private noHeadingBefore = -1;
  /** The last heading `headingStartsHere` found, for the heading rule to consume. */
  private heading: HeadingAhead | null = null;
  /** The partial authorization form the heading ahead runs as, if any. */
  private partialForm: readonly Slot[] | null = null;
  /**
   * Tokens the heading lookahead has looked at since `parseCst` began a letter: bounded
   * by a few times the letter's tokens (the tests hold it to that; it is what keeps
   * parsing linear).
   * @internal
   */
  lookaheadSteps = 0;

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
    this.noHeadingBefore = -1;
    this.heading = null;
  }

  // --- The letter ----------------------------------------------------------------

  public letter = this.RULE("letter", () => {
    this.MANY(() =>
      this.OR((this.letterParts ??= { IGNORE_AMBIGUITIES: true, DEF: [
        { ALT: () => this.SUBRULE(this.caseHeader) },
        { ALT: () => this.SUBRULE(this.howDeterminationWasMade) },
        { ALT: () => this.SUBRULE(this.reviewerCredentials) },
        { ALT: () => this.SUBRULE(this.clinicalCaseSummary) },
        { ALT: () => this.SUBRULE(this.issuesDecisionsAndRationales) },
        // A decision outside its section (the section heading was lost) is still a decision.
        { GATE: () => this.headingStartsHere(), ALT: () => this.SUBRULE(this.decision) },
        { ALT: () => this.SUBRULE(this.headlessDecision) },
        { ALT: () => this.SUBRULE(this.unplaced) },
      ] })),
    );
  });
  private letterParts?: OrMethodOpts<void>;

  // --- Case header: "Case Number: CM19-0000101", "Date Assigned: 03/04/2019", … ------

  public caseHeader = this.RULE("caseHeader", () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.headerField));
  });

  /** A label and what follows it up to the next label (a value may sit on a later line). */
  public headerField = this.RULE("headerField", () => {
    this.OR((this.headerLabelAlternatives ??= headerLabels.map((label) => ({ ALT: () => this.CONSUME(label, AS_LABEL) }))));
    this.MANY2(() => this.OR2((this.headerValueAlternatives ??= [{ ALT: () => this.CONSUME(Text, AS_VALUE) }, { ALT: () => this.CONSUME(LineBreak, AS_VALUE) }])));
  });
  private headerLabelAlternatives?: IOrAlt<IToken>[];
  private headerValueAlternatives?: IOrAlt<IToken>[];

  // --- How the IMR final determination was made --------------------------------------

  /** The section's text is boilerplate, read further as a passage (its sentences, the older credentials sentence). */
  public howDeterminationWasMade = this.RULE("howDeterminationWasMade", () => {
    this.CONSUME(HowDeterminationWasMade);
    this.MANY((this.howText ??= { GATE: () => !this.headingStartsHere(), DEF: () => this.CONSUME(Prose, AS_TEXT) }));
  });
  private howText?: DSLMethodOpts<IToken>;

  /** "The Expert Reviewer has the following credentials:" and the two lines after it. */
  public reviewerCredentials = this.RULE("reviewerCredentials", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(CredentialsLeadIn);
          this.OPTION(() => this.CONSUME(LineBreak));
          this.MANY(() => this.SUBRULE(this.credential));
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE2(this.credential)) },
    ]);
  });

  /** "State(s) of Licensure: California,Oregon" or "Certification(s)/Specialty: …"; a full line runs on. */
  public credential = this.RULE("credential", () => {
    this.OR([
      { ALT: () => this.CONSUME(StatesOfLicensure, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(CertificationsSpecialty, { LABEL: "kind" }) },
    ]);
    this.SUBRULE(this.lineRun, { LABEL: "value" });
    this.OPTION(() => this.CONSUME(ParagraphBreak));
  });

  // --- Clinical case summary ------------------------------------------------------

  public clinicalCaseSummary = this.RULE("clinicalCaseSummary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(ClinicalCaseSummary);
          this.OPTION(() => this.CONSUME(LineBreak));
          this.OPTION2(() => this.SUBRULE(this.caseSummaryLeadIn));
        },
      },
      { ALT: () => this.SUBRULE2(this.caseSummaryLeadIn) },
    ]);
    // A decision heading ends the summary even when the section heading before it was lost.
    this.MANY((this.summaryText ??= { GATE: () => !this.headingStartsHere(), DEF: () => this.CONSUME(Prose, AS_SUMMARY) }));
  });
  private summaryText?: DSLMethodOpts<IToken>;

  /** "The expert reviewer developed the following clinical case summary based on …:" */
  public caseSummaryLeadIn = this.RULE("caseSummaryLeadIn", () => {
    this.OR([{ ALT: () => this.CONSUME(CaseSummaryLeadIn) }, { ALT: () => this.CONSUME(CaseSummaryLeadInOtherWording) }]);
  });

  // --- IMR issues, decisions and rationales ------------------------------------------

  public issuesDecisionsAndRationales = this.RULE("issuesDecisionsAndRationales", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(IssuesDecisionsAndRationales);
          this.OPTION(() => this.CONSUME(LineBreak));
          this.OPTION2(() => this.SUBRULE(this.disputedItemsLeadIn));
        },
      },
      { ALT: () => this.SUBRULE2(this.disputedItemsLeadIn) },
    ]);
    this.MANY(() =>
      this.OR2((this.sectionParts ??= { IGNORE_AMBIGUITIES: true, DEF: [
        { GATE: () => this.headingStartsHere(), ALT: () => this.SUBRULE(this.decision) },
        { ALT: () => this.SUBRULE(this.headlessDecision) },
        { ALT: () => this.CONSUME2(LineBreak) },
        { ALT: () => this.SUBRULE(this.unplaced) },
      ] })),
    );
  });
  private sectionParts?: OrMethodOpts<unknown>;

  /** "The Final Determination was based on decisions for the disputed items/services set forth below:" */
  public disputedItemsLeadIn = this.RULE("disputedItemsLeadIn", () => {
    this.OR([{ ALT: () => this.CONSUME(DisputedItemsLeadIn) }, { ALT: () => this.CONSUME(DisputedItemsLeadInOtherWording) }]);
  });

  /** One disputed item: its heading, the two guideline paragraphs and the rationale. */
  public decision = this.RULE("decision", () => {
    this.SUBRULE(this.decisionHeading);
    this.OPTION4(() => this.CONSUME(LineBreak));
    this.OPTION(() => this.SUBRULE(this.claimsAdministratorGuideline));
    this.OPTION2(() => this.SUBRULE(this.maximusGuideline));
    this.OPTION3(() => this.SUBRULE(this.decisionRationale));
  });

  /**
   * A decision's paragraphs with no heading before them (the heading was lost, or a label
   * repeats): read as a decision, whose item and outcome the model reports missing.
   */
  public headlessDecision = this.RULE("headlessDecision", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.claimsAdministratorGuideline);
          this.OPTION(() => this.SUBRULE(this.maximusGuideline));
          this.OPTION2(() => this.SUBRULE(this.decisionRationale));
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.maximusGuideline);
          this.OPTION3(() => this.SUBRULE2(this.decisionRationale));
        },
      },
      { ALT: () => this.SUBRULE3(this.decisionRationale) },
    ]);
  });

  /** "MRI of the left wrist: Upheld", or a partial authorization's three sentences; the outcome may be damaged or missing. */
  public decisionHeading = this.RULE("decisionHeading", () => {
    this.OR((this.headingForms ??= { IGNORE_AMBIGUITIES: true, DEF: [
      { GATE: () => this.partialAuthorizationAhead(), ALT: () => this.SUBRULE(this.partialAuthorization) },
      // Any other heading is its words up to the outcome, whatever phrases they hold.
      { ALT: () => this.AT_LEAST_ONE((this.headingWords ??= { GATE: () => this.inHeadingWords(), DEF: () => this.CONSUME(Prose, AS_WORDS) })) },
    ] }));
    this.OPTION(() => {
      this.CONSUME(OutcomeColon);
      // "… is:" / "Upheld": the outcome stands alone on the next line.
      this.OPTION2({ GATE: () => tokenMatcher(this.LA(2), OutcomeWord), DEF: () => this.CONSUME(LineBreak, { LABEL: "outcomeWrap" }) });
      this.OPTION3(() => this.CONSUME(OutcomeWord, { LABEL: "outcome" }));
    });
  });

  /**
   * "X was the original request. Y was authorized by the Claims Administrator. The
   * remaining IMR eligible portion of the original request, Z", or "X was the original
   * request. The Claims Administrator authorized Y, leaving the original request IMR
   * eligible. The original request, Z" (`PARTIAL_AUTHORIZATION_FORMS`).
   */
  private headingForms?: OrMethodOpts<unknown>;
  private headingWords?: DSLMethodOptsWithErr<IToken>;

  public partialAuthorization = this.RULE("partialAuthorization", () => {
    // Chevrotain tells repeated DSL calls in one rule apart by an index: count them.
    const used = new Map<unknown, number>();
    const next = (key: unknown) => {
      const n = (used.get(key) ?? 0) + 1;
      used.set(key, n);
      return n;
    };
    this.or(1, {
      IGNORE_AMBIGUITIES: true,
      DEF: PARTIAL_AUTHORIZATION_FORMS.map((form) => ({
        GATE: () => this.partialForm === form,
        ALT: () => {
          for (const slot of form) {
            if (slot === BREAK) this.option(next(BREAK), () => this.consume(next(LineBreak), LineBreak));
            else if (isNameSlot(slot)) this.subrule(next(this.words), this.words, { LABEL: slot.words });
            else this.consume(next(slot), slot);
          }
        },
      })),
    });
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
    this.MANY((this.proseTokens ??= { GATE: () => !this.headingStartsHere(), DEF: () => this.CONSUME(Prose) }));
  });
  private proseTokens?: DSLMethodOpts<IToken>;

  // --- Shared -----------------------------------------------------------------------

  /** Plain words, wrapping over lines: an item's name in a partial authorization. */
  public words = this.RULE("words", () => {
    this.MANY(() => this.CONSUME(PlainText));
  });

  /** The words of a labelled line, and of the lines it runs on into (a line that is full), up to its paragraph's end. */
  public lineRun = this.RULE("lineRun", () => {
    this.MANY(() => this.OR((this.lineRunTokens ??= [{ ALT: () => this.CONSUME(Text) }, { ALT: () => this.CONSUME(RunsOn) }])));
  });
  private lineRunTokens?: IOrAlt<IToken>[];

  /** Text that belongs to no part of the letter; the model reports it. */
  public unplaced = this.RULE("unplaced", () => {
    this.CONSUME(Stray);
    this.MANY((this.strayTokens ??= { GATE: () => !this.headingStartsHere() && !this.headerLabelStartsLine(), DEF: () => this.CONSUME2(Stray) }));
  });
  private strayTokens?: DSLMethodOpts<IToken>;

  // --- Lookahead predicates -----------------------------------------------------------

  /**
   * Whether a decision heading starts at the next token: it starts a line, its lines run
   * on (each full and mid-sentence, or ending in a partial authorization phrase), and the
   * run ends in an outcome at a line's end: "Upheld" or "Overturned" make it a heading
   * wherever it stands; a colon without a readable outcome, or no colon at all, make it
   * a damaged one when a "Claims Administrator guideline:" label follows.
   */
  private headingStartsHere(): boolean {
    const first = this.LA(1);
    const here = first.startOffset;
    if (this.heading?.start === here) return true;
    if (here <= this.noHeadingBefore) return false;
    const previous = this.LA(0);
    // A heading starts a line: the text's first token, or one after a break that is not a word wrap.
    if (previous.tokenType !== EOF && !(tokenMatcher(previous, LineBreak) && previous.tokenType !== WordWrap)) return false;
    const type1 = first.tokenType;
    if (type1 === EOF || tokenMatcher(first, LineBreak) || type1 === OutcomeColon || tokenMatcher(first, OutcomeWord) || isLandmark.has(type1)) return false;

    for (let i = 1; ; i++) {
      const token = this.LA(i);
      const type = token.tokenType;
      this.lookaheadSteps++;
      if (type === OutcomeColon) {
        // The outcome word may stand alone on the next line.
        let w = i + 1;
        if (tokenMatcher(this.LA(w), LineBreak) && tokenMatcher(this.LA(w + 1), OutcomeWord)) w++;
        const word = this.LA(w);
        const a = tokenMatcher(word, OutcomeWord) ? w + 1 : w;
        const after = this.LA(a);
        // A colon inside a line ("X: Overturned: Upheld") is one of the heading's words.
        if (!(after.tokenType === EOF || tokenMatcher(after, LineBreak))) continue;
        if (word.tokenType === Upheld || word.tokenType === Overturned) return this.found(here, token.startOffset);
        const next = this.LA(a + 1);
        // "…, DOS:" / "11/11/2016: Upheld": a full line's colon, and the heading runs on.
        if (tokenMatcher(after, RunsOn) && next.tokenType !== EOF && !isLandmark.has(next.tokenType) && !tokenMatcher(next, LineBreak)) {
          i = a;
          continue;
        }
        // No readable outcome: a heading only where a decision's first label follows, or
        // where the text ends (a letter cut right after its colon).
        const damaged = after.tokenType === EOF ? this.LA(i - 1).tokenType !== EOF : next.tokenType === ClaimsAdministratorGuidelineLabel;
        return damaged ? this.found(here, token.startOffset) : this.noHeading(after);
      }
      if (type === EOF || isLandmark.has(type)) {
        // A run without an outcome right before a decision's first label is a damaged
        // heading; so is one the text ends in right after a partial authorization's phrase.
        if (type === ClaimsAdministratorGuidelineLabel && i > 2) return this.found(here, this.LA(i - 1).startOffset);
        if (type === EOF && isPartialPhrase(this.LA(i - 1).tokenType)) return this.found(here, Infinity);
        return this.noHeading(token);
      }
      if (tokenMatcher(token, LineBreak)) {
        // The heading's sentences run on past a partial authorization phrase, and its lines
        // where they are full, or where the next goes on in lower case (no heading starts so:
        // a page break cut the line short).
        const next = this.LA(i + 1);
        if (tokenMatcher(token, RunsOn) || isPartialPhrase(this.LA(i - 1).tokenType) || (next.tokenType === Text && isLowerCase(next.image.charCodeAt(0)))) continue;
        if (next.tokenType === ClaimsAdministratorGuidelineLabel && i > 1) return this.found(here, token.startOffset);
        return this.noHeading(token);
      }
    }
  }

  /**
   * Whether a case header label starts the next line: the rest of a header whose first
   * label could not be read ("Case Number:" misspelled, or with a look-alike letter) is
   * still a header, and its missing field an error, not text that belongs nowhere.
   */
  private headerLabelStartsLine(): boolean {
    if (!isHeaderLabel.has(this.LA(1).tokenType)) return false;
    const previous = this.LA(0);
    return previous.tokenType === EOF || (tokenMatcher(previous, LineBreak) && previous.tokenType !== WordWrap);
  }

  private found(start: number, wordsEnd: number): true {
    this.heading = { start, wordsEnd };
    return true;
  }

  /** No heading starts before `token`: the runs that end there were all looked at. */
  private noHeading(token: IToken): false {
    this.noHeadingBefore = token.tokenType === EOF ? Infinity : token.startOffset;
    return false;
  }

  /** Whether the next token is one of the words of the heading `headingStartsHere` found. */
  private inHeadingWords(): boolean {
    return this.heading !== null && this.LA(1).startOffset < this.heading.wordsEnd && this.LA(1).tokenType !== EOF;
  }

  /** Whether the heading ahead runs exactly as one of the partial authorization forms, to its outcome. */
  private partialAuthorizationAhead(): boolean {
    this.partialForm = PARTIAL_AUTHORIZATION_FORMS.find((form) => this.headingRunsAs(form)) ?? null;
    return this.partialForm !== null;
  }

  private headingRunsAs(form: readonly Slot[]): boolean {
    const heading = this.heading;
    if (heading === null) return false;
    let i = 1;
    for (const slot of form) {
      if (slot === BREAK) {
        if (tokenMatcher(this.LA(i), LineBreak)) i++;
      } else if (isNameSlot(slot)) {
        const start = i;
        while (tokenMatcher(this.LA(i), PlainText) && this.LA(i).startOffset < heading.wordsEnd) i++;
        // The original request is never empty; the other names may be.
        if (slot === ORIGINAL && i === start) return false;
      } else {
        if (this.LA(i).tokenType !== slot) return false;
        i++;
      }
    }
    const end = this.LA(i);
    return end.startOffset >= heading.wordsEnd || end.tokenType === EOF;
  }
}

const PARTIAL_PHRASES = new Set<TokenType>(
  PARTIAL_AUTHORIZATION_FORMS.flat().filter((slot): slot is TokenType => slot !== BREAK && !isNameSlot(slot)),
);
/** Whether a token type is one of the partial authorization's phrases. */
export const isPartialPhrase = (type: TokenType) => PARTIAL_PHRASES.has(type);

/** The one parser of the process: building it analyses the grammar, which is slow. */
let shared: LetterParser | undefined;

export function letterParser(): LetterParser {
  return (shared ??= new LetterParser());
}

