/**
 * The grammar of passages the letter grammar hands on: a guideline paragraph, the "HOW THE
 * IMR FINAL DETERMINATION WAS MADE" section (its boilerplate and the older sentence naming
 * the reviewer's credentials) and a list (states, specialties). Each is lexed on its own,
 * in its own lexer mode.
 *
 * A guideline paragraph, sentence by sentence:
 *
 *   "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, and
 *    Chronic Pain Medical Treatment 2016, Section(s): Facet blocks."
 *   "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter."
 *   "The Claims Administrator did not cite any medical evidence for its decision."
 *   "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines."
 *
 * A list: "California,North Carolina" (commas), or in the older sentence "Texas and
 * California." (commas or "and", to the full stop).
 *
 * Like the letter grammar it is total: any other sentence is read as plain `GuidelineText`,
 * anything after a list's end as its `rest`.
 */
import { EMPTY_ALT, EOF, Lexer, type DSLMethodOpts, type IOrAlt, type IToken, type TokenType } from "chevrotain";
import type { CommaListCstNode, GuidelineParagraphCstNode, HowSectionCstNode, SentenceListCstNode } from "./cst.js";
import { QuickStartCstParser } from "./quick-start.js";
import {
  Comma,
  CommaAnd,
  DecisionBasedOnMtus,
  DecisionBasedOnNonMtus,
  forgetGuidelineInput,
  GuidelineText,
  guidelineTokens,
  MtusTitle,
  NoMedicalEvidence,
  OutsideMtus,
  PagesLabel,
  Period,
  SectionsLabel,
  Words,
  Year,
} from "./guideline-tokens.js";
import { withEndOffsets } from "./lexer.js";
import { ListAnd, listTokens, ListWords } from "./list-tokens.js";
import { forgetHowInput, HasASubspecialtyIn, HowBoilerplate, HowText, howTokens, IsLicensedToPracticeIn, ReviewerIsBoardCertifiedIn } from "./how-tokens.js";

const sentenceStarts = new Set<TokenType>([DecisionBasedOnMtus, DecisionBasedOnNonMtus]);

/** The lexer modes: which passage is being read. */
export type PassageMode = "guideline" | "list" | "how";

const passageModes: Record<PassageMode, TokenType[]> = { guideline: guidelineTokens, list: listTokens, how: howTokens };

const AS_NO_MEDICAL_EVIDENCE = { LABEL: "noMedicalEvidence" } as const;
const AS_OUTSIDE_MTUS = { LABEL: "outsideMtus" } as const;
const AS_OTHER_TEXT = { LABEL: "otherText" } as const;
const AS_REST = { LABEL: "rest" } as const;

/** The passage grammars. As in `LetterParser`, the alternatives of rules that run often are built once (`??=`). */
export class PassageParser extends QuickStartCstParser {
  /** @param validate - Check the grammar while building it (the tests do; see `LetterParser`). */
  constructor({ validate = false }: { validate?: boolean } = {}) {
    super([...new Set(Object.values(passageModes).flat())], { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: "onlyOffset", skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** The paragraph: its MTUS and Non-MTUS sentences, what the decision was based on, and the other text around them. */
  public guidelineParagraph = this.RULE("guidelineParagraph", () => {
    this.MANY(() =>
      this.OR((this.paragraphParts ??= [
        { ALT: () => this.SUBRULE(this.mtusSentence) },
        { ALT: () => this.SUBRULE(this.nonMtusSentence) },
        { ALT: () => this.CONSUME(NoMedicalEvidence, AS_NO_MEDICAL_EVIDENCE) },
        { ALT: () => this.CONSUME(OutsideMtus, AS_OUTSIDE_MTUS) },
        // Anything else belongs to no citation; the model reports it.
        { ALT: () => this.CONSUME(GuidelineText, AS_OTHER_TEXT) },
      ])),
    );
  });
  private paragraphParts?: IOrAlt<unknown>[];

  /** "Decision based on MTUS A 2004, Section(s): …, and B 2016, Section(s): …." */
  public mtusSentence = this.RULE("mtusSentence", () => {
    this.CONSUME(DecisionBasedOnMtus);
    this.SUBRULE(this.mtusCitation);
    this.MANY((this.moreCitations ??= {
      GATE: () => this.LA(1).tokenType === CommaAnd && this.guidelineStartsAt(2),
      DEF: () => {
        this.CONSUME(CommaAnd);
        this.SUBRULE2(this.mtusCitation);
      },
    }));
    this.OPTION(() => this.CONSUME(Period));
  });
  private moreCitations?: DSLMethodOpts<void>;

  /**
   * One MTUS guideline: its title (from the vocabulary, or its words up to the year),
   * the year, then what it cites: "Section(s): …", or in older letters a topic, and pages.
   */
  public mtusCitation = this.RULE("mtusCitation", () => {
    this.OR((this.titleForms ??= [{ ALT: () => this.CONSUME(MtusTitle) }, { ALT: () => this.SUBRULE(this.unknownTitle) }, { ALT: EMPTY_ALT() }]));
    this.OPTION(() => this.CONSUME(Year));
    this.OPTION2(() => this.CONSUME(Comma));
    this.OPTION3(() => this.CONSUME(SectionsLabel));
    this.SUBRULE(this.citedText, { LABEL: "sections" });
    this.OPTION4(() => {
      this.CONSUME(PagesLabel);
      this.SUBRULE2(this.citedText, { LABEL: "pages" });
    });
  });

  private titleForms?: IOrAlt<unknown>[];

  /** A title the vocabulary does not know: its words, up to the year or the sections. */
  public unknownTitle = this.RULE("unknownTitle", () => {
    this.AT_LEAST_ONE(() => this.OR((this.titleWords ??= [{ ALT: () => this.CONSUME(Words) }, { ALT: () => this.CONSUME(Comma) }])));
  });
  private titleWords?: IOrAlt<IToken>[];

  /** Sections or pages: anything up to the page marker, the next guideline or the sentence's end. */
  public citedText = this.RULE("citedText", () => {
    this.MANY((this.citedTokens ??= { GATE: () => !this.citationEndsAt(1), DEF: () => this.CONSUME(GuidelineText) }));
  });
  private citedTokens?: DSLMethodOpts<IToken>;

  /** "Decision based on Non-MTUS Citation …": the reference runs to the next sentence of this kind. */
  public nonMtusSentence = this.RULE("nonMtusSentence", () => {
    this.CONSUME(DecisionBasedOnNonMtus);
    this.MANY(() => this.CONSUME(GuidelineText));
  });

  /** A list separated by commas ("California,North Carolina"); "and" belongs to the names ("Physical Medicine and Rehabilitation"). */
  public commaList = this.RULE("commaList", () => {
    this.SUBRULE(this.listItem, { LABEL: "item" });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.listItem, { LABEL: "item" });
    });
    this.SUBRULE(this.listEnd);
  });

  /** A list in a sentence ("Texas, Oregon and California."): commas and "and" separate, the full stop ends it. */
  public sentenceList = this.RULE("sentenceList", () => {
    this.SUBRULE(this.sentenceListItem, { LABEL: "item" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(ListAnd) }]);
      this.SUBRULE2(this.sentenceListItem, { LABEL: "item" });
    });
    this.SUBRULE(this.listEnd);
  });

  public listItem = this.RULE("listItem", () => {
    this.MANY(() => this.OR((this.itemWords ??= [{ ALT: () => this.CONSUME(ListWords) }, { ALT: () => this.CONSUME(ListAnd) }])));
  });
  private itemWords?: IOrAlt<IToken>[];

  public sentenceListItem = this.RULE("sentenceListItem", () => {
    this.MANY(() => this.CONSUME(ListWords));
  });

  /** The list's full stop, and whatever follows it (which belongs to no item). */
  public listEnd = this.RULE("listEnd", () => {
    this.OPTION(() => this.CONSUME(Period));
    this.MANY(() =>
      this.OR((this.restTokens ??= [
        { ALT: () => this.CONSUME(ListWords, AS_REST) },
        { ALT: () => this.CONSUME2(Comma, AS_REST) },
        { ALT: () => this.CONSUME2(Period, AS_REST) },
        { ALT: () => this.CONSUME2(ListAnd, AS_REST) },
      ])),
    );
  });
  private restTokens?: IOrAlt<IToken>[];

  /** "HOW THE IMR FINAL DETERMINATION WAS MADE": its boilerplate sentences, the older credentials sentence, and any other text. */
  public howSection = this.RULE("howSection", () => {
    this.MANY(() =>
      this.OR((this.howParts ??= [
        { ALT: () => this.CONSUME(HowBoilerplate) },
        { ALT: () => this.SUBRULE(this.boardCertification) },
        { ALT: () => this.CONSUME(HowText, AS_OTHER_TEXT) },
      ])),
    );
  });
  private howParts?: IOrAlt<unknown>[];

  /** "The expert reviewer is Board Certified in X [has a subspecialty in Y] and is licensed to practice in Z." */
  public boardCertification = this.RULE("boardCertification", () => {
    this.CONSUME(ReviewerIsBoardCertifiedIn);
    this.OPTION(() => this.CONSUME(HowText, { LABEL: "boardCertifiedIn" }));
    this.OPTION2(() => {
      this.CONSUME(HasASubspecialtyIn);
      this.OPTION3(() => this.CONSUME2(HowText, { LABEL: "subspecialty" }));
    });
    this.OPTION4(() => {
      this.CONSUME(IsLicensedToPracticeIn);
      this.OPTION5(() => this.CONSUME3(HowText, { LABEL: "licensedIn" }));
    });
  });

  /** Whether a guideline starts at LA(i): a known title, or words followed by a year. */
  private guidelineStartsAt(i: number): boolean {
    const type = this.LA(i).tokenType;
    if (type === MtusTitle) return true;
    return type === Words && this.LA(i + 1).tokenType === Year;
  }

  /** Whether the cited text of a guideline ends before LA(i). */
  private citationEndsAt(i: number): boolean {
    const type = this.LA(i).tokenType;
    if (type === EOF || type === PagesLabel || sentenceStarts.has(type)) return true;
    if (type === CommaAnd) return this.guidelineStartsAt(i + 1);
    if (type === Period) {
      // A full stop ends the sentence when the paragraph or a new sentence follows it;
      // one after a number ("3. Opioids for Chronic Pain") numbers a section instead.
      const next = this.LA(i + 1);
      if (next.tokenType === EOF || sentenceStarts.has(next.tokenType)) return true;
      // "2004." or "Page(s): 63-66." end a sentence; "3. Opioids" numbers a section.
      const before = this.LA(i - 1);
      return startsCapitalized(next) && (before.tokenType === Year || this.LA(i - 2).tokenType === PagesLabel || !endsWithDigit(before));
    }
    return false;
  }
}

const endsWithDigit = (token: IToken) => {
  const c = token.image.charCodeAt(token.image.length - 1);
  return c >= 48 && c <= 57;
};

const startsCapitalized = (token: IToken) => {
  const c = token.image.charCodeAt(0);
  return c >= 65 && c <= 90;
};

/** Nothing of one passage outlives its parse. */
function forgetPassageInput(): void {
  forgetGuidelineInput();
  forgetHowInput();
}

let sharedParser: PassageParser | undefined;
let sharedLexer: Lexer | undefined;

/** The one passage parser of the process. */
export function passageParser(): PassageParser {
  return (sharedParser ??= new PassageParser());
}

/** The CST node each start rule of a passage builds. */
interface PassageStarts {
  howSection: HowSectionCstNode;
  guidelineParagraph: GuidelineParagraphCstNode;
  commaList: CommaListCstNode;
  sentenceList: SentenceListCstNode;
}

/** Lexes and parses one passage's text (a guideline paragraph, a list) into its CST, with the rule `start`. */
export function parsePassageCst<K extends keyof PassageStarts>(text: string, mode: PassageMode, start: K): { cst: PassageStarts[K]; tokens: IToken[] } {
  sharedLexer ??= new Lexer({ modes: passageModes, defaultMode: "guideline" }, { positionTracking: "onlyOffset", skipValidations: true });
  const parser = passageParser();
  // The section's sentences are matched whole: a line break between two words is a space
  // there (one character for one, so offsets hold).
  const tokens = withEndOffsets(sharedLexer.tokenize(mode === "how" ? text.replaceAll("\n", " ") : text, mode).tokens);
  parser.input = tokens;
  try {
    // The rule builds the node of its own name; Chevrotain types every rule's result as CstNode.
    const cst = parser[start]() as PassageStarts[K];
    if (parser.errors.length > 0) {
      throw new Error(`imr-determination: passage grammar error: ${parser.errors[0]!.message}`);
    }
    return { cst, tokens };
  } finally {
    parser.input = [];
    forgetPassageInput();
  }
}
