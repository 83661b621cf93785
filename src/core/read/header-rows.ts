/**
 * A table's header as forms have it (docs/reading-forms.md): one to three rows, merged group cells
 * over sub-columns ("完成情况" over "本期 | 累计 | 完成率"), years over sub-columns, notes in
 * brackets, a row of column numbers (甲 乙 丙 1 2 3). The layout depends only on the header's texts,
 * so it is worked out once per distinct header; what only the contents can settle is marked pending.
 */
import type { SheetGrid } from "../model/cells";
import { foldWidth } from "./text";
import { normaliseUnit, parseUnit } from "./units";
import {
  type ColumnKey,
  type HeaderRole,
  classifyHeader,
  headerRole,
  headerCore,
  isGenericHeader,
  isPeriodHeader,
  yearOfHeader,
  PLAIN_NUMBER,
  TO_DATE,
} from "./columns";
import type { HeaderCellAt, TableLayout } from "./layout";
import { rowTexts } from "./row-view";

export interface HeaderCandidate {
  columns: Partial<Record<ColumnKey, number>>;
  years: { year: number; col: number }[];
  hits: number;
  /** Header words that name no column to read (完成率, 序号) or only "a figure" (数量): still header words. */
  soft: number;
  /** Every cell that names a column, also the second and later ones of the same name. */
  named: { col: number; key: ColumnKey }[];
}

export function classifyRow(texts: string[]): HeaderCandidate {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const years: { year: number; col: number }[] = [];
  const named: { col: number; key: ColumnKey }[] = [];
  let hits = 0;
  let soft = 0;
  texts.forEach((t, c) => {
    if (!t || t.length > 40) return;
    const col = classifyHeader(t);
    if (col) named.push({ col: c, key: col });
    if (col && columns[col] === undefined) {
      columns[col] = c;
      hits++;
      return;
    }
    // "本季度完成 | 累计完成": the figure to date, not the quarter's increment, is the actual.
    if (col === "actual" && TO_DATE.test(t) && !TO_DATE.test(texts[columns.actual!]))
      columns.actual = c;
    if (col) return;
    const y = yearOfHeader(t);
    if (y !== null) {
      years.push({ year: y, col: c });
      hits++;
    } else if (!PLAIN_NUMBER.test(t) && (headerRole(t) === "derived" || isGenericHeader(t))) {
      // A figure is no header word: the row under a header is mostly figures, each different.
      soft++;
    }
  });
  return { columns, years, hits, soft, named };
}

export function isHeader(c: HeaderCandidate): boolean {
  return (
    c.columns.indicator !== undefined &&
    (c.columns.actual !== undefined || c.years.length > 0) &&
    c.hits >= 2
  );
}

/** Header rows at most: a group row (完成情况 over 上期 | 本期), a row of names, a row of years or notes. */
export const MAX_HEADER_ROWS = 3;
/** A header cell that only notes something in brackets: "（2020年）", "(万亩)". */
export const BRACKET_NOTE = /^[(（][^()（）]*[)）]$/;
/** The row of column numbers some forms carry under the header (栏次): 甲 乙 丙 1 2 3 … */
const COLUMN_NUMBER = /^(甲|乙|丙|丁|戊|己|庚|辛|栏次|行次|\d{1,2})$/;

export function isColumnNumberRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t);
  return filled.length >= 3 && filled.every((t) => COLUMN_NUMBER.test(t));
}

/**
 * A row that continues the header above it: it names columns or years, holds no figure, and most of
 * its texts are header words. A data row may hold a header word ("说明" as a remark), but its name
 * column holds a name, not a column name ("一级指标 | 二级指标" under a merged "指标" are column names).
 */
function continuesHeader(above: HeaderCandidate, next: HeaderCandidate, texts: string[]): boolean {
  if (next.hits + next.soft === 0) return false;
  const filled = texts.filter((t) => t && !BRACKET_NOTE.test(t));
  if (filled.some((t) => PLAIN_NUMBER.test(t))) return false;
  const nameCols = [above.columns.indicator, above.columns.code].filter(
    (c): c is number => c !== undefined
  );
  if (
    nameCols.some(
      (c) => texts[c] && classifyHeader(texts[c]) === null && yearOfHeader(texts[c]) === null
    )
  )
    return false;
  return (next.hits + next.soft) * 2 >= filled.length;
}

/**
 * The header rows merged, the lower row naming its columns: a group header ("完成情况") over the lower
 * row's names or years no longer names its column; a named header over a year ("目标任务" over "2023年")
 * keeps its meaning; a name given again lower down ("指标" over "一级指标 | 二级指标") moves there.
 */
export function mergeHeaderRow(upper: HeaderCandidate, lower: HeaderCandidate): HeaderCandidate {
  const { first, second } = yearGroups(upper, lower) ?? { first: upper, second: lower };
  const columns = { ...first.columns };
  const named = new Set(Object.values(second.columns));
  const yearCols = new Set(second.years.map((y) => y.col));
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const col = columns[key]!;
    if (
      (named.has(col) && second.columns[key] === undefined) ||
      (key === "actual" && yearCols.has(col))
    )
      delete columns[key];
  }
  Object.assign(columns, second.columns);
  const used = new Set(Object.values(columns));
  const years = [
    ...first.years.filter((y) => !named.has(y.col) && !yearCols.has(y.col)),
    ...second.years,
  ].filter((y) => !used.has(y.col));
  return {
    columns,
    years,
    hits: first.hits + second.hits,
    soft: first.soft + second.soft,
    named: [...first.named, ...second.named],
  };
}

/**
 * Years over sub-columns ("2021年 | 2022年", each merged over "目标 | 完成"): each year's 完成 is that
 * year's column of the wide layout; its 目标 is the year's own target, not the plan's, and is not read.
 * Null when the upper row's years head no such sub-columns.
 */
function yearGroups(
  first: HeaderCandidate,
  second: HeaderCandidate
): { first: HeaderCandidate; second: HeaderCandidate } | null {
  if (!first.years.length) return null;
  const upperCols = Object.values(first.columns);
  // The year cell a lower cell sits under: the nearest year at or left of it, no other column name between.
  const groupOf = (col: number) => {
    const y = first.years.filter((g) => g.col <= col).sort((a, b) => b.col - a.col)[0];
    return y && !upperCols.some((c) => c > y.col && c <= col) ? y : undefined;
  };
  const sub = second.named.filter(
    (n) => (n.key === "actual" || n.key === "target") && groupOf(n.col)
  );
  if (!sub.some((n) => n.key === "actual")) return null;
  const subCols = new Set(sub.map((n) => n.col));
  const grouped = new Set(sub.map((n) => groupOf(n.col)!.col));
  const years = sub
    .filter((n) => n.key === "actual")
    .map((n) => ({ year: groupOf(n.col)!.year, col: n.col }));
  const columns = { ...second.columns };
  for (const key of Object.keys(columns) as ColumnKey[])
    if (subCols.has(columns[key]!)) delete columns[key];
  return {
    first: { ...first, years: first.years.filter((y) => !grouped.has(y.col)) },
    second: {
      ...second,
      columns,
      years: [...second.years, ...years],
      named: second.named.filter((n) => !subCols.has(n.col)),
    },
  };
}

/**
 * The target column of the plan's year: "2022年目标任务 | 2023年目标任务" → the 2023 one; a target
 * column of another year only is no target column.
 */
function planTarget(
  head: HeaderCandidate,
  headerTexts: string[][],
  targetYear: number
): Partial<Record<ColumnKey, number>> {
  const columns = { ...head.columns };
  const yearOf = (col: number) => {
    const lowest =
      headerTexts
        .map((t) => t[col] ?? "")
        .filter((t) => t)
        .pop() ?? "";
    const m = /^(20\d\d)年/.exec(headerCore(lowest));
    return m ? Number(m[1]) : null;
  };
  const candidates = head.named.filter(
    (n) =>
      n.key === "target" && !Object.entries(columns).some(([k, c]) => k !== "target" && c === n.col)
  );
  const best =
    candidates.find((n) => yearOf(n.col) === targetYear) ??
    candidates.find((n) => yearOf(n.col) === null);
  if (best) columns.target = best.col;
  else delete columns.target;
  return columns;
}

/** A unit of measure in brackets in a header text: "本期完成值（万亩）" → 万亩, "目标值(%)" → %. */
export function unitInHeader(text: string): string | null {
  for (const m of foldWidth(text).matchAll(/[(（]([^()（）]{1,10})[)）]/g)) {
    const unit = normaliseUnit(m[1]);
    if (unit && parseUnit(unit)) return unit;
  }
  return null;
}

/** What only the table's contents can settle: which column names the indicators, which is the actual. */
export interface Pending {
  /** Several columns could name the indicators (一级 | 二级 | 三级指标, 绩效指标 over them): their header cells. */
  names: HeaderCellAt[];
  /** Several columns say "actual": their header cells. */
  actual: HeaderCellAt[];
}

export interface HeaderRead {
  layout: TableLayout;
  pending: Pending | null;
}

/** The table whose header starts at row r, when the row (with up to two rows under it) is one. */
export function readHeader(
  grid: SheetGrid,
  r: number,
  texts: string[],
  targetYear?: number
): HeaderRead | null {
  const first = classifyRow(texts);
  if (first.columns.indicator === undefined || first.hits < 2) return null;
  const headerTexts = [texts];
  let head = first;
  while (headerTexts.length < MAX_HEADER_ROWS) {
    const nextTexts = rowTexts(grid, r + headerTexts.length);
    const next = classifyRow(nextTexts);
    if (!continuesHeader(head, next, nextTexts)) break;
    head = mergeHeaderRow(head, next);
    headerTexts.push(nextTexts);
  }
  const numbered = isColumnNumberRow(rowTexts(grid, r + headerTexts.length));
  const key = `${targetYear ?? ""}\u0002${numbered}\u0002${headerTexts.map((t) => t.join("\u0001")).join("\u0002")}`;
  let known = knownHeaders.get(key);
  if (known === undefined) {
    known = isHeader(head) ? layoutOf(head, headerTexts, numbered, targetYear) : null;
    if (knownHeaders.size >= 2000) knownHeaders.clear();
    knownHeaders.set(key, known);
  }
  return known && { layout: { ...known.layout, headerRow: r }, pending: known.pending };
}

/**
 * The header rows above a table found by its contents (discover.ts), read as one header whose
 * indicator column is the one whose cells name indicators.
 */
export function headerOfRows(
  headerTexts: string[][],
  numbered: boolean,
  nameCol: number,
  targetYear?: number,
  key: "indicator" | "code" = "indicator"
): HeaderRead {
  let head = classifyRow(headerTexts[0]);
  for (const texts of headerTexts.slice(1)) head = mergeHeaderRow(head, classifyRow(texts));
  const columns = { ...head.columns };
  for (const k of Object.keys(columns) as ColumnKey[])
    if (columns[k] === nameCol) delete columns[k];
  if (key === "indicator" && columns.indicator !== undefined && columns.category === undefined)
    columns.category = columns.indicator;
  if (key === "indicator") delete columns.indicator;
  columns[key] = nameCol;
  return layoutOf({ ...head, columns }, headerTexts, numbered, targetYear);
}

/**
 * The units of a batch fill the same form: a header's layout depends only on its texts, so it is
 * worked out once per distinct header (the layouts are frozen: every sheet's table shares them).
 */
const knownHeaders = new Map<string, Readonly<HeaderRead> | null>();

function layoutOf(
  head: HeaderCandidate,
  headerTexts: string[][],
  numbered: boolean,
  targetYear: number | undefined
): HeaderRead {
  if (targetYear !== undefined)
    head = { ...head, columns: planTarget(head, headerTexts, targetYear) };
  const columns = { ...head.columns };
  indicatorValueAsTarget(columns, headerTexts);
  const headers: Partial<Record<ColumnKey, string>> = {};
  const units: Partial<Record<ColumnKey, string>> = {};
  for (const [k, c] of Object.entries(columns) as [ColumnKey, number][]) {
    // The lowest text names the column; a unit may be written in any of its header cells.
    const stack = headerTexts
      .map((t) => t[c] ?? "")
      .filter((t) => t)
      .reverse();
    headers[k] = stack[0] ?? "";
    const unit = stack.map(unitInHeader).find((u) => u);
    if (unit) units[k] = unit;
  }
  const periodColumns = periodColumnsOf(headerTexts, columns);
  if (periodColumns.length) delete headers.actual;
  const yearColumns = head.years.filter((y) => !Object.values(columns).includes(y.col));
  const layout: TableLayout = {
    headerRow: 0,
    headerRows: headerTexts.length + (numbered ? 1 : 0),
    columns,
    headers,
    units,
    yearColumns,
    periodColumns,
    choices: [],
  };
  return deepFreeze({ layout, pending: pendingOf(layout, headerTexts) });
}

/**
 * 指标值 beside 实际完成值 — a performance form's "年度指标值 | 实际完成值" written short — is the
 * value set for the indicator, the target; alone (a statistical table's 指标值) it is the figure.
 */
function indicatorValueAsTarget(
  columns: Partial<Record<ColumnKey, number>>,
  headerTexts: string[][]
): void {
  if (columns.target !== undefined) return;
  const roles = columnRoles(headerTexts);
  const value = roles.find((r) => r.role === "actual" && headerCore(r.at.text) === "指标值");
  const other = roles.find(
    (r) => r.role === "actual" && r !== value && /实际|完成/.test(headerCore(r.at.text))
  );
  if (!value || !other) return;
  columns.target = value.at.col;
  if (columns.actual === value.at.col) columns.actual = other.at.col;
}

/** Several columns headed by a period, the actual among them: the actual is chosen by the sheet's period. */
function periodColumnsOf(
  headerTexts: string[][],
  columns: Partial<Record<ColumnKey, number>>
): { header: string; col: number }[] {
  const taken = new Set(
    Object.entries(columns)
      .filter(([k]) => k !== "actual")
      .map(([, c]) => c)
  );
  const width = Math.max(...headerTexts.map((t) => t.length));
  const found: { header: string; col: number }[] = [];
  for (let c = 0; c < width; c++) {
    const lowest = headerTexts
      .map((t) => t[c] ?? "")
      .filter((t) => t)
      .pop();
    if (lowest && !taken.has(c) && isPeriodHeader(lowest)) found.push({ header: lowest, col: c });
  }
  if (found.length < 2 || !found.some((p) => p.col === columns.actual)) return [];
  delete columns.actual;
  return found;
}

/** What the contents must settle: more than one column that may name the indicators, or say "actual". */
function pendingOf(layout: TableLayout, headerTexts: string[][]): Pending | null {
  const roles = columnRoles(headerTexts);
  const elsewhere = new Set<number>([
    ...Object.entries(layout.columns)
      .filter(([k]) => k !== "actual")
      .map(([, c]) => c),
    ...layout.yearColumns.map((y) => y.col),
    ...layout.periodColumns.map((p) => p.col),
  ]);
  const actual = roles
    .filter((r) => r.role === "actual" && !elsewhere.has(r.at.col))
    .map((r) => r.at);
  const names = roles
    .filter((r) => r.role === "indicator" || r.role === "category")
    .map((r) => r.at);
  const pending: Pending = {
    names: names.length >= 2 ? names : [],
    actual: actual.length >= 2 ? actual : [],
  };
  return pending.names.length || pending.actual.length ? pending : null;
}

/** A column's header texts from the top row down, each with where it stands. */
type Stack = HeaderCellAt[];

/** Each column's header stack; a merged group cell stands over every sub-column under it. */
export function columnStacks(headerTexts: string[][]): Stack[] {
  const width = Math.max(0, ...headerTexts.map((t) => t.length));
  const stacks: Stack[] = [];
  for (let c = 0; c < width; c++) {
    const stack: Stack = [];
    headerTexts.forEach((texts, row) => {
      const own = texts[c] ?? "";
      const at = own ? { col: c, row, text: own } : groupOver(headerTexts, row, c);
      if (at) stack.push(at);
    });
    stacks.push(stack);
  }
  return stacks;
}

/** The group cell spanning column c in a header row: the nearest filled cell to its left, when it heads sub-columns. */
function groupOver(headerTexts: string[][], row: number, c: number): HeaderCellAt | undefined {
  const below = (col: number) => headerTexts.slice(row + 1).some((t) => !!t[col]);
  if (!below(c)) return undefined;
  for (let g = c - 1; g >= 0; g--) {
    const text = headerTexts[row][g];
    if (text) return below(g) ? { col: g, row, text } : undefined;
  }
  return undefined;
}

/**
 * What a column's header stack says, read from the bottom: a sub-header that names a role decides
 * ("本期" under "完成情况"); one that only says "a figure" ("数量（亩）") takes its group's role.
 */
export function stackRole(stack: Stack): { role: HeaderRole | null; at: HeaderCellAt } | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const at = stack[i];
    if (BRACKET_NOTE.test(foldWidth(at.text))) continue;
    const role = headerRole(at.text);
    if (role) return { role, at };
    if (!isGenericHeader(at.text) && yearOfHeader(at.text) === null) return { role: null, at };
  }
  return null;
}

/** The role of every column of a header, each with the cell that says it. */
export function columnRoles(
  headerTexts: string[][]
): { role: HeaderRole | null; at: HeaderCellAt }[] {
  return columnStacks(headerTexts).map((stack, c) => {
    const found = stackRole(stack);
    // The column's own lowest cell is where a reviewer looks for it.
    const own = [...stack].reverse().find((s) => s.col === c);
    return {
      role: found?.role ?? null,
      at: own ?? (found ? { ...found.at, col: c } : { col: c, row: 0, text: "" }),
    };
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
