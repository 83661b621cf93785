/**
 * The charts the plan attaches to 差距分析, 汇总 and 填报情况 (docs/charts.md): what each series
 * draws from, read back from the planned cells, and where the charts sit — beside the table,
 * never over a written cell.
 */
import type { CompletenessRow } from "../../../src/core/consolidate/completeness";
import { cellAddress, parseAddress } from "../../../src/core/model/cells";
import type { PlanChart, PlanSheet, PlanValue } from "../../../src/core/model/plan";
import { planCells, sheetColumnWidths } from "../../../src/core/model/plan";
import type { IndicatorResult, Status } from "../../../src/core/model/results";
import { completenessSheet } from "../../../src/core/plan/completeness-sheet";
import { gapSheet } from "../../../src/core/plan/gap-sheet";
import { withScoreHistory } from "../../../src/core/plan/score-history";
import type { ConsolidationHistory } from "../../../src/core/model/consolidation";
import {
  MAX_PROGRESS_BARS,
  chartPlacementProblems,
  chartRangeReader,
} from "../../../src/core/plan/charts";
import { defaultCatalogue } from "../../../src/core/catalogue/default";

function result(
  code: string,
  category: string,
  status: Status,
  progress: number | null
): IndicatorResult {
  return {
    code,
    name: `指标${code}`,
    category,
    sheet: "监测表",
    unit: "%",
    baseline: 0,
    target: 10,
    actual: progress === null ? null : progress * 10,
    completion: progress,
    progress,
    schedule: 0.5833,
    gap: null,
    requiredGrowth: null,
    projection: null,
    projectionMeets: null,
    status,
    score: progress === null ? 0 : Math.min(100, progress * 100),
    weight: 1,
  };
}

const RESULTS: IndicatorResult[] = [
  result("A1", "科技创新投入", "met", 1.1),
  result("A2", "科技创新投入", "on_track", 0.55),
  result("B1", "企业创新主体", "lagging", 0.35),
  result("B2", "企业创新主体", "critical", -0.2),
  result("B3", "企业创新主体", "no_data", null),
  result("C1", "创新环境", "on_track", 1.8),
];

function gap(results = RESULTS): PlanSheet {
  return gapSheet(results, { overall: 50, categories: { 科技创新投入: 80 } }, defaultCatalogue(), {
    name: "差距分析",
    title: "差距分析 / Gap analysis",
    subtitle: "—",
  });
}

function unit(
  name: string,
  kind: CompletenessRow["kind"],
  status: CompletenessRow["status"],
  score: number | null,
  rank: number | null
): CompletenessRow {
  return {
    unit: name,
    kind,
    reported: status === "reported",
    status,
    periods: [],
    sources: [],
    reportDate: null,
    dueDate: null,
    onTime: null,
    errors: 0,
    warnings: 0,
    approved: false,
    approval: "none",
    approvedBy: null,
    approvedAt: null,
    expected: [],
    missing: [],
    score,
    rank,
  };
}

const UNITS: CompletenessRow[] = [
  unit("佐盖曼玛乡", "township", "not_reported", 0, 4),
  unit("卡加道乡", "township", "period_mismatch", null, null),
  unit("市科技局", "bureau", "reported", 58.4, 3),
  unit("市财政局", "bureau", "reported", 97.7, 1),
  unit("那吾镇", "township", "reported", 92.1, 2),
  unit("坚木克尔街道", "street", "reported", 91.2, 2),
];

function completeness(rows = UNITS): PlanSheet {
  return completenessSheet(rows, { period: "2022年第三季度", asOf: "2022-09-30", dueDate: null });
}

const chartNamed = (ps: PlanSheet, name: string): PlanChart => {
  const c = ps.charts?.charts.find((x) => x.name === name);
  if (!c) throw new Error(`no chart ${name} on ${ps.name}`);
  return c;
};

/** The values a range of the sheet holds, read from every planned cell. */
function valuesIn(ps: PlanSheet, range: string): PlanValue[] {
  const [a, b] = range.split(":").map(parseAddress);
  const byCell = new Map(planCells(ps).map((c) => [`${c.row},${c.col}`, c.value]));
  const out: PlanValue[] = [];
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) out.push(byCell.get(`${r},${c}`) ?? null);
  return out;
}

const tableColumns = (ps: PlanSheet) => ps.columnWidths!.length;
const headerRow = (ps: PlanSheet) => ps.freezeRows! - 1;

describe("差距分析: statuses by category", () => {
  const ps = gap();
  const chart = chartNamed(ps, "各类别指标状态");

  it("is a stacked bar chart with one series per status present, named with its symbol", () => {
    expect(chart).toMatchObject({ kind: "bar", stacked: true, title: "各类别指标状态分布" });
    expect(chart.series.map((s) => s.name)).toEqual([
      "✔ 已达标",
      "● 序时推进",
      "▲ 滞后",
      "✖ 严重滞后",
      "○ 未填报",
    ]);
  });

  it("draws from a small table of counts whose cells hold the counts of the results", () => {
    const categories = valuesIn(ps, chart.series[0].categories);
    expect(categories).toEqual(["科技创新投入", "企业创新主体", "创新环境"]);
    const statuses: Status[] = ["met", "on_track", "lagging", "critical", "no_data"];
    chart.series.forEach((s, i) => {
      expect(s.categories).toBe(chart.series[0].categories);
      const expected = categories.map(
        (cat) => RESULTS.filter((r) => r.category === cat && r.status === statuses[i]).length
      );
      expect(valuesIn(ps, s.values)).toEqual(expected);
    });
  });

  it("colours each status as its cells (docs/specification.md §6) and patterns all but 已达标 and 未填报", () => {
    expect(chart.series[0].look).toEqual({ fill: "#006100", line: "#006100" });
    expect(chart.series[2].look).toEqual({ fill: "#FFEB9C", line: "#9C5700", pattern: "stripes" });
    expect(chart.series[4].look).toEqual({ fill: "#EDEDED", line: "#595959" });
    const patterns = chart.series.map((s) => s.look.pattern ?? "none");
    expect(new Set(patterns).size).toBe(4);
  });

  it("writes the counts on the bars without the zeros", () => {
    for (const s of chart.series) expect(s.labels).toEqual({ numFmt: "0;;;", position: "center" });
  });
});

describe("差距分析: progress against the schedule", () => {
  const ps = gap();
  const chart = chartNamed(ps, "推进进度与序时进度");

  it("puts each indicator's progress in the column of its status and the schedule as a line", () => {
    const bars = chart.series.filter((s) => s.as !== "line");
    const line = chart.series.filter((s) => s.as === "line");
    expect(chart).toMatchObject({ kind: "column", stacked: true });
    expect(line.map((s) => s.name)).toEqual(["— 序时进度"]);
    expect(line[0].look).toMatchObject({ marker: "dash", lineStyle: "none" });
    expect(valuesIn(ps, chart.series[0].categories)).toEqual(
      RESULTS.map(
        (r) =>
          `${{ met: "✔", on_track: "●", lagging: "▲", critical: "✖", no_data: "○" }[r.status as "met"]} ${r.code}`
      )
    );
    RESULTS.forEach((r, i) => {
      const row = bars.map((s) => valuesIn(ps, s.values)[i]);
      expect(row.filter((v) => v !== null)).toEqual(r.progress === null ? [] : [r.progress]);
    });
    expect(valuesIn(ps, line[0].values)).toEqual(RESULTS.map(() => 0.5833));
  });

  it("runs the value axis from -50 % to 150 % at most, and from 0 to 100 % at least, in quarters", () => {
    expect(chart.valueAxis).toMatchObject({ min: -0.25, max: 1.5, step: 0.25, numFmt: "0%" });
    const calm = chartNamed(gap([result("A1", "甲", "on_track", 0.4)]), "推进进度与序时进度");
    expect(calm.valueAxis).toMatchObject({ min: 0, max: 1 });
    const over = chartNamed(
      gap([result("A1", "甲", "met", 1.1), result("A2", "甲", "critical", -3)]),
      "推进进度与序时进度"
    );
    expect(over.valueAxis).toMatchObject({ min: -0.5, max: 1.25 });
  });

  it(`is left out past ${MAX_PROGRESS_BARS} indicators, where the status counts stay`, () => {
    const many = Array.from({ length: MAX_PROGRESS_BARS + 1 }, (_, i) =>
      result(`A${i}`, "甲", "on_track", 0.5)
    );
    expect(gap(many).charts?.charts.map((c) => c.name)).toEqual(["各类别指标状态"]);
    expect(gap(many.slice(1)).charts?.charts).toHaveLength(2);
  });
});

describe("where the charts go", () => {
  const sheets = [gap(), completeness()];

  it.each(sheets.map((s) => [s.name, s]))(
    "%s: right of the table, under its frozen header, over no written cell",
    (_name, ps) => {
      expect(chartPlacementProblems(ps)).toEqual([]);
      const tops = ps.charts!.charts.map((chart) => {
        const [from] = chart.anchor.split(":").map(parseAddress);
        expect(from.col).toBeGreaterThan(tableColumns(ps));
        return from.row;
      });
      // The first on the first row under the frozen header: no chart is cut by the frozen pane.
      expect(tops[0]).toBe(ps.freezeRows);
      expect(Math.min(...tops)).toBe(ps.freezeRows);
      // The counts beside the table start on its header row and never reach into it.
      for (const c of ps.charts!.cells) {
        expect(c.col).toBeGreaterThan(tableColumns(ps));
        expect(c.row).toBeGreaterThanOrEqual(headerRow(ps) - 1);
      }
    }
  );

  it.each(sheets.map((s) => [s.name, s]))(
    "%s: prints its table, then each chart on its own pages",
    (_name, ps) => {
      const areas = ps.charts!.printAreas!;
      expect(areas[0]).toBe(
        `A1:${cellAddress(headerRow(ps) + (ps.table?.rows.length ?? UNITS.length), tableColumns(ps) - 1)}`
      );
      expect(areas.slice(1)).toEqual(ps.charts!.charts.map((c) => c.anchor));
    }
  );
});

describe("what the charts take beside the table", () => {
  it("widens the columns the charts and their tables use, and no column of the table", () => {
    const ps = gap();
    const widths = sheetColumnWidths(ps)!;
    expect(widths.slice(0, tableColumns(ps))).toEqual(ps.columnWidths);
    expect(widths[tableColumns(ps)]).toBe(0);
    expect(widths.length).toBeGreaterThan(tableColumns(ps) + 8);
  });

  it("says what is wrong when a chart covers a written cell or its ranges do not match", () => {
    const ps = gap();
    const bad: PlanSheet = {
      ...ps,
      charts: {
        ...ps.charts!,
        charts: [
          { ...ps.charts!.charts[0], anchor: "A1:C3" },
          {
            ...ps.charts!.charts[1],
            series: [{ ...ps.charts!.charts[1].series[0], values: "A1:B3" }],
          },
        ],
      },
    };
    const problems = chartPlacementProblems(bad);
    expect(problems).toContain("各类别指标状态: covers the cell at row 1, column 1");
    expect(problems).toContain("推进进度与序时进度 / ✔ 已达标: a range is not one row or column");
  });

  it("plans no chart for a sheet without indicators or units", () => {
    expect(gap([]).charts).toBeUndefined();
    expect(
      completenessSheet([], { period: null, asOf: null, dueDate: null }).charts
    ).toBeUndefined();
  });
});

describe("填报情况", () => {
  const ps = completeness();

  it("ranks the units' scores, the first on top, each named with its reporting symbol", () => {
    const chart = chartNamed(ps, "各单位得分排名");
    expect(chart).toMatchObject({ kind: "bar", categoryAxis: { reverse: true } });
    expect(chart.series).toHaveLength(1);
    expect(valuesIn(ps, chart.series[0].categories)).toEqual([
      "✔ 市财政局",
      "✔ 那吾镇",
      "✔ 坚木克尔街道",
      "✔ 市科技局",
      "○ 佐盖曼玛乡",
    ]);
    expect(valuesIn(ps, chart.series[0].values)).toEqual([97.7, 92.1, 91.2, 58.4, 0]);
    expect(chart.series[0].labels?.numFmt).toBe("0.0");
  });

  it("counts the units of each kind by reporting status, in the status colours", () => {
    const chart = chartNamed(ps, "各类单位报送情况");
    expect(chart).toMatchObject({ kind: "bar", stacked: true });
    expect(chart.series.map((s) => s.name)).toEqual(["✔ 已报送", "▲ 报告期不符", "○ 未报送"]);
    expect(valuesIn(ps, chart.series[0].categories)).toEqual(["市直部门", "乡镇", "街道"]);
    expect(chart.series.map((s) => valuesIn(ps, s.values))).toEqual([
      [2, 1, 1],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    expect(chart.series[1].look.fill).toBe("#FFEB9C");
  });
});

describe("reading a chart's ranges from the plan", () => {
  it("reads cells of the table and of the small tables alike, with their number format", () => {
    const ps = gap();
    const progress = planCells(ps).find(
      (c) => c.row === headerRow(ps) && c.value === "推进进度"
    )!.col;
    const range = `${cellAddress(ps.table!.row, progress)}:${cellAddress(ps.table!.row + RESULTS.length - 1, progress)}`;
    const chart = chartNamed(ps, "推进进度与序时进度");
    const read = chartRangeReader(ps, [range, chart.series[0].categories]);
    expect(read(range)).toEqual({ values: RESULTS.map((r) => r.progress), numFmt: "0.0%" });
    expect(read(chart.series[0].categories).values[0]).toBe("✔ A1");
  });
});

describe("填报情况 with the earlier periods' scores", () => {
  it("keeps its charts beside the table widened by a column per period, drawing from the same cells", () => {
    const period = (p: string) => ({
      asOf: "2022-03-31",
      period: p,
      dueDate: null,
      expected: 6,
      reported: 5,
      scores: { overall: 50, categories: {} },
    });
    const history: ConsolidationHistory = {
      periods: [period("2022年第一季度"), period("2022年第二季度"), period("2022年第三季度")],
      indicators: [],
      units: UNITS.map((u) => ({
        unit: u.unit,
        kind: u.kind,
        scores: [10, 20, u.score],
        statuses: [],
      })),
      setAside: [],
    };
    const before = completeness();
    const after = withScoreHistory(before, history);
    const widened = after.columnWidths!.length;
    expect(widened).toBe(tableColumns(before) + 2);
    expect(chartPlacementProblems(after)).toEqual([]);
    for (const chart of after.charts!.charts)
      expect(parseAddress(chart.anchor.split(":")[0]).col).toBe(widened + 1);
    expect(after.charts!.printAreas![0]).toBe(
      `A1:${cellAddress(headerRow(after) + UNITS.length, widened - 1)}`
    );
    // The same figures, two columns further right.
    before.charts!.charts.forEach((chart, i) =>
      chart.series.forEach((s, j) =>
        expect(valuesIn(after, after.charts!.charts[i].series[j].values)).toEqual(
          valuesIn(before, s.values)
        )
      )
    );
  });
});
