/**
 * Text a user typed is written into the product's sheets as text, never as a formula (docs/specification.md §7):
 * cell text starting with =, +, -, @ or a tab, in indicator names, categories, sheet names and
 * values, read back from the written file.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { REPLACED_SHEETS } from "../../src/core/plan/product-sheet";

const INJECTIONS = [
  "=1+1",
  "+1",
  "-1",
  "@SUM(A1)",
  "\t=1",
  '=HYPERLINK("http://example.com/x","点此")',
  "+cmd|' /C calc'!A0",
];
/** The same texts as names of the rules sheet: each must stay a distinct indicator name. */
const NAMED = ["=SUM(A1:A9)", "+市级众创空间", "-省级孵化器", "@重点实验室"];

let dir: string;
let out: string;
let written: ExcelJS.Workbook;

const quiet = { stdout: () => undefined, stderr: () => undefined };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "injection-"));
  const rulesFile = path.join(dir, "rules.xlsx");
  expect(await main(["rules", "--out", rulesFile], quiet)).toBe(0);

  // The workbook's own 指标规则, edited: indicator names and a category that look like formulas.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(rulesFile);
  const rules = wb.getWorksheet("指标规则")!;
  const renamed = new Map<string, string>();
  rules.eachRow((row) => {
    const code = row.getCell(1).text;
    const i = ["A1", "C1", "C3", "C5"].indexOf(code);
    if (i >= 0) {
      row.getCell(3).value = NAMED[i];
      renamed.set(code, NAMED[i]);
    }
    if (code === "C1") row.getCell(2).value = "=科技创新能力";
  });
  expect(renamed.size).toBe(4);

  const addMonitoring = (name: string, rows: ExcelJS.CellValue[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`填报单位：${INJECTIONS[0]}合作市科技局`, null, null, "报告期", "2022年第三季度"]);
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
  };
  addMonitoring("监测表", [
    ["A1", renamed.get("A1")!, "%", 0.85, 1.42, 1.1, 1.0, INJECTIONS[0]],
    ["C1", renamed.get("C1")!, "家", 0, 10, 7, 6, INJECTIONS[3]],
    ["C3", renamed.get("C3")!, "个", 0, 2, INJECTIONS[0], 0, ""],
    ["C5", renamed.get("C5")!, "个", 0, 1, INJECTIONS[4], 0, ""],
    ...INJECTIONS.map((t, i) => [`X${i}`, t, "个", 0, 1, 1, 0, t]),
  ]);
  // A sheet named like a formula, whose values are formula-looking text too.
  addMonitoring("=1+1", [
    ["C1", renamed.get("C1")!, "家", 0, 10, INJECTIONS[5], 6, ""],
    ["A1", renamed.get("A1")!, "%", 0.85, 1.42, INJECTIONS[6], 1.0, ""],
  ]);
  const input = path.join(dir, "input.xlsx");
  await wb.xlsx.writeFile(input);

  out = path.join(dir, "analysed.xlsx");
  expect(await main(["analyse", input, "--out", out], quiet)).toBe(1);
  written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** Every cell of the product's sheets in the written file. */
function productCells(): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (const ws of written.worksheets) {
    if (!REPLACED_SHEETS.some((base) => ws.name === base || ws.name.startsWith(`${base} (`)))
      continue;
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
  }
  return cells;
}

/** The product's own formula: a HYPERLINK whose target and text are quoted string literals. */
const LINK = /^HYPERLINK\("#'(?:[^']|'')+'![A-Z]+\d+","((?:[^"]|"")*)"\)$/;

describe("formula-looking user text in the written sheets", () => {
  it("the only formulas in product sheets are the product's links, with the text as a quoted literal", () => {
    const formulas = productCells().filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(0);
    for (const c of formulas) {
      const m = LINK.exec(c.formula);
      expect(m).not.toBeNull();
      // The shown text is the literal, exactly: nothing of it is evaluated.
      expect(m![1].replace(/""/g, '"')).toBe(c.text);
    }
  });

  it.each([...INJECTIONS, ...NAMED, "=科技创新能力"])("%j lands as text", (typed) => {
    const shown = typed.trim();
    const hits = productCells().filter(
      (c) => c.text === shown || (typeof c.value === "string" && c.value.includes(shown))
    );
    expect(hits.length).toBeGreaterThan(0);
    for (const c of hits) {
      if (c.formula) expect(c.formula).toMatch(LINK);
      else expect(typeof c.value).toBe("string");
    }
  });

  it("the user sheets still hold their text as text", () => {
    const ws = written.getWorksheet("=1+1")!;
    expect(ws.getCell("F3").value).toBe(INJECTIONS[5]);
    expect(ws.getCell("F3").formula).toBeUndefined();
  });
});
