/**
 * Charts of the Excel API double (see excel-double.ts): Worksheet.charts and what the product
 * calls on a chart, its series, axes, title and legend. Like the rest of the double, every call is
 * queued until sync, a property is read only after load and sync, and each member checks the
 * ExcelApi set its reference page gives (https://learn.microsoft.com/javascript/api/excel/excel.chart,
 * excel.chartcollection, excel.chartseries, excel.chartseriescollection, excel.chartaxis,
 * excel.chartdatalabels, excel.chartlineformat, excel.chartfill, excel.charttitle, excel.chartlegend):
 * charts.add, setPosition, name, title, legend, axes' title/minimum/maximum/majorUnit, series.getItemAt and
 * series' name, fill and line colour are 1.1; series.add, setValues, setXAxisValues, chartType,
 * marker properties, hasDataLabels, gapWidth, line style, axis visible, reversePlotOrder and
 * tickLabelSpacing 1.7;
 * series.dataLabels and its numberFormat, overlap, plotVisibleOnly, axis numberFormat, position and
 * textOrientation 1.8.
 * As Excel does, gapWidth and overlap are refused on series that are not bars, markers on series
 * that are not lines, and a chart on a sheet protected without allowEditObjects.
 */
import { parseAddress } from "../../src/core/model/cells";
import { DoubleContextBase as DoubleContext, Proxy } from "./excel-double-context";
import {
  DChart,
  DChartAxis,
  DChartSeries,
  DSheet,
  ExcelDoubleError,
  boxAddress,
  guard,
  parseBox,
} from "./excel-double-model";
import type { RangeProxy } from "./excel-double-ranges";

/** The chart types the double knows (Excel.ChartType has many more; others are NotModelled). */
const TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
]);
const MARKERS = new Set([
  "Automatic",
  "None",
  "Square",
  "Diamond",
  "Triangle",
  "X",
  "Star",
  "Dot",
  "Dash",
  "Circle",
  "Plus",
]);
const LINE_STYLES = new Set([
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Automatic",
  "RoundDot",
]);
const LEGEND = new Set(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]);
const LABEL_POSITIONS = new Set([
  "None",
  "Center",
  "InsideEnd",
  "InsideBase",
  "OutsideEnd",
  "Left",
  "Right",
  "Top",
  "Bottom",
  "BestFit",
  "Callout",
]);
const AXIS_POSITIONS = new Set(["Automatic", "Maximum", "Minimum", "Custom"]);

function oneOf(set: Set<string>, value: string, what: string): void {
  if (!set.has(value)) throw new ExcelDoubleError("InvalidArgument", `${what}: ${value}`);
}

/** A write-only property: set queues the change, get throws as an unloaded property does. */
function settable<T extends object>(
  ctx: DoubleContext,
  target: T,
  owner: string,
  props: Record<string, { version: number; apply: (value: never) => void }>
): T {
  for (const [name, p] of Object.entries(props)) {
    Object.defineProperty(target, name, {
      set: (value: unknown) => {
        ctx.need(p.version, `${owner}.${name}`);
        ctx.enqueue(() => p.apply(value as never), { [name]: value });
      },
      get: () => {
        throw new ExcelDoubleError(
          "PropertyNotLoaded",
          `${owner}.${name} was not loaded and synced`
        );
      },
    });
  }
  return target;
}

/** The address of a range argument, resolved when the queue reaches the call. */
function rangeArgument(range: RangeProxy, sheet: DSheet): string {
  const box = range.box();
  if (!box) throw new ExcelDoubleError("InvalidArgument", "a null range");
  if (box.sheet !== sheet)
    throw new ExcelDoubleError(
      "NotModelled",
      `a chart over another sheet's cells (${box.sheet.name})`
    );
  return boxAddress(box);
}

export class ChartCollectionProxy {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly sheet: () => DSheet | null
  ) {}

  /** ChartCollection.add(type, sourceData, seriesBy) (ExcelApi 1.1). */
  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    this.ctx.need(1.01, "ChartCollection.add");
    let made: DChart | null = null;
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        if (!s) throw new ExcelDoubleError("InvalidOperation", "charts of a null sheet");
        guard(s, "editObjects");
        if (!TYPES.has(type)) throw new ExcelDoubleError("NotModelled", `chart type ${type}`);
        oneOf(new Set(["Auto", "Columns", "Rows"]), seriesBy, "seriesBy");
        made = newChart(s, type, rangeArgument(source, s), seriesBy);
        s.charts.push(made);
      },
      { add: { type, seriesBy } }
    );
    return new ChartProxy(this.ctx, () => made);
  }
}

/** A chart as Excel makes it from a range: one series per column (or row) of the range. */
function newChart(sheet: DSheet, type: string, source: string, seriesBy: string): DChart {
  const box = parseBox(sheet, source);
  const byRows =
    seriesBy === "Rows" || (seriesBy === "Auto" && box.right - box.left > box.bottom - box.top);
  const series: DChartSeries[] = [];
  const count = byRows ? box.bottom - box.top + 1 : box.right - box.left + 1;
  for (let i = 0; i < count; i++) {
    const part = byRows
      ? { ...box, top: box.top + i, bottom: box.top + i }
      : { ...box, left: box.left + i, right: box.left + i };
    series.push({ name: `系列${i + 1}`, values: boxAddress(part), categories: null });
  }
  return {
    name: `图表 ${sheet.charts.length + 1}`,
    type,
    source,
    seriesBy,
    titleFont: {},
    legend: { visible: true },
    plotVisibleOnly: true,
    axes: { category: {}, value: {} },
    series,
    position: null,
  };
}

export class ChartProxy extends Proxy<DChart> {
  readonly title: { text: string; format: { font: { size: number; bold: boolean } } };
  readonly legend: { visible: boolean; position: string };
  readonly format: { font: { size: number } };
  readonly axes: { categoryAxis: ChartAxisProxy; valueAxis: ChartAxisProxy };
  readonly series: ChartSeriesCollectionProxy;

  constructor(ctx: DoubleContext, resolve: () => DChart | null) {
    super(ctx, resolve);
    const live = () => this.live();
    this.title = settable(ctx, { format: { font: {} } } as ChartProxy["title"], "ChartTitle", {
      text: { version: 1.01, apply: (v: string) => void (live().title = v) },
    });
    settable(ctx, this.title.format.font, "ChartFont", {
      size: { version: 1.01, apply: (v: number) => void (live().titleFont.size = v) },
      bold: { version: 1.01, apply: (v: boolean) => void (live().titleFont.bold = v) },
    });
    this.legend = settable(ctx, {} as ChartProxy["legend"], "ChartLegend", {
      visible: { version: 1.01, apply: (v: boolean) => void (live().legend.visible = v) },
      position: {
        version: 1.01,
        apply: (v: string) => {
          oneOf(LEGEND, v, "legend position");
          live().legend.position = v;
        },
      },
    });
    this.format = {
      font: settable(ctx, {} as { size: number }, "ChartFont", {
        size: { version: 1.01, apply: (v: number) => void (live().fontSize = v) },
      }),
    };
    this.axes = {
      categoryAxis: new ChartAxisProxy(ctx, () => live().axes.category),
      valueAxis: new ChartAxisProxy(ctx, () => live().axes.value),
    };
    this.series = new ChartSeriesCollectionProxy(ctx, live);
  }

  protected read(name: string): unknown {
    if (name === "name") return this.live().name;
    throw new ExcelDoubleError("InvalidArgument", `Chart.${name} is not modelled`);
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.ctx.need(1.01, "Chart.name");
    this.setLater("name", v, (c) => (c.name = v));
  }
  get plotVisibleOnly(): boolean {
    return this.loadedValue("plotVisibleOnly");
  }
  set plotVisibleOnly(v: boolean) {
    this.ctx.need(1.08, "Chart.plotVisibleOnly");
    this.setLater("plotVisibleOnly", v, (c) => (c.plotVisibleOnly = v));
  }

  /** Chart.setPosition(startCell, endCell) (ExcelApi 1.1): the chart covers start to end. */
  setPosition(start: string, end?: string): void {
    this.ctx.need(1.01, "Chart.setPosition");
    // A malformed address fails when the batch runs, as in Excel.
    this.ctx.enqueue(
      () => {
        parseAddress(start);
        if (end !== undefined) parseAddress(end);
        this.live().position = { start, end: end ?? start };
      },
      { setPosition: [start, end] }
    );
  }
}

export class ChartAxisProxy {
  readonly title: { text: string };
  constructor(ctx: DoubleContext, axis: () => DChartAxis) {
    this.title = settable(ctx, {} as { text: string }, "ChartAxisTitle", {
      text: { version: 1.01, apply: (v: string) => void (axis().title = v) },
    });
    settable(ctx, this, "ChartAxis", {
      minimum: { version: 1.01, apply: (v: number) => void (axis().minimum = v) },
      maximum: { version: 1.01, apply: (v: number) => void (axis().maximum = v) },
      majorUnit: {
        version: 1.01,
        apply: (v: number) => {
          if (!(v > 0)) throw new ExcelDoubleError("InvalidArgument", `major unit ${v}`);
          axis().majorUnit = v;
        },
      },
      numberFormat: { version: 1.08, apply: (v: string) => void (axis().numberFormat = v) },
      visible: { version: 1.07, apply: (v: boolean) => void (axis().visible = v) },
      reversePlotOrder: {
        version: 1.07,
        apply: (v: boolean) => void (axis().reversePlotOrder = v),
      },
      tickLabelSpacing: {
        version: 1.07,
        apply: (v: number) => {
          if (!(v >= 1 && v <= 31999))
            throw new ExcelDoubleError("InvalidArgument", `label spacing ${v}`);
          axis().tickLabelSpacing = v;
        },
      },
      textOrientation: {
        version: 1.08,
        apply: (v: number) => {
          if (!(Number.isInteger(v) && ((v >= -90 && v <= 90) || v === 180)))
            throw new ExcelDoubleError("InvalidArgument", `text orientation ${v}`);
          axis().textOrientation = v;
        },
      },
      position: {
        version: 1.08,
        apply: (v: string) => {
          oneOf(AXIS_POSITIONS, v, "axis position");
          axis().position = v;
        },
      },
    });
  }
}

export class ChartSeriesCollectionProxy {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly chart: () => DChart
  ) {}

  getItemAt(index: number): ChartSeriesProxy {
    this.ctx.need(1.01, "ChartSeriesCollection.getItemAt");
    return new ChartSeriesProxy(this.ctx, this.chart, () => {
      const s = this.chart().series[index];
      if (!s) throw new ExcelDoubleError("ItemNotFound", `series ${index}`);
      return s;
    });
  }

  add(name?: string): ChartSeriesProxy {
    this.ctx.need(1.07, "ChartSeriesCollection.add");
    let made: DChartSeries | null = null;
    this.ctx.enqueue(
      () => {
        made = {
          name: name ?? `系列${this.chart().series.length + 1}`,
          values: null,
          categories: null,
        };
        this.chart().series.push(made);
      },
      { add: name ?? null }
    );
    return new ChartSeriesProxy(this.ctx, this.chart, () => made);
  }
}

export class ChartSeriesProxy extends Proxy<DChartSeries> {
  readonly format: {
    fill: { setSolidColor(color: string): void };
    line: { color: string; lineStyle: string };
  };

  constructor(
    ctx: DoubleContext,
    private readonly chart: () => DChart,
    resolve: () => DChartSeries | null
  ) {
    super(ctx, resolve);
    const live = () => this.live();
    this.format = {
      fill: {
        setSolidColor: (color: string) => {
          ctx.need(1.01, "ChartFill.setSolidColor");
          ctx.enqueue(() => void (live().fill = color.toUpperCase()), { setSolidColor: color });
        },
      },
      line: settable(ctx, {} as { color: string; lineStyle: string }, "ChartLineFormat", {
        color: { version: 1.01, apply: (v: string) => void (live().line = v.toUpperCase()) },
        lineStyle: {
          version: 1.07,
          apply: (v: string) => {
            oneOf(LINE_STYLES, v, "line style");
            live().lineStyle = v;
          },
        },
      }),
    };
    settable(ctx, this, "ChartSeries", seriesProperties(live, this.chart));
  }

  protected read(name: string): unknown {
    if (name === "name") return this.live().name;
    throw new ExcelDoubleError("InvalidArgument", `ChartSeries.${name} is not modelled`);
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.ctx.need(1.01, "ChartSeries.name");
    this.setLater("name", v, (s) => (s.name = v));
  }

  setValues(range: RangeProxy): void {
    this.ctx.need(1.07, "ChartSeries.setValues");
    this.ctx.enqueue(
      () => void (this.live().values = rangeArgument(range, sheetOfChart(this.ctx, this.chart()))),
      { setValues: true }
    );
  }

  setXAxisValues(range: RangeProxy): void {
    this.ctx.need(1.07, "ChartSeries.setXAxisValues");
    this.ctx.enqueue(
      () =>
        void (this.live().categories = rangeArgument(range, sheetOfChart(this.ctx, this.chart()))),
      { setXAxisValues: true }
    );
  }

  get dataLabels(): { showValue: boolean; numberFormat: string; position: string } {
    this.ctx.need(1.08, "ChartSeries.dataLabels");
    const labels = () => (this.live().dataLabels ??= {});
    return settable(
      this.ctx,
      {} as { showValue: boolean; numberFormat: string; position: string },
      "ChartDataLabels",
      {
        showValue: { version: 1.01, apply: (v: boolean) => void (labels().showValue = v) },
        numberFormat: { version: 1.08, apply: (v: string) => void (labels().numberFormat = v) },
        position: {
          version: 1.01,
          apply: (v: string) => {
            oneOf(LABEL_POSITIONS, v, "label position");
            labels().position = v;
          },
        },
      }
    );
  }
}

/** The sheet a chart is on. */
function sheetOfChart(ctx: DoubleContext, chart: DChart): DSheet {
  const s = ctx.model.sheets.find((x) => x.charts.includes(chart));
  if (!s) throw new ExcelDoubleError("ItemNotFound", "the chart was deleted");
  return s;
}

type Settable = Record<string, { version: number; apply: (value: never) => void }>;

/** What the product sets on a series, each refused where Excel refuses it (bars or lines only). */
function seriesProperties(live: () => DChartSeries, chart: () => DChart): Settable {
  const bars = () => !/^Line/.test(live().chartType ?? chart().type);
  const only = (wanted: boolean, what: string) => {
    if (bars() !== wanted)
      throw new ExcelDoubleError(
        "InvalidArgument",
        `${what} of a series ${wanted ? "that is not bars" : "of bars"}`
      );
  };
  return {
    chartType: {
      version: 1.07,
      apply: (v: string) => {
        if (!TYPES.has(v)) throw new ExcelDoubleError("NotModelled", `chart type ${v}`);
        live().chartType = v;
      },
    },
    hasDataLabels: { version: 1.07, apply: (v: boolean) => void (live().hasDataLabels = v) },
    ...markerProperties(live, (what) => only(false, what)),
    gapWidth: {
      version: 1.07,
      apply: (v: number) => {
        only(true, "gapWidth");
        if (v < 0 || v > 500) throw new ExcelDoubleError("InvalidArgument", `gap width ${v}`);
        live().gapWidth = v;
      },
    },
    overlap: {
      version: 1.08,
      apply: (v: number) => {
        only(true, "overlap");
        if (v < -100 || v > 100) throw new ExcelDoubleError("InvalidArgument", `overlap ${v}`);
        live().overlap = v;
      },
    },
  };
}

/** A line series' markers (ExcelApi 1.7); `onlyLines` refuses them on bars. */
function markerProperties(live: () => DChartSeries, onlyLines: (what: string) => void): Settable {
  const colour = (key: "markerBackgroundColor" | "markerForegroundColor") => ({
    version: 1.07,
    apply: (v: string) => {
      onlyLines("marker colour");
      live()[key] = v.toUpperCase();
    },
  });
  return {
    markerStyle: {
      version: 1.07,
      apply: (v: string) => {
        onlyLines("markerStyle");
        oneOf(MARKERS, v, "marker");
        live().markerStyle = v;
      },
    },
    markerSize: {
      version: 1.07,
      apply: (v: number) => {
        onlyLines("markerSize");
        if (v < 2 || v > 72) throw new ExcelDoubleError("InvalidArgument", `marker size ${v}`);
        live().markerSize = v;
      },
    },
    markerBackgroundColor: colour("markerBackgroundColor"),
    markerForegroundColor: colour("markerForegroundColor"),
  };
}
