/**
 * Writing never loses anything (docs/files.md): every file the command line writes from a user's
 * workbook keeps every part of it — charts, pictures, pivot tables, macros, threaded comments,
 * links — byte for byte, and changes only what the product must (test/helpers/package-diff.ts).
 * The workbooks are real samples with those parts added as Excel and WPS write them.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { BASES, KINDS, extensionOf, richWorkbook } from "../helpers/rich-package";
import type { Kind } from "../helpers/rich-package";
import { comparePackages, formatProblems } from "../helpers/package-diff";
import type { Problem } from "../helpers/package-diff";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "lossless-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await main(argv, { stdout: () => undefined, stderr: (l) => stderr.push(l) });
  return { code, stderr };
}

/** Writes the workbook into the temp folder under a name of its own; returns the path. */
async function put(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

const read = async (file: string) => new Uint8Array(await fs.readFile(file));

/** Fails with one line per problem, so the message says what was lost. */
function expectLossless(input: Uint8Array, output: Uint8Array): void {
  expect(formatProblems(comparePackages(input, output))).toBe("");
}

/** Sheets the output has that the input had not: the product's work, so that "nothing written" cannot pass. */
function addedSheets(input: Uint8Array, output: Uint8Array): string[] {
  const names = (bytes: Uint8Array) =>
    [
      ...strFromU8(unzipSync(bytes)["xl/workbook.xml"]).matchAll(/<sheet\s[^>]*name="([^"]*)"/g),
    ].map((m) => m[1]);
  const before = new Set(names(input));
  return names(output).filter((n) => !before.has(n));
}

const ALL: (Kind | "all")[] = [...KINDS, "all"];

describe.each(ALL)("a workbook with %s", (kind) => {
  const ext = extensionOf(kind);

  test("analyse --out keeps every part of the input", async () => {
    const input = richWorkbook(kind, "errors");
    const file = await put(`${kind}-out-in${ext}`, input);
    const out = path.join(dir, `${kind}-out${ext}`);
    // The errors sample has error findings (exit 1); 2 would mean the workbook could not be read.
    expect(await cli("analyse", file, "--out", out)).toEqual({ code: 1, stderr: [] });
    const output = await read(out);
    expectLossless(input, output);
    expect(addedSheets(input, output)).toEqual(["差距分析", "校验结果", "_标注备份"]);
  });

  test("analyse --in-place keeps every part of the input", async () => {
    const input = richWorkbook(kind, "errors");
    const file = await put(`${kind}-in-place${ext}`, input);
    expect(await cli("analyse", file, "--in-place")).toEqual({ code: 1, stderr: [] });
    expectLossless(input, await read(file));
  });

  test("approve keeps every part of the input", async () => {
    const input = richWorkbook(kind, "clean");
    const file = await put(`${kind}-approve${ext}`, input);
    expect(await cli("approve", file, "--sheet", BASES.clean.sheet, "--reviewer", "李明")).toEqual({
      code: 0,
      stderr: [],
    });
    const output = await read(file);
    expectLossless(input, output);
    expect(addedSheets(input, output)).toEqual(["审核记录"]);
  });
});

describe("the cases the rule was written for", () => {
  test("a second analysis of an analysed file still keeps every part of the original", async () => {
    const input = richWorkbook("all", "errors");
    const file = await put("twice.xlsm", input);
    expect((await cli("analyse", file, "--in-place")).code).toBe(1);
    expect((await cli("analyse", file, "--in-place")).code).toBe(1);
    expectLossless(input, await read(file));
  });

  test.each(["vba", "all"] as const)(
    "a .xlsm output (%s) keeps its VBA project and stays macro-enabled",
    async (kind) => {
      const input = richWorkbook(kind, "errors");
      const file = await put(`macro-${kind}.xlsm`, input);
      const out = path.join(dir, `macro-${kind}-out.xlsm`);
      expect((await cli("analyse", file, "--out", out)).code).toBe(1);
      const parts = unzipSync(await read(out));
      expect(parts["xl/vbaProject.bin"]).toEqual(unzipSync(input)["xl/vbaProject.bin"]);
      expect(strFromU8(parts["[Content_Types].xml"])).toContain(
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      );
      expect(strFromU8(parts["xl/_rels/workbook.xml.rels"])).toContain("relationships/vbaProject");
    }
  );

  test("the workbook ExcelJS cannot read (bug #2591) is read and analysed", async () => {
    const file = await put("bug2591.xlsx", richWorkbook("bug2591", "errors"));
    const { code, stderr } = await cli("analyse", file);
    expect(stderr).toEqual([]);
    expect([0, 1]).toContain(code);
  });
});

describe("the rich workbooks themselves", () => {
  test.each(ALL)(
    "%s: every relationship points at a part, and every part has a content type",
    (kind) => {
      const parts = unzipSync(richWorkbook(kind));
      const types = strFromU8(parts["[Content_Types].xml"]);
      for (const [name, bytes] of Object.entries(parts)) {
        if (name.endsWith("/")) continue;
        const ext = name.slice(name.lastIndexOf(".") + 1);
        expect([
          name,
          types.includes(`PartName="/${name}"`) || types.includes(`Extension="${ext}"`),
        ]).toEqual([name, true]);
        if (!name.endsWith(".rels")) continue;
        const base = name.replace(/_rels\/[^/]*$/, "");
        for (const m of strFromU8(bytes).matchAll(
          /<Relationship [^>]*Target="([^"]+)"(?![^>]*External)/g
        )) {
          const target = path.posix.normalize(m[1].startsWith("/") ? m[1].slice(1) : base + m[1]);
          expect([name, target, !!parts[target]]).toEqual([name, target, true]);
        }
      }
    }
  );

  test("ExcelJS refuses the bug-2591 workbook, and reads the same chart without the picture in it", async () => {
    await expect(
      new ExcelJS.Workbook().xlsx.load(Buffer.from(richWorkbook("bug2591")) as never)
    ).rejects.toThrow(/reading 'anchors'/);
    await expect(
      new ExcelJS.Workbook().xlsx.load(Buffer.from(richWorkbook("chart")) as never)
    ).resolves.toBeDefined();
  });
});

/** The input with one part rewritten (or removed when `f` gives undefined). */
function edit(input: Uint8Array, part: string, f: (xml: string) => string | undefined): Uint8Array {
  const parts = unzipSync(input);
  const next = f(strFromU8(parts[part]));
  if (next === undefined) delete parts[part];
  else parts[part] = strToU8(next);
  return zipSync(parts);
}

const has = (problems: Problem[], kind: Problem["kind"], pattern: RegExp) =>
  problems.some((p) => p.kind === kind && pattern.test(`${p.part} ${p.detail}`));

describe("comparePackages can fail", () => {
  const input = richWorkbook("all");
  const SHEET = "xl/worksheets/sheet1.xml";

  test("a package compared with itself has no problem", () => {
    expect(comparePackages(input, input)).toEqual([]);
  });

  test("what the product may do is no problem: cells restyled, a styled empty cell, a style appended, a tab selected", () => {
    let out = edit(input, SHEET, (x) =>
      x
        .replace('<c r="F10" s="3"', '<c r="F10" s="4"')
        .replace('</row><row r="5"', '<c r="I4" s="4"/></row><row r="5"')
    );
    out = edit(out, "xl/styles.xml", (x) =>
      x.replace(
        /<cellXfs count="4">([\s\S]*?)<\/cellXfs>/,
        '<cellXfs count="5">$1<xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1"/></cellXfs>'
      )
    );
    out = edit(out, "xl/chartsheets/sheet1.xml", (x) =>
      x.replace('zoomToFit="1"', 'zoomToFit="1" tabSelected="1"')
    );
    // F10 is marked, so its note may be replaced.
    out = edit(out, "xl/comments1.xml", (x) =>
      x.replace("数据待统计局核实", "[错误] 未填写本期完成值")
    );
    expect(formatProblems(comparePackages(input, out))).toBe("");
    // …but not a sheet view added where there was none.
    const view = edit(input, SHEET, (x) =>
      x.replace(
        "<sheetFormatPr",
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr'
      )
    );
    expect(has(comparePackages(input, view), "sheet", /changed outside the cells/)).toBe(true);
  });

  test("a dropped chart part", () => {
    const problems = comparePackages(
      input,
      edit(input, "xl/charts/chart1.xml", () => undefined)
    );
    expect(has(problems, "missing-part", /xl\/charts\/chart1\.xml/)).toBe(true);
  });

  test("a changed chart", () => {
    const problems = comparePackages(
      input,
      edit(input, "xl/charts/chart1.xml", (x) => x.replace("clustered", "stacked"))
    );
    expect(has(problems, "changed-part", /xl\/charts\/chart1\.xml/)).toBe(true);
  });

  test("a renumbered style", () => {
    const out = edit(input, "xl/styles.xml", (x) =>
      x.replace(/(<cellXfs[^>]*>)(<xf[^>]*\/>)(<xf[\s\S]*?<\/xf>)/, "$1$3$2")
    );
    expect(has(comparePackages(input, out), "style", /cellXfs\[0\]/)).toBe(true);
  });

  test("a changed user cell value, and a cell that lost its formula", () => {
    const value = edit(input, SHEET, (x) => x.replace(/(<c r="D4"[^>]*><v>)[^<]*/, "$1999"));
    expect(has(comparePackages(input, value), "cell", /D4 changed/)).toBe(true);
    const formula = edit(input, SHEET, (x) => x.replace(/<f>_xlfn\.DISPIMG[^<]*<\/f>/, ""));
    expect(has(comparePackages(input, formula), "cell", /B21 changed/)).toBe(true);
  });

  test("a lost relationship, content type, sheet entry and defined name", () => {
    const rel = edit(input, "xl/worksheets/_rels/sheet1.xml.rels", (x) =>
      x.replace(/<Relationship [^>]*threadedComment"[^>]*\/>/, "")
    );
    expect(has(comparePackages(input, rel), "relationship", /lost rId\d+ threadedComment/)).toBe(
      true
    );
    const ct = edit(input, "[Content_Types].xml", (x) =>
      x.replace(/<Default Extension="bin"[^>]*\/>/, "")
    );
    expect(has(comparePackages(input, ct), "content-type", /Default \.bin/)).toBe(true);
    const wb = edit(input, "xl/workbook.xml", (x) =>
      x
        .replace(/<sheet name="基期值图表"[^>]*\/>/, "")
        .replace(/<definedName name="本期完成"[\s\S]*?<\/definedName>/, "")
    );
    const problems = comparePackages(input, wb);
    expect(has(problems, "sheet-entry", /基期值图表/)).toBe(true);
    expect(has(problems, "defined-name", /本期完成/)).toBe(true);
  });

  test("a lost note on a cell the product did not mark", () => {
    const out = edit(input, "xl/comments1.xml", (x) =>
      x.replace(/<comment ref="D5"[\s\S]*?<\/comment>/, "")
    );
    expect(has(comparePackages(input, out), "comment", /note on D5 lost/)).toBe(true);
  });
});
