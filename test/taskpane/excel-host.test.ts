/**
 * The pane's Excel mode against the test double of the Excel API: the same steps as the
 * buttons (validate the active sheet, re-validate after a fix, clear), through connectExcel.
 */
import type { SheetGrid } from "../../src/core/model/cells";
import { parseAddress } from "../../src/core/model/cells";
import { connectExcel } from "../../src/taskpane/host/excel-host";
import type { ExcelHost } from "../../src/taskpane/host/host";
import { PaneError, runCheck } from "../../src/taskpane/state/run";
import { reportNotices } from "../../src/taskpane/state/useRunner";
import { translate } from "../../src/taskpane/text/strings";
import { OfficeWorkbook } from "../../src/workbook/office";
import { bureauSheet } from "../helpers/grid";
import {
  DSheet,
  DoubleContext,
  WorkbookModel,
  excelRunOn,
  newSheet,
} from "../workbook/excel-double";

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };

function sheetFrom(grid: SheetGrid, model: WorkbookModel): DSheet {
  const sheet = newSheet(grid.name);
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const v = cell?.value;
      if (typeof v === "string" ? v !== "" : typeof v === "number")
        model.cell(sheet, r, c).value = v as string | number;
    })
  );
  model.sheets.push(sheet);
  return sheet;
}

/** An Excel of the given API version with `model` open: each Excel.run gets a fresh request context. */
function openInExcel(model: WorkbookModel, apiVersion = 1.18): DoubleContext[] {
  const requirements = new DoubleContext(model, apiVersion).requirements;
  const contexts: DoubleContext[] = [];
  g.Office = { context: { requirements } };
  g.Excel = { run: excelRunOn(model, apiVersion, contexts) };
  return contexts;
}

afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

const grid = bureauSheet([
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
  ["C1", "市级众创空间", "家", 0, 10, "待统计", 6, ""],
  ["C4", "省级技术创新中心", "个", 0, 2, 1.5, "", ""],
]);
// Rows 5–7 of the sheet (header on row 4): the actual is column F.
const C1_ACTUAL = "F6";
const C4_ACTUAL = "F7";

describe("the pane inside Excel (test double of the Excel API)", () => {
  let model: WorkbookModel;
  let sheet: DSheet;
  let host: ExcelHost;
  const fillAt = (addr: string) => {
    const { row, col } = parseAddress(addr);
    return sheet.cells.get(`${row},${col}`)?.fill;
  };

  beforeEach(() => {
    model = new WorkbookModel();
    sheet = sheetFrom(grid, model);
    model.sheets.push(newSheet("说明"));
    model.active = 0;
    model.cell(sheet, 6, 5).fill = "#FFFF00"; // the user's own yellow on F7
    openInExcel(model);
    host = connectExcel({ lang: "zh", dark: false });
  });

  it("has no limits to show on a current Excel", () => {
    expect(host.limits).toEqual([]);
  });

  it("validates the active sheet, marking the wrong cells and writing 校验结果", async () => {
    const active = await host.activeSheet();
    expect(active).toBe("监测表");
    const result = await runCheck(host.port, "validate", { sheet: active }, () => undefined);
    expect(result.findings.map((f) => f.cell)).toEqual(
      expect.arrayContaining([C1_ACTUAL, C4_ACTUAL])
    );
    expect(model.sheet("校验结果")).toBeDefined();
    const marked = result.plan.annotations.find((a) => a.cell === C1_ACTUAL)!;
    expect(fillAt(C1_ACTUAL)).toBe(marked.fill.toUpperCase());
  });

  it("removes the mark of a cell fixed since the last run, giving back its own fill", async () => {
    await runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined);
    expect(fillAt(C4_ACTUAL)).not.toBe("#FFFF00");
    model.cell(sheet, 6, 5).value = 1; // the user fixes C4
    const again = await runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined);
    expect(again.findings.some((f) => f.cell === C4_ACTUAL)).toBe(false);
    expect(fillAt(C4_ACTUAL)).toBe("#FFFF00");
    expect(fillAt(C1_ACTUAL)).toBeDefined();
  });

  it("clears every mark, restoring the fills they covered", async () => {
    await runCheck(host.port, "analyse", {}, () => undefined);
    expect(model.sheet("差距分析")).toBeDefined();
    await host.port.clearAnnotations();
    expect(fillAt(C4_ACTUAL)).toBe("#FFFF00");
    expect(fillAt(C1_ACTUAL)).toBeUndefined();
  });

  it("says what an older Excel cannot do", () => {
    openInExcel(model, 1.09); // the double counts versions as major + minor/100: ExcelApi 1.9
    const old = connectExcel({ lang: "zh", dark: false });
    expect(old.limits.length).toBeGreaterThan(0);
    for (const l of old.limits) {
      expect(l.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(l.en).toMatch(/[a-z]/);
    }
  });
});

describe("the pane inside a real-world Excel", () => {
  let model: WorkbookModel;
  beforeEach(() => {
    model = new WorkbookModel();
    sheetFrom(grid, model);
  });

  it("waits while the user is still typing in a cell, then validates (item 4)", async () => {
    openInExcel(model);
    const host = connectExcel({ lang: "zh", dark: false });
    model.startCellEdit();
    const settled = <T>(p: Promise<T>) =>
      p.then(
        (value) => ({ value }),
        (error: unknown) => ({ error })
      );
    const run = settled(runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined));
    const active = settled(host.activeSheet());
    setTimeout(() => model.endCellEdit(), 20); // the user presses Enter
    expect(await run).toMatchObject({ value: { findings: expect.any(Array) } });
    expect(await active).toEqual({ value: "监测表" });
    expect(model.sheet("校验结果")).toBeDefined();
  });

  it("the ribbon command waits for cell edit too (item 4)", async () => {
    openInExcel(model);
    model.startCellEdit();
    const names = OfficeWorkbook.run((wb) => wb.readSheets(["监测表"])).then(
      (wb) => wb.sheets.map((x) => x.name),
      (e: unknown) => e
    );
    setTimeout(() => model.endCellEdit(), 20);
    expect(await names).toEqual(["监测表"]);
  });

  it("on Office with ExcelApi 1.1 says in one sentence which Office is needed, and touches nothing (item 2)", async () => {
    const contexts = openInExcel(model, 1.01);
    const host = connectExcel({ lang: "zh", dark: false });
    expect(host.supported).toBe(false);
    expect(host.limits).toHaveLength(1);
    expect(host.limits[0].zh).toBe(translate("zh", "errorOfficeTooOld"));
    const run = runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined);
    await expect(run).rejects.toMatchObject({ key: "errorOfficeTooOld" });
    expect(contexts.every((c) => c.syncCount === 0 && c.used.size === 0)).toBe(true);
  });

  it("says what to do when the workbook structure is protected (item 8)", async () => {
    openInExcel(model);
    model.structureProtected = true;
    const host = connectExcel({ lang: "en", dark: false });
    const run = runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined);
    await expect(run).rejects.toBeInstanceOf(PaneError);
    await expect(run).rejects.toMatchObject({ key: "errorWorkbookProtected" });
    expect(translate("en", "errorWorkbookProtected")).toMatch(/Review tab.*Protect Workbook/);
    expect(model.sheets.map((s) => s.name)).toEqual(["监测表"]);
  });

  it("says that a sheet protected with a password was not marked (item 1)", async () => {
    openInExcel(model);
    const sheet = model.sheet("监测表")!;
    sheet.protected = true;
    sheet.password = "secret";
    const host = connectExcel({ lang: "zh", dark: false });
    const result = await runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(model.sheet("校验结果")).toBeDefined();
    expect(reportNotices(host)).toEqual([{ key: "noticeUnmarked", vars: { sheets: "监测表" } }]);
    expect(translate("zh", "noticeUnmarked", { sheets: "监测表" })).toMatch(
      /监测表.*密码保护.*校验结果/
    );
    // Marked before the password was set: clearing cannot reach those marks either, and says so.
    sheet.protected = false;
    delete sheet.password;
    await runCheck(host.port, "validate", { sheet: "监测表" }, () => undefined);
    sheet.protected = true;
    sheet.password = "secret";
    await host.port.clearAnnotations();
    expect(reportNotices(host, "clear")).toEqual([
      { key: "noticeNotCleared", vars: { sheets: "监测表" } },
    ]);
    expect([...sheet.cells.values()].some((c) => c.fill)).toBe(true);
  });
});

describe("selecting a finding’s cell", () => {
  it("activates the sheet and selects the cell in one request", async () => {
    const calls: string[] = [];
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    g.Excel = {
      run: async <T>(options: unknown, work: (context: unknown) => Promise<T>) => {
        calls.push(`run ${JSON.stringify(options)}`);
        return work({
          workbook: {
            worksheets: {
              getItem: (name: string) => ({
                activate: () => calls.push(`activate ${name}`),
                getRange: (addr: string) => ({
                  select: () => calls.push(`select ${name}!${addr}`),
                }),
              }),
            },
          },
          sync: async () => calls.push("sync"),
        });
      },
    };
    await connectExcel({ lang: "en", dark: false }).selectCell("监测表", "F6");
    expect(calls).toEqual([
      'run {"delayForCellEdit":true}',
      "activate 监测表",
      "select 监测表!F6",
      "sync",
    ]);
  });
});
