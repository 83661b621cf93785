/**
 * The three quarters of samples (samples/2022Q1–Q3) consolidated together: the third quarter as on
 * its own, and a 趋势 whose figures are each quarter's own consolidation of the files that count for it.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { consolidate, type ConsolidationInput } from "../src/core/consolidate";
import { consolidateHistory, type HistoryConsolidation } from "../src/core/consolidate/history";
import { planCells } from "../src/core/model/plan";
import { cellAddress, parseAddress } from "../src/core/model/cells";

const SAMPLES = path.join(__dirname, "..", "samples");
const QUARTERS = ["2022Q1", "2022Q2", "2022Q3"];
const PERIODS = ["2022年第一季度", "2022年第二季度", "2022年第三季度"];

/** Each quarter's files, named "2022Q2/卡加道乡-2022Q2.xlsx" (two folders hold a file of that name). */
const files: Record<string, ConsolidationInput[]> = {};
let res: HistoryConsolidation;
let own: ReturnType<typeof consolidate>[];

beforeAll(async () => {
  for (const q of QUARTERS) {
    const dir = path.join(SAMPLES, q);
    files[q] = [];
    for (const name of (await fs.readdir(dir)).filter((n) => n.endsWith(".xlsx")).sort()) {
      const wb = await XlsxWorkbook.fromBuffer(
        new Uint8Array(await fs.readFile(path.join(dir, name)))
      );
      files[q].push({ file: `${q}/${name}`, grids: await wb.readSheets() });
    }
  }
  res = consolidateHistory(QUARTERS.flatMap((q) => files[q]));
  // What counts for each quarter: its folder's files; for the second, 卡加道乡's corrected sheet of
  // 7月8日 (sent again with the third quarter's files) in place of its first of 7月6日.
  const corrected = files["2022Q3"].find((f) => f.file === "2022Q3/卡加道乡-2022Q2.xlsx")!;
  const second = files["2022Q2"].filter((f) => f.file !== "2022Q2/卡加道乡-2022Q2.xlsx");
  own = [
    consolidate(files["2022Q1"]),
    consolidate([...second, corrected]),
    consolidate(files["2022Q3"]),
  ];
}, 120_000);

it("consolidates the third quarter as its own files do", () => {
  expect(res.period).toBe("2022年第三季度");
  expect(res.consolidated).toEqual(own[2].consolidated);
  expect(res.indicators).toEqual(own[2].indicators);
  expect(res.scores).toEqual(own[2].scores);
  const notReported = res.completeness.filter((r) => !r.reported).map((r) => [r.unit, r.status]);
  expect(notReported).toEqual([
    ["卡加道乡", "period_mismatch"],
    ["佐盖曼玛乡", "period_mismatch"],
  ]);
});

it("sets aside 卡加道乡's first second-quarter file for its corrected one, and says which", () => {
  const f = res.findings.filter((x) => x.rule === "superseded_report");
  expect(f).toHaveLength(1);
  expect(f[0].file).toBe("2022Q2/卡加道乡-2022Q2.xlsx");
  expect(f[0].message.zh).toContain("2022Q2/卡加道乡-2022Q2.xlsx (2022-07-06)");
  expect(f[0].message.zh).toContain("2022Q3/卡加道乡-2022Q2.xlsx (2022-07-08)");
  // The corrected F8 is the one in the second quarter's city figure, not the first file's.
  const mistyped = consolidate(files["2022Q2"]).consolidated.find((c) => c.code === "F8")!.value!;
  const f8 = res.history!.indicators.find((i) => i.code === "F8")!;
  expect(f8.points[1].value).toBe(own[1].consolidated.find((c) => c.code === "F8")!.value);
  expect(mistyped - f8.points[1].value!).toBe(100);
});

it("gives each quarter's figures as that quarter's own consolidation, oldest first", () => {
  const h = res.history!;
  expect(h.periods.map((p) => p.period)).toEqual(PERIODS);
  expect(h.periods.map((p) => [p.reported, p.expected])).toEqual([
    [17, 17],
    [17, 17],
    [15, 17],
  ]);
  expect(h.periods.map((p) => p.scores)).toEqual(own.map((r) => r.scores));
  expect(h.indicators.map((i) => i.code)).toEqual(own[2].indicators.map((i) => i.code));
  for (const ind of h.indicators)
    ind.points.forEach((p, k) => {
      const fig = own[k].indicators.find((i) => i.code === ind.code)!;
      expect([ind.code, PERIODS[k], p.value, p.completion, p.schedule, p.status]).toEqual([
        ind.code,
        PERIODS[k],
        fig.status === "invalid" ? null : fig.actual,
        fig.completion,
        fig.schedule,
        fig.status,
      ]);
    });
  // The city's score rose quarter by quarter in the samples.
  const scores = h.periods.map((p) => p.scores.overall!);
  expect(scores[0]).toBeLessThan(scores[1]);
  expect(scores[1]).toBeLessThan(scores[2]);
});

it("gives each unit's score per quarter as in that quarter's 填报情况", () => {
  for (const u of res.history!.units) {
    const byQuarter = own.map((r) => r.completeness.find((c) => c.unit === u.unit)?.score ?? null);
    expect([u.unit, ...u.scores]).toEqual([u.unit, ...byQuarter]);
  }
  expect(res.history!.units.find((u) => u.unit === "佐盖曼玛乡")!.scores[2]).toBe(0);
});

it("writes the figures into 趋势: a row per indicator, three columns per quarter", () => {
  const trend = res.plan.sheets.find((s) => s.name === "趋势")!;
  const cells = planCells(trend);
  const f4 = cells.find((c) => c.value === "F4" && c.col === 1)!;
  const row = cells.filter((c) => c.row === f4.row).sort((a, b) => a.col - b.col);
  expect(row.slice(4).map((c) => c.value)).toEqual(
    own.flatMap((r) => {
      const fig = r.indicators.find((i) => i.code === "F4")!;
      return [fig.actual, fig.completion, expect.stringContaining(" ")];
    })
  );
});

it("keeps naming 勒秀镇's change after approval, old → new", () => {
  const f = res.findings.find((x) => x.rule === "changed_after_approval")!;
  expect(f.file).toBe("2022Q3/勒秀镇-2022Q3.xlsx");
  expect(f.message.zh).toContain("F6 油菜种植面积：本期值 3670 → 3790 亩（G10）");
});

it("makes no 趋势 of one unit's stray sheet of the quarter before in a quarter's own folder", () => {
  const alone = consolidateHistory(files["2022Q3"]);
  expect(files["2022Q3"].some((f) => f.file?.endsWith("卡加道乡-2022Q2.xlsx"))).toBe(true);
  expect(alone.history).toBeNull();
  expect(alone.plan?.sheets.map((s) => s.name)).not.toContain("趋势");
  expect(alone.scores).toEqual(own[2].scores);
  const stray = alone.findings.filter((x) => x.rule === "period_mismatch").map((x) => x.file);
  expect(stray).toContain("2022Q3/卡加道乡-2022Q2.xlsx");
});

it("draws a line chart per category on 趋势: each indicator's completion per quarter and 序时进度", () => {
  const trend = res.plan!.sheets.find((s) => s.name === "趋势")!;
  const charts = trend.charts!.charts;
  const categories = [...new Set(res.history!.indicators.map((i) => i.category))];
  expect(charts.map((c) => c.title)).toEqual(categories.map((c) => `${c}：完成率与序时进度`));
  const cell = (a: string) => {
    const { row, col } = parseAddress(a);
    return trend.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
  };
  const quarter = (range: string) => {
    const [a, b] = range.split(":").map(parseAddress);
    return Array.from({ length: b.col - a.col + 1 }, (_, k) => cell(cellAddress(a.row, a.col + k)));
  };
  for (const chart of charts) {
    expect(chart.kind).toBe("line");
    const schedule = chart.series[chart.series.length - 1];
    expect(schedule.name).toMatch(/^序时进度/);
    for (const s of chart.series) expect(quarter(s.categories)).toEqual(PERIODS);
    for (const s of chart.series.slice(0, -1)) {
      const ind = res.history!.indicators.find((i) => `${i.code} ${i.name}` === s.name)!;
      expect(quarter(s.values)).toEqual(ind.points.map((p) => p.completion));
    }
  }
  // Beside the blocks, never over the table or each other.
  const spans = charts.map((c) => c.anchor.split(":").map(parseAddress));
  const tableEnd = trend.table!.row + trend.table!.rows.length;
  for (const [from] of spans) expect(from.row).toBeGreaterThan(tableEnd);
  spans.slice(1).forEach(([from], i) => expect(from.row).toBeGreaterThan(spans[i][1].row));
});
