/**
 * Charts in Excel (docs/charts.md): the Office adapter draws each planned chart with Office.js
 * beside the table — the double records every chart call and its ranges — in the syncs the sheets
 * take anyway, replaces them with the sheet, and on an Excel without the chart API (ExcelApi 1.8)
 * writes the tables alone and says so. The double refuses what Excel refuses.
 */
import type { PlanChart, PlanSheet, WritePlan } from "../../src/core/model/plan";
import { connectExcel } from "../../src/taskpane/host/excel-host";
import { runCheck } from "../../src/taskpane/state/run";
import { translate } from "../../src/taskpane/text/strings";
import { reportNotices } from "../../src/taskpane/state/useRunner";
import { apiSupport } from "../../src/workbook/office";
import { chartTypeOf } from "../../src/workbook/office/charts";
import { sampleQuarterPlan } from "../helpers/sample-quarter";
import { bureauSheet } from "../helpers/grid";
import {
  DChart,
  DSheet,
  DoubleContext,
  WorkbookModel,
  asExcelContext,
  excelRunOn,
  newSheet,
} from "./excel-double";
import { harnessFor, modelFrom, sheetOf } from "./office-harness";

let plan: WritePlan;
beforeAll(async () => {
  plan = await sampleQuarterPlan();
});

const planned = (name: string): PlanSheet => plan.sheets.find((s) => s.name === name)!;
const withoutCharts = (p: WritePlan): WritePlan => ({
  ...p,
  sheets: p.sheets.map((s) => ({ ...s, charts: undefined })),
});
/** "'汇总'!AB15:AB22", as the double records a range of the sheet. */
const onSheet = (sheet: string, range: string) => `'${sheet}'!${range}`;

function expectDrawn(d: DChart, p: PlanChart, sheet: string): void {
  expect(d).toMatchObject({
    name: p.name,
    type: chartTypeOf(p),
    title: p.title,
    source: onSheet(sheet, p.series[0].values),
    plotVisibleOnly: false,
    position: { start: p.anchor.split(":")[0], end: p.anchor.split(":")[1] },
  });
  expect(d.series.map((s) => [s.name, s.values, s.categories])).toEqual(
    p.series.map((s) => [s.name, onSheet(sheet, s.values), onSheet(sheet, s.categories)])
  );
  p.series.forEach((s, i) => {
    const drawn = d.series[i];
    if (s.as === "line") expect(drawn.chartType).toBe("LineMarkers");
    if (s.look.marker) expect(drawn.markerStyle).toBe("Dash");
    else expect(drawn.fill).toBe((s.look.fill ?? "#FFFFFF").toUpperCase());
    if (s.labels)
      expect(drawn.dataLabels).toMatchObject({ showValue: true, numberFormat: s.labels.numFmt });
  });
}

describe("a consolidation written into Excel", () => {
  it.each(["汇总", "填报情况"])(
    "draws %s's charts from its cells, where the plan puts them",
    async (name) => {
      const h = harnessFor(modelFrom([{ name: "说明", cells: { A1: { value: "x" } } }]));
      await h.port.applyPlan(plan);
      const sheet = sheetOf(h.model, name);
      const charts = planned(name).charts!.charts;
      expect(sheet.charts).toHaveLength(charts.length);
      sheet.charts.forEach((d, i) => expectDrawn(d, charts[i], name));
      expect(sheet.printArea).toBe(planned(name).charts!.printAreas!.join(","));
      expect(h.port.lastReport.chartlessSheets ?? []).toEqual([]);
    }
  );

  it("reverses the category axis of bar charts read downwards, the value axis staying at the bottom", async () => {
    const h = harnessFor(modelFrom([{ name: "说明", cells: {} }]));
    await h.port.applyPlan(plan);
    const [ranking] = sheetOf(h.model, "填报情况").charts;
    expect(ranking.axes.category).toMatchObject({ reversePlotOrder: true, position: "Maximum" });
    expect(ranking.axes.value).toMatchObject({ visible: false, minimum: 0, maximum: 100 });
    expect(ranking.legend.visible).toBe(false);
    const [status] = sheetOf(h.model, "汇总").charts;
    expect(status.axes.value).toMatchObject({
      title: "指标数（项）",
      numberFormat: "0",
      minimum: 0,
    });
    expect(status.series[0]).toMatchObject({ overlap: 100, gapWidth: 60 });
    const [, progress] = sheetOf(h.model, "汇总").charts;
    expect(progress.axes.value).toMatchObject({ numberFormat: "0%", majorUnit: 0.25 });
    expect(progress.axes.category).toMatchObject({ tickLabelSpacing: 1, textOrientation: 90 });
    expect(progress.series.at(-1)).toMatchObject({
      chartType: "LineMarkers",
      lineStyle: "None",
      markerStyle: "Dash",
    });
  });
});

describe("a consolidation written into Excel, run after run", () => {
  it("takes no sync more than the same sheets without charts", async () => {
    const seed = [{ name: "说明", cells: { A1: { value: "x" } } }];
    const bare = harnessFor(modelFrom(seed));
    await bare.port.applyPlan(withoutCharts(plan));
    const drawn = harnessFor(modelFrom(seed));
    await drawn.port.applyPlan(plan);
    expect(drawn.ctx.syncCount).toBe(bare.ctx.syncCount);
    expect(drawn.ctx.syncCount).toBeLessThanOrEqual(4);
  });

  it("replaces the charts with their sheets on the next run: none doubled", async () => {
    const model = modelFrom([{ name: "说明", cells: {} }]);
    await harnessFor(model).port.applyPlan(plan);
    await harnessFor(model).port.applyPlan(plan);
    for (const name of ["汇总", "填报情况"])
      expect(sheetOf(model, name).charts.map((c) => c.name)).toEqual(
        planned(name).charts!.charts.map((c) => c.name)
      );
    expect(
      model.sheets
        .filter((s) => s.charts.length)
        .map((s) => s.name)
        .sort()
    ).toEqual(["汇总", "填报情况"].sort());
  });
});

describe("an Excel without the chart API", () => {
  it("lists charts among what it cannot do, from ExcelApi 1.8 down", () => {
    const at = (v: number) => apiSupport(new DoubleContext(new WorkbookModel(), v).requirements);
    expect(at(1.08).charts).toBe(true);
    expect(at(1.07).charts).toBe(false);
    expect(at(1.07).missing.map((m) => m.requirement)).toContain("ExcelApi 1.8");
    expect(at(1.07).missing.find((m) => m.feature.en === "charts")?.reason.zh).toMatch(
      /只写入表格/
    );
  });

  it("ExcelApi 1.7: writes the tables without a chart call and reports the sheets left without charts", async () => {
    const h = harnessFor(modelFrom([{ name: "说明", cells: {} }]), 1.07);
    await h.port.applyPlan(plan);
    expect(sheetOf(h.model, "汇总").charts).toEqual([]);
    expect(
      [...h.ctx.used].filter((u) => u.startsWith("Chart") || u === "Worksheet.charts")
    ).toEqual([]);
    expect(h.port.lastReport.chartlessSheets).toEqual(["汇总", "填报情况"]);
    expect(sheetOf(h.model, "汇总").cells.size).toBeGreaterThan(100);
  });

  it("ExcelApi 1.8: draws them, every member it uses being of 1.8 or before", async () => {
    const h = harnessFor(modelFrom([{ name: "说明", cells: {} }]), 1.08);
    await h.port.applyPlan(plan);
    expect(sheetOf(h.model, "汇总").charts.length).toBe(2);
    // Without page setup (1.9) there is no print area, and no sentence about charts.
    expect(sheetOf(h.model, "汇总").printArea).toBeNull();
    expect(h.port.lastReport.chartlessSheets ?? []).toEqual([]);
    expect([...h.ctx.used]).toEqual(
      expect.arrayContaining([
        "ChartCollection.add",
        "ChartSeries.setValues",
        "ChartSeries.dataLabels",
      ])
    );
  });
});

describe("the pane says when the charts were left out", () => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it("after an analysis in an Excel of ExcelApi 1.7", async () => {
    const model = new WorkbookModel();
    const sheet: DSheet = newSheet("监测表");
    bureauSheet([
      ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
      ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
    ]).rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const v = cell?.value;
        if (typeof v === "string" || typeof v === "number") model.cell(sheet, r, c).value = v;
      })
    );
    model.sheets.push(sheet);
    g.Office = { context: { requirements: new DoubleContext(model, 1.07).requirements } };
    g.Excel = { run: excelRunOn(model, 1.07) };
    const host = connectExcel({ lang: "zh", dark: false });
    await runCheck(host.port, "analyse", {}, () => undefined);
    expect(model.sheet("差距分析")!.charts).toEqual([]);
    expect(reportNotices(host)).toEqual([{ key: "noticeNoCharts", vars: { sheets: "差距分析" } }]);
    expect(translate("zh", "noticeNoCharts", { sheets: "差距分析" })).toMatch(/差距分析.*没有图表/);
    expect(host.limits.map((l) => l.en)).toContain(
      "This Excel lacks the chart features needed: 差距分析, 汇总 and 填报情况 get their tables without charts."
    );
  });
});

describe("the double, as strict as Excel with charts", () => {
  const sheetWith = () => {
    const model = modelFrom([
      {
        name: "表",
        cells: { A1: { value: 1 }, A2: { value: 2 }, B1: { value: "甲" }, B2: { value: "乙" } },
      },
    ]);
    const ctx = new DoubleContext(model, 1.18);
    const ws = asExcelContext(ctx).workbook.worksheets.getItem("表");
    return { model, ctx, ws };
  };

  it("refuses to read a chart's name before it is loaded and synced", async () => {
    const { ctx, ws } = sheetWith();
    const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:A2"), "Columns");
    expect(() => chart.name).toThrow(/PropertyNotLoaded/);
    chart.load("name");
    await ctx.sync();
    expect(chart.name).toBe("图表 1");
    expect(() => chart.series.getItemAt(0).format.line.color).toThrow(/PropertyNotLoaded/);
  });

  it("refuses a gap width on a line, markers on bars, and a member above its requirement set", async () => {
    const { ctx, ws } = sheetWith();
    const chart = ws.charts.add("LineMarkers", ws.getRange("A1:A2"), "Columns");
    chart.series.getItemAt(0).gapWidth = 50;
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument.*gapWidth/);
    const bars = ws.charts.add("ColumnClustered", ws.getRange("A1:A2"), "Columns");
    bars.series.getItemAt(0).markerStyle = "Dash";
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument.*markerStyle/);
    const old = new DoubleContext(modelFrom([{ name: "表", cells: {} }]), 1.07);
    const oldWs = asExcelContext(old).workbook.worksheets.getItem("表");
    const c = oldWs.charts.add("ColumnClustered", oldWs.getRange("A1:A2"), "Columns");
    expect(() => c.series.getItemAt(0).dataLabels).toThrow(/ApiNotFound.*1\.8/);
    expect(() => (c.plotVisibleOnly = false)).toThrow(/ApiNotFound/);
  });

  it("records each series' ranges and refuses a chart on a sheet protected without editing objects", async () => {
    const { model, ctx, ws } = sheetWith();
    const chart = ws.charts.add("BarStacked", ws.getRange("A1:A2"), "Columns");
    chart.series.getItemAt(0).setXAxisValues(ws.getRange("B1:B2"));
    const added = chart.series.add("第二");
    added.setValues(ws.getRange("A1:A2"));
    await ctx.sync();
    expect(model.sheet("表")!.charts[0].series).toEqual([
      { name: "系列1", values: "'表'!A1:A2", categories: "'表'!B1:B2" },
      { name: "第二", values: "'表'!A1:A2", categories: null },
    ]);
    model.sheet("表")!.protected = true;
    ws.charts.add("BarStacked", ws.getRange("A1:A2"), "Columns");
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
  });
});
