/**
 * A table with one row per unit (乡镇（街道）, 单位) and one column per indicator, its unit of
 * measure in brackets in the header ("优质青稞种植面积（亩）") — the office's own summary of the
 * townships (docs/reading-forms.md). Each unit's row is read as that unit's report for the sheet's
 * period; a 合计 / 总计 row is kept aside, only to check the units' sum. An indicator may head a
 * group of columns ("目标 | 完成") or be split over two header rows ("优质青稞" over "面积（亩）").
 */
import { type SheetGrid, cellAddress, cellText, isBlank } from "../model/cells";
import { foldWidth, normaliseKey, removeSpaces } from "./text";
import {
  PLAIN_NUMBER,
  headerRole,
  isGenericHeader,
  preferActual,
  yearOfHeader,
  type ColumnKey,
} from "./columns";
import { isNoteText, startsWithLabel } from "./labels";
import {
  BRACKET_NOTE,
  MAX_HEADER_ROWS,
  columnStacks,
  isColumnNumberRow,
  unitInHeader,
} from "./header-rows";
import { LocatedCell, rowTexts, type RowView } from "./row-view";
import type {
  HeaderCellAt,
  ReadOptions,
  SheetRow,
  TableLayout,
  UnitReport,
  UnitsTable,
} from "./layout";

/** The header of the units' column: 乡镇（街道）, 单位名称, 地区 … */
const UNITS_HEADER =
  /^(乡镇|乡|镇|街道|乡镇街道|单位|单位名称|填报单位|报送单位|部门|地区|区域|名称)(\([^()]*\))?(名称)?$/;
/** A unit's name as offices write it, when the catalogue does not know it. */
const UNIT_NAME = /(镇|乡|街道|办事处|局|委员会|管委会|中心|协会|科协|园区)$/;
/** The total row, only checked against the units' sum; subtotals are not units either. */
const TOTAL = /^(合计|总计|全市合计|全市总计|总合计|全市|汇总|全市汇总)$/;
/** The reporter a total row's figures are checked as (the first word TOTAL knows). */
export const TOTAL_ROW_UNIT = "合计";
const SUBTOTAL = /^(小计|其中)/;

type ValueKey = "actual" | "target" | "baseline" | "previous";
const VALUE_KEYS: readonly string[] = ["actual", "target", "baseline", "previous"];
const NO_YEARS: SheetRow["years"] = [];
const NO_PERIODS: SheetRow["periods"] = [];

/**
 * A row that may head such a table, told cheaply: a text cell names an indicator, or one is the
 * units' column header (乡镇（街道）) in a row that heads no table of indicator rows.
 */
export function mayHeadUnits(view: RowView, isIndicator: (name: string) => boolean): boolean {
  let worded = false;
  for (let c = 0; c < view.length; c++) {
    const v = view.cells[c]?.value;
    // A text with a colon is a label or a note ("填表人：…"), never a column's header.
    if (typeof v !== "string" || v.length > 60 || v.includes("：") || v.includes(":")) continue;
    if (isIndicator(v.trim())) return true;
    if (!worded && UNITS_HEADER.test(normaliseKey(v))) worded = true;
  }
  return worded;
}

/** The table whose header starts at row r, with the last row it takes; null when it is none. */
export function readUnitsTable(
  grid: SheetGrid,
  r: number,
  options: ReadOptions
): { table: UnitsTable; end: number } | null {
  const isIndicator = options.isIndicator;
  if (!isIndicator) return null;
  const texts = rowTexts(grid, r);
  const unitCol = unitsColumn(grid, r, texts, options);
  if (unitCol === null) return null;
  const headerTexts = [texts];
  while (
    headerTexts.length < MAX_HEADER_ROWS &&
    isSubHeaderRow(rowTexts(grid, r + headerTexts.length), unitCol, isIndicator)
  ) {
    headerTexts.push(rowTexts(grid, r + headerTexts.length));
  }
  const numbered = isColumnNumberRow(rowTexts(grid, r + headerTexts.length));
  const headerRows = headerTexts.length + (numbered ? 1 : 0);
  const groups = indicatorGroups(headerTexts, unitCol, options);
  if (!groups.length) return null;
  const body = unitRows(grid, r + headerRows, unitCol);
  if (!body.units.some((u) => isUnitName(cellText(grid.rows[u]?.[unitCol]), options))) return null;
  return {
    table: unitsTable(grid, { headerRow: r, headerRows, unitCol, groups, body }),
    end: body.end,
  };
}

/**
 * The units' column: headed by 乡镇（街道）, 单位 or the like; else, when the row names two
 * indicators or more, the column left of them whose cells name units.
 */
function unitsColumn(
  grid: SheetGrid,
  r: number,
  texts: string[],
  options: ReadOptions
): number | null {
  const worded = texts.findIndex((x) => !!x && UNITS_HEADER.test(normaliseKey(x)));
  if (worded >= 0) return worded;
  const indicatorCols = texts
    .map((t, c) => (t && t.length <= 60 && options.isIndicator!(t) ? c : -1))
    .filter((c) => c >= 0);
  if (indicatorCols.length < 2) return null;
  for (let c = indicatorCols[0] - 1; c >= 0; c--) {
    for (let d = r + 1; d < Math.min(grid.rows.length, r + 6); d++) {
      if (isUnitName(cellText(grid.rows[d]?.[c]), options)) return c;
    }
  }
  return null;
}

function isUnitName(text: string, options: ReadOptions): boolean {
  if (!text || TOTAL.test(removeSpaces(foldWidth(text)))) return false;
  return options.isUnit?.(text) || UNIT_NAME.test(normaliseKey(text).replace(/\([^()]*\)$/, ""));
}

/** A header row under the names: the units' cell empty, no figure, only header words, notes and names. */
function isSubHeaderRow(
  texts: string[],
  unitCol: number,
  isIndicator: (name: string) => boolean
): boolean {
  const filled = texts.filter((t) => t);
  if (
    !filled.length ||
    texts[unitCol] ||
    filled.some((t) => PLAIN_NUMBER.test(t) && !/^20\d\d$/.test(t))
  )
    return false;
  return filled.every(
    (t) =>
      headerRole(t) !== null ||
      isGenericHeader(t) ||
      BRACKET_NOTE.test(foldWidth(t)) ||
      yearOfHeader(t) !== null ||
      isIndicator(t)
  );
}

interface IndicatorGroup {
  name: HeaderCellAt;
  cols: Partial<Record<ValueKey, HeaderCellAt[]>>;
  units: Partial<Record<ValueKey, string>>;
}

/** The indicators of the header, each with the columns of its figures (actual, target, baseline, previous). */
function indicatorGroups(
  headerTexts: string[][],
  unitCol: number,
  options: ReadOptions
): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  columnStacks(headerTexts).forEach((stack, c) => {
    if (c === unitCol || !stack.length) return;
    const found = columnOf(stack, options.isIndicator!);
    if (!found) return;
    const key =
      options.indicatorOf?.(found.name.text) ??
      normaliseKey(found.name.text).replace(/\([^()]*\)$/, "");
    const group = groups.get(key) ?? { name: found.name, cols: {}, units: {} };
    groups.set(key, group);
    const own = [...stack].reverse().find((s) => s.col === c) ?? { ...found.name, col: c };
    (group.cols[found.key] ??= []).push({ ...own, col: c });
    const unit = stack.map((s) => unitInHeader(s.text)).find((u) => u);
    if (unit) group.units[found.key] ??= unit;
  });
  return [...groups.values()];
}

/**
 * What one column holds: the indicator its stack names (a cell, or a group and a sub-header read
 * together: "优质青稞" + "面积（亩）"), and the figure a role word says (目标, 完成, 基期), else the actual.
 * Rates, scores and remarks under an indicator are not its figures.
 */
function columnOf(
  stack: HeaderCellAt[],
  isIndicator: (name: string) => boolean
): { name: HeaderCellAt; key: ValueKey } | null {
  const lowest = stack[stack.length - 1];
  let name = [...stack].reverse().find((s) => isIndicator(s.text));
  if (!name && stack.length > 1) {
    const joined = stack.map((s) => s.text.replace(/[(（][^()（）]*[)）]\s*$/, "")).join("");
    if (isIndicator(joined)) name = { ...lowest, text: joined };
  }
  if (!name) return null;
  let key: ValueKey = "actual";
  for (const s of [...stack].reverse()) {
    if (s === name || s.text === name.text) continue;
    const role = headerRole(s.text);
    if (role === "derived" || role === "remarks") return null;
    if (role && VALUE_KEYS.includes(role)) {
      key = role as ValueKey;
      break;
    }
  }
  return { name, key };
}

/** The units' rows under the header, up to a blank row, a note or a signature; the total row apart. */
function unitRows(
  grid: SheetGrid,
  from: number,
  unitCol: number
): { units: number[]; total?: number; end: number } {
  const units: number[] = [];
  let total: number | undefined;
  let r = from;
  for (; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const first = cells.findIndex((c) => !isBlank(c));
    if (first < 0) break;
    const firstText = cellText(cells[first]);
    if (isNoteText(firstText) || startsWithLabel(firstText)) break;
    const unit = removeSpaces(foldWidth(cellText(cells[unitCol])));
    if (!unit || SUBTOTAL.test(unit)) continue;
    if (TOTAL.test(unit)) total ??= r;
    else units.push(r);
  }
  return { units, total, end: r - 1 };
}

interface UnitsParts {
  headerRow: number;
  headerRows: number;
  unitCol: number;
  groups: IndicatorGroup[];
  body: { units: number[]; total?: number };
}

/** The table: one layout per indicator, and each unit's row read as its report. */
function unitsTable(grid: SheetGrid, parts: UnitsParts): UnitsTable {
  const { headerRow, headerRows, unitCol, groups, body } = parts;
  const layouts = groups.map((g) => groupLayout(g, headerRow, headerRows));
  const names = groups.map((g) => ({
    text: g.name.text,
    at: new LocatedCell(
      headerRow + g.name.row,
      g.name.col,
      grid.rows[headerRow + g.name.row]?.[g.name.col],
      undefined
    ),
  }));
  const rowsOf = (r: number): SheetRow[] =>
    layouts.flatMap((layout, i): SheetRow[] => {
      const cells: SheetRow["cells"] = { indicator: names[i].at };
      let filled = false;
      for (const key of VALUE_KEYS as ValueKey[]) {
        const c = layout.columns[key];
        if (c === undefined) continue;
        cells[key] = new LocatedCell(r, c, grid.rows[r]?.[c], undefined);
        if (!isBlank(grid.rows[r]?.[c])) filled = true;
      }
      // An empty cell is an indicator the unit does not report (its own sheet would not list it).
      return filled
        ? [
            {
              row: r,
              code: "",
              name: names[i].text,
              category: "",
              cells,
              table: i,
              years: NO_YEARS,
              periods: NO_PERIODS,
            },
          ]
        : [];
    });
  const reports: UnitReport[] = body.units.map((r) => {
    const text = cellText(grid.rows[r]?.[unitCol]);
    return { unit: { value: text, text, address: cellAddress(r, unitCol) }, rows: rowsOf(r) };
  });
  return {
    headerRow,
    headerRows,
    unitCol,
    layouts,
    names,
    reports,
    total: body.total === undefined ? undefined : rowsOf(body.total),
  };
}

/** One indicator's columns as a table layout (several "actual" columns: the figure to date, as in any table). */
function groupLayout(g: IndicatorGroup, headerRow: number, headerRows: number): TableLayout {
  const columns: Partial<Record<ColumnKey, number>> = { indicator: g.name.col };
  const headers: Partial<Record<ColumnKey, string>> = { indicator: g.name.text };
  const choices: TableLayout["choices"] = [];
  for (const key of VALUE_KEYS as ValueKey[]) {
    const cols = g.cols[key];
    if (!cols?.length) continue;
    const pick =
      cols.length > 1
        ? preferActual(cols)
        : { col: cols[0].col, silent: true, reason: "first" as const };
    const chosen = cols.find((c) => c.col === pick.col)!;
    columns[key] = chosen.col;
    headers[key] = chosen.text;
    if (!pick.silent && key === "actual")
      choices.push({ key, chosen, reason: pick.reason, others: cols.filter((c) => c !== chosen) });
  }
  return {
    headerRow,
    headerRows,
    columns,
    headers,
    units: { ...g.units },
    yearColumns: [],
    periodColumns: [],
    choices,
  };
}
