/**
 * Finds Chinese text written into code: string literals, template literals and JSX text holding
 * CJK Unified Ideographs. The source is parsed with the TypeScript compiler, so comments are never
 * looked at (Chinese in a comment is fine) and a quote inside a comment cannot start a "literal".
 * Regular-expression literals are patterns the reader matches, not text anyone is shown: not found.
 */
import ts from "typescript";

/** CJK Unified Ideographs and Extension A: the characters of Chinese words (not punctuation). */
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff]/;

export interface ChineseLiteral {
  /** 1-based line of the literal's start. */
  line: number;
  /** The literal's text (a template's fixed part, or JSX text), shortened for messages. */
  text: string;
}

function literalText(node: ts.Node): string | null {
  if (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isJsxText(node)
  )
    return node.text;
  return null;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Every literal of one .ts or .tsx source that holds Chinese, in source order. */
export function findChineseLiterals(fileName: string, source: string): ChineseLiteral[] {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  );
  const found: ChineseLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null && IDEOGRAPH.test(text)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      found.push({ line, text: shorten(text) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
