import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

let dir: string;
let good: string;
let bad: string;

async function writeSheet(file: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("监测表");
  ws.addRow(["合作市创新型县建设指标监测表"]);
  ws.addRow(["填报单位：合作市科技局", "", "", "报告期：2022年第三季度"]);
  ws.addRow([
    "指标编码",
    "指标名称",
    "计量单位",
    "基期值",
    "目标值",
    "本期完成值",
    "上期完成值",
    "备注",
  ]);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join("\n"), err };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cli-"));
  good = path.join(dir, "good.xlsx");
  bad = path.join(dir, "bad.xlsx");
  await writeSheet(good, [
    ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
    ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
  ]);
  await writeSheet(bad, [["A1", "R&D经费投入强度", "%", 0.85, 1.42, "abc", 1.0, ""]]);
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("exit statuses (docs/specification.md §10)", () => {
  it("0 when there is no error finding", async () => {
    expect((await run("validate", good)).code).toBe(0);
  });
  it("1 when there are error findings", async () => {
    const r = await run("validate", bad, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.findings[0]).toMatchObject({
      rule: "unparseable_number",
      cell: "F4",
      indicator: "A1",
      text: "abc",
    });
    expect(doc.indicators).toBeUndefined();
  });
  it.each([
    [["validate", "missing.xlsx"], /no such file/],
    [["validate"], /exactly one FILE/],
    [["validate", "x.xlsx", "--bogus"], /unknown option --bogus/],
    [["analyse", "x.xlsx", "--as-of", "2022-13-45"], /not a real date/],
    [["frobnicate"], /unknown command/],
  ])("2 with one line on stderr for %j", async (argv, pattern) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(pattern);
  });
  it("2 for a --sheet the workbook lacks, naming it", async () => {
    const r = await run("validate", good, "--sheet", "无此表");
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      'indicator-tracker: no sheet named "无此表" / 工作簿中没有名为“无此表”的工作表',
    ]);
  });
  it("2 for an option analyse knows but validate does not", async () => {
    const r = await run("validate", good, "--out", path.join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/unknown option --out/);
  });
  it("2 for a file that is not a workbook", async () => {
    const txt = path.join(dir, "text.xlsx");
    await fs.writeFile(txt, "just some text");
    const r = await run("validate", txt);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/text\.xlsx/);
  });
});

describe("analyse", () => {
  it("honours --as-of and writes --out without touching the input", async () => {
    const before = await fs.readFile(good);
    const out = path.join(dir, "out.xlsx");
    const r = await run("analyse", good, "--as-of", "2022-12-31", "--out", out, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.asOf).toBe("2022-12-31");
    expect(doc.indicators.find((i: { code: string }) => i.code === "A1").schedule).toBeCloseTo(
      24 / 36,
      10
    );
    expect(Buffer.compare(before, await fs.readFile(good))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["监测表", "差距分析", "校验结果"])
    );
  });

  it("run twice on its own output keeps one copy of each product sheet", async () => {
    const once = path.join(dir, "once.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    await run("analyse", good, "--out", once);
    await run("analyse", once, "--out", twice);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(twice);
    const names = wb.worksheets.map((w) => w.name).filter((n) => !n.startsWith("_"));
    expect(names).toEqual(["监测表", "差距分析", "校验结果"]);
  });
});

describe("--version", () => {
  it("prints the package's version and nothing else", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(__dirname, "../../package.json"), "utf8"));
    const r = await run("--version");
    expect(r).toEqual({ code: 0, out: pkg.version, err: [] });
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  });
  it("is listed in --help", async () => {
    expect((await run("--help")).out).toContain("indicator-tracker --version");
  });
});

describe("the installed command", () => {
  it("runs through bin/indicator-tracker.js", () => {
    const stdout = execFileSync(
      process.execPath,
      [path.join(__dirname, "../../bin/indicator-tracker.js"), "validate", good, "--json"],
      { encoding: "utf8" }
    );
    expect(JSON.parse(stdout).asOf).toBe("2022-09-30");
  });
});

describe("marks on cells", () => {
  it("a cell fixed since the last run loses its mark and gets its own fill back", async () => {
    const once = path.join(dir, "marked.xlsx");
    await run("analyse", bad, "--out", once);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(once);
    const cell = wb.getWorksheet("监测表")!.getCell("F4");
    expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe("FFFFC7CE");
    cell.value = 1.1; // the statistician corrects it
    const fixed = path.join(dir, "fixed.xlsx");
    await wb.xlsx.writeFile(fixed);
    const again = path.join(dir, "again.xlsx");
    expect((await run("analyse", fixed, "--out", again)).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    const after = wb2.getWorksheet("监测表")!.getCell("F4");
    expect(after.value).toBe(1.1);
    expect((after.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFC7CE");
    expect(after.note).toBeUndefined();
  });
});
