/** Colours and number formats shared by the product's sheets (docs/specification.md §6). */
import type { Severity } from "../model/results";
import { SEVERITY_WORD } from "../i18n/findings-labels";

export const SEVERITY_STYLE: Record<
  Severity,
  { zh: string; en: string; fill: string; text: string; symbol: string }
> = {
  error: { ...SEVERITY_WORD.error, fill: "#FFC7CE", text: "#9C0006", symbol: "✖" },
  warning: { ...SEVERITY_WORD.warning, fill: "#FFEB9C", text: "#9C5700", symbol: "▲" },
};

/** Internal links (Excel's own hyperlink blue), and the line saying nothing was found. */
export const LINK_TEXT = "#0563C1";
export const ALL_CLEAR_TEXT = "#006100";

export const HEADER_FILL = "#1F4E78";
export const HEADER_TEXT = "#FFFFFF";
export const TITLE_TEXT = "#1F4E78";
export const SUBTLE_TEXT = "#595959";
export const DATA_BAR_COLOR = "#5B9BD5";

export const FMT_PERCENT_1 = "0.0%";
export const FMT_SCORE = "0.0";
export const FMT_INTEGER = "#,##0";
export const FMT_DECIMAL = "#,##0.00";

/** A value format fitting the indicator's unit: whole numbers for counts, two decimals otherwise. */
export function valueFormat(integer: boolean | undefined): string {
  return integer ? FMT_INTEGER : FMT_DECIMAL;
}

/** Characters a text takes in a column: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  // By character code, not character strings: every finding's messages are measured.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A character outside the basic plane (emoji) is a surrogate pair and counts one.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      w += 1;
      continue;
    }
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

const LINE_HEIGHT = 15;

/** The height a row needs for its wrapped texts in columns of the given widths; null when one line does. */
export function wrappedRowHeight(texts: { text: string; width: number }[]): number | null {
  // Fonts run a little wider than the column's character count: leave a tenth spare.
  const lines = Math.max(
    1,
    ...texts.map((t) => Math.ceil((displayWidth(t.text) * 1.1) / Math.max(1, t.width)))
  );
  return lines > 1 ? lines * LINE_HEIGHT : null;
}
