/**
 * A corpus of monitoring tables laid out the way Chinese government forms are: budget-performance
 * evaluation forms (绩效自评表, 绩效评价表), statistical report tables (统计季报 and 月报, with 表号 /
 * 制表机关 lines, 甲乙丙 column numbers, 单位负责人 / 统计负责人 / 填表人 footers and derived
 * columns), supervision ledgers (督查台账), assessment score sheets (考核评分表), the office's own
 * summaries with one row per township, and tables with two and three header rows, hierarchy
 * columns, labels above and below. Each form is drawn from a unit's figures by a seeded generator:
 * the indicators, their spellings, the figures, the labels' wording and place vary with the seed,
 * and what a statistician reads off the form (unit, period, per indicator the actual, baseline and
 * target in the catalogue's units, and the warnings a reviewer should see) comes from those figures,
 * never from the reader.
 *
 *   node bin/run-ts.js scripts/make-form-corpus.ts OUT_DIR   writes every form as .xlsx, to try by hand
 */
import type { SheetGrid } from "../../../src/core/model/cells";
import { cellAddress } from "../../../src/core/model/cells";
import type { Indicator } from "../../../src/core/model/catalogue";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { grid, type Raw } from "../../helpers/grid";

/** A value as read: a number in the catalogue's unit, or null (nothing given). */
export type Read = number | null;
/** [code, actual, baseline, target]. */
export type Reading = [code: string, actual: Read, baseline: Read, target: Read];

export interface UnitExpectation {
  /** The unit as the catalogue spells it. */
  unit: string | null;
  rows: Reading[];
}

export interface FormCase {
  name: string;
  /** What kind of form it is, and what it shows. */
  about: string;
  sheet: SheetGrid;
  /** Merged ranges (A1:H1), for the .xlsx the script writes. */
  merges: string[];
  asOf: string | null;
  /** One entry per report the sheet holds: one for a unit's sheet, one per unit's row of a summary. */
  reports: UnitExpectation[];
  /** Reader findings a reviewer should see, "rule@cell" (cell omitted for a whole-sheet finding). */
  findings: string[];
  /** Category per code, where the form carries one in a hierarchy column. */
  categories?: Record<string, string>;
}

const catalogue = defaultCatalogue();
const indicator = (code: string): Indicator => catalogue.indicators.find((i) => i.code === code)!;

/** mulberry32: the same corpus for a seed on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const between = (rnd: Rnd, lo: number, hi: number, step = 1) =>
  lo + Math.floor(rnd() * ((hi - lo) / step + 1)) * step;
const round = (n: number, d = 2) => Number(n.toFixed(d));

/** A few of the items, in their order, at least `min`. */
function some<T>(rnd: Rnd, xs: readonly T[], min: number): T[] {
  const chosen = xs.filter(() => rnd() < 0.7);
  for (const x of xs) if (chosen.length < min && !chosen.includes(x)) chosen.push(x);
  return xs.filter((x) => chosen.includes(x));
}

/** How units write the indicators' names (the catalogue's name or an alias they use). */
const SPELLINGS: Record<string, string[]> = {
  A1: ["R&D经费投入强度", "研究与试验发展（R&D）经费投入强度", "全社会研发投入强度"],
  B2: ["高新技术企业占规模以上企业比例", "高新技术企业占规上企业比例"],
  C1: ["市级众创空间", "市级众创空间数"],
  C2: ["省级科技企业孵化器", "省级孵化器"],
  C3: ["市级孵化器", "市级科技企业孵化器"],
  C4: ["省级技术创新中心"],
  C5: ["重点实验室", "省级重点实验室"],
  C6: ["省级技术转移机构"],
  C7: ["院士（专家）工作站", "院士专家工作站"],
  C8: ["专利申请量", "专利申请件数"],
  C9: ["每万人发明专利拥有量", "每万人口发明专利拥有量"],
  C9a: ["发明专利拥有量", "有效发明专利数"],
  C9b: ["常住人口", "年末常住人口"],
  G3: ["农牧业科技示范村", "农业科技示范村"],
  G5: ["特色产业科技创新示范基地"],
  F1: ["产学研结合的特色产业示范基地"],
  F12: ["农业科技进步贡献率", "农牧业科技进步贡献率"],
  H1: ["美仁牦牛本品种提纯复壮基地"],
  H2: ["犏牛繁育基地"],
  H3: ["犏雌牛（奶牛）养殖基地", "奶牛养殖基地"],
  H4: ["藏羊良种基地"],
  H5: ["特色种植基地项目", "特色种植基地"],
  F2: ["犏雌牛存栏"],
  F3: ["藏羊存栏"],
  F4: ["优质青稞种植面积", "青稞种植面积"],
  F5: ["青稞亩均产量", "青稞亩产"],
  F6: ["油菜种植面积"],
  F7: ["油菜亩均产量", "油菜亩产"],
  F8: ["饲草料种植面积", "优质燕麦种植面积"],
  F9: ["藏中药材种植面积", "中藏药材种植面积"],
  F10: ["羊肚菌种植面积"],
  F11: ["羊肚菌亩均产量"],
  F13: ["农牧业产值", "农牧业总产值"],
};

/** Indicators each kind of unit reports. */
const KEJI = ["A1", "B2", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "G3", "G5"];
const NONGYE = ["F12", "F1", "H1", "H2", "H3", "H4", "H5"];
const JIANGUAN = ["C8", "C9", "C9a", "C9b"];
const AREAS = ["F4", "F6", "F8", "F9", "F10"];
const TOWNS = [
  "那吾镇",
  "勒秀镇",
  "卡加曼乡",
  "卡加道乡",
  "佐盖多玛乡",
  "佐盖曼玛乡",
  "当周街道",
  "伊合昂街道",
  "通钦街道",
  "坚木克尔街道",
];
/** How a township writes its own name. */
const townAs = (rnd: Rnd, t: string) =>
  pick(rnd, [t, t.endsWith("街道") ? `${t}办事处` : `${t}人民政府`]);

/** One indicator's figures in the catalogue's unit. */
interface Fig {
  code: string;
  name: string;
  baseline: number | null;
  target: number | null;
  actual: number;
  previous: number;
}

const PERCENT_BASE: Record<string, number> = { A1: 0.85, B2: 40, F12: 45 };

/** A bureau's figures for an indicator it owns: the catalogue's target, its own progress. */
function bureauFig(rnd: Rnd, code: string): Fig {
  const ind = indicator(code);
  const name = pick(rnd, SPELLINGS[code]);
  if (ind.unit === "%" || code === "C9") {
    const base = PERCENT_BASE[code] ?? 2.1;
    const actual = round(base + (ind.target! - base) * (0.5 + rnd() * 0.45), 2);
    return {
      code,
      name,
      baseline: ind.baseline ?? (code === "C9" ? null : base),
      target: ind.target,
      actual,
      previous: round(actual - 0.05 - rnd() * 0.1, 2),
    };
  }
  if (code === "C8")
    return {
      code,
      name,
      baseline: null,
      target: 200,
      actual: between(rnd, 90, 190),
      previous: between(rnd, 60, 89),
    };
  if (code === "C9a")
    return {
      code,
      name,
      baseline: null,
      target: null,
      actual: between(rnd, 30, 45),
      previous: between(rnd, 25, 29),
    };
  if (code === "C9b")
    return { code, name, baseline: 11.23, target: null, actual: 11.23, previous: 11.23 };
  const target = ind.target!;
  const actual = Math.max(0, Math.min(target, Math.round(target * (0.4 + rnd() * 0.6))));
  return { code, name, baseline: 0, target, actual, previous: Math.max(0, actual - 1) };
}

/** A township's share of an indicator the city adds up: its own baseline and target. */
function townFig(rnd: Rnd, code: string): Fig {
  const name = pick(rnd, SPELLINGS[code]);
  if (["F5", "F7", "F11"].includes(code)) {
    const target = indicator(code).target!;
    return {
      code,
      name,
      baseline: between(rnd, target - 60, target - 10),
      target,
      actual: between(rnd, target - 40, target + 15),
      previous: target - 50,
    };
  }
  const base = code === "F10" ? between(rnd, 10, 40) : between(rnd, 800, 9000, 100);
  const target = code === "F10" ? base + between(rnd, 2, 10) : base + between(rnd, 100, 600, 50);
  return {
    code,
    name,
    baseline: base,
    target,
    actual: Math.round(target * (0.85 + rnd() * 0.2)),
    previous: base,
  };
}

/** A growth indicator's target is a rate (年递增3%): a number of heads typed as its target is no target to read. */
const targetRead = (f: Fig): Read => (indicator(f.code).kind === "annual_growth" ? null : f.target);

const reading = (f: Fig, with_: { baseline?: boolean; target?: boolean } = {}): Reading => [
  f.code,
  f.actual,
  with_.baseline === false ? null : f.baseline,
  with_.target === false ? null : targetRead(f),
];

/** A sheet being drawn: rows appended one by one, merged ranges noted. */
class Form {
  rows: Raw[][] = [];
  merges: string[] = [];

  /** Appends a row; returns its 0-based index. */
  add(...cells: Raw[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 !== r2 || c1 !== c2) this.merges.push(`${cellAddress(r1, c1)}:${cellAddress(r2, c2)}`);
  }

  /** A title merged over the table's width. */
  title(text: string, width: number): number {
    const r = this.add(text);
    this.merge(r, 0, r, width - 1);
    return r;
  }

  grid(name: string): SheetGrid {
    return grid(name, this.rows);
  }
}

const at = cellAddress;
const PEOPLE = ["王芳", "李建国", "张晓燕", "马文", "卓玛", "扎西", "杨帆", "赵敏"];
const reportDay = (rnd: Rnd) => `2022年10月${between(rnd, 5, 12)}日`;

// --- budget-performance evaluation forms -----------------------------------------------------------

/**
 * 项目支出绩效自评表: the project's block (name, 主管部门, 实施单位, funds with 分值 and 得分), then
 * 绩效指标 merged down the rows beside 一级 | 二级 | 三级指标, 年度指标值 | 实际完成值 | 分值 | 得分 |
 * 偏差原因. The names are the third level; targets are written "≥10家"; two indicators are the
 * project's own (满意度, 农户数) and not the catalogue's.
 */
function selfEvaluation(rnd: Rnd): FormCase {
  const f = new Form();
  const unitAs = pick(rnd, ["合作市科学技术局", "合作市科技局"]);
  f.title("项目支出绩效自评表", 9);
  f.title(pick(rnd, ["（2022年度）", "(2022年度)"]), 9);
  f.add(
    "项目名称",
    "合作市省级创新型县建设专项",
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined
  );
  f.add("主管部门", "合作市科学技术局", undefined, undefined, "实施单位", unitAs);
  const funds = f.add(
    "项目资金（万元）",
    undefined,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分"
  );
  f.add(undefined, "年度资金总额", 500, 500, 478.6, 10, "95.7%", 9.6);
  f.merge(funds, 0, funds + 1, 0);
  f.add("年度总体目标", "预期目标", undefined, undefined, "实际完成情况");
  f.add(undefined, "完成创新型县建设年度任务", undefined, undefined, "基本完成");
  const hr = f.add(
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施"
  );
  const counts = some(rnd, ["C1", "C4", "C7", "G3"], 2).map((c) => bureauFig(rnd, c));
  const a1 = bureauFig(rnd, "A1");
  const rows: Reading[] = [];
  const findings: string[] = [];
  counts.forEach((x, i) => {
    const unit = indicator(x.code).unit;
    const r = f.add(
      undefined,
      i === 0 ? "产出指标" : undefined,
      i === 0 ? "数量指标" : undefined,
      `${x.name}（${unit}）`,
      `≥${x.target}${unit}`,
      x.actual,
      10,
      8
    );
    rows.push([x.code, x.actual, null, x.target]);
    if (i === 0) f.merge(r, 1, r + counts.length, 1);
  });
  f.add(
    undefined,
    undefined,
    "质量指标",
    `${a1.name}（%）`,
    `≥${a1.target}%`,
    a1.actual,
    10,
    8,
    "统计数据滞后一年"
  );
  rows.push(["A1", a1.actual, null, a1.target]);
  const own1 = f.add(
    undefined,
    "效益指标",
    "社会效益指标",
    "科技特派员服务农户数（户）",
    "≥500户",
    620,
    10,
    10
  );
  const own2 = f.add(
    undefined,
    "满意度指标",
    "服务对象满意度指标",
    "群众满意度（%）",
    "≥90%",
    "96%",
    10,
    10
  );
  findings.push(`unknown_indicator@${at(own1, 3)}`, `unknown_indicator@${at(own2, 3)}`);
  f.merge(hr, 0, own2, 0);
  f.add("总分", undefined, undefined, undefined, undefined, undefined, 100, 86.5);
  f.add(
    `填报人：${pick(rnd, PEOPLE)}`,
    undefined,
    undefined,
    `联系电话：0941-82${between(rnd, 10000, 99999)}`,
    undefined,
    `填报日期：${reportDay(rnd)}`
  );
  return {
    name: "budget self-evaluation form",
    about:
      "项目支出绩效自评表: 实施单位, （2022年度） under the title, three levels of indicators, 年度指标值 | 实际完成值 | 分值 | 得分",
    sheet: f.grid("绩效自评表"),
    merges: f.merges,
    asOf: "2022-12-31",
    reports: [{ unit: "市科技局", rows }],
    findings,
  };
}

/**
 * 部门整体支出绩效评价表: 被评价单位（盖章） and 评价期间 as a span of days, 一级 | 二级 | 三级指标 |
 * 指标解释 | 目标值（标准） | 实际完成值 | 权重（%） | 得分; the first two levels merged down the rows.
 */
function departmentEvaluation(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市农业农村局2022年度部门整体支出绩效评价表", 8);
  f.add(
    `被评价单位（盖章）：${pick(rnd, ["合作市农业农村局", "合作市农业农村局（合作市乡村振兴局）"])}`,
    undefined,
    undefined,
    undefined,
    pick(rnd, ["评价期间：2022年1月1日—2022年12月31日", "评价期间：2022年1月1日至12月31日"])
  );
  f.add(
    "一级指标",
    "二级指标",
    "三级指标",
    "指标解释",
    "目标值（标准）",
    "实际完成值",
    "权重（%）",
    "得分"
  );
  const figs = some(rnd, NONGYE, 3).map((c) => bureauFig(rnd, c));
  const categories: Record<string, string> = {};
  figs.forEach((x, i) => {
    f.add(
      i === 0 ? "产出" : undefined,
      i === 0 ? "产出数量" : undefined,
      x.name,
      "截至年末累计建成数",
      x.target,
      x.actual,
      round(100 / figs.length, 1),
      10
    );
    categories[x.code] = "产出";
  });
  f.add("合计", undefined, undefined, undefined, undefined, undefined, 100, 88);
  f.add("评价人：", pick(rnd, PEOPLE), undefined, "复核人：", pick(rnd, PEOPLE));
  return {
    name: "department evaluation form",
    about:
      "部门整体支出绩效评价表: 被评价单位（盖章）, 评价期间 as days, 目标值（标准）, 权重 and 得分 beside the figures",
    sheet: f.grid("整体支出绩效评价"),
    merges: f.merges,
    asOf: "2022-12-31",
    reports: [{ unit: "市农业农村局", rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
    categories,
  };
}

/**
 * A township's project form: 绩效目标 merged down, 一级 | 二级 | 三级指标 | 指标值 | 实际完成值 | 分值 |
 * 得分 — 指标值 beside 实际完成值 being the year's target; the period as 考核年度 with a number.
 */
function townshipPerformance(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["那吾镇", "勒秀镇", "卡加曼乡"]);
  f.title(`${town}特色产业发展项目绩效目标完成情况表`, 8);
  f.add("申报单位：", townAs(rnd, town), undefined, undefined, "考核年度：", 2022);
  const hr = f.add(
    "绩效目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    "分值",
    "得分"
  );
  const figs = some(rnd, AREAS, 3).map((c) => townFig(rnd, c));
  figs.forEach((x, i) => {
    f.add(
      undefined,
      i === 0 ? "产出指标" : undefined,
      i === 0 ? "数量指标" : undefined,
      `${x.name}（亩）`,
      x.target,
      x.actual,
      20,
      18
    );
  });
  f.merge(hr, 0, hr + figs.length, 0);
  return {
    name: "township performance form",
    about:
      "绩效目标 merged down, 指标值 (the target) beside 实际完成值, 考核年度：2022 as a number",
    sheet: f.grid(town),
    merges: f.merges,
    asOf: "2022-12-31",
    reports: [{ unit: town, rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

// --- statistical report tables --------------------------------------------------------------------

/**
 * 统计季报: 表号 / 制表机关 / 文号 / 有效期至 at the right, 综合机关名称（盖章）, the period alone
 * under the title, 指标名称 | 计量单位 | 代码 | 本期 | 上年同期 | 比上年同期增长（%）, a row of
 * column numbers, the signature footer. 制表机关 is the statistics bureau, never the reporting unit.
 */
function statisticalQuarterly(rnd: Rnd): FormCase {
  const f = new Form();
  f.add(undefined, undefined, undefined, undefined, "表    号：", "CXJ-03表");
  f.add(
    undefined,
    undefined,
    undefined,
    undefined,
    "制表机关：",
    pick(rnd, ["合作市统计局", "合作市科学技术局"])
  );
  f.title("合作市创新型县建设主要指标统计季报", 6);
  f.add(
    pick(rnd, ["综合机关名称（盖章）：合作市市场监督管理局", "填报单位（盖章）：合作市市场监管局"]),
    undefined,
    undefined,
    undefined,
    "文    号：",
    "合统字〔2022〕12号"
  );
  f.add(
    pick(rnd, ["2022年1-9月", "2022年第三季度", "2022年前三季度"]),
    undefined,
    undefined,
    undefined,
    "有效期至：",
    "2024年12月"
  );
  f.add("指标名称", "计量单位", "代码", "本期", "上年同期", "比上年同期增长（%）");
  f.add("甲", "乙", "丙", 1, 2, 3);
  const figs = JIANGUAN.map((c) => bureauFig(rnd, c));
  // 每万人发明专利拥有量 is 发明专利拥有量 ÷ 常住人口, as the statistics bureau computes it.
  figs[0 + 1].actual = round(figs[2].actual / figs[3].actual, 2);
  figs.forEach((x, i) => {
    const unit = indicator(x.code).unit;
    f.add(
      x.name,
      unit,
      String(i + 1).padStart(2, "0"),
      x.actual,
      x.previous,
      round((x.actual / x.previous - 1) * 100, 1)
    );
  });
  f.add(
    `单位负责人：${pick(rnd, PEOPLE)}`,
    undefined,
    `统计负责人：${pick(rnd, PEOPLE)}`,
    undefined,
    `填表人：${pick(rnd, PEOPLE)}`,
    `报出日期：${reportDay(rnd)}`
  );
  return {
    name: "statistical quarterly report",
    about:
      "统计季报: 表号 and 制表机关 lines, 综合机关名称（盖章）, the period alone, 甲乙丙 column numbers, 比上年同期增长 beside the figures",
    sheet: f.grid("季报"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市市场监管局", rows: figs.map((x) => [x.code, x.actual, null, null]) }],
    findings: [],
  };
}

/** 统计月报: 所属期 as a month, 1-9月累计 | 上年同期累计 | 同比增长（%）, 计量单位, the footer under it. */
function statisticalMonthly(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市农业农村局创新型县建设指标统计月报", 6);
  f.add(
    "填报单位（盖章）：合作市农业农村局",
    undefined,
    undefined,
    pick(rnd, ["所属期：2022年9月", "所属期：2022年09月", "所属时期：2022年9月"])
  );
  f.add(
    "指标名称",
    "计量单位",
    pick(rnd, ["1-9月累计", "1—9月累计", "本年累计"]),
    "上年同期累计",
    "同比增长（%）",
    "备注"
  );
  const figs = some(rnd, NONGYE, 3).map((c) => bureauFig(rnd, c));
  for (const x of figs)
    f.add(
      x.name,
      indicator(x.code).unit,
      x.actual,
      x.previous,
      round((x.actual / Math.max(1, x.previous) - 1) * 100, 1),
      ""
    );
  f.add();
  f.add("单位负责人：", undefined, "统计负责人：", undefined, "填表人：", pick(rnd, PEOPLE));
  f.add(`报出日期：${reportDay(rnd)}`);
  return {
    name: "statistical monthly report",
    about: "统计月报: 所属期 as a month, 1-9月累计 | 上年同期累计 | 同比增长（%）",
    sheet: f.grid("月报"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市农业农村局", rows: figs.map((x) => [x.code, x.actual, null, null]) }],
    findings: [],
  };
}

/** A statistical table of one figure per indicator: 统计指标 | 数据项 | 计量单位 | 指标值 | 备注, 统计年度. */
function indicatorValueTable(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["佐盖多玛乡", "卡加道乡", "通钦街道"]);
  f.title(`${town}特色种植业主要指标`, 5);
  f.add(
    `填报单位：${townAs(rnd, town)}`,
    undefined,
    undefined,
    pick(rnd, ["统计年度：2022年", "报告年度：2022"])
  );
  f.add("统计指标", "数据项", "计量单位", "指标值", "备注");
  const figs = some(rnd, ["F8", "F9", "F10"], 2).map((c) => townFig(rnd, c));
  for (const x of figs) f.add(x.name, "全年数", "亩", x.actual, "");
  f.add("注：数据来源于乡镇农业综合服务中心。");
  return {
    name: "indicator-value table",
    about: "统计指标 | 数据项 | 计量单位 | 指标值: 指标值 alone is the figure, 数据项 is a label",
    sheet: f.grid("统计表"),
    merges: f.merges,
    asOf: "2022-12-31",
    reports: [{ unit: town, rows: figs.map((x) => [x.code, x.actual, null, null]) }],
    findings: [],
  };
}

/** Two header rows: 本年 over 目标 | 实际, 上年同期 merged down, 报告期别 as the period's label. */
function thisYearGroup(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市科技局创新型县建设指标完成情况", 6);
  f.add(
    "填报单位：合作市科技局",
    undefined,
    undefined,
    pick(rnd, ["报告期别：2022年第三季度", "统计期别：2022年三季度"])
  );
  const hr = f.add("指标名称", "计量单位", "本年", undefined, "上年同期");
  f.add(undefined, undefined, "目标", "实际", undefined);
  f.merge(hr, 2, hr, 3);
  f.merge(hr, 0, hr + 1, 0);
  f.merge(hr, 4, hr + 1, 4);
  const figs = some(rnd, KEJI, 3).map((c) => bureauFig(rnd, c));
  for (const x of figs) f.add(x.name, indicator(x.code).unit, x.target, x.actual, x.previous);
  return {
    name: "this year over target and actual",
    about: "本年 merged over 目标 | 实际, 上年同期 merged down, 报告期别",
    sheet: f.grid("完成情况"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市科技局", rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

// --- supervision ledgers and assessment forms -----------------------------------------------------

/**
 * 督查台账: the period only in the title's brackets (截至…日), 报送单位, 考核内容 | 年度目标 | 责任单位 |
 * 截至目前完成情况 | 完成进度（%） | 存在问题 | 下步措施, figures written with their units ("7家").
 */
function supervisionLedger(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市创新型县建设重点指标推进督查台账", 8);
  f.title(pick(rnd, ["（截至2022年9月30日）", "（截至2022年9月底）"]), 8);
  f.add(`报送单位：${pick(rnd, ["合作市科学技术局", "合作市科技局（盖章）"])}`);
  f.add(
    "序号",
    "考核内容",
    "年度目标",
    "责任单位",
    "截至目前完成情况",
    "完成进度（%）",
    "存在问题",
    "下步措施"
  );
  const figs = some(
    rnd,
    KEJI.filter((c) => c !== "B2"),
    3
  ).map((c) => bureauFig(rnd, c));
  figs.forEach((x, i) => {
    const unit = indicator(x.code).unit;
    f.add(
      i + 1,
      x.name,
      `${x.target}${unit}`,
      "市科技局",
      `${x.actual}${unit}`,
      round((x.actual / x.target!) * 100, 1),
      x.actual < x.target! ? "项目审批进度慢" : "",
      "加快推进"
    );
  });
  return {
    name: "supervision ledger",
    about:
      "督查台账: 考核内容, 截至目前完成情况 with units, 完成进度（%）, the period in the title",
    sheet: f.grid("督查台账"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市科技局", rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

/**
 * 考核评分表: 考核项目 merged down over 考核内容, 分值 | 考核标准 | 单位自报 | 考核核定 | 得分 —
 * two columns of actuals; the office's checked one is taken, and a reviewer is told so.
 */
function assessmentSheet(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("2022年度创新型县建设目标责任考核评分表", 8);
  f.add("被考核单位：合作市科学技术局", undefined, undefined, undefined, "考核年度：2022年");
  const hr = f.add(
    "序号",
    "考核项目",
    "考核内容",
    "分值",
    "考核标准",
    "单位自报",
    "考核核定",
    "得分"
  );
  const figs = some(rnd, ["C1", "C2", "C4", "C5", "G3"], 3).map((c) => bureauFig(rnd, c));
  const categories: Record<string, string> = {};
  figs.forEach((x, i) => {
    const claimed = i === 0 ? x.actual + 1 : x.actual;
    f.add(
      i + 1,
      i === 0 ? "科技创新能力" : undefined,
      x.name,
      10,
      `完成${x.target}个得满分，每少1个扣2分`,
      claimed,
      x.actual,
      8
    );
    categories[x.code] = "科技创新能力";
  });
  f.merge(hr + 1, 1, hr + figs.length, 1);
  return {
    name: "assessment score sheet",
    about:
      "考核评分表: 考核项目 over 考核内容, 单位自报 and 考核核定 (the checked figure is read, with a warning)",
    sheet: f.grid("考核评分"),
    merges: f.merges,
    asOf: "2022-12-31",
    reports: [{ unit: "市科技局", rows: figs.map((x) => [x.code, x.actual, null, null]) }],
    findings: [`column_guessed@${at(hr, 6)}`],
    categories,
  };
}

// --- units as rows ---------------------------------------------------------------------------------

/** Townships' figures for the summaries: the same per unit whatever the layout. */
function townships(
  rnd: Rnd,
  codes: string[],
  n: number
): { town: string; as: string; figs: Fig[] }[] {
  return some(rnd, TOWNS, n)
    .slice(0, Math.max(n, 3))
    .map((town) => ({ town, as: townAs(rnd, town), figs: codes.map((c) => townFig(rnd, c)) }));
}

/**
 * The office's summary of the townships: one row per 乡镇（街道）, one column per indicator with its
 * unit in brackets, yields among them, a 合计 row that adds up (yields as weighted means).
 */
function townshipSummary(rnd: Rnd): FormCase {
  const f = new Form();
  const codes = ["F4", "F5", "F6", "F7"];
  const towns = townships(rnd, codes, 4);
  f.title("合作市各乡镇（街道）特色种植业发展情况汇总表", 7);
  f.add(
    "填报单位：合作市农业农村局",
    undefined,
    undefined,
    undefined,
    pick(rnd, ["统计时段：2022年1-9月", "报告期：2022年第三季度"])
  );
  f.add(
    "序号",
    pick(rnd, ["乡镇（街道）", "乡镇(街道)名称", "单位"]),
    "优质青稞种植面积（亩）",
    "青稞亩均产量（斤/亩）",
    "油菜种植面积（亩）",
    "油菜亩均产量（斤/亩）",
    "备注"
  );
  towns.forEach((t, i) => f.add(i + 1, t.as, ...t.figs.map((x) => x.actual), ""));
  const sum = (k: number) => towns.reduce((s, t) => s + t.figs[k].actual, 0);
  const mean = (k: number, w: number) =>
    Math.round(towns.reduce((s, t) => s + t.figs[k].actual * t.figs[w].actual, 0) / sum(w));
  f.add(undefined, "合计", sum(0), mean(1, 0), sum(2), mean(3, 2), "");
  f.add("填表人：", pick(rnd, PEOPLE), undefined, "审核人：", pick(rnd, PEOPLE));
  return {
    name: "township summary",
    about:
      "units as rows: 乡镇（街道） | one column per indicator (unit in brackets) | 合计 that adds up",
    sheet: f.grid("乡镇汇总"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: towns.map((t) => ({
      unit: t.town,
      rows: t.figs.map((x) => [x.code, x.actual, null, null] as Reading),
    })),
    findings: [],
  };
}

/**
 * Units as rows with each indicator over 目标 | 完成 (two header rows), one indicator merged down with
 * no sub-columns, 考核期间 as the period's label, a 总计 row that does not add up.
 */
function townshipTargets(rnd: Rnd): FormCase {
  const f = new Form();
  const codes = ["F4", "F9", "F10"];
  const towns = townships(rnd, codes, 3);
  f.title("各乡镇（街道）特色产业目标任务完成情况统计表", 6);
  f.add(
    pick(rnd, ["考核期间：2022年第三季度", "考核期间：2022年三季度"]),
    undefined,
    undefined,
    undefined,
    "单位：亩"
  );
  const hr = f.add(
    "单位",
    `${towns[0].figs[0].name}（亩）`,
    undefined,
    `${towns[0].figs[1].name}（亩）`,
    undefined,
    "羊肚菌种植面积（亩）"
  );
  f.add(undefined, "目标", "完成", "目标任务", "完成数", undefined);
  f.merge(hr, 1, hr, 2);
  f.merge(hr, 3, hr, 4);
  f.merge(hr, 0, hr + 1, 0);
  f.merge(hr, 5, hr + 1, 5);
  for (const t of towns)
    f.add(
      t.as,
      t.figs[0].target,
      t.figs[0].actual,
      t.figs[1].target,
      t.figs[1].actual,
      t.figs[2].actual
    );
  const total = towns.reduce((s, t) => s + t.figs[0].actual, 0) + 500;
  const tr = f.add(
    "总计",
    towns.reduce((s, t) => s + t.figs[0].target!, 0),
    total,
    towns.reduce((s, t) => s + t.figs[1].target!, 0),
    towns.reduce((s, t) => s + t.figs[1].actual, 0),
    towns.reduce((s, t) => s + t.figs[2].actual, 0)
  );
  return {
    name: "township targets",
    about:
      "units as rows under 单位, each indicator merged over 目标 | 完成, 考核期间, a 总计 row that is off by 500",
    sheet: f.grid("目标任务"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: towns.map((t) => ({
      unit: t.town,
      rows: [
        reading(t.figs[0], { baseline: false }),
        reading(t.figs[1], { baseline: false }),
        [t.figs[2].code, t.figs[2].actual, null, null] as Reading,
      ],
    })),
    findings: [`total_mismatch@${at(tr, 2)}`],
  };
}

/**
 * Units as rows under group headers (种植业 | 养殖业 over the indicators), 万亩 in one header,
 * the period only in the title, no 填报单位, the townships' full names.
 */
function groupedSummary(rnd: Rnd): FormCase {
  const f = new Form();
  const codes = ["F4", "F9", "F2", "F3"];
  const towns = townships(rnd, codes, 4);
  f.title(
    pick(rnd, [
      "合作市特色产业主要指标完成情况（2022年第三季度）",
      "合作市2022年前三季度特色产业指标汇总",
    ]),
    5
  );
  const hr = f.add("乡镇（街道）", "种植业", undefined, "养殖业", undefined);
  f.add(
    undefined,
    "优质青稞种植面积（万亩）",
    `${towns[0].figs[1].name}（亩）`,
    "犏雌牛存栏（头）",
    "藏羊存栏（只）"
  );
  f.merge(hr, 0, hr + 1, 0);
  f.merge(hr, 1, hr, 2);
  f.merge(hr, 3, hr, 4);
  for (const t of towns)
    f.add(t.as, t.figs[0].actual / 10000, t.figs[1].actual, t.figs[2].actual, t.figs[3].actual);
  f.add("注：面积为截至报告期末累计数。");
  return {
    name: "grouped township summary",
    about: "units as rows under 种植业 | 养殖业 group headers, 万亩, the period in the title",
    sheet: f.grid("汇总"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: towns.map((t) => ({
      unit: t.town,
      rows: t.figs.map((x) => [x.code, x.actual, null, null] as Reading),
    })),
    findings: [],
  };
}

// --- header rows and columns ----------------------------------------------------------------------

/** Two header rows: 1-9月完成情况 over 本期 | 累计 | 完成率; 全年任务 as the target. */
function completionGroup(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市科技局创新型县建设任务完成情况表", 8);
  f.add(
    "填报单位：合作市科技局",
    undefined,
    undefined,
    undefined,
    undefined,
    "报告期：2022年1-9月"
  );
  const hr = f.add(
    "序号",
    "指标名称",
    "计量单位",
    "全年任务",
    pick(rnd, ["1-9月完成情况", "完成情况"]),
    undefined,
    undefined,
    "备注"
  );
  f.add(undefined, undefined, undefined, undefined, "本期", "累计", "完成率", undefined);
  f.merge(hr, 4, hr, 6);
  const figs = some(rnd, KEJI, 3).map((c) => bureauFig(rnd, c));
  figs.forEach((x, i) =>
    f.add(
      i + 1,
      x.name,
      indicator(x.code).unit,
      x.target,
      Math.max(0, x.actual - x.previous),
      x.actual,
      `${round((x.actual / x.target!) * 100, 1)}%`,
      ""
    )
  );
  return {
    name: "completion over this period and to date",
    about:
      "完成情况 merged over 本期 | 累计 | 完成率: the figure to date is read, without a warning",
    sheet: f.grid("完成情况"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市科技局", rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

/**
 * Three header rows: 2022年进展 over 全年任务 and 截至9月底, itself over 完成数 | 完成目标（%） |
 * 同比增长（%）; 基期 and 2023年目标 with their years in brackets underneath; a row of column numbers.
 */
function threeRowHeader(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["那吾镇", "勒秀镇", "卡加道乡"]);
  f.title(`${town}创新型县建设特色产业指标进展表`, 9);
  f.add(
    `填报单位：${townAs(rnd, town)}`,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    "报告期：2022年第三季度"
  );
  const hr = f.add("序号", "项目", "计量单位", "基期", "2023年目标", "2022年进展");
  f.add(undefined, undefined, undefined, undefined, undefined, "全年任务", "截至9月底");
  f.add(
    undefined,
    undefined,
    undefined,
    "（2020年）",
    "（2023年）",
    undefined,
    "完成数",
    "完成目标（%）",
    "同比增长（%）"
  );
  f.add("甲", "乙", "丙", 1, 2, 3, 4, 5, 6);
  f.merge(hr, 5, hr, 8);
  f.merge(hr + 1, 6, hr + 1, 8);
  const figs = some(rnd, AREAS, 3).map((c) => townFig(rnd, c));
  figs.forEach((x, i) =>
    f.add(
      i + 1,
      x.name,
      "亩",
      x.baseline,
      x.target,
      Math.round(x.target! * 0.95),
      x.actual,
      round((x.actual / x.target!) * 100, 1),
      3.2
    )
  );
  return {
    name: "three header rows",
    about:
      "three header rows with groups over groups, years in brackets, 完成目标（%） and 同比增长（%）, 甲乙丙 numbers",
    sheet: f.grid(town),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: town, rows: figs.map((x) => reading(x)) }],
    findings: [],
  };
}

/** Hierarchy columns: 一级指标 | 二级指标 merged down, 具体指标（三级） holding the names, a rate column. */
function hierarchyColumns(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市创新型县建设指标体系监测表", 7);
  f.add(
    pick(rnd, ["填报单位：合作市科技局", "单位名称（盖章）：合作市科学技术局"]),
    undefined,
    undefined,
    undefined,
    "统计期间：2022年1-9月"
  );
  f.add("一级指标", "二级指标", "具体指标（三级）", "计量单位", "目标值", "完成值", "完成率（%）");
  const groups: [string, string, string[]][] = [
    ["科技创新投入", "研发投入", ["A1"]],
    ["科技创新能力", "创新平台", some(rnd, ["C1", "C2", "C4", "C5"], 2)],
  ];
  const rows: Reading[] = [];
  const categories: Record<string, string> = {};
  for (const [level1, level2, codes] of groups) {
    codes.forEach((c, i) => {
      const x = bureauFig(rnd, c);
      f.add(
        i === 0 ? level1 : undefined,
        i === 0 ? level2 : undefined,
        x.name,
        indicator(c).unit,
        x.target,
        x.actual,
        round((x.actual / x.target!) * 100, 1)
      );
      rows.push([c, x.actual, null, x.target]);
      categories[c] = level1;
    });
  }
  return {
    name: "hierarchy columns",
    about: "一级 | 二级 merged down the rows, the names in 具体指标（三级）, 完成率（%）",
    sheet: f.grid("指标体系"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市科技局", rows }],
    findings: [],
    categories,
  };
}

/** A column of rates headed like the actual, 完成（%）, beside 完成: the figures are read, with a warning. */
function ratioBesideActual(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("市农业农村局创新型县建设指标完成情况", 5);
  f.add("填报单位：合作市农业农村局", undefined, undefined, "报告期：2022年第三季度");
  const hr = f.add("指标名称", "计量单位", "目标值", "完成", "完成（%）");
  const figs = some(
    rnd,
    NONGYE.filter((c) => c !== "F12"),
    3
  ).map((c) => bureauFig(rnd, c));
  for (const x of figs)
    f.add(
      x.name,
      indicator(x.code).unit,
      x.target,
      x.actual,
      round((x.actual / x.target!) * 100, 1)
    );
  return {
    name: "a rate column headed like the actual",
    about:
      "完成 | 完成（%）: the second holds 完成 ÷ 目标 and is not the actual; the choice is a warning",
    sheet: f.grid("完成情况"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市农业农村局", rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [`column_guessed@${at(hr, 3)}`],
  };
}

/** No header says "actual": 项目 | 计量单位 | 年度目标 | 数量 | 占比（%） — 数量 is read, with a warning. */
function figuresByContent(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["当周街道", "伊合昂街道", "坚木克尔街道"]);
  f.title(`${town}特色种植情况统计`, 5);
  f.add(`填报单位：${townAs(rnd, town)}`, undefined, undefined, "报告期：2022年第三季度");
  const hr = f.add("项目", "计量单位", "年度目标", "数量", "占比（%）");
  const figs = some(rnd, AREAS, 2).map((c) => townFig(rnd, c));
  const total = figs.reduce((s, x) => s + x.actual, 0);
  for (const x of figs) f.add(x.name, "亩", x.target, x.actual, round((x.actual / total) * 100, 1));
  return {
    name: "the actual told by its contents",
    about:
      '数量 under no "actual" header: the one column of figures that is no rate is read, with a warning',
    sheet: f.grid(town),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: town, rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [`column_guessed@${at(hr, 3)}`],
  };
}

/** The names' column headed by nothing that says "indicator" (种植、养殖品种): found by the names in it. */
function namesByContent(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["佐盖曼玛乡", "卡加曼乡", "勒秀镇"]);
  f.title(`${town}种植养殖任务完成情况`, 4);
  f.add(
    `报送单位：${townAs(rnd, town)}`,
    undefined,
    pick(rnd, ["报告期：2022年第三季度", "所属期：2022年三季度"])
  );
  const hr = f.add(
    pick(rnd, ["种植、养殖品种", "品种", "产业"]),
    "计量单位",
    "年度计划",
    "实际完成"
  );
  const codes = some(rnd, ["F4", "F6", "F2", "F3"], 2);
  const figs = codes.map((c) => townFig(rnd, c));
  for (const x of figs) f.add(x.name, indicator(x.code).unit, x.target, x.actual);
  return {
    name: "names told by their contents",
    about:
      "the names under 品种: the column whose cells name indicators, with a warning; 年度计划 as the target",
    sheet: f.grid(town),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: town, rows: figs.map((x) => [x.code, x.actual, null, targetRead(x)]) }],
    findings: [`column_guessed@${at(hr, 0)}`],
  };
}

// --- labels where forms put them ----------------------------------------------------------------------

/** The unit and period under the table, with the signatures: 填报单位（盖章） and 报告期 in the footer. */
function labelsBelow(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["卡加曼乡", "通钦街道", "那吾镇"]);
  f.title("特色种植面积完成情况表", 4);
  f.add("指标", "单位", "目标", "完成");
  const figs = some(rnd, AREAS, 2).map((c) => townFig(rnd, c));
  for (const x of figs) f.add(x.name, "亩", x.target, x.actual);
  f.add();
  f.add(
    `填报单位（盖章）：${townAs(rnd, town)}`,
    undefined,
    pick(rnd, ["报告期：2022年第三季度", "统计时段：2022年1-9月"])
  );
  f.add(`单位负责人：${pick(rnd, PEOPLE)}`, undefined, `填表人：${pick(rnd, PEOPLE)}`);
  return {
    name: "labels under the table",
    about: "填报单位（盖章） and the period in the footer, with the signatures",
    sheet: f.grid("Sheet1"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: town, rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

/** The period only in a note under the table (数据截至…), the unit only in the title and tab. */
function periodInFooter(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["勒秀镇", "卡加道乡"]);
  f.title(`${town}特色产业指标完成情况`, 5);
  f.add("指标名称", "计量单位", "基数", "目标", "实际完成数");
  const figs = some(rnd, AREAS, 2).map((c) => townFig(rnd, c));
  for (const x of figs) f.add(x.name, "亩", x.baseline, x.target, x.actual);
  f.add(
    pick(rnd, [
      "注：1.本表数据截至2022年9月30日；2.上年同期数据截至2021年9月30日。",
      "注：本表数据截止到2022年9月30日。",
    ])
  );
  return {
    name: "the period in a note",
    about: "no period label: 注：本表数据截至2022年9月30日 under the table (not the 上年同期 one)",
    sheet: f.grid(town),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: town, rows: figs.map((x) => reading(x)) }],
    findings: [],
  };
}

/** 制表机关 and 表号 above a township's 单位名称（盖章）: the township is the unit, not the office. */
function formAuthority(rnd: Rnd): FormCase {
  const f = new Form();
  const town = pick(rnd, ["勒秀镇", "佐盖多玛乡"]);
  f.add(undefined, undefined, undefined, "表号：农统1表");
  f.add(undefined, undefined, undefined, "制表机关：合作市农业农村局");
  f.title("特色产业发展情况", 5);
  f.add(
    `单位名称（盖章）：${townAs(rnd, town)}`,
    undefined,
    undefined,
    pick(rnd, ["评价期间：2022年第三季度", "考核时段：2022年7月1日至9月30日"])
  );
  f.add("指标名称", "单位", "目标任务", "完成数");
  const figs = some(rnd, ["F9", "F10", "F8"], 2).map((c) => townFig(rnd, c));
  for (const x of figs) f.add(x.name, "亩", x.target, x.actual);
  return {
    name: "form authority lines",
    about:
      "表号 and 制表机关 (the office) above 单位名称（盖章） (the township); 评价期间 / 考核时段",
    sheet: f.grid("农统1表"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: town, rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

/** One column per quarter, 年度目标, the period as a span of days under 统计时段. */
function quarterColumns(rnd: Rnd): FormCase {
  const f = new Form();
  f.title("合作市科技局2022年创新型县建设指标季度完成情况", 7);
  f.add(
    "填报单位：合作市科技局",
    undefined,
    undefined,
    undefined,
    pick(rnd, ["统计时段：2022年7月1日至9月30日", "统计时段：2022年第三季度"])
  );
  f.add("指标名称", "计量单位", "一季度", "二季度", "三季度", "四季度", "2023年目标");
  const figs = some(
    rnd,
    KEJI.filter((c) => indicator(c).unit !== "%"),
    3
  ).map((c) => bureauFig(rnd, c));
  for (const x of figs)
    f.add(
      x.name,
      indicator(x.code).unit,
      Math.max(0, x.actual - 2),
      Math.max(0, x.actual - 1),
      x.actual,
      undefined,
      x.target
    );
  return {
    name: "one column per quarter",
    about: "一季度 | 二季度 | 三季度 | 四季度: the period’s column is the actual",
    sheet: f.grid("季度"),
    merges: f.merges,
    asOf: "2022-09-30",
    reports: [{ unit: "市科技局", rows: figs.map((x) => [x.code, x.actual, null, x.target]) }],
    findings: [],
  };
}

/** Every kind of form, in the order the corpus lists them. */
export const BUILDERS: ((rnd: Rnd) => FormCase)[] = [
  selfEvaluation,
  departmentEvaluation,
  townshipPerformance,
  statisticalQuarterly,
  statisticalMonthly,
  indicatorValueTable,
  thisYearGroup,
  supervisionLedger,
  assessmentSheet,
  townshipSummary,
  townshipTargets,
  groupedSummary,
  completionGroup,
  threeRowHeader,
  hierarchyColumns,
  ratioBesideActual,
  figuresByContent,
  namesByContent,
  labelsBelow,
  periodInFooter,
  formAuthority,
  quarterColumns,
];

/** The corpus for a seed: each form drawn once from its own stream of figures. */
export function formCorpus(seed: number): FormCase[] {
  return BUILDERS.map((build, i) => build(random(seed * 1000 + i)));
}
