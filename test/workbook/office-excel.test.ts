/**
 * Where real Excel differs from a plain in-memory workbook, and the Office adapter must behave:
 * protected sheets and workbook structure, old requirement sets, response sizes, notes beside
 * threaded comments, a failed batch left half done, sheet activation, data-validation limits.
 * Each case runs against the Excel API double, which enforces what Excel does (see excel-double.ts).
 */
import type { PlanSheet, WritePlan } from "../../src/core/model/plan";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import { ExcelRefusal, TEMP_SHEET_PREFIX, TEMPLATE_PROTECTION } from "../../src/workbook/office";
import { DoubleContext, WorkbookModel, asExcelContext, newSheet } from "./excel-double";
import { MB, bigSheet, harnessFor, modelFrom, sheetOf, validationPlan } from "./office-harness";

const fillAt = (model: WorkbookModel, sheet: string, row: number, col: number) =>
  sheetOf(model, sheet).cells.get(`${row},${col}`)?.fill;

/** A template as the product writes it: unlocked input cells, protected. */
function template(name = "那吾镇 2022Q3"): PlanSheet {
  return {
    name,
    cells: [
      { row: 2, col: 0, value: "指标名称" },
      { row: 2, col: 1, value: "本期完成值" },
      { row: 3, col: 0, value: "R&D经费投入强度" },
    ],
    unlocked: ["B4:B40"],
    protect: true,
  };
}

const markB4: WritePlan = {
  sheets: [],
  annotations: [{ sheet: "监测表", cell: "B4", fill: "#FFC7CE", note: "无法识别数字" }],
  replaceAnnotations: ["监测表"],
};

describe("protected sheets (item 1)", () => {
  it("marks a filled-in template the product wrote: its protection allows formatting cells and editing objects", async () => {
    const model = modelFrom([bigSheet(3)]);
    await harnessFor(model).port.applyPlan({
      sheets: [{ ...template("监测表2") }],
      annotations: [],
    });
    const t = sheetOf(model, "监测表2");
    expect(t.protected).toBe(true);
    expect(t.protectionOptions).toMatchObject(TEMPLATE_PROTECTION);
    model.cell(t, 3, 1).value = "约400斤"; // the unit fills it in
    const h = harnessFor(model);
    await h.port.applyPlan({
      sheets: [],
      annotations: [{ sheet: "监测表2", cell: "B4", fill: "#FFC7CE", note: "无法识别数字" }],
    });
    expect(await h.cellLook("监测表2", "B4")).toMatchObject({
      fill: "#FFC7CE",
      note: "无法识别数字",
    });
    expect(h.port.lastReport.unmarkedSheets).toEqual([]);
  });

  it("lifts the protection of a sheet protected without a password for the marks, and puts it back as it was", async () => {
    const model = modelFrom([bigSheet(3)]);
    const sheet = sheetOf(model, "监测表");
    sheet.protected = true;
    sheet.protectionOptions = { allowFormatColumns: true, allowFormatRows: true }; // a template of an earlier version
    const h = harnessFor(model);
    await h.port.applyPlan(markB4);
    expect(await h.cellLook("监测表", "B4")).toMatchObject({
      fill: "#FFC7CE",
      note: "无法识别数字",
    });
    expect(sheet).toMatchObject({
      protected: true,
      protectionOptions: { allowFormatColumns: true, allowFormatRows: true },
    });
    // Lifting costs one sync of its own.
    expect(h.ctx.syncCount).toBe(4);
    await harnessFor(model).port.clearAnnotations();
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null, note: null });
    expect(sheet.protected).toBe(true);
  });

  it("marks nothing on a sheet protected with a password, writes 校验结果 and reports the sheet", async () => {
    const model = modelFrom([bigSheet(10)]);
    const sheet = sheetOf(model, "监测表");
    sheet.protected = true;
    sheet.password = "合作市";
    const h = harnessFor(model);
    await h.port.applyPlan(validationPlan(2));
    expect(model.sheet("校验结果")?.cells.size).toBeGreaterThan(10);
    expect([...sheet.cells.values()].some((c) => c.fill)).toBe(false);
    expect(sheet.notes.size).toBe(0);
    expect(sheet).toMatchObject({ protected: true, password: "合作市" });
    expect(h.port.lastReport.unmarkedSheets).toEqual(["监测表"]);
  });
});

describe("old Office (item 2)", () => {
  it("the double refuses a member above the ExcelApi version it reports", () => {
    const ctx = asExcelContext(new DoubleContext(new WorkbookModel(), 1.01));
    expect(() => ctx.workbook.worksheets.getItemOrNullObject("监测表")).toThrow(
      /ApiNotFound.*1\.4/
    );
    expect(() => ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").merge(false)).toThrow(
      /ApiNotFound.*1\.2/
    );
  });

  it("on ExcelApi 1.1 calls nothing and says which Office is needed", async () => {
    const h = harnessFor(modelFrom([bigSheet(3)]), 1.01);
    const refused = h.port.readActive();
    await expect(refused).rejects.toBeInstanceOf(ExcelRefusal);
    await expect(refused).rejects.toThrow(/Excel 2021/);
    await expect(h.port.applyPlan(validationPlan(1))).rejects.toMatchObject({
      reason: "officeTooOld",
    });
    expect(h.ctx.syncCount).toBe(0);
    expect([...h.ctx.used]).toEqual([]);
  });

  it("validates on ExcelApi 1.4 (Office 2016 with updates) without any member above it", async () => {
    const h = harnessFor(modelFrom([bigSheet(10)]), 1.04);
    await h.port.readActive(["指标规则"]);
    await h.port.applyPlan(validationPlan(2));
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: "#FFC7CE", note: null });
    expect(h.model.sheets[h.model.active].name).toBe("校验结果");
  });
});

describe("Excel on the web's 5 MB (item 5)", () => {
  /** A sheet of rows × 10 short cells. */
  function wideSheet(rows: number): WorkbookModel {
    const model = new WorkbookModel();
    const sheet = newSheet("监测表");
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < 10; c++) model.cell(sheet, r, c).value = c % 2 ? r * 10 + c : `值${r}`;
    model.sheets.push(sheet);
    return model;
  }

  it("reads a sheet of 200,000 short cells in row blocks, each response well under 5 MB", async () => {
    const h = harnessFor(wideSheet(20_000));
    const wb = await h.port.readSheets(["监测表"]);
    expect(wb.sheets[0].rows).toHaveLength(20_000);
    expect(wb.sheets[0].rows[19_999][0]?.value).toBe("值19999");
    expect(wb.sheets[0].rows[19_999][9]?.value).toBe(199_999);
    const responses = h.ctx.syncs.map((s) => s.responseBytes);
    expect(responses.reduce((a, b) => a + b, 0)).toBeGreaterThan(6 * MB); // one sync would have been refused
    expect(Math.max(...responses)).toBeLessThan(2 * MB);
    expect(h.ctx.syncCount).toBeLessThanOrEqual(10);
  });

  it("reads a block again in halves when Excel answers null values for it", async () => {
    const h = harnessFor(wideSheet(300), 1.18, { limits: { cellsPerGet: 1000 } });
    const wb = await h.port.readSheets(["监测表"]);
    expect(wb.sheets[0].rows).toHaveLength(300);
    expect(wb.sheets[0].rows[299][1]?.value).toBe(2991);
  });
});

describe("notes and threaded comments share a cell (item 6)", () => {
  it("with notes, gives a cell holding a colleague's threaded comment the fill only, and never touches the comment", async () => {
    const model = modelFrom([bigSheet(10)]);
    sheetOf(model, "监测表").comments.push({ id: "u1", cell: "B4", content: "王芳：这个数待核实" });
    const h = harnessFor(model);
    await h.port.applyPlan({ ...validationPlan(2), replaceAnnotations: ["监测表"] });
    expect(await h.cellLook("监测表", "B4")).toMatchObject({
      fill: "#FFC7CE",
      note: "王芳：这个数待核实",
    });
    expect(sheetOf(model, "监测表").notes.has("B4")).toBe(false);
    expect(await h.cellLook("监测表", "B11")).toMatchObject({
      fill: "#FFC7CE",
      note: "无法识别数字，请填写数值。",
    });
    expect(h.port.lastReport.fillOnlyCells).toBe(1);
    await harnessFor(model).port.clearAnnotations();
    expect(fillAt(model, "监测表", 3, 1)).toBeUndefined();
    expect(sheetOf(model, "监测表").comments).toEqual([
      { id: "u1", cell: "B4", content: "王芳：这个数待核实" },
    ]);
  });

  it("with comments only (ExcelApi 1.10), never rewrites a colleague's comment", async () => {
    const model = modelFrom([bigSheet(10)]);
    sheetOf(model, "监测表").comments.push({ id: "u1", cell: "B4", content: "王芳：这个数待核实" });
    await harnessFor(model, 1.1).port.applyPlan(validationPlan(2));
    await harnessFor(model, 1.1).port.applyPlan(validationPlan(2));
    expect(sheetOf(model, "监测表").comments.find((c) => c.id === "u1")?.content).toBe(
      "王芳：这个数待核实"
    );
    expect(sheetOf(model, "监测表").comments.find((c) => c.cell === "B11")?.content).toBe(
      "无法识别数字，请填写数值。"
    );
  });

  it("with comments only, skips a cell whose note Excel does not show, and adds the others", async () => {
    const model = modelFrom([bigSheet(10)]);
    sheetOf(model, "监测表").notes.set("B4", "原有注释"); // invisible below ExcelApi 1.18
    const h = harnessFor(model, 1.1);
    await h.port.applyPlan(validationPlan(2));
    expect(sheetOf(model, "监测表").notes.get("B4")).toBe("原有注释");
    expect(fillAt(model, "监测表", 3, 1)).toBe("#FFC7CE");
    expect(sheetOf(model, "监测表").comments.map((c) => c.cell)).toEqual(["B11"]);
    expect(h.port.lastReport.fillOnlyCells).toBe(1);
  });
});

describe("a failed batch is not undone (item 7)", () => {
  it("a temporary sheet left by a failed run never blocks the next run, which removes it", async () => {
    const model = modelFrom([bigSheet(10)]);
    await harnessFor(model).port.applyPlan(validationPlan(1));
    // The run breaks after adding the temporary sheet, as a lost connection can.
    model.failOn = (label) => label === "delete";
    await expect(harnessFor(model).port.applyPlan(validationPlan(1))).rejects.toThrow(/injected/);
    expect(model.sheets.some((s) => s.name.startsWith(TEMP_SHEET_PREFIX))).toBe(true);
    await harnessFor(model).port.applyPlan(validationPlan(2));
    expect(model.sheets.filter((s) => s.name.startsWith(TEMP_SHEET_PREFIX))).toEqual([]);
    expect(model.sheets.filter((s) => s.name === "校验结果")).toHaveLength(1);
  });

  it("puts lifted protection back when the writes fail", async () => {
    const model = modelFrom([bigSheet(3)]);
    const sheet = sheetOf(model, "监测表");
    sheet.protected = true;
    sheet.protectionOptions = { allowFormatColumns: true };
    model.failOn = (label) => label === "values"; // writing the store breaks
    await expect(harnessFor(model).port.applyPlan(markB4)).rejects.toThrow(/injected/);
    expect(sheet).toMatchObject({
      protected: true,
      protectionOptions: { allowFormatColumns: true },
    });
  });
});

describe("a protected workbook structure (item 8)", () => {
  it("refuses before changing anything, saying what to do", async () => {
    const model = modelFrom([bigSheet(10)]);
    model.structureProtected = true;
    const attempt = harnessFor(model).port.applyPlan(validationPlan(2));
    await expect(attempt).rejects.toBeInstanceOf(ExcelRefusal);
    await expect(attempt).rejects.toThrow(/保护工作簿.*Protect Workbook/);
    expect(model.sheets.map((s) => s.name)).toEqual(["监测表"]);
    expect(fillAt(model, "监测表", 3, 1)).toBeUndefined();
  });

  it("still clears marks, keeping the emptied store sheet it may not delete", async () => {
    const model = modelFrom([bigSheet(10)]);
    await harnessFor(model).port.applyPlan(validationPlan(2));
    model.structureProtected = true;
    await harnessFor(model).port.clearAnnotations();
    expect(fillAt(model, "监测表", 3, 1)).toBeUndefined();
    expect(sheetOf(model, ANNOTATION_STORE_SHEET)).toMatchObject({
      visibility: "VeryHidden",
      cells: new Map(),
    });
  });
});

describe("smaller differences (item 9)", () => {
  it("shows a sheet added in the run only after the sync that added it (Excel on the web)", async () => {
    const h = harnessFor(modelFrom([bigSheet(3)]));
    await h.port.applyPlan(validationPlan(1));
    expect(h.model.sheets[h.model.active].name).toBe("校验结果");
  });

  it("keeps data-validation texts within what Excel accepts: error messages 225 characters", async () => {
    const long = "请填写百分数".repeat(45); // 270 characters
    const h = harnessFor(modelFrom([bigSheet(3)]));
    await h.port.applyPlan({
      sheets: [
        {
          ...template(),
          validations: [
            {
              range: "B4:B40",
              kind: "percent",
              prompt: long,
              error: long,
              title: "本期完成值（百分数）".repeat(4),
            },
          ],
        },
      ],
      annotations: [],
    });
    const v = sheetOf(h.model, "那吾镇 2022Q3").cells.get("3,1")?.validation;
    expect(Array.from(v?.errorAlert?.message ?? "")).toHaveLength(225);
    expect(Array.from(v?.prompt?.message ?? "")).toHaveLength(255);
    expect(Array.from(v?.prompt?.title ?? "")).toHaveLength(32);
  });
});
