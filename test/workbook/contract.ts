/**
 * The behaviour every WorkbookPort must have, as jest tests. Each adapter's test file calls
 * describeWorkbookPortContract with a harness that builds a workbook from a seed and can look at
 * what the host really holds (fills, notes, merges …), beyond what readSheets returns.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/model/cells";
import { cellAddress } from "../../src/core/model/cells";
import type { PlanSheet, WritePlan } from "../../src/core/model/plan";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import type { WorkbookPort } from "../../src/workbook/port";
import { PlanError } from "../../src/core/errors";

export interface SeedCell {
  value: CellValue;
  numFmt?: string;
  /** Formula text without "=", `value` being its cached result. */
  formula?: string;
  fill?: string;
  note?: string;
}

export interface SeedSheet {
  name: string;
  /** By A1 address. */
  cells: Record<string, SeedCell>;
  merges?: string[];
  hidden?: boolean;
}

/** What the host holds for a cell, beyond its value. Colours "#RRGGBB" upper case, null for none. */
export interface CellLook {
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  numFmt: string | null;
  note: string | null;
  /** Internal link target "Sheet!A1", null for none. */
  link: string | null;
  /** False only for cells unlocked for editing on a protected sheet. */
  locked: boolean;
  /** The kind of data validation on the cell: 'decimal', 'whole', 'list', or null. */
  validation: string | null;
}

export interface SheetLook {
  merges: string[];
  freezeRows: number;
  landscape: boolean;
  dataBars: { range: string; color: string }[];
  /** Width of the first columns, as set by a plan (undefined when not set). */
  columnWidths: (number | undefined)[];
  /** The filtered table's range, null when none. */
  autoFilter: string | null;
  /** Height in points of the first rows, as set by a plan (undefined when not set). */
  rowHeights: (number | undefined)[];
  protected: boolean;
}

export interface PortHarness {
  port: WorkbookPort;
  /** Every sheet name in tab order, hidden ones (and the annotation store) included. */
  sheetNames(): Promise<string[]>;
  cellLook(sheet: string, cell: string): Promise<CellLook>;
  sheetLook(sheet: string): Promise<SheetLook>;
  /** Saves and re-opens the workbook where the host has a file form (xlsx); a no-op elsewhere. */
  reopen(): Promise<void>;
}

export type MakeHarness = (seed: SeedSheet[]) => Promise<PortHarness>;

export interface ContractOptions {
  /**
   * The seed's note on D4 is, on this host, a colleague's threaded comment that the product never
   * rewrites: the cell gets the mark's fill only (Excel without the notes API).
   */
  userNoteKept?: boolean;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A monitoring sheet with a bit of everything a unit's sheet holds. */
export function seedWorkbook(): SeedSheet[] {
  return [
    {
      name: "监测表",
      merges: ["A1:D1"],
      cells: {
        A1: { value: "合作市创新型县建设监测表" },
        A2: { value: "报告期" },
        B2: { value: d("2022-09-30"), numFmt: "yyyy-mm-dd" },
        A3: { value: "指标名称" },
        B3: { value: "本期完成值" },
        C3: { value: "目标值" },
        D3: { value: "备注" },
        A4: { value: "R&D经费投入强度" },
        B4: { value: 0.0142, numFmt: "0.00%" },
        C4: { value: 1.42 },
        D4: { value: "已上报", fill: "#00B0F0", note: "原有批注" },
        A5: { value: "专利申请量" },
        B5: { value: { error: "#DIV/0!" }, formula: "C8/C9" },
        C5: { value: 200 },
        A6: { value: "藏羊存栏" },
        B6: { value: 12345, formula: "SUM(C6:C7)" },
        C6: { value: true },
        A7: { value: "科技进步法落实" },
        B7: { value: "已完成", fill: "#FFFF00" },
        C7: { value: "=这是文字" },
      },
    },
    { name: "说明", hidden: true, cells: { A1: { value: "隐藏的说明" } } },
  ];
}

function byAddress(
  grid: SheetGrid
): Map<string, { value: CellValue; numFmt?: string; formula?: string }> {
  const out = new Map<string, { value: CellValue; numFmt?: string; formula?: string }>();
  grid.rows.forEach((row, r) =>
    (row ?? []).forEach((cell, c) => {
      if (cell) out.set(cellAddress(r, c), cell);
    })
  );
  return out;
}

function sheet(wb: WorkbookGrids, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`sheet ${name} not read; got ${wb.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** A result sheet as the engine writes one: title, header, rows with colours, links, a data bar. */
export function resultSheet(name = "校验结果", rows = 3): PlanSheet {
  const cells: PlanSheet["cells"] = [
    { row: 0, col: 0, value: "校验结果", bold: true, size: 14 },
    { row: 1, col: 0, value: "单元格", bold: true, fill: "#DDEBF7" },
    { row: 1, col: 1, value: "问题", bold: true, fill: "#DDEBF7" },
    { row: 1, col: 2, value: "完成率", bold: true, fill: "#DDEBF7" },
  ];
  for (let i = 0; i < rows; i++) {
    cells.push({
      row: 2 + i,
      col: 0,
      value: `B${4 + i}`,
      link: { sheet: "监测表", cell: `B${4 + i}` },
    });
    cells.push({
      row: 2 + i,
      col: 1,
      value: `问题 ${i + 1}`,
      wrap: true,
      fill: "#FFC7CE",
      fontColor: "#9C0006",
    });
    cells.push({ row: 2 + i, col: 2, value: (i + 1) / 10, numFmt: "0.0%", align: "right" });
  }
  return {
    name,
    cells,
    columnWidths: [12, 40, 10],
    rowHeights: { 2: 30 },
    autoFilter: `A2:C${2 + rows}`,
    merges: ["A1:C1"],
    freezeRows: 2,
    landscape: true,
    dataBars: [{ range: `C3:C${2 + rows}`, color: "#638EC6" }],
  };
}

function annotatedPlan(): WritePlan {
  return {
    sheets: [resultSheet()],
    annotations: [
      { sheet: "监测表", cell: "B4", fill: "#FFC7CE", note: "百分数疑似写成小数" },
      { sheet: "监测表", cell: "D4", fill: "#FFEB9C", note: "请核对" },
      { sheet: "监测表", cell: "B5", fill: "#FFC7CE", note: "公式错误" },
    ],
    activate: "校验结果",
  };
}

export function describeWorkbookPortContract(
  name: string,
  makeHarness: MakeHarness,
  options: ContractOptions = {}
): void {
  /** D4's note once the product marked it with `note`. */
  const d4Note = (note: string) => (options.userNoteKept ? "原有批注" : note);
  describe(`WorkbookPort contract: ${name}`, () => {
    describe("reading", () => {
      let wb: WorkbookGrids;
      beforeAll(async () => {
        const h = await makeHarness(seedWorkbook());
        wb = await h.port.readSheets();
      });

      it("reads every sheet in tab order, flagging hidden ones", () => {
        expect(wb.sheets.map((s) => s.name)).toEqual(["监测表", "说明"]);
        expect(sheet(wb, "说明").hidden).toBe(true);
        expect(sheet(wb, "监测表").hidden).toBeFalsy();
      });

      it("reads numbers with their format, text, booleans and dates", () => {
        const cells = byAddress(sheet(wb, "监测表"));
        expect(cells.get("B4")).toEqual({ value: 0.0142, numFmt: "0.00%" });
        expect(cells.get("C4")).toEqual({ value: 1.42 });
        expect(cells.get("A4")?.value).toBe("R&D经费投入强度");
        expect(cells.get("C6")?.value).toBe(true);
        const date = cells.get("B2")?.value;
        expect(date).toBeInstanceOf(Date);
        expect((date as Date).toISOString().slice(0, 10)).toBe("2022-09-30");
      });

      it("reads formula cells as their cached result with the formula text", () => {
        const cells = byAddress(sheet(wb, "监测表"));
        expect(cells.get("B5")).toEqual({ value: { error: "#DIV/0!" }, formula: "C8/C9" });
        expect(cells.get("B6")).toEqual({ value: 12345, formula: "SUM(C6:C7)" });
      });

      it("reads text that looks like a formula as text", () => {
        const cells = byAddress(sheet(wb, "监测表"));
        expect(cells.get("C7")).toEqual({ value: "=这是文字" });
      });

      it("gives a merged range its value once, in the top-left cell", () => {
        const cells = byAddress(sheet(wb, "监测表"));
        expect(cells.get("A1")?.value).toBe("合作市创新型县建设监测表");
        for (const a of ["B1", "C1", "D1"]) expect(cells.get(a)).toBeUndefined();
      });

      it("reads only the named sheets when asked", async () => {
        const h = await makeHarness(seedWorkbook());
        const only = await h.port.readSheets(["说明"]);
        expect(only.sheets.map((s) => s.name)).toEqual(["说明"]);
        expect(only.sheets[0].rows[0][0]?.value).toBe("隐藏的说明");
      });
    });

    describe("applying a plan", () => {
      it("writes a result sheet that reads back with its values, formats, links and layout", async () => {
        const h = await makeHarness(seedWorkbook());
        await h.port.applyPlan({ sheets: [resultSheet()], annotations: [] });
        await h.reopen();

        const cells = byAddress(sheet(await h.port.readSheets(["校验结果"]), "校验结果"));
        expect(cells.get("A1")?.value).toBe("校验结果");
        expect(cells.get("A3")?.value).toBe("B4");
        expect(cells.get("B4")?.value).toBe("问题 2");
        expect(cells.get("C5")).toEqual({ value: 0.3, numFmt: "0.0%" });

        expect(await h.cellLook("校验结果", "A1")).toMatchObject({ bold: true });
        expect(await h.cellLook("校验结果", "B3")).toMatchObject({
          fill: "#FFC7CE",
          fontColor: "#9C0006",
        });
        expect(await h.cellLook("校验结果", "A4")).toMatchObject({ link: "监测表!B5" });

        const look = await h.sheetLook("校验结果");
        expect(look.merges).toEqual(["A1:C1"]);
        expect(look.freezeRows).toBe(2);
        expect(look.landscape).toBe(true);
        expect(look.dataBars).toEqual([{ range: "C3:C5", color: "#638EC6" }]);
        expect(look.columnWidths.slice(0, 3)).toEqual([12, 40, 10]);
        expect(look.rowHeights.slice(0, 4)).toEqual([undefined, undefined, 30, undefined]);
        expect(look.autoFilter).toBe("A2:C5");
      });

      it("writes text that starts with = + - @ as text, never as a formula", async () => {
        const h = await makeHarness(seedWorkbook());
        const risky = ["=1+1", "+86 0941", "-5", "@SUM(A1)", "'quoted", "1.42%", "2022-09-30"];
        await h.port.applyPlan({
          sheets: [
            { name: "校验结果", cells: risky.map((value, row) => ({ row, col: 0, value })) },
          ],
          annotations: [],
        });
        await h.reopen();
        const cells = byAddress(sheet(await h.port.readSheets(["校验结果"]), "校验结果"));
        risky.forEach((text, row) =>
          expect(cells.get(cellAddress(row, 0))).toEqual({ value: text })
        );
      });

      it("replaces its sheets in place when run twice: same tabs, same content, no duplicates", async () => {
        const h = await makeHarness(seedWorkbook());
        await h.port.applyPlan(annotatedPlan());
        const namesOnce = await h.sheetNames();
        const onceGrid = await h.port.readSheets();
        await h.port.applyPlan(annotatedPlan());
        await h.reopen();
        expect(await h.sheetNames()).toEqual(namesOnce);
        expect(await h.port.readSheets()).toEqual(onceGrid);
        expect(namesOnce.filter((n) => n === "校验结果")).toHaveLength(1);
      });

      it("keeps a replaced sheet at its tab position", async () => {
        const h = await makeHarness(seedWorkbook());
        await h.port.applyPlan({ sheets: [resultSheet("差距分析")], annotations: [] });
        await h.port.appendRows("审核记录", ["时间"], [["2022-10-08"]]);
        const before = (await h.sheetNames()).filter((n) => n !== ANNOTATION_STORE_SHEET);
        await h.port.applyPlan({ sheets: [resultSheet("差距分析", 5)], annotations: [] });
        const after = (await h.sheetNames()).filter((n) => n !== ANNOTATION_STORE_SHEET);
        expect(after).toEqual(before);
        expect(before.indexOf("差距分析")).toBeLessThan(before.indexOf("审核记录"));
      });

      it("never changes a value of a user sheet, and never shows the annotation store as a sheet", async () => {
        const h = await makeHarness(seedWorkbook());
        const before = await h.port.readSheets();
        await h.port.applyPlan(annotatedPlan());
        await h.port.applyPlan(annotatedPlan());
        await h.reopen();
        const after = await h.port.readSheets();
        expect(after.sheets.map((s) => s.name)).not.toContain(ANNOTATION_STORE_SHEET);
        for (const s of before.sheets) expect(sheet(after, s.name)).toEqual(s);
        await h.port.clearAnnotations();
        for (const s of before.sheets) expect(sheet(await h.port.readSheets(), s.name)).toEqual(s);
      });

      it("writes a template sheet: data validation, protection with unlocked input cells", async () => {
        const h = await makeHarness(seedWorkbook());
        const template: PlanSheet = {
          name: "那吾镇 2022Q3",
          mode: "create",
          cells: [
            { row: 0, col: 0, value: "指标名称" },
            { row: 0, col: 1, value: "本期完成值" },
            { row: 1, col: 0, value: "R&D经费投入强度" },
          ],
          validations: [
            {
              range: "B2:B4",
              kind: "percent",
              prompt: "填写百分数，例如 1.42",
              title: "本期完成值",
            },
            { range: "C2", kind: "list", list: ["已完成", "推进中", "未启动"], prompt: "选择进展" },
          ],
          unlocked: ["B2:C4"],
          protect: true,
        };
        await h.port.applyPlan({ sheets: [template], annotations: [], activate: "那吾镇 2022Q3" });
        await h.reopen();
        expect(await h.cellLook("那吾镇 2022Q3", "B3")).toMatchObject({
          validation: "decimal",
          locked: false,
        });
        expect(await h.cellLook("那吾镇 2022Q3", "C2")).toMatchObject({
          validation: "list",
          locked: false,
        });
        expect(await h.cellLook("那吾镇 2022Q3", "A2")).toMatchObject({
          validation: null,
          locked: true,
        });
        expect((await h.sheetLook("那吾镇 2022Q3")).protected).toBe(true);
        expect((await h.sheetLook("监测表")).protected).toBe(false);
      });

      it("never replaces a sheet with a 'create' sheet: it takes a free name beside it", async () => {
        const h = await makeHarness(seedWorkbook());
        const sheet = (value: string): PlanSheet => ({
          name: "那吾镇 2022Q3",
          mode: "create",
          cells: [{ row: 0, col: 0, value }],
        });
        await h.port.applyPlan({ sheets: [sheet("第一份")], annotations: [] });
        await h.port.applyPlan({ sheets: [sheet("第二份")], annotations: [] });
        await h.reopen();
        const wb = await h.port.readSheets(["那吾镇 2022Q3", "那吾镇 2022Q3 (2)"]);
        expect(wb.sheets.map((s) => [s.name, s.rows[0][0]?.value])).toEqual([
          ["那吾镇 2022Q3", "第一份"],
          ["那吾镇 2022Q3 (2)", "第二份"],
        ]);
      });

      it("rejects a plan that annotates a missing sheet and leaves the workbook as it was", async () => {
        const h = await makeHarness(seedWorkbook());
        const names = await h.sheetNames();
        const plan = annotatedPlan();
        plan.annotations.push({ sheet: "不存在", cell: "A1", fill: "#FFC7CE", note: "x" });
        await expect(h.port.applyPlan(plan)).rejects.toThrow(/不存在/);
        expect(await h.sheetNames()).toEqual(names);
        expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null, note: null });
      });

      it("says which sheets a refused plan lacks, as a PlanError", async () => {
        const h = await makeHarness(seedWorkbook());
        const plan = annotatedPlan();
        plan.annotations.push(
          { sheet: "甲", cell: "A1", fill: "#FFC7CE", note: "x" },
          { sheet: "甲", cell: "A2", fill: "#FFC7CE", note: "x" }
        );
        const refused = h.port.applyPlan(plan);
        await expect(refused).rejects.toBeInstanceOf(PlanError);
        await expect(refused).rejects.toMatchObject({ reason: "missing_sheet", sheets: ["甲"] });
      });

      it("refuses a plan sheet named like the annotation store, before writing anything", async () => {
        const h = await makeHarness(seedWorkbook());
        const names = await h.sheetNames();
        const plan = annotatedPlan();
        plan.sheets.push({ name: ANNOTATION_STORE_SHEET, cells: [{ row: 0, col: 0, value: "x" }] });
        const refused = h.port.applyPlan(plan);
        await expect(refused).rejects.toBeInstanceOf(PlanError);
        await expect(refused).rejects.toMatchObject({
          reason: "reserved_sheet",
          sheets: [ANNOTATION_STORE_SHEET],
        });
        expect(await h.sheetNames()).toEqual(names);
        expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null, note: null });
      });
    });

    describe("annotations", () => {
      it("marks a cell with a fill and a note", async () => {
        const h = await makeHarness(seedWorkbook());
        await h.port.applyPlan(annotatedPlan());
        await h.reopen();
        expect(await h.cellLook("监测表", "B4")).toMatchObject({
          fill: "#FFC7CE",
          note: "百分数疑似写成小数",
        });
        expect(await h.cellLook("监测表", "D4")).toMatchObject({
          fill: "#FFEB9C",
          note: d4Note("请核对"),
        });
        expect(await h.sheetNames()).toContain(ANNOTATION_STORE_SHEET);
      });

      it("clearing restores exactly the fills and notes the cells had, even after marking twice", async () => {
        const h = await makeHarness(seedWorkbook());
        const original = {
          B4: await h.cellLook("监测表", "B4"),
          D4: await h.cellLook("监测表", "D4"),
          B5: await h.cellLook("监测表", "B5"),
        };
        expect(original.D4).toMatchObject({ fill: "#00B0F0", note: "原有批注" });
        await h.port.applyPlan(annotatedPlan());
        // A second run marks the same cells differently: the saved originals must survive it.
        const second = annotatedPlan();
        second.annotations = second.annotations.map((a) => ({
          ...a,
          fill: "#E4DFEC",
          note: `${a.note}（再次）`,
        }));
        await h.port.applyPlan(second);
        expect(await h.cellLook("监测表", "D4")).toMatchObject({
          fill: "#E4DFEC",
          note: d4Note("请核对（再次）"),
        });
        await h.reopen();

        await h.port.clearAnnotations();
        await h.reopen();
        expect(await h.cellLook("监测表", "B4")).toEqual(original.B4);
        expect(await h.cellLook("监测表", "D4")).toEqual(original.D4);
        expect(await h.cellLook("监测表", "B5")).toEqual(original.B5);
        expect(await h.cellLook("监测表", "B7")).toMatchObject({ fill: "#FFFF00" });
        expect(await h.sheetNames()).not.toContain(ANNOTATION_STORE_SHEET);
      });

      it("a re-run gives cells it no longer marks their own look back, on the sheets it replaces only", async () => {
        const h = await makeHarness([
          ...seedWorkbook(),
          { name: "乡镇表", cells: { B2: { value: 5 } } },
        ]);
        const original = {
          B4: await h.cellLook("监测表", "B4"),
          D4: await h.cellLook("监测表", "D4"),
        };
        const first = annotatedPlan();
        first.annotations.push({ sheet: "乡镇表", cell: "B2", fill: "#FFC7CE", note: "乡镇" });
        await h.port.applyPlan(first);
        // The user fixed B4 and D4; validating 监测表 again flags only B5.
        await h.port.applyPlan({
          sheets: [resultSheet()],
          annotations: [{ sheet: "监测表", cell: "B5", fill: "#FFEB9C", note: "仍有错误" }],
          replaceAnnotations: ["监测表"],
        });
        await h.reopen();
        expect(await h.cellLook("监测表", "B4")).toEqual(original.B4);
        expect(await h.cellLook("监测表", "D4")).toEqual(original.D4);
        expect(await h.cellLook("监测表", "B5")).toMatchObject({
          fill: "#FFEB9C",
          note: "仍有错误",
        });
        expect(await h.cellLook("乡镇表", "B2")).toMatchObject({ fill: "#FFC7CE", note: "乡镇" });

        // A clean re-run of 监测表 leaves no mark on it; clearing then restores 乡镇表 as well.
        await h.port.applyPlan({ sheets: [], annotations: [], replaceAnnotations: ["监测表"] });
        expect(await h.cellLook("监测表", "B5")).toMatchObject({ fill: null, note: null });
        await h.port.clearAnnotations();
        expect(await h.cellLook("乡镇表", "B2")).toMatchObject({ fill: null, note: null });
        expect(await h.sheetNames()).not.toContain(ANNOTATION_STORE_SHEET);
      });

      it("clears one sheet only when asked", async () => {
        const h = await makeHarness([
          ...seedWorkbook(),
          { name: "乡镇表", cells: { A1: { value: "指标" }, B2: { value: 5 } } },
        ]);
        await h.port.applyPlan({
          sheets: [],
          annotations: [
            { sheet: "监测表", cell: "B4", fill: "#FFC7CE", note: "a" },
            { sheet: "乡镇表", cell: "B2", fill: "#FFC7CE", note: "b" },
          ],
        });
        await h.port.clearAnnotations("乡镇表");
        expect(await h.cellLook("乡镇表", "B2")).toMatchObject({ fill: null, note: null });
        expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: "#FFC7CE", note: "a" });
        await h.port.clearAnnotations("监测表");
        expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null, note: null });
      });

      it("clearing a workbook without annotations changes nothing", async () => {
        const h = await makeHarness(seedWorkbook());
        const names = await h.sheetNames();
        const before = await h.cellLook("监测表", "D4");
        await h.port.clearAnnotations();
        expect(await h.sheetNames()).toEqual(names);
        expect(await h.cellLook("监测表", "D4")).toEqual(before);
      });
    });

    describe("appending rows", () => {
      it("creates the sheet with its header, then only ever appends", async () => {
        const h = await makeHarness(seedWorkbook());
        await h.port.appendRows(
          "审核记录",
          ["时间", "审核人", "错误数"],
          [["2022-10-08 10:00", "张三", 0]]
        );
        await h.reopen();
        await h.port.appendRows(
          "审核记录",
          ["时间", "审核人", "错误数"],
          [
            ["2022-10-09 09:30", "=李四", 2],
            ["2022-10-10 16:00", "王五", null],
          ]
        );
        await h.reopen();
        const rows = sheet(await h.port.readSheets(["审核记录"]), "审核记录").rows;
        const values = rows.map((r) => (r ?? []).map((c) => c?.value ?? null));
        expect(values).toEqual([
          ["时间", "审核人", "错误数"],
          ["2022-10-08 10:00", "张三", 0],
          ["2022-10-09 09:30", "=李四", 2],
          ["2022-10-10 16:00", "王五"],
        ]);
      });
    });
  });
}
