/**
 * The core's view of a workbook: plain grids of cells, as any host can produce them.
 * Rows and columns are 0-based in the arrays; addresses shown to people are A1 style.
 */

/** An Excel error value such as #DIV/0! or #N/A. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface Cell {
  value: CellValue;
  /** Excel number format code, e.g. "0.00%"; absent means General. */
  numFmt?: string;
  /** The formula text without "=", when the cell holds one (value is then its cached result). */
  formula?: string;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c]; missing rows or cells are empty. */
  rows: (Cell | undefined)[][];
  hidden?: boolean;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

export function columnLetters(col: number): string {
  // An address is built for every cell read and every finding: the first columns' letters are kept.
  if (col >= 0 && col < KEPT_COLUMNS) return (keptLetters[col] ??= lettersOf(col));
  return lettersOf(col);
}

const KEPT_COLUMNS = 256;
const keptLetters: string[] = [];

function lettersOf(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of a 0-based (row, col). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based (row, col) of an A1-style address; throws on a malformed address. */
export function parseAddress(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) throw new Error(`not a cell address: ${addr}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function getCell(grid: SheetGrid, row: number, col: number): Cell | undefined {
  const r = grid.rows[row];
  return r ? r[col] : undefined;
}

/** True when cellText would be '' (a figure is never blank: its text is not built to find out). */
export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  const v = cell.value;
  if (typeof v === "number" || typeof v === "boolean") return false;
  if (typeof v === "string") return v.trim() === "";
  return cellText(cell) === "";
}

/** The text a person sees in a cell, trimmed; '' for empty. Numbers use plain JS formatting. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return "";
  const v = cell.value;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return "";
}
