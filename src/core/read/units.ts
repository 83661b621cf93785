/**
 * Units of measure (docs/specification.md §2): how a unit written in a sheet relates to an indicator's canonical
 * unit. A unit belongs to a family (area, mass, money, count, percent, or a ratio of two families
 * such as mass/area) and has a factor relative to the family's base unit; two units convert when
 * their families match. Anything not known here does not convert, and the caller reports it.
 */
import { foldWidth, removeSpaces } from "./text";
import { memoText } from "../util/memo";
import { roundComputed } from "../util/round";
import type { Indicator } from "../model/catalogue";

export type UnitFamily =
  "area" | "mass" | "money" | "count" | "percent" | "multiplier" | `${string}/${string}`;

export interface UnitInfo {
  family: UnitFamily;
  /** Size of one of this unit in the family's base unit (亩, 斤, 元, one item, one percent point). */
  factor: number;
  /** True when the unit carries a multiplier prefix of its own (万元, 万人, 千亩). */
  prefixed: boolean;
}

/** Counting words: every count is one family and converts 1:1 (docs/specification.md §2). */
export const COUNT_UNITS: readonly string[] = [
  "个",
  "家",
  "件",
  "座",
  "处",
  "所",
  "项",
  "人",
  "户",
  "头",
  "只",
  "名",
  "位",
  "次",
  "台",
  "套",
  "株",
  "匹",
  "辆",
  "篇",
  "本",
  "条",
  "场",
  "批",
  "间",
  "栋",
  "张",
  "份",
  "例",
  "种",
  "对",
  "尾",
  "羽",
  "口",
  "人次",
  "户次",
  "项次",
  "家次",
];

/** Simple units, by their normalised spelling. Base units have factor 1. */
const SIMPLE_UNITS: Readonly<Record<string, { family: UnitFamily; factor: number }>> = {
  ...Object.fromEntries(COUNT_UNITS.map((u) => [u, { family: "count" as const, factor: 1 }])),
  // area: base 亩 (1 公顷 = 15 亩)
  亩: { family: "area", factor: 1 },
  公顷: { family: "area", factor: 15 },
  hm2: { family: "area", factor: 15 },
  ha: { family: "area", factor: 15 },
  平方公里: { family: "area", factor: 1500 },
  平方千米: { family: "area", factor: 1500 },
  km2: { family: "area", factor: 1500 },
  平方米: { family: "area", factor: 0.0015 },
  m2: { family: "area", factor: 0.0015 },
  // mass: base 斤 (1 公斤 = 2 斤, 1 吨 = 2000 斤)
  斤: { family: "mass", factor: 1 },
  市斤: { family: "mass", factor: 1 },
  公斤: { family: "mass", factor: 2 },
  千克: { family: "mass", factor: 2 },
  kg: { family: "mass", factor: 2 },
  吨: { family: "mass", factor: 2000 },
  t: { family: "mass", factor: 2000 },
  克: { family: "mass", factor: 0.002 },
  g: { family: "mass", factor: 0.002 },
  // money: base 元
  元: { family: "money", factor: 1 },
  // percent: values are in percent points
  "%": { family: "percent", factor: 1 },
  百分比: { family: "percent", factor: 1 },
  百分点: { family: "percent", factor: 1 },
  个百分点: { family: "percent", factor: 1 },
};

/** Multiplier prefixes, longest first so that 千万 wins over 千. */
const MULTIPLIERS: readonly (readonly [string, number])[] = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["百万", 1e6],
  ["十万", 1e5],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
  ["百", 1e2],
];

/** Written in a unit column to mean "no unit" (the indicator's canonical unit). */
const NO_UNIT = /^(?:[-—–―─]+|\/|无)$/;

/** Whether a unit column's text says the row has no unit of measure (—, /, 无). */
export function meansNoUnit(text: string): boolean {
  return NO_UNIT.test(text);
}

/**
 * The spelling units are compared by: widths folded (also ㎏, ㎡, m² and the like), no whitespace,
 * Latin letters in lower case, one pair of enclosing brackets and a leading "单位：" removed;
 * '—', '-', '/' and '无' mean no unit and give ''.
 * '万 亩'→'万亩', '（亩）'→'亩', 'KG'→'kg', '％'→'%'.
 */
export const normaliseUnit = memoText(normaliseUnitText);

function normaliseUnitText(text: string): string {
  let s = removeSpaces(foldWidth(text).normalize("NFKC")).toLowerCase();
  for (;;) {
    const inner = /^[(（[【〔]([^]*)[)）\]】〕]$/.exec(s);
    const label = /^(?:计量单位|单位)[:：]?([^]*)$/.exec(s);
    if (inner) s = inner[1];
    else if (label && label[1] !== "") s = label[1];
    else break;
  }
  return NO_UNIT.test(s) ? "" : s;
}

function simpleUnitInfo(u: string): UnitInfo | null {
  const known = SIMPLE_UNITS[u];
  if (known) return { family: known.family, factor: known.factor, prefixed: false };
  for (const [prefix, factor] of MULTIPLIERS) {
    if (!u.startsWith(prefix)) continue;
    const rest = u.slice(prefix.length);
    if (rest === "") return { family: "multiplier", factor, prefixed: true };
    const base = SIMPLE_UNITS[rest];
    // 万% or 万百分点 means nothing; a prefix only scales a real quantity
    if (base && base.family !== "percent")
      return { family: base.family, factor: base.factor * factor, prefixed: true };
    return null;
  }
  return null;
}

/**
 * What a unit is: its family and size, or null when it is not a known unit (or empty).
 * Ratios are written with one '/': '斤/亩', '公斤/亩', '件/万人', '万元/亩'.
 */
export function parseUnit(unit: string): UnitInfo | null {
  return unitInfo(unit);
}

// Every value cell's unit is looked up, and there are few different units: the answer is remembered.
const unitInfo = memoText(parseUnitText);

function parseUnitText(unit: string): UnitInfo | null {
  const u = normaliseUnit(unit);
  if (u === "") return null;
  const parts = u.split("/");
  if (parts.length === 1) return simpleUnitInfo(u);
  if (parts.length !== 2) return null;
  const num = simpleUnitInfo(parts[0]);
  const den = simpleUnitInfo(parts[1]);
  if (!num || !den || num.family === "multiplier" || den.family === "multiplier") return null;
  if (num.family.includes("/") || den.family === "percent" || num.family === "percent") return null;
  return {
    family: `${num.family}/${den.family}`,
    factor: num.factor / den.factor,
    prefixed: false,
  };
}

/** The family of a unit ('area', 'mass', 'money', 'count', 'percent', 'mass/area', 'multiplier' for a bare 万 …), null when unknown or empty. */
export function unitFamily(unit: string): UnitFamily | null {
  return parseUnit(unit)?.family ?? null;
}

/** True for '%', '％', '百分比', '百分点'. */
export function isPercentUnit(unit: string): boolean {
  return unitFamily(unit) === "percent";
}

/** True when the text names no unit: '', '—', '-', '/', '无'. */
export function isNoUnit(unit: string): boolean {
  return normaliseUnit(unit) === "";
}

/** Multiplies by num/den and drops the float noise of the last bits (5.6 × 10⁴ is 56000, not 55999.999…). */
function scale(value: number, num: number, den: number): number {
  if (num === den) return value;
  const exact = num >= den ? value * (num / den) : value / (den / num);
  return roundComputed(exact);
}

/**
 * Converts value from unit `from` to the canonical unit `to`; null when they do not convert.
 * '' (no unit given) means canonical, and so do '—', '-' and '/'.
 *
 * A bare multiplier ('3万' read as 3 with unit '万') scales the canonical unit: 3 万 in a 亩
 * column is 30000 亩. Where the canonical unit has a multiplier of its own (万元, 万人), a bare
 * 万 could mean 3 万元 or 3 万 × 万元, so it does not convert: the sheet must say which.
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (!Number.isFinite(value)) return null;
  const factors = conversion(from, to);
  return factors && scale(value, factors.num, factors.den);
}

const SAME_SIZE = { num: 1, den: 1 };

/** The sizes a value in `from` is scaled by (num/den) to be in `to`; null when they do not convert. */
function conversion(from: string, to: string): { num: number; den: number } | null {
  const f = normaliseUnit(from);
  const t = normaliseUnit(to);
  if (f === "" || f === t) return SAME_SIZE;
  const source = parseUnit(f);
  if (!source) return null;
  if (source.family === "multiplier") {
    if (t === "") return { num: source.factor, den: 1 };
    const target = parseUnit(t);
    if (!target || target.prefixed || target.family === "percent" || target.family.includes("/"))
      return null;
    return { num: source.factor, den: 1 };
  }
  const target = parseUnit(t);
  if (!target || target.family !== source.family) return null;
  return { num: source.factor, den: target.factor };
}

/**
 * True when a value in unit `from` can be converted to the canonical unit `to`. Asked several times
 * per row, so it does not scale a value it would throw away.
 */
export function unitsCompatible(from: string, to: string): boolean {
  return conversion(from, to) !== null;
}

/**
 * A unit written without the "per" that the indicator's name says: 公斤 in the row of 青稞亩均产量
 * (斤/亩) is 公斤/亩, 件 in the row of 每万人发明专利拥有量 is 件/万人; and 元/人 for a 人均 amount is 元.
 */
export function withImpliedPer(unit: string, ind: Indicator): string {
  if (!unit || unitsCompatible(unit, ind.unit)) return unit;
  const slash = ind.unit.indexOf("/");
  if (slash > 0) {
    const per = ind.unit.slice(slash + 1);
    const says = ind.name.includes(`${per}均`) || ind.name.includes(`每${per}`);
    if (says && unitsCompatible(unit, ind.unit.slice(0, slash))) return `${unit}/${per}`;
  }
  if (
    unit.endsWith("/人") &&
    ind.name.includes("人均") &&
    unitsCompatible(unit.slice(0, -2), ind.unit)
  )
    return unit.slice(0, -2);
  return unit;
}
