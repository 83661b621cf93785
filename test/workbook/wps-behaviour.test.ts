/**
 * The WPS adapter where WPS differs from a plain workbook: older versions without some members,
 * protected sheets and workbooks, marks made in Excel, the application's switches.
 */
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import { FILL_ONLY, STORE_HEADER, encodeStoreRow } from "../../src/workbook/annotation-store";
import { ExcelRefusal } from "../../src/workbook/office/refusal";
import { wpsSupport } from "../../src/workbook/wps/support";
import { seedWorkbook } from "./contract";
import { bigSheet, validationPlan } from "./office-harness";
import { ApplicationDouble, key } from "./wps-double";
import { harnessFor, probedHarness, sheetOf, stateFrom } from "./wps-harness";

const template = {
  name: "那吾镇 2022Q3",
  mode: "create" as const,
  cells: [{ row: 0, col: 0, value: "指标名称" }],
  validations: [{ range: "B2:B4", kind: "decimal" as const, prompt: "填写数值" }],
  protect: true,
  unlocked: ["B2:B4"],
};

describe("WpsWorkbook on an older WPS", () => {
  it("says what is missing, in both languages, and marks with colour only without comments", async () => {
    const state = stateFrom([bigSheet(10)], { comments: false, validation: true, dataBars: true });
    const support = wpsSupport(new ApplicationDouble(state));
    expect(support.core).toBe(true);
    expect(support.missing.map((m) => m.requirement)).toEqual(["Range.AddComment"]);
    expect(support.missing[0].reason.zh).toMatch(/批注/);
    expect(support.missing[0].reason.en).toMatch(/comments/);
    const h = probedHarness(state);
    await h.port.applyPlan(validationPlan(1));
    expect(h.state.counts.get("Range.AddComment")).toBeUndefined();
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: "#FFC7CE", note: null });
    await h.port.clearAnnotations();
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null });
  });

  it("adds templates without validation and 差距分析 without data bars where WPS has neither", async () => {
    const state = stateFrom([bigSheet(3)], { comments: true, validation: false, dataBars: false });
    const h = probedHarness(state);
    expect(h.port.support.missing.map((m) => m.requirement)).toEqual([
      "Range.Validation",
      "FormatConditions.AddDatabar",
    ]);
    await h.port.applyPlan({
      sheets: [
        template,
        { name: "差距分析", cells: [], dataBars: [{ range: "C4:C9", color: "#638EC6" }] },
      ],
      annotations: [],
    });
    expect(await h.cellLook("那吾镇 2022Q3", "B3")).toMatchObject({
      validation: null,
      locked: false,
    });
    expect((await h.sheetLook("差距分析")).dataBars).toEqual([]);
  });

  it("finds nothing missing on a current WPS, in a few calls", () => {
    const state = stateFrom(seedWorkbook());
    const support = wpsSupport(new ApplicationDouble(state));
    expect(support).toMatchObject({
      core: true,
      comments: true,
      dataValidation: true,
      dataBars: true,
    });
    expect(support.missing).toEqual([]);
    expect(state.calls).toBeLessThanOrEqual(8);
  });

  it("says which WPS is needed when there is no workbook object model at all", () => {
    const support = wpsSupport({} as ApplicationDouble);
    expect(support.core).toBe(false);
    expect(support.missing[0].reason.zh).toMatch(/WPS Office 2019/);
  });
});

describe("WpsWorkbook and protection", () => {
  it("leaves a sheet protected with a password unmarked and says so", async () => {
    const h = harnessFor(stateFrom([bigSheet(10)]));
    sheetOf(h.state, "监测表").protection = {
      password: "secret",
      drawingObjects: true,
      allowFormattingCells: false,
      allowFormattingColumns: false,
      allowFormattingRows: false,
    };
    await h.port.applyPlan(validationPlan(2));
    expect(h.port.lastReport.unmarkedSheets).toEqual(["监测表"]);
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null, note: null });
    expect(h.state.sheet("校验结果")).toBeDefined();
    expect(sheetOf(h.state, "监测表").protection?.password).toBe("secret");
  });

  it("lifts a protection without password for the marks and puts it back as it was", async () => {
    const h = harnessFor(stateFrom([bigSheet(10)]));
    const before = {
      drawingObjects: true,
      allowFormattingCells: false,
      allowFormattingColumns: true,
      allowFormattingRows: true,
    };
    sheetOf(h.state, "监测表").protection = { ...before };
    await h.port.applyPlan(validationPlan(2));
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: "#FFC7CE" });
    expect(sheetOf(h.state, "监测表").protection).toEqual({ password: undefined, ...before });
    await h.port.clearAnnotations();
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null, note: null });
    expect(sheetOf(h.state, "监测表").protection).toEqual({ password: undefined, ...before });
  });

  it("marks a template it protected itself without lifting anything", async () => {
    const h = harnessFor(stateFrom([bigSheet(3)]));
    await h.port.applyPlan({ sheets: [template], annotations: [] });
    h.state.resetCalls();
    await h.port.applyPlan({
      sheets: [],
      annotations: [{ sheet: "那吾镇 2022Q3", cell: "B3", fill: "#FFC7CE", note: "请核对" }],
    });
    expect(h.state.counts.get("Worksheet.Unprotect")).toBeUndefined();
    expect(await h.cellLook("那吾镇 2022Q3", "B3")).toMatchObject({
      fill: "#FFC7CE",
      note: "请核对",
    });
  });

  it("refuses before any change when the workbook's structure is protected", async () => {
    const h = harnessFor(stateFrom(seedWorkbook()));
    h.state.structureProtected = true;
    const names = await h.sheetNames();
    await expect(h.port.applyPlan(validationPlan(1))).rejects.toBeInstanceOf(ExcelRefusal);
    await expect(h.port.appendRows("审核记录", ["时间"], [["x"]])).rejects.toBeInstanceOf(
      ExcelRefusal
    );
    expect(await h.sheetNames()).toEqual(names);
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null });
  });
});

describe("WpsWorkbook and the rest of WPS", () => {
  it("puts the alerts and screen updating back as they were, even when a write fails", async () => {
    const h = harnessFor(stateFrom(seedWorkbook()));
    h.state.screenUpdating = false;
    await h.port.applyPlan(validationPlan(1));
    expect([h.state.displayAlerts, h.state.screenUpdating]).toEqual([true, false]);
    const bad = validationPlan(1);
    bad.sheets[0].merges = ["not an address"];
    await expect(h.port.applyPlan(bad)).rejects.toThrow(/not an address/);
    expect([h.state.displayAlerts, h.state.screenUpdating]).toEqual([true, false]);
  });

  it("leaves the person on their sheet when only marks or rows are written", async () => {
    const h = harnessFor(stateFrom([bigSheet(10), { name: "乡镇表", cells: {} }]));
    h.state.active = 1;
    await h.port.applyPlan({ sheets: [], annotations: validationPlan(1).annotations });
    await h.port.appendRows("审核记录", ["时间"], [["2022-10-08"]]);
    expect(h.state.sheets[h.state.active].name).toBe("乡镇表");
    expect(sheetOf(h.state, ANNOTATION_STORE_SHEET).visible).toBe(2);
  });

  it("gives a cell marked in Excel over a threaded comment its fill back and never touches its comment", async () => {
    const h = harnessFor(stateFrom([bigSheet(10)]));
    const store = h.state.sheets[0];
    h.state.sheets.push({
      ...store,
      name: ANNOTATION_STORE_SHEET,
      cells: new Map(),
      comments: new Map(),
      visible: 2,
    });
    const storeSheet = sheetOf(h.state, ANNOTATION_STORE_SHEET);
    [
      STORE_HEADER,
      encodeStoreRow({
        sheet: "监测表",
        cell: "D4",
        fill: null,
        note: "Excel 的批注",
        detail: FILL_ONLY,
      }),
    ].forEach((row, r) => row.forEach((v, c) => storeSheet.cells.set(key(r, c), { value: v })));
    sheetOf(h.state, "监测表").cells.get(key(3, 3))!.fill = 0xcec7ff;
    sheetOf(h.state, "监测表").comments.set("D4", "同事的线程批注");
    await h.port.applyPlan({
      sheets: [],
      annotations: [{ sheet: "监测表", cell: "D4", fill: "#FFEB9C", note: "请核对" }],
    });
    expect(await h.cellLook("监测表", "D4")).toMatchObject({
      fill: "#FFEB9C",
      note: "同事的线程批注",
    });
    expect(h.port.lastReport.fillOnlyCells).toBe(1);
    await h.port.clearAnnotations();
    expect(await h.cellLook("监测表", "D4")).toMatchObject({ fill: null, note: "同事的线程批注" });
    expect(h.state.sheet(ANNOTATION_STORE_SHEET)).toBeUndefined();
  });

  it("reads a #DIV/0! given as its text where WPS gives a formula's error that way", async () => {
    const h = harnessFor(stateFrom([{ name: "表", cells: { A1: { value: 1, formula: "1/0" } } }]));
    const cell = sheetOf(h.state, "表").cells.get(key(0, 0))!;
    cell.value = "#DIV/0!";
    const grid = (await h.port.readSheets()).sheets[0];
    expect(grid.rows[0][0]).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
  });
});
