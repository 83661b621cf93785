import {
  approvableSheets,
  approveAs,
  approveInPort,
  consolidateFiles,
  consolidateTabs,
  consolidationFileName,
  inspectForApproval,
  localReviewerStore,
  summarise,
  REVIEWER_SETTING,
} from "../../src/taskpane/consolidate-approve";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { OfficeWorkbook, apiSupport } from "../../src/workbook/office";
import { APPROVALS_SHEET } from "../../src/core/approval";
import { translate } from "../../src/taskpane/strings";
import type { SheetGrid } from "../../src/core/model/cells";
import { DoubleContext, WorkbookModel, asExcelContext } from "../workbook/excel-double";
import { TOWNSHIP_A, TOWNSHIP_B, unitSheet } from "../core/consolidate/fixtures";

const NOW = new Date(2022, 9, 12, 9, 30);

/** An in-memory workbook holding the given sheets, through the ExcelJS adapter. */
async function workbook(...grids: SheetGrid[]): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.empty();
  await wb.applyPlan({
    sheets: grids.map((g) => ({
      name: g.name,
      cells: g.rows.flatMap((r, row) =>
        r.flatMap((c, col) =>
          c && c.value !== null && !(typeof c.value === "object")
            ? [{ row, col, value: c.value as string | number }]
            : []
        )
      ),
    })),
    annotations: [],
  });
  return wb;
}

const BAD = [["F4", "优质青稞种植面积", "亩", 9800, 9000, "待统计", 9600, ""]];

describe("the reviewer's name", () => {
  it("is kept in the browser in file mode, and a browser that keeps nothing does not break the pane", async () => {
    const data = new Map<string, string>();
    const store = localReviewerStore({
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
    });
    expect(store.load()).toBe("");
    await store.save("李明");
    expect(store.load()).toBe("李明");
    expect(data.get(REVIEWER_SETTING)).toBe("李明");
    const broken = localReviewerStore({
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    });
    await expect(broken.save("李明")).resolves.toBeUndefined();
    expect(broken.load()).toBe("");
  });

  it("is never stored in the workbook, and a name that cannot be saved never stops an approval", async () => {
    const wb = await workbook(unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }));
    const failing = { load: () => "", save: () => Promise.reject(new Error("QuotaExceededError")) };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const out = await approveAs(wb, "那吾镇", " 王芳 ", NOW, failing);
    warn.mockRestore();
    expect(out.ok).toBe(true);
    const log = (await wb.readSheets([APPROVALS_SHEET])).sheets[0];
    expect(log.rows[1]?.[1]?.value).toBe("王芳");
    // The component keeps it in local storage only: nothing in src/ reaches Office's document settings.
    const component = require("fs").readFileSync(
      require("path").join(__dirname, "../../src/taskpane/components/ConsolidateAndApprove.tsx"),
      "utf8"
    );
    expect(component).not.toMatch(/document\.settings|officeReviewerStore/);
  });
});

describe("approval from the pane", () => {
  it("says why a sheet with an error cannot be approved, and writes nothing", async () => {
    const wb = await workbook(unitSheet("勒秀镇", BAD, { name: "勒秀镇" }));
    const target = await inspectForApproval(wb, "勒秀镇");
    expect(target).toMatchObject({ sheet: "勒秀镇", unit: "勒秀镇", errors: 1, state: "none" });
    expect(target.refusal?.zh).toMatch(/有 1 条错误/);
    const out = await approveInPort(wb, "勒秀镇", "李明", NOW);
    expect(out.ok).toBe(false);
    expect((await wb.readSheets()).sheets.map((s) => s.name)).toEqual(["勒秀镇"]);
  });

  it("appends the approval, then shows the sheet as approved until its data change", async () => {
    const wb = await workbook(
      unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }),
      unitSheet("勒秀镇", BAD, { name: "勒秀镇" })
    );
    expect(await approvableSheets(wb)).toEqual(["那吾镇", "勒秀镇"]);
    const before = await inspectForApproval(wb, "那吾镇");
    expect(before).toMatchObject({ refusal: null, state: "none", errors: 0 });
    const out = await approveInPort(wb, "那吾镇", "李明", NOW);
    expect(out).toEqual({
      ok: true,
      message: {
        intent: "success",
        key: "approvalDone",
        vars: { sheet: "那吾镇", log: APPROVALS_SHEET },
      },
    });
    if (out.ok) expect(translate("zh", out.message.key, out.message.vars)).toContain("审核记录");
    expect(await inspectForApproval(wb, "那吾镇")).toMatchObject({
      state: "approved",
      reviewer: "李明",
    });

    const grids = await wb.readSheets(["那吾镇"]);
    const changed = { ...grids.sheets[0], rows: grids.sheets[0].rows.map((r) => [...r]) };
    changed.rows[5][5] = { value: 1200 };
    const edited = await workbook(changed, (await wb.readSheets([APPROVALS_SHEET])).sheets[0]);
    const after = await inspectForApproval(edited, "那吾镇");
    expect(after).toMatchObject({ state: "changed", reviewer: "李明" });
    // The log kept the approved values: the pane says what changed, old → new, and where.
    expect(after.changes?.zh).toBe("F4 优质青稞种植面积：本期值 1000 → 1200 亩（F6）");
  });
});

describe("consolidation from the pane", () => {
  it("writes 汇总 and 填报情况 into the open workbook from its tabs", async () => {
    const wb = await workbook(
      unitSheet("那吾镇", TOWNSHIP_A, { name: "那吾镇" }),
      unitSheet("勒秀镇", TOWNSHIP_B, { name: "勒秀镇" })
    );
    const result = await consolidateTabs(wb);
    expect((await wb.readSheets()).sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["汇总", "填报情况", "校验结果"])
    );
    const s = summarise(result);
    expect(s).toMatchObject({ period: "2022年第三季度", expected: 17, reported: 2, errors: 0 });
    expect(s.notReported).toHaveLength(15);
  });

  it("writes picked files' consolidation into the open workbook in Excel, and into nothing without one", async () => {
    const model = new WorkbookModel();
    model.add("说明");
    const ctx = new DoubleContext(model, 1.18);
    const excel = new OfficeWorkbook(asExcelContext(ctx), {
      support: apiSupport(ctx.requirements),
    });
    const inputs = [
      { file: "那吾镇.xlsx", grids: { sheets: [unitSheet("那吾镇", TOWNSHIP_A)] } },
      { file: "勒秀镇.xlsx", grids: { sheets: [unitSheet("勒秀镇", TOWNSHIP_B)] } },
    ];
    const result = await consolidateFiles(inputs, excel);
    expect(model.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["汇总", "填报情况"]));
    expect(result.consolidated.find((c) => c.code === "F4")!.value).toBe(4000);
    const alone = await consolidateFiles(inputs, null);
    expect(alone.plan.sheets.map((p) => p.name)).toEqual(["汇总", "填报情况", "校验结果"]);
  });

  it("consolidates picked files of two quarters: the latest, with 趋势 and the score per period", async () => {
    const model = new WorkbookModel();
    model.add("说明");
    const ctx = new DoubleContext(model, 1.18);
    const excel = new OfficeWorkbook(asExcelContext(ctx), {
      support: apiSupport(ctx.requirements),
    });
    const q2 = { period: "2022年第二季度" };
    const inputs = [
      { file: "那吾镇-Q2.xlsx", grids: { sheets: [unitSheet("那吾镇", TOWNSHIP_A, q2)] } },
      { file: "那吾镇-Q3.xlsx", grids: { sheets: [unitSheet("那吾镇", TOWNSHIP_A)] } },
      { file: "勒秀镇-Q3.xlsx", grids: { sheets: [unitSheet("勒秀镇", TOWNSHIP_B)] } },
    ];
    const result = await consolidateFiles(inputs, excel);
    expect(result.period).toBe("2022年第三季度");
    expect(model.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["汇总", "趋势", "填报情况", "校验结果"])
    );
    // 那吾镇's second-quarter file feeds the history only: the third quarter is as without it.
    expect(result.findings.map((f) => f.rule)).not.toContain("period_mismatch");
    const trend = summarise(result).trend!;
    expect(trend.count).toBe("2");
    expect(trend.scores).toMatch(/^2022年第二季度 \d+\.\d → 2022年第三季度 \d+\.\d$/);
  });

  it("names the download after the period", () => {
    expect(consolidationFileName("2022年第三季度", "汇总")).toBe("汇总-2022年第三季度.xlsx");
    expect(consolidationFileName(null, "consolidated")).toBe("consolidated.xlsx");
  });
});
