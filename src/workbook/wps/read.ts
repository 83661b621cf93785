/**
 * Reading a sheet of WPS 表格 in whole blocks: the used range's values in one call, its formulas
 * in one more (none when the range holds no formula), and its number formats by region. Range.
 * NumberFormat answers one code for a range whose cells share it and Null otherwise
 * (https://learn.microsoft.com/office/vba/api/excel.range.numberformat), so formats are asked of
 * the whole range, then of each column's run of numbers, halving a run only where its formats
 * differ: the calls grow with the number of differently formatted runs, not with the rows. An
 * answer of one code per cell (a 2-D array) is taken as it is.
 */
import type { Cell, SheetGrid } from "../../core/model/cells";
import { cellAddress } from "../../core/model/cells";
import type { EtWorksheet } from "./et";
import { fromEt, toRows } from "./values";

/** Number formats of the numeric cells, by "row,col" inside the block. */
type Formats = Map<string, string>;

interface Block {
  top: number;
  left: number;
  values: unknown[][];
}

function isNumber(v: unknown): boolean {
  return typeof v === "number";
}

/** Fills `out` for rows [from, to] of column `c` (block coordinates); numeric rows only. */
function probeRun(ws: EtWorksheet, b: Block, c: number, from: number, to: number, out: Formats) {
  while (from <= to && !isNumber(b.values[from][c])) from++;
  while (to >= from && !isNumber(b.values[to][c])) to--;
  if (from > to) return;
  const col = b.left + c;
  const answer = ws.Range(
    from === to
      ? cellAddress(b.top + from, col)
      : `${cellAddress(b.top + from, col)}:${cellAddress(b.top + to, col)}`
  ).NumberFormat;
  if (typeof answer === "string") {
    for (let r = from; r <= to; r++) if (isNumber(b.values[r][c])) out.set(`${r},${c}`, answer);
    return;
  }
  if (Array.isArray(answer)) {
    const rows = toRows(answer, to - from + 1, 1);
    for (let r = from; r <= to; r++) {
      const f = rows[r - from]?.[0];
      if (isNumber(b.values[r][c]) && typeof f === "string") out.set(`${r},${c}`, f);
    }
    return;
  }
  if (from === to) return; // no answer for one cell: General
  const mid = Math.floor((from + to) / 2);
  probeRun(ws, b, c, from, mid, out);
  probeRun(ws, b, c, mid + 1, to, out);
}

function readFormats(ws: EtWorksheet, b: Block, whole: unknown): Formats {
  const out: Formats = new Map();
  const rows = b.values.length;
  const cols = rows > 0 ? b.values[0].length : 0;
  if (typeof whole === "string" || Array.isArray(whole)) {
    const grid = typeof whole === "string" ? null : toRows(whole, rows, cols);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const f = grid ? grid[r]?.[c] : whole;
        if (isNumber(b.values[r][c]) && typeof f === "string") out.set(`${r},${c}`, f);
      }
    return out;
  }
  for (let c = 0; c < cols; c++) probeRun(ws, b, c, 0, rows - 1, out);
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
  const block: Block = { top, left, values };
  const anyNumber = values.some((line) => line.some(isNumber));
  const formats = anyNumber ? readFormats(ws, block, used.NumberFormat) : new Map<string, string>();
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
