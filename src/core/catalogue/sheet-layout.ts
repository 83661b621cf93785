/**
 * The layout of the 指标规则 sheet, shared by the writer and the reader: its blocks, their columns
 * with Chinese headers (and the other names a header may carry), and the words written for each
 * coded value. The reader accepts every word listed here, and the codes themselves.
 */
import type { Aggregation, Measure, TargetKind, UnitKind } from "../model/catalogue";
import { normaliseKey } from "../read/text";
import { inBoth, RULES_SHEET_TEXT, type Choices } from "../i18n/catalogue-messages";

export const RULES_SHEET = "指标规则";

export type IndicatorField =
  | "code"
  | "name"
  | "aliases"
  | "category"
  | "unit"
  | "kind"
  | "target"
  | "baseline"
  | "baselineDate"
  | "deadline"
  | "weight"
  | "aggregation"
  | "weightBy"
  | "measure"
  | "owner"
  | "coUnits"
  | "min"
  | "max"
  | "integer"
  | "cumulative"
  | "ratioNumerator"
  | "ratioDenominator"
  | "ratioFactor";
export type ReferenceField = "code" | "name" | "year" | "value";
export type UnitField = "name" | "kind";
export type SettingField = "parameter" | "value" | "note";

export interface Column<F extends string> {
  field: F;
  /** The header written, Chinese first. */
  zh: string;
  en: string;
  /** Other header texts a person may have typed instead. */
  also?: string[];
  /** Column width in characters (the indicator block sets the sheet's widths). */
  width?: number;
  /** A block without this column cannot be read. */
  required?: boolean;
}

export interface Block<F extends string> {
  kind: "indicators" | "references" | "units" | "settings";
  /** The title row written above the block (rows starting with 【 are titles, never data). */
  title: string;
  columns: Column<F>[];
  /** A header row is one that holds all of these columns. */
  signature: F[];
  /** The column the writer starts the block in (the reader finds columns by their headers). */
  offset: number;
}

export const INDICATOR_BLOCK: Block<IndicatorField> = {
  kind: "indicators",
  title: "【指标 Indicators】",
  signature: ["code", "name"],
  offset: 0,
  columns: [
    {
      field: "code",
      zh: "编码",
      en: "Code",
      also: ["指标编码", "代码", "指标代码"],
      width: 7,
      required: true,
    },
    {
      field: "category",
      zh: "类别",
      en: "Category",
      also: ["一级指标", "指标类别", "领域"],
      width: 14,
      required: true,
    },
    {
      field: "name",
      zh: "指标名称",
      en: "Indicator",
      also: ["指标", "二级指标"],
      width: 36,
      required: true,
    },
    { field: "aliases", zh: "别名", en: "Aliases", also: ["其他名称", "别称"], width: 40 },
    {
      field: "unit",
      zh: "计量单位",
      en: "Unit of measure",
      also: ["单位"],
      width: 9,
      required: true,
    },
    {
      field: "kind",
      zh: "目标类型",
      en: "Target kind",
      also: ["目标种类"],
      width: 13,
      required: true,
    },
    { field: "target", zh: "目标值", en: "Target", also: ["目标"], width: 11, required: true },
    { field: "baseline", zh: "基期值", en: "Baseline", also: ["基数", "基准值"], width: 11 },
    {
      field: "baselineDate",
      zh: "基期日期",
      en: "Baseline date",
      also: ["基期"],
      width: 12,
      required: true,
    },
    {
      field: "deadline",
      zh: "完成期限",
      en: "Deadline",
      also: ["截止日期", "期限"],
      width: 12,
      required: true,
    },
    { field: "weight", zh: "权重", en: "Weight", width: 7 },
    { field: "aggregation", zh: "汇总方式", en: "Aggregation", width: 13, required: true },
    {
      field: "weightBy",
      zh: "加权依据",
      en: "Weighted by",
      also: ["权重指标", "加权指标"],
      width: 9,
    },
    { field: "measure", zh: "计量方式", en: "Measure", also: ["指标性质"], width: 11 },
    {
      field: "owner",
      zh: "责任单位",
      en: "Responsible unit",
      also: ["牵头单位"],
      width: 18,
      required: true,
    },
    { field: "coUnits", zh: "配合单位", en: "Co-operating units", width: 24 },
    { field: "min", zh: "最小值", en: "Min", also: ["下限"], width: 8 },
    { field: "max", zh: "最大值", en: "Max", also: ["上限"], width: 8 },
    { field: "integer", zh: "仅限整数", en: "Integer only", also: ["整数"], width: 9 },
    { field: "cumulative", zh: "累计不降", en: "Cumulative", also: ["只增不减"], width: 9 },
    { field: "ratioNumerator", zh: "比值分子", en: "Ratio numerator", also: ["分子"], width: 9 },
    {
      field: "ratioDenominator",
      zh: "比值分母",
      en: "Ratio denominator",
      also: ["分母"],
      width: 9,
    },
    { field: "ratioFactor", zh: "比值系数", en: "Ratio factor", also: ["系数"], width: 9 },
  ],
};

export const SETTING_BLOCK: Block<SettingField> = {
  kind: "settings",
  title: "【状态容差与报送期限 Status tolerances and due days】",
  signature: ["parameter", "value"],
  offset: 1,
  columns: [
    { field: "parameter", zh: "参数", en: "Setting", also: ["项目"], required: true },
    { field: "value", zh: "数值", en: "Value", also: ["取值", "值"], required: true },
    { field: "note", zh: "说明", en: "Note" },
  ],
};

export const REFERENCE_BLOCK: Block<ReferenceField> = {
  kind: "references",
  title: "【参考值（按年份） Reference values by year】",
  signature: ["code", "year", "value"],
  offset: 0,
  columns: [
    { field: "code", zh: "编码", en: "Code", also: ["指标编码"], required: true },
    { field: "year", zh: "年份", en: "Year", also: ["年度"], required: true },
    { field: "name", zh: "指标名称", en: "Indicator" },
    {
      field: "value",
      zh: "参考值",
      en: "Reference value",
      also: ["全省平均", "全省平均水平"],
      required: true,
    },
  ],
};

export const UNIT_BLOCK: Block<UnitField> = {
  kind: "units",
  title: "【单位名单 Units】",
  signature: ["name", "kind"],
  offset: 0,
  columns: [
    { field: "kind", zh: "单位类型", en: "Unit kind", also: ["类型"], required: true },
    { field: "name", zh: "单位名称", en: "Unit name", also: ["填报单位"], required: true },
  ],
};

/** The order in which a row is tried as a header: the most specific signature first. */
export const BLOCKS = [REFERENCE_BLOCK, UNIT_BLOCK, SETTING_BLOCK, INDICATOR_BLOCK] as const;

/** A coded value with the word written for it and the other words accepted. */
export interface Word<T extends string> {
  value: T;
  zh: string;
  also: string[];
}

export const KIND_WORDS: Word<TargetKind>[] = [
  { value: "at_least", zh: "达到(≥)", also: ["达到", "以上", "不低于", "不少于", "≥", ">="] },
  { value: "greater_than", zh: "超过(>)", also: ["超过", "大于", "高于", ">"] },
  { value: "at_most", zh: "控制在(≤)", also: ["控制在", "以下", "不高于", "不超过", "≤", "<="] },
  { value: "approx", zh: "约(≥95%)", also: ["约", "左右", "大约"] },
  { value: "annual_growth", zh: "年递增", also: ["年均增长", "年增长", "年递增率", "每年递增"] },
  {
    value: "reach_reference",
    zh: "达到参考值",
    also: ["达到全省平均水平", "全省平均水平", "达到全省平均", "参考值"],
  },
  { value: "milestone", zh: "完成任务", also: ["完成", "任务", "里程碑", "是否完成"] },
];

export const AGGREGATION_WORDS: Word<Aggregation>[] = [
  { value: "sum", zh: "各单位相加", also: ["相加", "求和", "合计", "加总", "汇总"] },
  { value: "owner", zh: "责任单位填报", also: ["责任单位", "牵头单位填报", "单位填报"] },
  { value: "weighted_mean", zh: "加权平均", also: ["加权"] },
];

export const MEASURE_WORDS: Word<Measure>[] = [
  { value: "level", zh: "时点值", also: ["时点", "存量", "期末值", "期末"] },
  { value: "flow", zh: "年度累计", also: ["年度累计值", "当年累计", "累计值", "流量"] },
];

export const UNIT_KIND_WORDS: Word<UnitKind>[] = [
  { value: "bureau", zh: "部门", also: ["市直部门", "局", "单位"] },
  { value: "township", zh: "乡镇", also: ["镇", "乡"] },
  { value: "street", zh: "街道", also: ["街道办", "街道办事处"] },
  { value: "other", zh: "其他", also: [] },
];

export const YES = "是";
export const NO = "否";
const YES_WORDS = ["是", "√", "✓", "✔", "y", "yes", "true", "1", "对"];
const NO_WORDS = ["否", "×", "✗", "✘", "n", "no", "false", "0", "不"];

/** The written word for a coded value. */
export function wordFor<T extends string>(words: Word<T>[], value: T): string {
  return words.find((w) => w.value === value)?.zh ?? value;
}

/** The coded values a message offers: the words written, and the codes. */
export function choicesOf<T extends string>(words: Word<T>[]): Choices {
  return { zh: words.map((w) => w.zh), en: words.map((w) => w.value) };
}

/** The coded value a cell names: its code, its word, or one of the other words; null when none. */
export function valueOfWord<T extends string>(words: Word<T>[], text: string): T | null {
  const key = normaliseKey(text);
  if (!key) return null;
  const bare = key.replace(/\([^()]*\)/g, "");
  for (const w of words) {
    const names = [w.value, w.zh, ...w.also].map(normaliseKey);
    if (names.includes(key)) return w.value;
    if (bare && names.map((n) => n.replace(/\([^()]*\)/g, "")).includes(bare)) return w.value;
  }
  return null;
}

/** true for 是/√/yes/1, false for 否/×/no/0 and empty, null for anything else. */
export function yesNo(text: string): boolean | null {
  const key = normaliseKey(text);
  if (key === "") return false;
  if (YES_WORDS.includes(key)) return true;
  if (NO_WORDS.includes(key)) return false;
  return null;
}

/** The header text written: Chinese, then English on a second line. */
export function headerText(c: Column<string>): string {
  return `${c.zh}\n${c.en}`;
}

/** The field a header cell names, in this block; each line of the cell is tried. */
export function fieldOfHeader<F extends string>(block: Block<F>, text: string): F | null {
  const lines = text
    .split(/[\r\n]+|\s+\/\s+/)
    .map((l) => normaliseKey(l))
    .filter(Boolean);
  for (const line of lines) {
    const bare = line.replace(/\([^()]*\)/g, "");
    for (const c of block.columns) {
      const names = [c.zh, c.en, ...(c.also ?? [])].map(normaliseKey);
      if (names.includes(line) || (bare && names.includes(bare))) return c.field;
    }
  }
  return null;
}

/** The settings rows: each with the words its 参数 cell may hold. */
export const SETTINGS = [
  {
    key: "onTrack" as const,
    zh: "序时推进容差",
    en: "on-track tolerance",
    also: ["序时容差", "序时进度容差"],
    note: inBoth(RULES_SHEET_TEXT.note.onTrack),
  },
  {
    key: "lagging" as const,
    zh: "滞后容差",
    en: "lagging tolerance",
    also: ["严重滞后界限", "滞后界限"],
    note: inBoth(RULES_SHEET_TEXT.note.lagging),
  },
  {
    key: "dueDays" as const,
    zh: "报送期限(天)",
    en: "due days",
    also: ["报送期限", "报送天数", "报送期限天数"],
    note: inBoth(RULES_SHEET_TEXT.note.dueDays),
  },
];
export type SettingKey = (typeof SETTINGS)[number]["key"];

export function settingOf(text: string): SettingKey | null {
  const first = text.split(/[\r\n]+|\s+\/\s+/)[0] ?? "";
  const key = normaliseKey(first);
  const bare = key.replace(/\([^()]*\)/g, "");
  for (const s of SETTINGS) {
    const names = [s.zh, s.en, ...s.also].map(normaliseKey);
    if (names.includes(key) || names.map((n) => n.replace(/\([^()]*\)/g, "")).includes(bare))
      return s.key;
  }
  return null;
}
