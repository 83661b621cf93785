/**
 * Telling the product's sheets from a user's, and choosing where the product writes its own
 * (docs/specification.md §7). The product replaces 差距分析, 校验结果, 汇总, 填报情况 and 趋势 whole on every run — but a
 * user may have a sheet of that name too (a tab they typed "差距分析" on), and a user's sheet is
 * never replaced. The product's sheets carry a mark: the title in A1 starts with the sheet's name
 * and " / " ("差距分析 / Gap analysis"). A sheet of that name without the mark is the user's; the
 * product then writes to the first free name, "差距分析 (2)", and goes on using it on later runs.
 */
import { cellText, type SheetGrid, type WorkbookGrids } from "../model/cells";
import type { WritePlan } from "../model/plan";
import { SHEET_NAME } from "../i18n/sheet-names";

/** The sheets the product replaces whole on every run. */
export const REPLACED_SHEETS: readonly string[] = [
  SHEET_NAME.gap,
  SHEET_NAME.findings,
  SHEET_NAME.consolidation,
  SHEET_NAME.completeness,
  SHEET_NAME.trend,
];

/** The start of A1 in a product sheet named (or first named) `base`: "差距分析 / ". */
export function productMark(base: string): string {
  return `${base} / `;
}

/** "差距分析" or "差距分析 (2)" → "差距分析"; any other name → null. */
export function replacedSheetBase(name: string): string | null {
  const m = /^(.+?)(?: \((\d+)\))?$/.exec(name);
  return m && REPLACED_SHEETS.includes(m[1]) ? m[1] : null;
}

/** A sheet the product wrote: named like one of its sheets and marked in A1. */
export function isProductMade(grid: SheetGrid): boolean {
  const base = replacedSheetBase(grid.name);
  return base !== null && cellText(grid.rows[0]?.[0]).startsWith(productMark(base));
}

function isBlank(grid: SheetGrid): boolean {
  return grid.rows.every((r) => !r || r.every((c) => cellText(c) === ""));
}

/**
 * The name the product's sheet `base` is written under: `base` itself unless a user's sheet has
 * that name, else the first of "base (2)", "base (3)" … that is free, blank or the product's own.
 */
export function productSheetName(base: string, wb: WorkbookGrids): string {
  // Excel compares sheet names without regard to case.
  const byName = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const existing = byName.get(name.toLowerCase());
    if (!existing || isBlank(existing) || (existing.name === name && isProductMade(existing)))
      return name;
  }
}

/** The plan with each product sheet moved off a user's sheet of the same name (see productSheetName). */
export function placeProductSheets(plan: WritePlan, wb: WorkbookGrids): WritePlan {
  const moved = new Map<string, string>();
  const sheets = plan.sheets.map((ps) => {
    if (!REPLACED_SHEETS.includes(ps.name)) return ps;
    const name = productSheetName(ps.name, wb);
    if (name === ps.name) return ps;
    moved.set(ps.name, name);
    return { ...ps, name };
  });
  if (moved.size === 0) return plan;
  const activate =
    plan.activate === undefined ? undefined : (moved.get(plan.activate) ?? plan.activate);
  return { ...plan, sheets, activate };
}

/** Product sheets of a plan written under another name than their own, to tell the user. */
export function movedProductSheets(plan: WritePlan): { from: string; to: string }[] {
  return plan.sheets
    .map((ps) => ({ from: replacedSheetBase(ps.name), to: ps.name }))
    .filter((m): m is { from: string; to: string } => m.from !== null && m.from !== m.to);
}
