import { consolidate } from "../../../src/core/consolidate";
import { consolidationJson } from "../../../src/core/consolidate/json";
import { scoreIndicator } from "../../../src/core/score";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import type { Finding } from "../../../src/core/model/results";
import { grid } from "../../helpers/grid";
import { BUREAU, TOWNSHIP_A, TOWNSHIP_B, approved, file, unitSheet } from "./fixtures";
import { planCells } from "../../../src/core/model/plan";

const catalogue = defaultCatalogue();
const ind = (code: string) => catalogue.indicators.find((i) => i.code === code)!;
const byRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe("aggregation over unit files", () => {
  const res = consolidate([
    file("科技局.xlsx", unitSheet("合作市科技局", BUREAU)),
    file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
    file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B)),
  ]);
  const city = (code: string) => res.consolidated.find((c) => c.code === code)!;
  const result = (code: string) => res.indicators.find((r) => r.code === code)!;

  it("takes the period of the sheets", () => {
    expect(res.asOf).toBe("2022-09-30");
    expect(res.period).toBe("2022年第三季度");
    expect(res.dueDate).toBe("2022-10-10");
  });

  it("sums a sum indicator over the units that report it", () => {
    expect(city("F4")).toMatchObject({ value: 4000, units: ["那吾镇", "勒秀镇"] });
    expect(city("F6")).toMatchObject({ value: 3350, units: ["那吾镇"] });
  });

  it("lists the units in the catalogue's order, whatever the order of the files", () => {
    const reversed = consolidate([
      file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B)),
      file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
    ]);
    expect(reversed.consolidated.find((c) => c.code === "F4")!.units).toEqual(["那吾镇", "勒秀镇"]);
  });

  it("weights a yield by its area (F5 by F4)", () => {
    expect(city("F5").value).toBeCloseTo((400 * 1000 + 300 * 3000) / 4000, 10);
    expect(city("F5").units).toEqual(["那吾镇", "勒秀镇"]);
  });

  it("takes the owner's value of an owner indicator", () => {
    expect(city("A1")).toMatchObject({ value: 1.1, units: ["市科技局"] });
  });

  it("scores the city figure exactly like a single sheet, with the catalogue baseline or the sum of the units", () => {
    const f4 = result("F4");
    expect(f4.baseline).toBe(56000);
    expect(f4.target).toBe(50000);
    expect(f4.completion).toBeCloseTo(4000 / 50000, 12);
    const f2 = result("F2");
    const expected = scoreIndicator({
      indicator: ind("F2"),
      state: "ok",
      actual: 1932 + 2460,
      baseline: 1850 + 2300,
      asOf: "2022-09-30",
      history: [{ date: "2022-06-30", value: 1890 + 2380 }],
      tolerances: catalogue.tolerances,
    });
    expect(f2).toMatchObject({ ...expected, sheet: "汇总" });
  });

  it("gives no_data (score 0) for an indicator nobody reported", () => {
    expect(result("G4")).toMatchObject({ status: "no_data", score: 0 });
    expect(res.consolidated).toHaveLength(catalogue.indicators.filter((i) => i.kind).length);
  });

  it("tags findings with their file when several files are read", () => {
    expect(res.findings.length).toBeGreaterThan(0);
    expect(res.findings.every((f) => typeof f.file === "string")).toBe(true);
  });

  it("plans 汇总, 填报情况 and the findings, and marks no cell of the unit files", () => {
    expect(res.plan.sheets.map((s) => s.name)).toEqual(["汇总", "填报情况", "校验结果"]);
    expect(res.plan.annotations).toEqual([]);
    const gap = res.plan.sheets[0];
    expect(planCells(gap).some((c) => c.value === "数据来源单位")).toBe(true);
    expect(planCells(gap).some((c) => c.value === "那吾镇、勒秀镇")).toBe(true);
  });
});

describe("conflicting values", () => {
  it("names both units and cells when a unit's value of an owner indicator differs from the owner's", () => {
    const res = consolidate([
      file("科技局.xlsx", unitSheet("合作市科技局", BUREAU)),
      file(
        "财政局.xlsx",
        unitSheet("合作市财政局", [["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.25, 1.0, ""]])
      ),
    ]);
    const f = byRule(res.findings, "conflicting_values");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: "warning",
      file: "财政局.xlsx",
      sheet: "监测表",
      cell: "F5",
      indicator: "A1",
    });
    expect(f[0].message.zh).toContain("市财政局（财政局.xlsx 监测表!F5）");
    expect(f[0].message.zh).toContain("市科技局（科技局.xlsx 监测表!F5）");
    expect(res.consolidated.find((c) => c.code === "A1")).toMatchObject({
      value: 1.1,
      units: ["市科技局"],
    });
  });

  it("is silent when the other unit reports the same value", () => {
    const res = consolidate([
      file("科技局.xlsx", unitSheet("合作市科技局", BUREAU)),
      file(
        "财政局.xlsx",
        unitSheet("合作市财政局", [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "1.10%", 1.0, ""]])
      ),
    ]);
    expect(byRule(res.findings, "conflicting_values")).toEqual([]);
  });

  it("checks the owner's city total of a sum indicator against the townships' sum, and uses the owner's", () => {
    const res = consolidate([
      file(
        "农业农村局.xlsx",
        unitSheet("合作市农业农村局", [
          ["F4", "优质青稞种植面积", "亩", 56000, 50000, 5200, "", ""],
        ])
      ),
      file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
      file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B)),
    ]);
    const f = byRule(res.findings, "conflicting_values");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: "农业农村局.xlsx", cell: "F5", indicator: "F4" });
    expect(f[0].message.zh).toMatch(/那吾镇、勒秀镇合计 报 4000/);
    expect(res.consolidated.find((c) => c.code === "F4")).toMatchObject({
      value: 5200,
      units: ["市农业农村局"],
    });
  });

  it("flags a second, different value from the same unit", () => {
    const res = consolidate([
      file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
      file(
        "那吾镇-更正.xlsx",
        unitSheet("那吾镇", [["F4", "优质青稞种植面积", "亩", 8200, 7500, 1100, 7900, ""]])
      ),
    ]);
    expect(byRule(res.findings, "conflicting_values").map((f) => f.file)).toEqual([
      "那吾镇-更正.xlsx",
    ]);
    expect(res.consolidated.find((c) => c.code === "F4")!.value).toBe(1000);
  });
});

describe("a sheet of another period", () => {
  const res = consolidate([
    file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
    file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B, { period: "2022年第二季度" })),
    file("卡加曼乡.xlsx", unitSheet("卡加曼乡", TOWNSHIP_A)),
  ]);

  it("is not mixed in and gives a period_mismatch finding at its period cell", () => {
    expect(res.consolidated.find((c) => c.code === "F4")).toMatchObject({
      value: 2000,
      units: ["那吾镇", "卡加曼乡"],
    });
    const f = byRule(res.findings, "period_mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: "勒秀镇.xlsx", cell: "E2", text: "2022年第二季度" });
    expect(f[0].message.zh).toContain("2022年第三季度");
  });

  it("shows the unit as not reported for the period", () => {
    const row = res.completeness.find((r) => r.unit === "勒秀镇")!;
    expect(row).toMatchObject({
      reported: false,
      status: "period_mismatch",
      periods: ["2022年第二季度"],
    });
  });

  it("follows --as-of when given: then the majority is the odd one out", () => {
    const q2 = consolidate(
      [
        file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
        file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B, { period: "2022年第二季度" })),
      ],
      { asOf: "2022-06-30" }
    );
    expect(byRule(q2.findings, "period_mismatch").map((f) => f.file)).toEqual(["那吾镇.xlsx"]);
    expect(q2.consolidated.find((c) => c.code === "F4")!.units).toEqual(["勒秀镇"]);
  });
});

describe("填报情况", () => {
  const res = consolidate([
    file("科技局.xlsx", unitSheet("合作市科技局", BUREAU, { reportDate: "2022年10月8日" })),
    file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A, { reportDate: "2022-10-15" })),
    file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B)),
  ]);
  const row = (unit: string) => res.completeness.find((r) => r.unit === unit)!;

  it("has one row per expected unit: the owners and the townships and streets", () => {
    const units = res.completeness.map((r) => r.unit);
    expect(new Set(units)).toEqual(new Set(catalogue.units.map((u) => u.name)));
    expect(units).toHaveLength(17);
  });

  it("lists the units that sent nothing first", () => {
    const firstReported = res.completeness.findIndex((r) => r.reported);
    expect(res.completeness.slice(0, firstReported).every((r) => r.status === "not_reported")).toBe(
      true
    );
    expect(res.completeness.slice(firstReported).every((r) => r.reported)).toBe(true);
    expect(firstReported).toBe(14);
  });

  it("says what a unit that sent nothing misses, and scores it 0", () => {
    const r = row("卡加道乡");
    expect(r).toMatchObject({
      reported: false,
      errors: 0,
      warnings: 0,
      approved: false,
      score: 0,
      onTime: null,
    });
    expect(r.missing).toEqual([
      "F2",
      "F3",
      "F4",
      "F5",
      "F6",
      "F7",
      "F8",
      "F9",
      "F10",
      "F11",
      "F13",
    ]);
    expect(row("甘南合作生态产业园区管委会").missing).toEqual(["G4"]);
  });

  it("lists a reporting unit's missing indicators, counts and on-time status", () => {
    const a = row("那吾镇");
    expect(a.missing).toEqual(["F3", "F7", "F8", "F9", "F10", "F11", "F13"]);
    expect(a).toMatchObject({
      reported: true,
      reportDate: "2022-10-15",
      dueDate: "2022-10-10",
      onTime: false,
    });
    expect(row("市科技局")).toMatchObject({ reportDate: "2022-10-08", onTime: true });
    expect(row("勒秀镇").onTime).toBeNull();
    const perSheet = res.findings.filter((f) => f.file === "那吾镇.xlsx");
    expect(a.errors).toBe(perSheet.filter((f) => f.severity === "error").length);
    expect(a.warnings).toBe(perSheet.filter((f) => f.severity === "warning").length);
  });

  it("scores each unit over the indicators it owns or reports, and ranks them", () => {
    const sci = row("市科技局");
    // 市科技局 owns 16 scored indicators and reported 2 of them: the others count 0.
    const owned = catalogue.indicators.filter(
      (i) => i.kind && i.aggregation === "owner" && i.owner === "市科技局"
    );
    expect(sci.expected).toHaveLength(owned.length);
    expect(sci.score).toBeGreaterThan(0);
    expect(sci.score).toBeLessThan((100 * 2) / owned.length + 1e-9);
    const ranks = res.completeness.filter((r) => r.rank !== null).sort((x, y) => x.rank! - y.rank!);
    for (let i = 1; i < ranks.length; i++)
      expect(ranks[i].score!).toBeLessThanOrEqual(ranks[i - 1].score!);
    expect(ranks[0].rank).toBe(1);
    // The 14 units that sent nothing share the last rank.
    expect(new Set(res.completeness.filter((r) => !r.reported).map((r) => r.rank)).size).toBe(1);
  });

  it("is written with the status colours, units that sent nothing on top", () => {
    const sheet = res.plan.sheets.find((s) => s.name === "填报情况")!;
    const first = sheet.cells.filter((c) => c.row === 5);
    expect(first.find((c) => c.col === 3)).toMatchObject({ value: "○ 未报送", fill: "#EDEDED" });
    expect(sheet.cells.some((c) => c.value === "✔ 已报送" && c.fill === "#C6EFCE")).toBe(true);
    expect(sheet.cells.some((c) => c.value === "▲ 逾期 5 天")).toBe(true);
  });
});

describe("approval in the consolidation", () => {
  const naWu = unitSheet("那吾镇", TOWNSHIP_A);
  const leXiu = unitSheet("勒秀镇", TOWNSHIP_B);
  const changedLeXiu = unitSheet("勒秀镇", [
    ...TOWNSHIP_B.slice(0, 2),
    ["F5", "青稞亩均产量", "斤/亩", 360, 400, 310, 372, ""],
  ]);
  const leXiuLog = approved({ sheets: [leXiu] }, "监测表").sheets[1];
  const res = consolidate([
    { file: "那吾镇.xlsx", grids: approved({ sheets: [naWu] }, "监测表", "王芳") },
    { file: "勒秀镇.xlsx", grids: { sheets: [changedLeXiu, leXiuLog] } },
  ]);

  it("shows a unit as approved only while its fingerprint matches", () => {
    expect(res.completeness.find((r) => r.unit === "那吾镇")).toMatchObject({
      approved: true,
      approval: "approved",
    });
    expect(res.completeness.find((r) => r.unit === "勒秀镇")).toMatchObject({
      approved: false,
      approval: "changed",
    });
  });

  it("reports the change after approval with the file", () => {
    const f = byRule(res.findings, "changed_after_approval");
    expect(f.map((x) => x.file)).toEqual(["勒秀镇.xlsx"]);
  });

  it("uses approvals kept elsewhere when a file has none, matched by unit", () => {
    const elsewhere = consolidate([file("那吾镇.xlsx", naWu), file("勒秀镇.xlsx", leXiu)], {
      approvals: [
        {
          time: "t",
          reviewer: "李明",
          sheet: "监测表",
          unit: "勒秀镇",
          period: "",
          errors: 0,
          warnings: 0,
          catalogueVersion: "",
          fingerprint: String(leXiuLog.rows[1]?.[8]?.value),
        },
      ],
    });
    expect(elsewhere.completeness.find((r) => r.unit === "勒秀镇")!.approved).toBe(true);
    expect(elsewhere.completeness.find((r) => r.unit === "那吾镇")!.approved).toBe(false);
  });
});

describe("tabs of one workbook", () => {
  const res = consolidate([
    {
      grids: {
        sheets: [
          unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }),
          unitSheet("勒秀镇", TOWNSHIP_B, { name: "勒秀镇" }),
          unitSheet("合作市财政局", [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "abc", 1.0, ""]], {
            name: "财政局",
          }),
        ],
      },
    },
  ]);

  it("consolidates the tabs, findings without a file, cells marked", () => {
    expect(res.consolidated.find((c) => c.code === "F4")!.value).toBe(4000);
    expect(res.findings.every((f) => f.file === undefined)).toBe(true);
    expect(res.plan.annotations.some((a) => a.sheet === "财政局" && a.cell === "F5")).toBe(true);
  });

  it("makes the city figure invalid when the row it rests on has an error", () => {
    // The only figure (another unit's, the owner sent none) cannot be read.
    expect(res.indicators.find((r) => r.code === "A1")).toMatchObject({
      status: "invalid",
      score: 0,
    });
    const withOwner = consolidate([
      {
        grids: {
          sheets: [
            unitSheet("合作市科技局", [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "abc", 1.0, ""]]),
          ],
        },
      },
    ]);
    expect(withOwner.indicators.find((r) => r.code === "A1")).toMatchObject({
      status: "invalid",
      score: 0,
    });
  });
});

describe("errors under a city figure", () => {
  it("leave an owner's good value alone when another unit's row is wrong", () => {
    const res = consolidate([
      file("科技局.xlsx", unitSheet("合作市科技局", BUREAU)),
      file(
        "财政局.xlsx",
        unitSheet("合作市财政局", [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "abc", 1.0, ""]])
      ),
    ]);
    expect(res.indicators.find((r) => r.code === "A1")).toMatchObject({
      actual: 1.1,
      status: "lagging",
    });
  });

  it("make a sum invalid when a township's row is wrong, showing the sum of the rest", () => {
    const res = consolidate([
      file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
      file(
        "勒秀镇.xlsx",
        unitSheet("勒秀镇", [["F4", "优质青稞种植面积", "亩", 9800, 9000, "待统计", 9600, ""]])
      ),
    ]);
    expect(res.indicators.find((r) => r.code === "F4")).toMatchObject({
      actual: 1000,
      status: "invalid",
      score: 0,
      actualText: "待核实：勒秀镇",
    });
  });

  it("leave a yield's weighted mean to the units that give both yield and area", () => {
    const res = consolidate([
      file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
      file(
        "勒秀镇.xlsx",
        unitSheet("勒秀镇", [["F5", "青稞亩均产量", "斤/亩", 360, 400, 300, 372, ""]])
      ),
    ]);
    expect(res.consolidated.find((c) => c.code === "F5")).toMatchObject({
      value: 400,
      units: ["那吾镇"],
    });
  });
});

describe("the catalogue", () => {
  it("of a workbook's own tabs is its 指标规则; a broken one gives only its findings", () => {
    const res = consolidate([
      { grids: { sheets: [unitSheet("那吾镇", TOWNSHIP_A), grid("指标规则", [["乱写的"]])] } },
    ]);
    expect(res.catalogue).toBeNull();
    expect(res.consolidated).toEqual([]);
    expect(res.findings.length).toBeGreaterThan(0);
    expect(res.findings.every((f) => f.rule === "catalogue_invalid")).toBe(true);
    expect(res.plan.sheets.map((s) => s.name)).toEqual(["校验结果"]);
  });

  it("is one for all files: a unit file's own 指标规则 is not used", () => {
    const res = consolidate([
      file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A), grid("指标规则", [["乱写的"]])),
      file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B)),
    ]);
    expect(res.consolidated.find((c) => c.code === "F4")!.value).toBe(4000);
    expect(res.findings.some((f) => f.rule === "catalogue_invalid")).toBe(false);
  });
});

describe("the --json document", () => {
  const res = consolidate([
    file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A)),
    file("勒秀镇.xlsx", unitSheet("勒秀镇", TOWNSHIP_B)),
  ]);
  const doc = consolidationJson(res) as Record<string, any>;

  it("adds consolidated and completeness to the document of docs/specification.md §10", () => {
    expect(doc.asOf).toBe("2022-09-30");
    expect(Array.isArray(doc.findings) && Array.isArray(doc.indicators)).toBe(true);
    expect(doc.consolidated.find((c: any) => c.code === "F4")).toEqual({
      code: "F4",
      value: 4000,
      units: ["那吾镇", "勒秀镇"],
      status: expect.any(String),
      completion: 0.08,
      score: 8,
    });
    const c = doc.completeness.find((r: any) => r.unit === "卡加曼乡");
    expect(c).toMatchObject({
      unit: "卡加曼乡",
      reported: false,
      errors: 0,
      warnings: 0,
      approved: false,
    });
    expect(c.missing).toContain("F4");
    expect(doc.findings.every((f: any) => f.file)).toBe(true);
  });
});

describe("a user's own sheet named 汇总", () => {
  const users = grid("汇总", [["各乡镇上报情况（手工统计）"], ["那吾镇", "已报"]]);
  it("is never replaced when the tabs of its workbook are consolidated", () => {
    const tabs = {
      grids: { sheets: [unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }), users] },
    };
    const res = consolidate([tabs]);
    expect(res.plan.sheets.map((s) => s.name)).toEqual(["汇总 (2)", "填报情况", "校验结果"]);
    expect(res.plan.activate).toBe("汇总 (2)");
  });
  it("is never replaced in the workbook the consolidation of files is written into", () => {
    const res = consolidate([file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A))], {
      target: { sheets: [users] },
    });
    expect(res.plan.sheets[0].name).toBe("汇总 (2)");
  });
  it("is replaced when it is the product’s own from an earlier run", () => {
    const earlier = consolidate([file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A))]).plan
      .sheets[0];
    const own = grid("汇总", [
      [earlier.cells.find((c) => c.row === 0 && c.col === 0)!.value as string],
    ]);
    const res = consolidate([file("那吾镇.xlsx", unitSheet("那吾镇", TOWNSHIP_A))], {
      target: { sheets: [own] },
    });
    expect(res.plan.sheets[0].name).toBe("汇总");
  });
});
