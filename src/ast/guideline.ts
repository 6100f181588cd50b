/**
 * A guideline paragraph's CST → its typed node: the basis and each citation, with spans.
 * The paragraph is parsed on its own (`grammar/guideline-parser.ts`) from the normalized
 * text the letter grammar gave it, so offsets here are shifted by the paragraph's start.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { EMPTY, extentOf, extentOfAll, extentOfRuns, type Range } from "./extent.js";
import { MtusTitle, NoMedicalEvidence, OutsideMtus, Period, Year } from "../grammar/guideline-tokens.js";
import { parseGuidelineCst } from "../grammar/guideline-parser.js";
import type { GuidelineBasis, GuidelineNode, MtusCitationNode, NonMtusCitationNode, TextNode } from "./nodes.js";

type Children = Record<string, CstElement[] | undefined>;

/** What the guideline builder needs of the letter's AST builder. */
export interface TextNodeMaker {
  textNode(range: Range, trailing?: (c: number) => boolean): TextNode | null;
  span(range: Range): TextNode["span"];
}

// Cited text ends before the comma or colon that leads to a page marker ("relaxants, pg 128").
const isCitedTrailing = (c: number) => c === 32 || c === 10 || c === 44 || c === 59 || c === 58;

export function buildGuideline(paragraph: TextNode, maker: TextNodeMaker): GuidelineNode {
  const base = paragraph.normalized.start;
  const { cst, tokens } = parseGuidelineCst(paragraph.value);
  const shift = (r: Range): Range => (r.end > r.start ? { start: base + r.start, end: base + r.end } : EMPTY);
  const text = (r: Range, trailing?: (c: number) => boolean) => (r.end > r.start ? maker.textNode(shift(r), trailing) : null);

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
    const words = (((sentence as CstNode).children as Children).GuidelineText ?? []) as IToken[];
    // The reference runs to the end of its sentence, less the final full stop.
    const last = words.length > 0 && words[words.length - 1]!.tokenType === Period ? words.length - 1 : words.length;
    const reference = extentOfAll(words.slice(0, last));
    citations.push({ type: "NonMtusCitation", reference: text(reference), span: maker.span(shift(extentOf(sentence))) });
  }
  citations.sort((a, b) => a.span.start - b.span.start);
  return { type: "Guideline", text: paragraph, basis, citations, span: paragraph.span };

  function mtusCitation(node: CstNode): MtusCitationNode {
    const cc = node.children as Children;
    const year = (cc[Year.name]?.[0] as IToken | undefined) ?? null;
    return {
      type: "MtusCitation",
      guideline: text(extentOfRuns(cc[MtusTitle.name], cc.unknownTitle)),
      knownTitle: cc[MtusTitle.name] !== undefined,
      year: year ? Number(year.image) : null,
      yearSpan: year ? maker.span(shift(extentOf(year))) : null,
      sections: text(extentOfAll(cc.sections), isCitedTrailing),
      pages: text(extentOfAll(cc.pages), isCitedTrailing),
      span: maker.span(shift(extentOf(node))),
    };
  }
}
