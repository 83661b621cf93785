/**
 * Reading the 指标规则 sheet back into a catalogue. The sheet is checked first: every problem is a
 * `catalogue_invalid` finding on its cell, and a sheet with any problem gives no catalogue at all —
 * nothing is scored against rules that are half wrong.
 *
 * Reading is tolerant of what people do to a sheet: blocks and columns found by their headers in any
 * order, blank and title rows skipped, full-width digits, "3%" typed as text, dates as text or dates.
 */
import { type Cell, type SheetGrid, cellAddress, cellText, getCell } from "../model/cells";
import type { Catalogue, Indicator, TargetKind, UnitEntry } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { Message } from "../i18n/messages";
import { makeFinding } from "../validate/rules";
import { parseValue, roundSignificant } from "../read/values";
import { parsePeriod } from "../read/period";
import { convertUnit, isNoUnit, isPercentUnit, normaliseUnit, parseUnit } from "../read/units";
import { collapseSpaces, foldWidth, normaliseKey, removeSpaces } from "../read/text";
import { unitKey } from "./match";
import { catalogueVersion } from "./version";
import {
  AGGREGATION_WORDS,
  BLOCKS,
  INDICATOR_BLOCK,
  KIND_WORDS,
  MEASURE_WORDS,
  REFERENCE_BLOCK,
  SETTINGS,
  SETTING_BLOCK,
  UNIT_BLOCK,
  UNIT_KIND_WORDS,
  fieldOfHeader,
  settingOf,
  valueOfWord,
  yesNo,
  type Block,
  type IndicatorField,
  type SettingKey,
} from "./sheet-layout";

export interface CatalogueRead {
  /** Null when the sheet has any problem. */
  catalogue: Catalogue | null;
  findings: Finding[];
}

interface Ref {
  row: number;
  col: number;
  address: string;
  cell: Cell | undefined;
  text: string;
}

interface FoundBlock<F extends string> {
  block: Block<F>;
  headerRow: number;
  columns: Partial<Record<F, number>>;
  rows: number[];
}

const msg = (zh: string, en: string): Message => ({ zh, en });

/** Kinds whose target is a number in the indicator's unit. */
const NUMERIC_KINDS: TargetKind[] = ["at_least", "greater_than", "at_most", "approx"];

class Problems {
  readonly findings: Finding[] = [];
  constructor(private readonly sheet: string) {}

  at(
    ref: Ref | { address?: string; text?: string } | undefined,
    reason: Message,
    indicator?: string
  ): void {
    this.findings.push(
      makeFinding(
        "catalogue_invalid",
        { sheet: this.sheet, cell: ref?.address, indicator, text: ref?.text },
        { reason }
      )
    );
  }
}

function refAt(grid: SheetGrid, row: number, col: number | undefined): Ref | undefined {
  if (col === undefined) return undefined;
  const cell = getCell(grid, row, col);
  return { row, col, address: cellAddress(row, col), cell, text: cellText(cell) };
}

function rowTexts(grid: SheetGrid, row: number): string[] {
  return (grid.rows[row] ?? []).map((c) => cellText(c));
}

/** A title (【…】) or a note row: one filled cell, never data. */
function isTitleOrNote(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length !== 1) return false;
  const t = foldWidth(filled[0]).trim();
  return /^[【[]/.test(t) || /^(注|说明|备注|填表说明)\s*[:：0-9一二三.、]/.test(t);
}

function matchHeader(texts: string[]): FoundBlock<string> | null {
  for (const block of BLOCKS as readonly Block<string>[]) {
    const columns: Partial<Record<string, number>> = {};
    texts.forEach((t, c) => {
      if (!t) return;
      const field = fieldOfHeader(block, t);
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (block.signature.every((f) => columns[f] !== undefined))
      return { block, headerRow: -1, columns, rows: [] };
  }
  return null;
}

function findBlocks(grid: SheetGrid): FoundBlock<string>[] {
  const found: FoundBlock<string>[] = [];
  let current: FoundBlock<string> | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const texts = rowTexts(grid, r);
    if (!texts.some(Boolean)) continue;
    const header = matchHeader(texts);
    if (header) {
      current = { ...header, headerRow: r };
      found.push(current);
      continue;
    }
    if (isTitleOrNote(texts)) continue;
    current?.rows.push(r);
  }
  return found;
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: Message };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(zh: string, en: string): Read<T> => ({ ok: false, reason: msg(zh, en) });

/** A number in the indicator's unit: "5.6万" or "5.6万亩" in a 亩 column, "1.42%" for a percent indicator. */
function readQuantity(
  ref: Ref | undefined,
  unit: string,
  what: { zh: string; en: string }
): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number")
    return bad(`${what.zh}“${ref.text}”不是数字`, `the ${what.en} "${ref.text}" is not a number`);
  if (p.approx || p.atLeast) {
    return bad(
      `${what.zh}“${ref.text}”只能填数字，不要加“约”“以上”等字`,
      `the ${what.en} "${ref.text}" must be a plain number, without 约 or 以上`
    );
  }
  if (isPercentUnit(unit)) {
    if (p.unit && convertUnit(p.value, p.unit, unit) === null) {
      return bad(`${what.zh}“${ref.text}”的单位不是 %`, `the ${what.en} "${ref.text}" is not in %`);
    }
    return ok(p.value);
  }
  if (p.percent) {
    return bad(
      `${what.zh}“${ref.text}”是百分数，但指标以“${unit}”计`,
      `the ${what.en} "${ref.text}" is a percent, but the indicator is counted in ${unit}`
    );
  }
  if (p.unit) {
    const converted = convertUnit(p.value, p.unit, unit);
    if (converted === null) {
      return bad(
        `${what.zh}“${ref.text}”的单位不能换算为“${unit}”`,
        `the ${what.en} "${ref.text}" does not convert to ${unit}`
      );
    }
    return ok(converted);
  }
  return ok(p.value);
}

/** A rate: "3%", a cell formatted as percent, or a fraction below 1 (0.03). A plain 3 is not guessed. */
function readRate(ref: Ref | undefined, what: { zh: string; en: string }): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number" || p.unit || p.approx || p.atLeast) {
    return bad(
      `${what.zh}“${ref.text}”不是百分数`,
      `the ${what.en} "${ref.text}" is not a percent`
    );
  }
  if (p.percent) return ok(roundSignificant(p.value / 100));
  if (Math.abs(p.value) < 1) return ok(p.value);
  return bad(
    `${what.zh}“${ref.text}”请写成百分数，如 3%`,
    `write the ${what.en} "${ref.text}" as a percent, e.g. 3%`
  );
}

/** A plain number: no unit, no percent. */
function readPlain(ref: Ref | undefined, what: { zh: string; en: string }): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number" || p.unit || p.percent || p.approx || p.atLeast) {
    return bad(`${what.zh}“${ref.text}”不是数字`, `the ${what.en} "${ref.text}" is not a number`);
  }
  return ok(p.value);
}

function readDate(ref: Ref | undefined, what: { zh: string; en: string }): Read<string | null> {
  if (!ref || !ref.text) return ok(null);
  const v = ref.cell?.value;
  const period =
    v instanceof Date || typeof v === "number" || typeof v === "string" ? parsePeriod(v) : null;
  if (!period)
    return bad(
      `${what.zh}“${ref.text}”不是日期（如 2023-12-31）`,
      `the ${what.en} "${ref.text}" is not a date (e.g. 2023-12-31)`
    );
  return ok(period.asOf);
}

function codeText(ref: Ref | undefined): string {
  return ref ? removeSpaces(foldWidth(ref.text)) : "";
}

function listText(ref: Ref | undefined, separators: RegExp): string[] {
  if (!ref || !ref.text) return [];
  return ref.text
    .split(separators)
    .map((s) => collapseSpaces(s))
    .filter(Boolean);
}

function columnZh<F extends string>(block: Block<F>, field: F): string {
  return block.columns.find((c) => c.field === field)?.zh ?? field;
}

function requireColumns<F extends string>(found: FoundBlock<F>, problems: Problems): boolean {
  const missing = found.block.columns.filter(
    (c) => c.required && found.columns[c.field] === undefined
  );
  for (const c of missing) {
    problems.at(
      { address: cellAddress(found.headerRow, 0) },
      msg(
        `${found.block.title}缺少“${c.zh}”列`,
        `the block ${found.block.title} has no column ${c.zh} (${c.en})`
      )
    );
  }
  return missing.length === 0;
}

/** What the cross-checks need to point back at the cells of an indicator row. */
interface IndicatorRow {
  indicator: Indicator;
  refs: Partial<Record<IndicatorField, Ref>>;
}

/**
 * The indicator rows that read cleanly. `known` collects every code written, broken rows included,
 * so that a cell naming a broken row is not reported a second time.
 */
function readIndicators(
  grid: SheetGrid,
  found: FoundBlock<IndicatorField>,
  problems: Problems,
  known: Set<string>
): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const r of found.rows) {
    const refs: Partial<Record<IndicatorField, Ref>> = {};
    for (const c of INDICATOR_BLOCK.columns) {
      const ref = refAt(grid, r, found.columns[c.field]);
      if (ref) refs[c.field] = ref;
    }
    if (!Object.values(refs).some((x) => x?.text)) continue;
    if (codeText(refs.code)) known.add(normaliseKey(codeText(refs.code)));
    const row = readIndicatorRow(refs, r, problems);
    if (row) out.push({ indicator: row, refs });
  }
  return out;
}

/** One indicator row; null when a problem keeps it from being an indicator at all. */
function readIndicatorRow(
  refs: Partial<Record<IndicatorField, Ref>>,
  row: number,
  problems: Problems
): Indicator | null {
  const code = codeText(refs.code);
  if (!code) {
    problems.at(
      refs.code ?? refs.name ?? { address: cellAddress(row, 0) },
      msg(`第 ${row + 1} 行有内容但没有编码`, `row ${row + 1} has content but no code`)
    );
    return null;
  }
  const start = problems.findings.length;
  const field = (f: IndicatorField) => ({
    zh: `${code} 的${columnZh(INDICATOR_BLOCK, f)}`,
    en: `${f} of ${code}`,
  });
  const take = <T>(f: IndicatorField, read: Read<T>): T | undefined => {
    if (read.ok) return read.value;
    problems.at(refs[f], read.reason, code);
    return undefined;
  };
  const required = (f: IndicatorField): string => {
    const text = refs[f] ? collapseSpaces(refs[f]!.text) : "";
    if (!text) {
      const c = INDICATOR_BLOCK.columns.find((x) => x.field === f)!;
      problems.at(
        refs[f] ?? { address: cellAddress(row, 0) },
        msg(`${code} 的“${c.zh}”不能为空`, `the ${c.en} of ${code} is empty`),
        code
      );
    }
    return text;
  };

  const name = required("name");
  const category = required("category");
  const owner = required("owner");

  let unit = "";
  const unitText = required("unit");
  if (unitText) {
    if (isNoUnit(unitText)) unit = "—";
    else if (parseUnit(unitText)) unit = normaliseUnit(unitText);
    else
      problems.at(
        refs.unit,
        msg(
          `${code} 的计量单位“${unitText}”无法识别`,
          `the unit "${unitText}" of ${code} is not known`
        ),
        code
      );
  }

  let kind: TargetKind | undefined;
  const kindText = refs.kind?.text ?? "";
  if (kindText) {
    kind = valueOfWord(KIND_WORDS, kindText) ?? undefined;
    if (!kind) {
      problems.at(
        refs.kind,
        msg(
          `${code} 的目标类型“${kindText}”无法识别（可选：${KIND_WORDS.map((k) => k.zh).join("、")}）`,
          `the target kind "${kindText}" of ${code} is not known (choose one of ${KIND_WORDS.map((k) => k.value).join(", ")})`
        ),
        code
      );
    }
  }

  const aggregationText = required("aggregation");
  const aggregation = aggregationText ? valueOfWord(AGGREGATION_WORDS, aggregationText) : null;
  if (aggregationText && !aggregation) {
    problems.at(
      refs.aggregation,
      msg(
        `${code} 的汇总方式“${aggregationText}”无法识别（可选：${AGGREGATION_WORDS.map((k) => k.zh).join("、")}）`,
        `the aggregation "${aggregationText}" of ${code} is not known (sum, owner or weighted_mean)`
      ),
      code
    );
  }
  const measureText = refs.measure?.text ?? "";
  const measure = measureText ? valueOfWord(MEASURE_WORDS, measureText) : "level";
  if (!measure) {
    problems.at(
      refs.measure,
      msg(
        `${code} 的计量方式“${measureText}”无法识别（可选：时点值、年度累计）`,
        `the measure "${measureText}" of ${code} is not known (level or flow)`
      ),
      code
    );
  }

  // The target: a number for the comparing kinds, a rate for growth, nothing for reference and milestone.
  let target: number | null = null;
  const targetRef = refs.target;
  if (kind === "annual_growth") {
    target = take("target", readRate(targetRef, field("target"))) ?? null;
    if (
      target === null &&
      !problems.findings.slice(start).some((f) => f.cell === targetRef?.address)
    ) {
      problems.at(
        targetRef,
        msg(
          `${code} 是年递增目标，须填写年递增率，如 3%`,
          `${code} grows by a yearly rate: enter it, e.g. 3%`
        ),
        code
      );
    }
  } else if (kind && NUMERIC_KINDS.includes(kind) && unit) {
    target = take("target", readQuantity(targetRef, unit, field("target"))) ?? null;
    if (
      target === null &&
      !problems.findings.slice(start).some((f) => f.cell === targetRef?.address)
    ) {
      problems.at(
        targetRef ?? { address: cellAddress(row, 0) },
        msg(`${code} 的目标值为空`, `the target of ${code} is empty`),
        code
      );
    }
  } else if (!kind && !kindText && targetRef?.text) {
    problems.at(
      targetRef,
      msg(`${code} 填了目标值，但没有目标类型`, `${code} has a target but no target kind`),
      code
    );
  }

  const baseline = unit
    ? (take("baseline", readQuantity(refs.baseline, unit, field("baseline"))) ?? null)
    : null;
  const min = unit ? (take("min", readQuantity(refs.min, unit, field("min"))) ?? null) : null;
  const max = unit ? (take("max", readQuantity(refs.max, unit, field("max"))) ?? null) : null;
  if (min !== null && max !== null && min > max) {
    problems.at(
      refs.max,
      msg(
        `${code} 的最小值 ${min} 大于最大值 ${max}`,
        `the min ${min} of ${code} is above its max ${max}`
      ),
      code
    );
  } else if (
    target !== null &&
    kind !== "annual_growth" &&
    ((min !== null && target < min) || (max !== null && target > max))
  ) {
    problems.at(
      targetRef,
      msg(
        `${code} 的目标值 ${target} 不在最小值与最大值之间`,
        `the target ${target} of ${code} is outside its min and max`
      ),
      code
    );
  }

  const weightRead = take("weight", readPlain(refs.weight, field("weight")));
  const weight = weightRead === undefined ? 1 : (weightRead ?? 1);
  if (weightRead !== undefined && weight < 0) {
    problems.at(
      refs.weight,
      msg(`${code} 的权重 ${weight} 小于 0`, `the weight ${weight} of ${code} is below 0`),
      code
    );
  }

  const dateOf = (f: "baselineDate" | "deadline"): string => {
    const d = take(f, readDate(refs[f], field(f)));
    if (d === null) {
      const c = INDICATOR_BLOCK.columns.find((x) => x.field === f)!;
      problems.at(
        refs[f] ?? { address: cellAddress(row, 0) },
        msg(`${code} 的“${c.zh}”不能为空`, `the ${c.en} of ${code} is empty`),
        code
      );
    }
    return d ?? "";
  };
  const baselineDate = dateOf("baselineDate");
  const deadline = dateOf("deadline");
  if (baselineDate && deadline && baselineDate >= deadline) {
    problems.at(
      refs.deadline,
      msg(
        `${code} 的完成期限 ${deadline} 不晚于基期日期 ${baselineDate}`,
        `the deadline ${deadline} of ${code} is not after its baseline date ${baselineDate}`
      ),
      code
    );
  }

  const flag = (f: "integer" | "cumulative"): boolean => {
    const v = yesNo(refs[f]?.text ?? "");
    if (v === null) {
      problems.at(
        refs[f],
        msg(
          `${code} 的“${columnZh(INDICATOR_BLOCK, f)}”请填“是”或留空`,
          `the ${f} flag of ${code} must be 是 or empty`
        ),
        code
      );
    }
    return v === true;
  };
  const integer = flag("integer");
  const cumulative = flag("cumulative");

  if (problems.findings.length > start || (!kind && kindText)) return null;

  const ind: Indicator = {
    code,
    name,
    aliases: listText(refs.aliases, /[；;\r\n]+/),
    category,
    unit,
    ...(kind ? { kind } : {}),
    target,
    baseline,
    baselineDate,
    deadline,
    weight,
    aggregation: aggregation!,
    measure: measure!,
    owner,
    coUnits: listText(refs.coUnits, /[、，,；;\r\n]+/),
  };
  if (min !== null) ind.min = min;
  if (max !== null) ind.max = max;
  if (integer) ind.integer = true;
  if (cumulative) ind.cumulative = true;
  return ind;
}

/** Codes named by other cells (加权依据, 比值分子/分母) must be indicators of the sheet; codes must be unique. */
function crossCheck(rows: IndicatorRow[], known: Set<string>, problems: Problems): void {
  const byKey = new Map<string, IndicatorRow>();
  for (const r of rows) {
    const key = normaliseKey(r.indicator.code);
    const first = byKey.get(key);
    if (first) {
      problems.at(
        r.refs.code,
        msg(
          `编码 ${r.indicator.code} 重复（另见 ${first.refs.code?.address}）`,
          `the code ${r.indicator.code} is used twice (also at ${first.refs.code?.address})`
        ),
        r.indicator.code
      );
    } else {
      byKey.set(key, r);
    }
  }
  const lookup = (ref: Ref | undefined): string | null => {
    const text = codeText(ref);
    return text ? (byKey.get(normaliseKey(text))?.indicator.code ?? null) : null;
  };
  /** Names a row that exists but is broken: already reported there. */
  const broken = (ref: Ref | undefined): boolean => {
    const key = normaliseKey(codeText(ref));
    return key !== "" && known.has(key) && !byKey.has(key);
  };

  for (const r of rows) {
    const ind = r.indicator;
    const byText = codeText(r.refs.weightBy);
    if (ind.aggregation === "weighted_mean") {
      const by = lookup(r.refs.weightBy);
      if (!byText) {
        problems.at(
          r.refs.weightBy ?? r.refs.aggregation,
          msg(
            `${ind.code} 按加权平均汇总，须在“加权依据”填写权重指标的编码`,
            `${ind.code} is a weighted mean: enter the code of the weighting indicator under 加权依据`
          ),
          ind.code
        );
      } else if (!by) {
        if (!broken(r.refs.weightBy))
          problems.at(
            r.refs.weightBy,
            msg(
              `${ind.code} 的加权依据“${byText}”不是本表中的指标编码`,
              `the weighting indicator "${byText}" of ${ind.code} is not a code of this sheet`
            ),
            ind.code
          );
      } else if (by === ind.code) {
        problems.at(
          r.refs.weightBy,
          msg(`${ind.code} 不能按自身加权`, `${ind.code} cannot be weighted by itself`),
          ind.code
        );
      } else {
        ind.weightBy = by;
      }
    } else if (byText) {
      problems.at(
        r.refs.weightBy,
        msg(
          `${ind.code} 的汇总方式不是加权平均，不应填写加权依据`,
          `${ind.code} is not a weighted mean, so it takes no weighting indicator`
        ),
        ind.code
      );
    }

    const numText = codeText(r.refs.ratioNumerator);
    const denText = codeText(r.refs.ratioDenominator);
    const factorText = r.refs.ratioFactor?.text ?? "";
    if (numText || denText) {
      const num = lookup(r.refs.ratioNumerator);
      const den = lookup(r.refs.ratioDenominator);
      for (const [text, code, ref] of [
        [numText, num, r.refs.ratioNumerator],
        [denText, den, r.refs.ratioDenominator],
      ] as const) {
        if (!text) {
          problems.at(
            ref ?? r.refs.code,
            msg(
              `${ind.code} 的比值须同时填写分子和分母`,
              `the ratio of ${ind.code} needs both a numerator and a denominator`
            ),
            ind.code
          );
        } else if (!code && !broken(ref)) {
          problems.at(
            ref,
            msg(
              `${ind.code} 的比值“${text}”不是本表中的指标编码`,
              `"${text}" in the ratio of ${ind.code} is not a code of this sheet`
            ),
            ind.code
          );
        }
      }
      const factor = readPlain(r.refs.ratioFactor, {
        zh: `${ind.code} 的比值系数`,
        en: `ratio factor of ${ind.code}`,
      });
      if (!factor.ok) problems.at(r.refs.ratioFactor, factor.reason, ind.code);
      else if (factor.value === 0)
        problems.at(
          r.refs.ratioFactor,
          msg(`${ind.code} 的比值系数不能为 0`, `the ratio factor of ${ind.code} cannot be 0`),
          ind.code
        );
      if (num && den && factor.ok && factor.value !== 0)
        ind.ratio = { numerator: num, denominator: den, factor: factor.value ?? 1 };
    } else if (factorText) {
      problems.at(
        r.refs.ratioFactor,
        msg(
          `${ind.code} 填了比值系数，但没有分子和分母`,
          `${ind.code} has a ratio factor but no numerator and denominator`
        ),
        ind.code
      );
    }
  }
}

function readReferences(
  grid: SheetGrid,
  found: FoundBlock<string>,
  rows: IndicatorRow[],
  known: Set<string>,
  problems: Problems
): void {
  const byKey = new Map(rows.map((r) => [normaliseKey(r.indicator.code), r.indicator]));
  const seen = new Map<string, string>();
  for (const r of found.rows) {
    const code = refAt(grid, r, found.columns.code);
    const year = refAt(grid, r, found.columns.year);
    const value = refAt(grid, r, found.columns.value);
    if (!code?.text && !year?.text && !value?.text) continue;
    const text = codeText(code);
    const ind = text ? byKey.get(normaliseKey(text)) : undefined;
    if (!ind) {
      if (text && known.has(normaliseKey(text))) continue; // its indicator row is broken, and reported
      problems.at(
        code,
        text
          ? msg(
              `参考值的编码“${text}”不是本表中的指标编码`,
              `the reference code "${text}" is not a code of this sheet`
            )
          : msg(`第 ${r + 1} 行的参考值没有编码`, `the reference value in row ${r + 1} has no code`)
      );
      continue;
    }
    const y = /^(\d{4})\s*年?度?$/.exec(removeSpaces(foldWidth(year?.text ?? "")));
    const yearNumber = y ? Number(y[1]) : NaN;
    if (!(yearNumber >= 1900 && yearNumber <= 2200)) {
      problems.at(
        year,
        msg(
          `${ind.code} 的参考值年份“${year?.text ?? ""}”不是年份（如 2022）`,
          `the reference year "${year?.text ?? ""}" of ${ind.code} is not a year (e.g. 2022)`
        ),
        ind.code
      );
      continue;
    }
    const v = readQuantity(value, ind.unit, {
      zh: `${ind.code} ${yearNumber} 年的参考值`,
      en: `reference value of ${ind.code} for ${yearNumber}`,
    });
    if (!v.ok) {
      problems.at(value, v.reason, ind.code);
      continue;
    }
    if (v.value === null) {
      problems.at(
        value,
        msg(
          `${ind.code} ${yearNumber} 年的参考值为空`,
          `the reference value of ${ind.code} for ${yearNumber} is empty`
        ),
        ind.code
      );
      continue;
    }
    const key = `${ind.code}\u0000${yearNumber}`;
    if (seen.has(key)) {
      problems.at(
        year,
        msg(
          `${ind.code} ${yearNumber} 年的参考值重复（另见 ${seen.get(key)}）`,
          `the reference value of ${ind.code} for ${yearNumber} is given twice (also at ${seen.get(key)})`
        ),
        ind.code
      );
      continue;
    }
    seen.set(key, year!.address);
    ind.reference = { ...(ind.reference ?? {}), [yearNumber]: v.value };
  }
}

/** The unit rows that read cleanly; `listed` collects every name written, broken rows included. */
function readUnits(
  grid: SheetGrid,
  found: FoundBlock<string>,
  problems: Problems,
  listed: Set<string>
): UnitEntry[] {
  const units: UnitEntry[] = [];
  const seen = new Map<string, string>();
  for (const r of found.rows) {
    const nameRef = refAt(grid, r, found.columns.name);
    const kindRef = refAt(grid, r, found.columns.kind);
    const name = nameRef ? collapseSpaces(nameRef.text) : "";
    if (!name && !kindRef?.text) continue;
    if (!name) {
      problems.at(
        nameRef ?? kindRef,
        msg(`第 ${r + 1} 行的单位没有名称`, `the unit in row ${r + 1} has no name`)
      );
      continue;
    }
    listed.add(unitKey(name));
    const kind = valueOfWord(UNIT_KIND_WORDS, kindRef?.text ?? "");
    if (!kind) {
      problems.at(
        kindRef ?? nameRef,
        msg(
          `单位“${name}”的类型“${kindRef?.text ?? ""}”无法识别（可选：${UNIT_KIND_WORDS.map((k) => k.zh).join("、")}）`,
          `the kind "${kindRef?.text ?? ""}" of the unit ${name} is not known (bureau, township, street or other)`
        )
      );
      continue;
    }
    const key = unitKey(name);
    if (seen.has(key)) {
      problems.at(
        nameRef,
        msg(
          `单位“${name}”重复（另见 ${seen.get(key)}）`,
          `the unit ${name} is listed twice (also at ${seen.get(key)})`
        )
      );
      continue;
    }
    seen.set(key, nameRef!.address);
    units.push({ name, kind });
  }
  return units;
}

function readSettings(
  grid: SheetGrid,
  found: FoundBlock<string>,
  problems: Problems
): Partial<Record<SettingKey, number>> {
  const values: Partial<Record<SettingKey, number>> = {};
  const refs: Partial<Record<SettingKey, Ref>> = {};
  for (const r of found.rows) {
    const param = refAt(grid, r, found.columns.parameter);
    const value = refAt(grid, r, found.columns.value);
    if (!param?.text && !value?.text) continue;
    const key = param?.text ? settingOf(param.text) : null;
    if (!key) {
      problems.at(
        param ?? value,
        msg(
          `参数“${param?.text ?? ""}”无法识别（可选：${SETTINGS.map((s) => s.zh).join("、")}）`,
          `the setting "${param?.text ?? ""}" is not known (${SETTINGS.map((s) => s.en).join(", ")})`
        )
      );
      continue;
    }
    const setting = SETTINGS.find((s) => s.key === key)!;
    if (refs[key]) {
      problems.at(
        param,
        msg(
          `参数“${setting.zh}”重复（另见 ${refs[key]!.address}）`,
          `the setting ${setting.en} is given twice (also at ${refs[key]!.address})`
        )
      );
      continue;
    }
    refs[key] = value;
    const what = { zh: setting.zh, en: setting.en };
    if (key === "dueDays") {
      const v = readPlain(value, what);
      if (!v.ok) problems.at(value, v.reason);
      else if (v.value === null || !Number.isInteger(v.value) || v.value < 0) {
        problems.at(
          value,
          msg(
            `报送期限须为不小于 0 的整数天数`,
            "the due days must be a whole number of days, 0 or more"
          )
        );
      } else values.dueDays = v.value;
    } else {
      const v = readRate(value, what);
      if (!v.ok) problems.at(value, v.reason);
      else if (v.value === null || v.value < 0 || v.value >= 1) {
        problems.at(
          value,
          msg(
            `${setting.zh}须为 0% 到 100% 之间的百分数，如 10%`,
            `the ${setting.en} must be a percent from 0% to below 100%, e.g. 10%`
          )
        );
      } else values[key] = v.value;
    }
  }
  for (const s of SETTINGS) {
    if (values[s.key] === undefined && !refs[s.key]) {
      problems.at(
        { address: cellAddress(found.headerRow, found.columns.parameter ?? 0) },
        msg(`缺少参数“${s.zh}”`, `the setting ${s.en} is missing`)
      );
    }
  }
  if (
    values.onTrack !== undefined &&
    values.lagging !== undefined &&
    values.onTrack > values.lagging
  ) {
    problems.at(
      refs.lagging,
      msg(
        "滞后容差不能小于序时推进容差",
        "the lagging tolerance cannot be below the on-track tolerance"
      )
    );
  }
  return values;
}

/** The catalogue a 指标规则 sheet holds, or its problems. */
export function catalogueFromGrid(grid: SheetGrid): CatalogueRead {
  const problems = new Problems(grid.name);
  const blocks = findBlocks(grid);
  const of = <F extends string>(block: Block<F>) =>
    blocks.filter((b) => b.block === (block as Block<string>)) as unknown as FoundBlock<F>[];

  const required: [Block<string>, string][] = [
    [INDICATOR_BLOCK as Block<string>, "指标表（表头须有“编码”和“指标名称”）"],
    [SETTING_BLOCK as Block<string>, "状态容差与报送期限（表头须有“参数”和“数值”）"],
    [UNIT_BLOCK as Block<string>, "单位名单（表头须有“单位名称”和“单位类型”）"],
  ];
  for (const [block, zh] of required) {
    if (!blocks.some((b) => b.block === block)) {
      problems.at(
        undefined,
        msg(`找不到${zh}`, `the block ${block.title} (with its header row) is missing`)
      );
    }
  }
  for (const b of blocks) requireColumns(b, problems);
  if (problems.findings.length) return { catalogue: null, findings: problems.findings };

  const known = new Set<string>();
  const rows = of(INDICATOR_BLOCK).flatMap((b) => readIndicators(grid, b, problems, known));
  if (!rows.length && !problems.findings.length) {
    problems.at(
      { address: cellAddress(of(INDICATOR_BLOCK)[0].headerRow, 0) },
      msg("指标表中没有任何指标", "the indicator table holds no indicator")
    );
  }
  crossCheck(rows, known, problems);
  for (const b of of(REFERENCE_BLOCK))
    readReferences(grid, b as FoundBlock<string>, rows, known, problems);
  const listed = new Set<string>();
  const units = of(UNIT_BLOCK).flatMap((b) =>
    readUnits(grid, b as FoundBlock<string>, problems, listed)
  );
  const settings: Partial<Record<SettingKey, number>> = {};
  for (const b of of(SETTING_BLOCK))
    Object.assign(settings, readSettings(grid, b as FoundBlock<string>, problems));

  // Every owner is a unit of the list, so templates and consolidation know it.
  for (const r of rows) {
    if (!listed.has(unitKey(r.indicator.owner))) {
      problems.at(
        r.refs.owner,
        msg(
          `责任单位“${r.indicator.owner}”不在单位名单中，请在【单位名单】中补充`,
          `the responsible unit ${r.indicator.owner} is not in the unit list; add it there`
        ),
        r.indicator.code
      );
    }
  }

  if (problems.findings.length) return { catalogue: null, findings: problems.findings };
  const content = {
    indicators: rows.map((r) => r.indicator),
    units,
    tolerances: { onTrack: settings.onTrack!, lagging: settings.lagging! },
    dueDays: settings.dueDays!,
  };
  return { catalogue: { version: catalogueVersion(content), ...content }, findings: [] };
}
