/**
 * What a table's contents say about its columns (docs/reading-forms.md): which column names the
 * indicators, which of several "actual" columns holds the figures and which their ratio to the
 * target. Looked at once per table, on a sample of its first rows, and only when the header leaves
 * it open — the units' usual forms are read from their header alone.
 */
import { type SheetGrid, cellText, isBlank } from "../model/cells";
import { parseValue } from "./values";
import { headerRole, preferActual, type ColumnKey } from "./columns";
import { isNoteText } from "./labels";
import type { Pending } from "./header-rows";
import type { ColumnChoice, HeaderCellAt, ReadOptions, TableLayout } from "./layout";

/** Rows looked at: enough to see a pattern, few enough that a long table costs what a short one does. */
const SAMPLE_ROWS = 40;

/** The first rows of a table's body, up to a note or a run of blank rows. */
export function sampleRows(grid: SheetGrid, first: number, limit = SAMPLE_ROWS): number[] {
  const rows: number[] = [];
  let blank = 0;
  for (let r = first; r < grid.rows.length && rows.length < limit; r++) {
    const cells = grid.rows[r] ?? [];
    const filled = cells.findIndex((c) => !isBlank(c));
    if (filled < 0) {
      if (++blank >= 3) break;
      continue;
    }
    blank = 0;
    if (isNoteText(cellText(cells[filled]))) break;
    rows.push(r);
  }
  return rows;
}

/** How many text cells of each column name a catalogue indicator. */
export function namesByColumn(
  grid: SheetGrid,
  rows: number[],
  isIndicator: (name: string) => boolean
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const cells = grid.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]?.value;
      if (typeof v !== "string" || v.length > 60 || !isIndicator(v.trim())) continue;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

/** The figure a cell holds (percent points for a percent), or null. */
function figure(grid: SheetGrid, r: number, c: number): { value: number; percent: boolean } | null {
  const p = parseValue(grid.rows[r]?.[c]);
  return p.kind === "number" ? { value: p.value, percent: p.percent } : null;
}

/** The layout with what its sample settles: the names' column, the actual among several candidates. */
export function refineLayout(
  grid: SheetGrid,
  layout: TableLayout,
  pending: Pending,
  options: ReadOptions
): TableLayout {
  const rows = sampleRows(grid, layout.headerRow + layout.headerRows);
  const out: TableLayout = {
    ...layout,
    columns: { ...layout.columns },
    headers: { ...layout.headers },
    choices: [...layout.choices],
  };
  if (pending.names.length && options.isIndicator)
    moveNames(out, pending.names, namesByColumn(grid, rows, options.isIndicator));
  if (pending.actual.length) chooseActual(grid, rows, out, pending.actual);
  return out;
}

/**
 * The indicator column is the one whose cells name indicators (三级指标 under 绩效指标, beside
 * 一级 | 二级指标 merged down the rows); the highest level left of it carries the category.
 */
function moveNames(layout: TableLayout, names: HeaderCellAt[], counts: Map<number, number>): void {
  const cols = layout.columns;
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!best || best[0] === cols.indicator || best[1] <= (counts.get(cols.indicator ?? -1) ?? 0))
    return;
  for (const key of Object.keys(cols) as ColumnKey[]) if (cols[key] === best[0]) delete cols[key];
  cols.indicator = best[0];
  const header = names.find((n) => n.col === best[0]);
  layout.headers.indicator = header?.text ?? "";
  if (cols.category === undefined) {
    const upper = names
      .filter((n) => n.col < best[0] && headerRole(n.text) !== null)
      .sort((a, b) => a.col - b.col)[0];
    if (upper) cols.category = upper.col;
  }
}

/**
 * Of several columns that say "actual": one whose figures are another's divided by the target
 * (a completion rate under a 完成 header) is not the actual; of the rest, preferActual's choice.
 * Every choice but the figure to date over one period's is recorded for a warning.
 */
function chooseActual(
  grid: SheetGrid,
  rows: number[],
  layout: TableLayout,
  candidates: HeaderCellAt[]
): void {
  const target = layout.columns.target;
  const ratios = candidates.filter((x) =>
    candidates.some((a) => a !== x && isRatioOf(grid, rows, x.col, a.col, target))
  );
  const rest = candidates.filter((c) => !ratios.includes(c));
  if (!rest.length) return;
  const pref =
    rest.length === 1
      ? { col: rest[0].col, silent: false, reason: "ratio" as const }
      : preferActual(rest);
  const chosen = rest.find((c) => c.col === pref.col)!;
  layout.columns.actual = chosen.col;
  layout.headers.actual = chosen.text;
  if (pref.silent && !ratios.length) return;
  const choice: ColumnChoice = {
    key: "actual",
    chosen,
    reason: ratios.length && rest.length === 1 ? "ratio" : pref.reason,
    others: candidates.filter((c) => c !== chosen),
  };
  layout.choices.push(choice);
}

/**
 * True when column x holds column a's figures divided by the target's (×100 or not) in most rows
 * where all three are figures; without a target column, when x is in percent and a is not.
 */
function isRatioOf(
  grid: SheetGrid,
  rows: number[],
  x: number,
  a: number,
  target: number | undefined
): boolean {
  let compared = 0;
  let matched = 0;
  let xPercent = 0;
  let aPercent = 0;
  for (const r of rows) {
    const fx = figure(grid, r, x);
    const fa = figure(grid, r, a);
    if (fx?.percent) xPercent++;
    if (fa?.percent) aPercent++;
    const ft = target === undefined ? null : figure(grid, r, target);
    if (!fx || !fa || !ft || ft.value === 0 || fa.value === 0) continue;
    const ratio = fa.value / ft.value;
    // A row where the rate equals the figure (a target of 1 or 100, the same number twice) or is 100 %
    // (a target met: any 1 or 100 matches it) tells nothing.
    if (
      close(fa.value, ratio * 100, 0.051) ||
      close(fa.value, ratio, 0.00051) ||
      close(fx.value, fa.value, 0) ||
      close(ratio, 1, 0)
    )
      continue;
    compared++;
    if (close(fx.value, ratio * 100, 0.051) || close(fx.value, ratio, 0.00051)) matched++;
  }
  if (compared) return matched * 10 >= compared * 6;
  if (target !== undefined) return false;
  return xPercent > 0 && xPercent * 10 >= rows.length * 6 && aPercent * 5 < rows.length;
}

/** Equal up to the rounding of a rate (72.7 % for 72.72…, 0.727 for 0.7272…) or 1 %. */
function close(a: number, b: number, rounding: number): boolean {
  return Math.abs(a - b) <= Math.max(rounding, Math.abs(b) * 0.01);
}
