/**
 * A table no header names (docs/reading-forms.md): when no row's words say "指标名称 … 完成值", the
 * column whose cells name catalogue indicators is the names' column, the rows just above its first
 * name are the header, and the columns are told apart by their headers' word families — or, when no
 * header says "actual", by which column holds the figures. Run only for a sheet the words did not read.
 */
import { type SheetGrid, cellAddress, cellText } from "../model/cells";
import { PLAIN_NUMBER } from "./columns";
import { startsWithLabel } from "./labels";
import { rowTexts } from "./row-view";
import {
  MAX_HEADER_ROWS,
  headerOfRows,
  isColumnNumberRow,
  columnRoles,
  unitInHeader,
  type HeaderRead,
} from "./header-rows";
import { sampleRows } from "./column-content";
import { parseValue } from "./values";
import type { NotFound, ReadOptions, TableLayout } from "./layout";

/** Hit rows tried as the table's first row: a title naming an indicator may come before the table. */
const TRIES = 5;

export function discoverTable(grid: SheetGrid, options: ReadOptions): HeaderRead | NotFound {
  if (!options.isIndicator) return { missing: "names" };
  const hits = nameHits(grid, options);
  const col = [...hits].sort((a, b) => b[1].rows.length - a[1].rows.length || a[0] - b[0])[0];
  if (!col) return { missing: "names" };
  const [nameCol, { rows, codes }] = col;
  // A column of codes (A1, C9a) is read as the code column: the validator finds each row's indicator by it.
  const key = codes * 2 > rows.length ? "code" : "indicator";
  const names = {
    col: nameCol,
    count: rows.length,
    first: { address: cellAddress(rows[0], nameCol), text: cellText(grid.rows[rows[0]][nameCol]) },
  };
  for (const first of rows.slice(0, TRIES)) {
    const head = headerAbove(grid, first, nameCol);
    if (!head) continue;
    const read = headerOfRows(head.texts, head.numbered, nameCol, options.targetYear, key);
    const layout: TableLayout = {
      ...read.layout,
      headerRow: head.row,
      columns: { ...read.layout.columns },
      choices: [...read.layout.choices],
    };
    if (!hasFigures(layout) && !chooseFigures(grid, layout, head.texts)) {
      return {
        names,
        header: { row: head.row, texts: head.texts[head.texts.length - 1] },
        missing: "figures",
      };
    }
    if (key === "indicator") noteNamesChoice(layout, head.texts, nameCol, rows.length);
    return { layout, pending: read.pending };
  }
  return { names, missing: "header" };
}

/**
 * Rows of each column whose text names an indicator (by name, alias or code), in a row that holds
 * something else too (not a title); how many of them by a code.
 */
function nameHits(
  grid: SheetGrid,
  options: ReadOptions
): Map<number, { rows: number[]; codes: number }> {
  const hits = new Map<number, { rows: number[]; codes: number }>();
  const isName = options.isIndicator!;
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    let filled = 0;
    for (const c of cells) if (cellText(c)) filled++;
    if (filled < 2) continue;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]?.value;
      if (typeof v !== "string" || v.length > 60) continue;
      const name = isName(v.trim());
      if (!name && !options.indicatorOf?.(v.trim())) continue;
      const hit = hits.get(c) ?? { rows: [], codes: 0 };
      hits.set(c, hit);
      hit.rows.push(r);
      if (!name) hit.codes++;
    }
  }
  return hits;
}

/**
 * The header rows just above a table's first name row: section rows (一、…) and blank rows skipped,
 * a row of column numbers noted, then up to three rows of words — no figure but a year, no label.
 */
function headerAbove(
  grid: SheetGrid,
  first: number,
  nameCol: number
): { row: number; texts: string[][]; numbered: boolean } | null {
  let r = first - 1;
  for (let skipped = 0; r >= 0 && skipped < 3 && isSectionRow(rowTexts(grid, r)); skipped++) r--;
  const numbered = r >= 0 && isColumnNumberRow(rowTexts(grid, r));
  if (numbered) r--;
  const texts: string[][] = [];
  while (
    r >= 0 &&
    texts.length < MAX_HEADER_ROWS &&
    isHeaderLike(rowTexts(grid, r), texts.length > 0, nameCol)
  ) {
    texts.unshift(rowTexts(grid, r));
    r--;
  }
  return texts.length ? { row: r + 1, texts, numbered } : null;
}

/** A blank row, or a section title (一、科技创新投入; 一 | 科技创新投入) with no figure. */
function isSectionRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t);
  return filled.length <= 2 && !filled.some((t) => PLAIN_NUMBER.test(t));
}

/**
 * A row of header words: no figure other than a year, no label of the header block; a single cell
 * only as a group header over the figures (right of the names), never a title.
 */
function isHeaderLike(texts: string[], hasBelow: boolean, nameCol: number): boolean {
  const filled = texts.map((t, c) => ({ t, c })).filter((x) => x.t);
  if (!filled.length || filled.some((x) => PLAIN_NUMBER.test(x.t) && !/^20\d\d$/.test(x.t)))
    return false;
  // "填报单位：…" is a label row; a bare 计量单位 or 单位 is a column's header.
  if (filled.some((x) => /[:：]/.test(x.t) && startsWithLabel(x.t))) return false;
  if (filled.length === 1) return hasBelow && filled[0].c > nameCol && filled[0].t.length <= 20;
  return true;
}

function hasFigures(layout: TableLayout): boolean {
  return (
    layout.columns.actual !== undefined ||
    layout.yearColumns.length > 0 ||
    layout.periodColumns.length > 0
  );
}

/**
 * No header says "actual": the column of figures whose header is no other column's, no rate, score or
 * row number — right of the names, the first after the target. Recorded as a choice (a warning).
 */
function chooseFigures(grid: SheetGrid, layout: TableLayout, headerTexts: string[][]): boolean {
  const rows = sampleRows(grid, layout.headerRow + layout.headerRows);
  const taken = new Set(Object.values(layout.columns));
  const roles = columnRoles(headerTexts);
  const nameCol = layout.columns.indicator ?? layout.columns.code!;
  const open = roles.filter(
    (r) =>
      r.at.col > nameCol &&
      !taken.has(r.at.col) &&
      r.role === null &&
      mostlyFigures(grid, rows, r.at.col)
  );
  if (!open.length) return false;
  const target = layout.columns.target ?? -1;
  const chosen = open.find((r) => r.at.col > target) ?? open[open.length - 1];
  layout.columns.actual = chosen.at.col;
  layout.headers = { ...layout.headers, actual: chosen.at.text };
  const unit = headerTexts
    .map((t) => t[chosen.at.col] ?? "")
    .map(unitInHeader)
    .find((u) => u);
  if (unit) layout.units = { ...layout.units, actual: unit };
  layout.choices.push({
    key: "actual",
    chosen: chosen.at,
    reason: "figures",
    others: open.filter((r) => r !== chosen).map((r) => r.at),
  });
  return true;
}

/** Most of the column's filled cells in the sample are figures. */
function mostlyFigures(grid: SheetGrid, rows: number[], col: number): boolean {
  let filled = 0;
  let figures = 0;
  for (const r of rows) {
    const cell = grid.rows[r]?.[col];
    if (!cellText(cell)) continue;
    filled++;
    if (parseValue(cell).kind === "number") figures++;
  }
  return figures > 0 && figures * 2 >= filled;
}

/** The names' column chosen by its cells while its header says something else (or nothing): a warning. */
function noteNamesChoice(
  layout: TableLayout,
  headerTexts: string[][],
  nameCol: number,
  count: number
): void {
  const role = columnRoles(headerTexts)[nameCol];
  if (role?.role === "indicator") return;
  layout.choices.push({
    key: "indicator",
    chosen: role?.at ?? { col: nameCol, row: 0, text: "" },
    reason: "names",
    others: [],
    count,
  });
}
