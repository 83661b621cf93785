import { cellAddress } from "../../src/core/model/cells";
import type { PlanSheet, WritePlan } from "../../src/core/model/plan";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import { apiSupport, charactersToPoints, rectangles } from "../../src/workbook/office";
import { describeWorkbookPortContract, seedWorkbook } from "./contract";
import { MB, bigSheet, harnessFor, modelFrom, sheetOf, validationPlan } from "./office-harness";

describeWorkbookPortContract("OfficeWorkbook (Excel API double, notes)", async (seed) =>
  harnessFor(modelFrom(seed))
);
describeWorkbookPortContract(
  "OfficeWorkbook (Excel API double, comments: ExcelApi 1.10)",
  async (seed) => {
    // Excel without the notes API: the seed's note is a colleague's threaded comment here, which
    // the product leaves as it is; its own explanations are comments.
    const model = modelFrom(seed);
    for (const s of model.sheets) {
      for (const [cell, content] of s.notes)
        s.comments.push({ id: model.nextCommentId(), cell, content });
      s.notes.clear();
    }
    return harnessFor(model, 1.1);
  },
  { userNoteKept: true }
);

// ---------------------------------------------------------------------------------------------

function analysisPlan(rows: number): WritePlan {
  const cells: PlanSheet["cells"] = [{ row: 0, col: 0, value: "差距分析", bold: true, size: 14 }];
  for (let i = 0; i < rows; i++) {
    const row = 3 + i;
    cells.push(
      { row, col: 0, value: "科技创新投入" },
      { row, col: 1, value: `指标${i}`, link: { sheet: "监测表", cell: `A${4 + i}` } },
      { row, col: 2, value: i / rows, numFmt: "0.0%" },
      { row, col: 3, value: "▲ 滞后", fill: "#FFEB9C", fontColor: "#9C5700" }
    );
  }
  return {
    sheets: [
      {
        name: "差距分析",
        cells,
        merges: ["A1:D1"],
        dataBars: [{ range: `C4:C${3 + rows}`, color: "#638EC6" }],
      },
    ],
    annotations: [],
    activate: "差距分析",
  };
}

describe("OfficeWorkbook sync budget", () => {
  it.each([10, 5000])(
    "validating the active sheet of %i rows takes 5 syncs in all",
    async (rows) => {
      const h = harnessFor(modelFrom([bigSheet(rows)]));
      const { active, workbook } = await h.port.readActive(["指标规则", "审核记录"]);
      expect(active).toBe("监测表");
      expect(workbook.sheets[0].rows.length).toBe(3 + rows);
      expect(h.ctx.syncCount).toBe(2); // the used range's extent, then its cells
      await h.port.applyPlan(validationPlan(Math.ceil(rows / 7)));
      // What is there; the writes; the new 校验结果 shown in a sync after the one that added it.
      expect(h.ctx.syncCount).toBe(5);
      expect(h.model.sheets[h.model.active].name).toBe("校验结果");
    }
  );

  it.each([10, 5000])("analysing a workbook of %i rows takes 6 syncs in all", async (rows) => {
    const h = harnessFor(
      modelFrom([bigSheet(rows), { name: "乡镇表", cells: { A1: { value: 1 } } }])
    );
    const wb = await h.port.readSheets();
    expect(wb.sheets.map((s) => s.name)).toEqual(["监测表", "乡镇表"]);
    // One gap-analysis row per catalogue indicator, and the findings of every sheet.
    const plan = analysisPlan(41);
    plan.sheets.push(...validationPlan(Math.ceil(rows / 7)).sheets);
    await h.port.applyPlan(plan);
    expect(h.ctx.syncCount).toBe(6);
  });

  it("re-validating takes back the marks of fixed cells within the same 5 syncs", async () => {
    const model = modelFrom([bigSheet(50)]);
    const first = harnessFor(model);
    await first.port.readActive();
    await first.port.applyPlan({ ...validationPlan(5), replaceAnnotations: ["监测表"] });
    expect(await first.cellLook("监测表", "B32")).toMatchObject({
      fill: "#FFC7CE",
      note: "无法识别数字，请填写数值。",
    });

    const second = harnessFor(model); // the next click: a new Excel.run
    await second.port.readActive(["指标规则", "审核记录"]);
    await second.port.applyPlan({ ...validationPlan(2), replaceAnnotations: ["监测表"] });
    expect(second.ctx.syncCount).toBe(5);
    for (const cell of ["B18", "B25", "B32"])
      expect(await second.cellLook("监测表", cell)).toMatchObject({ fill: null, note: null });
    for (const cell of ["B4", "B11"])
      expect(await second.cellLook("监测表", cell)).toMatchObject({ fill: "#FFC7CE" });
  });

  it("needs one more sync where comments must be located, and one for comments without the notes API", async () => {
    const model = modelFrom([bigSheet(10)]);
    model.sheets[0].comments.push({ id: "x", cell: "D4", content: "用户批注" });
    const h = harnessFor(model, 1.1);
    await h.port.readActive();
    await h.port.applyPlan(validationPlan(2));
    expect(h.ctx.syncCount).toBe(7);
    expect(model.sheets[0].comments.find((c) => c.cell === "D4")?.content).toBe("用户批注");
  });
});

describe("OfficeWorkbook large writes", () => {
  it("writes 50,000 rows in requests that each stay well under 5 MB", async () => {
    const h = harnessFor(modelFrom([bigSheet(3)]));
    const rows = 50_000;
    await h.port.applyPlan(analysisPlan(rows));
    const sizes = h.ctx.syncs.map((s) => s.payloadBytes);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThan(2.5 * MB);
    const sheet = sheetOf(h.model, "差距分析");
    expect(sheet.cells.get(`${3 + rows - 1},1`)?.value).toBe(`指标${rows - 1}`);
    expect(sheet.cells.get(`${3 + rows - 1},2`)).toMatchObject({
      value: (rows - 1) / rows,
      numFmt: "0.0%",
    });
    expect(sheet.cells.get(`${3 + rows - 1},3`)).toMatchObject({
      fill: "#FFEB9C",
      fontColor: "#9C5700",
    });
    expect(sheet.dataBars).toEqual([expect.objectContaining({ range: `C4:C${3 + rows}` })]);
  });

  it("groups equal formats into one request per rectangle, not one per cell", async () => {
    const h = harnessFor(modelFrom([bigSheet(3)]));
    await h.port.applyPlan(analysisPlan(2000));
    const actions = h.ctx.syncs.reduce((n, s) => n + s.actions, 0);
    // 2,000 links need an action each; the 2,000 equal fills and font colours need a handful.
    expect(actions).toBeLessThan(2000 * 4);
  });
});

describe("OfficeWorkbook never writes a user value", () => {
  it("leaves every cell value of user sheets as it was through mark and clear", async () => {
    const h = harnessFor(modelFrom(seedWorkbook()));
    const snapshot = () =>
      JSON.stringify(
        h.model.sheets
          .filter((s) => s.name === "监测表" || s.name === "说明")
          .map((s) =>
            [...s.cells]
              .filter(
                ([, c]) => c.value !== undefined || c.error !== undefined || c.formula !== undefined
              )
              .map(([k, c]) => [k, c.value, c.error, c.formula, c.numFmt])
          )
      );
    const before = snapshot();
    await h.port.applyPlan(validationPlan(2));
    expect(snapshot()).toBe(before);
    await h.port.clearAnnotations();
    expect(snapshot()).toBe(before);
  });

  it("restores a white fill as white and no fill as none", async () => {
    const h = harnessFor(
      modelFrom([
        { name: "监测表", cells: { B4: { value: 1, fill: "#FFFFFF" }, B11: { value: 2 } } },
      ])
    );
    await h.port.applyPlan(validationPlan(2));
    expect(sheetOf(h.model, "监测表").cells.get("3,1")?.fill).toBe("#FFC7CE");
    await h.port.clearAnnotations();
    expect(sheetOf(h.model, "监测表").cells.get("3,1")?.fill).toBe("#FFFFFF");
    expect(sheetOf(h.model, "监测表").cells.get("10,1")?.fill).toBeUndefined();
  });

  it("keeps the annotation store very hidden and removes it when cleared", async () => {
    const h = harnessFor(modelFrom(seedWorkbook()));
    await h.port.applyPlan(validationPlan(1));
    expect(sheetOf(h.model, ANNOTATION_STORE_SHEET).visibility).toBe("VeryHidden");
    await h.port.clearAnnotations();
    expect(h.model.sheet(ANNOTATION_STORE_SHEET)).toBeUndefined();
  });
});

describe("OfficeWorkbook on older Excel", () => {
  it("marks with colour only where neither notes nor comments exist (ExcelApi 1.9)", async () => {
    const h = harnessFor(modelFrom([bigSheet(10)]), 1.09);
    await h.port.applyPlan(validationPlan(1));
    expect(h.ctx.used.has("Worksheet.notes")).toBe(false);
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: "#FFC7CE", note: null });
    await h.port.clearAnnotations();
    expect(await h.cellLook("监测表", "B4")).toMatchObject({ fill: null });
  });

  it("skips links, frozen panes, print setup and data bars it cannot write (ExcelApi 1.5)", async () => {
    const h = harnessFor(modelFrom([bigSheet(10)]), 1.05);
    await h.port.applyPlan(analysisPlan(5));
    const s = sheetOf(h.model, "差距分析");
    expect(s.cells.get("3,1")?.value).toBe("指标0");
    expect(s.cells.get("3,1")?.link).toBeUndefined();
    expect(s.dataBars).toEqual([]);
  });
});

describe("apiSupport", () => {
  const upTo = (max: number) => ({
    isSetSupported: (_name: string, v?: string) => {
      const [a, b] = (v ?? "1.1").split(".").map(Number);
      return a + b / 100 <= max;
    },
  });

  it("reports nothing missing on a current Excel and picks notes", () => {
    const s = apiSupport(upTo(1.18));
    expect(s.missing).toEqual([]);
    expect(s.noteMode).toBe("notes");
  });

  it("falls back to comments on ExcelApi 1.10 and says so in both languages", () => {
    const s = apiSupport(upTo(1.1));
    expect(s.noteMode).toBe("comments");
    expect(s.missing.map((m) => m.requirement)).toEqual(["ExcelApi 1.18"]);
    expect(s.missing[0].reason.zh).toMatch(/批注/);
    expect(s.missing[0].reason.en).toMatch(/comment/);
  });

  it("names every missing requirement set on an Excel 2016 with updates (ExcelApi 1.4)", () => {
    const s = apiSupport(upTo(1.04));
    expect(s.core).toBe(true);
    expect(s.dataValidation).toBe(false);
    expect(s.missing.map((m) => m.requirement)).toEqual([
      "ExcelApi 1.6",
      "ExcelApi 1.7",
      "ExcelApi 1.8",
      "ExcelApi 1.8", // charts
      "ExcelApi 1.9",
      "ExcelApi 1.10",
    ]);
    for (const m of s.missing) {
      expect(m.reason.zh.length).toBeGreaterThan(10);
      expect(m.reason.en.length).toBeGreaterThan(10);
    }
  });

  it("says in one sentence which Office is needed below ExcelApi 1.4 (Office 2016 volume licence)", () => {
    const s = apiSupport(upTo(1.01));
    expect(s.core).toBe(false);
    expect(s.missing).toHaveLength(1);
    expect(s.missing[0].reason.zh).toMatch(/Excel 2021.*Microsoft 365.*网页版/);
    expect(s.missing[0].reason.en).toMatch(
      /Excel 2021 or later, Excel for Microsoft 365, or Excel on the web/
    );
  });
});

describe("helpers", () => {
  it("groups equal cells into rectangles", () => {
    const cells = [];
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 3; c++) cells.push({ row: r, col: c, key: c === 2 ? "b" : "a", item: c });
    const rects = rectangles(cells).map(
      (x) => `${cellAddress(x.top, x.left)}:${cellAddress(x.bottom, x.right)}`
    );
    expect(rects.sort()).toEqual(["A1:B4", "C1:C4"]);
  });

  it("converts column widths from characters to points", () => {
    expect(charactersToPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 64 px, 48 pt
  });
});
