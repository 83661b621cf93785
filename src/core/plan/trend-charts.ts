/**
 * The charts of 趋势 (docs/charts.md, docs/consolidation.md#history-across-periods): for each
 * category, a line per indicator of its completion in each period, and 序时进度 as a dark dashed
 * line — drawn from the category's block under the table, placed to the right of that block.
 */
import type { ChartLook, PlanChart, SheetCharts } from "../model/plan";
import { cellAddress, parseAddress } from "../model/cells";
import { TREND_CHART } from "../i18n/chart-labels";
import type { TrendChartBlock } from "./trend-sheet";

/** Colours that differ on screen, and markers that still tell the lines apart in a grey print. */
const LINE_COLOURS = ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2"];
const MARKERS: ChartLook["marker"][] = ["circle", "diamond", "triangle", "square"];
const SCHEDULE: ChartLook = { line: "#262626", fill: "#262626", lineStyle: "dash", marker: "dash" };

/** Rows a chart takes at the least, so that a category of one indicator still reads. */
const MIN_ROWS = 14;
/** Columns a chart takes, beside its block. */
const CHART_COLUMNS = 8;

function lineLook(i: number): ChartLook {
  const colour = LINE_COLOURS[i % LINE_COLOURS.length];
  return { line: colour, fill: colour, marker: MARKERS[i % MARKERS.length], lineStyle: "solid" };
}

function chartOf(block: TrendChartBlock, anchor: string): PlanChart {
  const line = (name: string, values: string, look: ChartLook) => ({
    name,
    categories: block.periods,
    values,
    look,
  });
  return {
    name: TREND_CHART.name(block.category),
    kind: "line",
    title: TREND_CHART.title(block.category),
    series: [
      ...block.series.map((s, k) => line(s.name, s.values, lineLook(k))),
      line(block.schedule.name, block.schedule.values, SCHEDULE),
    ],
    valueAxis: { title: TREND_CHART.axis, numFmt: "0%", min: 0 },
    legend: "bottom",
    anchor,
  };
}

/** A chart per block, each from its block's top row down, never over the next chart. */
export function trendCharts(blocks: TrendChartBlock[]): SheetCharts | undefined {
  if (!blocks.length) return undefined;
  const charts: PlanChart[] = [];
  let free = 0;
  for (const block of blocks) {
    const [from, to] = block.range.split(":").map(parseAddress);
    const left = to.col + 2;
    const top = Math.max(from.row, free);
    const bottom = top + Math.max(MIN_ROWS, to.row - from.row + 1) - 1;
    free = bottom + 2;
    const anchor = `${cellAddress(top, left)}:${cellAddress(bottom, left + CHART_COLUMNS - 1)}`;
    charts.push(chartOf(block, anchor));
  }
  return { charts, cells: [] };
}
