import { analyseWorkbook, validateWorkbook } from "../../../src/core/engine";
import { catalogueToSheet, RULES_SHEET } from "../../../src/core/catalogue/sheet";
import { catalogueFor } from "../../../src/core/catalogue/resolve";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { approveInWorkbook } from "../../../src/core/approve-in-workbook";
import { cellText, type SheetGrid, type WorkbookGrids } from "../../../src/core/model/cells";
import type { Catalogue } from "../../../src/core/model/catalogue";
import { bureauSheet } from "../../helpers/grid";
import { planToGrid } from "../../helpers/plan-grid";

function rulesSheet(edit?: (c: Catalogue) => void): SheetGrid {
  const catalogue = defaultCatalogue();
  edit?.(catalogue);
  return planToGrid(catalogueToSheet(catalogue));
}

/** The cell of an indicator under a header of the 指标规则 indicator table. */
function cellOf(grid: SheetGrid, code: string, header: string): { row: number; col: number } {
  const headerRow = grid.rows.findIndex((r) =>
    (r ?? []).some((c) => cellText(c).split("\n")[0] === "目标类型")
  );
  const col = grid.rows[headerRow].findIndex((c) => cellText(c).split("\n")[0] === header);
  const row = grid.rows.findIndex((r, i) => i > headerRow && cellText(r?.[0]) === code);
  return { row, col };
}

const bureau = () =>
  bureauSheet([
    ["A1", "R&D经费投入强度", "%", 0.85, "", 1.1, 1.0, ""],
    ["C1", "市级众创空间", "家", 0, "", 7, 6, ""],
  ]);

describe("a workbook holding 指标规则 is checked against it", () => {
  it("gives the same results as the default when the sheet holds the default catalogue", () => {
    const plain = analyseWorkbook({ sheets: [bureau()] });
    const withRules = analyseWorkbook({ sheets: [rulesSheet(), bureau()] });
    expect(withRules.findings).toEqual(plain.findings);
    expect(withRules.indicators).toEqual(plain.indicators);
  });

  it("changes the statuses when a target in 指标规则 changes", () => {
    const before = analyseWorkbook({ sheets: [rulesSheet(), bureau()] });
    expect(before.indicators.find((r) => r.code === "A1")).toMatchObject({
      target: 1.42,
      status: "lagging",
    });

    const rules = rulesSheet();
    const at = cellOf(rules, "A1", "目标值");
    rules.rows[at.row][at.col] = { value: 1.0 };
    const after = analyseWorkbook({ sheets: [rules, bureau()] });
    expect(after.indicators.find((r) => r.code === "A1")).toMatchObject({
      target: 1.0,
      status: "met",
    });
    // The gap analysis names the catalogue it used.
    const version = catalogueFor({ sheets: [rules] }).catalogue!.version;
    expect(version).not.toBe(defaultCatalogue().version);
    expect(
      after.plan.sheets[0].cells.some(
        (c) => typeof c.value === "string" && c.value.includes(version)
      )
    ).toBe(true);
  });

  it("prefers the workbook sheet to a given catalogue, unless told to ignore it", () => {
    const given = defaultCatalogue();
    given.indicators.find((i) => i.code === "A1")!.target = 1.05;
    const wb: WorkbookGrids = { sheets: [rulesSheet(), bureau()] };
    expect(
      analyseWorkbook(wb, { catalogue: given }).indicators.find((r) => r.code === "A1")!.status
    ).toBe("lagging");
    expect(
      analyseWorkbook(wb, { catalogue: given, ignoreRulesSheet: true }).indicators.find(
        (r) => r.code === "A1"
      )!.status
    ).toBe("met");
    expect(
      analyseWorkbook({ sheets: [bureau()] }, { catalogue: given }).indicators.find(
        (r) => r.code === "A1"
      )!.status
    ).toBe("met");
  });

  it("validating 指标规则 itself checks the catalogue", () => {
    const wb: WorkbookGrids = { sheets: [rulesSheet(), bureau()] };
    const ok = validateWorkbook(wb, { sheet: RULES_SHEET });
    expect(ok.findings).toEqual([]);
    expect(ok.checks).toEqual([]);
    const rules = rulesSheet();
    const at = cellOf(rules, "C1", "目标值");
    rules.rows[at.row][at.col] = { value: "待定" };
    expect(
      validateWorkbook({ sheets: [rules] }, { sheet: RULES_SHEET }).findings.map((f) => f.rule)
    ).toEqual(["catalogue_invalid"]);
  });

  it("never plans to write 指标规则", () => {
    const wb: WorkbookGrids = { sheets: [rulesSheet(), bureau()] };
    for (const result of [analyseWorkbook(wb), validateWorkbook(wb)]) {
      expect(result.plan.sheets.map((s) => s.name)).not.toContain(RULES_SHEET);
    }
  });
});

describe("a broken 指标规则 stops everything but its own findings", () => {
  const broken = () => {
    const rules = rulesSheet();
    const at = cellOf(rules, "B1", "权重");
    rules.rows[at.row][at.col] = { value: -1 };
    return { rules };
  };

  it.each(["validate", "analyse"] as const)(
    "%s: only catalogue findings, no analysis, the cell marked",
    (mode) => {
      const { rules } = broken();
      const wb: WorkbookGrids = { sheets: [rules, bureau()] };
      const result = mode === "validate" ? validateWorkbook(wb) : analyseWorkbook(wb);
      expect(result.findings.map((f) => f.rule)).toEqual(["catalogue_invalid"]);
      expect(result.findings[0]).toMatchObject({
        sheet: RULES_SHEET,
        indicator: "B1",
        severity: "error",
      });
      expect(result.indicators).toEqual([]);
      expect(result.checks).toEqual([]);
      expect(result.plan.sheets.map((s) => s.name)).toEqual(["校验结果"]);
      expect(result.plan.annotations).toEqual([
        expect.objectContaining({ sheet: RULES_SHEET, cell: result.findings[0].cell }),
      ]);
    }
  );

  it("refuses approval", () => {
    const { rules } = broken();
    const outcome = approveInWorkbook(
      { sheets: [rules, bureau()] },
      { sheet: "监测表", reviewer: "李四", time: "2022-10-08 10:00" }
    );
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).toMatch(/指标规则/);
  });
});
