/**
 * The bulletin's (监测通报, docs/bulletin.md) head and the sentences of its first two sections,
 * 一、总体情况 and 二、分类情况, each made from the figures it is given. The later sections' are in
 * bulletin-units-messages.ts, its short words in bulletin-labels.ts.
 */

/** Whose score the first section gives. */
const CITY_SCORE = "全市综合得分";

/** The plan the bulletin reports under. */
const PLAN = "《合作市省级创新型县(市、区)试点建设工作实施方案》（合政办发〔2022〕10号）";

/** The title, the issuer, who it is sent to, and the opening paragraph. */
export const BULLETIN_HEAD = {
  /** The name broken where its words allow, in lines a 二号 title fits (GB/T 9704 7.3.3). */
  titleLines: ["合作市省级创新型县(市、区)", "建设指标监测通报"] as readonly string[],
  /** The title's last line: the period. */
  period: (period: string) => `（${period}）`,
  /** The period of a consolidation that names none: "截至2022年9月30日". */
  asOf: (date: string) => `截至${date}`,
  issuer: "合作市创新型县建设工作领导小组办公室",
  recipients: "各乡镇（街道），市直有关部门：",
  intro: (period: string) =>
    `根据${PLAN}关于定期监测、季度报送的要求，市创新型县建设工作领导小组办公室对各单位报送的` +
    `${period}指标数据进行了汇总、校验和监测分析。现将有关情况通报如下。`,
  /** "监测通报-2022年第三季度.docx" */
  fileName: (what: string) => `监测通报${what ? `-${what}` : ""}.docx`,
};

/** 一、总体情况: statuses against 序时进度, the city's score, the change since the previous period. */
export const OVERALL_TEXT = {
  heading: "一、总体情况",
  /** "序时进度58.3%（年度指标75.0%）": the plan's schedule, and that of yearly figures when it differs. */
  schedule: (level: string, yearly: string | null) =>
    `序时进度${level}${yearly === null ? "" : `（年度指标${yearly}）`}`,
  monitored: (a: {
    asOf: string | null;
    count: number;
    schedule: string;
    statuses: string;
    table: number;
  }) =>
    `${a.asOf ? `截至${a.asOf}，` : ""}纳入监测的${a.count}项指标中，${a.schedule ? `对照${a.schedule}，` : ""}${a.statuses}（表${a.table}、图1）。`,
  cityScore: (score: string) => `${CITY_SCORE}${score}分。`,
  /** The categories' scores, each "科技惠民（92.8分）": all of a few, else the two highest and lowest. */
  byCategory: (items: string[]) => `分类别看，${items.join("、")}。`,
  highLow: (high: string[], low: string[]) =>
    `分类别看，得分较高的是${high.join("、")}，较低的是${low.join("、")}。`,
  statusTable: "各状态指标分布",
  statusFigure: "各类别指标监测状态",
};

/** The change since the previous period, over the indicators that have a figure for both. */
export const PREVIOUS_TEXT = {
  /** Whose score is compared: the city's, or that of the indicators known then. */
  cityScore: CITY_SCORE,
  comparableScore: (count: number) => `有上期数据的${count}项指标综合得分`,
  scoreIs: (who: string, after: string) => `${who}为${after}分`,
  scoreKept: (who: string, after: string) => `${who}保持${after}分`,
  /** `change`: after − before, already rounded to one decimal. */
  scoreMoved: (who: string, before: string, after: string, change: number) =>
    `${who}由${before}分${change > 0 ? "提高" : "下降"}到${after}分（${change > 0 ? "+" : "−"}${Math.abs(change).toFixed(1)}分）`,
  better: (codes: string[]) => `状态好转的有${codes.join("、")}`,
  worse: (codes: string[]) => `状态下降的有${codes.join("、")}`,
  sentence: (a: { asOf: string; score: string; met: string; behind: string; moves: string }) =>
    `与上期（截至${a.asOf}）相比，${a.score}；已达标指标${a.met}，` +
    `滞后和严重滞后指标${a.behind}${a.moves ? `；${a.moves}` : ""}。`,
};

/** 二、分类情况: a table per category, and the chart of progress against 序时进度. */
export const CATEGORIES_TEXT = {
  heading: "二、分类情况",
  /** `lagging` and `critical`: the tolerances, in percentage points. */
  intro: (a: { count: number; first: number; lagging: string; critical: string }) =>
    `${a.count}类指标的完成情况见表${a.first}至表${a.first + a.count - 1}；各指标推进进度与序时进度的对比见图2。` +
    `推进进度为本期完成值在基期值至目标值之间所处的位置，低于序时进度超过${a.lagging}个百分点为滞后、` +
    `超过${a.critical}个百分点为严重滞后。`,
  progressFigure: "各指标推进进度与序时进度",
  category: (a: { category: string; count: number; score: string | null; statuses: string }) =>
    `${a.category}类${a.count}项指标${a.score === null ? "" : `，得分${a.score}分`}：${a.statuses}。`,
  categoryTable: (category: string) => `${category}类指标监测情况`,
};
