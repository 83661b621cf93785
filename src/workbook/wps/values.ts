/** Values, colours and addresses between the core and WPS 表格's object model (docs/wps.md). */
import type { Cell, CellValue } from "../../core/model/cells";
import { excelSerialToDate, isDateFormat } from "../number-format";

/**
 * "#RRGGBB" as the object model's colour: a BGR long, red + green × 256 + blue × 65536, as VBA's
 * RGB function makes it (https://learn.microsoft.com/office/vba/language/reference/user-interface-help/rgb-function).
 */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a colour: ${hex}`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}

export function bgrToHex(bgr: number): string {
  const n = Number(bgr) >>> 0;
  return `#${[n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff]
    .map((x) => x.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}

/** Excel's error values by their xlErr number (https://learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values). */
const ERRORS: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
};
/** 0x800A0000: an error value crosses into JavaScript as this COM code plus its xlErr number. */
const COM_ERROR_BASE = -2146828288;
const ERROR_TEXTS = new Set(Object.values(ERRORS));

/**
 * The error a Value2 stands for, or null. WPS hands error values over as numeric COM codes
 * (#DIV/0! = -2146826281); a formula's result given as the error's text is taken too, since the
 * binding's form is a point to check with WPS (docs/wps.md).
 */
export function errorOf(value: unknown, hasFormula: boolean): string | null {
  if (typeof value === "number") return ERRORS[value - COM_ERROR_BASE] ?? null;
  if (typeof value === "string" && hasFormula && ERROR_TEXTS.has(value)) return value;
  return null;
}

/**
 * Rows of a Value2 or Formula read: WPS answers a scalar for one cell and rows of values for a
 * block; a one-dimensional answer for a single row or column is taken too.
 */
export function toRows(v: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length > 0 && !Array.isArray(v[0])) {
    if (rows === 1 || cols !== 1) return [v];
    return v.map((x) => [x]);
  }
  return v as unknown[][];
}

/** One cell read from WPS: Value2, the Formula text ("=…" for a formula), its number format. */
export function fromEt(
  value: unknown,
  formula: unknown,
  format: string | undefined
): Cell | undefined {
  // Text typed as '=abc reads back as "=abc" from Value2 and Formula alike; a formula differs from its result.
  const f =
    typeof formula === "string" && formula.startsWith("=") && formula !== value
      ? formula.slice(1)
      : undefined;
  const empty = value === null || value === undefined || value === "";
  if (empty && !f) return undefined;
  const error = errorOf(value, f !== undefined);
  let v: CellValue;
  if (error) v = { error };
  else if (typeof value === "number") v = isDateFormat(format) ? excelSerialToDate(value) : value;
  else if (typeof value === "boolean") v = value;
  else if (empty) v = null;
  else v = String(value);
  const cell: Cell = { value: v };
  if (format && format !== "General" && typeof v === "number") cell.numFmt = format;
  if (f) cell.formula = f;
  return cell;
}

/** Range addresses joined with "," stay under this length (Range() takes at most 255 characters). */
export const ADDRESS_LIMIT = 255;

/** Cell addresses grouped into multi-area addresses ("B4,B11,D7") that each fit in one Range() call. */
export function areaChunks(cells: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const cell of cells) {
    if (current && current.length + 1 + cell.length > ADDRESS_LIMIT) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${cell}` : cell;
  }
  if (current) out.push(current);
  return out;
}
