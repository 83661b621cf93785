/**
 * A product sheet's charts drawn with Office.js (docs/charts.md): each chart added over its first
 * series' values, the other series added and pointed at their ranges, then looks, labels, axes,
 * title and place — all queued with the sheet's writes, so charts cost no sync of their own.
 * The sheet is deleted and made anew on every run, and its charts with it.
 *
 * Requirement sets of the members used (https://learn.microsoft.com/javascript/api/excel/excel.chart,
 * excel.chartseries, excel.chartaxis, excel.chartdatalabels): ChartCollection.add, Chart.setPosition,
 * name, title, legend, axes, series.getItemAt, ChartFill.setSolidColor, ChartLineFormat.color and
 * ChartAxis.minimum/maximum/majorUnit/title are ExcelApi 1.1; ChartSeriesCollection.add, ChartSeries.setValues,
 * setXAxisValues, chartType, markerStyle/Size/colours, hasDataLabels and gapWidth,
 * ChartLineFormat.lineStyle, ChartAxis.visible, reversePlotOrder and tickLabelSpacing are 1.7; ChartSeries.dataLabels
 * with its numberFormat, overlap, Chart.plotVisibleOnly, ChartAxis.numberFormat, position and
 * textOrientation are 1.8. So charts need ExcelApi 1.8 (support.ts); below it the sheets are written without them.
 * Chart series have no pattern fills in the API: the statuses differ by colour, outline, the
 * symbols in the series' names and the labels on the bars.
 */
import type { ChartLook, PlanChart, PlanChartSeries } from "../../core/model/plan";
import { estimatePayload, type WriteBatch } from "./payload";

const LABEL_POSITIONS: Record<
  NonNullable<NonNullable<PlanChartSeries["labels"]>["position"]>,
  Excel.ChartDataLabels["position"]
> = {
  center: "Center",
  outsideEnd: "OutsideEnd",
  insideBase: "InsideBase",
};

const MARKERS: Record<NonNullable<ChartLook["marker"]>, Excel.ChartSeries["markerStyle"]> = {
  circle: "Circle",
  diamond: "Diamond",
  triangle: "Triangle",
  square: "Square",
  dash: "Dash",
};

const LEGEND: Record<"bottom" | "right" | "top", Excel.ChartLegend["position"]> = {
  bottom: "Bottom",
  right: "Right",
  top: "Top",
};

/** The Excel chart type of a chart, and of a series drawn as a line in it. */
export function chartTypeOf(chart: PlanChart): Excel.ChartType | "Line" | "LineMarkers" {
  if (chart.kind === "line")
    return chart.series.some((s) => s.look.marker) ? "LineMarkers" : "Line";
  const dir = chart.kind === "bar" ? "Bar" : "Column";
  return `${dir}${chart.stacked ? "Stacked" : "Clustered"}` as Excel.ChartType;
}

/** Values in one column make one series ("Columns"), values in one row too ("Rows"). */
function seriesBy(range: string): Excel.ChartSeriesBy | "Columns" | "Rows" {
  const [a, b] = range.split(":");
  const col = (x: string) => x.replace(/\d+$/, "");
  return b === undefined || col(a) === col(b) ? "Columns" : "Rows";
}

function styleSeries(s: Excel.ChartSeries, planned: PlanChartSeries, line: boolean): void {
  const look = planned.look;
  if (line) {
    if (look.line) s.format.line.color = look.line;
    if (look.lineStyle === "none") s.format.line.lineStyle = "None";
    else if (look.lineStyle === "dash") s.format.line.lineStyle = "Dash";
    if (look.marker) {
      s.markerStyle = MARKERS[look.marker];
      s.markerSize = look.marker === "dash" ? 14 : 7;
      s.markerBackgroundColor = look.fill ?? "#FFFFFF";
      s.markerForegroundColor = look.line ?? look.fill ?? "#404040";
    } else s.markerStyle = "None";
  } else {
    s.format.fill.setSolidColor(look.fill ?? "#FFFFFF");
    if (look.line) s.format.line.color = look.line;
  }
  if (planned.labels) {
    s.hasDataLabels = true;
    s.dataLabels.showValue = true;
    s.dataLabels.numberFormat = planned.labels.numFmt;
    s.dataLabels.position = LABEL_POSITIONS[planned.labels.position ?? "center"];
  }
}

/**
 * The chart's series: the first made with the chart, the others added; each pointed at its ranges
 * — the first too, since Excel may take a blank or text first cell of the range for a header.
 */
function addSeries(ws: Excel.Worksheet, chart: Excel.Chart, planned: PlanChart): void {
  planned.series.forEach((p, i) => {
    const s = i === 0 ? chart.series.getItemAt(0) : chart.series.add(p.name);
    if (i === 0) s.name = p.name;
    s.setValues(ws.getRange(p.values));
    s.setXAxisValues(ws.getRange(p.categories));
    const line = planned.kind === "line" || p.as === "line";
    if (p.as === "line" && planned.kind !== "line")
      s.chartType = p.look.marker ? "LineMarkers" : "Line";
    styleSeries(s, p, line);
    if (!line && i === 0) {
      s.gapWidth = planned.stacked ? 60 : 80;
      if (planned.stacked) s.overlap = 100;
    }
  });
}

function styleAxes(chart: Excel.Chart, planned: PlanChart): void {
  const cat = chart.axes.categoryAxis;
  const val = chart.axes.valueAxis;
  const c = planned.categoryAxis ?? {};
  const v = planned.valueAxis ?? {};
  if (c.title) cat.title.text = c.title;
  if (c.reverse) {
    cat.reversePlotOrder = true;
    // The value axis crosses at the last category, which is now at the bottom.
    cat.position = "Maximum";
  }
  if (c.hidden) cat.visible = false;
  if (c.everyLabel) {
    // Every label kept, turned to read upwards so that one per indicator fits side by side.
    cat.tickLabelSpacing = 1;
    cat.textOrientation = 90;
  }
  if (v.title) val.title.text = v.title;
  if (v.numFmt) val.numberFormat = v.numFmt;
  if (v.min !== undefined) val.minimum = v.min;
  if (v.max !== undefined) val.maximum = v.max;
  if (v.step !== undefined) val.majorUnit = v.step;
  if (v.hidden) val.visible = false;
}

/** Queues the charts of a sheet just written; the caller checked that this Excel supports them. */
export async function addCharts(
  ws: Excel.Worksheet,
  charts: PlanChart[],
  batch: WriteBatch
): Promise<void> {
  for (const planned of charts) {
    await batch.reserve(estimatePayload(planned) * 2);
    const first = planned.series[0];
    const chart = ws.charts.add(
      chartTypeOf(planned),
      ws.getRange(first.values),
      seriesBy(first.values)
    );
    chart.name = planned.name;
    chart.title.text = planned.title;
    chart.title.format.font.size = 13;
    chart.title.format.font.bold = true;
    chart.format.font.size = 10;
    addSeries(ws, chart, planned);
    styleAxes(chart, planned);
    if (planned.legend === "none") chart.legend.visible = false;
    else chart.legend.position = LEGEND[planned.legend ?? "bottom"];
    chart.plotVisibleOnly = planned.visibleOnly === true;
    const [start, end] = planned.anchor.split(":");
    chart.setPosition(start, end ?? start);
  }
}
