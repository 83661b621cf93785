/**
 * The package reader (src/workbook/package/read-xlsx.ts) against the ExcelJS reader it replaces:
 * the same grids for every sample, every corpus workbook ExcelJS reads and workbooks holding every
 * kind of value; what Excel shows where ExcelJS loses it; packages ExcelJS cannot read; damage as
 * a PackageError, never a TypeError.
 */
import { readdirSync, readFileSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import type { WorkbookGrids } from "../../src/core/model/cells";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import { isDateFormat } from "../../src/workbook/number-format";
import { ExcelJsWorkbook as XlsxWorkbook } from "../helpers/exceljs-workbook";
import { PackageError, ZipPackage } from "../../src/workbook/package/zip";
import {
  BUILTIN_NUM_FMTS,
  readPackageGrids,
  readStyles,
  serialToDate,
} from "../../src/workbook/package/read-xlsx";
import { slideFormula } from "../../src/workbook/package/shared-formula";
import { numberAt } from "../../src/workbook/package/read-values";
import fc from "fast-check";
import { CASES, writeCorpus } from "../robustness/make-corpus";

// ExcelJS internals the reader is measured against (no typings for these paths).

const exceljsUtils = require("exceljs/lib/utils/utils") as {
  isDateFmt(f: string): boolean;
  excelToDate(v: number, d1904: boolean): Date;
};

const exceljsFormats = require("exceljs/lib/xlsx/defaultnumformats") as Record<
  string,
  { f?: string }
>;

const ROOT = path.resolve(__dirname, "../..");

const viaExcelJs = async (bytes: Uint8Array, names?: string[]) =>
  (await XlsxWorkbook.fromBuffer(bytes)).readSheets(names);
const viaPackage = (bytes: Uint8Array, names?: string[]) =>
  readPackageGrids(ZipPackage.read(bytes), names);

async function expectSameGrids(bytes: Uint8Array, names?: string[]): Promise<WorkbookGrids> {
  const grids = viaPackage(bytes, names);
  expect(grids).toEqual(await viaExcelJs(bytes, names));
  return grids;
}

async function excelJsBook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The error thrown by `f`, or null. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

// --- hand-written packages -----------------------------------------------------------------------

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface RawSheet {
  name: string;
  /** The sheet part's XML; null leaves the part out of the package. */
  xml: string | null;
  state?: "hidden" | "veryHidden";
  part?: string;
  relType?: string;
  /** The sheet's own rels part. */
  rels?: string;
}

/** A package of the given sheets and other parts (name → text or bytes), zipped with fflate. */
function rawPackage(
  sheets: RawSheet[],
  parts: Record<string, string | Uint8Array> = {},
  workbookPr = ""
): Uint8Array {
  const partOf = (s: RawSheet, i: number) => s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
  const wbRels = sheets.map(
    (s, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_R}/${s.relType ?? "worksheet"}" Target="/${partOf(s, i)}"/>`
  );
  if (parts["xl/styles.xml"])
    wbRels.push(`<Relationship Id="rIdS" Type="${NS_R}/styles" Target="styles.xml"/>`);
  if (parts["xl/sharedStrings.xml"])
    wbRels.push(
      `<Relationship Id="rIdT" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`
    );
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${DECL}<workbook xmlns="${NS}" xmlns:r="${NS_R}">${workbookPr}<sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
      )
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
    ...parts,
  };
  sheets.forEach((s, i) => {
    const part = partOf(s, i);
    if (s.xml !== null) files[part] = s.xml;
    if (s.rels) files[part.replace(/([^/]+)$/, "_rels/$1.rels")] = s.rels;
  });
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])
    ),
    { level: 1 }
  );
}

const sheet = (data: string, tail = "") =>
  `${DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetData>${data}</sheetData>${tail}</worksheet>`;
const sst = (...items: string[]) =>
  `${DECL}<sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
const styles = (numFmts: string, xfs: string) =>
  `${DECL}<styleSheet xmlns="${NS}">${numFmts ? `<numFmts>${numFmts}</numFmts>` : ""}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>${xfs}</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="0.000"/></dxf></dxfs></styleSheet>`;
/** Styles whose cellXfs are General (0) and then the given numFmtIds. */
const xfStyles = (ids: number[], numFmts = "") =>
  styles(
    numFmts,
    ['<xf numFmtId="0"/>', ...ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`)].join(
      ""
    )
  );
const rowsOf = (grids: WorkbookGrids, i = 0) => grids.sheets[i].rows;
const values = (grids: WorkbookGrids, i = 0) =>
  rowsOf(grids, i).map((r) => Array.from(r, (c) => c?.value));

// --- parity ----------------------------------------------------------------------------------------

function sampleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sampleFiles(path.join(dir, e.name))
      : e.name.endsWith(".xlsx")
        ? [path.join(dir, e.name)]
        : []
  );
}

describe("the same grids as the ExcelJS reader", () => {
  test.each(sampleFiles(path.join(ROOT, "samples")).map((f) => [path.relative(ROOT, f)]))(
    "%s",
    async (file) => {
      const grids = await expectSameGrids(new Uint8Array(await fs.readFile(path.join(ROOT, file))));
      expect(grids.sheets.length).toBeGreaterThan(0);
    }
  );

  describe("the robustness corpus", () => {
    let files: Map<string, Uint8Array>;
    beforeAll(async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "read-xlsx-corpus-"));
      files = new Map();
      for (const { file, c } of await writeCorpus(dir))
        if (!c.special) files.set(c.name, new Uint8Array(await fs.readFile(file)));
      await fs.rm(dir, { recursive: true, force: true });
    });

    /** ExcelJS leaves _xHHHH_ escapes undecoded in inline strings; Excel shows the characters. */
    const decodeEscapes = (g: WorkbookGrids): WorkbookGrids => ({
      sheets: g.sheets.map((s) => ({
        ...s,
        rows: s.rows.map((r) =>
          r.map((c) =>
            c && typeof c.value === "string"
              ? {
                  ...c,
                  value: c.value.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) =>
                    String.fromCharCode(parseInt(h, 16))
                  ),
                }
              : c
          )
        ),
      })),
    });

    test.each(CASES.filter((c) => !c.special).map((c) => [c.name]))("%s", async (name) => {
      const bytes = files.get(name)!;
      let expected: WorkbookGrids;
      try {
        expected = await viaExcelJs(bytes);
      } catch {
        // ExcelJS refuses it: the package reader reads it or says why in a PackageError.
        const e = thrown(() => viaPackage(bytes));
        if (e !== null) expect(e).toBeInstanceOf(PackageError);
        return;
      }
      if (REFUSED_THOUGH_EXCELJS_READS.has(name)) {
        // ExcelJS reads these; the package reader refuses them on purpose, in one sentence.
        expect(thrown(() => viaPackage(bytes))).toBeInstanceOf(PackageError);
        return;
      }
      expect(viaPackage(bytes)).toEqual(
        name === "control-characters.xlsx" ? decodeEscapes(expected) : expected
      );
    });

    /** A zip bomb (ExcelJS inflates it whole) and a sheet whose part is missing (ExcelJS drops the sheet silently). */
    const REFUSED_THOUGH_EXCELJS_READS = new Set(["zip-bomb.xlsx", "relationship-to-nowhere.xlsx"]);

    test("what ExcelJS refuses is read where it can be, and said in one sentence where it cannot", () => {
      expect(values(viaPackage(files.get("cells-without-addresses.xlsx")!))).toEqual([
        ["指标名称", "本期完成值"],
        ["市级众创空间", 7],
      ]);
      expect(viaPackage(files.get("no-worksheets.xlsx")!)).toEqual({ sheets: [] });
      const e = thrown(() => viaPackage(files.get("broken-xml.xlsx")!)) as Error;
      expect(e).toBeInstanceOf(PackageError);
      expect(e.message).toMatch(
        /^sheet '监测表' \(xl\/worksheets\/sheet1\.xml\) is damaged: its XML is cut off/
      );
      for (const name of [
        "empty-file.xlsx",
        "truncated.xlsx",
        "password-protected.xlsx",
        "zip-not-workbook.xlsx",
      ]) {
        expect(thrown(() => viaPackage(files.get(name)!))).toBeInstanceOf(PackageError);
      }
    });
  });

  test("every kind of value ExcelJS writes", async () => {
    const bytes = await excelJsBook((wb) => {
      const ws = wb.addWorksheet("科技局's 值 & <数据>");
      const put = (addr: string, value: unknown, numFmt?: string) => {
        const cell = ws.getCell(addr);
        cell.value = value as ExcelJS.CellValue;
        if (numFmt) cell.numFmt = numFmt;
      };
      const day = new Date(Date.UTC(2022, 8, 30));
      const moment = new Date(Date.UTC(2022, 8, 30, 14, 25, 36, 500));
      [
        "合作市",
        3.14,
        42,
        -0.5,
        true,
        false,
        { error: "#N/A" },
        { error: "#DIV/0!" },
        { error: "#REF!" },
        "  padded  ",
        "two\nlines",
        "👩‍🔬 emoji",
        "长".repeat(5000),
      ].forEach((v, i) => put(`A${i + 1}`, v));
      const dateFormats = [
        "yyyy-mm-dd",
        'yyyy"年"m"月"d"日"',
        "m/d/yy h:mm",
        "h:mm:ss",
        "yyyy/m/d;@",
        '[$-804]yyyy"年"m"月"',
        "mm-dd-yy",
        "dd/mm/yyyy hh:mm:ss.000",
        "[h]:mm:ss",
      ];
      dateFormats.forEach((f, i) => put(`B${i + 1}`, i % 2 ? moment : day, f));
      put(`B${dateFormats.length + 1}`, day); // a Date without a format: ExcelJS gives it mm-dd-yy
      put("C1", 0.125, "0.00%");
      put("C2", 12345.678, "#,##0.00");
      put("C3", 56000, '0.0"万元"');
      put("C4", "007", "@");
      put("C5", 7, "General");
      put("C6", 1.5, '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)');
      put("C7", 2, "[Red]0;[Blue]-0");
      put("D1", { richText: [{ text: "R&D经费", font: { bold: true } }, { text: "投入强度" }] });
      put("D2", { richText: [{ text: '<tag> & "quotes"' }] });
      put("D3", { text: "台账", hyperlink: "https://example.com/ledger" });
      put("D4", { text: "跳转", hyperlink: "#'值'!A1" });
      put("E1", { formula: "A2*2", result: 6.28 });
      put("E2", { formula: '"a"&"b"', result: "ab" });
      put("E3", { formula: "A5", result: true });
      put("E4", { formula: "1/0", result: { error: "#DIV/0!" } });
      put("E5", { formula: "DATE(2022,9,30)", result: day }, "yyyy-mm-dd");
      put("E6", { formula: 'A1&"x"' });
      put("E7", { formula: 'IF(A5,"","x")', result: "" });
      put("F1", { formula: "A2+1", result: 4.14 });
      put("F2", { sharedFormula: "F1", result: 43 });
      put("F3", { sharedFormula: "F1", result: -1.5 });
      put("G1", { formula: "SUM(A2:A3)", result: 45.14, shareType: "array", ref: "G1" });
      put("H1", "合并标题");
      ws.mergeCells("H1:I2");
      put("A30", "隔了很多行");
      ws.getCell("K40").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } }; // styled, empty
      wb.addWorksheet("隐藏").state = "hidden";
      wb.getWorksheet("隐藏")!.getCell("B2").value = 1;
      wb.addWorksheet("深度隐藏").state = "veryHidden";
      wb.getWorksheet("深度隐藏")!.getCell("A1").value = "x";
      wb.addWorksheet(ANNOTATION_STORE_SHEET).getCell("A1").value = "store";
      wb.addWorksheet("空表");
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["科技局's 值 & <数据>", false],
      ["隐藏", true],
      ["深度隐藏", true],
      ["空表", false],
    ]);
    await expectSameGrids(bytes, ["隐藏", "空表", "no such sheet"]);
    expect(rowsOf(grids)[1][5]).toEqual({ value: 43, formula: "A3+1" });
    expect(rowsOf(grids)[0][1]).toEqual({
      value: new Date(Date.UTC(2022, 8, 30)),
      numFmt: "yyyy-mm-dd",
    });
  });

  test("a 1904 workbook", async () => {
    const bytes = await excelJsBook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("1904");
      ws.getCell("A1").value = new Date(Date.UTC(2022, 8, 30));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
      ws.getCell("A2").value = {
        formula: "A1+1",
        result: new Date(Date.UTC(2022, 9, 1)),
      } as ExcelJS.CellFormulaValue;
      ws.getCell("A2").numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell("A3").value = 44834;
    });
    const grids = await expectSameGrids(bytes);
    expect(values(grids)).toEqual([
      [new Date(Date.UTC(2022, 8, 30))],
      [new Date(Date.UTC(2022, 9, 1))],
      [44834],
    ]);
  });

  test("merged cells: only the top-left cell is read, even where the others hold values", async () => {
    const bytes = rawPackage([
      {
        name: "M",
        xml: sheet(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row><row r="3"><c r="B3"><v>6</v></c></row>',
          '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B3:C9"/></mergeCells>'
        ),
      },
    ]);
    const grids = await expectSameGrids(bytes);
    expect(values(grids)).toEqual([[1, undefined, 3], [], [undefined, 6]]);
  });

  test("cells past the dimension, styled empty cells and rows after the last value, a comment after the root", async () => {
    const xml =
      `${DECL}<worksheet xmlns="${NS}"><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row>` +
      '<row r="3" ht="20" customHeight="1"><c r="C3" s="1"/></row><row r="10"><c r="F10"><v>2</v></c><c r="G10" s="1"><v></v></c></row>' +
      '<row r="11" s="1" customFormat="1"/><row r="12"><c r="A12" s="1"/></row></sheetData></worksheet>\n<!-- written by hand -->\n';
    const grids = await expectSameGrids(
      rawPackage([{ name: "D", xml }], { "xl/styles.xml": xfStyles([4]) })
    );
    expect(values(grids)).toEqual([
      [1],
      [],
      [],
      [],
      [],
      [],
      [],
      [],
      [],
      [undefined, undefined, undefined, undefined, undefined, 2],
    ]);
  });

  test("shared strings: rich runs joined, phonetic runs left out, escapes and entities decoded", async () => {
    const strings = sst(
      '<si><t>合作市</t><rPh sb="0" eb="3"><t>ゴウサクシ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><r><rPr><b/></rPr><t xml:space="preserve">R&amp;D </t></r><r><t>经费</t></r><rPh sb="0" eb="1"><t>ケイヒ</t></rPh></si>',
      "<si><t>line_x000D_break &lt;x&gt; _x005F_x0041_</t></si>",
      '<si><t xml:space="preserve">  spaced  </t></si><si><t> kept as ExcelJS keeps it </t></si>',
      "<si><t/></si>",
      "<si></si>"
    );
    const xml = sheet(
      `<row r="1">${[0, 1, 2, 3, 5, 6, 4, 99].map((i, c) => `<c r="${"ABCDEFGH"[c]}1" t="s"><v>${i}</v></c>`).join("")}</row>`
    );
    // ExcelJS refuses an index past the table; the package reader leaves that cell out.
    const bytes = rawPackage([{ name: "S", xml }], { "xl/sharedStrings.xml": strings });
    await expect(viaExcelJs(bytes)).rejects.toThrow(/richText/);
    const sameButLast = rawPackage([{ name: "S", xml: xml.replace(/<c r="H1".*?<\/c>/, "") }], {
      "xl/sharedStrings.xml": strings,
    });
    await expectSameGrids(sameButLast);
    expect(values(viaPackage(bytes))).toEqual([
      [
        "合作市",
        "R&D 经费",
        "line\rbreak <x> _x0041_",
        "  spaced  ",
        "",
        undefined,
        " kept as ExcelJS keeps it ",
      ],
    ]);
  });
});

// --- where ExcelJS loses what Excel shows ------------------------------------------------------------

describe("what Excel shows, where ExcelJS loses it", () => {
  test("a formula's cached 0 or FALSE is kept (ExcelJS reads null)", async () => {
    const bytes = await excelJsBook((wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("A2").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    });
    expect(values(await viaExcelJs(bytes))).toEqual([[null], [null]]);
    expect(rowsOf(viaPackage(bytes))).toEqual([
      [{ value: 0, formula: "1-1" }],
      [{ value: false, formula: "1=2" }],
    ]);
  });

  test("format codes are kept as written: an escaped letter is not a date part (ExcelJS drops the backslash)", async () => {
    const bytes = await excelJsBook((wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = 12.5;
      ws.getCell("A1").numFmt = "0.0\\h";
      ws.getCell("A2").value = 0.5;
      ws.getCell("A2").numFmt = "0.0\\%";
    });
    expect(rowsOf(await viaExcelJs(bytes))).toEqual([
      [{ value: expect.any(Date), numFmt: "0.0h" }],
      [{ value: 0.5, numFmt: "0.0%" }],
    ]);
    expect(rowsOf(viaPackage(bytes))).toEqual([
      [{ value: 12.5, numFmt: "0.0\\h" }],
      [{ value: 0.5, numFmt: "0.0\\%" }],
    ]);
  });

  test("the Chinese built-in date formats (ExcelJS reads them as bare numbers), and style 0 as Excel applies it", async () => {
    const bytes = rawPackage(
      [
        {
          name: "D",
          xml: sheet(
            '<row r="1"><c r="A1" s="1"><v>44834</v></c><c r="B1" s="2"><v>44834.5</v></c><c r="C1" s="3"><v>44834</v></c><c r="D1"><v>7</v></c></row>'
          ),
        },
      ],
      { "xl/styles.xml": xfStyles([31, 32, 14]) }
    );
    expect(rowsOf(await viaExcelJs(bytes))).toEqual([
      [
        { value: 44834 },
        { value: 44834.5 },
        { value: new Date(Date.UTC(2022, 8, 30)), numFmt: "mm-dd-yy" },
        { value: 7 },
      ],
    ]);
    expect(rowsOf(viaPackage(bytes))[0].slice(0, 2)).toEqual([
      { value: new Date(Date.UTC(2022, 8, 30)), numFmt: 'yyyy"年"m"月"d"日"' },
      { value: new Date(Date.UTC(2022, 8, 30, 12)), numFmt: 'h"时"mm"分"' },
    ]);
    // cellXfs[0] with a date format: Excel shows cells without a style as dates; ExcelJS ignores style 0.
    const zero = rawPackage(
      [
        {
          name: "Z",
          xml: sheet('<row r="1"><c r="A1"><v>44834</v></c><c r="B1" s="0"><v>1</v></c></row>'),
        },
      ],
      {
        "xl/styles.xml": styles("", '<xf numFmtId="14"/>'),
      }
    );
    expect(values(await viaExcelJs(zero))).toEqual([[44834, 1]]);
    expect(values(viaPackage(zero))).toEqual([
      [new Date(Date.UTC(2022, 8, 30)), new Date(Date.UTC(1900, 0, 1))],
    ]);
  });

  test("a hyperlink does not change its cell (ExcelJS makes a linked number text and drops a linked formula)", async () => {
    const links = `<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/><hyperlink ref="C1" r:id="rId1"/></hyperlinks>`;
    const bytes = rawPackage([
      {
        name: "L",
        xml: sheet(
          '<row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1*2</f><v>10</v></c><c r="C1" t="inlineStr"><is><t>文本</t></is></c></row>',
          links
        ),
        rels: `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
      },
    ]);
    expect(rowsOf(await viaExcelJs(bytes))).toEqual([
      [{ value: "5" }, { value: "10" }, { value: "文本" }],
    ]);
    expect(rowsOf(viaPackage(bytes))).toEqual([
      [{ value: 5 }, { value: 10, formula: "A1*2" }, { value: "文本" }],
    ]);
  });

  test('typed values ExcelJS misreads: t="d" dates, t="b" words, t="str" entities, inline phonetics, serials before March 1900, results in date formats, date1904="true"', async () => {
    const cells =
      '<c r="A1" t="d"><v>2022-09-30T08:30:00</v></c><c r="B1" t="b"><v>false</v></c><c r="C1" t="str"><f>"&lt;"</f><v>&amp;lt;b&amp;gt;</v></c>' +
      '<c r="D1" s="1"><v>3</v></c><c r="E1" t="d"><v>2022-09-30</v></c>';
    // An inline string with a phonetic guide: ExcelJS loses the whole row it is in.
    const phonetic =
      '<c r="A2" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c><c r="B2"><v>2</v></c>';
    const bytes = rawPackage(
      [{ name: "T", xml: sheet(`<row r="1">${cells}</row><row r="2">${phonetic}</row>`) }],
      { "xl/styles.xml": xfStyles([14]) }
    );
    expect(values(await viaExcelJs(bytes))).toEqual([
      [2022, true, "<b>", new Date(Date.UTC(1900, 0, 2)), 2022],
    ]);
    expect(values(viaPackage(bytes))).toEqual([
      [
        new Date(Date.UTC(2022, 8, 30, 8, 30)),
        false,
        "&lt;b&gt;",
        new Date(Date.UTC(1900, 0, 3)),
        new Date(Date.UTC(2022, 8, 30)),
      ],
      ["東京", 2],
    ]);
    // A formula's text or error result in a date-formatted cell: ExcelJS makes both Invalid Dates.
    const results = rawPackage(
      [
        {
          name: "T",
          xml: sheet(
            '<row r="1"><c r="A1" s="1" t="str"><f>"x"</f><v>x</v></c><c r="B1" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
          ),
        },
      ],
      { "xl/styles.xml": xfStyles([14]) }
    );
    expect(
      values(await viaExcelJs(results))[0].map(
        (v) => v instanceof Date && Number.isNaN(v.getTime())
      )
    ).toEqual([true, true]);
    expect(values(viaPackage(results))).toEqual([["x", { error: "#DIV/0!" }]]);
    const d1904 = rawPackage(
      [{ name: "T", xml: sheet('<row r="1"><c r="A1" s="1"><v>43372</v></c></row>') }],
      { "xl/styles.xml": xfStyles([14]) },
      '<workbookPr date1904="true"/>'
    );
    expect(values(await viaExcelJs(d1904))).toEqual([[new Date(Date.UTC(2018, 8, 29))]]);
    expect(values(viaPackage(d1904))).toEqual([[new Date(Date.UTC(2022, 8, 30))]]);
  });

  test("formula cells whose text is elsewhere keep their value; a shared formula does not move text in quotes", async () => {
    const rows =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">IF(B1="Q3",B1,C$1)</f><v>1</v></c><c r="D1"><f t="dataTable" ref="D1:D2" dt2D="0" dtr="0" r1="B1"/><v>9</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c><c r="D2"><v>8</v></c><c r="E2"><f t="shared" si="7"/><v>3</v></c></row>' +
      '<row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c></row>';
    const bytes = rawPackage([{ name: "F", xml: sheet(rows) }]);
    expect(rowsOf(await viaExcelJs(bytes))).toEqual([
      [{ value: 1, formula: 'IF(B1="Q3",B1,C$1)' }],
      [{ value: 2, formula: 'IF(B2="Q4",B2,C$1)' }, undefined, undefined, { value: 8 }],
      [{ value: null, formula: 'IF(B3="Q5",B3,C$1)' }],
    ]);
    expect(rowsOf(viaPackage(bytes))).toEqual([
      [{ value: 1, formula: 'IF(B1="Q3",B1,C$1)' }, undefined, undefined, { value: 9 }],
      [
        { value: 2, formula: 'IF(B2="Q3",B2,C$1)' },
        undefined,
        undefined,
        { value: 8 },
        { value: 3 },
      ],
      [{ value: 0, formula: 'IF(B3="Q3",B3,C$1)' }],
    ]);
  });

  test("sheets in parts of other names and long sheet names are read (ExcelJS drops or cuts them)", async () => {
    const long = "一个超过三十一个字符的很长很长很长很长很长的工作表名称";
    const bytes = rawPackage([
      {
        name: long,
        part: "xl/worksheets/data.xml",
        xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
      },
    ]);
    await expect(viaExcelJs(bytes)).rejects.toThrow(/no worksheet/);
    expect(viaPackage(bytes)).toEqual({ sheets: [{ name: long, rows: [[{ value: 1 }]] }] });
  });
});

// --- packages ExcelJS cannot read ------------------------------------------------------------------

describe("packages ExcelJS cannot read", () => {
  test("prefixed element names", () => {
    const px = (xml: string) =>
      xml.replace(/<(\/?)(?!\?)([a-zA-Z])/g, "<$1x:$2").replace(/xmlns="/, 'xmlns:x="');
    const bytes = rawPackage(
      [
        {
          name: "P",
          xml: px(
            sheet(
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44834</v></c><c r="C1"><f>B1+1</f><v>44835</v></c></row>',
              '<mergeCells><mergeCell ref="D1:E1"/></mergeCells>'
            )
          ),
        },
      ],
      {
        "xl/sharedStrings.xml": px(sst("<si><r><t>前缀</t></r><r><t>元素</t></r></si>")),
        "xl/styles.xml": px(xfStyles([176], '<numFmt numFmtId="176" formatCode="yyyy/m/d"/>')),
      }
    );
    expect(rowsOf(viaPackage(bytes))).toEqual([
      [
        { value: "前缀元素" },
        { value: new Date(Date.UTC(2022, 8, 30)), numFmt: "yyyy/m/d" },
        { value: 44835, formula: "B1+1" },
      ],
    ]);
  });

  test("rows and cells without an address follow on from the previous ones, as in Excel", () => {
    const rows =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c r="D1"><v>4</v></c><c/><c><v>6</v></c></row><row r="4"><c><v>7</v></c></row><row><c r="B5"><v>8</v></c></row>';
    expect(values(viaPackage(rawPackage([{ name: "R", xml: sheet(rows) }])))).toEqual([
      ["a", undefined, undefined, 4, undefined, 6],
      [],
      [],
      [7],
      [undefined, 8],
    ]);
  });

  test("a workbook with a chart whose drawing has no anchors (exceljs#2591)", async () => {
    // A chart with a picture on it: the chart's own drawing (c:userShapes) is not a sheet drawing,
    // and ExcelJS, which reads every xl/drawings/*.xml as one, fails on it.
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`;
    const rels = (...r: string[]) =>
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join("")}</Relationships>`;
    const anchor =
      "<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>";
    const bytes = rawPackage(
      [
        {
          name: "图表",
          xml: sheet(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>完成值</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row>',
            '<drawing r:id="rId1"/>'
          ),
          rels: rels(rel("rId1", "drawing", "../drawings/drawing1.xml")),
        },
      ],
      {
        "xl/drawings/drawing1.xml": `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>${anchor}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
        "xl/drawings/_rels/drawing1.xml.rels": rels(rel("rId1", "chart", "../charts/chart1.xml")),
        "xl/charts/chart1.xml": `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart><c:userShapes r:id="rId1"/></c:chartSpace>`,
        "xl/charts/_rels/chart1.xml.rels": rels(
          rel("rId1", "chartUserShapes", "../drawings/drawing2.xml")
        ),
        "xl/drawings/drawing2.xml": `${DECL}<c:userShapes xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><cdr:relSizeAnchor><cdr:from><cdr:x>0.1</cdr:x><cdr:y>0.1</cdr:y></cdr:from><cdr:to><cdr:x>0.3</cdr:x><cdr:y>0.3</cdr:y></cdr:to><cdr:pic><cdr:nvPicPr><cdr:cNvPr id="3" name="Logo"/><cdr:cNvPicPr/></cdr:nvPicPr><cdr:blipFill><a:blip r:embed="rId1"/></cdr:blipFill><cdr:spPr/></cdr:pic></cdr:relSizeAnchor></c:userShapes>`,
        "xl/drawings/_rels/drawing2.xml.rels": rels(rel("rId1", "image", "../media/image1.png")),
        "xl/media/image1.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      }
    );
    await expect(viaExcelJs(bytes)).rejects.toThrow(/reading 'anchors'/);
    expect(values(viaPackage(bytes))).toEqual([["完成值"], [7]]);
  });

  test("chart sheets, dialog sheets and macro sheets are passed over", () => {
    const bytes = rawPackage([
      {
        name: "图表页",
        relType: "chartsheet",
        part: "xl/chartsheets/sheet1.xml",
        xml: `${DECL}<chartsheet xmlns="${NS}"/>`,
      },
      { name: "数据", xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
      {
        name: "宏",
        relType: "xlMacrosheet",
        part: "xl/macrosheets/sheet1.xml",
        xml: `${DECL}<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>`,
      },
    ]);
    const progress: [number, number][] = [];
    expect(
      readPackageGrids(ZipPackage.read(bytes), undefined, (d, t) =>
        progress.push([d, t])
      ).sheets.map((s) => s.name)
    ).toEqual(["数据"]);
    expect(progress).toEqual([[1, 1]]);
  });
});

// --- damage ---------------------------------------------------------------------------------------

describe("a damaged package is a PackageError naming the sheet or part", () => {
  const good = sheet(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><f>1+1</f><v>44834</v></c><c r="C1" t="inlineStr"><is><r><t>x</t></r></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>',
    '<mergeCells><mergeCell ref="A2:B2"/></mergeCells>'
  );
  const parts = {
    "xl/sharedStrings.xml": sst("<si><t>文本</t></si>"),
    "xl/styles.xml": xfStyles([14]),
  };
  const message = (bytes: Uint8Array) => {
    const e = thrown(() => viaPackage(bytes)) as Error;
    expect(e).toBeInstanceOf(PackageError);
    return e.message;
  };

  test('sheet XML cut off anywhere, or with a stray "<" anywhere: grids or a PackageError, never another error', () => {
    for (let cut = 0; cut < good.length; cut += 3) {
      const damaged = [
        good.slice(0, cut),
        `${good.slice(0, cut)}<${good.slice(cut)}`,
        `${good.slice(0, cut)}"${good.slice(cut)}`,
      ];
      for (const xml of damaged) {
        const e = thrown(() => viaPackage(rawPackage([{ name: "表", xml }], parts)));
        if (e !== null && !(e instanceof PackageError))
          throw new Error(
            `${String(e)} for ${JSON.stringify(xml.slice(Math.max(0, cut - 20), cut + 20))}`
          );
      }
    }
  });

  test("a real workbook with any of its parts mangled: grids or a PackageError, never another error", () => {
    const bytes = new Uint8Array(
      readFileSync(path.join(ROOT, "samples/04-市农业农村局-2022Q3-有错误.xlsx"))
    );
    const parts = ZipPackage.read(bytes)
      .names()
      .filter((n) => /\.(xml|rels)$/.test(n));
    const junk = [
      "<",
      ">",
      '"',
      "'",
      "/",
      "&",
      " ",
      "=",
      "</c>",
      '<c r="A1">',
      "<v>",
      "</row>",
      "<row>",
      "x:",
      "<!--",
      "<![CDATA[",
      "\u0000",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...parts),
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.nat(40),
            fc.constantFrom(...junk)
          ),
          { minLength: 1, maxLength: 4 }
        ),
        (part, edits) => {
          const pkg = ZipPackage.read(bytes);
          let xml = pkg.text(part)!;
          for (const [where, n, text] of edits) {
            const at = Math.floor(where * xml.length);
            xml =
              n % 3 === 0
                ? xml.slice(0, at)
                : n % 3 === 1
                  ? xml.slice(0, at) + text + xml.slice(at)
                  : xml.slice(0, at) + xml.slice(at + n);
          }
          pkg.set(part, xml);
          const e = thrown(() => readPackageGrids(pkg));
          if (e !== null && !(e instanceof PackageError)) throw e;
        }
      ),
      { numRuns: 400, seed: 20221001 }
    );
  });

  test("the messages", () => {
    expect(message(rawPackage([{ name: "表", xml: good.slice(0, 200) }], parts))).toMatch(
      /^sheet '表' \(xl\/worksheets\/sheet1\.xml\) is damaged: its XML is cut off/
    );
    expect(
      message(
        rawPackage([{ name: "表", xml: good.replace('</c><c r="C1"', '</row><c r="C1"') }], parts)
      )
    ).toMatch(/^sheet '表' .* is damaged: a cell in row 1 is not closed/);
    expect(message(rawPackage([{ name: "缺失", xml: null }], parts))).toBe(
      "sheet '缺失' is missing from the package (its part xl/worksheets/sheet1.xml is not there); the package is damaged"
    );
    expect(
      message(
        rawPackage([{ name: "表", xml: good }], {
          ...parts,
          "xl/sharedStrings.xml": parts["xl/sharedStrings.xml"].slice(0, -10),
        })
      )
    ).toMatch(/^the shared string table \(xl\/sharedStrings\.xml\) is damaged/);
    expect(
      message(
        rawPackage([{ name: "表", xml: good }], {
          ...parts,
          "xl/styles.xml": parts["xl/styles.xml"].slice(0, 120),
        })
      )
    ).toMatch(/^the styles part \(xl\/styles\.xml\) is damaged/);
    const noRel = rawPackage([{ name: "表", xml: good }], parts);
    const pkg = ZipPackage.read(noRel);
    pkg.set("xl/workbook.xml", pkg.text("xl/workbook.xml")!.replace('r:id="rId1"', 'r:id="rId9"'));
    expect(thrown(() => readPackageGrids(pkg))).toEqual(
      new PackageError(
        "the workbook lists sheet '表' but does not say which part holds it; the package is damaged"
      )
    );
  });

  test("addresses past Excel's last row or column", () => {
    expect(
      message(rawPackage([{ name: "表", xml: sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>') }]))
    ).toMatch(/past Excel's last column XFD \(in row 1\)/);
    expect(
      message(rawPackage([{ name: "表", xml: sheet('<row r="1048577"><c><v>1</v></c></row>') }]))
    ).toMatch(/past Excel's last \(row 1048577\)/);
  });

  test("a damaged sheet outside the names asked for does not matter", () => {
    const bytes = rawPackage(
      [
        { name: "好", xml: good },
        { name: "坏", xml: good.slice(0, 100) },
        { name: "缺", xml: null },
      ],
      parts
    );
    expect(viaPackage(bytes, ["好"]).sheets.map((s) => s.name)).toEqual(["好"]);
  });

  test("a missing shared string table: its cells are left out, as ExcelJS does", async () => {
    const bytes = rawPackage([{ name: "表", xml: good }], {
      "xl/styles.xml": parts["xl/styles.xml"],
    });
    const grids = await expectSameGrids(bytes);
    expect(values(grids)).toEqual([[undefined, new Date(Date.UTC(2022, 8, 30)), "x"], [1]]);
  });

  test("a part whose compressed bytes are damaged", () => {
    const bytes = rawPackage([{ name: "表", xml: good + " ".repeat(2000) }], parts);
    // The sheet's local header: its signature 30 bytes before its name; the data follow the name.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    let name = buf.indexOf("xl/worksheets/sheet1.xml");
    while (buf.readUInt32LE(name - 30) !== 0x04034b50)
      name = buf.indexOf("xl/worksheets/sheet1.xml", name + 1);
    const at = name + 24 + 8;
    for (let i = at; i < at + 60; i++) bytes[i] ^= 0x5a;
    expect(message(bytes)).toMatch(/xl\/worksheets\/sheet1\.xml/);
  });
});

// --- pieces ---------------------------------------------------------------------------------------

describe("pieces", () => {
  test("built-in formats are ExcelJS's where it has one", () => {
    for (const [id, f] of Object.entries(exceljsFormats))
      if (f.f) expect([id, BUILTIN_NUM_FMTS[Number(id)]]).toEqual([id, f.f]);
  });

  test("where isDateFormat and ExcelJS's isDateFmt (after its backslash stripping) differ", () => {
    const exceljs = (f: string) => exceljsUtils.isDateFmt(f.replace(/[\\](.)/g, "$1"));
    const agree = [
      "yyyy-mm-dd",
      'yyyy"年"m"月"d"日"',
      "mm-dd-yy",
      "h:mm AM/PM",
      "[h]:mm:ss",
      '[$-804]yyyy"年"m"月"',
      'm"月"d"日"',
      "0.00%",
      "#,##0.00",
      '0.0"万元"',
      "@",
      "General",
      "G/通用格式",
      "[Red]0;[Blue]-0",
      '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
      "0.00E+00",
      '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    ];
    for (const f of agree) expect([f, isDateFormat(f)]).toEqual([f, exceljs(f)]);
    // ExcelJS says date, Excel does not: an escaped or padded letter, a date part only in a later section, a Thai year.
    for (const f of ["0.0\\h", "#,##0_m", '0;0;0;"x"yy', "bbbb"])
      expect([f, isDateFormat(f), exceljs(f)]).toEqual([f, false, true]);
    // Excel says date, ExcelJS does not: upper-case date parts without an M, an elapsed-time part alone.
    for (const f of ["YYYY/DD", "HH:SS", "[ss]"])
      expect([f, isDateFormat(f), exceljs(f)]).toEqual([f, true, false]);
  });

  test("serials: ExcelJS's arithmetic from March 1900 on, Excel's leap day before it, times of day alone at day 0", () => {
    for (const v of [61, 25569, 44834, 44834.604166666664, 2958465.9999999, 0.25])
      expect(serialToDate(v, false)).toEqual(exceljsUtils.excelToDate(v, false));
    expect(serialToDate(44834.123456789, true)).toEqual(
      exceljsUtils.excelToDate(44834.123456789, true)
    );
    expect(serialToDate(1, false)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(59, false)).toEqual(new Date(Date.UTC(1900, 1, 28)));
  });

  test("numbers read as parseFloat reads them", () => {
    const same = (text: string) =>
      expect([
        text,
        Object.is(numberAt(`<v>${text}</v>`, 3, 3 + text.length), parseFloat(text)),
      ]).toEqual([text, true]);
    fc.assert(fc.property(fc.double(), (d) => same(String(d))));
    fc.assert(fc.property(fc.stringMatching(/^-?\d{0,17}(\.\d{0,17})?$/), same));
    for (const t of [
      "-0",
      "0.1",
      ".5",
      "5.",
      "-",
      ".",
      "1.2.3",
      " 7",
      "1e400",
      "-1e-320",
      "123456789012345.6",
      "0.30000000000000004",
      "NaN",
    ])
      same(t);
  });

  test("a shared formula moved as ExcelJS moves it, text in quotes aside", () => {
    expect(slideFormula("SUM(A1:B$2)*$C3+LOG10(D4)+Sheet2!E5", 0, 0, 2, 1)).toBe(
      "SUM(B3:C$2)*$C5+LOG10(E6)+Sheet2!F7"
    );
    expect(slideFormula(`IF('Q3 data'!A1="Q3","it's",B1)`, 0, 0, 1, 0)).toBe(
      `IF('Q3 data'!A2="Q3","it's",B2)`
    );
    expect(slideFormula('"say ""A1"""&A1', 0, 0, 1, 1)).toBe('"say ""A1"""&B2');
  });

  test("readStyles: each cellXfs entry with its number format", () => {
    const bytes = rawPackage([{ name: "S", xml: sheet("") }], {
      "xl/styles.xml": xfStyles(
        [176, 31, 9, 7],
        '<numFmt numFmtId="176" formatCode="0.0&quot;万&quot;"/>'
      ),
    });
    expect(readStyles(ZipPackage.read(bytes)).cellXfs).toEqual([
      { numFmtId: 0, format: "General" },
      { numFmtId: 176, format: '0.0"万"' },
      { numFmtId: 31, format: 'yyyy"年"m"月"d"日"' },
      { numFmtId: 9, format: "0%" },
      { numFmtId: 7, format: undefined },
    ]);
  });
});

// How fast this is read is measured by `npm run bench`, not asserted here (a loaded machine is slow).
test("100,000 rows of 10 cells read whole, the last cell with its format", () => {
  const strings = Array.from({ length: 100 }, (_, i) => `<si><t>指标${i}</t></si>`);
  const cols = "ABCDEFGHIJ";
  const rows: string[] = [];
  for (let r = 1; r <= 100000; r++) {
    let cells = `<c r="A${r}" t="s"><v>${r % 100}</v></c>`;
    for (let c = 1; c < 10; c++)
      cells += `<c r="${cols[c]}${r}"${c === 9 ? ' s="1"' : ""}><v>${(r * 7 + c) / 4}</v></c>`;
    rows.push(`<row r="${r}" spans="1:10">${cells}</row>`);
  }
  const bytes = rawPackage([{ name: "大表", xml: sheet(rows.join("")) }], {
    "xl/sharedStrings.xml": sst(...strings),
    "xl/styles.xml": xfStyles([10]),
  });
  const grids = viaPackage(bytes);
  expect(grids.sheets[0].rows).toHaveLength(100000);
  expect(grids.sheets[0].rows[99999][9]).toEqual({ value: (100000 * 7 + 9) / 4, numFmt: "0.00%" });
});
