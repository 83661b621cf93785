/**
 * The 趋势 sheet: the consolidation's periods side by side, oldest first — an overview (units
 * reported, scores), each indicator's city value, completion and status per period, and per category
 * a block of completion per period against 序时进度, laid out for a line chart: the periods along the
 * top row, one row per series, names in the first column (docs/consolidation.md#history-across-periods).
 */
import type { Catalogue } from "../model/catalogue";
import { SHEET_NAME } from "../i18n/sheet-names";
import { trendCharts } from "./trend-charts";
import {
  TREND_CHARTS_TITLE,
  TREND_HEADER,
  TREND_OVERVIEW,
  TREND_TITLE,
  categoryCompletionLabel,
  scheduleLabel,
  trendSubtitle,
} from "../i18n/trend-labels";
import type { PlanCell, PlanSheet, PlanStyle, PlanTableRow } from "../model/plan";
import type { ConsolidationHistory, IndicatorTrend } from "../model/consolidation";
import { cellAddress } from "../model/cells";
import { STATUS_STYLE } from "../score";
import {
  FMT_PERCENT_1,
  FMT_SCORE,
  HEADER_FILL,
  HEADER_TEXT,
  SUBTLE_TEXT,
  TITLE_TEXT,
  valueFormat,
} from "./styles";

export const TREND_SHEET = SHEET_NAME.trend;

/** A category's block for a line chart: completion of each indicator and 序时进度, per period. */
export interface TrendChartBlock {
  category: string;
  /** The whole block, header row and name column included (e.g. "C40:F44"). */
  range: string;
  /** The period names along the top (the chart's categories), e.g. "D40:F40". */
  periods: string;
  /** One series per row: its name's cell and its values (completion, a share: 0.5 = 50 %). */
  series: { name: string; nameCell: string; values: string }[];
  /** The last series: 序时进度 per period, named by its row's label (序时进度 or its mean). */
  schedule: { name: string; nameCell: string; values: string };
}

/** Columns: 类别, 编码, 指标名称, 单位, then 完成值, 完成率, 状态 for each period. */
const FIXED = [
  { zh: TREND_HEADER.category, width: 14 },
  { zh: TREND_HEADER.code, width: 7 },
  { zh: TREND_HEADER.name, width: 34 },
  { zh: TREND_HEADER.unit, width: 14 },
];
const PER_PERIOD = [
  { zh: TREND_HEADER.value, width: 12 },
  { zh: TREND_HEADER.completion, width: 10 },
  { zh: TREND_HEADER.status, width: 13 },
];
/** The chart blocks: series names in 指标名称's column, periods from the next column on. */
const NAME_COL = 2;

const header = (row: number, col: number, value: string): PlanCell => ({
  row,
  col,
  value,
  bold: true,
  fill: HEADER_FILL,
  fontColor: HEADER_TEXT,
  align: "center",
  wrap: true,
});

/** Units reported, overall and category scores per period; the row after the block. */
function overview(cells: PlanCell[], h: ConsolidationHistory, top: number): number {
  cells.push(header(top, NAME_COL, TREND_OVERVIEW.title));
  h.periods.forEach((p, k) => cells.push(header(top, NAME_COL + 1 + k, p.period)));
  const line = (
    row: number,
    label: string,
    values: (string | number | null)[],
    numFmt?: string
  ) => {
    cells.push({ row, col: NAME_COL, value: label, bold: true });
    values.forEach((v, k) =>
      cells.push({
        row,
        col: NAME_COL + 1 + k,
        value: v,
        align: "right",
        ...(numFmt ? { numFmt } : {}),
      })
    );
  };
  line(
    top + 1,
    TREND_OVERVIEW.asOf,
    h.periods.map((p) => p.asOf)
  );
  line(
    top + 2,
    TREND_OVERVIEW.units,
    h.periods.map((p) => `${p.reported} / ${p.expected}`)
  );
  line(
    top + 3,
    TREND_OVERVIEW.overall,
    h.periods.map((p) => p.scores.overall),
    FMT_SCORE
  );
  const categories = Object.keys(h.periods[h.periods.length - 1].scores.categories);
  categories.forEach((cat, i) =>
    line(
      top + 4 + i,
      `　${cat}`,
      h.periods.map((p) => p.scores.categories[cat] ?? null),
      FMT_SCORE
    )
  );
  return top + 4 + categories.length + 1;
}

/** The indicator table's two header rows: the periods over their three columns, then the columns. */
function tableHeader(
  cells: PlanCell[],
  merges: string[],
  h: ConsolidationHistory,
  row: number
): void {
  FIXED.forEach((c, i) => cells.push(header(row, i, ""), header(row + 1, i, c.zh)));
  h.periods.forEach((p, k) => {
    const first = FIXED.length + k * PER_PERIOD.length;
    PER_PERIOD.forEach((c, j) => {
      cells.push(header(row, first + j, j === 0 ? p.period : ""));
      cells.push(header(row + 1, first + j, c.zh));
    });
    merges.push(`${cellAddress(row, first)}:${cellAddress(row, first + PER_PERIOD.length - 1)}`);
  });
}

/** One row per indicator: the fixed columns, then value, completion and status per period. */
function indicatorRows(h: ConsolidationHistory, catalogue: Catalogue): PlanTableRow[] {
  const integer = new Map(catalogue.indicators.map((i) => [i.code, i.integer]));
  return h.indicators.map((ind) => {
    const values: PlanTableRow["values"] = [ind.category, ind.code, ind.name, ind.unit];
    const styles: (PlanStyle | undefined)[] = [undefined, undefined, undefined, undefined];
    const fmt = ind.unit === "%" ? "0.00" : valueFormat(integer.get(ind.code));
    for (const p of ind.points) {
      const st = STATUS_STYLE[p.status];
      values.push(p.value ?? p.text, p.completion, `${st.symbol} ${st.zh}`);
      styles.push(
        p.value === null ? undefined : { numFmt: fmt },
        p.completion === null ? undefined : { numFmt: FMT_PERCENT_1 },
        { ...(st.fill ? { fill: st.fill } : {}), fontColor: st.text }
      );
    }
    return { values, styles };
  });
}

/** 序时进度 of a category per period: its indicators' (the same for most; else their mean). */
function scheduleOf(inds: IndicatorTrend[], k: number): { value: number | null; mean: boolean } {
  const s = inds.map((i) => i.points[k].schedule).filter((x): x is number => x !== null);
  if (!s.length) return { value: null, mean: false };
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { value: mean, mean: s.some((x) => Math.abs(x - s[0]) > 1e-9) };
}

/** One category's chart block at `top`: header row of periods, a row per indicator, 序时进度 last. */
function chartBlock(
  cells: PlanCell[],
  periods: string[],
  category: string,
  inds: IndicatorTrend[],
  top: number
): TrendChartBlock {
  const n = periods.length;
  const first = NAME_COL + 1;
  const last = first + n - 1;
  const periodsOf = (row: number) => `${cellAddress(row, first)}:${cellAddress(row, last)}`;
  cells.push(header(top, NAME_COL, categoryCompletionLabel(category)));
  periods.forEach((p, k) => cells.push(header(top, first + k, p)));
  const series: TrendChartBlock["series"] = [];
  inds.forEach((ind, i) => {
    const row = top + 1 + i;
    const name = `${ind.code} ${ind.name}`;
    cells.push({ row, col: NAME_COL, value: name });
    ind.points.forEach((p, k) =>
      cells.push({ row, col: first + k, value: p.completion, numFmt: FMT_PERCENT_1 })
    );
    series.push({ name, nameCell: cellAddress(row, NAME_COL), values: periodsOf(row) });
  });
  const sRow = top + 1 + inds.length;
  const schedules = Array.from({ length: n }, (_, k) => scheduleOf(inds, k));
  const label = scheduleLabel(schedules.some((s) => s.mean));
  cells.push({ row: sRow, col: NAME_COL, value: label, bold: true, fontColor: SUBTLE_TEXT });
  schedules.forEach((s, k) =>
    cells.push({
      row: sRow,
      col: first + k,
      value: s.value,
      numFmt: FMT_PERCENT_1,
      fontColor: SUBTLE_TEXT,
    })
  );
  return {
    category,
    range: `${cellAddress(top, NAME_COL)}:${cellAddress(sRow, last)}`,
    periods: periodsOf(top),
    series,
    schedule: { name: label, nameCell: cellAddress(sRow, NAME_COL), values: periodsOf(sRow) },
  };
}

/** The chart blocks, one per category with a completion in some period, from `top` down. */
function chartBlocks(cells: PlanCell[], h: ConsolidationHistory, top: number): TrendChartBlock[] {
  cells.push({
    row: top,
    col: 0,
    value: TREND_CHARTS_TITLE,
    bold: true,
    fontColor: TITLE_TEXT,
  });
  const categories = Array.from(new Set(h.indicators.map((i) => i.category)));
  const periods = h.periods.map((p) => p.period);
  const blocks: TrendChartBlock[] = [];
  let row = top + 1;
  for (const category of categories) {
    const inds = h.indicators.filter(
      (i) => i.category === category && i.points.some((p) => p.completion !== null)
    );
    if (!inds.length) continue;
    blocks.push(chartBlock(cells, periods, category, inds, row));
    row += inds.length + 3;
  }
  return blocks;
}

/** The 趋势 sheet and where its chart blocks are (for a line chart per category). */
export function trendSheetLayout(
  h: ConsolidationHistory,
  catalogue: Catalogue
): { sheet: PlanSheet; charts: TrendChartBlock[] } {
  const cells: PlanCell[] = [];
  const merges: string[] = [];
  const first = h.periods[0].period;
  const last = h.periods[h.periods.length - 1].period;
  cells.push({
    row: 0,
    col: 0,
    value: TREND_TITLE,
    bold: true,
    size: 14,
    fontColor: TITLE_TEXT,
  });
  cells.push({
    row: 1,
    col: 0,
    fontColor: SUBTLE_TEXT,
    value: trendSubtitle({ first, last, periods: h.periods.length, version: catalogue.version }),
  });
  const headerRow = overview(cells, h, 3);
  tableHeader(cells, merges, h, headerRow);
  const rows = indicatorRows(h, catalogue);
  const lastRow = headerRow + 1 + rows.length;
  const charts = chartBlocks(cells, h, lastRow + 2);
  const width = FIXED.length + h.periods.length * PER_PERIOD.length;
  const sheet: PlanSheet = {
    name: TREND_SHEET,
    cells,
    table: { row: headerRow + 2, rows },
    merges,
    // The overview's and blocks' period columns hold a period's name on one line.
    columnWidths: [
      ...FIXED.map((c) => c.width),
      ...h.periods.flatMap(() => PER_PERIOD.map((c) => c.width)),
    ].map((w, col) => (col > NAME_COL && col <= NAME_COL + h.periods.length ? Math.max(w, 16) : w)),
    // Period names wrap to two lines in the header rows of the overview, the table and each block.
    rowHeights: Object.fromEntries(
      [3, headerRow, ...charts.map((c) => Number(/\d+/.exec(c.periods)![0]) - 1)].map((r) => [
        r,
        30,
      ])
    ),
    // No frozen rows: the overview above the table would fill a laptop's window.
    autoFilter: `${cellAddress(headerRow + 1, 0)}:${cellAddress(Math.max(lastRow, headerRow + 2), width - 1)}`,
    landscape: true,
  };
  const drawn = trendCharts(charts);
  if (drawn) sheet.charts = drawn;
  return { sheet, charts };
}

export function trendSheet(h: ConsolidationHistory, catalogue: Catalogue): PlanSheet {
  return trendSheetLayout(h, catalogue).sheet;
}
