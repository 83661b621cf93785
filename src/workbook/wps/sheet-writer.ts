/**
 * Writing a plan's sheet into WPS 表格: all values in one Value2 write, number formats and looks
 * one write per rectangle of equal cells (a table's rows stack into one rectangle per column), then
 * layout, validation and protection — a number of calls that does not grow with the rows. Links
 * are HYPERLINK formulas inside the values, as the file adapter writes them, so they cost nothing
 * more (docs/wps.md).
 */
import { columnLetters } from "../../core/model/cells";
import type { CellValidation, PlanCell, PlanSheet } from "../../core/model/plan";
import { planCells, sheetColumnWidths } from "../../core/model/plan";
import { rectangles } from "../office/sheet-writer";
import { a1Range, toExcelValue } from "../office/values";
import { linkFormula } from "../package/sheet-writer";
import {
  PROMPT_TEXT_MAX,
  PROMPT_TITLE_MAX,
  clip,
  listSource,
  numericRule,
} from "../shared/validation";
import {
  EtApplication,
  EtRange,
  EtWorksheet,
  XL_ALERT_STOP,
  XL_ALERT_WARNING,
  XL_BETWEEN,
  XL_CENTER,
  XL_DATABAR_FILL_SOLID,
  XL_GREATER_EQUAL,
  XL_LANDSCAPE,
  XL_LEFT,
  XL_LESS_EQUAL,
  XL_RIGHT,
  XL_TOP,
  XL_UNDERLINE_SINGLE,
  XL_VALIDATE_DECIMAL,
  XL_VALIDATE_LIST,
  XL_VALIDATE_WHOLE,
} from "./et";
import type { WpsSupport } from "./support";
import { hexToBgr } from "./values";
import { ERROR_TEXT_MAX, styleOf, type Style } from "../office/sheet-writer";

// The look of a cell and the limit on a validation message are Excel's, shared with that adapter.

/** A cell's value as written: text with a leading apostrophe, a link as its HYPERLINK formula. */
function etValue(c: PlanCell): string | number | boolean {
  if (c.link && typeof c.value === "string") {
    const f = linkFormula(c.value, c.link.sheet, c.link.cell);
    if (f) return `=${f}`;
  }
  return toExcelValue(c.value);
}

const isLinked = (c: PlanCell) => !!c.link && typeof c.value === "string";

function writeValues(ws: EtWorksheet, cells: PlanCell[]): void {
  let maxRow = -1;
  let maxCol = -1;
  for (const c of cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  if (maxRow < 0) return;
  const values: (string | number | boolean)[][] = Array.from({ length: maxRow + 1 }, () =>
    new Array(maxCol + 1).fill("")
  );
  for (const c of cells) values[c.row][c.col] = etValue(c);
  ws.Range(a1Range(0, 0, maxRow, maxCol)).Value2 = values;
}

function writeFormats(ws: EtWorksheet, cells: PlanCell[]): void {
  const formats: { row: number; col: number; key: string; item: string }[] = [];
  const styled: { row: number; col: number; key: string; item: Style }[] = [];
  for (const c of cells) {
    const numFmt = c.numFmt ?? (c.value instanceof Date ? "yyyy-mm-dd" : undefined);
    if (numFmt) formats.push({ row: c.row, col: c.col, key: numFmt, item: numFmt });
    const s = styleOf(c, isLinked(c));
    if (s) styled.push({ row: c.row, col: c.col, key: JSON.stringify(s), item: s });
  }
  for (const rect of rectangles(formats))
    ws.Range(a1Range(rect.top, rect.left, rect.bottom, rect.right)).NumberFormat = rect.item;
  for (const rect of rectangles(styled))
    applyStyle(ws.Range(a1Range(rect.top, rect.left, rect.bottom, rect.right)), rect.item);
}

function applyStyle(r: EtRange, s: Style): void {
  if (s.fill) r.Interior.Color = hexToBgr(s.fill);
  if (s.fontColor || s.bold || s.size || s.underline) {
    const font = r.Font;
    if (s.fontColor) font.Color = hexToBgr(s.fontColor);
    if (s.bold) font.Bold = true;
    if (s.size) font.Size = s.size;
    if (s.underline) font.Underline = XL_UNDERLINE_SINGLE;
  }
  if (s.wrap) r.WrapText = true;
  if (s.align)
    r.HorizontalAlignment =
      s.align === "left" ? XL_LEFT : s.align === "center" ? XL_CENTER : XL_RIGHT;
  if (s.wrap || s.align) r.VerticalAlignment = XL_TOP;
}

/** Validation.Add's arguments for a plan's rule (https://learn.microsoft.com/office/vba/api/excel.validation.add). */
function validationArgs(v: CellValidation): [number, number, string, string | undefined] {
  if (v.kind === "list") return [XL_VALIDATE_LIST, XL_BETWEEN, listSource(v), undefined];
  const rule = numericRule(v);
  const type = rule.type === "whole" ? XL_VALIDATE_WHOLE : XL_VALIDATE_DECIMAL;
  if (rule.operator === "any") return [type, XL_BETWEEN, "-1E+15", "1E+15"];
  if (rule.operator === "between") return [type, XL_BETWEEN, String(rule.min), String(rule.max)];
  return rule.operator === "greaterThanOrEqual"
    ? [type, XL_GREATER_EQUAL, String(rule.min), undefined]
    : [type, XL_LESS_EQUAL, String(rule.max), undefined];
}

export function applyValidation(r: EtRange, v: CellValidation): void {
  const [type, operator, formula1, formula2] = validationArgs(v);
  const dv = r.Validation;
  dv.Delete(); // Add fails over a range that has validation already
  const alert = v.errorStyle === "stop" ? XL_ALERT_STOP : XL_ALERT_WARNING;
  if (formula2 === undefined) dv.Add(type, alert, operator, formula1);
  else dv.Add(type, alert, operator, formula1, formula2);
  dv.IgnoreBlank = true;
  if (v.kind === "list") dv.InCellDropdown = true;
  dv.InputTitle = clip(v.title, PROMPT_TITLE_MAX);
  dv.InputMessage = clip(v.prompt, PROMPT_TEXT_MAX);
  dv.ErrorTitle = clip(v.title, PROMPT_TITLE_MAX);
  dv.ErrorMessage = clip(v.error ?? v.prompt, ERROR_TEXT_MAX);
  dv.ShowInput = true;
  dv.ShowError = true;
}

/**
 * How templates are protected: values only in unlocked cells, while marks stay possible — a fill
 * is "format cells", a comment a drawing object (DrawingObjects false leaves them editable;
 * https://learn.microsoft.com/office/vba/api/excel.worksheet.protect).
 */
export function protectTemplate(ws: EtWorksheet): void {
  ws.Protect(undefined, false, true, false, false, true, true, true);
}

/** Freezing panes is a window's: the sheet is shown first (https://learn.microsoft.com/office/vba/api/excel.window.freezepanes). */
function freezeRows(app: EtApplication, ws: EtWorksheet, rows: number): void {
  ws.Activate();
  const w = app.ActiveWindow;
  w.FreezePanes = false;
  w.SplitColumn = 0;
  w.SplitRow = rows;
  w.FreezePanes = true;
}

function landscape(ws: EtWorksheet): void {
  const p = ws.PageSetup;
  p.Orientation = XL_LANDSCAPE;
  p.Zoom = false; // FitToPages… apply only without a zoom
  p.FitToPagesWide = 1;
  p.FitToPagesTall = false;
}

function writeLayout(app: EtApplication, ws: EtWorksheet, ps: PlanSheet, support: WpsSupport) {
  for (const m of ps.merges ?? []) ws.Range(m).Merge();
  for (const [col, width] of (sheetColumnWidths(ps) ?? []).entries()) {
    if (!(width > 0)) continue;
    const letter = columnLetters(col);
    ws.Range(`${letter}:${letter}`).ColumnWidth = width; // characters, as plans give them
  }
  for (const [row, height] of Object.entries(ps.rowHeights ?? {}))
    ws.Range(`${Number(row) + 1}:${Number(row) + 1}`).RowHeight = height;
  if (ps.freezeRows && ps.freezeRows > 0) freezeRows(app, ws, ps.freezeRows);
  if (ps.autoFilter) ws.Range(ps.autoFilter).AutoFilter();
  if (ps.landscape) landscape(ws);
  // No charts are drawn here (docs/charts.md): the sheet prints its table, not the cells beside it
  // that the charts would draw from.
  const table = ps.charts?.printAreas?.[0];
  if (table) ws.PageSetup.PrintArea = table;
  if (support.dataBars) {
    for (const bar of ps.dataBars ?? []) {
      const db = ws.Range(bar.range).FormatConditions.AddDatabar();
      db.BarColor.Color = hexToBgr(bar.color);
      db.BarFillType = XL_DATABAR_FILL_SOLID;
    }
  }
  if (support.dataValidation)
    for (const v of ps.validations ?? []) applyValidation(ws.Range(v.range), v);
  for (const range of ps.unlocked ?? []) ws.Range(range).Locked = false;
  if (ps.protect) protectTemplate(ws);
}

/** Fills a new, empty sheet with a plan sheet: values, formats, layout. */
export function fillSheet(
  app: EtApplication,
  ws: EtWorksheet,
  ps: PlanSheet,
  support: WpsSupport
): void {
  const cells = planCells(ps);
  writeValues(ws, cells);
  writeFormats(ws, cells);
  writeLayout(app, ws, ps, support);
}
