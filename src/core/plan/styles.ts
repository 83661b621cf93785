/** Colours and number formats shared by the product's sheets (SPEC §6). */
import type { Severity } from '../model/results';

export const SEVERITY_STYLE: Record<Severity, { zh: string; en: string; fill: string; text: string; symbol: string }> = {
  error: { zh: '错误', en: 'Error', fill: '#FFC7CE', text: '#9C0006', symbol: '✖' },
  warning: { zh: '提示', en: 'Warning', fill: '#FFEB9C', text: '#9C5700', symbol: '▲' },
};

export const HEADER_FILL = '#1F4E78';
export const HEADER_TEXT = '#FFFFFF';
export const TITLE_TEXT = '#1F4E78';
export const SUBTLE_TEXT = '#595959';
export const DATA_BAR_COLOR = '#5B9BD5';

export const FMT_PERCENT_1 = '0.0%';
export const FMT_SCORE = '0.0';
export const FMT_INTEGER = '#,##0';
export const FMT_DECIMAL = '#,##0.00';

/** A value format fitting the indicator's unit: whole numbers for counts, two decimals otherwise. */
export function valueFormat(integer: boolean | undefined): string {
  return integer ? FMT_INTEGER : FMT_DECIMAL;
}

/** Characters a text takes in a column: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

const LINE_HEIGHT = 15;

/** The height a row needs for its wrapped texts in columns of the given widths; null when one line does. */
export function wrappedRowHeight(texts: { text: string; width: number }[]): number | null {
  // Fonts run a little wider than the column's character count: leave a tenth spare.
  const lines = Math.max(1, ...texts.map((t) => Math.ceil((displayWidth(t.text) * 1.1) / Math.max(1, t.width))));
  return lines > 1 ? lines * LINE_HEIGHT : null;
}
