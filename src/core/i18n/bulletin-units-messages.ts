/**
 * The sentences of the bulletin's (监测通报, docs/bulletin.md) sections about units: 三、滞后指标督导清单,
 * 四、填报和考核情况 and 五、尚待解决的数据问题, and the words its tables write for a unit's report,
 * kind, timeliness and approval and for the kinds of warnings.
 */
import type { CompletenessRow, ReportStatus } from "../model/consolidation";
import type { RuleId } from "../model/results";
import { SHEET_NAME } from "./sheet-names";

/** "3个（伊合昂街道、佐盖多玛乡）": how many units, and which. */
export function unitsNamed(units: string[]): string {
  return `${units.length}个${units.length ? `（${units.join("、")}）` : ""}`;
}

/** 三、滞后指标督导清单: each lagging and critical indicator, who is responsible, what is asked of them. */
export const SUPERVISION_TEXT = {
  heading: "三、滞后指标督导清单",
  table: "滞后指标督导清单",
  none: "对照序时进度，本期无滞后和严重滞后指标。",
  /** The end of the plan's time, or "期末" where no deadline is known. */
  deadline: (date: string | null) => date ?? "期末",
  behind: (critical: number, lagging: number, table: number) =>
    `对照序时进度，严重滞后指标${critical}项、滞后指标${lagging}项（表${table}），需加大督导检查力度。`,
  unlikely: (codes: string, deadline: string) =>
    `按各期数据的趋势推算，其中${codes}到${deadline}仍难以达到目标。`,
  /** A projection and whether it meets the target: "1,230（能达标）". */
  projection: (value: string, meets: boolean) => `${value}（${meets ? "能达标" : "难以达标"}）`,
  note: (deadline: string) =>
    `注：所需年均增速为自本期至${deadline}达到目标值所需的年均增长率（本期为0时无法计算）；` +
    "预计期末值按各期数据的线性趋势推算。",
  /** `owners`: each responsible unit with its indicators, "市科技局（C2、C6）". */
  asked: (owners: string[]) =>
    `请${owners.join("、")}逐项分析滞后原因，` +
    "制定整改措施，明确完成时限，并在下季度报送数据时一并报告整改进展。",
};

/** 四、填报和考核情况: who reported, on time, approved; each unit's score and rank. */
export const REPORTING_TEXT = {
  heading: "四、填报和考核情况",
  table: "各单位填报和考核情况",
  due: (date: string) => `报送截止日期为${date}。`,
  reported: (a: {
    listed: number;
    reported: number;
    onTime: number;
    late: string[];
    undated: string[];
  }) =>
    `本期应报单位${a.listed}个，已报送${a.reported}个，其中按时报送${a.onTime}个` +
    `${a.late.length ? `、逾期${unitsNamed(a.late)}` : ""}${a.undated.length ? `、未填报出日期${unitsNamed(a.undated)}` : ""}`,
  notReported: (units: string[]) => `未报送${unitsNamed(units)}`,
  /** `sent`: each unit with the period of its sheet, from otherPeriodSent. */
  otherPeriod: (sent: string[]) =>
    `报送非本期报表${sent.length}个（${sent.join("、")}），未纳入汇总`,
  otherPeriodSent: (unit: string, periods: string) => `${unit}报送的是${periods || "其他期"}报表`,
  /** The parts above, then the approvals. */
  sentence: (due: string, parts: string[], approved: number, changed: string[]) =>
    `${due}${parts.join("；")}。已审核${approved}个` +
    `${changed.length ? `，审核后数据又有修改${unitsNamed(changed)}，需重新审核` : ""}。`,
  others: (units: string[]) =>
    `另有名单外单位或无法识别的文件${units.length}个（${units.join("、")}）。`,
  scores: (table: number) =>
    `各单位得分为其负责和填报指标的加权得分，未报指标计0分（表${table}），按实施方案要求纳入年度考核。`,
  top: (units: string[]) => `排名前列的是${units.join("、")}。`,
  /** A unit's missing indicators: none, all of them, or how many. */
  noneMissing: "无",
  allMissing: (count: number) => `全部${count}项`,
  missingCount: (count: number) => `${count}项`,
};

export const REPORT_WORD: Record<ReportStatus, string> = {
  reported: "已报送",
  not_reported: "未报送",
  period_mismatch: "报告期不符",
  no_period: "未填报告期",
  unrecognised: "无法识别",
};

export const KIND_WORD: Record<CompletenessRow["kind"], string> = {
  bureau: "市直部门",
  township: "乡镇",
  street: "街道",
  other: "其他",
  unlisted: "名单外",
};

export const APPROVAL_WORD: Record<CompletenessRow["approval"], string> = {
  approved: "已审核",
  changed: "审核后修改",
  none: "未审核",
};

export const ON_TIME_TEXT = {
  onTime: "按时",
  late: (days: number | null) => `逾期${days ?? ""}天`,
  noDate: "未填报出日期",
};

/** 五、尚待解决的数据问题: the errors, conflicts and changes after approval still open. */
export const PROBLEMS_TEXT = {
  heading: "五、尚待解决的数据问题",
  none: (warnings: number) =>
    `汇总校验未发现须更正的数据错误、数值冲突或审核后修改${warnings ? `，另有提示${warnings}条` : ""}。`,
  found: (errors: number, conflicts: number, changed: number) =>
    `汇总校验发现数据错误${errors}条、数值冲突${conflicts}条、审核后修改${changed}条，请有关单位核实更正后重新报送。`,
  /** Each kind's title and what is done about it, for its heading "（一）数据错误2条（须更正后重新报送）". */
  errors: ["数据错误", "须更正后重新报送"] as const,
  conflicts: ["数值冲突", "汇总暂采用责任单位数值"] as const,
  changed: ["审核后修改", "须重新审核"] as const,
  kind: (title: string, count: number, what: string) => `${title}${count}条（${what}）`,
  /** The unit of a finding and where it is: "那吾镇（那吾镇.xlsx 监测表!G7）：". */
  where: (unit: string, place: string) => `${unit}（${place}）：`,
  more: (count: number) => `另有${count}条，见汇总工作簿“${SHEET_NAME.findings}”表。`,
  otherWarnings: (count: number, kinds: string) =>
    `此外还有提示${count}条（${kinds}），见汇总工作簿“${SHEET_NAME.findings}”表。`,
};

/** Names of the other warnings, for the closing count; "其他" for the rest. */
export const RULE_WORD: Partial<Record<RuleId, string>> = {
  period_mismatch: "报告期不符",
  not_responsible: "非责任单位填报",
  outlier_jump: "数值异常波动",
  missing_value: "缺少数值",
  cumulative_decreased: "累计值下降",
  target_changed: "目标值变动",
  baseline_changed: "基期值变动",
  likely_fraction_percent: "百分比疑似小数",
  remark_required: "缺少说明",
  total_mismatch: "合计不符",
  column_guessed: "列识别存疑",
  inconsistent_ratio: "比值不一致",
};

export const OTHER_RULE_WORD = "其他";
