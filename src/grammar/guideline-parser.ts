/**
 * The grammar of a guideline paragraph, sentence by sentence:
 *
 *   "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, and
 *    Chronic Pain Medical Treatment 2016, Section(s): Facet blocks."
 *   "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter."
 *   "The Claims Administrator did not cite any medical evidence for its decision."
 *   "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines."
 *
 * Like the letter grammar it is total: any other sentence is read as plain `GuidelineText`.
 */
import { EMPTY_ALT, EOF, Lexer, type CstNode, type IToken, type TokenType } from "chevrotain";
import { QuickStartCstParser } from "./quick-start.js";
import {
  Comma,
  CommaAnd,
  DecisionBasedOnMtus,
  DecisionBasedOnNonMtus,
  GuidelineText,
  guidelineTokens,
  MtusTitle,
  PagesLabel,
  Period,
  SectionsLabel,
  Words,
  Year,
} from "./guideline-tokens.js";
import { withEndOffsets } from "./lexer.js";

const sentenceStarts = new Set<TokenType>([DecisionBasedOnMtus, DecisionBasedOnNonMtus]);

export class GuidelineParser extends QuickStartCstParser {
  /** @param validate - Check the grammar while building it (the tests do; see `LetterParser`). */
  constructor({ validate = false }: { validate?: boolean } = {}) {
    super(guidelineTokens, { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: "onlyOffset", skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** The paragraph: its MTUS and Non-MTUS sentences, and the other text around them. */
  public guidelineParagraph = this.RULE("guidelineParagraph", () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.mtusSentence) },
        { ALT: () => this.SUBRULE(this.nonMtusSentence) },
        { ALT: () => this.CONSUME(GuidelineText) },
      ]),
    );
  });

  /** "Decision based on MTUS A 2004, Section(s): …, and B 2016, Section(s): …." */
  public mtusSentence = this.RULE("mtusSentence", () => {
    this.CONSUME(DecisionBasedOnMtus);
    this.SUBRULE(this.mtusCitation);
    this.MANY({
      GATE: () => this.LA(1).tokenType === CommaAnd && this.guidelineStartsAt(2),
      DEF: () => {
        this.CONSUME(CommaAnd);
        this.SUBRULE2(this.mtusCitation);
      },
    });
    this.OPTION(() => this.CONSUME(Period));
  });

  /**
   * One MTUS guideline: its title (from the vocabulary, or its words up to the year),
   * the year, then what it cites: "Section(s): …", or in older letters a topic, and pages.
   */
  public mtusCitation = this.RULE("mtusCitation", () => {
    this.OR([
      { ALT: () => this.CONSUME(MtusTitle) },
      { ALT: () => this.SUBRULE(this.unknownTitle) },
      { ALT: EMPTY_ALT() },
    ]);
    this.OPTION(() => this.CONSUME(Year));
    this.OPTION2(() => this.CONSUME(Comma));
    this.OPTION3(() => this.CONSUME(SectionsLabel));
    this.SUBRULE(this.citedText, { LABEL: "sections" });
    this.OPTION4(() => {
      this.CONSUME(PagesLabel);
      this.SUBRULE2(this.citedText, { LABEL: "pages" });
    });
  });

  /** A title the vocabulary does not know: its words, up to the year or the sections. */
  public unknownTitle = this.RULE("unknownTitle", () => {
    this.AT_LEAST_ONE(() => this.OR([{ ALT: () => this.CONSUME(Words) }, { ALT: () => this.CONSUME(Comma) }]));
  });

  /** Sections or pages: anything up to the page marker, the next guideline or the sentence's end. */
  public citedText = this.RULE("citedText", () => {
    this.MANY({ GATE: () => !this.citationEndsAt(1), DEF: () => this.CONSUME(GuidelineText) });
  });

  /** "Decision based on Non-MTUS Citation …": the reference runs to the next sentence of this kind. */
  public nonMtusSentence = this.RULE("nonMtusSentence", () => {
    this.CONSUME(DecisionBasedOnNonMtus);
    this.MANY(() => this.CONSUME(GuidelineText));
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
      return startsCapitalized(next) && !endsWithDigit(this.LA(i - 1));
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

let sharedParser: GuidelineParser | undefined;
let sharedLexer: Lexer | undefined;

/** Lexes and parses one guideline paragraph's text into its CST. */
export function parseGuidelineCst(text: string): { cst: CstNode; tokens: IToken[] } {
  sharedLexer ??= new Lexer(guidelineTokens, { positionTracking: "onlyOffset", skipValidations: true });
  sharedParser ??= new GuidelineParser();
  const tokens = withEndOffsets(sharedLexer.tokenize(text).tokens);
  sharedParser.input = tokens;
  const cst = sharedParser.guidelineParagraph();
  if (sharedParser.errors.length > 0) {
    throw new Error(`imr-determination: guideline grammar error: ${sharedParser.errors[0]!.message}`);
  }
  return { cst, tokens };
}
