import { analyseWorkbook, isProductGrid, validateWorkbook } from "../../../src/core/engine";
import type { WorkbookGrids } from "../../../src/core/model/cells";
import {
  isProductMade,
  movedProductSheets,
  placeProductSheets,
  productMark,
  productSheetName,
  replacedSheetBase,
} from "../../../src/core/plan/product-sheet";
import { bureauSheet, grid } from "../../helpers/grid";

const rows = [["C1", "市级众创空间", "家", 0, 10, 7, 6, ""]];
const productGap = grid("差距分析", [["差距分析 / Gap analysis"], ["填报单位：—"]]);
const userGap = bureauSheet(rows, { name: "差距分析" });

describe("which sheets the product made", () => {
  it.each([
    ["差距分析", "差距分析"],
    ["差距分析 (2)", "差距分析"],
    ["校验结果 (12)", "校验结果"],
    ["汇总", "汇总"],
    ["差距分析(2)", null],
    ["审核记录", null],
    ["监测表", null],
  ])("the product sheet behind %s is %s", (name, base) => {
    expect(replacedSheetBase(name)).toBe(base);
  });

  it("by name and the mark in A1, not by name alone", () => {
    expect(isProductMade(productGap)).toBe(true);
    expect(isProductMade(grid("差距分析 (2)", [["差距分析 / Gap analysis"]]))).toBe(true);
    expect(isProductMade(userGap)).toBe(false);
    expect(isProductMade(grid("差距分析", [["差距分析"]]))).toBe(false);
    expect(isProductMade(grid("监测表", [["差距分析 / Gap analysis"]]))).toBe(false);
    // Sheets the product keeps rather than replaces are its own by name.
    expect(isProductGrid(grid("审核记录", [["审批时间"]]))).toBe(true);
    expect(isProductGrid(userGap)).toBe(false);
  });

  it("every sheet validate and analyse write carries the mark, so the next run knows it", () => {
    const wb: WorkbookGrids = { sheets: [bureauSheet(rows)] };
    for (const plan of [validateWorkbook(wb).plan, analyseWorkbook(wb).plan]) {
      for (const ps of plan.sheets) {
        const a1 = ps.cells.find((c) => c.row === 0 && c.col === 0)?.value;
        expect(String(a1)).toMatch(new RegExp(`^${productMark(ps.name)}`));
      }
    }
  });
});

describe("where the product writes its sheets", () => {
  it("under its own name when that is free, blank or its own", () => {
    expect(productSheetName("差距分析", { sheets: [bureauSheet(rows)] })).toBe("差距分析");
    expect(productSheetName("差距分析", { sheets: [productGap] })).toBe("差距分析");
    expect(productSheetName("差距分析", { sheets: [grid("差距分析", [[], [null]])] })).toBe(
      "差距分析"
    );
  });

  it("next to a user's sheet of that name, reusing its earlier copy", () => {
    expect(productSheetName("差距分析", { sheets: [userGap] })).toBe("差距分析 (2)");
    const earlier = grid("差距分析 (2)", [["差距分析 / Gap analysis"]]);
    expect(productSheetName("差距分析", { sheets: [userGap, earlier] })).toBe("差距分析 (2)");
    const userCopy = bureauSheet(rows, { name: "差距分析 (2)" });
    expect(productSheetName("差距分析", { sheets: [userGap, userCopy] })).toBe("差距分析 (3)");
  });

  it("moves the shown sheet with it and says what moved", () => {
    const plan = placeProductSheets(
      {
        sheets: [
          { name: "差距分析", cells: [] },
          { name: "校验结果", cells: [] },
        ],
        annotations: [],
        activate: "差距分析",
      },
      { sheets: [userGap] }
    );
    expect(plan.sheets.map((s) => s.name)).toEqual(["差距分析 (2)", "校验结果"]);
    expect(plan.activate).toBe("差距分析 (2)");
    expect(movedProductSheets(plan)).toEqual([{ from: "差距分析", to: "差距分析 (2)" }]);
  });
});

describe("analyse on a workbook with a user's sheet named 差距分析", () => {
  it("reads that sheet, marks its cells, and writes the analysis beside it", () => {
    const mine = bureauSheet([["C1", "市级众创空间", "家", 0, 10, "见附件", 6, ""]], {
      name: "差距分析",
    });
    const result = analyseWorkbook({ sheets: [mine] });
    expect(result.sheets.map((s) => s.sheet)).toEqual(["差距分析"]);
    expect(result.findings.map((f) => f.rule)).toContain("unparseable_number");
    expect(result.plan.annotations.map((a) => a.sheet)).toContain("差距分析");
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["差距分析 (2)", "校验结果"]);
  });

  it("skips and replaces the product's own 差距分析", () => {
    const result = analyseWorkbook({ sheets: [bureauSheet(rows), productGap] });
    expect(result.sheets.map((s) => s.sheet)).toEqual(["监测表"]);
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["差距分析", "校验结果"]);
  });
});
