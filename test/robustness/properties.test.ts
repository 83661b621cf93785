/**
 * Properties that must hold for any input, checked on random workbooks (fast-check):
 * nothing a sheet holds makes the reader, the validator or the scorer throw; `analyse --in-place`
 * changes no value a user typed; running `analyse` on its own output changes nothing.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import type { Cell, CellValue, SheetGrid, WorkbookGrids } from "../../src/core/model/cells";
import { readSheet, COLUMN_NAMES, META_LABELS } from "../../src/core/read/sheet";
import { checkSheet } from "../../src/core/validate/sheet";
import { analyseWorkbook, toJsonDocument, validateWorkbook } from "../../src/core/engine";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { EXCEL_ERRORS } from "../../src/core/read/values";
import { main } from "../../src/cli/main";

const catalogue = defaultCatalogue();

// --- random grids ------------------------------------------------------------------------------

const WORDS: string[] = [
  ...Object.values(COLUMN_NAMES).flat(),
  ...Object.values(META_LABELS)
    .flat()
    .map((l) => `${l}：`),
  ...catalogue.indicators.flatMap((i) => [i.code, i.name, i.unit, ...i.aliases.slice(0, 1)]),
  "填报单位：合作市科技局",
  "报告期：2022年第三季度",
  "2022年第三季度",
  "2022Q3",
  "2022年1-9月",
  "2021年",
  "2022",
  "2022年完成值",
  "1.42%",
  "5.6万亩",
  "约400斤",
  "400以上",
  "三",
  "十二",
  "两",
  "１２３",
  "3,000",
  "—",
  "/",
  "无",
  "不适用",
  "N/A",
  "#DIV/0!",
  "#n/a",
  "注：本表数据截至报告期末。",
  "一、科技创新投入",
  "推进中",
  "已完成",
  "未启动",
  "万",
  "亿元",
  "公里",
  "=1+1",
  "@SUM(A1)",
  "差距分析 / Gap analysis",
  "校验结果 / Validation findings",
];

const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.double(), fc.constantFrom("", "%", "万亩", "亩", "个", " "))
      .map(([n, u]) => `${n}${u}`),
  }
);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS, "#BOGUS!").map((error) => ({ error })) }
);

const cell: fc.Arbitrary<Cell> = fc.record(
  {
    value,
    numFmt: fc.constantFrom(
      "0.00%",
      "0%",
      "@",
      "0.0",
      "yyyy-mm-dd",
      '"%"0',
      "[Red]0.0%;-0%",
      '0.0"万亩"'
    ),
    formula: fc.constantFrom("A1*2", "SUM(B:B)", "F5/F6"),
  },
  { requiredKeys: ["value"] }
);

const row = fc.array(fc.option(cell, { nil: undefined }), { maxLength: 10 });

/** A header row made of real column names, so random tables are often recognised. */
const headerRow = fc
  .shuffledSubarray(
    [
      "指标编码",
      "指标名称",
      "计量单位",
      "基期值",
      "目标值",
      "本期完成值",
      "上期完成值",
      "备注",
      "2021年",
      "2022年",
      "一级指标",
    ],
    { minLength: 2 }
  )
  .map((names) => names.map((n): Cell => ({ value: n })));

/** A monitoring sheet's shape with random content: header block, header row, rows of known indicators. */
const FIXED_HEADER = [
  "指标编码",
  "指标名称",
  "计量单位",
  "基期值",
  "目标值",
  "本期完成值",
  "上期完成值",
  "备注",
].map((v): Cell => ({ value: v }));
/** Mostly figures a unit would report, sometimes anything at all. */
const plausible: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }).map((v): Cell => ({ value: v })) },
  {
    weight: 1,
    arbitrary: fc.double({ min: 0, max: 100000, noNaN: true }).map((v): Cell => ({ value: v })),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: cell }
);
const indicatorRow = fc
  .tuple(
    fc.constantFrom(...catalogue.indicators),
    fc.array(plausible, { minLength: 5, maxLength: 5 })
  )
  .map(([ind, rest]): (Cell | undefined)[] => [
    { value: ind.code },
    { value: ind.name },
    { value: ind.unit },
    ...rest,
  ]);
const monitoringShape = fc
  .tuple(
    fc.constantFrom("合作市科技局", "那吾镇", "", "市农业农村局"),
    fc.oneof(
      fc.constantFrom("2022年第三季度", "2022年", "2021年上半年", "2023年1-9月", "2020年第四季度"),
      text
    ),
    fc.array(indicatorRow, { maxLength: 10 })
  )
  .map(([unit, period, body]): (Cell | undefined)[][] => [
    [{ value: `填报单位：${unit}` }],
    [{ value: "报告期" }, { value: period }],
    FIXED_HEADER,
    ...body,
  ]);

const sheetName = fc.oneof(
  fc.constantFrom(
    "监测表",
    "差距分析",
    "差距分析 (2)",
    "校验结果",
    "汇总",
    "审核记录",
    "指标规则",
    "_标注备份",
    "Sheet1"
  ),
  fc.string({ minLength: 1, maxLength: 10 })
);

const grid: fc.Arbitrary<SheetGrid> = fc.record({
  name: sheetName,
  rows: fc.oneof(
    fc.array(row, { maxLength: 14 }),
    fc
      .tuple(fc.array(row, { maxLength: 4 }), headerRow, fc.array(row, { maxLength: 10 }))
      .map(([top, head, body]) => [...top, head, ...body]),
    monitoringShape
  ),
  hidden: fc.option(fc.boolean(), { nil: undefined }),
});

const workbook: fc.Arbitrary<WorkbookGrids> = fc.record({
  sheets: fc.uniqueArray(grid, { maxLength: 4, selector: (s) => s.name }),
});

const asOf = fc.option(
  fc
    .date({ min: new Date("2019-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: undefined }
);

describe("random grids never make the core throw", () => {
  it("the reader and the validator, sheet by sheet", () => {
    fc.assert(
      fc.property(grid, asOf, (g, date) => {
        readSheet(g);
        checkSheet(g, catalogue, { asOf: date });
      }),
      { numRuns: 300 }
    );
  });

  it("validate and analyse of whole workbooks, and their JSON documents", () => {
    fc.assert(
      fc.property(workbook, asOf, (wb, date) => {
        const v = validateWorkbook(wb, { asOf: date });
        const a = analyseWorkbook(wb, { asOf: date });
        JSON.stringify(toJsonDocument(v, "validate"));
        JSON.stringify(toJsonDocument(a, "analyse"));
        // Every finding points at a sheet of the workbook (or at the workbook itself).
        const names = new Set(["", ...wb.sheets.map((s) => s.name)]);
        for (const f of a.findings) expect(names.has(f.sheet)).toBe(true);
      }),
      { numRuns: 200 }
    );
  });
});

// --- random monitoring sheets written as .xlsx -------------------------------------------------------

const SCORED = catalogue.indicators.filter((i) => i.kind && i.kind !== "milestone");

/** What a statistician might type in a value cell: numbers, numbers as text, mistakes, nothing. */
const typed: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.double({ min: -10, max: 100000, noNaN: true, noDefaultInfinity: true }),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 500 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "1.42%",
      "约400",
      "5.6万",
      "不适用",
      "—",
      "见附件",
      "三",
      "",
      " 7 ",
      "#N/A",
      "=1+1"
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 9 }).map((n) => ({ formula: `${n}*2`, result: n * 2 })),
  },
  { weight: 1, arbitrary: fc.constant({ error: "#DIV/0!" as const }) }
);

interface SheetSpec {
  unit: string;
  period: string;
  rows: { code: string; name: string; unit: string; values: ExcelJS.CellValue[]; remark: string }[];
}

const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  unit: fc.constantFrom("合作市科技局", "市农业农村局", "那吾镇", "勒秀镇人民政府"),
  period: fc.constantFrom("2022年第三季度", "2022年上半年", "2022年", "2021年第四季度"),
  rows: fc.uniqueArray(
    fc
      .record({
        ind: fc.constantFrom(...SCORED),
        values: fc.array(typed, { minLength: 4, maxLength: 4 }),
        remark: fc.constantFrom("", "按季度统计", '=HYPERLINK("x")', "备注\n第二行"),
        alias: fc.boolean(),
      })
      .map(({ ind, values, remark, alias }) => ({
        code: ind.code,
        name: alias && ind.aliases[0] ? ind.aliases[0] : ind.name,
        unit: ind.unit,
        values,
        remark,
      })),
    { minLength: 1, maxLength: 8, selector: (r) => r.code }
  ),
});

async function writeMonitoring(file: string, specs: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  specs.forEach((spec, i) => {
    const ws = wb.addWorksheet(i === 0 ? "监测表" : `监测表${i + 1}`);
    ws.addRow(["合作市创新型县建设指标监测表"]);
    ws.addRow([`填报单位：${spec.unit}`, null, null, "报告期", spec.period]);
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
    for (const r of spec.rows) ws.addRow([r.code, r.name, r.unit, ...r.values, r.remark]);
    ws.getCell("F4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  });
  // A sheet of the user's own that is no monitoring sheet: notes, a formula, a date.
  const notes = wb.addWorksheet("说明");
  notes.getCell("A1").value = "本工作簿由科技局统计员填写";
  notes.getCell("B2").value = { formula: "SUM(1,2)", result: 3 };
  notes.getCell("C3").value = new Date(Date.UTC(2022, 9, 10));
  await wb.xlsx.writeFile(file);
}

/** Every cell's value of every sheet, by sheet and address, as JSON (formulas with their results). */
async function cellValues(
  file: string,
  only?: (name: string) => boolean
): Promise<Record<string, Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, string>> = {};
  for (const ws of wb.worksheets) {
    if (only && !only(ws.name)) continue;
    const cells: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (r) =>
      r.eachCell({ includeEmpty: false }, (c) => {
        cells[c.address] = JSON.stringify(c.value);
      })
    );
    out[ws.name] = cells;
  }
  return out;
}

/** Values, looks and notes of every cell, and the sheets' names, order and visibility. */
async function workbookContent(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (r) =>
      r.eachCell({ includeEmpty: true }, (c) => {
        cells[c.address] = { value: c.value, style: c.style, note: c.note ?? null };
      })
    );
    return {
      name: ws.name,
      state: ws.state,
      merges: (ws.model as { merges?: string[] }).merges ?? [],
      cells,
    };
  });
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "properties-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const quiet = { stdout: () => undefined, stderr: () => undefined };
let n = 0;

describe("the written workbook", () => {
  it("analyse --in-place leaves every value a user typed as it was, in every user sheet", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetSpec, { minLength: 1, maxLength: 2 }), async (specs) => {
        const file = path.join(dir, `in-place-${n++}.xlsx`);
        await writeMonitoring(file, specs);
        const before = await cellValues(file);
        const code = await main(["analyse", file, "--in-place"], quiet);
        expect([0, 1]).toContain(code);
        const after = await cellValues(file, (name) => name in before);
        expect(after).toEqual(before);
        // The file was written: the product's sheets are in it now.
        expect(Object.keys(await cellValues(file))).toEqual(
          expect.arrayContaining(["差距分析", "校验结果"])
        );
      }),
      { numRuns: 25 }
    );
  });

  it("analyse run on its own output gives the same workbook as running it once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetSpec, { minLength: 1, maxLength: 2 }), async (specs) => {
        const file = path.join(dir, `twice-${n++}.xlsx`);
        const once = `${file}.once.xlsx`;
        const twice = `${file}.twice.xlsx`;
        await writeMonitoring(file, specs);
        const first = await main(["analyse", file, "--out", once], quiet);
        const second = await main(["analyse", once, "--out", twice], quiet);
        expect(second).toBe(first);
        expect(await workbookContent(twice)).toEqual(await workbookContent(once));
      }),
      { numRuns: 15 }
    );
  });
});
