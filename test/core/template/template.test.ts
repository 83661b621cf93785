import {
  templateSheet,
  indicatorsFor,
  findUnit,
  TemplateError,
} from "../../../src/core/template/template";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { validateWorkbook, analyseWorkbook } from "../../../src/core/engine";
import {
  cellAddress,
  cellText,
  type CellValue,
  type SheetGrid,
} from "../../../src/core/model/cells";
import type { Catalogue, Indicator } from "../../../src/core/model/catalogue";
import type { PlanSheet } from "../../../src/core/model/plan";
import { planToGrid, cellOf } from "../../helpers/plan-grid";

const PERIOD = "2022Q3";
const COL = { baseline: 4, target: 5, actual: 6, previous: 7, remarks: 8 };

/** The default catalogue with a 2022 reference for E2, which the plan leaves open (else E2 is a missing_reference). */
function catalogue(): Catalogue {
  const c = defaultCatalogue();
  c.indicators.find((i) => i.code === "E2")!.reference = { 2022: 60 };
  return c;
}

function rowOf(grid: SheetGrid, code: string): number {
  const r = grid.rows.findIndex((row, i) => i > 4 && cellText(row?.[0]) === code);
  if (r < 0) throw new Error(`no row ${code}`);
  return r;
}

function fill(grid: SheetGrid, row: number, col: number, value: CellValue): void {
  (grid.rows[row] ??= [])[col] = value === null ? undefined : { value };
}

/** Values a unit would rightly report: in range, consistent ratios, no jump against the previous quarter. */
function goodActual(ind: Indicator): CellValue {
  const fixed: Record<string, number> = {
    A1: 1.5,
    A1a: 1500,
    A1b: 100000,
    C9: 4.0071,
    C9a: 45,
    C9b: 11.23,
    D1: 9.5,
    E2: 61,
  };
  if (ind.kind === "milestone") return "已完成";
  if (fixed[ind.code] !== undefined) return fixed[ind.code];
  if (ind.kind === "annual_growth") return ind.integer ? 1100 : 1100.5;
  if (ind.unit === "%") return Math.min(ind.max ?? 100, Math.max(ind.target ?? 60, 1));
  return ind.target ?? 1000;
}

/** Fills every input cell of a template with good values; returns the grid as a host reads it back. */
function filledGood(sheet: PlanSheet, cat: Catalogue): SheetGrid {
  const grid = planToGrid(sheet);
  fill(grid, 2, 1, "张三");
  fill(grid, 2, 4, "0941-8211234");
  fill(grid, 2, 7, "2022-10-08");
  for (const r of grid.rows.keys()) {
    const code = cellText(grid.rows[r]?.[0]);
    const ind = r > 4 ? cat.indicators.find((i) => i.code === code) : undefined;
    if (!ind) continue;
    const actual = goodActual(ind);
    const unlocked = (col: number) => sheet.unlocked!.includes(cellAddress(r, col));
    if (unlocked(COL.baseline))
      fill(
        grid,
        r,
        COL.baseline,
        typeof actual === "number" ? (ind.kind === "annual_growth" ? 1000 : actual) : null
      );
    if (unlocked(COL.target)) fill(grid, r, COL.target, typeof actual === "number" ? actual : null);
    fill(grid, r, COL.actual, actual);
    if (ind.kind !== "milestone") fill(grid, r, COL.previous, actual);
    fill(grid, r, COL.remarks, "按计划推进");
  }
  return grid;
}

describe("a unit template", () => {
  const cat = catalogue();

  it("holds only the indicators the unit reports: a bureau its own, a township the summed ones", () => {
    const codes = (unit: string) => indicatorsFor(cat, findUnit(cat, unit)!).map((i) => i.code);
    expect(codes("市科协")).toEqual(["D1", "D2"]);
    expect(codes("市市场监管局")).toEqual(["C8", "C9", "C9a", "C9b"]);
    expect(codes("那吾镇")).toEqual([
      "F2",
      "F3",
      "F4",
      "F5",
      "F6",
      "F7",
      "F8",
      "F9",
      "F10",
      "F11",
      "F13",
    ]);
    expect(codes("市农业农村局")).toEqual(["F1", "F12", "F14", "H1", "H2", "H3", "H4", "H5"]);
  });

  it("fills in the header block and names the sheet after unit and period", () => {
    const sheet = templateSheet(cat, "合作市那吾镇", PERIOD);
    expect(sheet.name).toBe("那吾镇 2022Q3");
    expect(sheet.mode).toBe("create");
    expect(cellOf(sheet, "B2")!.value).toBe("那吾镇");
    expect(cellOf(sheet, "E2")!.value).toBe("2022年第三季度");
    const res = validateWorkbook({ sheets: [planToGrid(sheet)] });
    expect(res.sheets[0]).toMatchObject({
      recognised: true,
      unit: "那吾镇",
      period: "2022年第三季度",
      rows: 11,
    });
  });

  it("pre-fills and locks the catalogue baselines and targets, and leaves a share of a summed indicator to the unit", () => {
    const bureau = templateSheet(cat, "市科技局", PERIOD);
    const grid = planToGrid(bureau);
    const a1 = rowOf(grid, "A1");
    expect(cellOf(bureau, cellAddress(a1, COL.target))!.value).toBe(1.42);
    expect(bureau.unlocked).not.toContain(cellAddress(a1, COL.target));
    expect(bureau.unlocked).toEqual(
      expect.arrayContaining([
        cellAddress(a1, COL.actual),
        cellAddress(a1, COL.previous),
        cellAddress(a1, COL.remarks),
      ])
    );
    expect(bureau.protect).toBe(true);

    const town = templateSheet(cat, "那吾镇", PERIOD);
    const tg = planToGrid(town);
    const f4 = rowOf(tg, "F4");
    const f2 = rowOf(tg, "F2");
    const f5 = rowOf(tg, "F5");
    expect(town.unlocked).toEqual(
      expect.arrayContaining([cellAddress(f4, COL.target), cellAddress(f4, COL.baseline)])
    );
    expect(cellOf(town, cellAddress(f2, COL.target))).toMatchObject({ value: 0.03, numFmt: "0%" });
    expect(town.unlocked).not.toContain(cellAddress(f2, COL.target));
    expect(cellOf(town, cellAddress(f5, COL.target))!.value).toBe(400);
    expect(town.unlocked).not.toContain(cellAddress(f5, COL.target));
  });

  it("validates input cells by the kind of value, with a Chinese message naming the unit of measure", () => {
    const sheet = templateSheet(cat, "市科技局", PERIOD);
    const grid = planToGrid(sheet);
    const ruleAt = (code: string) =>
      sheet.validations!.find(
        (v) =>
          v.range ===
          `${cellAddress(rowOf(grid, code), COL.actual)}:${cellAddress(rowOf(grid, code), COL.previous)}`
      )!;
    expect(ruleAt("A1")).toMatchObject({ kind: "percent", min: 0, max: 100 });
    expect(ruleAt("A1").prompt).toMatch(/单位：%/);
    expect(ruleAt("C1")).toMatchObject({ kind: "whole", min: 0 });
    expect(ruleAt("C1").prompt).toMatch(/整数，单位：家/);
    expect(ruleAt("A1a")).toMatchObject({ kind: "decimal", min: 0 });
    expect(ruleAt("A1a").prompt).toMatch(/单位：万元/);
    expect(ruleAt("E1")).toMatchObject({ kind: "list", list: ["已完成", "推进中", "未启动"] });
    for (const v of sheet.validations!) {
      expect(Array.from(v.prompt).length).toBeLessThanOrEqual(255);
      expect(Array.from(v.title ?? "").length).toBeLessThanOrEqual(32);
    }
  });

  it.each(defaultCatalogue().units.map((u) => [u.name]))(
    "%s: filled with good values, validates with no finding",
    (unit) => {
      const sheet = templateSheet(cat, unit, PERIOD);
      const grid = filledGood(sheet, cat);
      const res = analyseWorkbook({ sheets: [grid] }, { catalogue: cat });
      expect(res.findings).toEqual([]);
      expect(res.indicators.length).toBeGreaterThan(0);
    }
  );

  it("filled with bad values, the findings point at the cells", () => {
    const sheet = templateSheet(cat, "市科技局", PERIOD);
    const grid = filledGood(sheet, cat);
    const put = (code: string, value: CellValue) => {
      const r = rowOf(grid, code);
      fill(grid, r, COL.actual, value);
      return cellAddress(r, COL.actual);
    };
    const expected = [
      [put("C1", "待统计"), "unparseable_number"],
      [put("B2", 150), "out_of_range"],
      [put("C2", 1.5), "not_integer"],
      [put("E1", "差不多了"), "unparseable_milestone"],
      [put("C3", "3万元"), "unit_mismatch"],
      [put("C4", null), "missing_value"],
    ];
    const res = validateWorkbook({ sheets: [grid] }, { catalogue: cat });
    const errors = res.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.rule]);
    expect(errors.sort()).toEqual(expected.sort());
  });

  it("refuses an unknown unit, an unreadable period and a unit with nothing to report", () => {
    const reason = (unit: string, period: string) => {
      try {
        templateSheet(withStatistics, unit, period);
      } catch (e) {
        return e instanceof TemplateError
          ? [e.reason, e.message]
          : ["not a TemplateError", String(e)];
      }
      return ["no error", ""];
    };
    const withStatistics = catalogue();
    withStatistics.units.push({ name: "市统计局", kind: "other" });
    expect(reason("火星乡", PERIOD)[0]).toBe("unknown_unit");
    expect(reason("火星乡", PERIOD)[1]).toMatch(/火星乡.*不在.*单位名单.*那吾镇/);
    expect(reason("那吾镇", "下个季度")[0]).toBe("bad_period");
    expect(reason("市统计局", PERIOD)[0]).toBe("nothing_to_report");
  });
});
