/**
 * Finding messages, Chinese and English, each saying what is wrong and what to do.
 * One function per rule; the rule table (severity) lives in src/core/validate/rules.ts.
 */
import type { RuleId } from "../model/results";
import type { NotFound } from "../read/layout";
import {
  columnGuessed,
  notRecognised,
  totalMismatch,
  type ChoiceArgs,
  type TotalArgs,
} from "./reading-messages";

export interface Message {
  zh: string;
  en: string;
}

export interface MessageArgs {
  /** Indicator label, e.g. "A1 R&D经费投入强度". */
  ind?: string;
  text?: string;
  unit?: string;
  expected?: string | number;
  found?: string | number;
  other?: string;
  min?: number;
  max?: number;
  year?: number;
  owner?: string;
  reporter?: string;
  /** A row of the sheet (from 1), where no cell can be named. */
  row?: number;
  /** outlier_jump: what the figure is compared with. */
  against?: "baseline" | "previous";
  /** remark_required: why a remark is asked for. */
  why?: "critical" | "decreased";
  /** What exactly is wrong, in both languages (rules-sheet findings; what changed after an approval). */
  reason?: Message;
  /** column_guessed: the column taken, the others, and why. */
  choice?: ChoiceArgs;
  /** total_mismatch: the total row against the units' rows. */
  total?: TotalArgs;
  /** sheet_not_recognised: what was looked for and found. */
  notFound?: NotFound;
}

type Builder = (a: MessageArgs) => Message;

/** What a jump is measured against. */
const COMPARED_WITH: Record<NonNullable<MessageArgs["against"]>, Message> = {
  baseline: { zh: "基期值", en: "baseline" },
  previous: { zh: "上期", en: "previous period" },
};

/** Why a remark is required. */
const REMARK_WHY: Record<NonNullable<MessageArgs["why"]>, Message> = {
  critical: { zh: "严重滞后", en: "critically behind" },
  decreased: { zh: "较上期下降", en: "down on the previous period" },
};

export const MESSAGES: Record<RuleId, Builder> = {
  sheet_not_recognised: (a) => notRecognised(a.notFound),
  missing_period: () => ({
    zh: "缺少报告期：表头未填写“报告期”(如 2022年第三季度)。请补填报告期。",
    en: "No report period: the header block has no 报告期 (e.g. 2022年第三季度). Fill in the period.",
  }),
  missing_reporting_unit: () => ({
    zh: "缺少填报单位：表头未填写“填报单位”。请补填本单位名称。",
    en: "No reporting unit: the header block has no 填报单位. Fill in the unit name.",
  }),
  unknown_indicator: (a) =>
    a.other
      ? {
          zh: `编码与名称指向不同指标(编码为 ${a.ind}，名称为 ${a.other})，无法确定本行数据属于哪个指标。请改正编码或名称。`,
          en: `The code and the name point at different indicators (code: ${a.ind}, name: ${a.other}); the row's figures cannot be placed. Correct the code or the name.`,
        }
      : {
          zh: `指标“${a.text}”不在指标目录中，无法计分。请核对指标名称或编码。`,
          en: `Indicator "${a.text}" is not in the catalogue and cannot be scored. Check its name or code.`,
        },
  duplicate_indicator: (a) => ({
    zh: `指标 ${a.ind} 在本表中重复出现(另见 ${a.other ?? `第 ${a.row} 行`})。请删除重复行，只保留一行。`,
    en: `Indicator ${a.ind} appears twice in this sheet (also at ${a.other ?? `row ${a.row}`}). Delete the duplicate row.`,
  }),
  missing_value: (a) => ({
    zh: `指标 ${a.ind} 未填写本期完成值。请填写数值；确实不适用的填“不适用”。`,
    en: `Indicator ${a.ind} has no actual value. Enter the value, or 不适用 if it does not apply.`,
  }),
  unparseable_number: (a) => ({
    zh: `指标 ${a.ind} 的“${a.text}”不是可识别的数字。请只填写数字(可带单位)。`,
    en: `"${a.text}" for indicator ${a.ind} is not a number that can be read. Enter a plain number (a unit may follow).`,
  }),
  unparseable_milestone: (a) => ({
    zh: `指标 ${a.ind} 的“${a.text}”无法识别。请填写“已完成”“推进中”或“未启动”。`,
    en: `"${a.text}" for indicator ${a.ind} is not a known state. Enter 已完成 (done), 推进中 (in progress) or 未启动 (not started).`,
  }),
  formula_error: (a) => ({
    zh: `指标 ${a.ind} 的单元格为公式错误 ${a.text}。请修正公式或直接填写数值。`,
    en: `The cell for indicator ${a.ind} holds the error ${a.text}. Fix the formula or type the value.`,
  }),
  unit_mismatch: (a) =>
    a.other !== undefined
      ? {
          zh: `指标 ${a.ind} 按单位“${a.found}”换算后为 ${a.other}${a.expected}，是基期或上期(${a.min}${a.expected})的上千倍，单位与数值不符。请按“${a.expected}”填写或改正单位。`,
          en: `Indicator ${a.ind} comes to ${a.other} ${a.expected} under the unit "${a.found}", a thousand times its baseline or previous value (${a.min}): the unit does not fit the figure. Report in "${a.expected}" or correct the unit.`,
        }
      : {
          zh: `指标 ${a.ind} 的单位“${a.found}”无法换算为“${a.expected}”。请按“${a.expected}”填写或改正单位。`,
          en: `The unit "${a.found}" of indicator ${a.ind} does not convert to "${a.expected}". Report in "${a.expected}" or correct the unit.`,
        },
  out_of_range: (a) => ({
    zh: `指标 ${a.ind} 的值 ${a.found} 超出允许范围(${a.min ?? "—"} 至 ${a.max ?? "—"})。请核对数值和单位。`,
    en: `Indicator ${a.ind}: ${a.found} is outside the allowed range (${a.min ?? "—"} to ${a.max ?? "—"}). Check the value and its unit.`,
  }),
  not_integer: (a) => ({
    zh: `指标 ${a.ind} 是个数，应为整数，现为 ${a.found}。请填写整数。`,
    en: `Indicator ${a.ind} is a count and must be a whole number, not ${a.found}. Enter a whole number.`,
  }),
  likely_fraction_percent: (a) => ({
    zh: `指标 ${a.ind} 填写了 ${a.found}，目标为 ${a.expected}%，疑似把百分数写成了小数(如 0.0142 应为 1.42%)。请按百分数填写。`,
    en: `Indicator ${a.ind} holds ${a.found} while its target is ${a.expected} %: probably a fraction written for a percent (0.0142 for 1.42 %). Enter the percent.`,
  }),
  target_changed: (a) => ({
    zh: `指标 ${a.ind} 的目标值 ${a.found} 与指标目录的 ${a.expected} 不一致，计分仍按目录目标。如目标确已调整，请联系领导小组办公室修改指标规则。`,
    en: `Indicator ${a.ind}: the target ${a.found} differs from the catalogue's ${a.expected}; scoring uses the catalogue. If the target really changed, ask the office to update the rules.`,
  }),
  baseline_changed: (a) => ({
    zh: `指标 ${a.ind} 的基期值 ${a.found} 与指标目录的 ${a.expected} 不一致，计分仍按目录基期值。请核对。`,
    en: `Indicator ${a.ind}: the baseline ${a.found} differs from the catalogue's ${a.expected}; scoring uses the catalogue. Check it.`,
  }),
  cumulative_decreased: (a) => ({
    zh: `指标 ${a.ind} 为累计数，本期 ${a.found} 低于上期 ${a.expected}。请核对，并在备注中说明原因。`,
    en: `Indicator ${a.ind} is cumulative but fell from ${a.expected} to ${a.found}. Check it and explain in the remarks.`,
  }),
  outlier_jump: (a) => ({
    zh: `指标 ${a.ind} 由${COMPARED_WITH[a.against ?? "previous"].zh} ${a.expected} 变为 ${a.found}，变化超过 50%。请核对数值和单位。`,
    en: `Indicator ${a.ind} changed from ${a.expected} (${COMPARED_WITH[a.against ?? "previous"].en}) to ${a.found}, more than 50 %. Check the value and its unit.`,
  }),
  inconsistent_ratio: (a) => ({
    zh: `指标 ${a.ind} 填报值 ${a.found} 与由分项计算的 ${a.expected} 不一致(允许误差 0.05 个百分点)。请核对分子、分母或比值。`,
    en: `Indicator ${a.ind}: the reported ${a.found} differs from ${a.expected} computed from its parts (tolerance 0.05 points). Check the parts or the ratio.`,
  }),
  remark_required: (a) => ({
    zh: `指标 ${a.ind} ${REMARK_WHY[a.why ?? "decreased"].zh}，但未填写备注。请在备注栏说明原因和措施。`,
    en: `Indicator ${a.ind} is ${REMARK_WHY[a.why ?? "decreased"].en} and has no remark. Explain the reason and the measures in the remarks.`,
  }),
  not_responsible: (a) => ({
    zh: `指标 ${a.ind} 的责任单位是${a.owner}，本表填报单位为${a.reporter}。如为代报请在备注中说明，否则请删除该行。`,
    en: `Indicator ${a.ind} is owned by ${a.owner}, but this sheet is from ${a.reporter}. Say so in the remarks if reporting on its behalf, or delete the row.`,
  }),
  missing_reference: (a) => ({
    zh: `指标 ${a.ind} 缺少 ${a.year} 年的全省参考值，无法判断是否达标。请在指标规则中补充参考值。`,
    en: `Indicator ${a.ind} has no provincial reference value for ${a.year}, so it cannot be judged. Add the reference value in the rules.`,
  }),
  conflicting_values: (a) => ({
    zh: `指标 ${a.ind}：${a.reporter} 报 ${a.found}，与责任单位 ${a.owner} 报的 ${a.expected} 不一致。汇总采用责任单位的数值，请核实。`,
    en: `Indicator ${a.ind}: ${a.reporter} reports ${a.found}, unlike ${a.expected} from the owner ${a.owner}. The consolidation uses the owner's value; check it.`,
  }),
  // The reason lists what changed, old → new (approval-messages.ts).
  changed_after_approval: (a) => ({
    zh: `本表数据在审核通过后已被修改(审核人 ${a.reporter}，时间 ${a.other})${a.reason ? `：${a.reason.zh}` : ""}。请重新审核。`,
    en: `The data changed after approval (approved by ${a.reporter} at ${a.other})${a.reason ? `: ${a.reason.en}` : ""}. Review it again.`,
  }),
  period_mismatch: (a) => ({
    zh: `本表报告期为 ${a.found}，与汇总期 ${a.expected} 不一致，未纳入汇总。请提交正确期别的报表。`,
    en: `This sheet is for ${a.found}, not the consolidation period ${a.expected}; it was left out. Send the sheet of the right period.`,
  }),
  // found: the file set aside, expected: the one used, each with its 报出日期 (history.ts).
  superseded_report: (a) => ({
    zh: `${a.reporter} 报送了两份${a.other}的报表：${a.found} 已被报出日期更晚的 ${a.expected} 取代，未纳入汇总。`,
    en: `${a.reporter} sent ${a.other} twice: ${a.found} was set aside for ${a.expected}, sent later.`,
  }),
  column_guessed: (a) => columnGuessed(a.choice!),
  total_mismatch: (a) => totalMismatch(a.total!),
  catalogue_invalid: (a) => ({
    zh: `指标规则表有误：${a.reason?.zh ?? a.text}。请修正“指标规则”表后再校验或分析。`,
    en: `The rules sheet 指标规则 is wrong: ${a.reason?.en ?? a.other ?? a.text}. Correct it before validating or analysing.`,
  }),
};
