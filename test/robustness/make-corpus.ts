/**
 * The bad-input corpus: files a user might send, each with what the command line must answer
 * (docs/specification.md §10: exit 0 no error finding, 1 error findings, 2 the input could not be used).
 *
 *   node bin/run-ts.js test/robustness/make-corpus.ts OUT_DIR     writes every case, to try by hand
 *
 * Most workbooks are written with ExcelJS; what no spreadsheet program would save (numbers Excel
 * cannot hold, broken XML, missing parts) is written byte by byte (raw-xlsx.ts).
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXCEL_ERRORS } from "../../src/core/read/values";
import { rawWorkbook, sheetXml, zip, type RawCell } from "./raw-xlsx";
import { unzipSync, zipSync, type Zippable } from "fflate";

export interface CorpusCase {
  /** File name inside the corpus folder. */
  name: string;
  /** What the file is. */
  about: string;
  /** Exit status of `validate` and of `analyse --out`. */
  exit: 0 | 1 | 2;
  /** Exit 2: the one line on stderr must match. */
  error?: RegExp;
  /** Exit 0 or 1: rules that must be among the findings. */
  rules?: string[];
  /** A path that is not a file written by the corpus (missing file, folder). */
  special?: "missing" | "folder";
  bytes?: () => Promise<Uint8Array> | Uint8Array;
}

type Row = ExcelJS.CellValue[];

const HEADER = [
  "指标编码",
  "指标名称",
  "计量单位",
  "基期值",
  "目标值",
  "本期完成值",
  "上期完成值",
  "备注",
];

/** Two indicator rows that are valid (warnings at most). */
export const GOOD_ROWS: Row[] = [
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "按统计快报"],
  ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
];

/** A monitoring sheet: title, unit and period, a blank row, the header, the rows. */
export function monitoringRows(
  rows: Row[],
  unit = "合作市科技局",
  period = "2022年第三季度"
): Row[] {
  return [
    ["合作市创新型县建设指标监测表"],
    [`填报单位：${unit}`, null, null, "报告期", period],
    [],
    HEADER,
    ...rows,
  ];
}

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook, name: string, rows: Row[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(i + 1, c + 1).value = v;
    });
  });
  return ws;
}

const monitoringBook =
  (rows: Row[], name = "监测表") =>
  () =>
    book((wb) => sheet(wb, name, monitoringRows(rows)));

/** The same monitoring sheet as raw XML, for values ExcelJS would not write. */
function rawMonitoring(rows: RawCell[][]): Uint8Array {
  const top: RawCell[][] = [
    ["合作市创新型县建设指标监测表"],
    ["填报单位：合作市科技局", null, null, "报告期", "2022年第三季度"],
    [],
    HEADER,
  ];
  return rawWorkbook([["监测表", sheetXml([...top, ...rows])]]);
}

const valid = () => monitoringBook(GOOD_ROWS)();

/** Rows placed at the given row numbers, written in the order given. */
function sheetXmlInOrder(rowNumbers: number[], rows: RawCell[][]): string {
  const sparse: RawCell[][] = [];
  rows.forEach((r, i) => (sparse[rowNumbers[i] - 1] = r));
  const xml = sheetXml(sparse.map((r) => r ?? []));
  // sheetXml writes rows in order: move each <row> to the position asked for.
  const byNumber = new Map(
    Array.from(xml.matchAll(/<row r="(\d+)">.*?<\/row>/g), (m) => [Number(m[1]), m[0]] as const)
  );
  const ordered = rowNumbers.map((n) => byNumber.get(n)!).join("");
  return xml.replace(/<sheetData>.*<\/sheetData>/, `<sheetData>${ordered}</sheetData>`);
}

/**
 * The start of an OLE compound file (what Excel writes for .xls and for password-protected
 * workbooks) with the given stream names in its directory, as OLE writes them: UTF-16LE.
 */
function oleFile(streams: string[]): Uint8Array {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  streams.forEach((name, i) => Buffer.from(name, "utf16le").copy(b, 1024 + i * 128));
  return new Uint8Array(b);
}

/** Control characters other than tab, line feed and carriage return (XML 1.0 cannot carry them raw). */
const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
  .filter((c) => !"\t\n\r".includes(c))
  .join("");

export const CASES: CorpusCase[] = [
  // --- files that are not usable workbooks: exit 2, one line --------------------------------
  {
    name: "empty-file.xlsx",
    about: "an empty file",
    exit: 2,
    error: /empty|为空/,
    bytes: () => new Uint8Array(0),
  },
  {
    name: "text-named-xlsx.xlsx",
    about: "a text file named .xlsx",
    exit: 2,
    error: /not in \.xlsx format|不是 \.xlsx/,
    bytes: () => new TextEncoder().encode("指标名称,本期完成值\nR&D经费投入强度,1.1\n"),
  },
  {
    name: "truncated.xlsx",
    about: "a .xlsx cut off half way",
    exit: 2,
    error: /damaged|损坏/,
    bytes: async () => {
      const whole = await valid();
      return whole.slice(0, Math.floor(whole.length * 0.6));
    },
  },
  {
    name: "password-protected.xlsx",
    about: "a password-protected workbook (an OLE file holding an EncryptedPackage)",
    exit: 2,
    error: /password-protected \(encrypted\).*|已加密/,
    bytes: () => oleFile(["EncryptionInfo", "EncryptedPackage"]),
  },
  {
    // A real .xls under an .xlsx name is read by its content (docs/files.md); this one's compound
    // file is damaged, which is what the sentence must say.
    name: "old-format.xls.xlsx",
    about: "a damaged binary .xls workbook renamed to .xlsx",
    exit: 2,
    error: /damaged|损坏/,
    bytes: () => oleFile(["Workbook", "SummaryInformation"]),
  },
  {
    name: "zip-not-workbook.xlsx",
    about: "a zip archive with no workbook in it",
    exit: 2,
    error: /no worksheet|没有工作表/,
    bytes: () => zip({ "readme.txt": "这是一个压缩包" }),
  },
  {
    name: "broken-xml.xlsx",
    about: "a workbook whose sheet XML is cut off",
    exit: 2,
    error: /damaged|损坏/,
    bytes: () =>
      rawWorkbook([
        [
          "监测表",
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标',
        ],
      ]),
  },
  {
    name: "no-worksheets.xlsx",
    about: "a workbook with no sheet at all",
    exit: 2,
    error: /no worksheet|没有工作表/,
    bytes: () => rawWorkbook([]),
  },
  {
    // A part that would inflate more than a thousand times its size is refused before it is inflated.
    name: "zip-bomb.xlsx",
    about: "a sheet part of 64 MB of blanks deflated to a few dozen kB (a zip bomb)",
    exit: 2,
    error: /zip bomb/,
    bytes: () => {
      const parts: Zippable = unzipSync(rawWorkbook([["监测表", "<worksheet/>"]]));
      const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${" ".repeat(64 * 2 ** 20)}</worksheet>`;
      parts["xl/worksheets/sheet1.xml"] = [new TextEncoder().encode(sheet), { level: 9 }];
      return zipSync(parts);
    },
  },
  {
    name: "relationship-to-nowhere.xlsx",
    about: "a sheet whose relationship names a part the package lacks",
    exit: 2,
    error: /damaged|损坏/,
    bytes: () => {
      const parts = unzipSync(rawWorkbook([["监测表", "<worksheet/>"]]));
      delete parts["xl/worksheets/sheet1.xml"];
      return zipSync(parts);
    },
  },
  {
    name: "missing.xlsx",
    about: "a file that does not exist",
    exit: 2,
    error: /no such file|不存在/,
    special: "missing",
  },
  {
    name: "folder.xlsx",
    about: "a folder named .xlsx",
    exit: 2,
    error: /folder|文件夹/,
    special: "folder",
  },

  // --- workbooks with nothing to read: exit 1 ----------------------------------------------
  {
    name: "empty-sheet.xlsx",
    about: "a workbook whose only sheet is empty",
    exit: 1,
    rules: ["sheet_not_recognised"],
    bytes: () => book((wb) => wb.addWorksheet("Sheet1")),
  },
  {
    name: "no-header.xlsx",
    about: "figures with no header row",
    exit: 1,
    rules: ["sheet_not_recognised"],
    bytes: () =>
      book((wb) =>
        sheet(wb, "监测表", [
          ["A1", "R&D经费投入强度", "%", 1.1],
          ["C1", "市级众创空间", "家", 7],
        ])
      ),
  },
  {
    name: "headers-only.xlsx",
    about: "the header block and header row, no indicator row",
    exit: 0,
    bytes: monitoringBook([]),
  },

  // --- layouts the reader must see through --------------------------------------------------
  {
    name: "merged-cells.xlsx",
    about: "a merged title over the table and merged category cells",
    exit: 0,
    bytes: () =>
      book((wb) => {
        const ws = sheet(wb, "监测表", [
          ["合作市创新型县建设指标监测表"],
          ["填报单位：合作市科技局", null, null, "报告期", "2022年第三季度"],
          ["一级指标", ...HEADER],
          ["科技创新投入", ...GOOD_ROWS[0]],
          [null, "A2", "本级财政科技支出占一般公共预算支出比重", "%", 1.0, 1.31, 1.2, 1.1, ""],
          ["科技创新能力", ...GOOD_ROWS[1]],
        ]);
        ws.mergeCells("A1:I1");
        ws.mergeCells("A4:A5");
      }),
  },
  {
    name: "hidden-rows-and-sheets.xlsx",
    about: "hidden table rows and a hidden monitoring sheet",
    exit: 0,
    bytes: () =>
      book((wb) => {
        const ws = sheet(wb, "监测表", monitoringRows(GOOD_ROWS));
        ws.getRow(5).hidden = true;
        const hidden = sheet(
          wb,
          "隐藏表",
          monitoringRows([["C2", "省级科技企业孵化器", "个", 0, 1, 1, 0, ""]], "合作市科技局")
        );
        hidden.state = "hidden";
      }),
  },
  {
    name: "blank-rows-before-table.xlsx",
    about: "10,000 blank (formatted) rows before the table",
    exit: 0,
    bytes: () =>
      book((wb) => {
        const ws = wb.addWorksheet("监测表");
        for (let r = 1; r <= 10000; r++) ws.getRow(r).height = 15;
        monitoringRows(GOOD_ROWS).forEach((row, i) =>
          row.forEach((v, c) => {
            if (v !== null && v !== undefined) ws.getCell(10001 + i, c + 1).value = v;
          })
        );
      }),
  },
  {
    name: "two-tables.xlsx",
    about: "two tables in one sheet, one under the other",
    exit: 0,
    bytes: monitoringBook([GOOD_ROWS[0], [], ["注：下表为载体建设指标"], HEADER, GOOD_ROWS[1]]),
  },
  {
    name: "far-cell.xlsx",
    about: "a stray value in the last cell Excel has (XFD1048576)",
    exit: 0,
    bytes: () =>
      book((wb) => {
        const ws = sheet(wb, "监测表", monitoringRows(GOOD_ROWS));
        ws.getCell("XFD1048576").value = "末尾";
      }),
  },

  // --- values that are not numbers ----------------------------------------------------------
  {
    name: "excel-errors.xlsx",
    about: "every Excel error value, as error cells and typed as text",
    exit: 1,
    rules: ["formula_error"],
    bytes: () =>
      rawMonitoring(
        EXCEL_ERRORS.flatMap((e, i): RawCell[][] => [
          [
            `X${i}`,
            `自定义指标${i}`,
            "个",
            null,
            null,
            { xml: `<c r="{ref}" t="e"><v>${e}</v></c>` },
          ],
        ]).concat([
          [
            "C1",
            "市级众创空间",
            "家",
            { n: "0" },
            { n: "10" },
            { xml: '<c r="{ref}" t="e"><v>#DIV/0!</v></c>' },
          ],
          ["C2", "省级科技企业孵化器", "个", { n: "0" }, { n: "1" }, "#N/A"],
        ])
      ),
  },
  {
    name: "formulas-without-values.xlsx",
    about: "formulas whose cached values are missing",
    exit: 1,
    rules: ["missing_value"],
    bytes: () =>
      rawMonitoring([
        [
          "C1",
          "市级众创空间",
          "家",
          { n: "0" },
          { n: "10" },
          { xml: '<c r="{ref}"><f>D5+7</f></c>' },
        ],
        [
          "C2",
          "省级科技企业孵化器",
          "个",
          { n: "0" },
          { n: "1" },
          { xml: '<c r="{ref}" t="str"><f>"1"</f></c>' },
        ],
      ]),
  },
  {
    name: "dates-for-numbers.xlsx",
    about: "dates typed where numbers belong",
    exit: 1,
    rules: ["unparseable_number"],
    bytes: monitoringBook([
      ["C1", "市级众创空间", "家", 0, 10, new Date(Date.UTC(2022, 8, 30)), 6, ""],
      ["C2", "省级科技企业孵化器", "个", 0, new Date(Date.UTC(2023, 11, 31)), 1, 0, ""],
    ]),
  },
  {
    name: "numbers-as-text.xlsx",
    about: "numbers stored as text, with spaces and full-width characters",
    exit: 0,
    bytes: monitoringBook([
      ["A1", "R&D经费投入强度", "%", " 0.85 ", "１．４２", "　1.1　", "1.0 %", ""],
      ["C1", "市级众创空间", "家", "0", "１０", " ７ ", "６", ""],
      ["F4", "优质青稞种植面积", "亩", "56,000", " 50000 ", "5.6万", "５．５万亩", ""],
    ]),
  },
  {
    name: "absurd-magnitudes.xlsx",
    about: "1e308, -0, numbers beyond a double, NaN and Infinity as text",
    exit: 1,
    rules: ["unparseable_number", "out_of_range"],
    bytes: () =>
      rawMonitoring([
        ["C1", "市级众创空间", "家", { n: "-0" }, { n: "10" }, { n: "1e308" }, { n: "-0" }],
        ["C2", "省级科技企业孵化器", "个", { n: "0" }, { n: "1" }, { n: "1e400" }],
        ["C3", "市级孵化器", "个", { n: "0" }, { n: "2" }, "NaN"],
        ["C4", "省级技术创新中心", "个", { n: "0" }, { n: "2" }, "Infinity"],
        ["C5", "重点实验室", "个", { n: "0" }, { n: "1" }, { n: "-1e-320" }],
        [
          "A1",
          "R&D经费投入强度",
          "%",
          { n: "0.85" },
          { n: "1.42" },
          { n: "-1.7976931348623157e308" },
        ],
        ["F4", "优质青稞种植面积", "亩", { n: "56000" }, { n: "50000" }, "9".repeat(400)],
      ]),
  },
  {
    name: "booleans.xlsx",
    about: "TRUE and FALSE where numbers belong",
    exit: 1,
    rules: ["unparseable_number"],
    bytes: monitoringBook([["C1", "市级众创空间", "家", 0, 10, true, false, ""]]),
  },
  {
    name: "long-strings.xlsx",
    about: "cells of 32,767 characters (Excel's limit)",
    exit: 1,
    rules: ["unknown_indicator", "unparseable_number"],
    bytes: monitoringBook([
      [
        "C1",
        "市级众创空间",
        "家",
        0,
        10,
        "7".repeat(16000) + "件".repeat(16767),
        6,
        "说明".repeat(16383),
      ],
      ["X9", "长".repeat(32767), "个", 0, 1, 1, 0, ""],
    ]),
  },
  {
    name: "control-characters.xlsx",
    about: "control characters in names, units, values and remarks",
    exit: 1,
    rules: ["unparseable_number"],
    bytes: () =>
      rawMonitoring(
        [
          [
            "C1",
            `市级众创空间${CONTROL.slice(0, 5)}`,
            "家",
            { n: "0" },
            { n: "10" },
            "7",
            { n: "6" },
            `备注${CONTROL}`.replace(/[\u0000]/g, ""),
          ],
          ["C2", "省级科技企业孵化器", "个", { n: "0" }, { n: "1" }, `1\u0007`],
        ].map((r) =>
          r.map((c) =>
            typeof c === "string"
              ? c.replace(
                  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
                  (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`
                )
              : c
          )
        )
      ),
  },
  {
    name: "right-to-left.xlsx",
    about: "Arabic and Hebrew text, direction marks around names and numbers",
    exit: 0,
    rules: ["unknown_indicator"],
    bytes: monitoringBook([
      ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "مؤشر البحث والتطوير \u200fשלום\u200f"],
      ["X1", "مؤشر الابتكار", "个", 0, 1, 1, 0, ""],
      ["C1", "\u200f市级众创空间\u200e", "家", 0, 10, 7, 6, ""],
    ]),
  },
  {
    name: "emoji.xlsx",
    about: "emoji in the unit, names, remarks and a value",
    exit: 1,
    rules: ["unparseable_number"],
    bytes: () =>
      book((wb) =>
        sheet(
          wb,
          "监测表🚀",
          monitoringRows(
            [
              ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "进展顺利👍🏽"],
              ["C1", "市级众创空间", "家", 0, 10, "📈7", 6, ""],
              ["X2", "👩‍🔬科研人员", "人", 0, 1, 1, 0, ""],
            ],
            "合作市科技局🏛️"
          )
        )
      ),
  },
  {
    name: "formula-text.xlsx",
    about: "text that looks like formulas (=, +, -, @, tab) in names, values and remarks",
    exit: 1,
    rules: ["unknown_indicator", "unparseable_number"],
    bytes: monitoringBook([
      ["C1", "市级众创空间", "家", 0, 10, "=1+1", 6, '=HYPERLINK("http://example.com","x")'],
      ["X1", "=1+1", "个", 0, 1, "+1", 0, "@SUM(A1)"],
      ["X2", "+cmd|' /C calc'!A0", "个", 0, 1, 1, 0, "-1"],
      ["X3", "@SUM(A1)", "个", 0, 1, "\t=1", 0, "\t=1"],
    ]),
  },
  {
    name: "rich-text-and-links.xlsx",
    about: "rich-text names and a hyperlink remark",
    exit: 0,
    bytes: () =>
      book((wb) => {
        const ws = sheet(wb, "监测表", monitoringRows(GOOD_ROWS));
        ws.getCell("B5").value = {
          richText: [{ text: "R&D经费", font: { bold: true } }, { text: "投入强度" }],
        };
        ws.getCell("H6").value = { text: "台账", hyperlink: "https://example.com/ledger" };
      }),
  },
  {
    name: "quoted-sheet-name.xlsx",
    about: "a sheet name with an apostrophe and an exclamation mark, holding an error",
    exit: 1,
    rules: ["unparseable_number"],
    bytes: monitoringBook([["C1", "市级众创空间", "家", 0, 10, "见附件", 6, ""]], "科技局's 表!"),
  },
  {
    name: "merge-over-values.xlsx",
    about: "a merged range over a row of figures (only the first cell keeps its value)",
    exit: 1,
    rules: ["missing_value"],
    bytes: () =>
      book((wb) => {
        const ws = sheet(
          wb,
          "监测表",
          monitoringRows([...GOOD_ROWS, ["C2", "省级科技企业孵化器", "个", 0, 1, 1, 0, ""]])
        );
        ws.mergeCells("E7:H7");
      }),
  },
  {
    name: "missing-shared-strings.xlsx",
    about: "shared-string cells whose string table is missing",
    exit: 1,
    rules: ["missing_value"],
    bytes: () =>
      rawMonitoring([
        [
          "C1",
          "市级众创空间",
          "家",
          { n: "0" },
          { n: "10" },
          { xml: '<c r="{ref}" t="s"><v>99</v></c>' },
        ],
      ]),
  },
  {
    name: "rows-out-of-order.xlsx",
    about: "rows stored out of order, the table before its header block",
    exit: 0,
    bytes: () =>
      rawWorkbook([
        [
          "监测表",
          sheetXmlInOrder(
            [5, 1, 4],
            [
              ["C1", "市级众创空间", "家", { n: "0" }, { n: "10" }, { n: "7" }],
              ["填报单位：合作市科技局", null, null, "报告期", "2022年第三季度"],
              ["指标编码", "指标名称", "计量单位", "基期值", "目标值", "本期完成值"],
            ]
          ),
        ],
      ]),
  },
  {
    // Cells may omit their address (r="…") in the file format: each follows on from the one
    // before, as Excel reads them. The table is read; its header block lacks unit and period.
    name: "cells-without-addresses.xlsx",
    about: "cells that omit their address, as some generators write them",
    exit: 1,
    rules: ["missing_period"],
    bytes: () =>
      rawWorkbook([
        [
          "监测表",
          `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>指标名称</t></is></c><c t="inlineStr"><is><t>本期完成值</t></is></c></row><row r="2"><c t="inlineStr"><is><t>市级众创空间</t></is></c><c><v>7</v></c></row></sheetData></worksheet>`,
        ],
      ]),
  },
  {
    name: "user-sheet-named-gap-analysis.xlsx",
    about: "a user's own monitoring sheet named 差距分析, like a product sheet",
    exit: 0,
    bytes: monitoringBook(GOOD_ROWS, "差距分析"),
  },
  {
    name: "user-annotation-store.xlsx",
    about: "a user sheet named like the product's hidden store, holding junk",
    exit: 1,
    rules: ["unparseable_number"],
    bytes: () =>
      book((wb) => {
        sheet(wb, "监测表", monitoringRows([["C1", "市级众创空间", "家", 0, 10, "见附件", 6, ""]]));
        sheet(wb, "_标注备份", [
          ["随便写的"],
          ["监测表", "F5", 12, { error: "#REF!" }, "{not json"],
          [null, "!!!", true],
        ]);
      }),
  },
  {
    name: "many-sheets.xlsx",
    about: "300 sheets, none of them a monitoring sheet",
    exit: 1,
    rules: ["sheet_not_recognised"],
    bytes: () =>
      book((wb) => {
        for (let i = 1; i <= 300; i++) sheet(wb, `Sheet${i}`, [[`第${i}页`], [i]]);
      }),
  },
];

/** Writes every case into `dir`; returns the path of each (missing and folder cases included). */
export async function writeCorpus(dir: string): Promise<{ file: string; c: CorpusCase }[]> {
  await fs.mkdir(dir, { recursive: true });
  const out: { file: string; c: CorpusCase }[] = [];
  for (const c of CASES) {
    const file = path.join(dir, c.name);
    if (c.special === "folder") await fs.mkdir(file, { recursive: true });
    else if (c.special !== "missing") await fs.writeFile(file, await c.bytes!());
    out.push({ file, c });
  }
  return out;
}

// Run as a script (bin/run-ts.js puts the script's path in argv[1]); imported by the tests otherwise.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: make-corpus.ts OUT_DIR\n");
    process.exitCode = 2;
  } else {
    writeCorpus(dir).then((files) => process.stdout.write(`${files.length} cases in ${dir}\n`));
  }
}
