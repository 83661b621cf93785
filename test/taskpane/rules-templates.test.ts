import {
  addRulesSheet,
  addTemplateSheet,
  templateUnits,
} from "../../src/taskpane/state/rules-templates";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { OfficeWorkbook, apiSupport } from "../../src/workbook/office";
import { catalogueFromGrid, catalogueToSheet, RULES_SHEET } from "../../src/core/catalogue/sheet";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { cellText, type SheetGrid } from "../../src/core/model/cells";
import { translate } from "../../src/taskpane/text/strings";
import { DoubleContext, WorkbookModel, asExcelContext } from "../workbook/excel-double";

const names = async (port: XlsxWorkbook) => (await port.readSheets()).sheets.map((s) => s.name);

function rowOf(grid: SheetGrid, code: string, from = 0): number {
  return grid.rows.findIndex((r, i) => i > from && cellText(r?.[0]) === code);
}

/** Sets A1's target in the workbook's 指标规则, as the office would by typing it. */
async function editTarget(port: XlsxWorkbook, value: number): Promise<void> {
  const rules = catalogueFromGrid((await port.readSheets([RULES_SHEET])).sheets[0]).catalogue!;
  rules.indicators.find((i) => i.code === "A1")!.target = value;
  await port.applyPlan({ sheets: [catalogueToSheet(rules)], annotations: [] });
}

const a1Target = async (port: XlsxWorkbook) =>
  catalogueFromGrid((await port.readSheets([RULES_SHEET])).sheets[0]).catalogue!.indicators.find(
    (i) => i.code === "A1"
  )!.target;

describe("the rules sheet from the pane", () => {
  it("adds 指标规则 once, and never replaces one the office may have edited", async () => {
    const port = XlsxWorkbook.empty();
    expect(await addRulesSheet(port)).toEqual({
      intent: "success",
      key: "rulesAdded",
      vars: { sheet: RULES_SHEET },
    });
    expect(catalogueFromGrid((await port.readSheets([RULES_SHEET])).sheets[0]).catalogue).toEqual(
      defaultCatalogue()
    );

    await editTarget(port, 2.5);
    expect(await addRulesSheet(port)).toMatchObject({ intent: "warning", key: "rulesExists" });
    expect(await names(port)).toEqual([RULES_SHEET]);
    expect(await a1Target(port)).toBe(2.5);
  });
});

describe("unit templates from the pane", () => {
  it("offers every unit that reports something", () => {
    expect(templateUnits()).toEqual(expect.arrayContaining(["市科技局", "那吾镇", "通钦街道"]));
    expect(templateUnits()).toHaveLength(defaultCatalogue().units.length);
  });

  it("adds a template as a new sheet and never replaces one", async () => {
    const port = XlsxWorkbook.empty();
    const first = await addTemplateSheet(port, "那吾镇", "2022Q3");
    const second = await addTemplateSheet(port, "那吾镇", "2022年第三季度");
    expect(first).toEqual({
      intent: "success",
      key: "templateAdded",
      vars: { sheet: "那吾镇 2022Q3" },
    });
    expect(second.vars).toEqual({ sheet: "那吾镇 2022Q3 (2)" });
    expect(await names(port)).toEqual(["那吾镇 2022Q3", "那吾镇 2022Q3 (2)"]);
    expect(translate("zh", second.key, second.vars)).toContain("那吾镇 2022Q3 (2)");
  });

  it("follows the workbook's own 指标规则", async () => {
    const port = XlsxWorkbook.empty();
    await addRulesSheet(port);
    await editTarget(port, 2.5);
    await addTemplateSheet(port, "市科技局", "2022Q3");
    const template = (await port.readSheets(["市科技局 2022Q3"])).sheets[0];
    expect(template.rows[rowOf(template, "A1", 4)][5]?.value).toBe(2.5);
  });

  it("says why a template cannot be made", async () => {
    const port = XlsxWorkbook.empty();
    expect(await addTemplateSheet(port, "火星乡", "2022Q3")).toMatchObject({
      intent: "error",
      key: "templateUnknownUnit",
      vars: { unit: "火星乡" },
    });
    expect(await addTemplateSheet(port, "那吾镇", "下个季度")).toMatchObject({
      intent: "error",
      key: "templateBadPeriod",
    });
    expect(await names(port)).toEqual([]);
  });
});

describe("through the Office adapter", () => {
  /** `apiVersion` as the double counts it: 1.18 for ExcelApi 1.18, 1.07 for 1.7. */
  async function inExcel(apiVersion: number) {
    const model = new WorkbookModel();
    const ctx = new DoubleContext(model, apiVersion);
    const port = new OfficeWorkbook(asExcelContext(ctx), { support: apiSupport(ctx.requirements) });
    const message = await addTemplateSheet(port, "那吾镇", "2022Q3");
    const sheet = model.sheet("那吾镇 2022Q3")!;
    return { message, sheet };
  }

  it("adds data validation, unlocked input cells and protection on ExcelApi 1.8 and later", async () => {
    const { message, sheet } = await inExcel(1.18);
    expect(message.key).toBe("templateAdded");
    expect(sheet.protected).toBe(true);
    const validated = [...sheet.cells.values()].filter((c) => c.validation?.rule);
    expect(validated.length).toBeGreaterThan(0);
    expect(validated.some((c) => c.validation?.prompt?.message?.includes("单位：亩"))).toBe(true);
    expect([...sheet.cells.values()].some((c) => c.locked === false)).toBe(true);
  });

  it("still adds the template on an older Excel, without data validation, which the pane says", async () => {
    const { message, sheet } = await inExcel(1.07);
    expect(message.key).toBe("templateAdded");
    expect([...sheet.cells.values()].filter((c) => c.validation?.rule)).toEqual([]);
    expect(
      apiSupport(new DoubleContext(new WorkbookModel(), 1.07).requirements).dataValidation
    ).toBe(false);
    expect(translate("zh", "templateNoValidation")).toMatch(/ExcelApi 1\.8/);
  });
});
