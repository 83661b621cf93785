/**
 * The texts of the 指标规则 sheet: what it tells the person editing it, and what is wrong with it
 * cell by cell (each the reason of a `catalogue_invalid` finding, which messages.ts wraps), Chinese
 * first, English second. The words of the sheet itself (headers, coded values, setting names) are
 * data of catalogue/sheet-layout.ts, passed in.
 */
import type { Message } from "./messages";

/** A text written in one cell in both languages: "指标规则 / Indicator rules". */
export function inBoth(m: Message): string {
  return `${m.zh} / ${m.en}`;
}

/** The name of a value in a message: "A1 的目标值" / "target of A1". */
export const CATALOGUE_WHAT = {
  field: (code: string, columnZh: string, field: string): Message => ({
    zh: `${code} 的${columnZh}`,
    en: `${field} of ${code}`,
  }),
  reference: (code: string, year: number): Message => ({
    zh: `${code} ${year} 年的参考值`,
    en: `reference value of ${code} for ${year}`,
  }),
  ratioFactor: (code: string): Message => ({
    zh: `${code} 的比值系数`,
    en: `ratio factor of ${code}`,
  }),
};

/** A value that cannot be read as what its column holds; `what` names it, `text` is the cell's. */
export const CATALOGUE_VALUE = {
  notNumber: (what: Message, text: string): Message => ({
    zh: `${what.zh}“${text}”不是数字`,
    en: `the ${what.en} "${text}" is not a number`,
  }),
  notPlain: (what: Message, text: string): Message => ({
    zh: `${what.zh}“${text}”只能填数字，不要加“约”“以上”等字`,
    en: `the ${what.en} "${text}" must be a plain number, without 约 or 以上`,
  }),
  notInPercent: (what: Message, text: string): Message => ({
    zh: `${what.zh}“${text}”的单位不是 %`,
    en: `the ${what.en} "${text}" is not in %`,
  }),
  percentOfUnit: (what: Message, text: string, unit: string): Message => ({
    zh: `${what.zh}“${text}”是百分数，但指标以“${unit}”计`,
    en: `the ${what.en} "${text}" is a percent, but the indicator is counted in ${unit}`,
  }),
  notConvertible: (what: Message, text: string, unit: string): Message => ({
    zh: `${what.zh}“${text}”的单位不能换算为“${unit}”`,
    en: `the ${what.en} "${text}" does not convert to ${unit}`,
  }),
  notPercent: (what: Message, text: string): Message => ({
    zh: `${what.zh}“${text}”不是百分数`,
    en: `the ${what.en} "${text}" is not a percent`,
  }),
  rateAsPercent: (what: Message, text: string): Message => ({
    zh: `${what.zh}“${text}”请写成百分数，如 3%`,
    en: `write the ${what.en} "${text}" as a percent, e.g. 3%`,
  }),
  notDate: (what: Message, text: string): Message => ({
    zh: `${what.zh}“${text}”不是日期（如 2023-12-31）`,
    en: `the ${what.en} "${text}" is not a date (e.g. 2023-12-31)`,
  }),
};

/** What each block must hold to be found: its header words. */
const BLOCK_ZH: Record<"indicators" | "settings" | "units", string> = {
  indicators: "指标表（表头须有“编码”和“指标名称”）",
  settings: "状态容差与报送期限（表头须有“参数”和“数值”）",
  units: "单位名单（表头须有“单位名称”和“单位类型”）",
};

/** The sheet's blocks and their columns. */
export const CATALOGUE_BLOCK = {
  missing: (kind: keyof typeof BLOCK_ZH, title: string): Message => ({
    zh: `找不到${BLOCK_ZH[kind]}`,
    en: `the block ${title} (with its header row) is missing`,
  }),
  missingColumn: (title: string, column: Message): Message => ({
    zh: `${title}缺少“${column.zh}”列`,
    en: `the block ${title} has no column ${column.zh} (${column.en})`,
  }),
  noIndicators: (): Message => ({
    zh: "指标表中没有任何指标",
    en: "the indicator table holds no indicator",
  }),
};

/** The coded values a column accepts: the words written (zh) and the codes (en). */
export interface Choices {
  zh: string[];
  en: string[];
}

/** One row of the indicators block. `row` is 0-based. */
export const CATALOGUE_INDICATOR = {
  noCode: (row: number): Message => ({
    zh: `第 ${row + 1} 行有内容但没有编码`,
    en: `row ${row + 1} has content but no code`,
  }),
  empty: (code: string, column: Message): Message => ({
    zh: `${code} 的“${column.zh}”不能为空`,
    en: `the ${column.en} of ${code} is empty`,
  }),
  unknownUnit: (code: string, text: string): Message => ({
    zh: `${code} 的计量单位“${text}”无法识别`,
    en: `the unit "${text}" of ${code} is not known`,
  }),
  unknownKind: (code: string, text: string, words: Choices): Message => ({
    zh: `${code} 的目标类型“${text}”无法识别（可选：${words.zh.join("、")}）`,
    en: `the target kind "${text}" of ${code} is not known (choose one of ${words.en.join(", ")})`,
  }),
  unknownAggregation: (code: string, text: string, words: Choices): Message => ({
    zh: `${code} 的汇总方式“${text}”无法识别（可选：${words.zh.join("、")}）`,
    en: `the aggregation "${text}" of ${code} is not known (${orList(words.en)})`,
  }),
  unknownMeasure: (code: string, text: string, words: Choices): Message => ({
    zh: `${code} 的计量方式“${text}”无法识别（可选：${words.zh.join("、")}）`,
    en: `the measure "${text}" of ${code} is not known (${orList(words.en)})`,
  }),
  growthNeedsRate: (code: string): Message => ({
    zh: `${code} 是年递增目标，须填写年递增率，如 3%`,
    en: `${code} grows by a yearly rate: enter it, e.g. 3%`,
  }),
  targetEmpty: (code: string): Message => ({
    zh: `${code} 的目标值为空`,
    en: `the target of ${code} is empty`,
  }),
  targetWithoutKind: (code: string): Message => ({
    zh: `${code} 填了目标值，但没有目标类型`,
    en: `${code} has a target but no target kind`,
  }),
  minAboveMax: (code: string, min: number, max: number): Message => ({
    zh: `${code} 的最小值 ${min} 大于最大值 ${max}`,
    en: `the min ${min} of ${code} is above its max ${max}`,
  }),
  targetOutside: (code: string, target: number): Message => ({
    zh: `${code} 的目标值 ${target} 不在最小值与最大值之间`,
    en: `the target ${target} of ${code} is outside its min and max`,
  }),
  weightBelowZero: (code: string, weight: number): Message => ({
    zh: `${code} 的权重 ${weight} 小于 0`,
    en: `the weight ${weight} of ${code} is below 0`,
  }),
  deadlineNotAfter: (code: string, deadline: string, baselineDate: string): Message => ({
    zh: `${code} 的完成期限 ${deadline} 不晚于基期日期 ${baselineDate}`,
    en: `the deadline ${deadline} of ${code} is not after its baseline date ${baselineDate}`,
  }),
  yesOrEmpty: (code: string, columnZh: string, field: string): Message => ({
    zh: `${code} 的“${columnZh}”请填“是”或留空`,
    en: `the ${field} flag of ${code} must be 是 or empty`,
  }),
  ownerNotListed: (owner: string): Message => ({
    zh: `责任单位“${owner}”不在单位名单中，请在【单位名单】中补充`,
    en: `the responsible unit ${owner} is not in the unit list; add it there`,
  }),
};

/** "sum, owner or weighted_mean". */
function orList(words: string[]): string {
  return words.length < 2
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** Codes one indicator row names of others: its weighting indicator, the parts of its ratio. */
export const CATALOGUE_LINK = {
  duplicateCode: (code: string, also: string | undefined): Message => ({
    zh: `编码 ${code} 重复（另见 ${also}）`,
    en: `the code ${code} is used twice (also at ${also})`,
  }),
  weightByMissing: (code: string): Message => ({
    zh: `${code} 按加权平均汇总，须在“加权依据”填写权重指标的编码`,
    en: `${code} is a weighted mean: enter the code of the weighting indicator under 加权依据`,
  }),
  weightByUnknown: (code: string, text: string): Message => ({
    zh: `${code} 的加权依据“${text}”不是本表中的指标编码`,
    en: `the weighting indicator "${text}" of ${code} is not a code of this sheet`,
  }),
  weightBySelf: (code: string): Message => ({
    zh: `${code} 不能按自身加权`,
    en: `${code} cannot be weighted by itself`,
  }),
  weightByUnused: (code: string): Message => ({
    zh: `${code} 的汇总方式不是加权平均，不应填写加权依据`,
    en: `${code} is not a weighted mean, so it takes no weighting indicator`,
  }),
  ratioNeedsBoth: (code: string): Message => ({
    zh: `${code} 的比值须同时填写分子和分母`,
    en: `the ratio of ${code} needs both a numerator and a denominator`,
  }),
  ratioUnknown: (code: string, text: string): Message => ({
    zh: `${code} 的比值“${text}”不是本表中的指标编码`,
    en: `"${text}" in the ratio of ${code} is not a code of this sheet`,
  }),
  ratioFactorZero: (code: string): Message => ({
    zh: `${code} 的比值系数不能为 0`,
    en: `the ratio factor of ${code} cannot be 0`,
  }),
  ratioFactorAlone: (code: string): Message => ({
    zh: `${code} 填了比值系数，但没有分子和分母`,
    en: `${code} has a ratio factor but no numerator and denominator`,
  }),
};

/** One row of the reference values by year. `row` is 0-based. */
export const CATALOGUE_REFERENCE = {
  unknownCode: (text: string): Message => ({
    zh: `参考值的编码“${text}”不是本表中的指标编码`,
    en: `the reference code "${text}" is not a code of this sheet`,
  }),
  noCode: (row: number): Message => ({
    zh: `第 ${row + 1} 行的参考值没有编码`,
    en: `the reference value in row ${row + 1} has no code`,
  }),
  notYear: (code: string, text: string): Message => ({
    zh: `${code} 的参考值年份“${text}”不是年份（如 2022）`,
    en: `the reference year "${text}" of ${code} is not a year (e.g. 2022)`,
  }),
  empty: (code: string, year: number): Message => ({
    zh: `${code} ${year} 年的参考值为空`,
    en: `the reference value of ${code} for ${year} is empty`,
  }),
  twice: (code: string, year: number, also: string | undefined): Message => ({
    zh: `${code} ${year} 年的参考值重复（另见 ${also}）`,
    en: `the reference value of ${code} for ${year} is given twice (also at ${also})`,
  }),
};

/** One row of the unit list. `row` is 0-based. */
export const CATALOGUE_UNIT = {
  noName: (row: number): Message => ({
    zh: `第 ${row + 1} 行的单位没有名称`,
    en: `the unit in row ${row + 1} has no name`,
  }),
  unknownKind: (name: string, text: string, words: Choices): Message => ({
    zh: `单位“${name}”的类型“${text}”无法识别（可选：${words.zh.join("、")}）`,
    en: `the kind "${text}" of the unit ${name} is not known (${orList(words.en)})`,
  }),
  twice: (name: string, also: string | undefined): Message => ({
    zh: `单位“${name}”重复（另见 ${also}）`,
    en: `the unit ${name} is listed twice (also at ${also})`,
  }),
};

/** The status tolerances and due days; `setting` is the setting's name in both languages. */
export const CATALOGUE_SETTING = {
  unknown: (text: string, settings: Choices): Message => ({
    zh: `参数“${text}”无法识别（可选：${settings.zh.join("、")}）`,
    en: `the setting "${text}" is not known (${settings.en.join(", ")})`,
  }),
  twice: (setting: Message, also: string | undefined): Message => ({
    zh: `参数“${setting.zh}”重复（另见 ${also}）`,
    en: `the setting ${setting.en} is given twice (also at ${also})`,
  }),
  dueDays: (): Message => ({
    zh: "报送期限须为不小于 0 的整数天数",
    en: "the due days must be a whole number of days, 0 or more",
  }),
  tolerance: (setting: Message): Message => ({
    zh: `${setting.zh}须为 0% 到 100% 之间的百分数，如 10%`,
    en: `the ${setting.en} must be a percent from 0% to below 100%, e.g. 10%`,
  }),
  missing: (setting: Message): Message => ({
    zh: `缺少参数“${setting.zh}”`,
    en: `the setting ${setting.en} is missing`,
  }),
  laggingBelowOnTrack: (): Message => ({
    zh: "滞后容差不能小于序时推进容差",
    en: "the lagging tolerance cannot be below the on-track tolerance",
  }),
};

/** What the sheet tells the person editing it (catalogue/sheet.ts, the 说明 of each setting). */
export const RULES_SHEET_TEXT = {
  title: { zh: "指标规则", en: "Indicator rules" } as Message,
  version: (version: string): Message => ({
    zh: `目录版本 ${version}。本表即指标目录：保存后，本工作簿的校验与分析都按本表执行，版本号随内容重新计算。`,
    en: `Catalogue version ${version}. This sheet is the catalogue of this workbook; the version is recomputed from its content.`,
  }),
  /** In Chinese only: it quotes the Chinese words the cells take. */
  howTo: (kindsZh: string[]): string =>
    `目标类型：${kindsZh.join("、")}；年递增目标填百分数（如 3%）；别名之间用“；”分隔；` +
    "汇总方式为“加权平均”时在“加权依据”填权重指标的编码。以【】开头的行是标题，不作数据。",
  choosePrompt: { zh: "请从下拉列表选择。", en: "Choose from the list." } as Message,
  chooseError: {
    zh: "请从下拉列表选择；也可填写说明中列出的其他写法。",
    en: "Choose from the list.",
  } as Message,
  note: {
    onTrack: {
      zh: "完成进度不低于序时进度减去此值为“序时推进”。",
      en: "Progress within this of the schedule is on track.",
    },
    lagging: {
      zh: "低于序时进度超过此值为“严重滞后”。",
      en: "Further behind the schedule than this is critical.",
    },
    dueDays: {
      zh: "报告期结束后几天内报送。",
      en: "Days after the period end by which a sheet is due.",
    },
  } satisfies Record<string, Message>,
};
