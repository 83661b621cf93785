/**
 * A table with one row per unit (the office's own township summary) is each unit's report: analyse
 * and consolidate give the same figures as the same data sent as separate unit sheets; the 合计 row
 * only checks the units' sum; the table is approved as one.
 */
import type { SheetGrid } from "../../../src/core/model/cells";
import type { IndicatorResult } from "../../../src/core/model/results";
import { analyseWorkbook, checkWorkbook, toJsonDocument } from "../../../src/core/engine";
import { consolidate } from "../../../src/core/consolidate";
import { approveInWorkbook } from "../../../src/core/approval/workbook";
import { APPROVALS_SHEET, APPROVAL_HEADER } from "../../../src/core/approval";
import { grid, type Raw } from "../../helpers/grid";
import { file, unitSheet } from "./fixtures";

/** Each township's figures: F4 target and actual (亩), F5 actual (斤/亩), F6 actual (亩), F9 target and actual (亩). */
const TOWNS: [
  unit: string,
  f4t: number,
  f4: number,
  f5: number,
  f6: number | null,
  f9t: number,
  f9: number,
][] = [
  ["那吾镇", 8000, 7950, 398, 2600, 1000, 620],
  ["勒秀镇", 9000, 9120, 405, 3100, 800, 810],
  ["卡加曼乡", 4200, 4100, 395, null, 600, 450],
  ["当周街道", 1500, 1480, 380, 700, 300, 260],
];

const sum = (k: 1 | 2 | 4 | 5 | 6) => TOWNS.reduce((s, t) => s + ((t[k] as number | null) ?? 0), 0);
const yieldMean = Math.round(TOWNS.reduce((s, t) => s + t[2] * t[3], 0) / sum(2));

/** The office's summary: 乡镇（街道） rows, F4 and F9 over 目标 | 完成, a 合计 row. */
function summary(total: number[] = [sum(1), sum(2), yieldMean, sum(4), sum(5), sum(6)]): SheetGrid {
  return grid("乡镇汇总", [
    ["合作市各乡镇（街道）特色种植业任务完成情况汇总表"],
    [
      "填报单位：合作市农业农村局",
      undefined,
      undefined,
      undefined,
      "报告期：2022年第三季度",
      undefined,
      "报出日期：2022年10月8日",
    ],
    [
      "乡镇（街道）",
      "优质青稞种植面积（亩）",
      undefined,
      "青稞亩均产量（斤/亩）",
      "油菜种植面积（亩）",
      "藏中药材种植面积（亩）",
      undefined,
    ],
    [undefined, "目标", "完成", undefined, undefined, "目标", "完成"],
    ...TOWNS.map(([u, f4t, f4, f5, f6, f9t, f9]): Raw[] => [
      u,
      f4t,
      f4,
      f5,
      f6 ?? undefined,
      f9t,
      f9,
    ]),
    ["合计", ...total],
    ["填表人：马文", undefined, "审核人：李建国"],
  ]);
}

/** The same figures, each township's on a sheet of its own. */
function unitSheets(): SheetGrid[] {
  return TOWNS.map(([u, f4t, f4, f5, f6, f9t, f9]) =>
    unitSheet(
      u,
      [
        ["F4", "优质青稞种植面积", "亩", "", f4t, f4, "", ""],
        ["F5", "青稞亩均产量", "斤/亩", "", "", f5, "", ""],
        ...(f6 === null ? [] : [["F6", "油菜种植面积", "亩", "", "", f6, "", ""] as Raw[]]),
        ["F9", "藏中药材种植面积", "亩", "", f9t, f9, "", ""],
      ],
      { name: u, reportDate: "2022年10月8日" }
    )
  );
}

/** A result without where it came from: the figures alone. */
function figures(r: IndicatorResult) {
  const { sheet: _sheet, cell: _cell, source: _source, ...rest } = r;
  return rest;
}

describe("a table of units as rows", () => {
  const table = checkWorkbook({ sheets: [summary()] });

  it("reads each unit’s row as its report, and the 合计 row as none", () => {
    expect(
      table.checks.map((c) => [c.unitCanonical, c.asOf, c.rows.map((r) => r.indicator.code)])
    ).toEqual([
      ["那吾镇", "2022-09-30", ["F4", "F5", "F6", "F9"]],
      ["勒秀镇", "2022-09-30", ["F4", "F5", "F6", "F9"]],
      ["卡加曼乡", "2022-09-30", ["F4", "F5", "F9"]],
      ["当周街道", "2022-09-30", ["F4", "F5", "F6", "F9"]],
    ]);
    expect(table.checks[0].rows[0].actual).toMatchObject({ value: 7950, address: "C5" });
    expect(table.checks[0].rows[0].target).toMatchObject({ value: 8000, address: "B5" });
  });

  it("finds nothing wrong when the total adds up, and measures no township against the city’s baseline", () => {
    expect(
      table.findings.filter((f) => f.rule === "total_mismatch" || f.rule === "outlier_jump")
    ).toEqual([]);
  });

  it("says where the total does not add up, and by how much", () => {
    const off = checkWorkbook({
      sheets: [summary([sum(1), sum(2) + 500, yieldMean + 30, sum(4), sum(5), sum(6)])],
    }).findings.filter((f) => f.rule === "total_mismatch");
    expect(off.map((f) => [f.cell, f.indicator, f.severity])).toEqual([
      ["C9", "F4", "warning"],
      ["D9", "F5", "warning"],
    ]);
    expect(off[0].message.zh).toContain(`与 4 个单位的之和 ${sum(2)} 不一致`);
  });
});

describe("the same city figures as separate unit sheets", () => {
  const fromTable = consolidate([file("汇总.xlsx", summary())]);
  const fromSheets = consolidate([file("各乡镇.xlsx", ...unitSheets())]);

  it("consolidates to the same city figures", () => {
    expect(fromTable.asOf).toBe("2022-09-30");
    expect(fromTable.consolidated).toEqual(fromSheets.consolidated);
    expect(fromTable.indicators.map(figures)).toEqual(fromSheets.indicators.map(figures));
    // In the catalogue's order of units (streets first), whatever the order of the rows.
    expect(fromTable.consolidated.find((c) => c.code === "F4")).toMatchObject({
      value: sum(2),
      units: ["当周街道", "那吾镇", "勒秀镇", "卡加曼乡"],
    });
  });

  it("lists the same units as reported, and no 合计 among them", () => {
    const reported = (r: typeof fromTable) =>
      r.completeness.filter((c) => c.status === "reported").map((c) => c.unit);
    expect(reported(fromTable)).toEqual(reported(fromSheets));
    expect(fromTable.completeness.some((c) => c.unit === "合计")).toBe(false);
  });

  it("analyses to the same results per unit, each named beside its sheet", () => {
    const table = analyseWorkbook({ sheets: [summary()] });
    const sheets = analyseWorkbook({ sheets: unitSheets() });
    const byUnit = (rs: IndicatorResult[], unitOf: (r: IndicatorResult) => string) =>
      rs.map((r) => ({ reporter: unitOf(r), ...figures(r) }));
    expect(byUnit(table.indicators, (r) => r.source!)).toEqual(
      byUnit(sheets.indicators, (r) => r.sheet)
    );
    expect(
      (toJsonDocument(table, "analyse") as { indicators: { reporter?: string }[] }).indicators[0]
        .reporter
    ).toBe("那吾镇");
    const gap = table.plan.sheets[0];
    expect(gap.table!.rows.some((row) => row.values[0] === "乡镇汇总：那吾镇")).toBe(true);
  });
});

describe("approving a table of units as rows", () => {
  const wb = { sheets: [summary()] };
  const out = approveInWorkbook(wb, {
    sheet: "乡镇汇总",
    reviewer: "李明",
    time: "2022-10-09 10:00:00 +08:00",
  });

  it("approves the table as one, under the unit that sent it", () => {
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.approval.unit).toBe("市农业农村局");
  });

  it("sees every unit’s row as approved, and one change as one warning", () => {
    if (!out.ok) throw new Error("not approved");
    const log = grid(APPROVALS_SHEET, [APPROVAL_HEADER, out.row]);
    expect(
      checkWorkbook({ sheets: [summary(), log] }).findings.filter(
        (f) => f.rule === "changed_after_approval"
      )
    ).toEqual([]);
    const changed = summary();
    changed.rows[5][2] = { value: 9200 };
    const after = checkWorkbook({ sheets: [changed, log] }).findings.filter(
      (f) => f.rule === "changed_after_approval"
    );
    expect(after).toHaveLength(1);
    // The change is named with the unit whose row it is in.
    expect(after[0].message.zh).toContain(
      "：勒秀镇 F4 优质青稞种植面积：本期值 9120 → 9200 亩（C6）。"
    );
  });
});
