/**
 * The gap-analysis sheet (差距分析, and 汇总 after consolidation): one row per indicator with its
 * figures, status colour + symbol + word, data bars on completion; category and overall scores on top.
 */
import type { Catalogue } from "../model/catalogue";
import type { IndicatorResult, Scores } from "../model/results";
import type { PlanCell, PlanSheet, PlanStyle, PlanTableRow, PlanValue } from "../model/plan";
import { STATUS_STYLE } from "../score";
import { cellAddress } from "../model/cells";
import {
  DATA_BAR_COLOR,
  FMT_PERCENT_1,
  FMT_SCORE,
  HEADER_FILL,
  HEADER_TEXT,
  SUBTLE_TEXT,
  TITLE_TEXT,
  valueFormat,
} from "./styles";
import { SHEET_NAME } from "../i18n/sheet-names";
import { GAP_HEADER as H, OVERALL_SCORE, PROJECTION_MEETS } from "../i18n/gap-labels";
import { inBoth } from "../i18n/catalogue-messages";
import { gapCharts } from "./charts";

export const GAP_SHEET = SHEET_NAME.gap;

const STATUSES = Object.keys(STATUS_STYLE) as IndicatorResult["status"][];

interface Column {
  zh: string;
  width: number;
  value: (r: IndicatorResult) => PlanCell["value"];
  fmt?: (r: IndicatorResult) => string | undefined;
}

export interface GapSheetOptions {
  name: string;
  title: string;
  /** A line under the title: period, as-of date, units. */
  subtitle: string;
  /** Show the source column (sheet, or units for a consolidation). */
  source?: { header: string; value: (r: IndicatorResult) => string };
  /** Link each actual to its source cell. */
  linkToSource?: boolean;
  /**
   * The change of each actual since the previous period (null where none is known), in a column
   * beside the actual (docs/consolidation.md#history-across-periods).
   */
  change?: (r: IndicatorResult) => number | null;
}

const num = (v: number | null) => (v === null ? null : v);

/** "+1.20", "-0.50", "0.00": a change shows its sign. */
function signed(format: string): string {
  return `+${format};-${format};${format}`;
}

/** The sheet's columns, in order; the source and change columns only when asked for. */
function gapColumns(opts: GapSheetOptions, vf: (r: IndicatorResult) => string): Column[] {
  const source = opts.source;
  const change = opts.change;
  return [
    ...(source ? [{ zh: source.header, width: 16, value: source.value }] : []),
    { zh: H.category, width: 14, value: (r) => r.category },
    { zh: H.code, width: 6, value: (r) => r.code },
    { zh: H.name, width: 34, value: (r) => r.name },
    { zh: H.unit, width: 8, value: (r) => r.unit },
    { zh: H.baseline, width: 11, value: (r) => num(r.baseline), fmt: vf },
    { zh: H.target, width: 11, value: (r) => num(r.target), fmt: vf },
    // An invalid row shows what was typed, not a figure derived from it.
    {
      zh: H.actual,
      width: 12,
      value: (r) =>
        r.actual === null || r.status === "invalid" ? (r.actualText ?? null) : r.actual,
      fmt: vf,
    },
    ...(change
      ? [{ zh: H.change, width: 11, value: change, fmt: (r: IndicatorResult) => signed(vf(r)) }]
      : []),
    { zh: H.completion, width: 10, value: (r) => num(r.completion), fmt: () => FMT_PERCENT_1 },
    { zh: H.schedule, width: 10, value: (r) => num(r.schedule), fmt: () => FMT_PERCENT_1 },
    { zh: H.progress, width: 10, value: (r) => num(r.progress), fmt: () => FMT_PERCENT_1 },
    { zh: H.gap, width: 11, value: (r) => num(r.gap), fmt: vf },
    {
      zh: H.requiredGrowth,
      width: 12,
      value: (r) => num(r.requiredGrowth),
      fmt: () => FMT_PERCENT_1,
    },
    { zh: H.projection, width: 12, value: (r) => num(r.projection), fmt: vf },
    {
      zh: H.projectionMeets,
      width: 12,
      value: (r) =>
        r.projectionMeets === null
          ? ""
          : r.projectionMeets
            ? PROJECTION_MEETS.yes
            : PROJECTION_MEETS.no,
    },
    {
      zh: H.status,
      width: 16,
      value: (r) => `${STATUS_STYLE[r.status].symbol} ${STATUS_STYLE[r.status].zh}`,
    },
    { zh: H.score, width: 8, value: (r) => num(r.score), fmt: () => FMT_SCORE },
  ];
}

/** Overall and category scores, and the count of each status in its colours; the row after the block. */
function scoresBlock(cells: PlanCell[], results: IndicatorResult[], scores: Scores): number {
  const r = 3;
  cells.push({ row: r, col: 0, value: inBoth(OVERALL_SCORE), bold: true });
  cells.push({ row: r, col: 2, value: scores.overall, numFmt: FMT_SCORE, bold: true });
  const categories = Object.keys(scores.categories);
  categories.forEach((cat, i) => {
    cells.push({ row: r + 1 + i, col: 0, value: cat });
    cells.push({ row: r + 1 + i, col: 2, value: scores.categories[cat], numFmt: FMT_SCORE });
  });
  // Status counts, each with its colour, symbol and word (readable in print and without colour).
  const counts = new Map<string, number>();
  for (const res of results) counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
  let sc = 4;
  for (const [status, n] of counts) {
    const st = STATUS_STYLE[status as IndicatorResult["status"]];
    cells.push({
      row: r,
      col: sc,
      value: `${st.symbol} ${st.zh} ${n}`,
      fill: st.fill ?? undefined,
      fontColor: st.text,
    });
    sc += 2;
  }
  return r + categories.length + 2;
}

interface RowMaker {
  columns: Column[];
  vf: (r: IndicatorResult) => string;
  linkToSource?: boolean;
}

/** The indicator rows as a table: rows that look alike share one array of styles. */
function tableRows(results: IndicatorResult[], m: RowMaker): PlanTableRow[] {
  const { columns, vf } = m;
  const statusCol = columns.findIndex((c) => c.zh === H.status);
  const actualCol = columns.findIndex((c) => c.zh === H.actual);
  const rowLooks = new Map<string, Map<number, (PlanStyle | undefined)[]>>();
  const rows: PlanTableRow[] = new Array(results.length);
  for (let i = 0; i < results.length; i++) {
    const res = results[i];
    const values: PlanValue[] = new Array(columns.length);
    let numbers = 0;
    for (let ci = 0; ci < columns.length; ci++) {
      const value = columns[ci].value(res);
      values[ci] = value;
      if (typeof value === "number") numbers |= 1 << ci;
    }
    // A row's look: its value format, status and approximate flag, and which of its cells hold figures.
    const format = vf(res);
    let looks = rowLooks.get(format);
    if (!looks) rowLooks.set(format, (looks = new Map()));
    const lookKey =
      (numbers * STATUSES.length + STATUSES.indexOf(res.status)) * 2 + (res.approximate ? 1 : 0);
    let styles = looks.get(lookKey);
    if (!styles) {
      styles = columns.map((c, ci) => {
        const style: PlanStyle = {};
        const fmt = c.fmt?.(res);
        if (fmt && numbers & (1 << ci)) style.numFmt = fmt;
        if (ci === statusCol) {
          const st = STATUS_STYLE[res.status];
          if (st.fill) style.fill = st.fill;
          style.fontColor = st.text;
        }
        if (ci === actualCol && res.approximate) style.fontColor = SUBTLE_TEXT;
        return Object.keys(style).length ? Object.freeze(style) : undefined;
      });
      looks.set(lookKey, styles);
    }
    const row: PlanTableRow = { values, styles };
    if (m.linkToSource && res.cell && res.sheet)
      row.link = { col: actualCol, sheet: res.sheet, cell: res.cell };
    rows[i] = row;
  }
  return rows;
}

export function gapSheet(
  results: IndicatorResult[],
  scores: Scores,
  catalogue: Catalogue,
  opts: GapSheetOptions
): PlanSheet {
  const integer = new Map(catalogue.indicators.map((i) => [i.code, i.integer]));
  const vf = (r: IndicatorResult) => (r.unit === "%" ? "0.00" : valueFormat(integer.get(r.code)));
  const columns = gapColumns(opts, vf);
  const completionCol = columns.findIndex((c) => c.zh === H.completion);

  const cells: PlanCell[] = [];
  cells.push({ row: 0, col: 0, value: opts.title, bold: true, size: 14, fontColor: TITLE_TEXT });
  cells.push({ row: 1, col: 0, value: opts.subtitle, fontColor: SUBTLE_TEXT });
  const headerRow = scoresBlock(cells, results, scores);
  columns.forEach((c, i) =>
    cells.push({
      row: headerRow,
      col: i,
      value: c.zh,
      bold: true,
      fill: HEADER_FILL,
      fontColor: HEADER_TEXT,
      align: "center",
      wrap: true,
    })
  );
  const rows = tableRows(results, { columns, vf, linkToSource: opts.linkToSource });
  const last = headerRow + results.length;
  const bars = `${cellAddress(headerRow + 1, completionCol)}:${cellAddress(last, completionCol)}`;
  return {
    name: opts.name,
    cells,
    table: { row: headerRow + 1, rows },
    columnWidths: columns.map((c) => c.width),
    dataBars: results.length ? [{ range: bars, color: DATA_BAR_COLOR }] : [],
    autoFilter: `${cellAddress(headerRow, 0)}:${cellAddress(Math.max(last, headerRow + 1), columns.length - 1)}`,
    freezeRows: headerRow + 1,
    landscape: true,
    charts: gapCharts({ results, headerRow, columns: columns.map((c) => c.width) }),
  };
}
