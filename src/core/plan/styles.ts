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
