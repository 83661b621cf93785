/** What the reader found in a sheet: the tables' layouts, their rows, the header block's labels. */
import type { ColumnKey } from "./columns";
import type { CellRef } from "./row-view";
import type { Meta, MetaEntry } from "./labels";

/** Why a column was chosen with less than certainty (docs/reading-forms.md, rule column_guessed). */
export type ChoiceReason =
  /** Several columns say "actual": the one to date (累计) over one period's (本期). */
  | "to_date"
  /** Several say "actual": the office's checked figure (核定) over the unit's own (自报). */
  | "checked"
  /** Several say "actual": the one with a template's name (本期完成值). */
  | "listed"
  /** Several say "actual" and nothing tells them apart: the first. */
  | "first"
  /** Another column that says "actual" holds the ratio of the actual to the target. */
  | "ratio"
  /** No header says "actual": the one column of figures that is not a rate, a score or a number. */
  | "figures"
  /** The header does not name the indicators: the column whose cells do. */
  | "names";

export interface HeaderCellAt {
  col: number;
  /** The header row of the text, counted from the table's first header row. */
  row: number;
  text: string;
}

/** A column the reader chose with less than certainty, with the header cells that led to it. */
export interface ColumnChoice {
  key: "indicator" | "actual";
  chosen: HeaderCellAt;
  reason: ChoiceReason;
  /** The other columns that could have been it. */
  others: HeaderCellAt[];
  /** For 'names': how many cells of the column name catalogue indicators. */
  count?: number;
}

export interface TableLayout {
  headerRow: number;
  /** Rows used by the header (1 to 3, and a row of column numbers). */
  headerRows: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** The header text of each recognised column (e.g. 上年同期 vs 上期完成值), the lowest header row's. */
  headers: Partial<Record<ColumnKey, string>>;
  /** A unit of measure the header gives its column: 本期完成值（万亩） → 万亩. */
  units: Partial<Record<ColumnKey, string>>;
  yearColumns: { year: number; col: number }[];
  /**
   * Several columns headed by a period ("一季度 | 二季度 | 三季度", "2022年1-6月 | 2022年1-9月"): the one
   * of the sheet's period is the actual, earlier ones are history. Empty when one column is the actual.
   */
  periodColumns: { header: string; col: number }[];
  /** Columns chosen with less than certainty: each becomes a column_guessed warning. */
  choices: ColumnChoice[];
}

export interface SheetRow {
  /** 0-based row of the sheet. */
  row: number;
  code: string;
  name: string;
  category: string;
  /** The cells the header names, when the table has such a column. */
  cells: Partial<Record<ColumnKey, CellRef>>;
  /** Index into ReadSheet.tables of the table the row belongs to. */
  table: number;
  /** Wide layout: one cell per year column (earlier years are history). */
  years: { year: number; ref: CellRef }[];
  /** One cell per period column ("一季度 | 二季度 | 三季度"), with its header. */
  periods: { header: string; ref: CellRef }[];
}

/** One unit's row of a table with one row per unit and one column per indicator. */
export interface UnitReport {
  /** The unit's name cell. */
  unit: MetaEntry;
  /** One row per indicator the unit gives a figure for; `table` indexes UnitsTable.layouts. */
  rows: SheetRow[];
}

/** A table with one row per unit (乡镇（街道）) and one column (or group of columns) per indicator. */
export interface UnitsTable {
  headerRow: number;
  headerRows: number;
  unitCol: number;
  /** One layout per indicator: its name cell's column and its figures' columns. */
  layouts: TableLayout[];
  /** The indicator's name as its header gives it, per layout. */
  names: { text: string; at: CellRef }[];
  reports: UnitReport[];
  /** The 合计 / 总计 row: only checked against the units' sum. */
  total?: SheetRow[];
}

/** What the reader looked for when it found no table, and what it found instead. */
export interface NotFound {
  /** The column whose cells name catalogue indicators, and the first such cell. */
  names?: { col: number; count: number; first: { address: string; text: string } };
  /** A row that looked like a header. */
  header?: { row: number; texts: string[] };
  /** What was missing: any indicator name, a header over them, a column of figures. */
  missing: "names" | "header" | "figures";
}

export interface ReadSheet {
  sheet: string;
  recognised: boolean;
  meta: Meta;
  /** The title text (first non-empty row above the table), used only as a fallback for the period. */
  title: string;
  tables: TableLayout[];
  rows: SheetRow[];
  /** Tables with one row per unit; each unit's row is read as that unit's report. */
  unitTables: UnitsTable[];
  /** When no table was found: what was looked for and found. */
  notFound?: NotFound;
  /** A period a note under the table names ("本表数据截至2022年9月30日"): used when nothing else gives one. */
  footerPeriod?: MetaEntry;
}

export interface ReadOptions {
  /** Tells a section title from an indicator row that has no values yet, and finds the names' column. */
  isIndicator?: (name: string) => boolean;
  /** The catalogue code of the indicator a text names, so that two spellings of one name are one indicator. */
  indicatorOf?: (text: string) => string | undefined;
  /** A reporting unit the catalogue knows (那吾镇, 市科技局): the rows of a table with one row per unit. */
  isUnit?: (name: string) => boolean;
  /**
   * The year the plan's targets are for: a target column headed by another year ("2022年目标任务")
   * holds that year's own target, not the plan's, and is not read as the target.
   */
  targetYear?: number;
}
