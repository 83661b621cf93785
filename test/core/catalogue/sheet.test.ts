import {
  catalogueToSheet,
  catalogueFromGrid,
  percentFormat,
  RULES_SHEET,
} from "../../../src/core/catalogue/sheet";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { canonicalJson, catalogueVersion } from "../../../src/core/catalogue/version";
import type { Catalogue } from "../../../src/core/model/catalogue";
import {
  cellAddress,
  cellText,
  type Cell,
  type CellValue,
  type SheetGrid,
} from "../../../src/core/model/cells";
import { planToGrid } from "../../helpers/plan-grid";

function written(catalogue: Catalogue): SheetGrid {
  return planToGrid(catalogueToSheet(catalogue));
}

/** The 0-based column whose header's first line is `header`, in the header row that holds it. */
function headerAt(grid: SheetGrid, header: string, nth = 0): { row: number; col: number } {
  let seen = 0;
  for (let r = 0; r < grid.rows.length; r++) {
    const c = (grid.rows[r] ?? []).findIndex((x) => cellText(x).split("\n")[0] === header);
    if (c >= 0 && seen++ === nth) return { row: r, col: c };
  }
  throw new Error(`no header ${header}`);
}

/** The address of an indicator's cell under a header of the indicator table. */
function at(
  grid: SheetGrid,
  code: string,
  header: string
): { row: number; col: number; address: string } {
  const h = headerAt(grid, header);
  const codeCol = headerAt(grid, "编码").col;
  for (let r = h.row + 1; r < grid.rows.length; r++) {
    if (cellText(grid.rows[r]?.[codeCol]) === code)
      return { row: r, col: h.col, address: cellAddress(r, h.col) };
  }
  throw new Error(`no row ${code}`);
}

function set(
  grid: SheetGrid,
  pos: { row: number; col: number },
  value: CellValue,
  numFmt?: string
): void {
  (grid.rows[pos.row] ??= [])[pos.col] =
    value === null ? undefined : ({ value, ...(numFmt ? { numFmt } : {}) } as Cell);
}

/** A catalogue that uses every field and every value each coded field can take. */
function everyField(): Catalogue {
  const base = defaultCatalogue();
  const ind = base.indicators;
  const f2 = ind.find((i) => i.code === "F2")!;
  f2.target = 0.025;
  f2.baseline = 12345;
  f2.weight = 2.5;
  f2.measure = "flow";
  f2.coUnits = ["那吾镇", "勒秀镇"];
  const c1 = ind.find((i) => i.code === "C1")!;
  c1.kind = "at_most";
  c1.min = -5;
  c1.max = 40;
  c1.aliases = ["众创空间 (市级)", "含“、”的别名、另一个"];
  c1.baselineDate = "2021-06-30";
  c1.deadline = "2025-12-31";
  c1.weight = 0;
  const d1 = ind.find((i) => i.code === "D1")!;
  d1.reference = { 2020: 7.14, 2021: 8.05, 2022: 9, 2023: 10.16 };
  ind.find((i) => i.code === "E2")!.reference = { 2022: 61.5 };
  ind.find((i) => i.code === "A1")!.ratio = { numerator: "A1a", denominator: "A1b", factor: 100 };
  ind.find((i) => i.code === "F11")!.baseline = 380.5;
  const units = [...base.units, { name: "市统计局", kind: "other" as const }];
  const content = {
    indicators: ind,
    units,
    tolerances: { onTrack: 0.05, lagging: 0.25 },
    dueDays: 15,
  };
  return { version: catalogueVersion(content), ...content };
}

describe("the catalogue written out and read back is the same catalogue", () => {
  it.each([
    ["the default catalogue", defaultCatalogue()],
    ["a catalogue using every field", everyField()],
  ])("%s", (_name, catalogue) => {
    const { catalogue: back, findings } = catalogueFromGrid(written(catalogue));
    expect(findings).toEqual([]);
    expect(back).toEqual(catalogue);
    expect(canonicalJson(back)).toBe(canonicalJson(catalogue));
    expect(back!.version).toBe(catalogue.version);
  });

  it("changes its version when a target changes", () => {
    const grid = written(defaultCatalogue());
    set(grid, at(grid, "A1", "目标值"), 1.5);
    const { catalogue } = catalogueFromGrid(grid);
    expect(catalogue!.indicators.find((i) => i.code === "A1")!.target).toBe(1.5);
    expect(catalogue!.version).not.toBe(defaultCatalogue().version);
  });

  it("names the sheet 指标规则 and shows growth targets and tolerances as percents", () => {
    const sheet = catalogueToSheet(defaultCatalogue());
    expect(sheet.name).toBe(RULES_SHEET);
    const grid = planToGrid(sheet);
    const f2 = at(grid, "F2", "目标值");
    expect(grid.rows[f2.row][f2.col]).toEqual({ value: 0.03, numFmt: "0%" });
    expect(percentFormat(0.025)).toBe("0.0%");
    expect(percentFormat(0.1)).toBe("0%");
    expect(sheet.validations!.find((v) => v.title?.startsWith("目标类型"))!.list).toContain(
      "年递增"
    );
  });
});

describe("reading is tolerant of what a statistician does to the sheet", () => {
  it("reads reordered columns, blank rows, full-width digits and percents typed as text", () => {
    const grid = written(defaultCatalogue());
    // Swap the 目标值 and 指标名称 columns everywhere (header and data alike).
    const a = headerAt(grid, "目标值").col;
    const b = headerAt(grid, "指标名称").col;
    for (const row of grid.rows) [row[a], row[b]] = [row[b], row[a]];
    // Blank rows in the middle of the table and between blocks.
    const f1 = at(grid, "F1", "编码").row;
    grid.rows.splice(f1, 0, [], []);
    set(grid, at(grid, "A1", "目标值"), "１．５０");
    set(grid, at(grid, "F2", "目标值"), "3.5％");
    set(grid, at(grid, "F4", "基期值"), "5.6万亩");
    set(grid, at(grid, "C1", "完成期限"), new Date(Date.UTC(2024, 11, 31)));
    set(grid, at(grid, "C2", "完成期限"), "2024年底");
    set(grid, at(grid, "C3", "目标类型"), "at_most");
    set(grid, at(grid, "C4", "仅限整数"), "√");
    set(grid, at(grid, "C5", "汇总方式"), "weighted_mean");
    set(grid, at(grid, "C5", "加权依据"), "ｃ４");
    const onTrack = headerAt(grid, "数值");
    set(grid, { row: onTrack.row + 1, col: onTrack.col }, "12%");

    const { catalogue, findings } = catalogueFromGrid(grid);
    expect(findings).toEqual([]);
    const get = (code: string) => catalogue!.indicators.find((i) => i.code === code)!;
    expect(get("A1").target).toBe(1.5);
    expect(get("F2").target).toBe(0.035);
    expect(get("F4").baseline).toBe(56000);
    expect(get("C1").deadline).toBe("2024-12-31");
    expect(get("C2").deadline).toBe("2024-12-31");
    expect(get("C3").kind).toBe("at_most");
    expect(get("C5")).toMatchObject({ aggregation: "weighted_mean", weightBy: "C4" });
    expect(catalogue!.tolerances.onTrack).toBe(0.12);
    expect(catalogue!.indicators.map((i) => i.code)).toEqual(
      defaultCatalogue().indicators.map((i) => i.code)
    );
  });

  it("reads blocks in any order and ignores its own title rows", () => {
    const grid = written(defaultCatalogue());
    const units = headerAt(grid, "单位类型").row - 1; // from the unit block's title to the end
    const moved = grid.rows.splice(units);
    grid.rows.splice(3, 0, ...moved, []);
    const { catalogue, findings } = catalogueFromGrid(grid);
    expect(findings).toEqual([]);
    expect(catalogue).toEqual(defaultCatalogue());
  });
});

describe("a broken catalogue sheet: each problem is a finding on its cell, and there is no catalogue", () => {
  const cases: [string, (g: SheetGrid) => string, RegExp][] = [
    [
      "an unknown target kind",
      (g) => {
        const p = at(g, "A1", "目标类型");
        set(g, p, "翻一番");
        return p.address;
      },
      /目标类型“翻一番”无法识别/,
    ],
    [
      "a non-numeric target",
      (g) => {
        const p = at(g, "C1", "目标值");
        set(g, p, "十个左右");
        return p.address;
      },
      /目标值“十个左右”/,
    ],
    [
      "an empty target",
      (g) => {
        const p = at(g, "C2", "目标值");
        set(g, p, null);
        return p.address;
      },
      /C2 的目标值为空/,
    ],
    [
      "a weight below zero",
      (g) => {
        const p = at(g, "B1", "权重");
        set(g, p, -1);
        return p.address;
      },
      /权重 -1 小于 0/,
    ],
    [
      "a duplicated code",
      (g) => {
        const p = at(g, "C3", "编码");
        set(g, p, "C2");
        return p.address;
      },
      /编码 C2 重复/,
    ],
    [
      "a weighted mean naming a missing indicator",
      (g) => {
        const p = at(g, "F5", "加权依据");
        set(g, p, "F99");
        return p.address;
      },
      /加权依据“F99”不是本表中的指标编码/,
    ],
    [
      "a weighted mean without its weight",
      (g) => {
        const p = at(g, "F7", "加权依据");
        set(g, p, null);
        return p.address;
      },
      /须在“加权依据”填写/,
    ],
    [
      "a growth rate written as a plain 3",
      (g) => {
        const p = at(g, "F3", "目标值");
        set(g, p, 3);
        return p.address;
      },
      /请写成百分数/,
    ],
    [
      "an unknown unit of measure",
      (g) => {
        const p = at(g, "F4", "计量单位");
        set(g, p, "垧");
        return p.address;
      },
      /计量单位“垧”无法识别/,
    ],
    [
      "a date that is not one",
      (g) => {
        const p = at(g, "G1", "完成期限");
        set(g, p, "明年");
        return p.address;
      },
      /不是日期/,
    ],
    [
      "a target outside the indicator range",
      (g) => {
        const p = at(g, "B2", "目标值");
        set(g, p, 160);
        return p.address;
      },
      /不在最小值与最大值之间/,
    ],
    [
      "an owner missing from the unit list",
      (g) => {
        const p = at(g, "G4", "责任单位");
        set(g, p, "市文旅局");
        return p.address;
      },
      /市文旅局”不在单位名单中/,
    ],
    [
      "a reference value for an unknown code",
      (g) => {
        const h = headerAt(g, "年份");
        const p = { row: h.row + 1, col: headerAt(g, "编码", 1).col };
        set(g, p, "Z1");
        return cellAddress(p.row, p.col);
      },
      /参考值的编码“Z1”/,
    ],
    [
      "an unknown unit kind",
      (g) => {
        const h = headerAt(g, "单位类型");
        const p = { row: h.row + 1, col: h.col };
        set(g, p, "公司");
        return cellAddress(p.row, p.col);
      },
      /类型“公司”无法识别/,
    ],
    [
      "a tolerance of 150%",
      (g) => {
        const h = headerAt(g, "数值");
        const p = { row: h.row + 2, col: h.col };
        set(g, p, "150%");
        return cellAddress(p.row, p.col);
      },
      /滞后容差须为 0% 到 100%/,
    ],
  ];

  it.each(cases)("%s", (_name, spoil, message) => {
    const grid = written(defaultCatalogue());
    const cell = spoil(grid);
    const { catalogue, findings } = catalogueFromGrid(grid);
    expect(catalogue).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "catalogue_invalid",
      severity: "error",
      sheet: RULES_SHEET,
      cell,
    });
    expect(findings[0].message.zh).toMatch(message);
    expect(findings[0].message.en).toMatch(/^The rules sheet 指标规则 is wrong: .+\./);
  });

  it("reports every problem, not only the first", () => {
    const grid = written(defaultCatalogue());
    set(grid, at(grid, "A1", "目标类型"), "翻一番");
    set(grid, at(grid, "B1", "权重"), -2);
    set(grid, at(grid, "F5", "加权依据"), "F99");
    const { findings } = catalogueFromGrid(grid);
    expect(findings.map((f) => f.indicator).sort()).toEqual(["A1", "B1", "F5"]);
  });

  it("reports a missing block and a missing column", () => {
    const grid = written(defaultCatalogue());
    const h = headerAt(grid, "单位类型").row;
    grid.rows.splice(h);
    const weight = headerAt(grid, "目标值");
    set(grid, weight, null);
    const { catalogue, findings } = catalogueFromGrid(grid);
    expect(catalogue).toBeNull();
    expect(findings.map((f) => f.message.zh)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/找不到单位名单/),
        expect.stringMatching(/缺少“目标值”列/),
      ])
    );
    expect(findings.find((f) => /目标值/.test(f.message.zh))!.cell).toBe(
      cellAddress(weight.row, 0)
    );
  });
});

describe("the default catalogue", () => {
  it("carries the version of its content, and every call gives a catalogue of its own", () => {
    const first = defaultCatalogue();
    const { version, ...content } = first;
    expect(version).toBe(catalogueVersion(content));
    first.indicators[0].target = 99;
    const second = defaultCatalogue();
    expect(second.indicators[0].target).not.toBe(99);
    expect(second.version).toBe(version);
  });
});
