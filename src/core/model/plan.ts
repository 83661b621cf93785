/**
 * A write plan: everything the engine wants written into a workbook, as data.
 * Adapters (Excel, ExcelJS) apply it; they hold no business rules.
 */

export type PlanValue = string | number | boolean | Date | null;

export interface PlanCell {
  /** 0-based row and column inside the sheet. */
  row: number;
  col: number;
  value: PlanValue;
  /** Excel number format, e.g. "0.0%". */
  numFmt?: string;
  /** Fill colour "#RRGGBB". */
  fill?: string;
  /** Font colour "#RRGGBB". */
  fontColor?: string;
  bold?: boolean;
  /** Font size in points (title rows). */
  size?: number;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** An internal link to a cell of the workbook. */
  link?: { sheet: string; cell: string };
}

/** The look of a cell: its PlanCell fields other than place, value and link. */
export type PlanStyle = Omit<PlanCell, "row" | "col" | "value" | "link">;

/**
 * Rows written under the same columns, such as the indicator rows of 差距分析: an array of values
 * per row and each cell's look, shared by the cells that look alike. A workbook of 100,000 indicator
 * rows then plans 100,000 arrays rather than a million and a half cell objects.
 */
export interface PlanTable {
  /** 0-based sheet row of the first row; the values start in column 0. */
  row: number;
  rows: PlanTableRow[];
}

export interface PlanTableRow {
  values: PlanValue[];
  /** styles[c]: the look of the cell in column c (plain when absent). */
  styles: (PlanStyle | undefined)[];
  /** An internal link on one cell of the row. */
  link?: { col: number; sheet: string; cell: string };
}

export interface DataBar {
  /** A1 range, e.g. "H4:H44" (used rows only, never whole columns). */
  range: string;
  color: string;
}

export interface PlanSheet {
  name: string;
  /** Single cells; a sheet's table rows are in `table` (planCells gives both as cells). */
  cells: PlanCell[];
  table?: PlanTable;
  /** Column widths in characters, by 0-based column. */
  columnWidths?: number[];
  /** Heights in points of rows whose wrapped text needs several lines, by 0-based row. */
  rowHeights?: Record<number, number>;
  dataBars?: DataBar[];
  /** A1 ranges to merge, e.g. "A1:N1". */
  merges?: string[];
  /** Rows frozen at the top (the header). */
  freezeRows?: number;
  /** A1 range of a table (header row first) that gets filter buttons, so the office can sort and filter it. */
  autoFilter?: string;
  /** Print setup: landscape, fit to page width. */
  landscape?: boolean;
  /** Excel data validation with an input message, for the cells people fill (unit templates). */
  validations?: CellValidation[];
  /** Protect the sheet (no password): only the `unlocked` ranges can be edited. */
  protect?: boolean;
  /** A1 ranges people may edit when the sheet is protected. */
  unlocked?: string[];
  /** Native charts drawn from cells of this sheet, and the small table beside it they are drawn from. */
  charts?: SheetCharts;
  /**
   * 'replace' (the default): a product sheet, replaced whole. 'create': a new sheet that never
   * replaces one of the same name — a free name such as "那吾镇 2022Q3 (2)" is used instead.
   */
  mode?: "replace" | "create";
}

/**
 * The charts of a product sheet (docs/charts.md): each draws from cells of the sheet it is on, and
 * is replaced with the sheet. Counts a chart needs that the sheet's own table does not hold are
 * planned here as cells beside that table, never over it.
 */
export interface SheetCharts {
  charts: PlanChart[];
  /** The cells the charts draw from that the sheet's table does not hold. */
  cells: PlanCell[];
  /** Widths in characters of the columns beside the table (the charts' and their cells'), by 0-based column. */
  columnWidths?: Record<number, number>;
  /**
   * What the sheet prints once it has charts: its table (from A1), then each chart, each area on
   * pages of its own — fitting the charts beside the table into one page's width would shrink the
   * table past reading. The cells the charts draw from are not printed.
   */
  printAreas?: string[];
}

/**
 * A native chart, editable in Excel, WPS and LibreOffice. 'bar' draws horizontal bars, 'column'
 * vertical ones, 'line' lines; `stacked` stacks the bars of a category. A column chart whose
 * series say `as: "line"` is a combo: bars with a line or markers over them.
 */
export interface PlanChart {
  /** The chart's name in Excel, unique on its sheet. */
  name: string;
  kind: "bar" | "column" | "line";
  stacked?: boolean;
  title: string;
  series: PlanChartSeries[];
  categoryAxis?: PlanChartAxis;
  valueAxis?: PlanChartAxis;
  legend?: "bottom" | "right" | "top" | "none";
  /** A1 range of the cells the chart covers, e.g. "S12:Z30": beside the table, never over it. */
  anchor: string;
  /**
   * Plot only the rows the sheet's filter shows. Off by default: a chart of a small table beside
   * the main one must not lose bars when the office filters the main table.
   */
  visibleOnly?: boolean;
}

export interface PlanChartSeries {
  name: string;
  /** A1 range of the category labels on the chart's sheet: one column or one row. */
  categories: string;
  /** A1 range of the values, as many cells as `categories`. */
  values: string;
  /** In a column chart: drawn as a line over the bars (a combo chart). */
  as?: "line";
  look: ChartLook;
  /** Each value written on its bar or point, in this number format ("0;;;" leaves out zeros). */
  labels?: { numFmt: string; position?: "center" | "outsideEnd" | "insideBase" };
}

/**
 * How a series looks. Colours are #RRGGBB. Where the writer can draw a pattern (files), bars carry
 * one in the line colour over the fill, so that looks still differ in a grey print.
 */
export interface ChartLook {
  /** Fill of bars and markers; white when absent. */
  fill?: string;
  /** Outline of bars; the line and marker edge of a line series. */
  line?: string;
  pattern?: "dots" | "stripes" | "crosshatch" | "grid" | "horizontal";
  /** A line series: its marker, and 'none' for no line between the markers. */
  marker?: "circle" | "diamond" | "triangle" | "square" | "dash";
  lineStyle?: "solid" | "dash" | "none";
}

export interface PlanChartAxis {
  title?: string;
  /** Number format of the tick labels (value axis). */
  numFmt?: string;
  min?: number;
  max?: number;
  /** The distance between two ticks (value axis), so they fall on round figures from `min`. */
  step?: number;
  /** Category axis: the first category at the top of a bar chart (a ranking read downwards). */
  reverse?: boolean;
  /** Category axis: every category labelled, none skipped where they crowd (turned instead). */
  everyLabel?: boolean;
  /** Not drawn (the values are written on the bars instead). */
  hidden?: boolean;
}

/** A data validation rule on a range; 'percent' is a decimal between min (default 0) and max (default 100). */
export interface CellValidation {
  /** A1 range, e.g. "G5:H5". */
  range: string;
  kind: "decimal" | "whole" | "percent" | "list";
  min?: number;
  max?: number;
  /** The choices of a 'list'. */
  list?: string[];
  /** The input message shown when the cell is selected (Excel allows 255 characters). */
  prompt: string;
  /** The input message's title (Excel allows 32 characters). */
  title?: string;
  /**
   * 'stop' refuses other input; 'warning' (the default) asks and lets the person confirm, so a
   * deliberate 不适用 can still be typed — the validator reads it.
   */
  errorStyle?: "stop" | "warning";
  /** The text of the alert shown for other input. */
  error?: string;
}

/** A mark on a cell of a user's sheet: a fill and a note. The value is never touched. */
export interface Annotation {
  sheet: string;
  cell: string;
  fill: string;
  note: string;
}

export interface WritePlan {
  /** Product-owned sheets, each replaced whole (created when missing). */
  sheets: PlanSheet[];
  annotations: Annotation[];
  /**
   * Sheets whose earlier marks this plan supersedes (the sheets just validated): a marked cell of
   * these sheets that `annotations` no longer marks gets its own fill and note back, so a fixed
   * cell does not stay red. Marks on other sheets are left alone.
   */
  replaceAnnotations?: string[];
  /** The sheet to show when done. */
  activate?: string;
}

/** A hidden sheet where adapters keep the fills that annotations covered, to restore them. */
export const ANNOTATION_STORE_SHEET = "_标注备份";
/**
 * The store's header row (workbook/annotation-store.ts): a sheet and a cell per row, then what the
 * cell had. Both adapters read a store either of them wrote, so the words never change.
 */
export const ANNOTATION_STORE_HEADER: string[] = [
  "工作表 Sheet",
  "单元格 Cell",
  "原填充 Fill",
  "原批注 Note",
  "有批注 HadNote",
  "原样式 Detail",
];

/**
 * Calls fn with every cell a sheet plans: its single cells, the cells its charts draw from, then
 * its table's cells row by row.
 */
export function forEachPlanCell(ps: PlanSheet, fn: (cell: PlanCell) => void): void {
  for (const c of ps.cells) fn(c);
  for (const c of ps.charts?.cells ?? []) fn(c);
  const table = ps.table;
  if (!table) return;
  for (let i = 0; i < table.rows.length; i++) {
    const { values, styles, link } = table.rows[i];
    const row = table.row + i;
    for (let col = 0; col < values.length; col++) {
      const cell: PlanCell = { row, col, value: values[col], ...styles[col] };
      if (link && link.col === col) cell.link = { sheet: link.sheet, cell: link.cell };
      fn(cell);
    }
  }
}

/** Every cell a sheet plans, single cells, chart cells and table cells alike. */
export function planCells(ps: PlanSheet): PlanCell[] {
  if (!ps.table && !ps.charts?.cells.length) return ps.cells;
  const out: PlanCell[] = [];
  forEachPlanCell(ps, (c) => out.push(c));
  return out;
}

/** Single cells of a sheet that are not in its table: its own and those its charts draw from. */
export function singleCells(ps: PlanSheet): PlanCell[] {
  const extra = ps.charts?.cells ?? [];
  return extra.length ? [...ps.cells, ...extra] : ps.cells;
}

/** Column widths of a sheet, the columns beside its table that its charts use included. */
export function sheetColumnWidths(ps: PlanSheet): number[] | undefined {
  const beside = ps.charts?.columnWidths;
  if (!beside) return ps.columnWidths;
  const widths = [...(ps.columnWidths ?? [])];
  for (const [col, w] of Object.entries(beside)) widths[Number(col)] = w;
  // Columns between the table's and the charts' keep Excel's width (0: not set).
  for (let i = 0; i < widths.length; i++) widths[i] ??= 0;
  return widths;
}
