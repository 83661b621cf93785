/**
 * Finding the monitoring tables in a sheet, wherever they are (docs/reading-forms.md): title rows,
 * merged cells, header rows, blank rows, notes under the table, the header block of labels, tables
 * with one row per unit. Header words find most tables (read/columns.ts, read/header-rows.ts); what
 * they leave open is settled once per table by its contents (read/column-content.ts); a table no
 * header names is found by the indicator names in it (read/discover.ts). The reader only locates
 * cells; it does not judge values (that is the validator's job).
 */
import type { SheetGrid } from "../model/cells";
import { foldWidth } from "./text";
import { classifyHeader, type ColumnKey } from "./columns";
import {
  type AboveTable,
  type Meta,
  type MetaEntry,
  isNoteText,
  notePeriod,
  readMetaRow,
  startsWithLabel,
} from "./labels";
import { RowView } from "./row-view";
import { BRACKET_NOTE, readHeader, type HeaderRead } from "./header-rows";
import { refineLayout } from "./column-content";
import { discoverTable } from "./discover";
import { mayHeadUnits, readUnitsTable } from "./units-as-rows";
import type { NotFound, ReadOptions, ReadSheet, SheetRow, TableLayout, UnitsTable } from "./layout";

export { COLUMN_NAMES, classifyHeader, yearOfHeader, type ColumnKey } from "./columns";
export { META_LABELS, type MetaKey, type MetaEntry } from "./labels";
export type { CellRef } from "./row-view";
export type {
  ColumnChoice,
  NotFound,
  ReadOptions,
  ReadSheet,
  SheetRow,
  TableLayout,
  UnitReport,
  UnitsTable,
} from "./layout";

/** A row that can start a header: one of its texts names the indicator column (as classifyRow reads it). */
function namesIndicatorColumn(view: RowView): boolean {
  // Only a text cell can: a figure, a date or an error value names no column.
  for (let c = 0; c < view.length; c++) {
    if (typeof view.cells[c]?.value !== "string") continue;
    const t = view.text(c);
    if (t && t.length <= 40 && classifyHeader(t) === "indicator") return true;
  }
  return false;
}

/**
 * The cell that names the row's indicator. A header "指标" merged over two columns puts the category
 * under its first column and the names in the next one, which has no header of its own: when the
 * header's column does not name a known indicator and the unnamed column right of it does, that one.
 */
function indicatorColumn(
  table: TableLayout,
  view: RowView,
  options: ReadOptions
): number | undefined {
  const c = table.columns.indicator;
  if (c === undefined || !options.isIndicator) return c;
  if (view.text(c) && options.isIndicator(view.text(c))) return c;
  const used = new Set<number>([
    ...Object.values(table.columns),
    ...table.yearColumns.map((y) => y.col),
  ]);
  for (let d = c + 1; d <= c + 2 && !used.has(d); d++) {
    if (view.text(d) && options.isIndicator(view.text(d))) return d;
  }
  return c;
}

/** The number of a section (一、 (一) Ⅰ): indicators are numbered 1, 2, 3, sections in words. */
const SECTION_NUMBER =
  /^(?:[一二三四五六七八九十]+[、.．]?|[(（][一二三四五六七八九十]+[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]?)$/;
const SECTION_PREFIX =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．])\s*/;

const DATA_COLUMNS: readonly ColumnKey[] = ["unit", "baseline", "target", "actual", "previous"];
/** Shared by the rows of a table without year or period columns (never modified). */
const NO_YEARS: SheetRow["years"] = [];
const NO_PERIODS: SheetRow["periods"] = [];
/** What is under a table of units as rows: labels and notes only, no indicator rows. */
const AFTER_UNITS: TableLayout = Object.freeze({
  headerRow: -1,
  headerRows: 0,
  columns: {},
  headers: {},
  units: {},
  yearColumns: [],
  periodColumns: [],
  choices: [],
});

/** A table's columns in reading order, with whether each holds figures (layouts are shared by many sheets). */
const tableColumns = new WeakMap<object, { key: ColumnKey; col: number; data: boolean }[]>();

function columnsOf(
  columns: TableLayout["columns"]
): { key: ColumnKey; col: number; data: boolean }[] {
  let list = tableColumns.get(columns);
  if (!list) {
    list = (Object.entries(columns) as [ColumnKey, number][]).map(([key, c]) => ({
      key,
      col: c,
      data: DATA_COLUMNS.includes(key),
    }));
    tableColumns.set(columns, list);
  }
  return list;
}

/** The tables of a sheet: by their header words, else by the indicator names in them. */
export function readSheet(grid: SheetGrid, options: ReadOptions = {}): ReadSheet {
  const { read, tried } = readTables(grid, options);
  if (read.recognised || !options.isIndicator) return read;
  const found = discoverTable(grid, options);
  if (!("missing" in found)) return readTables(grid, options, found).read;
  const notFound: NotFound =
    found.missing === "names" && tried ? { ...found, header: tried } : found;
  return { ...read, notFound };
}

/** What the loop over a sheet's rows keeps between rows. */
interface Reading {
  grid: SheetGrid;
  options: ReadOptions;
  meta: Meta;
  tables: TableLayout[];
  rows: SheetRow[];
  unitTables: UnitsTable[];
  current: TableLayout | null;
  columnKeys: { key: ColumnKey; col: number; data: boolean }[];
  category: string;
  /** Under notes (注：…) or signatures (填表人：…), a row without a figure continues them. */
  afterNotes: boolean;
  /** A period a note under the table names ("本表数据截至2022年9月30日"): the last resort. */
  footer?: MetaEntry;
}

/** What the rows above the first table give: the title, and a period standing alone there. */
interface Heading {
  title: string;
  /** A period standing alone above the table, used when no label gives one. */
  loose?: MetaEntry;
  above: AboveTable;
}

function newReading(grid: SheetGrid, options: ReadOptions): Reading {
  return {
    grid,
    options,
    meta: {},
    tables: [],
    rows: [],
    unitTables: [],
    current: null,
    columnKeys: [],
    category: "",
    afterNotes: false,
  };
}

function newHeading(): Heading {
  const heading: Heading = {
    title: "",
    above: {
      loose: (e) => {
        heading.loose ??= e;
      },
      free: [],
    },
  };
  return heading;
}

function readTables(
  grid: SheetGrid,
  options: ReadOptions,
  forced?: HeaderRead
): { read: ReadSheet; tried?: NotFound["header"] } {
  const s = newReading(grid, options);
  const heading = newHeading();
  let tried: NotFound["header"];
  const view = new RowView();
  for (let r = 0; r < grid.rows.length; r++) {
    view.at(grid, r);
    let first = 0;
    while (first < view.length && !view.filled(first)) first++;
    if (first === view.length) continue;
    const nameCol = s.current ? indicatorColumn(s.current, view, options) : undefined;
    const start = startTable(s, view, nameCol, forced);
    if (start?.end !== undefined) {
      r = start.end;
      continue;
    }
    if (start && !tried) tried = { row: r, texts: view.all() };
    if (s.current) readBodyRow(s, view, first, nameCol);
    else readHeadingRow(s, view, heading);
  }
  return { read: finishReading(s, heading), tried };
}

/**
 * A row above the first table: labels (填报单位：…), and the title — the first row that is not
 * all labels ("…监测表" with "单位：万元" at its right).
 */
function readHeadingRow(s: Reading, view: RowView, heading: Heading): void {
  heading.above.free = [];
  const labelled = readMetaRow(s.grid, view.row, s.meta, heading.above);
  if (heading.title) return;
  heading.title = labelled
    ? heading.above.free.join(" ")
    : view
        .all()
        .filter((t) => t)
        .join(" ");
}

function finishReading(s: Reading, heading: Heading): ReadSheet {
  if (!s.meta.period && heading.loose) s.meta.period = heading.loose;
  const read: ReadSheet = {
    sheet: s.grid.name,
    recognised: s.tables.length > 0 || s.unitTables.length > 0,
    meta: s.meta,
    title: heading.title,
    tables: s.tables,
    rows: s.rows,
    unitTables: s.unitTables,
  };
  if (s.footer) read.footerPeriod = s.footer;
  return read;
}

/**
 * A table that starts at this row: a table of units as rows, or a header of indicator rows (its
 * layout settled by its contents when the words leave it open). `end` is the last row it took;
 * undefined with `tried` set when the row looked like a header and was none.
 */
function startTable(
  s: Reading,
  view: RowView,
  nameCol: number | undefined,
  forced?: HeaderRead
): { end?: number } | null {
  const { grid, options } = s;
  const r = view.row;
  // Most rows are data rows, which name no indicator column: they are not classified in full; and
  // a row whose name column names a known indicator is one (a header holds column names there).
  if (
    nameCol !== undefined &&
    options.isIndicator &&
    view.text(nameCol) !== "" &&
    options.isIndicator(view.text(nameCol))
  )
    return null;
  let header: HeaderRead | null = forced && forced.layout.headerRow === r ? forced : null;
  const names = !header && namesIndicatorColumn(view);
  if (!header && !names && options.isIndicator && mayHeadUnits(view, options.isIndicator)) {
    const units = readUnitsTable(grid, r, options);
    if (units) {
      s.unitTables.push(units.table);
      enter(s, AFTER_UNITS);
      return { end: units.end };
    }
  }
  if (!header && names) header = readHeader(grid, r, view.all(), options.targetYear);
  if (!header) return names ? {} : null;
  const layout = header.pending
    ? refineLayout(grid, header.layout, header.pending, options)
    : header.layout;
  s.tables.push(layout);
  enter(s, layout);
  return { end: r + layout.headerRows - 1 };
}

function enter(s: Reading, layout: TableLayout): void {
  s.current = layout;
  s.columnKeys = columnsOf(layout.columns);
  s.category = "";
  s.afterNotes = false;
}

/** A row inside or under a table: an indicator row, a section title, a note, a signature. */
function readBodyRow(s: Reading, view: RowView, first: number, nameCol: number | undefined): void {
  const firstText = view.text(first);
  if (isNoteText(firstText)) {
    s.afterNotes = true;
    s.footer ??= notePeriod(view.all().join(""), view.ref(first).address);
    return;
  }
  const col = s.current!.columns;
  const code = col.code !== undefined ? view.text(col.code) : "";
  const name = nameCol !== undefined ? view.text(nameCol) : "";
  // A signature row starts with a label; a data row with its number, code or name (its remark may hold a label).
  if ((startsWithLabel(firstText) || (!code && !name)) && readMetaRow(s.grid, view.row, s.meta)) {
    s.afterNotes = true;
    return;
  }
  if (col.category !== undefined && view.text(col.category))
    s.category = view.text(col.category).replace(SECTION_PREFIX, "");
  const { cells, hasData, years, periods } = rowCells(s, view, nameCol);
  // Asked only where it decides something: most rows have figures and are not under notes.
  const isIndicator = () => s.options.isIndicator?.(name) ?? false;
  // Under notes the table has ended: only an indicator row with figures is still read there.
  if (s.afterNotes && !(hasData && (code || isIndicator()))) {
    s.footer ??= notePeriod(view.all().join(""), view.ref(first).address);
    return;
  }
  if (!hasData && !isIndicator() && sectionRow(s, view, code, name, nameCol)) return;
  if (!code && !name) return;
  s.rows.push({
    row: view.row,
    table: s.tables.length - 1,
    code,
    name,
    category: s.category,
    cells,
    years,
    periods,
  });
}

/** The row's cells under the table's columns, and whether any holds a figure. */
function rowCells(s: Reading, view: RowView, nameCol: number | undefined) {
  const current = s.current!;
  const cells: SheetRow["cells"] = {};
  let hasData = false;
  for (const { key, col: at, data } of s.columnKeys) {
    const c = key === "indicator" ? nameCol : at;
    if (c === undefined) continue;
    cells[key] = view.ref(c);
    if (data && !hasData && view.filled(c)) hasData = true;
  }
  const years = current.yearColumns.length
    ? current.yearColumns.map((y) => ({ year: y.year, ref: view.ref(y.col) }))
    : NO_YEARS;
  const periods = current.periodColumns.length
    ? current.periodColumns.map((p) => ({ header: p.header, ref: view.ref(p.col) }))
    : NO_PERIODS;
  if (!hasData)
    hasData =
      years.some((y) => view.filled(y.ref.col)) || periods.some((p) => view.filled(p.ref.col));
  return { cells, hasData, years, periods };
}

/**
 * A section title (一、科技创新投入; 一 | 科技创新投入; (一) | 创新平台) with nothing else is kept as the
 * category — unless it names a known indicator, whose row then simply lacks its values. True when the
 * row is taken (a section title, or a note in brackets such as "（单位盖章）").
 */
function sectionRow(
  s: Reading,
  view: RowView,
  code: string,
  name: string,
  nameCol: number | undefined
): boolean {
  const sectionCode = code !== "" && SECTION_NUMBER.test(foldWidth(code));
  if (code && !sectionCode) return false;
  const categoryCol = s.current!.columns.category;
  const others = view.all().filter((t, c) => t && c !== nameCol && c !== categoryCol);
  if (name && others.every((t) => SECTION_NUMBER.test(foldWidth(t)))) {
    s.category = name.replace(SECTION_PREFIX, "");
    return true;
  }
  if (!name && others.length === 1 && SECTION_PREFIX.test(others[0])) {
    s.category = others[0].replace(SECTION_PREFIX, "");
    return true;
  }
  // "（单位盖章）" under the table names nothing.
  return BRACKET_NOTE.test(name);
}
