/** Values and addresses between the core and Excel. */
import type { Cell, CellValue } from "../../core/model/cells";
import { cellAddress, parseAddress } from "../../core/model/cells";
import type { PlanValue } from "../../core/model/plan";
import { dateToExcelSerial, excelSerialToDate, isDateFormat } from "../number-format";

/** Excel parses strings written as values ("=…" becomes a formula, "1.42%" a number); a leading
 * apostrophe makes it keep the text as typed, without the apostrophe. */
export function excelText(s: string): string {
  return `'${s}`;
}

export function toExcelValue(v: PlanValue | CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return excelText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToExcelSerial(v);
  if (typeof v === "object" && "error" in v) return excelText(v.error);
  return "";
}

export function fromExcel(
  value: unknown,
  type: string,
  format: string,
  formula: unknown
): Cell | undefined {
  // Text typed as '=abc reads back as "=abc" from both values and formulas; a real formula's text
  // differs from its result.
  const f =
    typeof formula === "string" && formula.startsWith("=") && formula !== value
      ? formula.slice(1)
      : undefined;
  if (type === "Empty" && !f) return undefined;
  let v: CellValue;
  if (type === "Error") v = { error: String(value) };
  else if (typeof value === "number") v = isDateFormat(format) ? excelSerialToDate(value) : value;
  else if (typeof value === "boolean") v = value;
  else if (value === "" || value === null || value === undefined) v = null;
  else v = String(value);
  const cell: Cell = { value: v };
  if (format && format !== "General" && typeof value === "number") cell.numFmt = format;
  if (f) cell.formula = f;
  return cell;
}

/** The top-left cell of a range address such as "监测表!B2:F40" or "'a b'!C3". */
export function topLeft(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  return parseAddress(local.replace(/\$/g, ""));
}

export function topLeftAddress(address: string): string {
  const { row, col } = topLeft(address);
  return cellAddress(row, col);
}

/** The part of an address after its sheet name. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** Excel column widths are in points; plans give characters of the default font (7 px each + 5 px padding). */
export function charactersToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

// Sheet names in references have one home, shared with the package adapter.
export { quoteSheet } from "../sheet-reference";
