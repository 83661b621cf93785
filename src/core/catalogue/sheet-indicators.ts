/**
 * The indicators block of the 指标规则 sheet: each row read into an indicator, then the rows
 * checked against each other (codes, parts of ratios, units). Used by sheet-read.ts.
 */
import { type SheetGrid, cellAddress } from "../model/cells";
import type { Indicator, TargetKind } from "../model/catalogue";

import { isNoUnit, normaliseUnit, parseUnit } from "../read/units";
import { collapseSpaces, normaliseKey } from "../read/text";

import {
  AGGREGATION_WORDS,
  INDICATOR_BLOCK,
  KIND_WORDS,
  MEASURE_WORDS,
  valueOfWord,
  yesNo,
  type IndicatorField,
} from "./sheet-layout";

import {
  Ref,
  FoundBlock,
  msg,
  NUMERIC_KINDS,
  Problems,
  refAt,
  Read,
  readQuantity,
  readRate,
  readPlain,
  readDate,
  codeText,
  listText,
  columnZh,
} from "./sheet-cells";

/** What the cross-checks need to point back at the cells of an indicator row. */
export interface IndicatorRow {
  indicator: Indicator;
  refs: Partial<Record<IndicatorField, Ref>>;
}

/**
 * The indicator rows that read cleanly. `known` collects every code written, broken rows included,
 * so that a cell naming a broken row is not reported a second time.
 */
export function readIndicators(
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
export function readIndicatorRow(
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
export function crossCheck(rows: IndicatorRow[], known: Set<string>, problems: Problems): void {
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
