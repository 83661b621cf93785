/** Writing a plan's sheet: values in row blocks, formats grouped into rectangles, layout, validation, protection. */
import { cellAddress, columnLetters } from "../../core/model/cells";
import type { CellValidation, PlanCell, PlanSheet } from "../../core/model/plan";
import { planCells, sheetColumnWidths } from "../../core/model/plan";
import { LINK_TEXT } from "../../core/plan/styles";
import { sheetReference } from "../shared/sheet-reference";
import {
  NumericRule,
  PROMPT_TEXT_MAX,
  PROMPT_TITLE_MAX,
  clip,
  listSource,
  numericRule,
} from "../shared/validation";
import { BLOCK_FRACTION, WriteBatch, estimatePayload, utf8Length } from "./payload";
import type { ApiSupport } from "./support";
import { a1Range, charactersToPoints, toExcelValue } from "./values";
import { TEMP_SHEET_PREFIX } from "../../core/i18n/sheet-names";
import { addCharts } from "./charts";

/** Sheets being replaced are added under this prefix first; a failed run can leave one behind. */
export { TEMP_SHEET_PREFIX };

/**
 * How templates are protected: values only in their unlocked cells, while the product's own marks
 * stay possible on a filled-in template — a fill is "format cells", a note or comment "edit
 * objects", and Excel refuses both on a protected sheet unless allowed, even on unlocked cells
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
 */
export const TEMPLATE_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowEditObjects: true,
};

/** Excel's limit on a data-validation error message (MS-XLSB 2.5.37 DValStrings: 225 characters). */
export const ERROR_TEXT_MAX = 225;

/** A cell's look, as both the Excel and the WPS adapter set it. */
export interface Style {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  align?: PlanCell["align"];
  underline?: boolean;
}

/** The look a plan cell asks for; a link gets the link colour (unless the cell has its own) and a line. */
export function styleOf(pc: PlanCell, linked: boolean): Style | null {
  const s: Style = {};
  if (pc.fill) s.fill = pc.fill;
  if (pc.fontColor) s.fontColor = pc.fontColor;
  else if (linked) s.fontColor = LINK_TEXT;
  if (pc.bold) s.bold = true;
  if (pc.size) s.size = pc.size;
  if (pc.wrap) s.wrap = true;
  if (pc.align) s.align = pc.align;
  if (linked) s.underline = true;
  return Object.keys(s).length > 0 ? s : null;
}

interface Rect<T> {
  top: number;
  left: number;
  bottom: number;
  right: number;
  item: T;
}

/** Groups cells with equal keys into rectangles: runs along each row, stacked over equal runs below. */
export function rectangles<T>(
  cells: { row: number; col: number; key: string; item: T }[]
): Rect<T>[] {
  const byRow = new Map<number, { col: number; key: string; item: T }[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const open = new Map<string, Rect<T> & { key: string }>();
  const done: Rect<T>[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = byRow.get(row)!.sort((a, b) => a.col - b.col);
    const runs: { left: number; right: number; key: string; item: T }[] = [];
    for (const c of list) {
      const last = runs[runs.length - 1];
      if (last && last.key === c.key && last.right === c.col - 1) last.right = c.col;
      else runs.push({ left: c.col, right: c.col, key: c.key, item: c.item });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const id = `${run.left}:${run.right}:${run.key}`;
      seen.add(id);
      const rect = open.get(id);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(id, {
          top: row,
          bottom: row,
          left: run.left,
          right: run.right,
          key: run.key,
          item: run.item,
        });
      }
    }
    for (const [id, rect] of open) {
      if (!seen.has(id) && rect.bottom < row) {
        done.push(rect);
        open.delete(id);
      }
    }
  }
  done.push(...open.values());
  return done.map(({ top, left, bottom, right, item }) => ({ top, left, bottom, right, item }));
}

export class SheetWriter {
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly support: ApiSupport,
    private readonly budget: number,
    /** Makes each temporary name unique: a leftover of a failed run never blocks the next. */
    private readonly runId: string
  ) {}

  /** Replaces `old` (keeping its tab position) or adds a sheet named `name`, and fills it. */
  async write(
    ps: PlanSheet,
    old: Excel.Worksheet | null,
    name: string,
    index: number,
    batch: WriteBatch
  ): Promise<Excel.Worksheet> {
    const sheets = this.context.workbook.worksheets;
    await batch.reserve(estimatePayload(name) * 3);
    let ws: Excel.Worksheet;
    if (!old || old.isNullObject) ws = sheets.add(name);
    else {
      // Add under a temporary name first: Excel refuses to delete a workbook's last visible sheet.
      ws = sheets.add(`${TEMP_SHEET_PREFIX}${this.runId}${index}`);
      old.delete();
      ws.name = name;
      ws.position = old.position;
    }
    const cells = planCells(ps);
    let maxRow = -1;
    let maxCol = -1;
    for (const c of cells) {
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
    }
    if (maxRow >= 0) await this.writeValues(ws, cells, maxRow, maxCol, batch);
    await this.writeFormats(ws, cells, batch);
    const charts = ps.charts?.charts ?? [];
    if (charts.length && this.support.charts) await addCharts(ws, charts, batch);
    await this.writeLayout(ws, ps, batch);
    return ws;
  }

  /** Values and number formats, in row blocks that each stay a fraction of the payload budget. */
  private async writeValues(
    ws: Excel.Worksheet,
    cells: PlanCell[],
    maxRow: number,
    maxCol: number,
    batch: WriteBatch
  ): Promise<void> {
    const byRow = new Map<number, PlanCell[]>();
    for (const c of cells) {
      const list = byRow.get(c.row) ?? [];
      list.push(c);
      byRow.set(c.row, list);
    }
    const blockLimit = this.budget / BLOCK_FRACTION;
    let start = 0;
    let values: (string | number | boolean)[][] = [];
    let formats: string[][] = [];
    let size = 0;
    const emit = async () => {
      if (values.length === 0) return;
      // Number formats go with their values only where a block has any: most rows are General.
      const hasFormat = formats.some((line) => line.some((f) => f !== "General"));
      await batch.reserve(estimatePayload(values) + (hasFormat ? estimatePayload(formats) : 0));
      const range = ws.getRange(a1Range(start, 0, start + values.length - 1, maxCol));
      range.values = values;
      if (hasFormat) range.numberFormat = formats;
      start += values.length;
      values = [];
      formats = [];
      size = 0;
    };
    for (let r = 0; r <= maxRow; r++) {
      const line: (string | number | boolean)[] = new Array(maxCol + 1).fill("");
      const fmt: string[] = new Array(maxCol + 1).fill("General");
      for (const c of byRow.get(r) ?? []) {
        line[c.col] = toExcelValue(c.value);
        const numFmt = c.numFmt ?? (c.value instanceof Date ? "yyyy-mm-dd" : undefined);
        if (numFmt) fmt[c.col] = numFmt;
      }
      const rowSize = utf8Length(JSON.stringify(line)) + utf8Length(JSON.stringify(fmt));
      if (values.length > 0 && size + rowSize > blockLimit) await emit();
      values.push(line);
      formats.push(fmt);
      size += rowSize;
    }
    await emit();
  }

  private async writeFormats(
    ws: Excel.Worksheet,
    cells: PlanCell[],
    batch: WriteBatch
  ): Promise<void> {
    const styled: { row: number; col: number; key: string; item: Style }[] = [];
    const links: PlanCell[] = [];
    for (const c of cells) {
      const linked = !!c.link && this.support.links && c.value !== null && c.value !== undefined;
      if (linked) links.push(c);
      const s = styleOf(c, linked);
      if (s) styled.push({ row: c.row, col: c.col, key: JSON.stringify(s), item: s });
    }
    for (const rect of rectangles(styled)) {
      const s = rect.item;
      await batch.reserve(estimatePayload(s) * 2);
      const format = ws.getRange(a1Range(rect.top, rect.left, rect.bottom, rect.right)).format;
      if (s.fill) format.fill.color = s.fill;
      if (s.fontColor) format.font.color = s.fontColor;
      if (s.bold) format.font.bold = true;
      if (s.size) format.font.size = s.size;
      if (s.underline) format.font.underline = "Single";
      if (s.wrap) format.wrapText = true;
      if (s.align)
        format.horizontalAlignment =
          s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
      if (s.wrap || s.align) format.verticalAlignment = "Top";
    }
    for (const c of links) {
      const link: Excel.RangeHyperlink = {
        documentReference: sheetReference(c.link!.sheet, c.link!.cell),
      };
      if (typeof c.value === "string") link.textToDisplay = c.value;
      await batch.reserve(estimatePayload(link));
      ws.getRange(cellAddress(c.row, c.col)).hyperlink = link;
    }
  }

  /** Merges, sizes, panes, filters, print setup, data bars, validation, then protection last. */
  private async writeLayout(ws: Excel.Worksheet, ps: PlanSheet, batch: WriteBatch): Promise<void> {
    for (const m of ps.merges ?? []) {
      await batch.reserve(estimatePayload(m));
      ws.getRange(m).merge(false);
    }
    for (const [col, width] of (sheetColumnWidths(ps) ?? []).entries()) {
      if (!(width > 0)) continue;
      await batch.reserve(estimatePayload(width));
      const letter = columnLetters(col);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = charactersToPoints(width);
    }
    for (const [row, height] of Object.entries(ps.rowHeights ?? {})) {
      await batch.reserve(estimatePayload(height));
      ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
    }
    if (ps.freezeRows && ps.freezeRows > 0 && this.support.links)
      ws.freezePanes.freezeRows(ps.freezeRows);
    // Worksheet.autoFilter is ExcelApi 1.9, as the print setup.
    if (ps.autoFilter && this.support.pageLayout) ws.autoFilter.apply(ps.autoFilter);
    if (ps.landscape && this.support.pageLayout) {
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    }
    // The table, then each chart on pages of its own; only the table when no chart was drawn.
    const areas = ps.charts?.printAreas ?? [];
    if (areas.length && this.support.pageLayout)
      ws.pageLayout.setPrintArea((this.support.charts ? areas : areas.slice(0, 1)).join(","));
    if (this.support.dataBars) {
      for (const bar of ps.dataBars ?? []) {
        await batch.reserve(estimatePayload(bar) * 2);
        const cf = ws
          .getRange(bar.range)
          .conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
        cf.dataBar.barDirection = "LeftToRight";
        cf.dataBar.positiveFormat.fillColor = bar.color;
        cf.dataBar.positiveFormat.gradientFill = false;
      }
    }
    if (this.support.dataValidation) {
      for (const v of ps.validations ?? []) {
        await batch.reserve(estimatePayload(v) * 2);
        applyValidation(ws.getRange(v.range).dataValidation, v);
      }
    }
    for (const range of ps.unlocked ?? []) {
      await batch.reserve(estimatePayload(range));
      ws.getRange(range).format.protection.locked = false;
    }
    if (ps.protect) ws.protection.protect(TEMPLATE_PROTECTION);
  }
}

const OPERATORS: Record<
  NumericRule["operator"],
  Excel.DataValidationOperator | "Between" | "GreaterThanOrEqualTo" | "LessThanOrEqualTo"
> = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
  any: "Between",
};

export function applyValidation(target: Excel.DataValidation, v: CellValidation): void {
  if (v.kind === "list") {
    target.rule = { list: { inCellDropDown: true, source: listSource(v) } };
  } else {
    const rule = numericRule(v);
    const basic: Excel.BasicDataValidation =
      rule.operator === "any"
        ? { formula1: -1e15, formula2: 1e15, operator: "Between" }
        : rule.operator === "between"
          ? { formula1: rule.min!, formula2: rule.max!, operator: "Between" }
          : { formula1: (rule.min ?? rule.max)!, operator: OPERATORS[rule.operator] };
    target.rule = rule.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
  }
  target.ignoreBlanks = true;
  target.prompt = {
    showPrompt: true,
    title: clip(v.title, PROMPT_TITLE_MAX),
    message: clip(v.prompt, PROMPT_TEXT_MAX),
  };
  target.errorAlert = {
    showAlert: true,
    style: v.errorStyle === "stop" ? "Stop" : "Warning",
    title: clip(v.title, PROMPT_TITLE_MAX),
    // An error message is shorter than an input message: 225 characters, not 255.
    message: clip(v.error ?? v.prompt, ERROR_TEXT_MAX),
  };
}
