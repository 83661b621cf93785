/**
 * `report` on a workbook `consolidate` wrote gives the bulletin of the units' files, read back from
 * 汇总, 填报情况 and 校验结果 — all but the change since the previous quarter, which needs the units'
 * earlier values (docs/bulletin.md). And the command's usage errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readDocx, type ReadDocx } from "./docx-reader";
import { catalogueToSheet } from "../../src/core/catalogue/sheet";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

const QUARTER = path.resolve(__dirname, "../../samples/2022Q3");

let tmp: string;

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bulletin-wb-"));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("a consolidated workbook as input", () => {
  let fromFiles: ReadDocx;
  let fromWorkbook: ReadDocx;
  let printed: string[];

  beforeAll(async () => {
    const city = path.join(tmp, "2022Q3-汇总.xlsx");
    await run(["consolidate", QUARTER, "--out", city]);
    await run(["report", QUARTER, "--out", path.join(tmp, "a.docx"), "--date", "2022-10-20"]);
    const r = await run([
      "report",
      city,
      "--out",
      path.join(tmp, "b.docx"),
      "--date",
      "2022-10-20",
    ]);
    printed = r.out;
    fromFiles = readDocx(fs.readFileSync(path.join(tmp, "a.docx")));
    fromWorkbook = readDocx(fs.readFileSync(path.join(tmp, "b.docx")));
  });

  it("gives the same tables as the units' files", () => {
    expect(fromWorkbook.tables).toEqual(fromFiles.tables);
    expect(printed.join("\n")).toContain("全市综合得分 city score: 66.5");
  });

  it("gives the same text, without the change since the previous quarter", () => {
    const previous = (t: string) => t.startsWith("与上期");
    expect(fromFiles.paragraphs.filter(previous)).toHaveLength(1);
    expect(fromWorkbook.paragraphs.filter(previous)).toHaveLength(0);
    expect(fromWorkbook.paragraphs).toEqual(fromFiles.paragraphs.filter((t) => !previous(t)));
  });

  it("refuses another --as-of than the one it was consolidated at", async () => {
    const r = await run([
      "report",
      path.join(tmp, "2022Q3-汇总.xlsx"),
      "--out",
      path.join(tmp, "c.docx"),
      "--as-of",
      "2022-06-30",
    ]);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(/is consolidated as at 2022-09-30, not 2022-06-30/);
    expect(fs.existsSync(path.join(tmp, "c.docx"))).toBe(false);
  });

  it("has both charts", () => {
    expect(Object.keys(fromWorkbook.parts).filter((p) => p.startsWith("word/media/"))).toHaveLength(
      2
    );
  });
});

describe("a consolidated workbook with a broken 指标规则", () => {
  it("is refused with exit status 2, saying how many problems and the first", async () => {
    const city = path.join(tmp, "broken-rules-汇总.xlsx");
    await run(["consolidate", QUARTER, "--out", city]);
    const catalogue = defaultCatalogue();
    catalogue.indicators.find((i) => i.code === "B1")!.weight = -1;
    const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(city));
    await wb.applyPlan({ sheets: [catalogueToSheet(catalogue)], annotations: [] });
    fs.writeFileSync(city, await wb.toBuffer());

    const r = await run(["report", city, "--out", path.join(tmp, "broken.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/broken-rules-汇总\.xlsx: 指标规则有 1 处错误，第一处 \S+ /);
    expect(r.err[0]).toMatch(/the rules sheet has 1 error\(s\)$/);
    expect(fs.existsSync(path.join(tmp, "broken.docx"))).toBe(false);
  });
});

describe("usage", () => {
  it.each([
    [["report", QUARTER], /--out 通报.docx is required/],
    [["report", QUARTER, "--out", "x.pdf"], /--out must name a .docx file/],
    [["report", "--out", "x.docx"], /report takes one or more FILEs/],
    [
      ["report", QUARTER, "--out", "x.docx", "--date", "2022-02-30"],
      /--date 2022-02-30 is not a date/,
    ],
    [["report", QUARTER, "--out", "x.docx", "--json"], /unknown option --json/],
  ])("%j is refused with exit status 2", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(message);
  });

  it("says so when a file is missing", async () => {
    const r = await run([
      "report",
      path.join(tmp, "nothing.xlsx"),
      "--out",
      path.join(tmp, "x.docx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(/no such file/);
  });

  it("is listed in the usage", async () => {
    const r = await run(["--help"]);
    expect(r.out.join("\n")).toContain(
      "indicator-tracker report FILE|FOLDER...|CONSOLIDATED.xlsx --out 通报.docx"
    );
  });
});
