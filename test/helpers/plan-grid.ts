import type { Cell, SheetGrid } from "../../src/core/model/cells";
import { planCells, type PlanSheet } from "../../src/core/model/plan";

/** The grid a host would read back from a planned sheet: values and number formats, nothing else. */
export function planToGrid(sheet: PlanSheet, name = sheet.name): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  for (const c of planCells(sheet)) {
    if (c.value === null || c.value === undefined || c.value === "") continue;
    (rows[c.row] ??= [])[c.col] = { value: c.value, ...(c.numFmt ? { numFmt: c.numFmt } : {}) };
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name, rows };
}

/** The planned cell at an A1 address. */
export function cellOf(sheet: PlanSheet, address: string): PlanSheet["cells"][number] | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return planCells(sheet).find((c) => c.row === Number(m[2]) - 1 && c.col === col - 1);
}
