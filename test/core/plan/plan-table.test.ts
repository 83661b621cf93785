import { forEachPlanCell, planCells, type PlanSheet } from "../../../src/core/model/plan";

const bold = Object.freeze({ bold: true });
const money = Object.freeze({ numFmt: "#,##0.00" });

const sheet: PlanSheet = {
  name: "t",
  cells: [{ row: 0, col: 0, value: "标题", bold: true }],
  table: {
    row: 3,
    rows: [
      {
        values: ["A1", 1.5, null],
        styles: [bold, money, undefined],
        link: { col: 1, sheet: "监测表", cell: "F5" },
      },
      { values: ["A2", "正在统计", 2], styles: [undefined, undefined, money] },
    ],
  },
};

describe("a planned table, as cells", () => {
  it("gives the single cells, then each table row at its sheet row, with its styles and its one link", () => {
    expect(planCells(sheet)).toEqual([
      { row: 0, col: 0, value: "标题", bold: true },
      { row: 3, col: 0, value: "A1", bold: true },
      { row: 3, col: 1, value: 1.5, numFmt: "#,##0.00", link: { sheet: "监测表", cell: "F5" } },
      { row: 3, col: 2, value: null },
      { row: 4, col: 0, value: "A2" },
      { row: 4, col: 1, value: "正在统计" },
      { row: 4, col: 2, value: 2, numFmt: "#,##0.00" },
    ]);
  });

  it("does not let a change to one expanded cell reach the shared styles or the link", () => {
    forEachPlanCell(sheet, (c) => {
      c.fill = "#FF0000";
      if (c.link) c.link.cell = "Z9";
    });
    expect(money).toEqual({ numFmt: "#,##0.00" });
    expect(sheet.table!.rows[0].link).toEqual({ col: 1, sheet: "监测表", cell: "F5" });
  });

  it("is the sheet's own cells when it has no table", () => {
    const plain: PlanSheet = { name: "p", cells: [{ row: 1, col: 1, value: 3 }] };
    expect(planCells(plain)).toBe(plain.cells);
  });
});
