import {
  analyseWorkbook,
  checkWorkbook,
  validateWorkbook,
  toJsonDocument,
} from "../../src/core/engine";
import { bureauSheet, grid } from "../helpers/grid";
import type { Finding } from "../../src/core/model/results";
import { planCells } from "../../src/core/model/plan";

const rulesAt = (findings: Finding[], cell: string) =>
  findings.filter((f) => f.cell === cell).map((f) => f.rule);

describe("analyseWorkbook on a bureau sheet", () => {
  const sheet = bureauSheet([
    ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
    ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
    ["E1", "科技进步法和激励自主创新政策落实", "—", "", "完成", "推进中", "", ""],
  ]);
  const res = analyseWorkbook({ sheets: [sheet] });

  it("reads the period, the unit and the rows", () => {
    expect(res.asOf).toBe("2022-09-30");
    expect(res.sheets[0]).toMatchObject({
      sheet: "监测表",
      recognised: true,
      unit: "合作市科技局",
      rows: 3,
    });
  });

  it("scores A1 as the worked example of docs/specification.md §5", () => {
    const a1 = res.indicators.find((r) => r.code === "A1")!;
    expect(a1.completion).toBeCloseTo(0.7746, 4);
    expect(a1.progress).toBeCloseTo(0.4386, 4);
    expect(a1.schedule).toBeCloseTo(0.5833, 4);
    expect(a1.status).toBe("lagging");
    expect(a1.cell).toBe("F5");
  });

  it("gives no error finding on correct rows", () => {
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("plans the gap analysis and the findings sheet", () => {
    expect(res.plan.sheets.map((s) => s.name)).toEqual(["差距分析", "校验结果"]);
    const gap = res.plan.sheets[0];
    expect(gap.dataBars?.length).toBe(1);
    expect(planCells(gap).some((c) => c.value === "▲ 滞后" && c.fill === "#FFEB9C")).toBe(true);
  });

  it("prints the JSON document of docs/specification.md §10", () => {
    const doc = toJsonDocument(res, "analyse") as {
      indicators: { code: string; completion: number }[];
      scores: { overall: number };
    };
    expect(doc.indicators.find((i) => i.code === "A1")!.completion).toBeCloseTo(0.774647887, 8);
    expect(typeof doc.scores.overall).toBe("number");
  });
});

describe("validation rules fire where planted", () => {
  const sheet = bureauSheet([
    ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 0.0142, "", ""],
    ["C1", "市级众创空间", "家", 0, 10, "待统计", "", ""],
    ["C2", "省级科技企业孵化器", "个", 0, 1, "", "", ""],
    ["C3", "市级孵化器", "个", 0, 2, 1.5, "", ""],
    ["C1", "市级众创空间", "家", 0, 10, 7, "", ""],
    ["Z9", "不存在的指标", "个", 0, 1, 1, "", ""],
    ["C4", "省级技术创新中心", "个", 0, 3, 1, "", ""],
    ["C5", "重点实验室", "个", 0, 1, { error: "#DIV/0!" }, "", ""],
    ["B2", "高新技术企业占规模以上企业比例", "%", 0, 60, 120, "", ""],
    ["C6", "省级技术转移机构", "亩", 0, 1, 1, "", ""],
  ]);
  const { findings } = validateWorkbook({ sheets: [sheet] });
  it("shows what was typed, not a figure, for an invalid row in the gap analysis", () => {
    const gap = analyseWorkbook({ sheets: [sheet] }).plan.sheets[0];
    const c5row = planCells(gap).find((c) => c.value === "C5")!.row;
    expect(planCells(gap).some((c) => c.row === c5row && c.value === "#DIV/0!")).toBe(true);
  });
  it.each([
    ["F5", "likely_fraction_percent"],
    ["F6", "unparseable_number"],
    ["F7", "missing_value"],
    ["F8", "not_integer"],
    ["B9", "duplicate_indicator"],
    ["B10", "unknown_indicator"],
    ["E11", "target_changed"],
    ["F12", "formula_error"],
    ["F13", "out_of_range"],
    ["C14", "unit_mismatch"],
  ])("%s → %s", (cell, rule) => {
    expect(rulesAt(findings, cell)).toContain(rule);
  });
});

describe("header block and layout variations", () => {
  it("reports a missing period and a missing unit", () => {
    const sheet = bureauSheet([["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, "", ""]], {
      unit: null,
      period: null,
    });
    const rules = validateWorkbook({ sheets: [sheet] }).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["missing_period", "missing_reporting_unit"]));
  });

  it("reads the wide layout: the report year column is the actual", () => {
    const sheet = grid("乡镇", [
      ["那吾镇创新型县建设指标完成情况"],
      ["填报单位", "那吾镇", "", "统计期", "2022年度"],
      ["序号", "指标", "单位", "2020年", "2021年", "2022年", "2023年目标"],
      [1, "优质青稞种植面积", "亩", 5000, 5100, 5300, 5200],
      [2, "青稞亩均产量", "公斤/亩", 180, 190, 205, 200],
    ]);
    const res = analyseWorkbook({ sheets: [sheet] });
    const f4 = res.indicators.find((r) => r.code === "F4")!;
    expect(f4.actual).toBe(5300);
    expect(f4.target).toBe(5200);
    expect(f4.status).toBe("met");
    const f5 = res.indicators.find((r) => r.code === "F5")!;
    expect(f5.actual).toBe(410);
  });

  it("reads a two-row header: names over years keep their meaning, a group header gives way", () => {
    const sheet = grid("乡镇", [
      ["填报单位", "那吾镇", "", "统计期", "2022年1-9月"],
      ["指标名称", "单位", "基数", "目标任务", "完成情况", ""],
      ["", "", "2020年底", "2023年", "上期值", "本期值"],
      ["优质青稞种植面积", "亩", 8200, 7500, 7900, 8050],
    ]);
    const f4 = analyseWorkbook({ sheets: [sheet] }).indicators[0];
    expect(f4).toMatchObject({
      code: "F4",
      baseline: 8200,
      target: 7500,
      actual: 8050,
      status: "met",
    });
  });

  it("says the sheet is not recognised when no table is found", () => {
    const res = validateWorkbook({ sheets: [grid("Sheet1", [["hello"], ["world", 1]])] });
    expect(res.findings.map((f) => f.rule)).toEqual(["sheet_not_recognised"]);
  });
});

describe("indicator names as units write them", () => {
  it.each([
    ["1.优质青稞种植面积(亩)", "F4"],
    ["全市R&D经费投入强度", "A1"],
    ["规模以上工业企业R&D经费支出", "A1a"],
    ["（三）专利申请数", "C8"],
  ])("%s → %s", (name, code) => {
    const sheet = bureauSheet([["", name, "", "", "", 1, "", ""]]);
    const { checks } = checkWorkbook({ sheets: [sheet] });
    expect(checks[0].rows.map((r) => r.indicator.code)).toEqual([code]);
  });

  it("does not guess between two indicators", () => {
    const sheet = bureauSheet([["", "犏雌牛存栏和藏羊存栏合计", "", "", "", 1, "", ""]]);
    const res = validateWorkbook({ sheets: [sheet] });
    expect(res.findings.map((f) => f.rule)).toContain("unknown_indicator");
  });
});

describe("unit names", () => {
  const { sameUnit } = jest.requireActual("../../src/core/read/match");
  it.each([
    ["合作市市场监管局", "市市场监管局"],
    ["合作市科技局（盖章）", "市科技局"],
    ["那吾镇人民政府", "那吾镇"],
    ["甘南州合作市农业农村局", "市农业农村局"],
    ["合作市科学技术协会", "市科协"],
    ["合作市市场监督管理局", "市市场监管局"],
    ["合作市科学技术局(盖章)", "市科技局"],
    ["甘南合作生态产业园区管理委员会", "甘南合作生态产业园区管委会"],
  ])("%s = %s", (a, b) => expect(sameUnit(a, b)).toBe(true));
  it("tells different units apart", () => expect(sameUnit("市科技局", "市科协")).toBe(false));
});

describe("tables as units lay them out", () => {
  it("takes the unit from the name when there is no unit column, and a period as the actual header", () => {
    const sheet = grid("表1", [
      ["填报单位：市农业农村局", "", "报告期：2022年第三季度"],
      ["指标", "2020年底", "2023年目标", "上季度", "截至9月底"],
      ["优质青稞种植面积（万亩）", 5.6, 5, 5.3, 5.4],
      ["农业科技进步贡献率（%）", 45, 50, 47, 48],
      ["藏羊存栏（公顷）", 1, 1, 1, 1],
    ]);
    const res = analyseWorkbook({ sheets: [sheet] });
    const f4 = res.indicators.find((r) => r.code === "F4")!;
    expect(f4).toMatchObject({ baseline: 56000, target: 50000, actual: 54000 });
    expect(res.indicators.find((r) => r.code === "F12")!.actual).toBe(48);
    expect(
      res.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.rule}`)
    ).toEqual(["A5 unit_mismatch"]);
  });
});

describe("the findings sheet", () => {
  it("gives rows with long wrapped messages the height of their lines", () => {
    const sheet = bureauSheet([["C1", "市级众创空间", "家", 0, 10, "待统计", "", ""]]);
    const plan = validateWorkbook({ sheets: [sheet] }).plan.sheets[0];
    const row = plan.cells.find((c) => c.value === "unparseable_number")!.row;
    expect(plan.rowHeights?.[row]).toBeGreaterThanOrEqual(30);
    expect(plan.rowHeights?.[row] ?? 0 % 15).toBe(
      Math.round((plan.rowHeights?.[row] ?? 0) / 15) * 15
    );
  });
});

describe("a data row is never a second header row", () => {
  it("keeps the first indicator row whose remark is a header word", () => {
    const res = validateWorkbook({
      sheets: [bureauSheet([["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "说明"]])],
    });
    expect(res.sheets[0].rows).toBe(1);
  });
});

describe("a header merged over the category and the name", () => {
  it("finds the names in the unnamed column beside the header", () => {
    const sheet = grid("表", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标", "", "单位", "目标值", "本期完成值"],
      ["科技创新投入", "R&D经费投入强度", "%", 1.42, 1.1],
      ["", "本级财政科技支出占一般公共预算支出比重", "%", 1.31, 1.2],
      ["科技创新能力", "市级众创空间", "家", 10, 7],
    ]);
    const { checks } = checkWorkbook({ sheets: [sheet] });
    expect(
      checks[0].rows.map((r) => `${r.indicator.code}@${r.row.cells.indicator?.address}`)
    ).toEqual(["A1@B3", "A2@B4", "C1@B5"]);
  });
});

describe("a code and a name that point at different indicators", () => {
  it("says so, naming both, instead of calling the indicator unknown", () => {
    const wb = {
      sheets: [
        bureauSheet([["C1", "专利申请量", "件", "", 200, 126, "", ""]], { unit: "市市场监管局" }),
      ],
    };
    const res = validateWorkbook(wb);
    const f = res.findings.find((x) => x.rule === "unknown_indicator")!;
    expect(f.cell).toBe("B5");
    expect(f.message.zh).toContain("C1 市级众创空间");
    expect(f.message.zh).toContain("C8 专利申请量");
    expect(checkWorkbook(wb).checks[0].rows).toEqual([]);
    expect(res.sheets[0].rows).toBe(0);
  });
});
