import * as fs from "fs";
import * as path from "path";
import type { WorkbookGrids } from "../../src/core/model/cells";
import { cellAddress, parseAddress } from "../../src/core/model/cells";
import { validateWorkbook } from "../../src/core/engine";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import {
  ExcelRefusal,
  OfficeWorkbook,
  TEMP_SHEET_PREFIX,
  apiSupport,
} from "../../src/workbook/office";
import { dateToExcelSerial } from "../../src/workbook/shared/number-format";
import {
  ActiveSheetPort,
  PortRunner,
  failurePlan,
  handleValidateEvent,
  runValidateCommand,
} from "../../src/commands/validate-command";
import { DoubleContext, WorkbookModel, asExcelContext, newSheet } from "../workbook/excel-double";

const SAMPLE = path.join(__dirname, "../../samples/04-市农业农村局-2022Q3-有错误.xlsx");
const CLEAN = path.join(__dirname, "../../samples/01-市科技局-2022Q3.xlsx");

/** The double holding what a unit's file holds, as Excel would have it open. */
function modelOf(grids: WorkbookGrids): WorkbookModel {
  const model = new WorkbookModel();
  for (const g of grids.sheets) {
    const sheet = newSheet(g.name);
    if (g.hidden) sheet.visibility = "Hidden";
    g.rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        const d = model.cell(sheet, r, c);
        const v = cell.value;
        if (v instanceof Date) d.value = dateToExcelSerial(v);
        else if (v !== null && typeof v === "object") d.error = v.error;
        else if (v !== null) d.value = v;
        if (cell.numFmt) d.numFmt = cell.numFmt;
        if (cell.formula) d.formula = cell.formula;
      })
    );
    model.sheets.push(sheet);
  }
  return model;
}

async function sampleModel(): Promise<WorkbookModel> {
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
  return modelOf(await wb.readSheets());
}

function portOn(model: WorkbookModel): { port: OfficeWorkbook; ctx: DoubleContext } {
  const ctx = new DoubleContext(model);
  return {
    ctx,
    port: new OfficeWorkbook(asExcelContext(ctx), { support: apiSupport(ctx.requirements) }),
  };
}

function values(model: WorkbookModel, sheet: string): Map<string, unknown> {
  const s = model.sheet(sheet)!;
  const out = new Map<string, unknown>();
  for (const [k, c] of s.cells) {
    if (c.value === undefined && c.error === undefined && c.formula === undefined) continue;
    const [r, col] = k.split(",").map(Number);
    out.set(cellAddress(r, col), [c.value, c.error, c.formula, c.numFmt]);
  }
  return out;
}

function markedCells(model: WorkbookModel, sheet: string): string[] {
  return [...model.sheet(sheet)!.cells.entries()]
    .filter(([, c]) => c.fill)
    .map(([k]) => k)
    .sort();
}

describe("runValidateCommand", () => {
  it("validates the active sheet, writes 校验结果 and the marks, and shows 校验结果, in 5 syncs", async () => {
    const model = await sampleModel();
    const active = model.sheets[model.active].name;
    const before = values(model, active);
    const { port, ctx } = portOn(model);

    const result = await runValidateCommand(port);

    expect(ctx.syncCount).toBe(5);
    expect(result.sheets).toEqual([active]);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.summary.zh).toContain(`错误 ${result.errors} 条`);
    expect(model.sheets[model.active].name).toBe("校验结果");
    const findings = model.sheet("校验结果")!;
    expect(findings.cells.size).toBeGreaterThan(10);
    const marked = [...model.sheet(active)!.cells.values()].filter((c) => c.fill);
    expect(marked.length).toBeGreaterThan(0);
    expect(model.sheet(active)!.notes.size).toBe(marked.length);
    expect(model.sheet(ANNOTATION_STORE_SHEET)?.visibility).toBe("VeryHidden");
    expect(values(model, active)).toEqual(before);
  });

  it("takes back the marks of cells fixed since the last click", async () => {
    const model = await sampleModel();
    const active = model.sheets[model.active].name;
    await runValidateCommand(portOn(model).port);
    const markedBefore = markedCells(model, active);
    expect(markedBefore.length).toBeGreaterThan(1);
    // The user replaces the sheet's data with a corrected copy (keeping the cells' formatting, as
    // typing does), goes back to the sheet and clicks Validate again.
    model.active = model.sheets.findIndex((s) => s.name === active);
    const corrected = (await (await XlsxWorkbook.fromBuffer(fs.readFileSync(CLEAN))).readSheets())
      .sheets[0];
    const sheet = model.sheet(active)!;
    for (const c of sheet.cells.values()) {
      delete c.value;
      delete c.error;
      delete c.formula;
    }
    corrected.rows.forEach((line, r) =>
      (line ?? []).forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        const d = model.cell(sheet, r, c);
        const v = cell.value;
        if (v instanceof Date) d.value = dateToExcelSerial(v);
        else if (typeof v === "object") d.error = v.error;
        else d.value = v;
        if (cell.numFmt) d.numFmt = cell.numFmt;
      })
    );
    const { port, ctx } = portOn(model);
    await runValidateCommand(port);
    expect(ctx.syncCount).toBe(5);

    // Exactly the cells this run flags are marked: nothing stale is left from the first click.
    const fresh = portOn(model).port;
    const expected = validateWorkbook(await fresh.readSheets(), { sheet: active })
      .plan.annotations.filter((a) => a.sheet === active)
      .map((a) => {
        const { row: r, col: c } = parseAddress(a.cell);
        return `${r},${c}`;
      })
      .sort();
    expect(markedCells(model, active)).toEqual(expected);
  });

  it("validates every monitoring sheet when clicked on one of the product sheets", async () => {
    const model = await sampleModel();
    const active = model.sheets[model.active].name;
    await runValidateCommand(portOn(model).port); // now 校验结果 is active
    const again = await runValidateCommand(portOn(model).port);
    expect(again.sheets).toContain(active);
    expect(again.sheets).not.toContain("校验结果");
  });
});

describe("runValidateCommand on the catalogue sheet", () => {
  it("checks 指标规则 itself when it is the active sheet, in 5 syncs", async () => {
    const model = await sampleModel();
    const rules = newSheet("指标规则");
    // A catalogue sheet with nothing a catalogue needs: it must be reported, not read as data.
    model.cell(rules, 0, 0).value = "指标规则";
    model.sheets.push(rules);
    model.active = model.sheets.length - 1;
    const { port, ctx } = portOn(model);
    const result = await runValidateCommand(port);
    expect(result.sheets).toEqual(["指标规则"]);
    expect(ctx.syncCount).toBe(5);
    expect(result.errors).toBeGreaterThan(0);
    const ruleIds = [...model.sheet("校验结果")!.cells.values()].map((c) => c.value);
    expect(ruleIds).toContain("catalogue_invalid");
  });
});

describe("handleValidateEvent", () => {
  const runnerOn =
    (model: WorkbookModel): PortRunner =>
    (work) =>
      work(portOn(model).port as ActiveSheetPort);

  it("completes the event after a successful run", async () => {
    const model = await sampleModel();
    const event = { completed: jest.fn() };
    const result = await handleValidateEvent(event, runnerOn(model), () => undefined);
    expect(result?.errors).toBeGreaterThan(0);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("writes what went wrong into 校验结果 and still completes the event", async () => {
    const model = new WorkbookModel();
    model.sheets.push(newSheet("Sheet1"));
    const event = { completed: jest.fn() };
    const log = jest.fn();
    let calls = 0;
    const failing: PortRunner = (work) => {
      calls++;
      const port = portOn(model).port;
      if (calls === 1) {
        // The first run breaks as Excel can (a lost connection): its read rejects.
        port.readActive = () => Promise.reject(new Error("GeneralException: 连接已断开"));
      }
      return work(port as ActiveSheetPort);
    };
    const result = await handleValidateEvent(event, failing, log);
    expect(result).toBeNull();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith("validateSheet failed", expect.any(Error));
    const sheet = model.sheet("校验结果")!;
    const texts = [...sheet.cells.values()].map((c) => c.value);
    expect(texts).toContain("GeneralException: 连接已断开");
    expect(model.sheets[model.active].name).toBe("校验结果");
  });

  it("completes the event even when the failure cannot be written", async () => {
    const event = { completed: jest.fn() };
    const log = jest.fn();
    const broken: PortRunner = () => Promise.reject(new Error("Excel is busy"));
    await expect(handleValidateEvent(event, broken, log)).resolves.toBeNull();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(2);
  });
});

describe("failurePlan", () => {
  it("says in both languages only what is true after a failure — values untouched, marks maybe incomplete — with the cause", () => {
    const plan = failurePlan(new Error("boom"));
    const texts = plan.sheets[0].cells
      .map((c) => c.value)
      .filter((t): t is string => typeof t === "string");
    expect(texts).toEqual(expect.arrayContaining(["boom"]));
    expect(texts.some((t) => /数值均未被改动/.test(t) && /可能不完整/.test(t))).toBe(true);
    expect(
      texts.some((t) => /No cell value was changed/.test(t) && /may be incomplete/.test(t))
    ).toBe(true);
    // A failed batch is not undone: nothing may claim the workbook as a whole was left unchanged.
    expect(texts.some((t) => /工作簿未被修改|workbook was not changed/.test(t))).toBe(false);
    expect(plan.annotations).toEqual([]);
  });

  it("gives a refusal in both languages, saying what to do", () => {
    const plan = failurePlan(new ExcelRefusal("workbookProtected"));
    const texts = plan.sheets[0].cells.map((c) => String(c.value));
    expect(texts.some((t) => /保护工作簿/.test(t) && /Protect Workbook/.test(t))).toBe(true);
  });

  it("after a failure half way, the next click works and leaves no temporary sheet (item 7)", async () => {
    const model = await sampleModel();
    const active = model.sheets[model.active].name;
    await runValidateCommand(portOn(model).port);
    model.active = model.sheets.findIndex((s) => s.name === active);
    model.failOn = (label) => label === "delete"; // the connection drops after the temporary sheet was added
    const event = { completed: jest.fn() };
    await handleValidateEvent(
      event,
      (work) => work(portOn(model).port as ActiveSheetPort),
      () => undefined
    );
    model.active = model.sheets.findIndex((s) => s.name === active);
    const again = await runValidateCommand(portOn(model).port);
    expect(again.errors).toBeGreaterThan(0);
    expect(model.sheets.filter((s) => s.name.startsWith(TEMP_SHEET_PREFIX))).toEqual([]);
  });
});

describe("the ribbon command within its time limit (item 9)", () => {
  it("validates the sheets it could read in time and says under the findings which it did not", async () => {
    const model = await sampleModel();
    const unit = model.sheets[model.active];
    for (let i = 2; i <= 30; i++) {
      const copy = {
        ...unit,
        name: `单位${i}`,
        cells: new Map([...unit.cells].map(([k, c]) => [k, { ...c }])),
        notes: new Map(),
        comments: [],
      };
      model.sheets.push(copy);
    }
    await runValidateCommand(portOn(model).port); // 校验结果 becomes the active sheet
    let clock = 0;
    const { port } = portOn(model);
    const read = port.readSheets.bind(port);
    port.readSheets = async (names) => {
      clock += 130_000; // each read of 20 sheets takes over two minutes on this slow machine
      return read(names);
    };
    const result = await runValidateCommand(port, { now: () => clock, readBudgetMs: 120_000 });
    expect(result.sheets.length).toBeGreaterThan(1);
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.sheets).not.toEqual(expect.arrayContaining(result.skipped));
    const notes = [...model.sheet("校验结果")!.cells.values()].map((c) => String(c.value ?? ""));
    expect(
      notes.some((t) => t.includes("未校验（超出时限）") && t.includes(result.skipped[0]))
    ).toBe(true);
  });

  it("says under the findings that a sheet protected with a password was not marked", async () => {
    const model = await sampleModel();
    const sheet = model.sheets[model.active];
    sheet.protected = true;
    sheet.password = "secret";
    const result = await runValidateCommand(portOn(model).port);
    expect(result.unmarked).toEqual([sheet.name]);
    const notes = [...model.sheet("校验结果")!.cells.values()].map((c) => String(c.value ?? ""));
    expect(notes.some((t) => t.includes("设有密码保护") && t.includes("password"))).toBe(true);
  });
});
