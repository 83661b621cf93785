/**
 * A product sheet (PlanSheet) written as worksheet XML: the sheets the product owns are written
 * whole, in the element order the SpreadsheetML schema requires. Strings are inline strings, so
 * the workbook's shared-string table is never rewritten.
 */
import { cellAddress, parseAddress } from '../../core/model/cells';
import type { CellValidation, PlanCell, PlanSheet, PlanStyle, PlanTable } from '../../core/model/plan';
import { forEachPlanCell } from '../../core/model/plan';
import { dateToExcelSerial } from '../number-format';
import { normaliseAddress } from '../annotation-store';
import { PROMPT_TEXT_MAX, PROMPT_TITLE_MAX, clip, listSource, numericRule } from '../validation';
import type { CellLook, StylesPart } from './styles';
import { xmlEscape } from './xml';

export const SHEET_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** "'Sheet name'!A1", quotes in the name doubled as Excel wants. */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${normaliseAddress(cell)}`;
}

/** Excel refuses string literals longer than this inside a formula. */
const MAX_FORMULA_STRING = 255;

/** A string literal inside a formula: the text stays data, it is never evaluated. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * An internal link as a HYPERLINK formula with its result cached: it jumps to the cell in Excel,
 * WPS and LibreOffice alike, and needs no relationship.
 */
export function linkFormula(text: string, sheet: string, cell: string): string | null {
  const target = `#${sheetReference(sheet, cell)}`;
  if (text.length > MAX_FORMULA_STRING || target.length > MAX_FORMULA_STRING) return null;
  return `HYPERLINK(${formulaString(target)},${formulaString(text)})`;
}

/** A number as XML text; a value XML's double cannot hold is not written. */
function numberText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

function valueText(v: PlanCell['value']): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** The look of a planned cell as the styles part takes it. */
function lookOf(style: PlanStyle, isDate: boolean, link: boolean, locked: boolean): CellLook {
  return {
    numFmt: style.numFmt ?? (isDate ? 'yyyy-mm-dd' : undefined),
    fill: style.fill,
    fontColor: style.fontColor ?? (link ? '#0563C1' : undefined), // Excel's own hyperlink blue
    underline: link,
    bold: style.bold,
    size: style.size,
    wrap: style.wrap,
    align: style.align,
    locked,
  };
}

/** One cell's XML, or '' for a cell with neither value nor look. */
export function cellXml(ref: string, pc: PlanCell, styles: StylesPart, locked = true): string {
  const v = pc.value;
  const link = pc.link && v !== null && v !== undefined ? linkFormula(valueText(v), pc.link.sheet, pc.link.cell) : null;
  return cellXmlWith(ref, v, link, styles.xfFor(lookOf(pc, v instanceof Date, link !== null, locked)));
}

/** One cell's XML with its value, link formula and cell-format index worked out. */
function cellXmlWith(ref: string, v: PlanCell['value'], link: string | null, xf: number): string {
  const s = xf ? ` s="${xf}"` : '';
  if (link) return `<c r="${ref}"${s} t="str"><f>${xmlEscape(link)}</f><v>${xmlEscape(valueText(v))}</v></c>`;
  if (v === null || v === undefined) return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'string') {
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const n = numberText(v instanceof Date ? dateToExcelSerial(v) : v);
  return n === null ? (s ? `<c r="${ref}"${s}/>` : '') : `<c r="${ref}"${s}><v>${n}</v></c>`;
}

/** Every cell of an A1 range such as "G5:H9", as [row, col]. */
function rangeCells(range: string): [number, number][] {
  const [a, b] = range.replace(/\$/g, '').split(':');
  const from = parseAddress(a);
  const to = b ? parseAddress(b) : from;
  const out: [number, number][] = [];
  for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
    for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) out.push([r, c]);
  }
  return out;
}

function colsXml(widths: number[] | undefined): string {
  const cols: string[] = [];
  (widths ?? []).forEach((w, i) => {
    if (w > 0) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function viewsXml(ps: PlanSheet, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const k = ps.freezeRows ?? 0;
  if (k <= 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}>` +
    `<pane ySplit="${k}" topLeftCell="A${k + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` +
    '</sheetView></sheetViews>'
  );
}

function validationXml(v: CellValidation): string {
  const attrs: string[] = [];
  let formulas: string[];
  if (v.kind === 'list') {
    attrs.push('type="list"');
    formulas = [`"${listSource(v)}"`];
  } else {
    const rule = numericRule(v);
    attrs.push(`type="${rule.type}"`);
    if (rule.operator === 'any') {
      attrs.push('operator="between"');
      formulas = ['-1000000000000000', '1000000000000000'];
    } else {
      if (rule.operator !== 'between') attrs.push(`operator="${rule.operator}"`);
      formulas = (rule.operator === 'between' ? [rule.min, rule.max] : [rule.min ?? rule.max]).map(String);
    }
  }
  attrs.push('allowBlank="1"', 'showInputMessage="1"', 'showErrorMessage="1"');
  const title = clip(v.title, PROMPT_TITLE_MAX);
  if (title) attrs.push(`promptTitle="${xmlEscape(title)}"`);
  attrs.push(`prompt="${xmlEscape(clip(v.prompt, PROMPT_TEXT_MAX))}"`);
  attrs.push(`errorStyle="${v.errorStyle ?? 'warning'}"`);
  if (v.error) attrs.push(`error="${xmlEscape(clip(v.error, PROMPT_TEXT_MAX))}"`);
  attrs.push(`sqref="${v.range.replace(/\$/g, '')}"`);
  const body = formulas.map((f, i) => `<formula${i + 1}>${xmlEscape(f)}</formula${i + 1}>`).join('');
  return `<dataValidation ${attrs.join(' ')}>${body}</dataValidation>`;
}

const PLAIN: PlanStyle = {};

/** A table's cells as XML, each distinct look's cell format worked out once. */
function tableXml(table: PlanTable, styles: StylesPart, put: (row: number, col: number, xml: string) => void): void {
  const xfs = new Map<PlanStyle, number[]>();
  const xfOf = (style: PlanStyle, kind: number): number => {
    let known = xfs.get(style);
    if (!known) xfs.set(style, (known = []));
    // kind: 0 plain, 1 a date, 2 a link.
    return (known[kind] ??= styles.xfFor(lookOf(style, kind === 1, kind === 2, true)));
  };
  for (let i = 0; i < table.rows.length; i++) {
    const { values, styles: looks, link } = table.rows[i];
    const row = table.row + i;
    for (let col = 0; col < values.length; col++) {
      const v = values[col];
      const style = looks[col] ?? PLAIN;
      const formula = link && link.col === col && v !== null && v !== undefined ? linkFormula(valueText(v), link.sheet, link.cell) : null;
      const xf = xfOf(style, formula ? 2 : v instanceof Date ? 1 : 0);
      const xml = cellXmlWith(cellAddress(row, col), v, formula, xf);
      if (xml) put(row, col, xml);
    }
  }
}

/** Collects a sheet's planned cells into rows of XML, in column order. */
function rowsXml(ps: PlanSheet, styles: StylesPart): { xml: string; lastRow: number; lastCol: number } {
  const unlocked = new Set<string>();
  for (const range of ps.unlocked ?? []) for (const [r, c] of rangeCells(range)) unlocked.add(`${r},${c}`);
  // rows[r][c]: a cell's XML. Arrays indexed by place keep rows and cells in order without sorting.
  const rows: string[][] = [];
  const put = (row: number, col: number, xml: string) => {
    (rows[row] ??= [])[col] = xml;
  };
  if (unlocked.size === 0) {
    // The common case, product sheets of many rows: a table's cells share their style objects, so
    // each distinct look is resolved once, not once per cell.
    for (const pc of ps.cells) {
      const xml = cellXml(cellAddress(pc.row, pc.col), pc, styles);
      if (xml) put(pc.row, pc.col, xml);
    }
    if (ps.table) tableXml(ps.table, styles, put);
  } else {
    forEachPlanCell(ps, (pc) => {
      const locked = !unlocked.delete(`${pc.row},${pc.col}`);
      const xml = cellXml(cellAddress(pc.row, pc.col), pc, styles, locked);
      if (xml) put(pc.row, pc.col, xml);
    });
  }
  // Unlocked cells the plan leaves empty still need their unlocked format.
  for (const key of unlocked) {
    const [r, c] = key.split(',').map(Number);
    put(r, c, `<c r="${cellAddress(r, c)}" s="${styles.xfFor({ locked: false })}"/>`);
  }
  const heights = ps.rowHeights ?? {};
  for (const r of Object.keys(heights)) rows[Number(r)] ??= [];
  const parts: string[] = [];
  let lastRow = 0;
  let lastCol = 0;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    lastRow = r;
    lastCol = Math.max(lastCol, cells.length - 1);
    const h = heights[r];
    const ht = h ? ` ht="${h}" customHeight="1"` : '';
    // join() writes the holes of a sparse row as nothing.
    parts.push(`<row r="${r + 1}"${ht}>${cells.join('')}</row>`);
  }
  return { xml: parts.join(''), lastRow, lastCol: Math.max(0, lastCol) };
}

/** The worksheet XML of a product sheet. */
export function planSheetXml(ps: PlanSheet, styles: StylesPart, selected = false): string {
  const { xml: rows, lastRow, lastCol } = rowsXml(ps, styles);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet ${SHEET_NS}>`,
  ];
  if (ps.landscape) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${cellAddress(lastRow, lastCol)}"/>`);
  out.push(viewsXml(ps, selected));
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  out.push(colsXml(ps.columnWidths));
  out.push(rows ? `<sheetData>${rows}</sheetData>` : '<sheetData/>');
  if (ps.protect) out.push('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  if (ps.autoFilter) out.push(`<autoFilter ref="${ps.autoFilter}"/>`);
  const merges = ps.merges ?? [];
  if (merges.length) out.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  (ps.dataBars ?? []).forEach((bar, i) => {
    const rgb = `FF${bar.color.replace('#', '').toUpperCase()}`;
    out.push(
      `<conditionalFormatting sqref="${bar.range}"><cfRule type="dataBar" priority="${i + 1}">` +
        `<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${rgb}"/></dataBar></cfRule></conditionalFormatting>`,
    );
  });
  const validations = ps.validations ?? [];
  if (validations.length) out.push(`<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (ps.landscape) out.push('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  out.push('</worksheet>');
  return out.join('');
}
