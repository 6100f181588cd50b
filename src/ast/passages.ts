/**
 * Passages the letter grammar hands on, parsed on their own (`grammar/passage-parser.ts`)
 * from the normalized text of their range: a guideline paragraph → its basis and
 * citations; a list → its items. Offsets here are shifted by the passage's start.
 */
import type { ICstVisitor, IToken } from "chevrotain";
import { isPrintedHowSection } from "../grammar/boilerplate.js";
import { parsePassageCst, passageParser } from "../grammar/passage-parser.js";
import type {
  BoardCertificationCstChildren,
  GuidelineParagraphCstNode,
  CitedTextCstChildren,
  HowSectionCstChildren,
  CommaListCstChildren,
  GuidelineParagraphCstChildren,
  ListEndCstChildren,
  ListItemCstChildren,
  MtusCitationCstChildren,
  MtusSentenceCstChildren,
  NonMtusSentenceCstChildren,
  SentenceListCstChildren,
  SentenceListItemCstChildren,
  UnknownTitleCstChildren,
} from "../grammar/cst.js";
import { Period, SectionsLabel, Year } from "../grammar/guideline-tokens.js";
import type { GuidelineBasis } from "../vocabulary.js";
import { extentOf, extentOfAll, extentOfRuns, type Range } from "./extent.js";
import type { BoardCertificationNode, GuidelineNode, ListNode, MtusCitationNode, NonMtusCitationNode, TextNode } from "./nodes.js";

/** What the passage builders need of the letter's AST builder. */
export interface TextNodeMaker {
  textNode(range: Range, trailing?: (c: number) => boolean): TextNode | null;
  span(range: Range): TextNode["span"];
  /** The guideline paragraphs of this letter parsed so far (see `buildGuideline`). */
  readonly parsedGuidelines: ParsedGuidelines;
}

/**
 * Guideline paragraphs already parsed in one letter, by their length: letters often
 * repeat a paragraph word for word from one decision to the next (a fifth of them in
 * the corpus), and its tokens and tree, whose offsets are the paragraph's own, are the
 * same. Compared whole, not hashed (hashing a long string costs more than comparing it),
 * and only the last few of one length are kept, so the comparisons stay linear.
 */
export type ParsedGuidelines = Map<number, { text: string; cst: GuidelineParagraphCstNode }[]>;
const PARSED_OF_ONE_LENGTH = 4;

// Cited text ends before the comma or colon that leads to a page marker ("relaxants, pg 128").
const isCitedTrailing = (c: number) => c === 32 || c === 10 || c === 44 || c === 59 || c === 58;

// A template word misread (OCR's "Section(s);", "Sectlon(s):" or "2O04" for a year) does not
// stop the title: the cited text then starts with it, which no section's name does.
const CITED_STARTS_WITH_LABEL = /^(?:sections?|pages?|\S{3,9}\(s\))(?![a-z])/i;
const MISREAD_YEAR = /^(?=[0-9OolI|]{4}(?![A-Za-z0-9]))(?=.{0,3}[0-9])(?=.{0,3}[OolI|])/;
// A separator doubled ("Section(s):: X") leaves one at the start.
const CITED_STARTS_WITH_SEPARATOR = /^[:;,.]/;
// The next citation's opener misread ("Decision bosed on", "Non-MUS Citation") runs that
// citation into this one's sections: words of an opener are no section's name.
const OPENER_WORDS = /\bbased on\b|\bCitation\b|\bNon-M/i;
/** Whether cited text holds a template word misread, so the citation's fields may be wrong. */
const holdsMisreadWord = (text: TextNode | null) =>
  text !== null && (CITED_STARTS_WITH_LABEL.test(text.value) || MISREAD_YEAR.test(text.value) || CITED_STARTS_WITH_SEPARATOR.test(text.value) || OPENER_WORDS.test(text.value));

/** Whether `word` is `target` with at most two letters changed, added or left out ("Citatlon"). */
function nearly(word: string, target: string): boolean {
  if (Math.abs(word.length - target.length) > 2) return false;
  let previous = Array.from({ length: target.length + 1 }, (_, j) => j);
  for (let i = 1; i <= word.length; i++) {
    const row = [i];
    for (let j = 1; j <= target.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (word[i - 1] === target[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[target.length]! <= 2;
}

/**
 * Chevrotain's visitor base: `validateVisitor` checks there is a method per rule (the tests
 * call it). The methods are called directly with each node's typed children, not through
 * `visit`, so each returns its own node type.
 */
type PassageVisitorBase = new () => ICstVisitor<never, unknown>;

/**
 * The passage grammar's visitor: a method per rule (Chevrotain's `validateVisitor`
 * checks that in the tests), each called with its node's typed children.
 */
function definePassageVisitor(Base: PassageVisitorBase) {
  return class PassageAstBuilder extends Base {
    /** The passage, its offset in the normalized text, and the letter builder's text nodes. */
    source = "";
    base = 0;
    maker: TextNodeMaker | null = null;

    shift(r: Range): Range {
      return { start: this.base + r.start, end: this.base + Math.max(r.start, r.end) };
    }

    text(r: Range, trailing?: (c: number) => boolean): TextNode | null {
      return r.end > r.start ? this.maker!.textNode(this.shift(r), trailing) : null;
    }

    spanOf(r: Range): TextNode["span"] {
      return this.maker!.span(this.shift(r));
    }

    howSection(c: HowSectionCstChildren): { boardCertification: BoardCertificationNode | null; otherText: TextNode[] } {
      const certification = c.boardCertification?.[0];
      return {
        boardCertification: certification ? this.boardCertification(certification.children, extentOf(certification)) : null,
        otherText: this.runs(c.otherText ?? []),
      };
    }

    boardCertification(c: BoardCertificationCstChildren, whole: Range): BoardCertificationNode {
      const licensedIn = this.text(extentOfAll(c.licensedIn));
      return {
        type: "BoardCertification",
        boardCertifiedIn: this.text(extentOfAll(c.boardCertifiedIn)),
        subspecialty: this.text(extentOfAll(c.subspecialty)),
        licensedIn: licensedIn ? buildList(licensedIn, true, this.maker!) : null,
        span: this.spanOf(whole),
      };
    }

    guidelineParagraph(c: GuidelineParagraphCstChildren): Pick<GuidelineNode, "basis" | "citations" | "otherText"> {
      const basis: GuidelineBasis = c.noMedicalEvidence ? "none" : c.outsideMtus ? "outside-mtus" : "mtus";
      const citations: (MtusCitationNode | NonMtusCitationNode)[] = [];
      for (const sentence of c.mtusSentence ?? []) citations.push(...this.mtusSentence(sentence.children));
      for (const sentence of c.nonMtusSentence ?? []) citations.push(this.nonMtusSentence(sentence.children, extentOf(sentence)));
      citations.sort((a, b) => a.span.start - b.span.start);
      return { basis, citations, otherText: this.runs(c.otherText ?? []) };
    }

    mtusSentence(c: MtusSentenceCstChildren): MtusCitationNode[] {
      return c.mtusCitation.map((citation) => this.mtusCitation(citation.children, extentOf(citation)));
    }

    mtusCitation(c: MtusCitationCstChildren, whole: Range): MtusCitationNode {
      const year = c.Year?.[0] ?? null;
      const title = c.unknownTitle ? this.unknownTitle(c.unknownTitle[0]!.children) : extentOfAll(c.MtusTitle);
      const cited = [...(c.sections[0]!.children.GuidelineText ?? []), ...(c.pages?.[0]!.children.GuidelineText ?? [])];
      const sections = this.text(this.citedText(c.sections[0]!.children), isCitedTrailing);
      const pages = c.pages ? this.text(this.citedText(c.pages[0]!.children), isCitedTrailing) : null;
      return {
        type: "MtusCitation",
        guideline: this.text(title),
        knownTitle: c.MtusTitle !== undefined,
        year: year ? Number(year.image) : null,
        yearSpan: year ? this.spanOf(extentOf(year)) : null,
        sections,
        pages,
        outOfForm: cited.some((t) => t.tokenType === Year || t.tokenType === SectionsLabel) || holdsMisreadWord(sections) || holdsMisreadWord(pages),
        span: this.spanOf(whole),
      };
    }

    /** A title the vocabulary does not know: its words up to the year. */
    unknownTitle(c: UnknownTitleCstChildren): Range {
      return extentOfRuns(c.Words, c.Comma);
    }

    citedText(c: CitedTextCstChildren): Range {
      return extentOfAll(c.GuidelineText);
    }

    nonMtusSentence(c: NonMtusSentenceCstChildren, whole: Range): NonMtusCitationNode {
      const words: IToken[] = c.GuidelineText ?? [];
      // The reference runs to the end of its sentence, less the final full stop.
      const last = words.length > 0 && words[words.length - 1]!.tokenType === Period ? words.length - 1 : words.length;
      const reference = this.text(extentOfAll(words.slice(0, last)));
      const opener = c.DecisionBasedOnNonMtus[0]!.image;
      // Without "Citation" in the opener, the reference must not hold it, nor start with it misread.
      const outOfForm =
        !/Citation$/i.test(opener) && reference !== null && (/(?:^|\s)Citation\s/.test(reference.value) || nearly(/^\S*/.exec(reference.value)![0].toLowerCase(), "citation"));
      return { type: "NonMtusCitation", reference, outOfForm, span: this.spanOf(whole) };
    }

    commaList(c: CommaListCstChildren): ListParts {
      return this.items(c.item.map((item) => this.listItem(item.children)), c.listEnd[0]!.children);
    }

    sentenceList(c: SentenceListCstChildren): ListParts {
      return this.items(c.item.map((item) => this.sentenceListItem(item.children)), c.listEnd[0]!.children);
    }

    listItem(c: ListItemCstChildren): Range {
      return extentOfRuns(c.ListWords, c.ListAnd);
    }

    sentenceListItem(c: SentenceListItemCstChildren): Range {
      return extentOfAll(c.ListWords);
    }

    /** Whatever follows the list's full stop. */
    listEnd(c: ListEndCstChildren): TextNode | null {
      return this.text(extentOfAll(c.rest));
    }

    /** Tokens in runs: neighbours with only spaces between them make one text. */
    runs(tokens: readonly IToken[]): TextNode[] {
      const runs: TextNode[] = [];
      let run: Range | null = null;
      const flush = () => {
        const node = run ? this.text(run) : null;
        if (node) runs.push(node);
      };
      for (const t of tokens) {
        if (run && /^[ \n]*$/.test(this.source.slice(run.end, t.startOffset))) run.end = t.endOffset! + 1;
        else {
          flush();
          run = { start: t.startOffset, end: t.endOffset! + 1 };
        }
      }
      flush();
      return runs;
    }

    items(ranges: Range[], end: ListEndCstChildren): ListParts {
      const items = ranges.map((r) => this.text(r)).filter((t): t is TextNode => t !== null);
      return { items, stop: end.Period !== undefined, rest: this.listEnd(end) };
    }
  };
}

interface ListParts {
  items: TextNode[];
  stop: boolean;
  rest: TextNode | null;
}

/** The passage visitor class, for the tests' `validateVisitor`. */
export function passageVisitorClass() {
  return definePassageVisitor(passageParser().getBaseCstVisitorConstructor() as PassageVisitorBase);
}

type PassageAstBuilderClass = ReturnType<typeof passageVisitorClass>;
let PassageAstBuilder: PassageAstBuilderClass | undefined;

/** A builder for one passage (passages nest: a list inside the section that holds it). */
function passageBuilder(maker: TextNodeMaker, passage: TextNode): InstanceType<PassageAstBuilderClass> {
  PassageAstBuilder ??= passageVisitorClass();
  const builder = new PassageAstBuilder();
  builder.maker = maker;
  builder.source = passage.value;
  builder.base = passage.normalized.start;
  return builder;
}

/** "HOW THE IMR FINAL DETERMINATION WAS MADE": the older credentials sentence, and text that is not the section's boilerplate. */
export function buildHowSection(section: TextNode, maker: TextNodeMaker): { boardCertification: BoardCertificationNode | null; otherText: TextNode[] } {
  // The section as letters print it: nothing but boilerplate, as its grammar would say.
  if (isPrintedHowSection(section.value)) return { boardCertification: null, otherText: [] };
  return howSectionByGrammar(section, maker);
}

/**
 * The HOW section read by its grammar (`howSection`).
 * @internal (exported for the test that holds `buildHowSection`'s shortcut to it)
 */
export function howSectionByGrammar(section: TextNode, maker: TextNodeMaker): { boardCertification: BoardCertificationNode | null; otherText: TextNode[] } {
  return passageBuilder(maker, section).howSection(parsePassageCst(section.value, "how", "howSection").cst.children);
}

/** A guideline paragraph's structure: what it rests on and what it cites. */
export function buildGuideline(paragraph: TextNode, maker: TextNodeMaker): GuidelineNode {
  const text = paragraph.value;
  let sameLength = maker.parsedGuidelines.get(text.length);
  let cst = sameLength?.find((p) => p.text === text)?.cst;
  if (cst === undefined) {
    cst = parsePassageCst(text, "guideline", "guidelineParagraph").cst;
    if (sameLength === undefined) maker.parsedGuidelines.set(text.length, (sameLength = []));
    if (sameLength.length === PARSED_OF_ONE_LENGTH) sameLength.shift();
    sameLength.push({ text, cst });
  }
  const { basis, citations, otherText } = passageBuilder(maker, paragraph).guidelineParagraph(cst.children);
  return { type: "Guideline", text: paragraph, basis, citations, otherText, span: paragraph.span };
}

/** A list's items: separated by commas, or in a sentence (`sentence`) also by "and", to its full stop. */
export function buildList(words: TextNode, sentence: boolean, maker: TextNodeMaker): ListNode {
  // One name, with nothing that separates or ends: the list is that one item, as its grammar would say.
  if (!/[,.]/.test(words.value) && !(sentence && /\sand\s/.test(words.value))) {
    return { type: "List", items: [words], stop: false, rest: null, span: words.span };
  }
  // Names and commas only (no full stop, not a sentence), as most credential lists are:
  // the items are what lies between the commas, as the grammar would say (a test holds
  // the two to the same result), without lexing and parsing it.
  if (!sentence && !words.value.includes(".")) return commaSeparated(words, maker);
  return listByGrammar(words, sentence, maker);
}

/** The items of a list of names and commas, each trimmed; empty ones left out. */
function commaSeparated(words: TextNode, maker: TextNodeMaker): ListNode {
  const { value } = words;
  const base = words.normalized.start;
  const items: TextNode[] = [];
  for (let from = 0; from <= value.length; ) {
    const comma = value.indexOf(",", from);
    const end = comma < 0 ? value.length : comma;
    const item = end > from ? maker.textNode({ start: base + from, end: base + end }) : null;
    if (item) items.push(item);
    from = end + 1;
  }
  return { type: "List", items, stop: false, rest: null, span: words.span };
}

/**
 * A list read by its grammar (`commaList`, `sentenceList`).
 * @internal (exported for the test that holds `buildList`'s shortcut to it)
 */
export function listByGrammar(words: TextNode, sentence: boolean, maker: TextNodeMaker): ListNode {
  const b = passageBuilder(maker, words);
  const { items, stop, rest } = sentence
    ? b.sentenceList(parsePassageCst(words.value, "list", "sentenceList").cst.children)
    : b.commaList(parsePassageCst(words.value, "list", "commaList").cst.children);
  return { type: "List", items, stop, rest, span: words.span };
}
