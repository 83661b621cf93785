/**
 * The workbook the WPS double holds, and how WPS 表格 treats what is typed or written into a
 * cell. Plain TypeScript without Node: the same files run in jest and, bundled, in the browser
 * test of the pane (test/taskpane/wps.e2e.test.ts). What each rule rests on is in docs/wps.md.
 */
import { cellAddress, columnLetters, parseAddress } from "../../src/core/model/cells";

export class WpsDoubleError extends Error {
  constructor(message: string) {
    super(`WPS double: ${message}`);
    this.name = "WpsDoubleError";
  }
}

export interface WCell {
  value?: string | number | boolean;
  /** An error value such as "#DIV/0!". */
  error?: string;
  /** With "=". */
  formula?: string;
  numFmt?: string;
  /** BGR; absent means no fill. */
  fill?: number;
  fontColor?: number;
  bold?: boolean;
  size?: number;
  underline?: number;
  wrap?: boolean;
  hAlign?: number;
  vAlign?: number;
  locked?: boolean;
  validation?: WValidation;
}

export interface WValidation {
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2?: string;
  props: Record<string, unknown>;
}

export interface WProtection {
  password?: string;
  drawingObjects: boolean;
  allowFormattingCells: boolean;
  allowFormattingColumns: boolean;
  allowFormattingRows: boolean;
}

export interface WSheet {
  name: string;
  visible: number;
  cells: Map<string, WCell>;
  merges: string[];
  /** Characters of the standard font, by 0-based column. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Comments (批注) by A1 address. */
  comments: Map<string, string>;
  freezeRows: number;
  autoFilter: string | null;
  orientation: number;
  fitToPagesWide: number | boolean;
  /** PageSetup.PrintArea as set ("" for none). */
  printArea: string;
  dataBars: { range: string; color: number; fill?: number }[];
  protection: WProtection | null;
}

/** Which optional parts of the model this WPS has (an older WPS lacks some). */
export interface WpsFeatures {
  comments: boolean;
  validation: boolean;
  dataBars: boolean;
}

export const ALL_FEATURES: WpsFeatures = { comments: true, validation: true, dataBars: true };

export const key = (row: number, col: number) => `${row},${col}`;

export function newSheet(name: string): WSheet {
  return {
    name,
    visible: -1,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    comments: new Map(),
    freezeRows: 0,
    autoFilter: null,
    orientation: 1,
    fitToPagesWide: false,
    printArea: "",
    dataBars: [],
    protection: null,
  };
}

/** A rectangle of 0-based rows and columns, inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function parseArea(text: string): Box {
  const part = text.replace(/\$/g, "").trim().toUpperCase();
  const [a, b = a] = part.split(":");
  if (/^[A-Z]+$/.test(a) && /^[A-Z]+$/.test(b)) {
    const l = parseAddress(`${a}1`).col;
    const r = parseAddress(`${b}1`).col;
    return { top: 0, bottom: MAX_ROW, left: Math.min(l, r), right: Math.max(l, r) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const t = Number(a) - 1;
    const u = Number(b) - 1;
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COL };
  }
  if (!/^[A-Z]{1,3}\d+$/.test(a) || !/^[A-Z]{1,3}\d+$/.test(b))
    throw new WpsDoubleError(`Range("${text}"): not an address`);
  const p = parseAddress(a);
  const q = parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
}

/**
 * The areas of an address such as "A1:C3" or "B4,B11,D4". Range() takes at most 255 characters
 * (a limit of the VBA object model WPS follows; docs/wps.md).
 */
export function parseAreas(address: string): Box[] {
  if (address.length > 255)
    throw new WpsDoubleError(`Range(): an address of ${address.length} characters (at most 255)`);
  return address.split(",").map(parseArea);
}

export function boxAddress(b: Box): string {
  const whole = b.bottom === MAX_ROW ? "cols" : b.right === MAX_COL ? "rows" : null;
  if (whole === "cols") return `${columnLetters(b.left)}:${columnLetters(b.right)}`;
  if (whole === "rows") return `${b.top + 1}:${b.bottom + 1}`;
  const a = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${cellAddress(b.bottom, b.right)}`;
}

export function eachCell(areas: Box[], fn: (row: number, col: number) => void): void {
  for (const b of areas)
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(r, c);
}

/** The error values of cells, as the VBA object model numbers them (xlErrDiv0 = 2007 …). */
export const ERROR_CODES: Record<string, number> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
};
/** An error value as it crosses into JavaScript: the COM error code 0x800A0000 + xlErr… */
export const errorToValue2 = (error: string) => (ERROR_CODES[error] ?? 2015) - 2146828288;

function serialOfIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return t / 86_400_000 + 25_569;
}

/** The cached result of the few formulas the product writes (HYPERLINK): its friendly name. */
function formulaResult(formula: string): string | number | undefined {
  const m = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/i.exec(formula);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/**
 * What a cell holds once a value is written to it through Value2: WPS, like Excel, reads a string
 * as if it were typed — "=…" (and "+…", "@…" followed by a formula) becomes a formula, "12.5" and
 * "1.42%" numbers, "2022-09-30" a date, "TRUE" a boolean — unless it starts with an apostrophe,
 * which keeps the rest as text.
 */
export function typeInto(cell: WCell, v: unknown): void {
  delete cell.value;
  delete cell.error;
  delete cell.formula;
  if (v === null || v === undefined || v === "") return;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  if (typeof v !== "string") throw new WpsDoubleError(`Value2 = ${typeof v}: not a cell value`);
  if (v.startsWith("'")) {
    if (v.length > 1) cell.value = v.slice(1);
    return;
  }
  if (/^[=+@]./.test(v) && /^[=@]|^\+[A-Za-z(]/.test(v)) {
    cell.formula = `=${v.replace(/^[=+@]/, "")}`;
    const result = formulaResult(cell.formula);
    if (result !== undefined) cell.value = result;
    return;
  }
  const trimmed = v.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) cell.value = Number(trimmed);
  else if (/^[-+]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) {
    cell.value = Number(trimmed.slice(0, -1)) / 100;
    cell.numFmt ??= "0.00%";
  } else if (/^(TRUE|FALSE)$/i.test(trimmed)) cell.value = /^TRUE$/i.test(trimmed);
  else if (serialOfIsoDate(trimmed) !== null) {
    cell.value = serialOfIsoDate(trimmed)!;
    cell.numFmt ??= "yyyy/m/d";
  } else cell.value = v;
}

/** True when the cell holds a value or a formula (format alone does not count). */
export function hasContent(c: WCell | undefined): boolean {
  return !!c && (c.value !== undefined || c.error !== undefined || c.formula !== undefined);
}

/** Anything at all: content, format, validation. Such a cell is part of the used range. */
export function isUsed(c: WCell): boolean {
  return Object.keys(c).length > 0;
}
