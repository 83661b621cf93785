/**
 * The bulletin's parts on their own (docs/bulletin.md): the charts' SVG and its PNG on the command
 * line (with the shipped Chinese font), and the city's figures of the previous quarter made from
 * the units' earlier values.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/cli/io";
import { consolidate, type ConsolidationResult } from "../../src/core/consolidate";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { aggregateScores } from "../../src/core/score";
import { unitKey } from "../../src/core/read/match";
import {
  CHART_COLOURS,
  progressSvg,
  statusByCategorySvg,
  type ChartSvg,
} from "../../src/report/charts";
import { svgToPngNode } from "../../src/report/png-node";
import { previousPeriod } from "../../src/report/previous";
import { sourceFromConsolidation } from "../../src/report/source";
import { buildBulletin } from "../../src/report/content";
import { decodePng, inkShare } from "./png";

const QUARTER = path.resolve(__dirname, "../../samples/2022Q3");

describe("charts", () => {
  it("draws one segment per category and status, in the status colours", () => {
    const chart = statusByCategorySvg({
      kind: "status_by_category",
      bars: [
        { category: "科技创新投入", counts: { on_track: 1, lagging: 1 } },
        { category: "创新<环境>&", counts: { met: 2, critical: 1, no_data: 1 } },
      ],
    });
    const fills = [...chart.svg.matchAll(/<rect [^>]*fill="(#[0-9A-F]{6})"/g)].map((m) => m[1]);
    for (const s of ["on_track", "lagging", "met", "critical", "no_data"] as const)
      expect(fills.filter((f) => f === CHART_COLOURS[s]).length).toBe(2); // legend + bar
    expect(chart.svg).toContain("创新&lt;环境&gt;&amp;");
    expect(chart.svg).toContain(">2项<");
    expect(chart.svg).toContain(">4项<");
  });

  it("draws each indicator's progress with its schedule, and says why a bar is missing", () => {
    const chart = progressSvg({
      kind: "progress_vs_schedule",
      columns: [
        { code: "A1", category: "投入", progress: 0.44, schedule: 0.58, status: "lagging" },
        { code: "F4", category: "产业", progress: 2.68, schedule: 0.58, status: "on_track" },
        { code: "F9", category: "产业", progress: null, schedule: 0.58, status: "invalid" },
        { code: "E2", category: "环境", progress: null, schedule: 0.58, status: "no_data" },
      ],
    });
    for (const t of [
      ">A1<",
      ">F4<",
      ">F9<",
      ">E2<",
      ">44.0%<",
      ">268.0%→<",
      ">数据有误<",
      ">未填报<",
      ">序时进度<",
    ])
      expect(chart.svg).toContain(t);
  });

  it("becomes a PNG on the command line with its Chinese text drawn by the shipped font", async () => {
    const text: ChartSvg = {
      width: 200,
      height: 60,
      svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="30">合作市</text></svg>',
    };
    const none: ChartSvg = { ...text, svg: text.svg.replace("合作市", "") };
    const png = await svgToPngNode(text);
    expect(png[1]).toBe(0x50); // "PNG"
    expect(Buffer.from(png).readUInt32BE(16)).toBe(600);
    expect(inkShare(decodePng(png))).toBeGreaterThan(0.02);
    expect(inkShare(decodePng(await svgToPngNode(none)))).toBe(0);
  });
});

describe("the previous quarter", () => {
  let result: ConsolidationResult;

  beforeAll(async () => {
    const names = fs
      .readdirSync(QUARTER)
      .filter((n) => n.endsWith(".xlsx"))
      .sort();
    const inputs = [];
    for (const n of names)
      inputs.push({ file: n, grids: (await readWorkbook(path.join(QUARTER, n))).grids });
    result = consolidate(inputs);
  });

  /** A unit's earlier value of an indicator at a date, from its own sheet of the quarter. */
  function earlier(unit: string, code: string, date: string): number {
    const report = result.reports.find(
      (r) =>
        r.included &&
        r.unit &&
        unitKey(r.unit) === unitKey(unit) &&
        r.check.rows.some((row) => row.indicator.code === code)
    )!;
    return report.check.rows
      .find((row) => row.indicator.code === code)!
      .history.find((h) => h.date === date)!.value;
  }

  it("is the city's figure at the end of the previous quarter: one unit's, a sum, a weighted mean", () => {
    const prev = previousPeriod(result, defaultCatalogue())!;
    expect(prev.asOf).toBe("2022-06-30");
    const then = (code: string) => prev.indicators.find((r) => r.code === code)!.actual!;
    const units = (code: string) => result.consolidated.find((c) => c.code === code)!.units;
    expect(units("A1")).toEqual(["市科技局"]);
    expect(then("A1")).toBe(earlier("市科技局", "A1", prev.asOf));
    expect(units("F2").length).toBeGreaterThan(1);
    expect(then("F2")).toBeCloseTo(
      units("F2").reduce((s, u) => s + earlier(u, "F2", prev.asOf), 0),
      9
    );
    const f5 = units("F5");
    const weights = f5.map((u) => earlier(u, "F4", prev.asOf));
    const mean =
      f5.reduce((s, u, i) => s + earlier(u, "F5", prev.asOf) * weights[i], 0) /
      weights.reduce((s, w) => s + w, 0);
    expect(then("F5")).toBeCloseTo(mean, 9);
  });

  it("is told with the scores of the indicators that have a figure for both quarters", () => {
    const source = sourceFromConsolidation(result)!;
    const prev = source.previous!;
    const codes = new Set(prev.indicators.map((r) => r.code));
    const before = aggregateScores(prev.indicators).overall!.toFixed(1);
    const after = aggregateScores(
      result.indicators.filter((r) => codes.has(r.code))
    ).overall!.toFixed(1);
    const text = buildBulletin(source, "2022-10-20")
      .blocks.flatMap((b) => (b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : []))
      .find((t) => t.startsWith("与上期"))!;
    expect(text).toContain(`有上期数据的${codes.size}项指标综合得分由${before}分`);
    expect(text).toContain(`到${after}分`);
    const met = (rs: { status: string }[]) => rs.filter((r) => r.status === "met").length;
    expect(text).toContain(
      `已达标指标由${met(prev.indicators)}项增至${met(result.indicators.filter((r) => codes.has(r.code)))}项`
    );
  });
});
