/**
 * Reading a sheet's planned cells the way its charts see them: the values of a series' range (for
 * the copies of the figures a chart file keeps beside its formulas), and whether the charts keep
 * clear of the cells (a chart never covers the table or any written cell).
 */
import { parseAddress } from "../model/cells";
import type { PlanCell, PlanSheet, PlanValue } from "../model/plan";
import { forEachPlanCell } from "../model/plan";

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rows and columns of an A1 range ("S12:S17", "B5"); throws on a malformed one. */
export function rangeBox(range: string): Box {
  const [a, b] = range.split(":");
  const from = parseAddress(a);
  const to = b === undefined ? from : parseAddress(b);
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

const inside = (box: Box, row: number, col: number) =>
  row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;

export interface RangeValues {
  /** One value per cell of the range, along its row or column; null for an empty cell. */
  values: PlanValue[];
  /** The number format of the range's first formatted cell. */
  numFmt?: string;
}

/**
 * A reader of the values in the ranges `ranges` of the sheet, collected in one pass over its
 * cells (a table's rows only where a range reaches them).
 */
export function chartRangeReader(ps: PlanSheet, ranges: string[]): (range: string) => RangeValues {
  const boxes = ranges.map(rangeBox);
  const found = new Map<string, PlanCell>();
  const keep = (c: PlanCell) => {
    if (boxes.some((b) => inside(b, c.row, c.col))) found.set(`${c.row},${c.col}`, c);
  };
  const table = ps.table;
  forEachPlanCell({ ...ps, table: undefined }, keep);
  if (table) {
    const top = Math.max(table.row, Math.min(...boxes.map((b) => b.top)));
    const bottom = Math.min(
      table.row + table.rows.length - 1,
      Math.max(...boxes.map((b) => b.bottom))
    );
    if (top <= bottom)
      forEachPlanCell(
        {
          name: ps.name,
          cells: [],
          table: { row: top, rows: table.rows.slice(top - table.row, bottom - table.row + 1) },
        },
        keep
      );
  }
  return (range) => {
    const box = rangeBox(range);
    const values: PlanValue[] = [];
    let numFmt: string | undefined;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = found.get(`${r},${c}`);
        values.push(cell?.value ?? null);
        numFmt ??= cell?.numFmt;
      }
    }
    return numFmt ? { values, numFmt } : { values };
  };
}

/**
 * What is wrong with where a sheet's charts are and what they draw from: an anchor over a written
 * cell, a range that is not one row or column, categories and values of different lengths.
 * Empty when all is well.
 */
export function chartPlacementProblems(ps: PlanSheet): string[] {
  const charts = ps.charts?.charts ?? [];
  if (!charts.length) return [];
  const problems: string[] = [];
  const anchors = charts.map((c) => ({ name: c.name, box: rangeBox(c.anchor) }));
  forEachPlanCell(ps, (cell) => {
    if (cell.value === null || cell.value === "") return;
    for (const a of anchors)
      if (inside(a.box, cell.row, cell.col))
        problems.push(`${a.name}: covers the cell at row ${cell.row + 1}, column ${cell.col + 1}`);
  });
  anchors.forEach((a, i) =>
    anchors.slice(i + 1).forEach((b) => {
      const overlap =
        a.box.left <= b.box.right &&
        b.box.left <= a.box.right &&
        a.box.top <= b.box.bottom &&
        b.box.top <= a.box.bottom;
      if (overlap) problems.push(`${a.name}: overlaps ${b.name}`);
    })
  );
  for (const chart of charts) {
    for (const s of chart.series) {
      const [cat, val] = [rangeBox(s.categories), rangeBox(s.values)];
      const length = (b: Box) =>
        b.top === b.bottom || b.left === b.right
          ? Math.max(b.bottom - b.top, b.right - b.left) + 1
          : -1;
      if (length(cat) < 0 || length(val) < 0)
        problems.push(`${chart.name} / ${s.name}: a range is not one row or column`);
      else if (length(cat) !== length(val))
        problems.push(
          `${chart.name} / ${s.name}: ${length(cat)} categories, ${length(val)} values`
        );
    }
  }
  return problems;
}
