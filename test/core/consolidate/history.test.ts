/**
 * Consolidating files of several periods: the latest consolidated as a single period is, each
 * earlier one the same way from its own files, a unit's superseded file set aside, and a unit that
 * sent only an earlier period still not reported.
 */
import { consolidate, type ConsolidationInput } from "../../../src/core/consolidate";
import { consolidateHistory } from "../../../src/core/consolidate/history";
import { trendSheetLayout } from "../../../src/core/plan/trend-sheet";
import { planCells, type PlanSheet } from "../../../src/core/model/plan";
import { BUREAU, TOWNSHIP_A, TOWNSHIP_B, file, unitSheet } from "./fixtures";
import type { Raw } from "../../helpers/grid";

const Q1 = "2022年第一季度";
const Q2 = "2022年第二季度";
const Q3 = "2022年第三季度";

/** A township's rows with its actuals (column F) scaled: earlier quarters had less. */
function scaled(rows: Raw[][], factor: number): Raw[][] {
  return rows.map((r) =>
    r.map((v, i) => (i === 5 && typeof v === "number" ? Math.round(v * factor) : v))
  );
}

function unitFile(name: string, unit: string, rows: Raw[][], period: string, reportDate?: string) {
  return file(name, unitSheet(unit, rows, { period, reportDate }));
}

const Q1_FILES = [
  unitFile("那吾镇-Q1.xlsx", "那吾镇", scaled(TOWNSHIP_A, 0.6), Q1),
  unitFile("勒秀镇-Q1.xlsx", "勒秀镇", scaled(TOWNSHIP_B, 0.6), Q1),
  unitFile("市科技局-Q1.xlsx", "市科技局", BUREAU, Q1),
];
const Q2_FILES = [
  unitFile("那吾镇-Q2.xlsx", "那吾镇", scaled(TOWNSHIP_A, 0.8), Q2),
  unitFile("勒秀镇-Q2.xlsx", "勒秀镇", scaled(TOWNSHIP_B, 0.8), Q2),
  unitFile("市科技局-Q2.xlsx", "市科技局", BUREAU, Q2),
];
const Q3_FILES = [
  unitFile("那吾镇-Q3.xlsx", "那吾镇", TOWNSHIP_A, Q3),
  unitFile("勒秀镇-Q3.xlsx", "勒秀镇", TOWNSHIP_B, Q3),
];

/** The sheet's cells by A1 address. */
function cellsOf(sheet: PlanSheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of planCells(sheet)) {
    let col = "";
    for (let n = c.col + 1; n > 0; n = Math.floor((n - 1) / 26))
      col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
    out.set(`${col}${c.row + 1}`, c.value);
  }
  return out;
}

/** The cells of an A1 range on one row, left to right. */
function rowRange(cells: Map<string, unknown>, range: string): unknown[] {
  const [a, b] = range.split(":");
  const row = /\d+/.exec(a)![0];
  const out: unknown[] = [];
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
    out.push(cells.get(`${String.fromCharCode(c)}${row}`));
  return out;
}

describe("three quarters of files", () => {
  const all = [...Q1_FILES, ...Q2_FILES, ...Q3_FILES];
  const res = consolidateHistory(all);
  const perQuarter = [Q1_FILES, Q2_FILES, Q3_FILES].map((files) => consolidate(files));

  it("consolidates the latest quarter as the third quarter's files alone", () => {
    expect(res.period).toBe(Q3);
    expect(res.consolidated).toEqual(perQuarter[2].consolidated);
    expect(res.scores).toEqual(perQuarter[2].scores);
  });

  it("keeps 市科技局, which sent nothing for the third quarter, not reported, with one period_mismatch", () => {
    const row = res.completeness.find((r) => r.unit === "市科技局")!;
    expect(row).toMatchObject({ status: "period_mismatch", reported: false, periods: [Q2] });
    expect(res.findings.filter((f) => f.rule === "period_mismatch").map((f) => f.file)).toEqual([
      "市科技局-Q2.xlsx",
    ]);
  });

  it("gives each quarter's figures as that quarter's own consolidation, oldest first", () => {
    const h = res.history!;
    expect(h.periods.map((p) => p.period)).toEqual([Q1, Q2, Q3]);
    expect(h.periods.map((p) => p.scores.overall)).toEqual(perQuarter.map((r) => r.scores.overall));
    for (const ind of h.indicators) {
      ind.points.forEach((p, k) => {
        const own = perQuarter[k].indicators.find((i) => i.code === ind.code)!;
        expect([ind.code, k, p.value, p.completion, p.status]).toEqual([
          ind.code,
          k,
          own.status === "invalid" ? null : own.actual,
          own.completion,
          own.status,
        ]);
      });
    }
    const f4 = h.indicators.find((i) => i.code === "F4")!;
    expect(f4.points.map((p) => p.value)).toEqual([
      Math.round(1000 * 0.6) + Math.round(3000 * 0.6),
      Math.round(1000 * 0.8) + Math.round(3000 * 0.8),
      4000,
    ]);
  });

  it("gives each unit's score per quarter, and writes the earlier ones in 填报情况 before 得分", () => {
    const h = res.history!;
    const nawu = h.units.find((u) => u.unit === "那吾镇")!;
    expect(nawu.scores).toEqual(
      perQuarter.map((r) => r.completeness.find((c) => c.unit === "那吾镇")!.score)
    );
    const sheet = res.plan.sheets.find((s) => s.name === "填报情况")!;
    const cells = cellsOf(sheet);
    const headers = sheet.cells.filter((c) => c.row === 4).sort((a, b) => a.col - b.col);
    const at = headers.findIndex((c) => c.value === "得分");
    expect(headers.slice(at - 2, at + 1).map((c) => c.value)).toEqual([
      `得分\n${Q1}`,
      `得分\n${Q2}`,
      "得分",
    ]);
    const rowOf = sheet.cells.find((c) => c.value === "那吾镇" && c.col === 1)!.row;
    const col = (i: number) => String.fromCharCode(65 + i);
    expect([at - 2, at - 1, at].map((i) => cells.get(`${col(i)}${rowOf + 1}`))).toEqual(
      nawu.scores
    );
    expect(sheet.autoFilter).toBe(
      `A5:${col(headers.length - 1)}${4 + res.completeness.length + 1}`
    );
  });

  it("writes 趋势 after 汇总, with a block per category laid out for a line chart", () => {
    expect(res.plan.sheets.map((s) => s.name)).toEqual(["汇总", "趋势", "填报情况", "校验结果"]);
    const { sheet, charts } = trendSheetLayout(res.history!, res.catalogue!);
    expect(sheet).toEqual(res.plan.sheets[1]);
    const cells = cellsOf(sheet);
    const block = charts.find((c) => c.category === "高原特色产业")!;
    expect(rowRange(cells, block.periods)).toEqual([Q1, Q2, Q3]);
    const f4 = block.series.find((s) => s.name.startsWith("F4 "))!;
    expect(cells.get(f4.nameCell)).toBe(f4.name);
    expect(rowRange(cells, f4.values)).toEqual(
      res.history!.indicators.find((i) => i.code === "F4")!.points.map((p) => p.completion)
    );
    expect(cells.get(block.schedule.nameCell)).toMatch(/^序时进度/);
    // 序时进度 of the category: its indicators' (here they differ: growth targets run compound).
    const codes = block.series.map((x) => x.name.split(" ")[0]);
    const mean = (k: number) => {
      const s = codes.map((c) => perQuarter[k].indicators.find((i) => i.code === c)!.schedule!);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    expect(cells.get(block.schedule.nameCell)).toBe("序时进度（平均）");
    expect(rowRange(cells, block.schedule.values)).toEqual([0, 1, 2].map(mean));
    // The block is one contiguous range: its first row and column hold the names.
    const [from, to] = block.range.split(":");
    expect(from).toBe(block.periods.replace(/^D/, "C").split(":")[0]);
    expect(to).toBe(block.schedule.values.split(":")[1]);
  });
});

describe("a unit's file superseded by its later file of the same period", () => {
  const early = unitFile("那吾镇-Q3.xlsx", "那吾镇", TOWNSHIP_A, Q3, "2022年10月6日");
  const later = unitFile(
    "那吾镇-Q3-更正.xlsx",
    "那吾镇",
    scaled(TOWNSHIP_A, 1.1),
    Q3,
    "2022年10月8日"
  );
  const lexiu = unitFile("勒秀镇-Q3.xlsx", "勒秀镇", TOWNSHIP_B, Q3, "2022年10月8日");

  it("counts once: the later 报出日期 wins and the finding names the file set aside", () => {
    const res = consolidateHistory([early, later, lexiu]);
    expect(res.consolidated.find((c) => c.code === "F4")!.value).toBe(
      Math.round(1000 * 1.1) + 3000
    );
    expect(res.findings.map((f) => f.rule)).not.toContain("conflicting_values");
    const f = res.findings.filter((x) => x.rule === "superseded_report");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: "那吾镇-Q3.xlsx", severity: "warning", cell: "B3" });
    expect(f[0].message.zh).toContain("那吾镇-Q3.xlsx (2022-10-06)");
    expect(f[0].message.zh).toContain("那吾镇-Q3-更正.xlsx (2022-10-08)");
    expect(res.completeness.find((r) => r.unit === "那吾镇")!.sources).toEqual([
      "那吾镇-Q3-更正.xlsx!监测表",
    ]);
    expect(res.history).toBeNull();
  });

  it("is read as before when the two files have the same 报出日期 or none: a conflict", () => {
    const same = unitFile(
      "那吾镇-Q3-更正.xlsx",
      "那吾镇",
      scaled(TOWNSHIP_A, 1.1),
      Q3,
      "2022年10月6日"
    );
    const res = consolidateHistory([early, same, lexiu]);
    expect(res.findings.map((f) => f.rule)).toContain("conflicting_values");
    expect(res.findings.map((f) => f.rule)).not.toContain("superseded_report");
  });
});

describe("one period", () => {
  it("gives exactly the single period's consolidation", () => {
    const inputs: ConsolidationInput[] = Q3_FILES;
    const res = consolidateHistory(inputs);
    expect(res.history).toBeNull();
    const { history: _h, ...rest } = res;
    expect(rest).toEqual(consolidate(inputs));
  });

  it("is not made a later one by a single unit's file of a later quarter", () => {
    const bureau = unitFile("市科技局-Q3.xlsx", "市科技局", BUREAU, Q3);
    const stray = unitFile("市科技局-Q4.xlsx", "市科技局", BUREAU, "2022年第四季度");
    const res = consolidateHistory([...Q3_FILES, bureau, stray]);
    expect(res.period).toBe(Q3);
    expect(res.history).toBeNull();
    expect(res.completeness.find((r) => r.unit === "市科技局")!.status).toBe("reported");
    expect(res.findings.filter((f) => f.rule === "period_mismatch").map((f) => f.file)).toEqual([
      "市科技局-Q4.xlsx",
    ]);
  });
});

describe("the tabs of one workbook", () => {
  it("with a sheet per quarter of each unit, consolidates the latest and writes 趋势", () => {
    const tabs = {
      sheets: [
        unitSheet("那吾镇", scaled(TOWNSHIP_A, 0.8), { period: Q2, name: "那吾镇二季度" }),
        unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇三季度" }),
        unitSheet("勒秀镇", scaled(TOWNSHIP_B, 0.8), { period: Q2, name: "勒秀镇二季度" }),
        unitSheet("勒秀镇", TOWNSHIP_B, { name: "勒秀镇三季度" }),
      ],
    };
    const res = consolidateHistory([{ grids: tabs }]);
    expect(res.period).toBe(Q3);
    expect(res.findings.map((f) => f.rule)).not.toContain("period_mismatch");
    expect(res.history!.periods.map((p) => [p.period, p.reported])).toEqual([
      [Q2, 2],
      [Q3, 2],
    ]);
    expect(res.plan.sheets.map((s) => s.name)).toContain("趋势");
  });
});
