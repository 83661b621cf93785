import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import {
  FILL_ONLY,
  STORE_HEADER,
  encodeStoreRow,
} from "../../src/workbook/shared/annotation-store";
import {
  CellLook,
  PortHarness,
  SeedSheet,
  SheetLook,
  describeWorkbookPortContract,
  resultSheet,
} from "./contract";

const argb = (hex: string) => `FF${hex.slice(1)}`;
const hex = (c: Partial<ExcelJS.Color> | undefined) =>
  c?.argb ? `#${c.argb.slice(2).toUpperCase()}` : null;

/** Builds the seed with plain ExcelJS (not the adapter), as a user's file would arrive. */
async function seedBytes(seed: SeedSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of seed) {
    const ws = wb.addWorksheet(s.name);
    if (s.hidden) ws.state = "hidden";
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(addr);
      cell.value = c.formula
        ? ({ formula: c.formula, result: c.value } as ExcelJS.CellFormulaValue)
        : (c.value as ExcelJS.CellValue);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.fill)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
      if (c.note) cell.note = c.note;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Opens the adapter's saved bytes with plain ExcelJS, to look at what the file really holds. */
async function saved(port: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

async function makeHarness(seed: SeedSheet[]): Promise<PortHarness & { port: XlsxWorkbook }> {
  const h = {
    port: await XlsxWorkbook.fromBuffer(await seedBytes(seed)),
    async sheetNames() {
      return (await saved(h.port)).worksheets.map((ws) => ws.name);
    },
    async cellLook(sheet: string, addr: string): Promise<CellLook> {
      const cell = sheetOf(await saved(h.port), sheet).getCell(addr);
      const fill = cell.fill;
      const solid =
        fill && fill.type === "pattern" && fill.pattern === "solid" ? hex(fill.fgColor) : null;
      const note = cell.note;
      // Internal links are HYPERLINK("#'Sheet'!A1","text") formulas.
      const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)"/.exec(cell.formula ?? "");
      const link = m ? `${m[1].replace(/''/g, "'")}!${m[2]}` : null;
      return {
        fill: solid,
        fontColor: hex(cell.font?.color) ?? null,
        bold: cell.font?.bold === true,
        numFmt: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null,
        note:
          note === undefined
            ? null
            : typeof note === "string"
              ? note
              : (note.texts ?? []).map((t) => t.text).join(""),
        link,
        locked: cell.protection?.locked !== false,
        validation: cell.dataValidation?.type ?? null,
      };
    },
    async sheetLook(sheet: string): Promise<SheetLook> {
      const ws = sheetOf(await saved(h.port), sheet);
      const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
      const cfs = (
        ws as unknown as {
          conditionalFormattings: {
            ref: string;
            rules: { type: string; color?: ExcelJS.Color }[];
          }[];
        }
      ).conditionalFormattings;
      return {
        merges: (ws.model as unknown as { merges: string[] }).merges,
        freezeRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
        landscape: ws.pageSetup.orientation === "landscape",
        dataBars: cfs.flatMap((cf) =>
          cf.rules
            .filter((r) => r.type === "dataBar")
            .map((r) => ({ range: cf.ref, color: hex(r.color) ?? "" }))
        ),
        columnWidths: [1, 2, 3, 4].map((c) => ws.getColumn(c).width),
        rowHeights: [1, 2, 3, 4].map((r) => ws.getRow(r).height),
        autoFilter: typeof ws.autoFilter === "string" ? ws.autoFilter : null,
        protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection
          ?.sheet,
      };
    },
    async reopen() {
      h.port = await XlsxWorkbook.fromBuffer(await h.port.toBuffer());
    },
  };
  return h;
}

describeWorkbookPortContract("XlsxWorkbook (package)", makeHarness);

describe("XlsxWorkbook, file specifics", () => {
  it("rejects bytes that are not a workbook with one clear line", async () => {
    const junk = new TextEncoder().encode("指标,完成值\nA1,1.2\n");
    await expect(XlsxWorkbook.fromBuffer(junk)).rejects.toThrow(
      /^无法读取工作簿：.*not in \.xlsx format$/
    );
    await expect(XlsxWorkbook.fromBuffer(new Uint8Array(0))).rejects.toThrow(/empty/);
  });

  it("rejects a damaged zip", async () => {
    const good = await seedBytes([{ name: "a", cells: { A1: { value: 1 } } }]);
    const cut = good.slice(0, Math.floor(good.length / 2));
    const err = await XlsxWorkbook.fromBuffer(cut).then(
      () => null,
      (e: Error) => e
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/damaged or not in \.xlsx format/);
    expect(err!.message).not.toMatch(/\n/);
  });

  it("names an old .xls file for what it is", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(XlsxWorkbook.fromBuffer(ole.buffer)).rejects.toThrow(/\.xls/);
  });

  it("reads rich text and hyperlink cells as their plain text, and shared formulas as results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = {
      richText: [{ text: "本期" }, { font: { bold: true }, text: "完成值" }],
    };
    ws.getCell("A2").value = { text: "市科技局", hyperlink: "https://example.org" };
    ws.getCell("B1").value = 2;
    ws.getCell("B2").value = 3;
    ws.getCell("C1").value = {
      formula: "B1*2",
      result: 4,
      shareType: "shared",
      ref: "C1:C2",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = { sharedFormula: "C1", result: 6 } as ExcelJS.CellSharedFormulaValue;
    const port = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const rows = (await port.readSheets()).sheets[0].rows;
    expect(rows[0][0]).toEqual({ value: "本期完成值" });
    expect(rows[1][0]).toEqual({ value: "市科技局" });
    expect(rows[0][2]).toEqual({ value: 4, formula: "B1*2" });
    expect(rows[1][2]).toEqual({ value: 6, formula: "B2*2" });
  });

  it("starts empty and writes a workbook Excel can open again", async () => {
    const port = XlsxWorkbook.empty();
    await port.applyPlan({
      sheets: [resultSheet("指标规则", 2)],
      annotations: [],
      activate: "指标规则",
    });
    const again = await XlsxWorkbook.fromBuffer(await port.toBuffer());
    expect((await again.readSheets()).sheets.map((s) => s.name)).toEqual(["指标规则"]);
  });

  it("keeps the annotation store very hidden", async () => {
    const port = await XlsxWorkbook.fromBuffer(
      await seedBytes([{ name: "监测表", cells: { A1: { value: 1 } } }])
    );
    await port.applyPlan({
      sheets: [],
      annotations: [{ sheet: "监测表", cell: "A1", fill: "#FFC7CE", note: "x" }],
    });
    expect(sheetOf(await saved(port), ANNOTATION_STORE_SHEET).state).toBe("veryHidden");
  });

  it("changes the fill of the annotated cell only, not of cells that shared its style", async () => {
    const cells: SeedSheet["cells"] = {};
    for (let r = 1; r <= 5; r++) cells[`A${r}`] = { value: r, fill: "#00B0F0", numFmt: "0.0" };
    const port = await XlsxWorkbook.fromBuffer(await seedBytes([{ name: "s", cells }]));
    await port.applyPlan({
      sheets: [],
      annotations: [{ sheet: "s", cell: "A3", fill: "#FFC7CE", note: "x" }],
    });
    const ws = sheetOf(await saved(port), "s");
    const fills = [1, 2, 3, 4, 5].map((r) =>
      hex((ws.getCell(`A${r}`).fill as ExcelJS.FillPattern).fgColor)
    );
    expect(fills).toEqual(["#00B0F0", "#00B0F0", "#FFC7CE", "#00B0F0", "#00B0F0"]);
  });

  it("writes internal links that survive quotes in the sheet name and the text", async () => {
    const h = await makeHarness([{ name: "乡镇'表", cells: { A1: { value: 1 } } }]);
    await h.port.applyPlan({
      sheets: [
        {
          name: "校验结果",
          cells: [{ row: 0, col: 0, value: '见 "A1"', link: { sheet: "乡镇'表", cell: "$A$1" } }],
        },
      ],
      annotations: [],
    });
    await h.reopen();
    expect(await h.cellLook("校验结果", "A1")).toMatchObject({ link: "乡镇'表!A1" });
    expect((await h.port.readSheets(["校验结果"])).sheets[0].rows[0][0]?.value).toBe('见 "A1"');
  });

  it("saves what the cells hold now, however many times it is saved", async () => {
    const port = await XlsxWorkbook.fromBuffer(
      await seedBytes([
        { name: "s", cells: { B5: { value: 1 }, B7: { value: 2, fill: "#FFFF00" } } },
      ])
    );
    await port.applyPlan({
      sheets: [],
      annotations: [{ sheet: "s", cell: "B5", fill: "#FFC7CE", note: "x" }],
    });
    await port.toBuffer(); // a download in the browser, say
    await port.clearAnnotations();
    const ws = sheetOf(await saved(port), "s");
    expect(ws.getCell("B5").fill).toBeUndefined();
    expect(hex((ws.getCell("B7").fill as ExcelJS.FillPattern).fgColor)).toBe("#FFFF00");
  });

  it("clears a cell Excel marked with the fill only, keeping the colleague's note it left alone", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("监测表");
    ws.getCell("B4").value = 12;
    ws.getCell("B4").note = "同事的批注";
    ws.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    const store = wb.addWorksheet(ANNOTATION_STORE_SHEET);
    store.state = "veryHidden";
    store.addRow(STORE_HEADER);
    store.addRow(
      encodeStoreRow({
        sheet: "监测表",
        cell: "B4",
        fill: "#FFFF00",
        note: null,
        detail: FILL_ONLY,
      })
    );
    const port = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    await port.clearAnnotations();
    const cell = sheetOf(await saved(port), "监测表").getCell("B4");
    expect(hex((cell.fill as ExcelJS.FillPattern).fgColor)).toBe("#FFFF00");
    expect(cell.note).toBeDefined();
    expect(JSON.stringify(cell.note)).toContain("同事的批注");
  });

  it("activates the sheet named by the plan", async () => {
    const port = await XlsxWorkbook.fromBuffer(
      await seedBytes([{ name: "监测表", cells: { A1: { value: 1 } } }])
    );
    await port.applyPlan({ sheets: [resultSheet()], annotations: [], activate: "校验结果" });
    const wb = await saved(port);
    expect(wb.views[0].activeTab).toBe(1);
    expect(
      (sheetOf(wb, "监测表").views?.[0] as { tabSelected?: boolean } | undefined)?.tabSelected
    ).toBeFalsy();
  });
});
