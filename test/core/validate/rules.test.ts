/**
 * Every rule of docs/specification.md §4 (but consolidation's and approval's, tested with them): a sheet that makes
 * it fire at the expected cell, and a good sheet on which it stays silent.
 */
import { validateWorkbook } from "../../../src/core/engine";
import type { RuleId } from "../../../src/core/model/results";
import { RULE_SEVERITY } from "../../../src/core/validate/rules";
import { bureauSheet, grid, type Raw } from "../../helpers/grid";

type Case = {
  rule: RuleId;
  /** Rows under the header 指标编码 | 指标名称 | 计量单位 | 基期值 | 目标值 | 本期完成值 | 上期完成值 | 备注 (row 5 on). */
  bad: Raw[][];
  good: Raw[][];
  cell: string | undefined;
  unit?: string | null;
  period?: string | null;
};

const A1_GOOD: Raw[] = ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""];

const CASES: Case[] = [
  { rule: "missing_period", bad: [A1_GOOD], good: [A1_GOOD], cell: undefined, period: null },
  { rule: "missing_reporting_unit", bad: [A1_GOOD], good: [A1_GOOD], cell: undefined, unit: null },
  {
    rule: "unknown_indicator",
    bad: [A1_GOOD, ["", "全民健身指数", "%", 1, 2, 1.5, "", ""]],
    good: [A1_GOOD],
    cell: "B6",
  },
  { rule: "duplicate_indicator", bad: [A1_GOOD, A1_GOOD], good: [A1_GOOD], cell: "B6" },
  {
    rule: "missing_value",
    bad: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "", "", ""]],
    good: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "不适用", "", ""]],
    cell: "F5",
  },
  {
    rule: "unparseable_number",
    bad: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "一点一", "", ""]],
    good: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "1.1%", 1, ""]],
    cell: "F5",
  },
  {
    rule: "unparseable_milestone",
    bad: [["E1", "科技进步法和激励自主创新政策落实", "—", "", "", "差不多", "", ""]],
    good: [["E1", "科技进步法和激励自主创新政策落实", "—", "", "", "推进中", "", ""]],
    cell: "F5",
  },
  {
    rule: "formula_error",
    bad: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, { error: "#REF!" }, "", ""]],
    good: [A1_GOOD],
    cell: "F5",
  },
  {
    rule: "unit_mismatch",
    bad: [["C1", "市级众创空间", "亩", "", 10, 7, 6, ""]],
    good: [["C1", "市级众创空间", "个", "", 10, 7, 6, ""]],
    cell: "C5",
  },
  {
    rule: "out_of_range",
    bad: [["B2", "高新技术企业占规模以上企业比例", "%", 30, 60, 104, 40, ""]],
    good: [["B2", "高新技术企业占规模以上企业比例", "%", 30, 60, 45, 40, ""]],
    cell: "F5",
  },
  {
    rule: "not_integer",
    bad: [["C1", "市级众创空间", "家", "", 10, 6.5, 6, ""]],
    good: [["C1", "市级众创空间", "家", "", 10, 7, 6, ""]],
    cell: "F5",
  },
  {
    rule: "likely_fraction_percent",
    bad: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, 0.011, 0.01, "说明"]],
    good: [["A1", "R&D经费投入强度", "%", 0.85, 1.42, { v: 0.011, f: "0.00%" }, 1.0, ""]],
    cell: "F5",
  },
  {
    rule: "target_changed",
    bad: [["A1", "R&D经费投入强度", "%", 0.85, 1.5, 1.1, 1.0, ""]],
    good: [["A1", "R&D经费投入强度", "%", 0.85, "1.42%", 1.1, 1.0, ""]],
    cell: "E5",
  },
  {
    rule: "cumulative_decreased",
    bad: [["C1", "市级众创空间", "家", "", 10, 5, 6, "撤销一家"]],
    good: [["C1", "市级众创空间", "家", "", 10, 7, 6, ""]],
    cell: "F5",
  },
  {
    rule: "outlier_jump",
    bad: [["B2", "高新技术企业占规模以上企业比例", "%", 30, 60, 45, 20, ""]],
    good: [["B2", "高新技术企业占规模以上企业比例", "%", 30, 60, 45, 40, ""]],
    cell: "F5",
  },
  {
    rule: "inconsistent_ratio",
    bad: [
      A1_GOOD,
      ["A1a", "R&D经费支出", "万元", "", "", 6765, "", ""],
      ["A1b", "地区生产总值", "亿元", "", "", 50, "", ""],
    ],
    good: [
      A1_GOOD,
      ["A1a", "R&D经费支出", "万元", "", "", 6765, "", ""],
      ["A1b", "地区生产总值", "亿元", "", "", 61.5, "", ""],
    ],
    cell: "F5",
  },
  {
    rule: "remark_required",
    bad: [["C1", "市级众创空间", "家", "", 10, 1, 1, ""]],
    good: [["C1", "市级众创空间", "家", "", 10, 1, 1, "场地改造中"]],
    cell: "H5",
  },
  {
    rule: "not_responsible",
    bad: [A1_GOOD, ["A2", "本级财政科技支出占一般公共预算支出比重", "%", 1.0, 1.31, 1.2, 1.1, ""]],
    good: [A1_GOOD],
    cell: "B6",
  },
  {
    rule: "missing_reference",
    bad: [["E2", "县域综合科技进步水平指数", "%", "", "全省平均水平", 52, 50, ""]],
    good: [A1_GOOD],
    cell: "F5",
  },
];

function run(c: Case, rows: Raw[][]) {
  return validateWorkbook({ sheets: [bureauSheet(rows, { unit: c.unit, period: c.period })] })
    .findings;
}

describe.each(CASES)("$rule", (c) => {
  it("fires where the mistake is", () => {
    const hits = run(c, c.bad).filter((f) => f.rule === c.rule);
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits[0].cell).toBe(c.cell);
    expect(hits[0].severity).toBe(RULE_SEVERITY[c.rule]);
    expect(hits[0].message.zh.length).toBeGreaterThan(8);
    expect(hits[0].message.en.length).toBeGreaterThan(8);
  });
  it("stays silent on good data", () => {
    const good = { ...c, unit: undefined, period: undefined };
    expect(run(good, c.good).filter((f) => f.rule === c.rule)).toEqual([]);
  });
});

describe("baseline_changed", () => {
  const row = (b: Raw): Raw[] => ["F4", "优质青稞种植面积", "亩", b, 50000, 52000, 51000, ""];
  const sheet = (b: Raw) => bureauSheet([row(b)], { unit: "市农业农村局" });
  it("fires on the owner sheet when the catalogue states the baseline", () => {
    const f = validateWorkbook({ sheets: [sheet(50000)] }).findings.filter(
      (x) => x.rule === "baseline_changed"
    );
    expect(f.map((x) => x.cell)).toEqual(["D5"]);
  });
  it("stays silent when it agrees, also written in 万亩", () => {
    expect(
      validateWorkbook({ sheets: [sheet(56000)] }).findings.filter(
        (x) => x.rule === "baseline_changed"
      )
    ).toEqual([]);
    const wan = bureauSheet([["F4", "优质青稞种植面积", "万亩", 5.6, 5, 5.2, 5.1, ""]], {
      unit: "市农业农村局",
    });
    expect(validateWorkbook({ sheets: [wan] }).findings).toEqual([]);
  });
  it("stays silent on a township's own baseline and share", () => {
    const t = bureauSheet([row(8000)], { unit: "那吾镇" });
    expect(
      validateWorkbook({ sheets: [t] }).findings.filter(
        (x) => x.rule === "baseline_changed" || x.rule === "target_changed"
      )
    ).toEqual([]);
  });
});

describe("sheet_not_recognised", () => {
  it("fires when no sheet has a table", () => {
    const f = validateWorkbook({ sheets: [grid("说明", [["本表说明"], ["无数据"]])] }).findings;
    expect(f.map((x) => [x.rule, x.sheet])).toEqual([["sheet_not_recognised", "说明"]]);
  });
  it("stays silent on a notes sheet beside a monitoring sheet", () => {
    const f = validateWorkbook({
      sheets: [grid("说明", [["本表说明"]]), bureauSheet([A1_GOOD])],
    }).findings;
    expect(f).toEqual([]);
  });
});

/** The reader's rules (docs/reading-forms.md): each fires at the header or total cell it is about, and stays silent on a clear sheet. */
describe.each([
  {
    rule: "column_guessed",
    // Two columns of actuals: the office's checked one is taken, the reviewer is told.
    bad: grid("考核", [
      ["被考核单位：合作市科技局", "考核年度：2022年"],
      ["考核内容", "单位自报", "考核核定"],
      ["市级众创空间", 8, 7],
    ]),
    good: grid("考核", [
      ["被考核单位：合作市科技局", "考核年度：2022年"],
      ["考核内容", "考核核定"],
      ["市级众创空间", 7],
    ]),
    cell: "C2",
  },
  {
    rule: "column_guessed",
    // No header says "actual": the one column of figures is taken, the reviewer is told.
    bad: grid("统计", [
      ["填报单位：那吾镇", "报告期：2022年第三季度"],
      ["项目", "单位", "数量"],
      ["油菜种植面积", "亩", 2600],
    ]),
    good: grid("统计", [
      ["填报单位：那吾镇", "报告期：2022年第三季度"],
      ["项目", "单位", "完成数"],
      ["油菜种植面积", "亩", 2600],
    ]),
    cell: "C2",
  },
  {
    rule: "total_mismatch",
    bad: grid("汇总", [
      ["报告期：2022年第三季度"],
      ["乡镇（街道）", "油菜种植面积（亩）"],
      ["那吾镇", 2600],
      ["勒秀镇", 3100],
      ["合计", 6000],
    ]),
    good: grid("汇总", [
      ["报告期：2022年第三季度"],
      ["乡镇（街道）", "油菜种植面积（亩）"],
      ["那吾镇", 2600],
      ["勒秀镇", 3100],
      ["合计", 5700],
    ]),
    cell: "B5",
  },
])("$rule", ({ rule, bad, good, cell }) => {
  it("fires where the reading is in doubt", () => {
    const hits = validateWorkbook({ sheets: [bad] }).findings.filter((f) => f.rule === rule);
    expect(hits.map((f) => [f.cell, f.severity])).toEqual([[cell, RULE_SEVERITY[rule as RuleId]]]);
    expect(hits[0].message.zh.length).toBeGreaterThan(8);
    expect(hits[0].message.en.length).toBeGreaterThan(8);
  });
  it("stays silent on a clear sheet", () => {
    expect(validateWorkbook({ sheets: [good] }).findings.filter((f) => f.rule === rule)).toEqual(
      []
    );
  });
});
