/**
 * The workbook the Excel API double holds: sheets, cells and what Excel enforces on them
 * (sheet and workbook protection, cell-edit mode, a note or a comment per cell). The request
 * context and proxies that reach it are in excel-double.ts.
 */
import { cellAddress, parseAddress } from "../../src/core/model/cells";

export class ExcelDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
  }
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface DCell {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  numFmt?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  underline?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  link?: { documentReference?: string; address?: string; textToDisplay?: string };
  /** Cells are locked unless unlocked (it matters once the sheet is protected). */
  locked?: boolean;
  validation?: DValidation;
}

export interface DValidation {
  rule?: Record<string, unknown>;
  prompt?: { showPrompt: boolean; title?: string; message?: string };
  errorAlert?: { showAlert: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

export interface DDataBar {
  range: string;
  direction?: string;
  fillColor?: string;
  gradientFill?: boolean;
}

/** Excel.WorksheetProtectionOptions, as far as the product uses them. */
export type ProtectionOptions = Partial<
  Record<
    | "allowFormatCells"
    | "allowFormatColumns"
    | "allowFormatRows"
    | "allowEditObjects"
    | "allowInsertHyperlinks"
    | "allowAutoFilter",
    boolean
  >
>;

export interface DSheet {
  name: string;
  visibility: Visibility;
  cells: Map<string, DCell>;
  merges: string[];
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row. */
  rowHeights: Map<number, number>;
  freezeRows: number;
  autoFilter: string | null;
  orientation: "Portrait" | "Landscape";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  dataBars: DDataBar[];
  /** Notes (the old-style cell comments), by A1 address. */
  notes: Map<string, string>;
  /** Threaded comments. */
  comments: { id: string; cell: string; content: string }[];
  protected: boolean;
  protectionOptions: ProtectionOptions;
  /** Set when the user protected the sheet with a password. */
  password?: string;
  charts: DChart[];
  /** PageLayout.setPrintArea's ranges, as given. */
  printArea: string | null;
}

/** A chart series as the double records it: its ranges (as "'Sheet'!A1:A5") and looks. */
export interface DChartSeries {
  name: string;
  values: string | null;
  categories: string | null;
  chartType?: string;
  fill?: string;
  line?: string;
  lineStyle?: string;
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  hasDataLabels?: boolean;
  dataLabels?: { showValue?: boolean; numberFormat?: string; position?: string };
  gapWidth?: number;
  overlap?: number;
}

export interface DChartAxis {
  title?: string;
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  numberFormat?: string;
  visible?: boolean;
  reversePlotOrder?: boolean;
  tickLabelSpacing?: number;
  textOrientation?: number;
  position?: string;
}

/** A chart on a sheet (Excel.Chart), with the calls that made it. */
export interface DChart {
  name: string;
  type: string;
  /** The range it was added over, and how that range was split into series. */
  source: string;
  seriesBy: string;
  title?: string;
  titleFont: { size?: number; bold?: boolean };
  fontSize?: number;
  legend: { visible: boolean; position?: string };
  plotVisibleOnly: boolean;
  axes: { category: DChartAxis; value: DChartAxis };
  series: DChartSeries[];
  /** setPosition's cells: the chart covers start to end. */
  position: { start: string; end: string } | null;
}

export const cellKey = (row: number, col: number) => `${row},${col}`;

export function newSheet(name: string): DSheet {
  return {
    name,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freezeRows: 0,
    autoFilter: null,
    orientation: "Portrait",
    zoom: {},
    dataBars: [],
    notes: new Map(),
    comments: [],
    protected: false,
    protectionOptions: {},
    charts: [],
    printArea: null,
  };
}

export class WorkbookModel {
  sheets: DSheet[] = [];
  active = 0;
  /** Review › Protect Workbook: no sheet can be added, deleted, renamed, moved, hidden or shown. */
  structureProtected = false;
  /** Set while the user is typing in a cell; Excel then refuses batches not made to wait. */
  private editing: { done: Promise<void>; end: () => void } | null = null;
  /** Fails the first queued action whose label this returns true for (a lost connection, a crash). */
  failOn: ((label: string) => boolean) | null = null;
  private commentIds = 0;

  sheet(name: string): DSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  add(name: string): DSheet {
    this.guardStructure("add a sheet");
    if (this.sheet(name))
      throw new ExcelDoubleError("ItemAlreadyExists", `a sheet named ${name} exists`);
    if (name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new ExcelDoubleError("InvalidArgument", `bad sheet name ${name}`);
    const s = newSheet(name);
    this.sheets.push(s);
    return s;
  }

  cell(sheet: DSheet, row: number, col: number): DCell {
    let c = sheet.cells.get(cellKey(row, col));
    if (!c) {
      c = {};
      sheet.cells.set(cellKey(row, col), c);
    }
    return c;
  }

  nextCommentId(): string {
    return `c${++this.commentIds}`;
  }

  guardStructure(what: string): void {
    if (this.structureProtected)
      throw new ExcelDoubleError(
        "InvalidOperation",
        `cannot ${what}: the workbook structure is protected`
      );
  }

  // --- cell-edit mode ------------------------------------------------------------------------

  get inCellEdit(): boolean {
    return this.editing !== null;
  }

  /** The user starts typing in a cell. */
  startCellEdit(): void {
    if (this.editing) return;
    let end = () => undefined as void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.editing = { done, end };
  }

  /** The user presses Enter. */
  endCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.end();
  }

  /** Resolves when the user leaves cell-edit mode (at once when not editing). */
  cellEditEnded(): Promise<void> {
    return this.editing?.done ?? Promise.resolve();
  }
}

// ---------------------------------------------------------------------------------------------
// Protection, as Excel enforces it on a protected sheet (Excel.WorksheetProtectionOptions,
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions): formatting
// cells — even unlocked ones — needs allowFormatCells, notes and comments need allowEditObjects,
// column widths and row heights allowFormatColumns / allowFormatRows, and values only go into
// unlocked cells.

export type Guarded =
  | "formatCells"
  | "editObjects"
  | "formatColumns"
  | "formatRows"
  | "hyperlinks"
  | "autoFilter"
  | "structure";

const OPTION: Record<Exclude<Guarded, "structure">, keyof ProtectionOptions> = {
  formatCells: "allowFormatCells",
  editObjects: "allowEditObjects",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
  hyperlinks: "allowInsertHyperlinks",
  autoFilter: "allowAutoFilter",
};

/** Throws as Excel does when `what` is not allowed on the protected sheet. */
export function guard(sheet: DSheet, what: Guarded): void {
  if (!sheet.protected) return;
  if (what !== "structure" && sheet.protectionOptions[OPTION[what]]) return;
  throw new ExcelDoubleError("AccessDenied", `${what} on the protected sheet ${sheet.name}`);
}

/** Values can be written into unlocked cells only, on a protected sheet. */
export function guardValues(box: Box): void {
  if (!box.sheet.protected) return;
  eachCell(box, (r, c) => {
    if (box.sheet.cells.get(cellKey(r, c))?.locked !== false) {
      throw new ExcelDoubleError(
        "AccessDenied",
        `${cellAddress(r, c)} is locked on the protected sheet ${box.sheet.name}`
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Excel's parsing of a value written as a string (what typing it into a cell does)

export function parseWritten(s: string, cell: DCell): void {
  delete cell.value;
  delete cell.error;
  delete cell.formula;
  if (s === "") return;
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  const numeric = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(%)?$/.exec(s.trim());
  if (numeric) {
    const n = Number(s.trim().replace(/[,%]/g, ""));
    cell.value = numeric[4] ? n / 100 : n;
    if (numeric[4] && !cell.numFmt) cell.numFmt = "0%";
    return;
  }
  if (/^(=|\+|-|@)/.test(s)) {
    cell.formula = s.replace(/^[=@]/, "");
    cell.error = "#NAME?";
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.value = /^true$/i.test(s);
    return;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (date) {
    cell.value = (Date.UTC(+date[1], +date[2] - 1, +date[3]) - Date.UTC(1899, 11, 30)) / 86_400_000;
    cell.numFmt = "yyyy-mm-dd";
    return;
  }
  cell.value = s;
}

// ---------------------------------------------------------------------------------------------
// Ranges

export interface Box {
  sheet: DSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

export function parseBox(sheet: DSheet, address?: string): Box {
  if (address === undefined) return { sheet, top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const col = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (col) {
    const a = parseAddress(`${col[1]}1`).col;
    const b = parseAddress(`${col[2]}1`).col;
    return { sheet, top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { sheet, top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COL };
  }
  const [first, second] = local.split(":");
  try {
    const a = parseAddress(first);
    const b = second ? parseAddress(second) : a;
    return {
      sheet,
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
  } catch {
    throw new ExcelDoubleError("InvalidArgument", `bad address ${address}`);
  }
}

function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function boxAddress(b: Box): string {
  const a = cellAddress(b.top, b.left);
  const z = cellAddress(b.bottom, b.right);
  return `${quoted(b.sheet.name)}!${a === z ? a : `${a}:${z}`}`;
}

export function eachCell(b: Box, fn: (row: number, col: number) => void): void {
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(r, c);
}

export function boxRows(b: Box): number {
  return b.bottom - b.top + 1;
}
export function boxCols(b: Box): number {
  return b.right - b.left + 1;
}

export function usedBox(sheet: DSheet, valuesOnly: boolean): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    const hasValue = c.value !== undefined || c.error !== undefined || c.formula !== undefined;
    const hasFormat = !!(
      c.fill ||
      c.fontColor ||
      c.bold ||
      c.numFmt ||
      c.wrap ||
      c.hAlign ||
      c.size ||
      c.link
    );
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [r, col] = k.split(",").map(Number);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  return bottom < 0 ? null : { sheet, top, left, bottom, right };
}
