/**
 * Benchmark workbooks: many units' monitoring sheets in one workbook, realistic values and a few
 * faults. Each bureau reports the indicators it owns; each township and street reports its share
 * of the indicators the city adds up. The content depends only on the row count (seeded), so every
 * run measures the same workbook.
 */
import ExcelJS from "exceljs";
import type { Catalogue, Indicator } from "../../src/core/model/catalogue";
import { defaultCatalogue } from "../../src/core/catalogue/default";

/** A small deterministic generator (mulberry32): the same workbook on every run and machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface UnitPlan {
  unit: string;
  indicators: Indicator[];
  /** Reports a share of city-wide totals (a township or street), not the city's figure. */
  share: boolean;
}

function unitPlans(catalogue: Catalogue): UnitPlan[] {
  const owners = Array.from(new Set(catalogue.indicators.map((i) => i.owner)));
  const bureaus = owners.map((o) => ({
    unit: o,
    indicators: catalogue.indicators.filter((i) => i.owner === o),
    share: false,
  }));
  const shared = catalogue.indicators.filter(
    (i) => i.aggregation === "sum" || i.aggregation === "weighted_mean"
  );
  const towns = catalogue.units
    .filter((u) => u.kind === "township" || u.kind === "street")
    .map((u) => ({ unit: u.name, indicators: shared, share: true }));
  return [...bureaus, ...towns];
}

type Value = string | number | { error: ExcelJS.CellErrorValue["error"] } | null;

interface RowValues {
  unit: string;
  baseline: Value;
  target: Value;
  actual: Value;
  previous: Value;
  remark: string;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** Plausible figures for one indicator row, in the unit of measure the row states. */
/** The parts of the two ratios: R&D spending and GDP (万元), patents held, population (万人). */
function ratioParts(rnd: () => number): Map<string, number> {
  const gdp = round(850000 + rnd() * 100000, 2);
  const patents = 30 + Math.floor(rnd() * 15);
  return new Map([
    ["A1a", round(gdp * (0.009 + rnd() * 0.005), 2)],
    ["A1b", gdp],
    ["C9a", patents],
    ["C9b", 11.23],
  ]);
}

function rowValues(
  ind: Indicator,
  share: boolean,
  rnd: () => number,
  parts: Map<string, number>
): RowValues {
  const progress = 0.55 + rnd() * 0.5;
  // A township's share of a city total; a per-亩 yield is the same figure at every scale.
  const scale = share && ind.aggregation === "sum" ? 0.05 + rnd() * 0.15 : 1;
  const remark = rnd() < 0.15 ? "按季度统计，数据来源于部门台账" : "";
  switch (ind.kind) {
    case "milestone":
      return {
        unit: "—",
        baseline: null,
        target: "全面落实",
        actual: rnd() < 0.5 ? "推进中" : "已完成",
        previous: "推进中",
        remark,
      };
    case "reach_reference": {
      const actual = round(7 + rnd() * 2.5, 2);
      return {
        unit: "%",
        baseline: ind.reference?.[2020] ?? null,
        target: "达到全省平均水平",
        actual,
        previous: round(actual - 0.4, 2),
        remark,
      };
    }
    case "annual_growth": {
      const base =
        ind.unit === "元"
          ? 11000
          : ind.unit === "万元"
            ? 180000 * scale
            : Math.round(40000 * scale);
      const actual = ind.integer
        ? Math.round(base * (1 + ind.target! * 1.6))
        : round(base * (1 + ind.target! * 1.6), 2);
      return {
        unit: ind.unit,
        baseline: ind.integer ? Math.round(base) : round(base, 2),
        target: `年递增${ind.target! * 100}%`,
        actual,
        previous: ind.integer ? Math.round(actual * 0.97) : round(actual * 0.97, 2),
        remark,
      };
    }
    default:
      break;
  }
  if (ind.ratio) {
    // The ratio agrees with its parts, as a careful statistician's sheet does.
    const num = parts.get(ind.ratio.numerator)!;
    const den = parts.get(ind.ratio.denominator)!;
    const actual = round((num / den) * ind.ratio.factor, 2);
    return {
      unit: ind.unit,
      baseline: ind.baseline,
      target: ind.target,
      actual,
      previous: round(actual * 0.95, 2),
      remark,
    };
  }
  if (!ind.kind) {
    const actual = parts.get(ind.code)!;
    return {
      unit: ind.unit,
      baseline: ind.baseline,
      target: null,
      actual,
      previous: ind.integer ? actual - 2 : round(actual * 0.95, 2),
      remark,
    };
  }
  const target = (ind.target ?? 1) * scale;
  let actual = target * progress;
  if (ind.unit === "%") actual = Math.min(actual, 99);
  const previous = actual * (0.8 + rnd() * 0.15);
  if (ind.integer) {
    const a = Math.max(0, Math.round(actual));
    return {
      unit: ind.unit,
      baseline: ind.baseline,
      target: Math.round(target) || 1,
      actual: a,
      previous: Math.min(a, Math.round(previous)),
      remark,
    };
  }
  if (ind.unit === "亩" && rnd() < 0.3) {
    // Some units report areas in 万亩.
    return {
      unit: "万亩",
      baseline: ind.baseline === null ? null : ind.baseline / 1e4,
      target: round(target / 1e4, 4),
      actual: round(actual / 1e4, 4),
      previous: round(previous / 1e4, 4),
      remark,
    };
  }
  return {
    unit: ind.unit,
    baseline: ind.baseline,
    target: round(target, 2),
    actual: round(actual, 2),
    previous: round(previous, 2),
    remark,
  };
}

/** The faults a real batch of sheets holds: unreadable text, an Excel error, a missing figure, a wrong unit. */
function fault(row: RowValues, rnd: () => number): void {
  const pick = Math.floor(rnd() * 4);
  if (pick === 0) row.actual = "见附件";
  else if (pick === 1) row.actual = { error: "#DIV/0!" };
  else if (pick === 2) row.actual = null;
  else row.unit = "公里";
}

export interface BenchWorkbook {
  sheets: number;
  rows: number;
  faults: number;
}

const HEADER = [
  "指标编码",
  "指标名称",
  "计量单位",
  "基期值",
  "目标值",
  "本期完成值",
  "上期完成值",
  "备注",
];
const FAULT_RATE = 0.01;

/** Builds a workbook with exactly `rows` indicator rows across as many unit sheets as that takes. */
/**
 * `unitsPerSheet` > 1 puts several units' tables one under another in a sheet (a workbook of
 * 100,000 rows then has fewer sheets than the 10,000 LibreOffice keeps when it saves a .xls).
 */
export function buildBenchWorkbook(
  rows: number,
  seed = 20221001,
  unitsPerSheet = 1
): { workbook: ExcelJS.Workbook; info: BenchWorkbook } {
  const rnd = seededRandom(seed);
  const plans = unitPlans(defaultCatalogue());
  const wb = new ExcelJS.Workbook();
  let written = 0;
  let faults = 0;
  let n = 0;
  let ws: ExcelJS.Worksheet | undefined;
  while (written < rows) {
    const plan = plans[n % plans.length];
    if (n % unitsPerSheet === 0)
      ws = wb.addWorksheet(
        `${String(n / unitsPerSheet + 1).padStart(4, "0")} ${plan.unit}`.slice(0, 31)
      );
    n++;
    if (!ws) break;
    ws.addRow([`合作市创新型县建设指标监测表（${plan.unit}）`]);
    ws.addRow([`填报单位：${plan.unit}`, null, null, "报告期", "2022年第三季度"]);
    ws.addRow([]);
    ws.addRow(HEADER);
    const parts = ratioParts(rnd);
    for (const ind of plan.indicators) {
      if (written >= rows) break;
      const v = rowValues(ind, plan.share, rnd, parts);
      if (rnd() < FAULT_RATE) {
        fault(v, rnd);
        faults++;
      }
      ws.addRow([ind.code, ind.name, v.unit, v.baseline, v.target, v.actual, v.previous, v.remark]);
      written++;
    }
    ws.addRow([]);
    ws.addRow(["注：本表数据截至报告期末。"]);
    ws.addRow(["填表人：张三", null, "联系电话：0941-8211234"]);
  }
  return { workbook: wb, info: { sheets: wb.worksheets.length, rows: written, faults } };
}
