/**
 * The pane inside WPS 表格: WPS is found before Office and file mode, and every action of the
 * pane — Validate, Analyse, Clear, consolidation of tabs, approval, rules and templates, a click on
 * a finding — goes through the WPS adapter on the WPS double.
 */
import type { SheetGrid } from "../../src/core/model/cells";
import { APPROVALS_SHEET } from "../../src/core/approval";
import { validateWorkbook } from "../../src/core/engine";
import { detectHost } from "../../src/taskpane/host/host";
import type { ExcelHost } from "../../src/taskpane/host/host";
import { runCheck } from "../../src/taskpane/state/run";
import {
  approveInPort,
  consolidateTabs,
  inspectForApproval,
} from "../../src/taskpane/state/consolidate-approve";
import { addRulesSheet, addTemplateSheet } from "../../src/taskpane/state/rules-templates";
import { connectWps, detectWps, wpsApplication } from "../../src/taskpane/host/wps-host";
import { RULES_SHEET } from "../../src/core/catalogue/sheet-layout";
import { TOWNSHIP_A, TOWNSHIP_B, unitSheet } from "../core/consolidate/fixtures";
import { ApplicationDouble, WpsState, key, newSheet } from "../workbook/wps-double";
import { bgrToHex } from "../../src/workbook/wps/values";

function stateOf(...grids: SheetGrid[]): WpsState {
  const state = new WpsState();
  for (const g of grids) {
    const sheet = newSheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        const v = c?.value;
        if (v === null || v === undefined || v instanceof Date || typeof v === "object") return;
        sheet.cells.set(key(r, col), { value: v });
      })
    );
    state.sheets.push(sheet);
  }
  return state;
}

const base = { lang: "zh" as const, dark: false };
const noExcel = () => {
  throw new Error("Excel must not be asked inside WPS");
};
const BAD = [["F4", "优质青稞种植面积", "亩", 9800, 9000, "待统计", 9600, ""]];

describe("finding WPS", () => {
  afterEach(() => {
    delete (globalThis as { Application?: unknown }).Application;
  });

  it("takes window.Application for WPS only with WPS's own members", () => {
    expect(wpsApplication({ Application: new ApplicationDouble() })).not.toBeNull();
    expect(wpsApplication({ Application: { ActiveWorkbook: null } })).toBeNull();
    expect(wpsApplication({ Application: { ActiveWorkbook: null }, wps: {} })).not.toBeNull();
    expect(wpsApplication({})).toBeNull();
  });

  it("is detected before Office and before file mode", async () => {
    (globalThis as { Application?: unknown }).Application = new ApplicationDouble(
      stateOf(unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }))
    );
    const host = await detectHost(noExcel, 10, detectWps);
    expect(host).toMatchObject({ kind: "excel", app: "wps", supported: true, limits: [] });
  });

  it("opened before any workbook, looks at WPS's features on its first call", async () => {
    const state = new WpsState({ comments: false, validation: true, dataBars: true });
    const pane = connectWps(new ApplicationDouble(state), base);
    expect(pane.limits).toEqual([]);
    const sheet = unitSheet("勒秀镇", BAD, { name: "勒秀镇" });
    state.sheets.push(stateOf(sheet).sheets[0]);
    const result = await runCheck(pane.port, "validate", { sheet: "勒秀镇" }, () => undefined);
    expect(result.plan.annotations.length).toBeGreaterThan(0);
    expect(state.counts.get("Range.AddComment")).toBeUndefined();
    expect(state.sheet("勒秀镇")!.cells.size).toBeGreaterThan(0);
  });

  it("says plainly, in both languages, that no workbook is open, when asked before one is", async () => {
    const pane = connectWps(new ApplicationDouble(new WpsState()), base);
    const said = "WPS 中没有打开的工作簿 / no workbook is open in WPS";
    await expect(pane.activeSheet()).rejects.toThrow(said);
    await expect(pane.port.readSheets()).rejects.toThrow(said);
  });

  it("leaves the other hosts to their detection outside WPS", async () => {
    expect(detectWps(base)).toBeNull();
    expect((await detectHost(noExcel, 10, detectWps)).kind).toBe("file");
  });
});

describe("the pane's actions through the WPS adapter", () => {
  let state: WpsState;
  let host: ExcelHost;
  beforeEach(() => {
    state = stateOf(
      unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }),
      unitSheet("勒秀镇", BAD, { name: "勒秀镇" })
    );
    host = connectWps(new ApplicationDouble(state), base);
  });

  it("validates the active sheet, marks its cells, clears them, and selects a finding's cell", async () => {
    state.active = 1;
    const sheet = await host.activeSheet();
    expect(sheet).toBe("勒秀镇");
    const result = await runCheck(host.port, "validate", { sheet }, () => undefined);
    const expected = validateWorkbook(await host.port.readSheets(), { sheet });
    expect(result.plan.annotations).toEqual(expected.plan.annotations);
    const mark = result.plan.annotations[0];
    const ws = state.sheet(mark.sheet)!;
    expect(ws.comments.get(mark.cell)).toBe(mark.note);
    expect(state.sheet("校验结果")).toBeDefined();

    const finding = result.findings.find((f) => f.cell)!;
    await host.selectCell(finding.sheet, finding.cell!);
    expect(state.selection).toEqual({ sheet: finding.sheet, address: finding.cell });
    expect(state.sheets[state.active].name).toBe(finding.sheet);

    await host.port.clearAnnotations();
    expect(ws.comments.size).toBe(0);
    expect([...ws.cells.values()].some((c) => c.fill !== undefined)).toBe(false);
  });

  it("analyses into 差距分析 with its colours", async () => {
    await runCheck(host.port, "analyse", {}, () => undefined);
    const gap = state.sheet("差距分析")!;
    expect(gap.cells.get(key(0, 0))?.value).toMatch(/差距分析/);
    const fills = [...gap.cells.values()].flatMap((c) =>
      c.fill === undefined ? [] : [bgrToHex(c.fill)]
    );
    expect(fills.length).toBeGreaterThan(0);
  });

  it("consolidates tabs, approves a sheet, writes the rules and a unit's template", async () => {
    state = stateOf(
      unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }),
      unitSheet("勒秀镇", TOWNSHIP_B, { name: "勒秀镇" })
    );
    host = connectWps(new ApplicationDouble(state), base);
    await consolidateTabs(host.port);
    expect(state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["汇总", "填报情况"]));

    const out = await approveInPort(host.port, "那吾镇", "李明", new Date(2022, 9, 12));
    expect(out.ok).toBe(true);
    expect(await inspectForApproval(host.port, "那吾镇")).toMatchObject({ state: "approved" });
    expect(state.sheet(APPROVALS_SHEET)).toBeDefined();

    expect(await addRulesSheet(host.port)).toMatchObject({ intent: "success" });
    expect(state.sheet(RULES_SHEET)).toBeDefined();
    const added = await addTemplateSheet(host.port, "那吾镇", "2022Q3");
    expect(added).toMatchObject({ intent: "success" });
    const template = state.sheet(String(added.vars?.sheet))!;
    expect(template.protection).not.toBeNull();
    expect([...template.cells.values()].some((c) => c.validation)).toBe(true);
  });
});
