/**
 * The earlier file adapter, built on ExcelJS's cell model, kept for the tests only: its reading
 * is the reference the package reader's grids are compared with (test/workbook/read-xlsx.test.ts),
 * and its writing is what the package writer's outputs are compared against for lost parts.
 * The product itself reads and writes files through src/workbook/package/.
 */
import ExcelJS from "exceljs";
import type { Cell, CellValue, SheetGrid, WorkbookGrids } from "../../src/core/model/cells";
import { isCellError, parseAddress } from "../../src/core/model/cells";
import type {
  Annotation,
  CellValidation,
  PlanCell,
  PlanSheet,
  WritePlan,
} from "../../src/core/model/plan";
import { ANNOTATION_STORE_SHEET, forEachPlanCell } from "../../src/core/model/plan";
import { freeSheetName } from "../../src/core/plan/sheet-name";
import type { WorkbookPort } from "../../src/workbook/shared/port";
import { notXlsx, refuseNonPackage } from "../../src/workbook/package/open";
import { NOT_A_WORKBOOK } from "../../src/core/i18n/file-messages";
import {
  STORE_HEADER,
  StoredOriginal,
  decodeStoreRows,
  encodeStoreRow,
  normaliseAddress,
  storeKey,
} from "../../src/workbook/shared/annotation-store";
import {
  PROMPT_TEXT_MAX,
  PROMPT_TITLE_MAX,
  clip,
  listSource,
  numericRule,
} from "../../src/workbook/shared/validation";

type XCell = ExcelJS.Cell;
type XSheet = ExcelJS.Worksheet;

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB". */
function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** A plain solid fill as "#RRGGBB", or null when the fill is none or not a plain RGB solid. */
function solidColour(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const c = fill.fgColor?.argb;
  return c && /^[0-9A-Fa-f]{8}$/.test(c) ? `#${c.slice(2).toUpperCase()}` : null;
}

function noteText(note: XCell["note"] | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * ExcelJS has no public way to remove a note: a cell keeps it in `_comment` (as its own row
 * splicing does) and caches it on its value's model once the cell has been serialised.
 */
function removeNote(cell: XCell): void {
  const internal = cell as unknown as {
    _comment?: unknown;
    _value?: { model?: { comment?: unknown } };
  };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

/**
 * ExcelJS shares one style object between all cells loaded with the same style, so a style must be
 * replaced, never mutated, or the change would spread to unrelated cells.
 */
function restyle(cell: XCell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

function richTextToString(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join("");
}

/** A cell's result (or value) as the core's CellValue. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return richTextToString(o as { richText: { text: string }[] });
    if ("hyperlink" in o) {
      const t = o.text;
      if (t && typeof t === "object" && Array.isArray((t as Record<string, unknown>).richText)) {
        return richTextToString(t as { richText: { text: string }[] });
      }
      return t === undefined || t === null ? null : String(t);
    }
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  }
  return null;
}

function readCell(cell: XCell): Cell | undefined {
  // A merged cell that is not the master holds no value of its own.
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const raw = cell.value as unknown;
  // A shared-string cell whose string table is missing holds the table's index, not its text: the
  // text is lost, and reading the index as a number would invent a figure.
  if (cell.type === ExcelJS.ValueType.String && typeof raw === "number") return undefined;
  const isFormula =
    raw !== null &&
    typeof raw === "object" &&
    ("formula" in (raw as object) || "sharedFormula" in (raw as object));
  const value = plainValue(raw);
  if (value === null && !isFormula) return undefined;
  const out: Cell = { value };
  const fmt = cell.numFmt;
  if (fmt && fmt !== "General") out.numFmt = fmt;
  if (isFormula) {
    const f = cell.formula;
    if (f) out.formula = f;
  }
  return out;
}

function readSheet(ws: XSheet): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = readCell(cell);
      if (c) cells[colNumber - 1] = c;
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  // Dense outer array: holes become empty rows, so callers can iterate without surprises.
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const grid: SheetGrid = { name: ws.name, rows };
  if (ws.state === "hidden" || ws.state === "veryHidden") grid.hidden = true;
  return grid;
}

/** "'Sheet name'!A1", quotes in the name doubled as Excel wants. */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${normaliseAddress(cell)}`;
}

/** A string literal inside a formula: the text stays data, it is never evaluated. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Excel refuses string literals longer than this inside a formula. */
const MAX_FORMULA_STRING = 255;

/**
 * An internal link as a HYPERLINK formula. ExcelJS 4.4 writes a `{text, hyperlink: "#…"}` value as
 * an external relationship *and* a location, which Excel and WPS turn into a broken address; the
 * formula form jumps to the cell in Excel, WPS and LibreOffice alike.
 */
function linkFormula(text: string, sheet: string, cell: string): ExcelJS.CellFormulaValue | null {
  const target = `#${sheetReference(sheet, cell)}`;
  if (text.length > MAX_FORMULA_STRING || target.length > MAX_FORMULA_STRING) return null;
  return {
    formula: `HYPERLINK(${formulaString(target)},${formulaString(text)})`,
    result: text,
    date1904: false,
  };
}

/** The cell style a plan cell asks for; null when it asks for none. */
function planStyle(pc: PlanCell, link: boolean): Partial<ExcelJS.Style> | null {
  const style: Partial<ExcelJS.Style> = {};
  if (pc.numFmt) style.numFmt = pc.numFmt;
  if (pc.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(pc.fill) } };
  if (pc.fontColor || pc.bold || pc.size || link) {
    const font: Partial<ExcelJS.Font> = {};
    if (pc.bold) font.bold = true;
    if (pc.size) font.size = pc.size;
    if (pc.fontColor) font.color = { argb: argb(pc.fontColor) };
    else if (link) font.color = { argb: "FF0563C1" }; // Excel's own hyperlink blue
    if (link) font.underline = true;
    style.font = font;
  }
  if (pc.wrap || pc.align) {
    const alignment: Partial<ExcelJS.Alignment> = { vertical: "top" };
    if (pc.wrap) alignment.wrapText = true;
    if (pc.align) alignment.horizontal = pc.align;
    style.alignment = alignment;
  }
  return Object.keys(style).length > 0 ? style : null;
}

/**
 * One style object per distinct look, shared by all cells that have it: ExcelJS recognises a style
 * object it has seen and skips re-encoding it, which matters for sheets of 100,000 cells. Shared
 * styles are safe because this adapter replaces a cell's style and never mutates it (see restyle).
 */
type StyleCache = Map<string, Partial<ExcelJS.Style> | null>;

function sharedStyle(
  cache: StyleCache,
  pc: PlanCell,
  link: boolean
): Partial<ExcelJS.Style> | null {
  const key = `${pc.numFmt ?? ""}|${pc.fill ?? ""}|${pc.fontColor ?? ""}|${pc.bold ? 1 : 0}|${pc.size ?? ""}|${link ? 1 : 0}|${pc.wrap ? 1 : 0}|${pc.align ?? ""}`;
  let style = cache.get(key);
  if (style === undefined) {
    style = planStyle(pc, link);
    cache.set(key, style);
  }
  return style;
}

function writePlanCell(ws: XSheet, pc: PlanCell, styles: StyleCache): void {
  const cell = ws.getCell(pc.row + 1, pc.col + 1);
  const v = pc.value;
  const link =
    pc.link && v !== null && v !== undefined
      ? linkFormula(
          v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
          pc.link.sheet,
          pc.link.cell
        )
      : null;
  if (link) {
    cell.value = link;
  } else {
    // A string is stored as a shared string: ExcelJS never turns "=…" text into a formula.
    cell.value = v === undefined ? null : v;
  }
  const style = sharedStyle(styles, pc, link !== null);
  if (!style) return;
  // A cell of a fresh sheet has no style of its own and takes the shared one as it is.
  if (Object.keys(cell.style ?? {}).length === 0) cell.style = style;
  else restyle(cell, style);
}

function dataValidation(v: CellValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    prompt: clip(v.prompt, PROMPT_TEXT_MAX),
    promptTitle: clip(v.title, PROMPT_TITLE_MAX) || undefined,
    showErrorMessage: true,
    errorStyle: v.errorStyle ?? "warning",
    error: v.error ? clip(v.error, PROMPT_TEXT_MAX) : undefined,
  };
  if (v.kind === "list") return { ...common, type: "list", formulae: [`"${listSource(v)}"`] };
  const rule = numericRule(v);
  if (rule.operator === "any")
    return { ...common, type: rule.type, operator: "between", formulae: [-1e15, 1e15] };
  const formulae = rule.operator === "between" ? [rule.min, rule.max] : [rule.min ?? rule.max];
  return { ...common, type: rule.type, operator: rule.operator, formulae };
}

/** Every cell of an A1 range such as "G5:H9". */
function eachCellOf(ws: XSheet, range: string, fn: (cell: XCell) => void): void {
  const [a, b] = range.split(":");
  const from = parseAddress(a);
  const to = b ? parseAddress(b) : from;
  for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
    for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++)
      fn(ws.getCell(r + 1, c + 1));
  }
}

async function fillSheet(ws: XSheet, ps: PlanSheet): Promise<void> {
  const styles: StyleCache = new Map();
  forEachPlanCell(ps, (pc) => writePlanCell(ws, pc, styles));
  (ps.columnWidths ?? []).forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of Object.entries(ps.rowHeights ?? {}))
    ws.getRow(Number(row) + 1).height = height;
  for (const range of ps.merges ?? []) ws.mergeCells(range);
  if (ps.autoFilter) ws.autoFilter = ps.autoFilter;
  if (ps.freezeRows && ps.freezeRows > 0) {
    ws.views = [
      { state: "frozen", xSplit: 0, ySplit: ps.freezeRows, topLeftCell: `A${ps.freezeRows + 1}` },
    ];
  }
  if (ps.landscape) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
  for (const bar of ps.dataBars ?? []) {
    ws.addConditionalFormatting({
      ref: bar.range,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(bar.color) },
          gradient: false,
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  // ExcelJS keeps validations by address; a range key is written as one rule over the range.
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of ps.validations ?? [])
    validations.add(v.range.replace(/\$/g, ""), dataValidation(v));
  for (const range of ps.unlocked ?? [])
    eachCellOf(ws, range, (cell) => restyle(cell, { protection: { locked: false } }));
  if (ps.protect) await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}

export class ExcelJsWorkbook implements WorkbookPort {
  private constructor(private readonly wb: ExcelJS.Workbook) {}

  /** Loads a .xlsx file; rejects with a one-line bilingual Error when the bytes are not one. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const bytes = toBytes(data);
    refuseNonPackage(bytes);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    } catch (e) {
      throw notXlsx(NOT_A_WORKBOOK.damaged, (e as Error)?.message);
    }
    if (wb.worksheets.length === 0) throw notXlsx(NOT_A_WORKBOOK.noWorksheet);
    return new ExcelJsWorkbook(wb);
  }

  static empty(): ExcelJsWorkbook {
    return new ExcelJsWorkbook(new ExcelJS.Workbook());
  }

  async toBuffer(): Promise<Uint8Array> {
    this.forgetStyleIds();
    // Fastest deflate level: a quarter less time for a file about a sixth bigger, which matters
    // for a workbook of many thousand rows and not at all for its size on disk.
    const out = await this.wb.xlsx.writeBuffer({
      zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
    });
    return new Uint8Array(out as unknown as ArrayBuffer);
  }

  /** Sheet names in tab order, the annotation store included. */
  sheetNames(): string[] {
    return this.wb.worksheets.map((ws) => ws.name);
  }

  async readSheets(names?: string[]): Promise<WorkbookGrids> {
    const wanted = names ? new Set(names) : null;
    const sheets = this.wb.worksheets
      .filter((ws) => ws.name !== ANNOTATION_STORE_SHEET && (!wanted || wanted.has(ws.name)))
      .map(readSheet);
    return { sheets };
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    // Check everything before writing anything, so a bad plan leaves the workbook as it was.
    for (const a of plan.annotations) {
      if (!this.wb.getWorksheet(a.sheet))
        throw new Error(`标注的工作表不存在 / annotated sheet not found: ${a.sheet}`);
      parseAddress(a.cell);
    }
    for (const ps of plan.sheets) {
      if (ps.name === ANNOTATION_STORE_SHEET)
        throw new Error(`不能写入内部工作表 / reserved sheet name: ${ps.name}`);
    }

    const names = new Map<string, string>();
    for (const ps of plan.sheets) {
      // 'create' sheets never replace one of the same name: they take a free name beside it.
      const name = ps.mode === "create" ? freeSheetName(ps.name, this.sheetNames()) : ps.name;
      names.set(ps.name, name);
      await fillSheet(
        ps.mode === "create" ? this.wb.addWorksheet(name) : this.replaceSheet(name),
        ps
      );
    }
    if (plan.annotations.length > 0 || (plan.replaceAnnotations ?? []).length > 0) {
      this.annotate(plan.annotations, new Set(plan.replaceAnnotations ?? []));
    }
    if (plan.activate) this.activate(names.get(plan.activate) ?? plan.activate);
  }

  async clearAnnotations(sheet?: string): Promise<void> {
    const stored = this.readStore();
    if (stored.length === 0) return;
    const keep: StoredOriginal[] = [];
    for (const o of stored) {
      const ws = this.wb.getWorksheet(o.sheet);
      if (sheet !== undefined && o.sheet !== sheet) {
        keep.push(o);
        continue;
      }
      if (ws) this.restore(ws.getCell(o.cell), o);
    }
    this.writeStore(keep);
  }

  async appendRows(sheet: string, header: string[], rows: CellValue[][]): Promise<void> {
    let ws = this.wb.getWorksheet(sheet);
    if (!ws) {
      ws = this.wb.addWorksheet(sheet);
      header.forEach((h, c) => (ws!.getCell(1, c + 1).value = h));
    }
    let next = Math.max(ws.rowCount, ws.actualRowCount) + 1;
    for (const row of rows) {
      row.forEach((v, c) => {
        ws!.getCell(next, c + 1).value = isCellError(v)
          ? { error: v.error as ExcelJS.CellErrorValue["error"] }
          : v;
      });
      next++;
    }
  }

  // --- internals -------------------------------------------------------------------------

  /**
   * ExcelJS caches each cell's style id from the previous save on the cell and only overwrites it
   * with a non-default id, so a cell whose style went back to the default (a cleared mark) would be
   * saved a second time with its old style. Dropping the cached ids makes every save start afresh.
   */
  private forgetStyleIds(): void {
    for (const ws of this.wb.worksheets) {
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const model = (cell as unknown as { _value?: { model?: { styleId?: number } } })._value
            ?.model;
          if (model) delete model.styleId;
        });
      });
    }
  }

  /** Removes a sheet of that name (keeping its tab position) and adds an empty one in its place. */
  private replaceSheet(name: string): XSheet {
    // ExcelJS orders tabs by the (untyped) orderNo of each sheet.
    const old = this.wb.getWorksheet(name) as (XSheet & { orderNo: number }) | undefined;
    const orderNo = old?.orderNo;
    if (old) this.wb.removeWorksheet(old.id);
    const ws = this.wb.addWorksheet(name) as XSheet & { orderNo: number };
    if (orderNo !== undefined) ws.orderNo = orderNo;
    return ws;
  }

  private activate(name: string): void {
    const sheets = this.wb.worksheets;
    const index = sheets.findIndex((ws) => ws.name === name);
    if (index < 0) return;
    for (const ws of sheets) {
      if (ws.name === ANNOTATION_STORE_SHEET) continue;
      const view = (ws.views ?? [])[0] ?? {};
      ws.views = [{ ...view, tabSelected: ws.name === name } as unknown as ExcelJS.WorksheetView];
    }
    const base = (this.wb.views ?? [])[0] ?? {
      x: 0,
      y: 0,
      width: 12000,
      height: 24000,
      visibility: "visible",
    };
    this.wb.views = [{ ...base, activeTab: index, firstSheet: 0 } as ExcelJS.WorkbookView];
  }

  /** Marks cells; on the `replace` sheets, cells marked before and not now get their own look back. */
  private annotate(annotations: Annotation[], replace: Set<string>): void {
    const marked = new Set(
      annotations.map((a) =>
        storeKey(
          a.sheet,
          this.wb.getWorksheet(a.sheet)!.getCell(normaliseAddress(a.cell)).master.address
        )
      )
    );
    const stored: StoredOriginal[] = [];
    for (const o of this.readStore()) {
      const ws = this.wb.getWorksheet(o.sheet);
      if (replace.has(o.sheet) && !marked.has(storeKey(o.sheet, o.cell))) {
        if (ws) this.restore(ws.getCell(o.cell), o);
      } else stored.push(o);
    }
    const known = new Set(stored.map((o) => storeKey(o.sheet, o.cell)));
    for (const a of annotations) {
      const ws = this.wb.getWorksheet(a.sheet)!;
      const cell = ws.getCell(normaliseAddress(a.cell)).master;
      const key = storeKey(a.sheet, cell.address);
      if (!known.has(key)) {
        // Keep the cell's own look once, before the first mark; later marks must not overwrite it.
        known.add(key);
        stored.push(this.original(a.sheet, cell));
      }
      restyle(cell, {
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(a.fill) } },
      });
      cell.note = a.note;
    }
    this.writeStore(stored);
  }

  private original(sheet: string, cell: XCell): StoredOriginal {
    const fill = cell.style?.fill;
    const note = cell.note;
    return {
      sheet,
      cell: cell.address,
      fill: solidColour(fill),
      note: noteText(note),
      detail: JSON.stringify({ fill: fill ?? null, note: note ?? null }),
    };
  }

  private restore(cell: XCell, o: StoredOriginal): void {
    let fill: ExcelJS.Fill | null = null;
    let note: XCell["note"] | null = null;
    let exact = false;
    if (o.detail) {
      try {
        const d = JSON.parse(o.detail) as { fill: ExcelJS.Fill | null; note: XCell["note"] | null };
        fill = d.fill;
        note = d.note;
        exact = true;
      } catch {
        exact = false; // a hand-edited store: fall back to the portable columns below
      }
    }
    if (!exact) {
      fill = o.fill ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(o.fill) } } : null;
      note = o.note;
    }
    const style = { ...cell.style };
    if (fill) style.fill = fill;
    else delete style.fill;
    cell.style = style;
    if (note === null || note === undefined) removeNote(cell);
    else cell.note = note;
  }

  private readStore(): StoredOriginal[] {
    const ws = this.wb.getWorksheet(ANNOTATION_STORE_SHEET);
    if (!ws) return [];
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values: CellValue[] = [];
      for (let c = 1; c <= STORE_HEADER.length; c++) values.push(plainValue(row.getCell(c).value));
      rows.push(values);
    });
    return decodeStoreRows(rows);
  }

  /** Rewrites the store whole (it is the product's own sheet); removes it when nothing is left. */
  private writeStore(entries: StoredOriginal[]): void {
    const old = this.wb.getWorksheet(ANNOTATION_STORE_SHEET);
    if (entries.length === 0) {
      if (old) this.wb.removeWorksheet(old.id);
      return;
    }
    const ws = this.replaceSheet(ANNOTATION_STORE_SHEET);
    ws.state = "veryHidden";
    ws.addRow(STORE_HEADER);
    for (const e of entries) ws.addRow(encodeStoreRow(e));
  }
}
