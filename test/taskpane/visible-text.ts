/**
 * Finds text a component would show that does not come from strings.ts: JSX text, string
 * literals rendered as children, and literals in props people see or hear (title, aria-label …).
 * Parsed with the TypeScript compiler, so formatting and comments cannot fool it.
 */
import ts from "typescript";

/** Props whose value is shown on screen or read out by a screen reader. */
export const VISIBLE_PROPS = new Set([
  "title",
  "label",
  "placeholder",
  "alt",
  "hint",
  "content",
  "description",
  "header",
  "validationMessage",
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "aria-roledescription",
]);

const LETTER = /\p{L}/u;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export interface Violation {
  file: string;
  line: number;
  text: string;
  why: string;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
    return node.text;
  return null;
}

/**
 * The literals of an expression that end up rendered: the expression itself, the branches of
 * `a ? b : c`, the right side of `&&`, `||`, `??`, and the fixed parts of a template. A literal
 * passed to a call (t('key')) or compared (mode === 'excel') is not rendered.
 */
function renderedLiterals(expr: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(expr)) return renderedLiterals(expr.expression);
  if (ts.isConditionalExpression(expr))
    return [...renderedLiterals(expr.whenTrue), ...renderedLiterals(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(expr.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...renderedLiterals(expr.left), ...renderedLiterals(expr.right)];
    }
    return [];
  }
  if (ts.isTemplateExpression(expr)) {
    return [
      expr.head,
      ...expr.templateSpans.flatMap((s) => [...renderedLiterals(s.expression), s.literal]),
    ];
  }
  return literalText(expr) !== null ? [expr] : [];
}

/** Hard-coded visible text in one .ts/.tsx source. */
export function findHardCodedText(fileName: string, source: string): Violation[] {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  );
  const out: Violation[] = [];
  const report = (node: ts.Node, text: string, why: string) =>
    out.push({
      file: fileName,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: text.trim(),
      why,
    });

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) {
      report(node, node.text, "JSX text");
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const lit of renderedLiterals(node.expression)) {
        const text = literalText(lit) ?? "";
        if (LETTER.test(text)) report(lit, text, "string rendered as a child");
      }
    } else if (
      ts.isJsxAttribute(node) &&
      node.initializer &&
      VISIBLE_PROPS.has(node.name.getText(sf))
    ) {
      const init = node.initializer;
      const lits = ts.isStringLiteral(init)
        ? [init]
        : ts.isJsxExpression(init) && init.expression
          ? renderedLiterals(init.expression)
          : [];
      for (const lit of lits) {
        const text = literalText(lit) ?? "";
        if (LETTER.test(text))
          report(lit, text, `literal in visible prop ${node.name.getText(sf)}`);
      }
    }
    // Chinese (or full-width) text in code outside strings.ts is text for people, wherever it sits.
    const text = literalText(node);
    if (text !== null && CJK.test(text) && !out.some((v) => v.text === text.trim()))
      report(node, text, "Chinese text outside strings.ts");
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
