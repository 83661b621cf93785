/**
 * The other formats (.xls/.et, .ods, .csv): the fixtures of test/fixtures/formats (made from
 * samples by scripts/make-format-fixtures.sh with LibreOffice) give the same findings, indicator
 * values and scores as their .xlsx sources; the readers' edges are tested on hand-built files.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Cell, SheetGrid, WorkbookGrids } from "../../src/core/model/cells";
import { analyseWorkbook, toJsonDocument, validateWorkbook } from "../../src/core/engine";
import { isPercentFormat } from "../../src/core/read/values";
import { isDateFormat } from "../../src/workbook/shared/number-format";
import { ZipPackage } from "../../src/workbook/package/zip";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { CompoundFile } from "../../src/workbook/formats/cfb";
import {
  FormatError,
  detectFormat,
  readCsv,
  readOds,
  readOtherFormat,
  readXls,
} from "../../src/workbook/formats";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "formats");

/** Each fixture's .xlsx source (the script's table, mirrored). */
const SOURCES: Record<string, string> = {
  "01": "samples/01-市科技局-2022Q3.xlsx",
  "02": "samples/02-那吾镇-2022Q3.xlsx",
  "03": "samples/03-勒秀镇-2022年度-宽表.xlsx",
  "04": "samples/04-市农业农村局-2022Q3-有错误.xlsx",
  "q3-lexiu": "samples/2022Q3/勒秀镇-2022Q3.xlsx",
  "q3-gongxin": "samples/2022Q3/市工信局-2022Q3.xlsx",
  "05-formats": "test/fixtures/formats/05-formats.xlsx",
};

async function bytesOf(file: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(file));
}

const xlsxCache = new Map<string, Promise<WorkbookGrids>>();
function xlsxGrids(name: string): Promise<WorkbookGrids> {
  if (!xlsxCache.has(name)) {
    xlsxCache.set(
      name,
      bytesOf(path.join(ROOT, SOURCES[name])).then(async (b) =>
        (await XlsxWorkbook.fromBuffer(b)).readSheets()
      )
    );
  }
  return xlsxCache.get(name)!;
}

async function fixture(file: string): Promise<WorkbookGrids> {
  return readOtherFormat(await bytesOf(path.join(FIXTURES, file)), file);
}

/** What `validate --json` and `analyse --json` print for the grids (src/cli/commands/run.ts). */
function documents(grids: WorkbookGrids): { validate: object; analyse: object } {
  return {
    validate: toJsonDocument(validateWorkbook(grids), "validate"),
    analyse: toJsonDocument(analyseWorkbook(grids), "analyse"),
  };
}

/** A cell as the core judges it: its value, and whether its format makes it a percent or a date. */
function meaning(c: Cell): unknown {
  const v = c.value instanceof Date ? `date:${c.value.toISOString()}` : c.value;
  return [v, isPercentFormat(c.numFmt), isDateFormat(c.numFmt)];
}

/**
 * A grid cell by cell, without what no format but .xlsx keeps: formula text (BIFF and ODF hold
 * no Excel formula text, and the core never reads it), and empty-text cells, which LibreOffice
 * drops when it converts (a '' cell is blank to the core either way).
 */
function cellsOf(grid: SheetGrid): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  grid.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && c.value !== "") out[`${r},${col}`] = meaning(c);
    })
  );
  return out;
}

const fixtureNames = Object.keys(SOURCES);

describe.each(
  fixtureNames.flatMap((n) => [
    [`${n}.xls`, n],
    [`${n}.ods`, n],
  ])
)("%s", (file, source) => {
  it("holds the same sheets and cells as its .xlsx source", async () => {
    const [got, want] = await Promise.all([fixture(file), xlsxGrids(source)]);
    expect(got.sheets.map((s) => [s.name, !!s.hidden])).toEqual(
      want.sheets.map((s) => [s.name, !!s.hidden])
    );
    got.sheets.forEach((s, i) => expect(cellsOf(s)).toEqual(cellsOf(want.sheets[i])));
  });

  it("gives the same findings, indicator values and scores as validate/analyse --json on the .xlsx", async () => {
    const [got, want] = await Promise.all([fixture(file), xlsxGrids(source)]);
    expect(documents(got)).toEqual(documents(want));
  });
});

describe("02.et (WPS: BIFF8 in a compound file, here a copy of 02.xls)", () => {
  it("reads as the .xls and gives the .xlsx findings", async () => {
    const et = await fixture("02.et");
    expect(detectFormat(await bytesOf(path.join(FIXTURES, "02.et")), "02.et")).toBe("xls");
    expect(et).toEqual(await fixture("02.xls"));
    expect(documents(et)).toEqual(documents(await xlsxGrids("02")));
  });

  it("reads a workbook stream beside the extra streams WPS adds", async () => {
    const workbook = CompoundFile.read(await bytesOf(path.join(FIXTURES, "02.et"))).stream(
      "Workbook"
    )!;
    const et = compoundFile([
      { name: "\u0005SummaryInformation", data: new Uint8Array(300).fill(1) },
      { name: "ETExtData", data: new Uint8Array(5000).fill(2) },
      { name: "Workbook", data: workbook },
      { name: "WpsCustomData", data: new Uint8Array(100).fill(3) },
    ]);
    expect(readOtherFormat(et, "那吾镇.et")).toEqual(await fixture("02.xls"));
  });
});

/**
 * A CSV holds one sheet (LibreOffice writes the first) named after the file, and values as shown.
 * The expectation is the .xlsx's first sheet under the file's name: the other sheets (审核记录,
 * a hidden sheet) are the only other difference, and they are gone from a CSV by its nature.
 */
function asCsv(want: WorkbookGrids, name: string): WorkbookGrids {
  return { sheets: [{ ...want.sheets[0], name, hidden: undefined }] };
}

describe.each(fixtureNames.map((n) => [`${n}.csv`, n]))("%s", (file, source) => {
  it("holds the first sheet of its source under the file name", async () => {
    const [got, want] = await Promise.all([fixture(file), xlsxGrids(source)]);
    expect(got.sheets.map((s) => s.name)).toEqual([source]);
    const expected = cellsOf(want.sheets[0]);
    if (source === "05-formats") {
      // A date shown as 2022年9月30日 comes back as that text (only ISO-like dates are read as dates).
      expect(cellsOf(got.sheets[0])["21,8"]).toEqual(["2022年9月30日", false, false]);
      expected["21,8"] = ["2022年9月30日", false, false];
    }
    expect(cellsOf(got.sheets[0])).toEqual(expected);
  });

  it("gives the findings and scores of the source's first sheet", async () => {
    const [got, want] = await Promise.all([fixture(file), xlsxGrids(source)]);
    expect(documents(got)).toEqual(documents(asCsv(want, source)));
  });
});

describe.each([
  ["01-gbk.csv", "01.csv"],
  ["04-gbk.csv", "04.csv"],
])("%s (GBK, as Chinese Excel writes CSV)", (gbk, utf8) => {
  it("reads as the UTF-8 CSV, sheet name aside", async () => {
    const a = await fixture(gbk);
    const b = await fixture(utf8);
    expect(a.sheets[0].rows).toEqual(b.sheets[0].rows);
  });
});

// --- hand-built BIFF and compound files ---------------------------------------------------------

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const f64le = (n: number) => Array.from(new Uint8Array(new Float64Array([n]).buffer));
const utf16 = (s: string) => Array.from(Buffer.from(s, "utf16le"));
const latin = (s: string) => Array.from(Buffer.from(s, "latin1"));
function rec(type: number, data: number[]): number[] {
  return [...le16(type), ...le16(data.length), ...data];
}
/** A BIFF8 ShortXLUnicodeString (8-bit length), 16-bit characters. */
const short16 = (s: string) => [s.length, 1, ...utf16(s)];
/** A BIFF8 XLUnicodeString (16-bit length), 16-bit characters. */
const long16 = (s: string) => [...le16(s.length), 1, ...utf16(s)];

/** A BIFF stream: globals (given records, BOUNDSHEETs added) then one substream per sheet. */
function biffStream(
  version: 0x0600 | 0x0500,
  globals: number[][],
  sheets: { name: number[]; hidden?: boolean; cells: number[][] }[]
): Uint8Array {
  const bof = (type: number) =>
    rec(0x0809, [
      ...le16(version),
      ...le16(type),
      ...new Array(version === 0x0600 ? 12 : 4).fill(0),
    ]);
  const eof = rec(0x000a, []);
  const head = [...bof(0x0005), ...globals.flat()];
  const sheetRecs = sheets.map((s) => [...le32(0), s.hidden ? 1 : 0, 0, ...s.name]);
  const globalsLength = head.length + sheetRecs.reduce((n, d) => n + 4 + d.length, 0) + eof.length;
  const bodies = sheets.map((s) => [...bof(0x0010), ...s.cells.flat(), ...eof]);
  let pos = globalsLength;
  const bound = sheetRecs.map((d, i) => {
    const withPos = [...le32(pos), ...d.slice(4)];
    pos += bodies[i].length;
    return rec(0x0085, withPos);
  });
  return new Uint8Array([...head, ...bound.flat(), ...eof, ...bodies.flat()]);
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;

/**
 * A version 3 compound file: streams of 4096 bytes and more in regular sectors, smaller ones in the
 * mini stream, then mini FAT, directory and FAT sectors (the FAT at the end).
 */
function compoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SS = 512;
  const sectors: Uint8Array[] = [];
  const fat: number[] = [];
  const place = (data: Uint8Array): number => {
    if (data.length === 0) return ENDOFCHAIN;
    const first = sectors.length;
    for (let o = 0; o < data.length; o += SS) {
      const s = new Uint8Array(SS);
      s.set(data.subarray(o, o + SS));
      sectors.push(s);
      fat.push(o + SS < data.length ? sectors.length : ENDOFCHAIN);
    }
    return first;
  };
  const starts: number[] = [];
  const mini: number[] = [];
  const miniFat: number[] = [];
  for (const s of streams) {
    if (s.data.length >= 4096) {
      starts.push(place(s.data));
      continue;
    }
    const first = mini.length / 64;
    starts.push(s.data.length ? first : ENDOFCHAIN);
    const padded = Math.ceil(s.data.length / 64) * 64;
    mini.push(...s.data, ...new Array(padded - s.data.length).fill(0));
    for (let k = 0; k < padded / 64; k++)
      miniFat.push(k + 1 < padded / 64 ? first + k + 1 : ENDOFCHAIN);
  }
  const miniStart = place(new Uint8Array(mini));
  const miniFatBytes = new Uint8Array(miniFat.flatMap(le32));
  const miniFatStart = place(miniFatBytes);
  const entry = (
    name: string,
    type: number,
    right: number,
    child: number,
    start: number,
    size: number
  ) => {
    const e = new Uint8Array(128);
    e.set(utf16(name), 0);
    e.set(le16((name.length + 1) * 2), 64);
    e[66] = type;
    e.set([...le32(FREESECT), ...le32(right), ...le32(child)], 68);
    e.set([...le32(start), ...le32(size)], 116);
    return Array.from(e);
  };
  const dir = [
    ...entry("Root Entry", 5, FREESECT, streams.length ? 1 : FREESECT, miniStart, mini.length),
    ...streams.flatMap((s, i) =>
      entry(
        s.name,
        2,
        i + 2 <= streams.length ? i + 2 : FREESECT,
        FREESECT,
        starts[i],
        s.data.length
      )
    ),
  ];
  const dirStart = place(new Uint8Array(dir));
  // FAT sectors: enough for every sector, themselves included.
  let fatCount = 1;
  while (sectors.length + fatCount > fatCount * (SS / 4)) fatCount++;
  const fatIds = Array.from({ length: fatCount }, (_, k) => sectors.length + k);
  const table = [...fat, ...fatIds.map(() => 0xfffffffd)];
  while (table.length < fatCount * (SS / 4)) table.push(FREESECT);
  for (let k = 0; k < fatCount; k++)
    sectors.push(new Uint8Array(table.slice(k * 128, k * 128 + 128).flatMap(le32)));
  const header = new Uint8Array(SS);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  header.set([...le16(0x3e), ...le16(3), 0xfe, 0xff, ...le16(9), ...le16(6)], 24);
  header.set([...le32(0), ...le32(fatCount), ...le32(dirStart), ...le32(0), ...le32(4096)], 40);
  header.set(
    [
      ...le32(miniFat.length ? miniFatStart : ENDOFCHAIN),
      ...le32(Math.ceil(miniFatBytes.length / SS)),
    ],
    60
  );
  header.set([...le32(ENDOFCHAIN), ...le32(0)], 68);
  for (let i = 0; i < 109; i++) header.set(le32(i < fatCount ? fatIds[i] : FREESECT), 76 + 4 * i);
  const out = new Uint8Array(SS * (sectors.length + 1));
  out.set(header);
  sectors.forEach((s, i) => out.set(s, SS * (i + 1)));
  return out;
}

const BIFF8_GLOBALS_BASE = [rec(0x0042, le16(1200))];

describe("compound files", () => {
  const big = new Uint8Array(5000).fill(7);
  const file = () =>
    compoundFile([
      { name: "Workbook", data: big },
      { name: "Small", data: new Uint8Array([1, 2, 3]) },
    ]);

  it("reads regular and mini streams, names without case", () => {
    const cf = CompoundFile.read(file());
    expect(cf.streamNames().sort()).toEqual(["Small", "Workbook"]);
    expect(cf.stream("WORKBOOK")).toEqual(big);
    expect(cf.stream("small")).toEqual(new Uint8Array([1, 2, 3]));
    expect(cf.stream("Book")).toBeUndefined();
  });

  it("refuses a FAT whose chain loops, with one sentence", () => {
    const bytes = file();
    // The Workbook stream starts at sector 0; the FAT sector is named first in the header's DIFAT.
    const fatSector = new DataView(bytes.buffer).getUint32(76, true);
    new DataView(bytes.buffer).setUint32(512 * (fatSector + 1), 0, true); // sector 0 → sector 0
    expect(() => CompoundFile.read(bytes).stream("Workbook")).toThrow(FormatError);
    expect(() => CompoundFile.read(bytes).stream("Workbook")).toThrow(/loops/);
    expect(() => readOtherFormat(bytes, "a.xls")).toThrow(FormatError);
  });

  it("refuses a directory chain that loops or points past the end", () => {
    const bytes = file();
    const view = new DataView(bytes.buffer);
    const dirSector = view.getUint32(48, true);
    const fatSector = view.getUint32(76, true);
    view.setUint32(512 * (fatSector + 1) + 4 * dirSector, dirSector, true);
    expect(() => CompoundFile.read(bytes)).toThrow(/loops/);
    const far = file();
    new DataView(far.buffer).setUint32(48, 100000, true);
    expect(() => CompoundFile.read(far)).toThrow(/outside the file/);
  });

  it("refuses truncated files", async () => {
    const xls = await bytesOf(path.join(FIXTURES, "01.xls"));
    for (const n of [100, 600, 3000, Math.floor(xls.length / 2), xls.length - 600]) {
      expect(() => readOtherFormat(xls.subarray(0, n), "01.xls")).toThrow(FormatError);
    }
    try {
      readOtherFormat(xls.subarray(0, Math.floor(xls.length / 2)), "01.xls");
    } catch (e) {
      expect((e as Error).message).toMatch(
        /^the file is damaged or truncated \([^)]*\); save it again in Excel or WPS$/
      );
    }
  });
});

describe("detectFormat", () => {
  it("goes by content: an .xls named .xlsx is an .xls, an .xlsx named .xls an .xlsx", async () => {
    const xls = await bytesOf(path.join(FIXTURES, "01.xls"));
    const xlsx = await bytesOf(path.join(ROOT, SOURCES["01"]));
    expect(detectFormat(xls, "01.xlsx")).toBe("xls");
    expect(readOtherFormat(xls, "01.xlsx")).toEqual(readXls(xls));
    expect(detectFormat(xlsx, "01.xls")).toBe("xlsx");
    expect(() => readOtherFormat(xlsx, "01.xls")).toThrow(/\.xlsx reader/);
    expect(detectFormat(await bytesOf(path.join(FIXTURES, "01.ods")), "01.xlsx")).toBe("ods");
  });

  it("takes the name as a hint for text only", () => {
    const text = new TextEncoder().encode("a,b\n1,2\n");
    expect(detectFormat(text, "x.csv")).toBe("csv");
    expect(detectFormat(text)).toBe("csv");
    expect(detectFormat(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8]), "x.xls")).toBe("unknown");
    const html = new TextEncoder().encode("<html><table><tr><td>1</td></tr></table></html>");
    expect(detectFormat(html, "x.xls")).toBe("unknown");
    expect(() => readOtherFormat(html, "x.xls")).toThrow(/web page/);
    expect(() => readOtherFormat(new Uint8Array(0), "x.csv")).toThrow(/empty/);
  });

  it("calls an OLE file with an EncryptedPackage an encrypted workbook", () => {
    const bytes = compoundFile([
      { name: "EncryptionInfo", data: new Uint8Array(200) },
      { name: "EncryptedPackage", data: new Uint8Array(5000) },
    ]);
    expect(detectFormat(bytes, "a.xlsx")).toBe("encrypted");
    expect(() => readOtherFormat(bytes, "a.xlsx")).toThrow(/password-protected/);
  });
});

describe("BIFF8 records", () => {
  it("refuses an encrypted .xls (FILEPASS) as password-protected", () => {
    const stream = biffStream(
      0x0600,
      [rec(0x002f, [1, 0, 1, 0, ...new Array(50).fill(0)]), ...BIFF8_GLOBALS_BASE],
      [{ name: short16("S"), cells: [] }]
    );
    const bytes = compoundFile([{ name: "Workbook", data: stream }]);
    expect(detectFormat(bytes, "a.xls")).toBe("encrypted");
    expect(() => readOtherFormat(bytes, "a.xls")).toThrow(/^the workbook is password-protected/);
    expect(() => readXls(bytes)).toThrow(FormatError);
  });

  it("reads SST strings split over CONTINUE records, 8-bit to 16-bit at the boundary, with rich-text and phonetic bytes", () => {
    // String 0 "abcdef": 8-bit, split after "abc"; the CONTINUE's option byte switches to 16-bit.
    // String 1 "统计表": 16-bit with 2 rich-text runs and 6 phonetic bytes, the runs cut by a CONTINUE.
    // String 2 "ok": starts a CONTINUE (no option byte before its header).
    const sst = [...le32(3), ...le32(3), ...le16(6), 0x00, ...latin("abc")];
    const cont1 = [
      0x01,
      ...utf16("def"),
      ...le16(3),
      0x0d,
      ...le16(2),
      ...le32(6),
      ...utf16("统计表"),
      1,
      0,
      0,
      0,
    ];
    const cont2 = [0, 0, 0, 0, 1, 2, 3, 4, 5, 6];
    const cont3 = [...le16(2), 0x00, ...latin("ok")];
    const cells = [0, 1, 2].map((i) =>
      rec(0x00fd, [...le16(i), ...le16(0), ...le16(0), ...le32(i)])
    );
    const stream = biffStream(
      0x0600,
      [
        ...BIFF8_GLOBALS_BASE,
        rec(0x00fc, sst),
        rec(0x003c, cont1),
        rec(0x003c, cont2),
        rec(0x003c, cont3),
      ],
      [{ name: short16("表"), cells }]
    );
    const grids = readXls(compoundFile([{ name: "Workbook", data: stream }]));
    expect(grids.sheets[0].name).toBe("表");
    expect(grids.sheets[0].rows.map((r) => r[0]?.value)).toEqual(["abcdef", "统计表", "ok"]);
  });

  it("reads numbers, formats, dates (1904), formula results, errors, merges and hidden sheets", () => {
    const xf = (fmt: number) => rec(0x00e0, [...le16(0), ...le16(fmt), ...new Array(16).fill(0)]);
    const globals = [
      ...BIFF8_GLOBALS_BASE,
      rec(0x0022, le16(1)), // DATEMODE: 1904
      rec(0x041e, [...le16(164), ...long16("0.0%")]),
      xf(0),
      xf(164),
      xf(31),
      xf(14),
      xf(10),
    ];
    const cell = (type: number, row: number, col: number, xfi: number, rest: number[]) =>
      rec(type, [...le16(row), ...le16(col), ...le16(xfi), ...rest]);
    const formula = (row: number, col: number, result: number[]) =>
      cell(0x0006, row, col, 0, [...result, 0, 0, 0, 0, 0, 0, ...le16(0)]);
    const rk = (n: number) => le32(((n << 2) | 2) >>> 0);
    const cells = [
      cell(0x0203, 0, 0, 1, f64le(0.125)), // NUMBER 0.0%
      cell(0x027e, 0, 1, 0, rk(42)), // RK integer
      cell(0x027e, 0, 2, 4, le32(((1234 << 2) | 3) >>> 0)), // RK 12.34 (×100 flag), 0.00%
      rec(0x00bd, [...le16(1), ...le16(0), ...le16(0), ...rk(7), ...le16(1), ...rk(8), ...le16(1)]), // MULRK A2, B2
      cell(0x0203, 2, 0, 2, f64le(42_000)), // built-in 31 (zh-CN yyyy"年"m"月"d"日"), 1904 system
      cell(0x0203, 2, 1, 3, f64le(0)), // built-in 14, serial 0 in 1904 = 1904-01-01
      formula(3, 0, [0, 0, 0, 0, 0, 0, 0xff, 0xff]), // string result, in the STRING record after
      rec(0x04bc, [0, 0]), // a SHRFMLA between FORMULA and STRING
      rec(0x0207, long16("合计")),
      formula(3, 1, [1, 0, 1, 0, 0, 0, 0xff, 0xff]), // TRUE
      formula(3, 2, [2, 0, 0x07, 0, 0, 0, 0xff, 0xff]), // #DIV/0!
      formula(3, 3, f64le(61.5)),
      formula(3, 4, [3, 0, 0, 0, 0, 0, 0xff, 0xff]), // empty result
      cell(0x0205, 4, 0, 0, [0x2a, 1]), // BOOLERR #N/A
      cell(0x0205, 4, 1, 0, [0, 0]), // BOOLERR FALSE
      cell(0x0204, 5, 0, 0, long16("标题")), // LABEL
      cell(0x0204, 5, 1, 0, long16("被合并")), // a merged non-master with a value of its own
      rec(0x00e5, [...le16(1), ...le16(5), ...le16(6), ...le16(0), ...le16(2)]), // A6:C7
      rec(0x0201, [...le16(9), ...le16(0), ...le16(0)]), // BLANK: no cell
    ];
    const stream = biffStream(0x0600, globals, [
      { name: short16("数据"), cells },
      { name: short16("隐藏"), hidden: true, cells: [cell(0x0204, 0, 0, 0, long16("x"))] },
      { name: short16("_标注备份"), hidden: true, cells: [cell(0x0204, 0, 0, 0, long16("y"))] },
    ]);
    const grids = readXls(compoundFile([{ name: "Workbook", data: stream }]));
    expect(grids.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["数据", false],
      ["隐藏", true],
    ]);
    const rows = grids.sheets[0].rows;
    expect(rows[0]).toEqual([
      { value: 0.125, numFmt: "0.0%" },
      { value: 42 },
      { value: 12.34, numFmt: "0.00%" },
    ]);
    expect(rows[1]).toEqual([{ value: 7 }, { value: 8, numFmt: "0.0%" }]);
    // Serial 42000 in the 1904 system is serial 43462 in the 1900 system: 2018-12-28.
    expect(rows[2]).toEqual([
      { value: new Date(Date.UTC(2018, 11, 28)), numFmt: 'yyyy"年"m"月"d"日"' },
      { value: new Date(Date.UTC(1904, 0, 1)), numFmt: "mm-dd-yy" },
    ]);
    expect(rows[3]).toEqual([
      { value: "合计" },
      { value: true },
      { value: { error: "#DIV/0!" } },
      { value: 61.5 },
      { value: "" },
    ]);
    expect(rows[4]).toEqual([{ value: { error: "#N/A" } }, { value: false }]);
    expect(rows[5]).toEqual([{ value: "标题" }]);
    expect(rows.length).toBe(6);
  });

  it("reads BIFF5 (Excel 95) byte strings in code page 936 (GBK)", () => {
    const gbk = (s: string) => Array.from(new Uint8Array(Buffer.from(GBK_BYTES[s], "hex")));
    const stream = biffStream(
      0x0500,
      [
        rec(0x0042, le16(936)),
        rec(0x041e, [...le16(164), 4, ...latin("0.0%")]),
        ...[0, 164].map((f) => rec(0x00e0, [...le16(0), ...le16(f), ...new Array(12).fill(0)])),
      ],
      [
        {
          name: [gbk("监测表").length, ...gbk("监测表")],
          cells: [
            rec(0x0204, [
              ...le16(0),
              ...le16(0),
              ...le16(0),
              ...le16(gbk("本期完成值").length),
              ...gbk("本期完成值"),
            ]),
            rec(0x0203, [...le16(0), ...le16(1), ...le16(1), ...f64le(0.5)]),
            rec(0x0006, [
              ...le16(1),
              ...le16(0),
              ...le16(0),
              0,
              0,
              0,
              0,
              0,
              0,
              0xff,
              0xff,
              0,
              0,
              0,
              0,
              0,
              0,
            ]),
            rec(0x0207, [...le16(gbk("合计").length), ...gbk("合计")]),
            // RSTRING: the text, then its formatting runs (a count and two bytes a run in BIFF5).
            rec(0x00d6, [
              ...le16(2),
              ...le16(0),
              ...le16(0),
              ...le16(gbk("合计").length),
              ...gbk("合计"),
              1,
              0,
              1,
            ]),
          ],
        },
      ]
    );
    const grids = readXls(compoundFile([{ name: "Book", data: stream }]));
    expect(grids.sheets[0].name).toBe("监测表");
    expect(grids.sheets[0].rows).toEqual([
      [{ value: "本期完成值" }, { value: 0.5, numFmt: "0.0%" }],
      [{ value: "合计" }],
      [{ value: "合计" }],
    ]);
  });
});

/** GBK bytes of a few words (Node's TextEncoder writes UTF-8 only). */
const GBK_BYTES: Record<string, string> = {
  监测表: "bce0b2e2b1ed",
  本期完成值: "b1bec6dacdeab3c9d6b5",
  合计: "bacfbcc6",
};

// --- CSV ---------------------------------------------------------------------------------------

describe("CSV", () => {
  const text =
    '指标名称,单位,本期值,占比,日期\r\n"R&D ""经费""",万元,"1,234.5",12.5%,2022/9/30\r\n多行,"第一行\n第二行",TRUE,#DIV/0!,2022-09-31\r\n';
  const expected = [
    [
      { value: "指标名称" },
      { value: "单位" },
      { value: "本期值" },
      { value: "占比" },
      { value: "日期" },
    ],
    [
      { value: 'R&D "经费"' },
      { value: "万元" },
      { value: 1234.5, numFmt: "#,##0.00" },
      { value: 0.125, numFmt: "0.00%" },
      { value: new Date(Date.UTC(2022, 8, 30)), numFmt: "yyyy-mm-dd" },
    ],
    [
      { value: "多行" },
      { value: "第一行\n第二行" },
      { value: true },
      { value: { error: "#DIV/0!" } },
      { value: "2022-09-31" },
    ],
  ];
  const utf8 = new Uint8Array(Buffer.from(text, "utf8"));

  it.each([
    ["UTF-8", utf8],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
    ["UTF-16LE with BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")])],
    ["UTF-16BE with BOM", new Uint8Array([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()])],
  ])("reads %s", (_name, bytes) => {
    const grids = readOtherFormat(bytes, "C:\\报表\\监测表.csv");
    expect(grids.sheets.map((s) => s.name)).toEqual(["监测表"]);
    expect(grids.sheets[0].rows).toEqual(expected);
  });

  it("reads GBK, as the GBK fixture of sample 01 shows", async () => {
    const gbk = await bytesOf(path.join(FIXTURES, "01-gbk.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    expect(readCsv(gbk, "01.csv").sheets[0].rows[1][0]).toEqual({
      value: "填报单位：合作市科技局（盖章）",
    });
  });

  it("refuses an unknown encoding", () => {
    let seed = 12345;
    const random = new Uint8Array(4096).map(
      () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff
    );
    expect(() => readOtherFormat(random, "x.csv")).toThrow(FormatError);
    expect(() => readOtherFormat(random, "x.csv")).toThrow(/unknown encoding/);
    // Windows-1252 text: not UTF-8, and not GB18030 either.
    const latin1 = new Uint8Array(
      Buffer.from("Caf\u00e9, na\u00efve, fa\u00e7ade\n1,2,3\n", "latin1")
    );
    expect(() => readOtherFormat(latin1, "x.csv")).toThrow(/unknown encoding/);
  });

  it("sniffs ; and tab delimiters and honours sep=", () => {
    expect(
      readCsv(new TextEncoder().encode("a;b;c\n1;2,5;3\n")).sheets[0].rows[1].map((c) => c?.value)
    ).toEqual([1, "2,5", 3]);
    expect(
      readCsv(new TextEncoder().encode("a\tb\n1\t2\n")).sheets[0].rows[1].map((c) => c?.value)
    ).toEqual([1, 2]);
    expect(readCsv(new TextEncoder().encode("sep=;\na,b;c\n")).sheets[0].rows).toEqual([
      [{ value: "a,b" }, { value: "c" }],
    ]);
    expect(readCsv(new TextEncoder().encode("x\n")).sheets[0].name).toBe("Sheet1");
  });

  it("reads values as Excel does and leaves other text as text", () => {
    const row = readCsv(
      new TextEncoder().encode("1.42%,45%,-3,0012,1e3,2022-9-30 8:05,12/31,1.2.3,约50,(5), 7 \n")
    ).sheets[0].rows[0];
    expect(row).toEqual([
      { value: 0.0142, numFmt: "0.00%" },
      { value: 0.45, numFmt: "0%" },
      { value: -3 },
      { value: 12 },
      { value: 1000 },
      { value: new Date(Date.UTC(2022, 8, 30, 8, 5)), numFmt: "yyyy-mm-dd hh:mm:ss" },
      { value: "12/31" },
      { value: "1.2.3" },
      { value: "约50" },
      { value: "(5)" },
      { value: 7 },
    ]);
  });
});

// --- ODS ---------------------------------------------------------------------------------------

function odsBytes(body: string, automaticStyles = ""): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"><office:automatic-styles>${automaticStyles}</office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
  const pkg = ZipPackage.empty();
  pkg.set("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  pkg.set("content.xml", content);
  return pkg.toBytes();
}

describe("ODS", () => {
  const styles = `<number:percentage-style style:name="N1"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:date-style style:name="N2"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/><style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>`;

  it("expands repeated cells and rows with content, skips empty repeats without allocating, omits covered cells", () => {
    const body = `<table:table table:name="表1"><table:table-column table:number-columns-repeated="3"/><table:table-column table:default-cell-style-name="ce1" table:number-columns-repeated="16381"/>
<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>标题</text:p></table:table-cell><table:covered-table-cell office:value-type="string"><text:p>藏</text:p></table:covered-table-cell><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="float" office:value="9"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="3"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12.5%</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:span text:style-name="T1">c</text:span></text:p><text:p>第二段<text:tab/>x</text:p><office:annotation><text:p>批注</text:p></office:annotation></table:table-cell><table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="2022-09-30"><text:p>2022年9月30日</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1047572"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table><table:table table:name="隐藏" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>`;
    const grids = readOds(odsBytes(body, styles));
    const rows = grids.sheets[0].rows;
    expect(rows.length).toBe(1004);
    expect(rows[0][0]).toEqual({ value: "标题" });
    expect(rows[0][1]).toBeUndefined();
    expect(rows[0][16002]).toEqual({ value: 9, numFmt: "0.0%" }); // the column's default cell style
    expect(rows[0].filter(Boolean).length).toBe(2);
    for (const r of [1, 2])
      expect(rows[r]).toEqual([
        { value: 1 },
        { value: 1 },
        { value: 1 },
        { value: 0.125, numFmt: "0.0%" },
      ]);
    expect(rows[500]).toEqual([]);
    expect(rows[1003]).toEqual([
      { value: "a   bc\n第二段\tx" },
      { value: new Date(Date.UTC(2022, 8, 30)), numFmt: 'yyyy"年"m"月"d"日"' },
      { value: true },
      { value: { error: "#DIV/0!" } },
    ]);
    expect(grids.sheets[1]).toEqual({ name: "隐藏", rows: [[{ value: 1 }]], hidden: true });
  });

  it("refuses a package that is not an OpenDocument spreadsheet", () => {
    const pkg = ZipPackage.empty();
    pkg.set("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    expect(() => readOds(pkg.toBytes())).toThrow(/no content\.xml/);
    expect(() => readOds(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(FormatError);
  });
});
