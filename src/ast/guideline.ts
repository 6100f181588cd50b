/**
 * A guideline paragraph's CST → its typed node: the basis and each citation, with spans.
 * The paragraph is parsed on its own (`grammar/guideline-parser.ts`) from the normalized
 * text the letter grammar gave it, so offsets here are shifted by the paragraph's start.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { MtusTitle, NoMedicalEvidence, OutsideMtus, Period, Year } from "../grammar/guideline-tokens.js";
import { parseGuidelineCst } from "../grammar/guideline-parser.js";
import type { GuidelineBasis, GuidelineNode, MtusCitationNode, NonMtusCitationNode, TextNode } from "./nodes.js";

type Children = Record<string, CstElement[] | undefined>;

interface Range {
  start: number;
  end: number;
}

/** What the guideline builder needs of the letter's AST builder. */
export interface TextNodeMaker {
  textNode(range: Range, trailing?: RegExp): TextNode | null;
  span(range: Range): TextNode["span"];
}

const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;

/** All tokens under a CST element, in order. */
function tokensOf(elements: readonly CstElement[] | undefined, into: IToken[] = []): IToken[] {
  for (const e of elements ?? []) {
    if (isToken(e)) into.push(e);
    else for (const key in e.children) tokensOf(e.children[key], into);
  }
  return into;
}

const byOffset = (a: IToken, b: IToken) => a.startOffset - b.startOffset;

// Cited text ends before the comma or colon that leads to a page marker ("relaxants, pg 128").
const CITED_TRAILING = /[ \n,;:]/;

export function buildGuideline(paragraph: TextNode, maker: TextNodeMaker): GuidelineNode {
  const base = paragraph.normalized.start;
  const { cst, tokens } = parseGuidelineCst(paragraph.value);
  const range = (list: IToken[]): Range =>
    list.length === 0 ? { start: 0, end: 0 } : { start: base + list[0]!.startOffset, end: base + list[list.length - 1]!.startOffset + list[list.length - 1]!.image.length };
  const text = (list: IToken[], trailing?: RegExp) => (list.length === 0 ? null : maker.textNode(range(list), trailing));

  let basis: GuidelineBasis = "mtus";
  if (tokens.some((t) => t.tokenType === NoMedicalEvidence)) basis = "none";
  else if (tokens.some((t) => t.tokenType === OutsideMtus)) basis = "outside-mtus";

  const citations: (MtusCitationNode | NonMtusCitationNode)[] = [];
  const c = cst.children as Children;
  for (const sentence of c.mtusSentence ?? []) {
    for (const citation of ((sentence as CstNode).children as Children).mtusCitation ?? []) {
      citations.push(mtusCitation(citation as CstNode));
    }
  }
  for (const sentence of c.nonMtusSentence ?? []) {
    const reference = tokensOf(((sentence as CstNode).children as Children).GuidelineText).sort(byOffset);
    // The reference runs to the end of its sentence, less the final full stop.
    if (reference.length > 0 && reference[reference.length - 1]!.tokenType === Period) reference.pop();
    const all = tokensOf([sentence]).sort(byOffset);
    citations.push({ type: "NonMtusCitation", reference: text(reference), span: maker.span(range(all)) });
  }
  citations.sort((a, b) => a.span.start - b.span.start);
  return { type: "Guideline", text: paragraph, basis, citations, span: paragraph.span };

  function mtusCitation(node: CstNode): MtusCitationNode {
    const cc = node.children as Children;
    const titleTokens = [...((cc[MtusTitle.name] as IToken[] | undefined) ?? []), ...tokensOf(cc.unknownTitle)].sort(byOffset);
    const year = (cc[Year.name]?.[0] as IToken | undefined) ?? null;
    const sections = tokensOf(cc.sections).sort(byOffset);
    const pages = tokensOf(cc.pages).sort(byOffset);
    const all = tokensOf([node]).sort(byOffset);
    return {
      type: "MtusCitation",
      guideline: text(titleTokens),
      knownTitle: cc[MtusTitle.name] !== undefined,
      year: year ? Number(year.image) : null,
      yearSpan: year ? maker.span(range([year])) : null,
      sections: text(sections, CITED_TRAILING),
      pages: text(pages, CITED_TRAILING),
      span: maker.span(range(all)),
    };
  }
}
