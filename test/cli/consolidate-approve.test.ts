import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

let dir: string;

/** A unit's monitoring file: header block, table, and a second sheet of notes that must survive approval. */
async function unitFile(
  name: string,
  unit: string,
  period: string,
  rows: unknown[][]
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("监测表");
  ws.addRow([`${unit}创新型县建设指标监测表`]);
  ws.addRow([`填报单位：${unit}`, "", "", `报告期：${period}`]);
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
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("F4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("F4").numFmt = "0.00";
  const notes = wb.addWorksheet("说明");
  notes.getCell("A1").value = "本表由统计员填写";
  notes.getCell("B2").value = { formula: "1+1", result: 2 };
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join("\n"), err };
}

/** Every cell of every sheet but `except`: value, formula, number format, fill and font, as JSON. */
async function cellsOf(file: string, except: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === except) continue;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (c, col) => {
        out.push([ws.name, r, col, c.value, c.numFmt, c.fill, c.font]);
      })
    );
    out.push([ws.name, "merges", (ws.model as { merges?: string[] }).merges ?? []]);
  }
  return JSON.stringify(out);
}

const NAWU = [
  ["F4", "优质青稞种植面积", "亩", 8200, 7500, 8050, 7900, ""],
  ["F5", "青稞亩均产量", "斤/亩", 350, 400, 384, 360, ""],
];
const LEXIU = [
  ["F4", "优质青稞种植面积", "亩", 9800, 9000, 9200, 9600, ""],
  ["F5", "青稞亩均产量", "斤/亩", 360, 400, 395, 372, ""],
];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "consolidate-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("approve", () => {
  it("appends a row to 审核记录 and touches no other sheet", async () => {
    const file = await unitFile("nawu.xlsx", "那吾镇", "2022年第三季度", NAWU);
    const before = await cellsOf(file, "审核记录");
    const r = await run("approve", file, "--sheet", "监测表", "--reviewer", "李明", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      approved: true,
      sheet: "监测表",
      unit: "那吾镇",
      reviewer: "李明",
      period: "2022年第三季度",
    });
    expect(doc.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await cellsOf(file, "审核记录")).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const log = wb.getWorksheet("审核记录")!;
    expect(log.getCell("A1").value).toBe("审核时间 / Time");
    expect(log.getCell("B2").value).toBe("李明");
    expect(log.getCell("I2").value).toBe(doc.fingerprint);

    // A second approval is a new row; the first stays as it was.
    expect((await run("approve", file, "--reviewer", "王芳")).code).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(file);
    const log2 = again.getWorksheet("审核记录")!;
    expect(log2.getCell("B2").value).toBe("李明");
    expect(log2.getCell("B3").value).toBe("王芳");
    expect(log2.getCell("I3").value).toBe(doc.fingerprint);
  });

  it("is refused with the reason and exit 1 while the sheet has an error, leaving the file as it was", async () => {
    const file = await unitFile("bad.xlsx", "勒秀镇", "2022年第三季度", [
      ["F4", "优质青稞种植面积", "亩", 9800, 9000, "待统计", 9600, ""],
    ]);
    const bytes = await fs.readFile(file);
    const r = await run("approve", file, "--sheet", "监测表", "--reviewer", "李明");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/有 1 条错误.*第一条：F4 /);
    expect(Buffer.compare(bytes, await fs.readFile(file))).toBe(0);
  });

  it("then validate reports a change after approval", async () => {
    const file = await unitFile("changed.xlsx", "那吾镇", "2022年第三季度", NAWU);
    expect((await run("approve", file, "--reviewer", "李明")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("监测表")!.getCell("F4").value = 8100;
    await wb.xlsx.writeFile(file);
    const r = await run("validate", file, "--json");
    const f = JSON.parse(r.out).findings.filter(
      (x: { rule: string }) => x.rule === "changed_after_approval"
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("李明");
  });

  it.each([
    [["approve", "x.xlsx", "--sheet", "监测表"], /--reviewer NAME is required/],
    [["approve", "--reviewer", "李明"], /exactly one FILE/],
  ])("is a usage error (exit 2) for %j", async (argv, pattern) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(pattern);
  });

  it("names a missing sheet (exit 2)", async () => {
    const file = await unitFile("nosheet.xlsx", "那吾镇", "2022年第三季度", NAWU);
    const r = await run("approve", file, "--sheet", "无此表", "--reviewer", "李明");
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/无此表/);
  });
});

describe("consolidate", () => {
  it("writes 汇总, 填报情况 and the findings into --out and prints the JSON document", async () => {
    const sub = path.join(dir, "q3");
    await fs.mkdir(sub);
    const a = await unitFile("q3/那吾镇.xlsx", "那吾镇", "2022年第三季度", NAWU);
    const b = await unitFile("q3/勒秀镇.xlsx", "勒秀镇", "2022年第三季度", LEXIU);
    const old = await unitFile("q3/卡加曼乡.xlsx", "卡加曼乡", "2022年第二季度", NAWU);
    const before = await Promise.all([a, b, old].map((f) => fs.readFile(f)));
    const out = path.join(dir, "city.xlsx");
    const r = await run("consolidate", sub, "--out", out, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.asOf).toBe("2022-09-30");
    expect(doc.consolidated.find((c: { code: string }) => c.code === "F4")).toMatchObject({
      value: 17250,
      units: ["那吾镇", "勒秀镇"],
    });
    expect(doc.completeness.find((c: { unit: string }) => c.unit === "卡加曼乡")).toMatchObject({
      reported: false,
      missing: expect.arrayContaining(["F4"]),
    });
    expect(doc.findings.find((f: { rule: string }) => f.rule === "period_mismatch")).toMatchObject({
      file: "卡加曼乡.xlsx",
      sheet: "监测表",
    });
    // The inputs are never written.
    const after = await Promise.all([a, b, old].map((f) => fs.readFile(f)));
    after.forEach((buf, i) => expect(Buffer.compare(buf, before[i])).toBe(0));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // 卡加曼乡's only file, of the second quarter, is not mixed in but feeds the history: 趋势.
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "趋势", "填报情况", "校验结果"]);
    expect(doc.history.periods.map((p: { period: string }) => p.period)).toEqual([
      "2022年第二季度",
      "2022年第三季度",
    ]);

    // Run again with the result in the same folder: it is not read as an input.
    const again = await run("consolidate", sub, "--out", path.join(sub, "city.xlsx"));
    expect(again.code).toBe(0);
    const rerun = await run("consolidate", sub, "--out", path.join(sub, "city.xlsx"), "--json");
    expect(JSON.parse(rerun.out).sheets).toHaveLength(3);
  });

  it("prints a summary naming the units that sent nothing", async () => {
    const a = await unitFile("s-那吾镇.xlsx", "那吾镇", "2022年第三季度", NAWU);
    const r = await run("consolidate", a, "--out", path.join(dir, "s.xlsx"), "--as-of", "2022Q3");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/未报送 not reported: .*勒秀镇/);
    expect(r.out).toMatch(/全市综合得分/);
  });

  it.each([
    [["consolidate", "--out", "x.xlsx"], /one or more FILEs/],
    [["consolidate", "a.xlsx"], /--out OUT.xlsx is required/],
    [["consolidate", "missing.xlsx", "--out", "x.xlsx"], /no such file/],
  ])("exits 2 with one line for %j", async (argv, pattern) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(pattern);
  });
});

describe("consolidate --rules", () => {
  it("uses the rules file for every input, and refuses a file without 指标规则 (exit 2)", async () => {
    const a = await unitFile("r-那吾镇.xlsx", "那吾镇", "2022年第三季度", NAWU);
    const rules = path.join(dir, "rules.xlsx");
    expect((await run("rules", "--out", rules)).code).toBe(0);
    const ok = await run(
      "consolidate",
      a,
      "--rules",
      rules,
      "--out",
      path.join(dir, "r.xlsx"),
      "--json"
    );
    expect(ok.code).toBe(0);
    expect(
      JSON.parse(ok.out).consolidated.find((c: { code: string }) => c.code === "F4").value
    ).toBe(8050);
    const bad = await run("consolidate", a, "--rules", a, "--out", path.join(dir, "r.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/指标规则/);
  });
});
