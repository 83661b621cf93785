/**
 * Reading a sheet of WPS 表格 in whole blocks: the used range's values in one call, its formulas
 * in one more (none when the range holds no formula), and the number formats of its numbers by
 * region. Range.NumberFormat answers one code for cells that share it and Null otherwise
 * (https://learn.microsoft.com/office/vba/api/excel.range.numberformat), and SpecialCells picks
 * out the numbers among a range's constants or formulas, so the formats of a column's numbers are
 * asked in one call whatever the text between them, and a run of numbers is halved only where
 * their formats differ: the calls grow with the number of differently formatted runs of numbers,
 * not with the rows.
 */
import type { Cell, SheetGrid } from "../../core/model/cells";
import { cellAddress } from "../../core/model/cells";
import type { EtRange, EtWorksheet } from "./et";
import { XL_CELL_TYPE_CONSTANTS, XL_CELL_TYPE_FORMULAS, XL_NUMBERS } from "./et";
import { fromEt, toRows } from "./values";

/** Number formats of the numeric cells, by "row,col" inside the block. */
type Formats = Map<string, string>;

interface Block {
  top: number;
  left: number;
  values: unknown[][];
  /** Which cells hold formulas, when any do. */
  formulas: unknown[][] | null;
}

function isNumber(v: unknown): boolean {
  return typeof v === "number";
}

function isFormula(b: Block, r: number, c: number): boolean {
  const f = b.formulas?.[r]?.[c];
  return typeof f === "string" && f.startsWith("=") && f !== b.values[r][c];
}

/** Numbers that are constants (kind false) or formula results (kind true). */
function wanted(b: Block, r: number, c: number, formulas: boolean): boolean {
  return isNumber(b.values[r][c]) && isFormula(b, r, c) === formulas;
}

/** The one format of a range's numbers of a kind: a code, Null when they differ, undefined for none. */
function formatOf(range: EtRange, single: boolean, formulas: boolean): unknown {
  if (single) return range.NumberFormat;
  try {
    const type = formulas ? XL_CELL_TYPE_FORMULAS : XL_CELL_TYPE_CONSTANTS;
    return range.SpecialCells(type, XL_NUMBERS).NumberFormat;
  } catch {
    return undefined; // no such cell in the range
  }
}

/** Fills `out` for rows [from, to] of column `c` (block coordinates), numbers of one kind only. */
function probeRun(
  ws: EtWorksheet,
  b: Block,
  c: number,
  span: [number, number],
  formulas: boolean,
  out: Formats
): void {
  let [from, to] = span;
  while (from <= to && !wanted(b, from, c, formulas)) from++;
  while (to >= from && !wanted(b, to, c, formulas)) to--;
  if (from > to) return;
  const col = b.left + c;
  const first = cellAddress(b.top + from, col);
  const range = ws.Range(from === to ? first : `${first}:${cellAddress(b.top + to, col)}`);
  const answer = formatOf(range, from === to, formulas);
  if (typeof answer === "string") {
    for (let r = from; r <= to; r++) if (wanted(b, r, c, formulas)) out.set(`${r},${c}`, answer);
    return;
  }
  if (from === to || answer === undefined) return; // General, or none of that kind
  const mid = Math.floor((from + to) / 2);
  probeRun(ws, b, c, [from, mid], formulas, out);
  probeRun(ws, b, c, [mid + 1, to], formulas, out);
}

function readFormats(ws: EtWorksheet, used: EtRange, b: Block): Formats {
  const out: Formats = new Map();
  const rows = b.values.length;
  const cols = rows > 0 ? b.values[0].length : 0;
  for (const formulas of b.formulas ? [false, true] : [false]) {
    // One answer for the whole sheet when its numbers share a format (one number: probed by column).
    const many = rows * cols > 1;
    const whole = many ? formatOf(used, false, formulas) : null;
    if (typeof whole === "string") {
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) if (wanted(b, r, c, formulas)) out.set(`${r},${c}`, whole);
      continue;
    }
    if (whole === undefined) continue; // no number of this kind
    for (let c = 0; c < cols; c++) probeRun(ws, b, c, [0, rows - 1], formulas, out);
  }
  return out;
}

/** The grid of one sheet, read in whole blocks. */
export function readSheet(ws: EtWorksheet, name: string, hidden: boolean): SheetGrid {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rowCount = used.Rows.Count;
  const colCount = used.Columns.Count;
  const values = toRows(used.Value2, rowCount, colCount);
  // Formulas are read only where there are any: HasFormula is false for a range without.
  const formulas = used.HasFormula === false ? null : toRows(used.Formula, rowCount, colCount);
  const block: Block = { top, left, values, formulas };
  const anyNumber = values.some((line) => line.some(isNumber));
  const formats = anyNumber ? readFormats(ws, used, block) : new Map<string, string>();
  const rows: (Cell | undefined)[][] = [];
  values.forEach((line, r) => {
    const cells: (Cell | undefined)[] = [];
    line.forEach((v, c) => {
      const cell = fromEt(v, formulas?.[r]?.[c], formats.get(`${r},${c}`));
      if (cell) cells[left + c] = cell;
    });
    rows[top + r] = cells;
  });
  const dense = Array.from({ length: rows.length }, (_, r) => rows[r] ?? []);
  while (dense.length > 0 && dense[dense.length - 1].every((c) => c === undefined)) dense.pop();
  const grid: SheetGrid = { name, rows: dense };
  if (hidden) grid.hidden = true;
  return grid;
}
