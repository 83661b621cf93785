/**
 * What a header cell says its column holds (docs/reading-forms.md). First the names the templates
 * use (COLUMN_NAMES, matched exactly); then, for the headers real forms carry, families of words:
 * a header's brackets and the unit of measure in them are removed, and its head word decides —
 * 年度目标值, 目标值（标准）, 全年任务 are targets; 实际完成数, 1-9月累计, 指标值 actuals; 基数 a
 * baseline; 上年同期 the previous value. Columns derived from the figures or kept for administration
 * (权重, 分值, 得分, 完成率, 同比增长, 序号, 数据项) are `derived`: recognised, never read as a figure.
 */
import { normaliseKey } from "./text";
import { memoText } from "../util/memo";

export type ColumnKey =
  | "code"
  | "category"
  | "indicator"
  | "unit"
  | "baseline"
  | "target"
  | "actual"
  | "previous"
  | "responsible"
  | "remarks";

/** What a header may say: a column to read, or a column derived from the figures (not to read as one). */
export type HeaderRole = ColumnKey | "derived";

/** The header a unit's template writes for each column it has (core/template), read back here. */
export const TEMPLATE_HEADER = {
  code: "指标编码",
  category: "一级指标",
  indicator: "指标名称",
  unit: "计量单位",
  baseline: "基期值",
  target: "目标值",
  actual: "本期完成值",
  previous: "上期完成值",
  remarks: "备注",
} as const satisfies Partial<Record<ColumnKey, string>>;

/** Accepted header names per column (the templates' names), matched after normaliseKey. */
export const COLUMN_NAMES: Record<ColumnKey, string[]> = {
  code: [TEMPLATE_HEADER.code, "编码", "代码", "指标代码", "指标编号", "编号", "Code"],
  category: [TEMPLATE_HEADER.category, "类别", "指标类别", "领域", "指标类型", "Category"],
  indicator: [
    TEMPLATE_HEADER.indicator,
    "指标",
    "二级指标",
    "考核指标",
    "监测指标",
    "具体指标",
    "指标内容",
    "项目",
    "指标项目",
    "指标项",
    "评价指标",
    "三级指标",
    "监测项目",
    "Indicator",
  ],
  unit: ["单位", TEMPLATE_HEADER.unit, "指标单位", "单位名称(计量)", "Unit"],
  baseline: [
    TEMPLATE_HEADER.baseline,
    "基数",
    "基准值",
    "2020年",
    "2020年基数",
    "2020年底",
    "2020年底基数",
    "基期",
    "Baseline",
  ],
  target: [
    TEMPLATE_HEADER.target,
    "目标",
    "2023年目标",
    "目标任务",
    "2023年目标值",
    "2023年底目标",
    "任务目标",
    "分解任务",
    "目标任务数",
    "目标数",
    "Target",
  ],
  actual: [
    TEMPLATE_HEADER.actual,
    "本期",
    "完成值",
    "实际值",
    "本期值",
    "截至本期",
    "累计完成",
    "实际完成",
    "完成情况",
    "本期完成",
    "截至本期完成",
    "截止本期",
    "本期实际完成",
    "完成",
    "完成数",
    "数值",
    "数据",
    "实际",
    "Actual",
  ],
  previous: [TEMPLATE_HEADER.previous, "上期值", "上年同期", "上期", "上年同期值", "Previous"],
  responsible: ["责任单位", "牵头单位", "责任部门", "Responsible"],
  remarks: [TEMPLATE_HEADER.remarks, "说明", "情况说明", "备注说明", "Remarks"],
};

const HEADER_INDEX: { key: string; column: ColumnKey }[] = Object.entries(COLUMN_NAMES)
  .flatMap(([column, names]) =>
    names.map((n) => ({ key: normaliseKey(n), column: column as ColumnKey }))
  )
  // Longest first, so "指标编码" wins over "指标" in prefix matches.
  .sort((a, b) => b.key.length - a.key.length);
const HEADER_EXACT = new Map(HEADER_INDEX.map((h) => [h.key, h.column]));

/** True when the header text is one of the templates' names (a choice made by it needs no warning). */
export function isListedHeader(text: string): boolean {
  return HEADER_EXACT.has(headerCore(text));
}

/** A header text with its bracketed notes and units removed: "本期完成值（截至9月底）" → "本期完成值". */
export function headerCore(text: string): string {
  return normaliseKey(text)
    .replace(/\([^()]*\)/g, "")
    .replace(/[:：*]/g, "");
}

/** A plain number ("1.42", "-3,000", "1e308") names no column; most cells of a table are one. */
export const PLAIN_NUMBER = /^[-+]?[\d.,]+(e[-+]?\d+)?%?$/i;

/** "2021年", "2022", "2021年完成值", "2022年实际" → 2021/2022; other text → null. */
export function yearOfHeader(text: string): number | null {
  // Most cells are figures, each different; a figure is a year only as "2022", so none is remembered.
  if (PLAIN_NUMBER.test(text)) return /^20\d\d$/.test(text) ? Number(text) : null;
  return yearOfText(text);
}

const yearOfText = memoText(yearOfHeaderText);

function yearOfHeaderText(text: string): number | null {
  const k = headerCore(text);
  const m = /^(20\d\d)(年度?)?(完成值?|完成情况|实际值?|实际完成|数据|数值|值|底)?$/.exec(k);
  return m ? Number(m[1]) : null;
}

/**
 * Every cell of every row is classified (a second table may start anywhere), and the texts repeat:
 * indicator names, units, remarks — so the answer is remembered per text.
 */
const roleOfText = memoText(roleOfHeaderText);

/** The column a header names, or null (also for a derived column: it is not read). */
export function classifyHeader(text: string): ColumnKey | null {
  if (PLAIN_NUMBER.test(text)) return null;
  const role = roleOfText(text);
  return role === "derived" ? null : role;
}

/** What a header says, derived columns included. */
export function headerRole(text: string): HeaderRole | null {
  return PLAIN_NUMBER.test(text) ? null : roleOfText(text);
}

function roleOfHeaderText(text: string): HeaderRole | null {
  const k = headerCore(text);
  if (!k) return null;
  const exact = HEADER_EXACT.get(k);
  if (exact) return exact;
  // "完成情况说明" is a remark; "本期完成率", "完成进度", "同比增长" are rates beside the figures, not figures.
  if (REMARK_HEADER.test(k)) return "remarks";
  if (DERIVED_HEADER.test(k)) return "derived";
  // "2021年完成值" is a year column of the wide layout, not the actual column.
  if (yearOfHeader(text) !== null) return null;
  // "2022年目标值", "目标值(亩)": prefix or suffix match on the longer names only, to avoid "单位" in "填报单位".
  for (const h of HEADER_INDEX) {
    if (h.key.length >= 3 && (k.startsWith(h.key) || (k.endsWith(h.key) && /^20\d\d年/.test(k))))
      return h.column;
  }
  // A period as the header of the figures: "2022年1-9月", "截至9月底", "三季度完成", "本年累计".
  if (PERIOD_HEADER.test(k)) return k.startsWith("上") ? "previous" : "actual";
  return familyOf(k);
}

const REMARK_HEADER = /(说明|备注|原因|存在问题|下步措施|改进措施|整改措施|下步打算|原因分析)$/;

/**
 * Rates, shares, scores and bookkeeping beside the figures. "完成目标（%）" is the share of the target
 * reached; 预计 is a projection; 序号, 行次, 数据项 number or label the rows.
 */
const DERIVED_HEADER = new RegExp(
  [
    "(率|比例|比重|比率|占比|百分比|进度|增幅|增速|增长|增减|增量|幅度|排名|名次|位次|差距|差额|差值|偏差|权重|分值|得分|扣分|评分|打分|分数|系数)$",
    // 绩效目标 / 绩效指标 label a performance form's block, merged down beside its levels of indicators.
    "^(序号|行次|栏次|数据项|数据项目|计分|评分标准|评价标准|评分方法|绩效目标|绩效指标|年度绩效目标)$",
    "完成目标|占目标|占任务|同比|环比|比上年|比上期|较上年|较上期|^预计|^预测",
  ].join("|")
);

export const PERIOD_HEADER = new RegExp(
  "^(截至|截止|至)?(20\\d\\d年)?(本年|本季度?|上期|上季度?|1[-—–~～至]\\d{1,2}月|\\d{1,2}月(底|末)?|第?[一二三四1-4]季度|前三季度|上半年|全年)" +
    "(累计)?(完成|实际|实现)?(值|数|情况)?$"
);

/** Family words are for short headers: a longer text is a name, a remark or a sentence. */
const FAMILY_MAX = 12;
/** Words a cell says of a task ("已完成", "未完成", "正在推进"): a value, not a header. */
const CELL_WORDS = /^(已|未|尚|正在|暂|基本|全部|部分)/;

const PREVIOUS_WORDS = /^(上年同期|去年同期|上年|去年|上期|上季度?|上月|同期)/;
const BASELINE_WORDS = /^(基期|基数|基准|基线|期初|起始)|^20\d\d年?(底|末)?(基数|基期|基准)/;
/** 计划完成数, 应完成数: what was to be done, a target, though the head word is 完成. */
const PLANNED = /^(年度|全年|本年)?(计划|预期|应)/;
const TARGET_WORDS = /目标|任务|计划|预期|预算数?/g;
const ACTUAL_WORDS =
  /完成|实际|累计|实现|实绩|执行|核定|核实|审定|认定|自报|自评|本期|当期|现状|达到|进展|数值|指标值/g;
/** 指标值 is the actual in a statistical table; 年度指标值 the year's target in a performance form. */
const PLANNED_VALUE = /^(年度|全年|本年|计划|预期|目标)指标值$/;
const INDICATOR_WORDS =
  /^(一级|二级|三级|四级|考核|评价|监测|绩效|具体|细化|主要|重点|统计)?(指标|项目|内容|事项)(名称)?$|^名称$/;
const RESPONSIBLE_WORDS = /^(责任|牵头|主责|承办|主办)(单位|部门)$/;

/** The role of a header none of the listed names gives, by its words. */
function familyOf(k: string): HeaderRole | null {
  if (k.length > FAMILY_MAX || CELL_WORDS.test(k)) return null;
  if (PREVIOUS_WORDS.test(k)) return "previous";
  if (BASELINE_WORDS.test(k)) return "baseline";
  if (INDICATOR_WORDS.test(k)) return "indicator";
  if (RESPONSIBLE_WORDS.test(k)) return "responsible";
  if (PLANNED_VALUE.test(k)) return "target";
  if (PLANNED.test(k) && /完成|数|值/.test(k)) return "target";
  // The head word comes last: 任务完成数 is what was done, 全年任务 what was to be done.
  const target = lastIndex(k, TARGET_WORDS);
  const actual = lastIndex(k, ACTUAL_WORDS);
  if (target < 0 && actual < 0) return null;
  return target > actual ? "target" : "actual";
}

function lastIndex(k: string, words: RegExp): number {
  let at = -1;
  for (const m of k.matchAll(words)) at = m.index!;
  return at;
}

/**
 * Words that only say "a figure" (数量, 金额, 面积): under a group header they take the group's
 * meaning ("完成情况" over "数量 | 占比"), and in a header row they count as header words.
 */
const GENERIC_HEADER =
  /^(数量|数|数值|值|金额|面积|规模|产量|总量|总数|绝对数|个数|人数|户数|头数|只数|亩数|万元|元)$/;

export const isGenericHeader = memoText((text: string): boolean =>
  GENERIC_HEADER.test(headerCore(text))
);

/** A column headed by a period: "2022年1-9月", "三季度", "截至6月底". */
export function isPeriodHeader(text: string): boolean {
  return classifyHeader(text) === "actual" && PERIOD_HEADER.test(headerCore(text));
}

/** "本季度完成 | 累计完成": the figure to date, not the quarter's increment, is the actual. */
export const TO_DATE = /累计|截至|截止/;
/** A figure of one period only (本期 beside 累计 is the period's increment). */
const ONE_PERIOD = /^(本期|当期|本季度?|当季度?|本月|当月|季度|月度|第?[一二三四1-4]季度)/;
/** A figure checked by the office beside the one the unit reported: the checked one counts. */
const CHECKED = /核定|核实|审定|认定|考核/;
const SELF_REPORTED = /自报|自评|申报|上报/;

export type ActualPreference = {
  col: number;
  silent: boolean;
  reason: "to_date" | "checked" | "listed" | "first";
};

/**
 * Of several columns whose headers say "actual", the one to read: the figure to date over one
 * period's (silent: the header says it), the office's checked figure over the unit's own, a
 * template name over a family word, else the first. Only the first rule needs no warning.
 */
export function preferActual(candidates: { col: number; text: string }[]): ActualPreference {
  const core = (t: string) => headerCore(t);
  const toDate = candidates.filter((c) => TO_DATE.test(core(c.text)));
  const rest = candidates.filter((c) => !toDate.includes(c));
  if (toDate.length === 1 && rest.every((c) => ONE_PERIOD.test(core(c.text))))
    return { col: toDate[0].col, silent: true, reason: "to_date" };
  const checked = candidates.filter((c) => CHECKED.test(core(c.text)));
  if (checked.length === 1 && candidates.some((c) => SELF_REPORTED.test(core(c.text))))
    return { col: checked[0].col, silent: false, reason: "checked" };
  const listed = candidates.filter((c) => HEADER_EXACT.get(core(c.text)) === "actual");
  if (listed.length === 1) return { col: listed[0].col, silent: false, reason: "listed" };
  if (toDate.length === 1) return { col: toDate[0].col, silent: false, reason: "to_date" };
  return { col: candidates[0].col, silent: false, reason: "first" };
}
