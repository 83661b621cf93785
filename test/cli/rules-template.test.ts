import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { catalogueFromGrid } from "../../src/core/catalogue/sheet";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { canonicalJson } from "../../src/core/catalogue/version";

let dir: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join("\n"), err };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The row of an indicator code in column A, and the column whose header starts with `header`. */
function find(ws: ExcelJS.Worksheet, code: string, header: string): ExcelJS.Cell {
  let headerRow = 0;
  let col = 0;
  let row = 0;
  ws.eachRow((r, n) => {
    r.eachCell((c, k) => {
      if (!headerRow && typeof c.value === "string" && c.value.split("\n")[0] === header) {
        headerRow = n;
        col = k;
      }
    });
    if (headerRow && n > headerRow && !row && r.getCell(1).value === code) row = n;
  });
  return ws.getCell(row, col);
}

async function writeBureauSheet(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("监测表");
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
  ws.addRow(["A1", "R&D经费投入强度", "%", 0.85, "", 1.1, 1.0, ""]);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cli-rules-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("rules", () => {
  it("writes the default catalogue as 指标规则, which reads back as the same catalogue", async () => {
    const file = path.join(dir, "rules.xlsx");
    const r = await run("rules", "--out", file);
    expect(r.code).toBe(0);
    const wb = await XlsxWorkbook.fromBuffer(await fs.readFile(file));
    const grids = await wb.readSheets();
    expect(grids.sheets.map((s) => s.name)).toEqual(["指标规则"]);
    const { catalogue, findings } = catalogueFromGrid(grids.sheets[0]);
    expect(findings).toEqual([]);
    expect(canonicalJson(catalogue)).toBe(canonicalJson(defaultCatalogue()));
    expect(r.out).toContain(defaultCatalogue().version);
    expect((await run("rules", "--check", file)).code).toBe(0);
  });

  it("--check lists every problem by cell; a broken --rules file cannot be used", async () => {
    const file = path.join(dir, "rules.xlsx");
    await run("rules", "--out", file);
    const wb = await load(file);
    const weight = find(wb.getWorksheet("指标规则")!, "B1", "权重");
    weight.value = -1;
    const kind = find(wb.getWorksheet("指标规则")!, "C1", "目标类型");
    kind.value = "翻一番";
    const broken = path.join(dir, "broken.xlsx");
    await wb.xlsx.writeFile(broken);

    const check = await run("rules", "--check", broken);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`指标规则!${weight.address} catalogue_invalid`);
    expect(check.out).toContain(`指标规则!${kind.address} catalogue_invalid`);

    const sheet = path.join(dir, "bureau.xlsx");
    await writeBureauSheet(sheet);
    const use = await run("validate", sheet, "--rules", broken);
    expect(use.code).toBe(2);
    expect(use.err).toHaveLength(1);
    expect(use.err[0]).toMatch(/指标规则有 2 处错误/);
  });

  it("a changed target in --rules changes the status", async () => {
    const file = path.join(dir, "rules.xlsx");
    await run("rules", "--out", file);
    const wb = await load(file);
    find(wb.getWorksheet("指标规则")!, "A1", "目标值").value = 1.0;
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const sheet = path.join(dir, "bureau.xlsx");
    await writeBureauSheet(sheet);

    const status = async (...extra: string[]) =>
      JSON.parse((await run("analyse", sheet, "--json", ...extra)).out).indicators.find(
        (i: { code: string }) => i.code === "A1"
      ).status;
    expect(await status()).toBe("lagging");
    expect(await status("--rules", edited)).toBe("met");
  });

  it("a workbook holding a broken 指标规则 gives its findings and exit 1", async () => {
    const file = path.join(dir, "with-rules.xlsx");
    await run("rules", "--out", file);
    const wb = await load(file);
    find(wb.getWorksheet("指标规则")!, "F5", "加权依据").value = "F99";
    const ws = wb.addWorksheet("监测表");
    ws.addRow(["填报单位：合作市科技局", "", "", "报告期：2022年第三季度"]);
    ws.addRow(["指标编码", "指标名称", "计量单位", "基期值", "目标值", "本期完成值"]);
    ws.addRow(["A1", "R&D经费投入强度", "%", 0.85, "", 1.1]);
    await wb.xlsx.writeFile(file);
    const r = await run("analyse", file, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(["catalogue_invalid"]);
    expect(doc.findings[0]).toMatchObject({ sheet: "指标规则", indicator: "F5", text: "F99" });
    expect(doc.indicators).toEqual([]);
  });
});

describe("template", () => {
  it("writes a protected sheet with validated, unlocked input cells", async () => {
    const file = path.join(dir, "naw.xlsx");
    const r = await run("template", "--unit", "那吾镇", "--period", "2022Q3", "--out", file);
    expect(r.code).toBe(0);
    const ws = (await load(file)).getWorksheet("那吾镇 2022Q3")!;
    expect(ws).toBeDefined();
    expect(ws.getCell("B2").value).toBe("那吾镇");
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(
      true
    );

    const f4 = find(ws, "F4", "本期完成值");
    expect(f4.dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(f4.dataValidation.prompt).toMatch(/单位：亩/);
    expect(f4.protection?.locked).toBe(false);
    const f2 = find(ws, "F2", "本期完成值");
    expect(f2.dataValidation).toMatchObject({ type: "whole" });
    // The catalogue's own cells stay locked (Excel's default).
    expect(find(ws, "F5", "目标值").value).toBe(400);
    expect(find(ws, "F5", "目标值").protection?.locked).not.toBe(false);
    expect(ws.getCell("B2").protection?.locked).not.toBe(false);
  });

  it("filled with good values in Excel, validates with exit 0 and no finding", async () => {
    const file = path.join(dir, "kexie.xlsx");
    expect(
      (await run("template", "--unit", "合作市科协", "--period", "2022年第三季度", "--out", file))
        .code
    ).toBe(0);
    const wb = await load(file);
    const ws = wb.worksheets[0];
    ws.getCell("B3").value = "王五";
    for (const [code, value] of [
      ["D1", 9.5],
      ["D2", 100],
    ] as const) {
      find(ws, code, "本期完成值").value = value;
      find(ws, code, "上期完成值").value = value;
    }
    await wb.xlsx.writeFile(file);
    const r = await run("validate", file, "--json");
    expect(JSON.parse(r.out).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("--unit all writes one workbook per reporting unit", async () => {
    const out = path.join(dir, "templates");
    const r = await run("template", "--unit", "all", "--period", "2022Q3", "--out", out);
    expect(r.code).toBe(0);
    const files = (await fs.readdir(out)).sort();
    expect(files).toHaveLength(defaultCatalogue().units.length);
    expect(files).toContain("那吾镇 2022Q3.xlsx");
  });

  it.each([
    [["--unit", "火星乡", "--period", "2022Q3"], /火星乡.*那吾镇/],
    [["--unit", "那吾镇", "--period", "下个季度"], /--period 下个季度/],
    [["--unit", "那吾镇"], /--unit, --period and --out/],
  ])("exit 2 with one clear line for %j", async (args, pattern) => {
    const r = await run("template", ...args, "--out", path.join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(pattern);
  });
});
