/**
 * The charts of 差距分析 and 汇总 (docs/charts.md): how many indicators of each category are in
 * each status (stacked bars in the status colours), and each indicator's progress (推进进度, the
 * figure its status compares) against its schedule (序时进度, a dark dash).
 */
import type { PlanValue, SheetCharts } from "../model/plan";
import type { IndicatorResult, Status } from "../model/results";
import { STATUS_STYLE } from "../score/status-style";
import { FMT_PERCENT_1 } from "./styles";
import { CHART_TOTAL, PROGRESS_CHART, STATUS_BY_CATEGORY_CHART } from "../i18n/chart-labels";
import { BlockPlace, SideArea, blockColumn } from "./chart-layout";
import { CHART_STATUS_ORDER, SCHEDULE_LOOK, statusLook, statusName } from "./chart-looks";

/** More indicators than this make a forest of bars: the progress chart is left out (the counts stay). */
export const MAX_PROGRESS_BARS = 60;

export interface GapChartInput {
  results: IndicatorResult[];
  /** The 0-based row of the table's header. */
  headerRow: number;
  /** The widths of the table's columns, in characters. */
  columns: number[];
}

/** The charts of a gap-analysis sheet, or undefined when it has no indicator. */
export function gapCharts(input: GapChartInput): SheetCharts | undefined {
  const { results } = input;
  if (!results.length) return undefined;
  const side = new SideArea(input.columns, input.headerRow);
  statusByCategory(side, results);
  if (results.length <= MAX_PROGRESS_BARS) progressAgainstSchedule(side, results);
  return side.result(input.headerRow + results.length);
}

function present(results: IndicatorResult[], include: (r: IndicatorResult) => boolean): Status[] {
  const seen = new Set(results.filter(include).map((r) => r.status));
  return CHART_STATUS_ORDER.filter((s) => seen.has(s));
}

/** How many indicators of each category are in each status, categories in the table's order (one pass). */
function countByCategory(results: IndicatorResult[]): Map<string, Map<Status, number>> {
  const counts = new Map<string, Map<Status, number>>();
  for (const r of results) {
    const cat = r.category || "—";
    let byStatus = counts.get(cat);
    if (!byStatus) counts.set(cat, (byStatus = new Map()));
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  }
  return counts;
}

function statusByCategory(side: SideArea, results: IndicatorResult[]): void {
  const counts = countByCategory(results);
  const statuses = CHART_STATUS_ORDER.filter((s) => [...counts.values()].some((m) => m.has(s)));
  const rows: PlanValue[][] = [...counts].map(([cat, m]) => [
    cat,
    ...statuses.map((s) => m.get(s) ?? 0),
    [...m.values()].reduce((a, b) => a + b, 0),
  ]);
  rows.push([
    CHART_TOTAL,
    ...statuses.map((_, i) => rows.reduce((n, r) => n + (r[i + 1] as number), 0)),
    results.length,
  ]);
  const place = side.block(
    STATUS_BY_CATEGORY_CHART.caption,
    [
      { header: STATUS_BY_CATEGORY_CHART.category },
      ...statuses.map((s) => ({
        header: statusName(s),
        fill: STATUS_STYLE[s].fill ?? undefined,
        fontColor: STATUS_STYLE[s].text,
        numFmt: "0",
        width: 11,
      })),
      { header: CHART_TOTAL, numFmt: "0", width: 7 },
    ],
    rows
  );
  // The 合计 row is for reading, not a bar.
  const last = place.lastRow - 1;
  side.addChart({
    name: STATUS_BY_CATEGORY_CHART.name,
    kind: "bar",
    stacked: true,
    title: STATUS_BY_CATEGORY_CHART.title,
    series: statuses.map((s, i) => ({
      name: statusName(s),
      categories: blockColumn(place, 0, last),
      values: blockColumn(place, i + 1, last),
      look: statusLook(s),
      labels: { numFmt: "0;;;", position: "center" },
    })),
    categoryAxis: { reverse: true },
    valueAxis: { title: STATUS_BY_CATEGORY_CHART.axis, numFmt: "0", min: 0 },
    legend: "bottom",
    anchor: side.nextAnchor(Math.max(12, 2 * counts.size + 7)),
  });
}

/**
 * The value axis: 0 to 100 % at least, up to 150 % (longer bars are cut) and down to -50 %, in
 * steps of 25 % from a multiple of 25 %.
 */
function progressScale(values: number[]): { min: number; max: number; step: number } {
  // A hair of tolerance: 1.0000000001 is 100 %, not the next step.
  const up = Math.ceil(Math.max(...values, 0) * 4 - 1e-9) / 4;
  const down = Math.floor(Math.min(...values, 0) * 4 + 1e-9) / 4;
  return { max: Math.min(1.5, Math.max(1, up)), min: Math.max(-0.5, down), step: 0.25 };
}

function progressAgainstSchedule(side: SideArea, results: IndicatorResult[]): void {
  const statuses = present(results, (r) => r.progress !== null);
  if (!statuses.length) return;
  const rows: PlanValue[][] = results.map((r) => [
    `${STATUS_STYLE[r.status].symbol} ${r.code}`,
    ...statuses.map((s) => (r.status === s ? r.progress : null)),
    r.schedule,
  ]);
  const place: BlockPlace = side.block(
    PROGRESS_CHART.caption,
    [
      { header: PROGRESS_CHART.indicator, width: 9 },
      ...statuses.map((s) => ({
        header: statusName(s),
        fill: STATUS_STYLE[s].fill ?? undefined,
        fontColor: STATUS_STYLE[s].text,
        numFmt: FMT_PERCENT_1,
        width: 11,
      })),
      { header: PROGRESS_CHART.schedule, numFmt: FMT_PERCENT_1, width: 10 },
    ],
    rows
  );
  const categories = blockColumn(place, 0);
  const figures = results.flatMap((r) => (r.progress === null ? [] : [r.progress]));
  side.addChart({
    name: PROGRESS_CHART.name,
    kind: "column",
    // One status column holds each indicator's figure: stacking gives one bar per indicator.
    stacked: true,
    title: PROGRESS_CHART.title,
    series: [
      ...statuses.map((s, i) => ({
        name: statusName(s),
        categories,
        values: blockColumn(place, i + 1),
        look: statusLook(s),
      })),
      {
        name: PROGRESS_CHART.scheduleSeries,
        categories,
        values: blockColumn(place, statuses.length + 1),
        as: "line" as const,
        look: SCHEDULE_LOOK,
      },
    ],
    categoryAxis: { everyLabel: true },
    valueAxis: { numFmt: "0%", ...progressScale(figures) },
    legend: "bottom",
    anchor: side.nextAnchor(20),
  });
}
