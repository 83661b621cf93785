/**
 * Charts in the files the command line and the pane's file mode write (docs/charts.md,
 * docs/files.md): read back from the written package — the chart parts, their series' ranges and
 * titles, the drawing that places them beside the table, the print areas — replaced, not
 * duplicated, on a second run, a user's own charts left as they were, and the file still opened
 * by ExcelJS.
 */
import { analyseWorkbook } from "../../src/core/engine";
import { parseAddress } from "../../src/core/model/cells";
import type { PlanChart, PlanSheet, WritePlan } from "../../src/core/model/plan";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { ExcelJsWorkbook } from "../helpers/exceljs-workbook";
import {
  chartAndDrawingParts,
  contentType,
  partsOf,
  printArea,
  sheetCharts,
  sheetParts,
} from "../helpers/chart-parts";
import { richWorkbook } from "../helpers/rich-package";
import { sampleQuarterPlan } from "../helpers/sample-quarter";

async function written(plan: WritePlan, input?: Uint8Array): Promise<Uint8Array> {
  const wb = input ? await XlsxWorkbook.fromBuffer(input) : XlsxWorkbook.empty();
  await wb.applyPlan(plan);
  return wb.toBuffer();
}

/** "'汇总'!$AB$15:$AB$22" for a planned range. */
const formula = (sheet: string, range: string) =>
  `'${sheet}'!${range
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":")}`;

function expectChartAsPlanned(
  read: ReturnType<typeof sheetCharts>[number],
  planned: PlanChart,
  ps: PlanSheet
) {
  expect(read.title).toBe(planned.title);
  expect(read.series.map((s) => s.name)).toEqual(planned.series.map((s) => s.name));
  planned.series.forEach((s, i) => {
    expect(read.series[i].categories).toBe(formula(ps.name, s.categories));
    expect(read.series[i].values).toBe(formula(ps.name, s.values));
    expect(read.series[i].group).toBe(s.as === "line" ? "line" : "bar");
  });
  const [from, to] = planned.anchor.split(":").map(parseAddress);
  expect(read.from).toEqual([from.col, from.row]);
  expect(read.to).toEqual([to.col, to.row]);
}

let plan: WritePlan;
let parts: ReturnType<typeof partsOf>;
beforeAll(async () => {
  plan = await sampleQuarterPlan();
  parts = partsOf(await written(plan));
});

const planned = (name: string) => plan.sheets.find((s) => s.name === name)!;

describe("a consolidation written to a file", () => {
  it.each(["汇总", "填报情况"])(
    "%s holds its planned charts, each series drawing from its ranges",
    (name) => {
      const ps = planned(name);
      const charts = sheetCharts(parts, name);
      expect(charts.length).toBe(ps.charts!.charts.length);
      expect(charts.length).toBeGreaterThanOrEqual(2);
      charts.forEach((c, i) => expectChartAsPlanned(c, ps.charts!.charts[i], ps));
    }
  );

  it("keeps a copy of the figures each formula points to, as the cells hold them", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await written(plan));
    const grid = (await wb.readSheets(["汇总"])).sheets[0];
    const at = (ref: string) => {
      const { row, col } = parseAddress(ref);
      return grid.rows[row]?.[col]?.value ?? null;
    };
    for (const chart of sheetCharts(parts, "汇总")) {
      for (const s of chart.series) {
        const [a, b] = s.values
          .replace(/^'[^']*'!/, "")
          .replace(/\$/g, "")
          .split(":");
        const [from, to] = [parseAddress(a), parseAddress(b)];
        const cells: unknown[] = [];
        for (let r = from.row; r <= to.row; r++) cells.push(at(`${a.replace(/\d+$/, "")}${r + 1}`));
        expect(s.valueCache).toEqual(cells.map((v) => (typeof v === "number" ? v : null)));
        expect(s.categoryCache.length).toBe(to.row - from.row + 1);
      }
    }
  });

  it("titles and series names are Chinese, with the status symbols", () => {
    const [status, progress] = sheetCharts(parts, "汇总");
    expect(status.title).toBe("各类别指标状态分布");
    expect(status).toMatchObject({ barDir: "bar", grouping: "stacked" });
    expect(status.series[0].name).toBe("✔ 已达标");
    expect(status.series[0].fill).toBe("006100");
    expect(progress.title).toBe("各指标推进进度与序时进度");
    expect(progress.series.at(-1)).toMatchObject({ name: "— 序时进度", group: "line" });
    const xml = new TextDecoder().decode(parts[progress.part]);
    expect(xml).toMatch(
      /<c:valAx>.*<c:numFmt formatCode="0%".*<c:majorUnit val="0.25"\/><\/c:valAx>/
    );
    expect(xml).toMatch(/<c:lineChart>.*<c:symbol val="dash"\/>.*<\/c:lineChart>/);
    expect(xml).toMatch(/<c:catAx>.*<c:tickLblSkip val="1"\/>.*<\/c:catAx>/);
  });
});

describe("a consolidation written to a file, its parts", () => {
  it("declares every chart and drawing part, and leaves none unreferenced", () => {
    const { all, orphans } = chartAndDrawingParts(parts);
    expect(all.filter((p) => p.startsWith("xl/charts/"))).toHaveLength(4);
    expect(all.filter((p) => p.startsWith("xl/drawings/"))).toHaveLength(2);
    expect(orphans).toEqual([]);
    for (const p of all)
      expect(contentType(parts, p)).toBe(
        p.startsWith("xl/charts/")
          ? "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
          : "application/vnd.openxmlformats-officedocument.drawing+xml"
      );
    expect(sheetCharts(parts, "校验结果")).toEqual([]);
  });

  it("prints the table, then each chart on pages of its own", () => {
    expect(printArea(parts, "汇总")).toBe(
      planned("汇总")
        .charts!.printAreas!.map((a) => formula("汇总", a))
        .join(",")
    );
    expect(printArea(parts, "填报情况")).toMatch(/^'填报情况'!\$A\$1:\$O\$\d+,/);
    expect(printArea(parts, "校验结果")).toBeUndefined();
  });

  it("still opens in ExcelJS, values and all", async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(await written(plan));
    const grids = await wb.readSheets();
    expect(grids.sheets.map((s) => s.name)).toEqual(["汇总", "填报情况", "校验结果"]);
    expect(String(grids.sheets[0].rows[0][0]?.value)).toMatch(/^汇总 \/ /);
  });
});

describe("a second run over the written file", () => {
  it("replaces the product sheets' charts: no second drawing, no orphan part, one print area each", async () => {
    const first = await written(plan);
    const again = partsOf(await written(plan, first));
    const { all, orphans } = chartAndDrawingParts(again);
    expect(all.sort()).toEqual(chartAndDrawingParts(partsOf(first)).all.sort());
    expect(orphans).toEqual([]);
    expect(sheetCharts(again, "汇总").map((c) => c.title)).toEqual(
      sheetCharts(parts, "汇总").map((c) => c.title)
    );
    const names = new TextDecoder().decode(again["xl/workbook.xml"]).match(/_xlnm\.Print_Area/g);
    expect(names).toHaveLength(2);
  });

  it("drops the charts, their parts and print area when the sheet is written without charts", async () => {
    const first = await written(plan);
    const bare: WritePlan = {
      ...plan,
      sheets: plan.sheets.map((s) => ({ ...s, charts: undefined })),
    };
    const again = partsOf(await written(bare, first));
    expect(chartAndDrawingParts(again).all).toEqual([]);
    expect(Object.keys(again).filter((n) => /sheet\d+\.xml\.rels$/.test(n))).toEqual([]);
    expect(printArea(again, "汇总")).toBeUndefined();
    expect(new TextDecoder().decode(again["[Content_Types].xml"])).not.toMatch(
      /chart|drawing\+xml/
    );
  });
});

describe("a user's own charts", () => {
  it("stay as they were, byte for byte, beside the product's new ones", async () => {
    const input = richWorkbook("chart", "errors");
    const before = partsOf(input);
    const userCharts = Object.keys(before).filter((n) => /^xl\/(charts|drawings)\//.test(n));
    expect(userCharts.length).toBeGreaterThan(0);
    const wb = await XlsxWorkbook.fromBuffer(input);
    const result = analyseWorkbook(await wb.readSheets());
    await wb.applyPlan(result.plan);
    const first = await wb.toBuffer();
    const again = await XlsxWorkbook.fromBuffer(first);
    await again.applyPlan(analyseWorkbook(await again.readSheets()).plan);
    const after = partsOf(await again.toBuffer());
    for (const n of userCharts) expect(after[n]).toEqual(before[n]);
    const gap = sheetCharts(after, "差距分析");
    expect(gap.map((c) => c.title)).toEqual(["各类别指标状态分布", "各指标推进进度与序时进度"]);
    for (const c of gap) expect(userCharts).not.toContain(c.part);
    expect(chartAndDrawingParts(after).orphans).toEqual([]);
    expect([...sheetParts(after).keys()]).toContain("差距分析");
  });
});
