/**
 * Approval and consolidation of tabs inside Excel: through the Office adapter, against the test
 * double of the Excel API (which refuses unloaded properties and counts syncs).
 */
import type { SheetGrid } from "../../src/core/model/cells";
import { OfficeWorkbook, apiSupport } from "../../src/workbook/office";
import { validateWorkbook } from "../../src/core/engine";
import { consolidate } from "../../src/core/consolidate";
import { APPROVALS_SHEET, APPROVAL_HEADER } from "../../src/core/approval";
import { approveInWorkbook } from "../../src/core/approve-in-workbook";
import { DoubleContext, WorkbookModel, asExcelContext, newSheet } from "./excel-double";
import { TOWNSHIP_A, TOWNSHIP_B, unitSheet } from "../core/consolidate/fixtures";

const TIME = "2022-10-09 10:00:00 +08:00";

function modelOf(grids: SheetGrid[]): WorkbookModel {
  const model = new WorkbookModel();
  for (const g of grids) {
    const sheet = newSheet(g.name);
    g.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        const v = c?.value;
        if (v === null || v === undefined || v instanceof Date || typeof v === "object") return;
        model.cell(sheet, r, col).value = v;
      })
    );
    model.sheets.push(sheet);
  }
  return model;
}

function portFor(model: WorkbookModel): { port: OfficeWorkbook; ctx: DoubleContext } {
  const ctx = new DoubleContext(model, 1.18);
  return {
    port: new OfficeWorkbook(asExcelContext(ctx), { support: apiSupport(ctx.requirements) }),
    ctx,
  };
}

const valueAt = (model: WorkbookModel, sheet: string, row: number, col: number) =>
  model.sheet(sheet)?.cells.get(`${row},${col}`)?.value;

describe("approval in Excel", () => {
  it("appends the approval to 审核记录, then notices a change made after it", async () => {
    const model = modelOf([unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" })]);
    const { port } = portFor(model);
    const out = approveInWorkbook(await port.readSheets(), {
      sheet: "那吾镇",
      reviewer: "李明",
      time: TIME,
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    await port.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [out.row]);

    expect(valueAt(model, APPROVALS_SHEET, 0, 0)).toMatch(/审核时间/);
    expect(valueAt(model, APPROVALS_SHEET, 1, 1)).toMatch(/李明/);
    expect(String(valueAt(model, APPROVALS_SHEET, 1, 8))).toContain(out.approval.fingerprint);

    const unchanged = validateWorkbook(await portFor(model).port.readSheets());
    expect(unchanged.findings.map((f) => f.rule)).not.toContain("changed_after_approval");

    // Someone edits F4's actual (row 6 of the sheet, column F) after the approval.
    model.cell(model.sheet("那吾镇")!, 5, 5).value = 1200;
    const changed = validateWorkbook(await portFor(model).port.readSheets());
    const f = changed.findings.filter((x) => x.rule === "changed_after_approval");
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toContain("李明");
  });

  it("writes a reviewer name that looks like a formula as text", async () => {
    const model = modelOf([unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" })]);
    const { port } = portFor(model);
    const out = approveInWorkbook(await port.readSheets(), {
      sheet: "那吾镇",
      reviewer: '=HYPERLINK("x")',
      time: TIME,
    });
    if (!out.ok) throw new Error(out.reason.en);
    await port.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [out.row]);
    const cell = model.sheet(APPROVALS_SHEET)!.cells.get("1,1")!;
    expect(cell.formula).toBeUndefined();
    const back = await portFor(model).port.readSheets([APPROVALS_SHEET]);
    expect(back.sheets[0].rows[1][1]?.value).toBe('=HYPERLINK("x")');
  });

  it("is refused while the sheet has an error, and nothing is written", async () => {
    const model = modelOf([
      unitSheet("勒秀镇", [["F4", "优质青稞种植面积", "亩", 9800, 9000, "待统计", 9600, ""]], {
        name: "勒秀镇",
      }),
    ]);
    const { port } = portFor(model);
    const out = approveInWorkbook(await port.readSheets(), {
      sheet: "勒秀镇",
      reviewer: "李明",
      time: TIME,
    });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason.zh).toMatch(/有 1 条错误/);
    expect(model.sheet(APPROVALS_SHEET)).toBeUndefined();
  });
});

describe("consolidating the tabs of the open workbook", () => {
  it("writes 汇总 and 填报情况 with the status colours, reading and writing in a few syncs", async () => {
    const model = modelOf([
      unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }),
      unitSheet("勒秀镇", TOWNSHIP_B, { name: "勒秀镇" }),
      unitSheet("卡加曼乡", TOWNSHIP_A, { name: "卡加曼乡", period: "2022年第二季度" }),
    ]);
    const { port, ctx } = portFor(model);
    const result = consolidate([{ grids: await port.readSheets() }]);
    await port.applyPlan(result.plan);
    expect(ctx.syncs.length).toBeLessThanOrEqual(8);

    expect(model.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["汇总", "填报情况", "校验结果"])
    );
    const summary = model.sheet("汇总")!;
    const f4 = [...summary.cells.entries()].find(([, c]) => c.value === "F4");
    expect(f4).toBeDefined();
    const row = Number(f4![0].split(",")[0]);
    const values = [...summary.cells.entries()]
      .filter(([k]) => Number(k.split(",")[0]) === row)
      .map(([, c]) => c.value);
    expect(values).toContain(4000);

    const completeness = model.sheet("填报情况")!;
    const cells = [...completeness.cells.values()];
    expect(cells.some((c) => c.value === "○ 未报送" && c.fill === "#EDEDED")).toBe(true);
    expect(cells.some((c) => c.value === "▲ 报告期不符" && c.fill === "#FFEB9C")).toBe(true);
    // The period cell of the other quarter's tab is marked in place.
    expect(
      model.sheet("卡加曼乡")!.notes.get("E2") ??
        model.sheet("卡加曼乡")!.comments.find((c) => c.cell === "E2")?.content
    ).toMatch(/报告期/);
  });
});
