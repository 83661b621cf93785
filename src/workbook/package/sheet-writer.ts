/**
 * A product sheet (PlanSheet) written as worksheet XML: the sheets the product owns are written
 * whole, in the element order the SpreadsheetML schema requires. Strings are inline strings, so
 * the workbook's shared-string table is never rewritten.
 */
import { cellAddress, parseAddress } from "../../core/model/cells";
import type {
  CellValidation,
  PlanCell,
  PlanSheet,
  PlanStyle,
  PlanTable,
} from "../../core/model/plan";
import { forEachPlanCell, sheetColumnWidths, singleCells } from "../../core/model/plan";
import { LINK_TEXT } from "../../core/plan/styles";
import { dateToExcelSerial } from "../shared/number-format";
import { sheetReference } from "../shared/sheet-reference";
import {
  PROMPT_TEXT_MAX,
  PROMPT_TITLE_MAX,
  clip,
  listSource,
  numericRule,
} from "../shared/validation";
import type { CellLook, StylesPart } from "./styles";
import { xmlEscape } from "./xml";

export const SHEET_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// "'Sheet name'!A1": one home, shared with the Excel adapter.
export { sheetReference } from "../shared/sheet-reference";

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

function valueText(v: PlanCell["value"]): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** The look of a planned cell as the styles part takes it. */
function lookOf(style: PlanStyle, isDate: boolean, link: boolean, locked: boolean): CellLook {
  return {
    numFmt: style.numFmt ?? (isDate ? "yyyy-mm-dd" : undefined),
    fill: style.fill,
    fontColor: style.fontColor ?? (link ? LINK_TEXT : undefined),
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
  const link =
    pc.link && v !== null && v !== undefined
      ? linkFormula(valueText(v), pc.link.sheet, pc.link.cell)
      : null;
  return cellXmlWith(
    ref,
    v,
    link,
    styles.xfFor(lookOf(pc, v instanceof Date, link !== null, locked))
  );
}

/** One cell's XML with its value, link formula and cell-format index worked out. */
function cellXmlWith(ref: string, v: PlanCell["value"], link: string | null, xf: number): string {
  const s = xf ? ` s="${xf}"` : "";
  if (link)
    return `<c r="${ref}"${s} t="str"><f>${xmlEscape(link)}</f><v>${xmlEscape(valueText(v))}</v></c>`;
  if (v === null || v === undefined) return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "string") {
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const n = numberText(v instanceof Date ? dateToExcelSerial(v) : v);
  return n === null ? (s ? `<c r="${ref}"${s}/>` : "") : `<c r="${ref}"${s}><v>${n}</v></c>`;
}

/** Every cell of an A1 range such as "G5:H9", as [row, col]. */
function rangeCells(range: string): [number, number][] {
  const [a, b] = range.replace(/\$/g, "").split(":");
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
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

function viewsXml(ps: PlanSheet, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : "";
  const k = ps.freezeRows ?? 0;
  if (k <= 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}>` +
    `<pane ySplit="${k}" topLeftCell="A${k + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` +
    "</sheetView></sheetViews>"
  );
}

function validationXml(v: CellValidation): string {
  const attrs: string[] = [];
  let formulas: string[];
  if (v.kind === "list") {
    attrs.push('type="list"');
    formulas = [`"${listSource(v)}"`];
  } else {
    const rule = numericRule(v);
    attrs.push(`type="${rule.type}"`);
    if (rule.operator === "any") {
      attrs.push('operator="between"');
      formulas = ["-1000000000000000", "1000000000000000"];
    } else {
      if (rule.operator !== "between") attrs.push(`operator="${rule.operator}"`);
      formulas = (rule.operator === "between" ? [rule.min, rule.max] : [rule.min ?? rule.max]).map(
        String
      );
    }
  }
  attrs.push('allowBlank="1"', 'showInputMessage="1"', 'showErrorMessage="1"');
  const title = clip(v.title, PROMPT_TITLE_MAX);
  if (title) attrs.push(`promptTitle="${xmlEscape(title)}"`);
  attrs.push(`prompt="${xmlEscape(clip(v.prompt, PROMPT_TEXT_MAX))}"`);
  attrs.push(`errorStyle="${v.errorStyle ?? "warning"}"`);
  if (v.error) attrs.push(`error="${xmlEscape(clip(v.error, PROMPT_TEXT_MAX))}"`);
  attrs.push(`sqref="${v.range.replace(/\$/g, "")}"`);
  const body = formulas
    .map((f, i) => `<formula${i + 1}>${xmlEscape(f)}</formula${i + 1}>`)
    .join("");
  return `<dataValidation ${attrs.join(" ")}>${body}</dataValidation>`;
}

const PLAIN: PlanStyle = {};

/** A table's rows as cells' XML, each distinct look's cell format worked out once; `row` gets each row in order. */
function tableXml(
  table: PlanTable,
  styles: StylesPart,
  row: (r: number, cells: string[]) => void
): void {
  const xfs = new Map<PlanStyle, number[]>();
  const xfOf = (style: PlanStyle, kind: number): number => {
    let known = xfs.get(style);
    if (!known) xfs.set(style, (known = []));
    // kind: 0 plain, 1 a date, 2 a link.
    return (known[kind] ??= styles.xfFor(lookOf(style, kind === 1, kind === 2, true)));
  };
  for (let i = 0; i < table.rows.length; i++) {
    const { values, styles: looks, link } = table.rows[i];
    const r = table.row + i;
    const cells: string[] = [];
    for (let col = 0; col < values.length; col++) {
      const v = values[col];
      const style = looks[col] ?? PLAIN;
      const formula =
        link && link.col === col && v !== null && v !== undefined
          ? linkFormula(valueText(v), link.sheet, link.cell)
          : null;
      const xml = cellXmlWith(
        cellAddress(r, col),
        v,
        formula,
        xfOf(style, formula ? 2 : v instanceof Date ? 1 : 0)
      );
      if (xml) cells[col] = xml;
    }
    row(r, cells);
  }
}

/**
 * Text turned into UTF-8 bytes a megabyte at a time: a sheet of 100,000 rows is never held whole
 * as one string (nor as two million cell strings), which keeps the writer's peak memory low.
 */
class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private size = 0;
  private static readonly encoder = new TextEncoder();

  push(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.chunks.push(ByteSink.encoder.encode(this.pending.join("")));
    this.pending = [];
    this.size = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Row r's element from its cells' XML (a sparse array: join() writes its holes as nothing). */
function rowXml(r: number, cells: string[], heights: Record<number, number>): string {
  const h = heights[r];
  return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cells.join("")}</row>`;
}

/** The single cells of a sheet (and all its cells when some are unlocked), by row and column. */
function cellRows(ps: PlanSheet, styles: StylesPart, all: boolean): string[][] {
  const unlocked = new Set<string>();
  for (const range of ps.unlocked ?? [])
    for (const [r, c] of rangeCells(range)) unlocked.add(`${r},${c}`);
  const rows: string[][] = [];
  const put = (row: number, col: number, xml: string) => {
    if (xml) (rows[row] ??= [])[col] = xml;
  };
  if (all) {
    forEachPlanCell(ps, (pc) =>
      put(
        pc.row,
        pc.col,
        cellXml(cellAddress(pc.row, pc.col), pc, styles, !unlocked.delete(`${pc.row},${pc.col}`))
      )
    );
  } else {
    for (const pc of singleCells(ps))
      put(pc.row, pc.col, cellXml(cellAddress(pc.row, pc.col), pc, styles));
  }
  // Unlocked cells the plan leaves empty still need their unlocked format.
  for (const key of unlocked) {
    const [r, c] = key.split(",").map(Number);
    put(r, c, `<c r="${cellAddress(r, c)}" s="${styles.xfFor({ locked: false })}"/>`);
  }
  for (const r of Object.keys(ps.rowHeights ?? {})) rows[Number(r)] ??= [];
  return rows;
}

/** The last row and column a sheet's plan fills (for its dimension). */
function extent(
  rows: string[][],
  table: PlanTable | undefined
): { lastRow: number; lastCol: number } {
  let lastRow = rows.length - 1;
  let lastCol = 0;
  for (const cells of rows) if (cells) lastCol = Math.max(lastCol, cells.length - 1);
  if (table && table.rows.length) {
    lastRow = Math.max(lastRow, table.row + table.rows.length - 1);
    for (const r of table.rows) lastCol = Math.max(lastCol, r.values.length - 1);
  }
  return { lastRow: Math.max(0, lastRow), lastCol };
}

/**
 * Writes sheetData's rows in order: the single cells' rows, and a table's rows as they are made
 * (each distinct look of the table resolved to a cell format once, not once per cell).
 */
function writeRows(
  sink: ByteSink,
  ps: PlanSheet,
  rows: string[][],
  styles: StylesPart,
  withTable: boolean
): void {
  const heights = ps.rowHeights ?? {};
  const table = withTable ? ps.table : undefined;
  const tableStart = table ? table.row : Infinity;
  const tableEnd = table ? table.row + table.rows.length : Infinity;
  for (let r = 0; r < Math.min(rows.length, tableStart); r++)
    if (rows[r]) sink.push(rowXml(r, rows[r], heights));
  if (table) {
    tableXml(table, styles, (r, cells) => {
      // A single cell planned inside the table's rows joins its row.
      const merged = rows[r] ? Object.assign([], cells, rows[r]) : cells;
      sink.push(rowXml(r, merged, heights));
    });
    for (let r = tableEnd; r < rows.length; r++)
      if (rows[r]) sink.push(rowXml(r, rows[r], heights));
  }
}

/**
 * The worksheet XML of a product sheet, as UTF-8 bytes; `drawing`: the id of the sheet's
 * relationship to the drawing that holds its charts.
 */
export function planSheetXml(
  ps: PlanSheet,
  styles: StylesPart,
  selected = false,
  drawing?: string
): Uint8Array {
  const all = (ps.unlocked ?? []).length > 0;
  const rows = cellRows(ps, styles, all);
  const { lastRow, lastCol } = extent(rows, ps.table);
  const out = new ByteSink();
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.push(`<worksheet ${SHEET_NS}>`);
  if (ps.landscape) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${cellAddress(lastRow, lastCol)}"/>`);
  out.push(viewsXml(ps, selected));
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  out.push(colsXml(sheetColumnWidths(ps)));
  out.push("<sheetData>");
  writeRows(out, ps, rows, styles, !all);
  out.push("</sheetData>");
  if (ps.protect) out.push('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  if (ps.autoFilter) out.push(`<autoFilter ref="${ps.autoFilter}"/>`);
  const merges = ps.merges ?? [];
  if (merges.length)
    out.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    );
  (ps.dataBars ?? []).forEach((bar, i) => {
    const rgb = `FF${bar.color.replace("#", "").toUpperCase()}`;
    out.push(
      `<conditionalFormatting sqref="${bar.range}"><cfRule type="dataBar" priority="${i + 1}">` +
        `<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${rgb}"/></dataBar></cfRule></conditionalFormatting>`
    );
  });
  const validations = ps.validations ?? [];
  if (validations.length)
    out.push(
      `<dataValidations count="${validations.length}">${validations.map(validationXml).join("")}</dataValidations>`
    );
  out.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
  );
  if (ps.landscape) out.push('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  if (drawing) out.push(`<drawing r:id="${drawing}"/>`);
  out.push("</worksheet>");
  return out.bytes();
}
