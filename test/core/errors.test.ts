/** The core's typed errors: each thrown where it belongs, told apart by type, carrying what a caller needs. */
import {
  analyseWorkbook,
  checkWorkbook,
  usableCatalogue,
  validateWorkbook,
} from "../../src/core/engine";
import { CatalogueError, NoSuchSheetError, PlanError } from "../../src/core/errors";
import { approveInWorkbook } from "../../src/core/approval/workbook";
import { catalogueToSheet, RULES_SHEET } from "../../src/core/catalogue/sheet";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { cellText, type SheetGrid, type WorkbookGrids } from "../../src/core/model/cells";
import { bureauSheet } from "../helpers/grid";
import { planToGrid } from "../helpers/plan-grid";

const bureau = () => bureauSheet([["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""]]);

/** The default catalogue as 指标规则, with B1's weight made negative. */
function brokenRules(): SheetGrid {
  const rules = planToGrid(catalogueToSheet(defaultCatalogue()));
  const headerRow = rules.rows.findIndex((r) =>
    (r ?? []).some((c) => cellText(c).split("\n")[0] === "目标类型")
  );
  const col = rules.rows[headerRow].findIndex((c) => cellText(c).split("\n")[0] === "权重");
  const row = rules.rows.findIndex((r, i) => i > headerRow && cellText(r?.[0]) === "B1");
  rules.rows[row][col] = { value: -1 };
  return rules;
}

/** What `run` threw (the test fails when it throws nothing). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("nothing was thrown");
}

describe("NoSuchSheetError", () => {
  const wb: WorkbookGrids = { sheets: [bureau()] };

  it.each([
    ["checkWorkbook", () => checkWorkbook(wb, { sheet: "无此表" })],
    ["validateWorkbook", () => validateWorkbook(wb, { sheet: "无此表" })],
    ["analyseWorkbook", () => analyseWorkbook(wb, { sheet: "无此表" })],
    [
      "approveInWorkbook",
      () => approveInWorkbook(wb, { sheet: "无此表", reviewer: "李明", time: "" }),
    ],
  ])("is thrown by %s for a sheet the workbook lacks, naming it", (_, run) => {
    const e = thrown(run);
    expect(e).toBeInstanceOf(NoSuchSheetError);
    expect((e as NoSuchSheetError).sheet).toBe("无此表");
    expect((e as NoSuchSheetError).text).toEqual({
      zh: "工作簿中没有名为“无此表”的工作表",
      en: 'no sheet named "无此表"',
    });
    expect((e as Error).message).toBe('no sheet named "无此表" / 工作簿中没有名为“无此表”的工作表');
  });

  it("is not thrown for a sheet that is there", () => {
    expect(() => checkWorkbook(wb, { sheet: "监测表" })).not.toThrow();
  });
});

describe("CatalogueError", () => {
  it("is thrown by usableCatalogue for a broken 指标规则, with its findings", () => {
    const e = thrown(() => usableCatalogue({ sheets: [brokenRules(), bureau()] }));
    expect(e).toBeInstanceOf(CatalogueError);
    const findings = (e as CatalogueError).findings;
    expect(findings.map((f) => [f.rule, f.sheet, f.indicator])).toEqual([
      ["catalogue_invalid", RULES_SHEET, "B1"],
    ]);
    expect((e as CatalogueError).text).toEqual({
      zh: "指标规则有 1 处错误",
      en: "the rules sheet has 1 error(s)",
    });
  });

  it("is not thrown for a workbook with good rules or none: the catalogue is returned", () => {
    const given = defaultCatalogue();
    given.version = "given";
    expect(usableCatalogue({ sheets: [bureau()] }, given).version).toBe("given");
    const own = planToGrid(catalogueToSheet(defaultCatalogue()));
    expect(usableCatalogue({ sheets: [own, bureau()] }, given).version).toBe(
      defaultCatalogue().version
    );
  });
});

describe("PlanError", () => {
  it("names the sheets and says the problem in both languages", () => {
    const missing = new PlanError("missing_sheet", ["甲", "乙"]);
    expect(missing).toBeInstanceOf(Error);
    expect(missing.text).toEqual({
      zh: "标注的工作表不存在：甲、乙",
      en: "annotated sheet not found: 甲, 乙",
    });
    expect(missing.message).toBe("标注的工作表不存在：甲、乙 / annotated sheet not found: 甲, 乙");
    const reserved = new PlanError("reserved_sheet", ["_x"]);
    expect(reserved.reason).toBe("reserved_sheet");
    expect(reserved.message).toMatch(/reserved sheet name: _x/);
  });
});
