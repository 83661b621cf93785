/**
 * A unit's workbook with a sheet per quarter: 差距分析 shows each actual's change since the unit's
 * previous period in the workbook, beside the actual; a workbook of one period has no such column.
 */
import { analyseWorkbook } from "../../../src/core/engine";
import type { PlanSheet } from "../../../src/core/model/plan";
import { bureauSheet, type Raw } from "../../helpers/grid";

const Q2: Raw[][] = [
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.02, 0.95, ""],
  ["C1", "市级众创空间", "家", 0, 10, 6, 5, ""],
  ["C3", "市级孵化器", "个", 0, 2, 1, 1, ""],
];
const Q3: Raw[][] = [
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.02, ""],
  ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
  ["C3", "市级孵化器", "个", 0, 2, "待统计", 1, ""],
];

/** Column `header`'s value on the row of `code` for the sheet `sheet`. */
function valueAt(gap: PlanSheet, header: string, sheet: string, code: string) {
  const headerCell = gap.cells.find((c) => c.value === header && c.row === gap.table!.row - 1);
  if (!headerCell) return undefined;
  const codeCol = gap.cells.find((c) => c.value === "编码" && c.row === headerCell.row)!.col;
  const sourceCol = gap.cells.find((c) => c.value === "工作表" && c.row === headerCell.row)!.col;
  const row = gap.table!.rows.find(
    (r) => r.values[codeCol] === code && r.values[sourceCol] === sheet
  );
  return { value: row?.values[headerCell.col], numFmt: row?.styles[headerCell.col]?.numFmt };
}

describe("差距分析 of a workbook with a sheet per quarter", () => {
  const wb = {
    sheets: [
      bureauSheet(Q2, { period: "2022年第二季度", name: "二季度" }),
      bureauSheet(Q3, { name: "三季度" }),
    ],
  };
  const gap = analyseWorkbook(wb).plan.sheets[0];

  it("shows the change since the previous quarter beside each actual", () => {
    const headers = gap.cells.filter((c) => c.row === gap.table!.row - 1).map((c) => c.value);
    expect(headers.indexOf("较上期增减")).toBe(headers.indexOf("本期完成值") + 1);
    expect(valueAt(gap, "较上期增减", "三季度", "A1")).toEqual({
      value: 0.08,
      numFmt: "+0.00;-0.00;0.00",
    });
    expect(valueAt(gap, "较上期增减", "三季度", "C1")?.value).toBe(1);
    expect(gap.cells[1].value).toContain("较上期：2022年第二季度");
  });

  it("leaves it empty where there is nothing to compare: the first quarter, a value that cannot be read", () => {
    expect(valueAt(gap, "较上期增减", "二季度", "A1")?.value).toBeNull();
    expect(valueAt(gap, "较上期增减", "三季度", "C3")?.value).toBeNull();
  });

  it("compares only a unit with itself", () => {
    const other = {
      sheets: [
        bureauSheet(Q2, { period: "2022年第二季度", name: "二季度", unit: "合作市财政局" }),
        bureauSheet(Q3, { name: "三季度" }),
      ],
    };
    const sheet = analyseWorkbook(other).plan.sheets[0];
    expect(sheet.cells.map((c) => c.value)).not.toContain("较上期增减");
  });

  it("is not there for a workbook of one period", () => {
    const one = analyseWorkbook({ sheets: [bureauSheet(Q3)] }).plan.sheets[0];
    expect(one.cells.map((c) => c.value)).not.toContain("较上期增减");
    expect(one.cells.map((c) => c.value)).toContain("本期完成值");
  });
});
