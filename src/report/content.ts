/**
 * The bulletin's content (docs/bulletin.md), built from the consolidation's figures as data: the
 * title and issuing line, then 一、总体情况 (statuses against 序时进度, the city's score, the change
 * since the previous period), 二、分类情况 (a table per category); the later sections are in
 * content-units.ts. Every sentence is made from the figures, so nothing has to be typed in afterwards.
 */
import type { Catalogue, Indicator } from "../core/model/catalogue";
import type { IndicatorResult } from "../core/model/results";
import { aggregateScores } from "../core/score";
import type { Block, Bulletin, BulletinSource, TableColumn, TableRow } from "./model";
import { actualShown, dateZh, pct, score1, statusWord, targetShown } from "./format";
import {
  Numbering,
  STATUS_ORDER,
  changeText,
  cnNumber,
  countByStatus,
  paragraph,
  statusCountsText,
  text,
} from "./blocks";
import { dataProblemsSection, reportingSection, supervisionSection } from "./content-units";

export const BULLETIN_NAME = "合作市省级创新型县(市、区)建设指标监测通报";
/** The name broken where its words allow, in lines a 二号 title fits (GB/T 9704 7.3.3). */
const TITLE_LINES = ["合作市省级创新型县(市、区)", "建设指标监测通报"];
export const ISSUER = "合作市创新型县建设工作领导小组办公室";
const RECIPIENTS = "各乡镇（街道），市直有关部门：";
const PLAN = "《合作市省级创新型县(市、区)试点建设工作实施方案》（合政办发〔2022〕10号）";

/** The most frequent of some numbers (the first of equals), null for none. */
function mode(values: (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/** "序时进度58.3%（年度指标75.0%）": the schedule of the plan's years, and of yearly (flow) figures. */
function scheduleText(results: IndicatorResult[], catalogue: Catalogue): string {
  const flow = new Set(catalogue.indicators.filter((i) => i.measure === "flow").map((i) => i.code));
  const level = mode(results.filter((r) => !flow.has(r.code)).map((r) => r.schedule));
  const yearly = mode(results.filter((r) => flow.has(r.code)).map((r) => r.schedule));
  if (level === null) return yearly === null ? "" : `序时进度${pct(yearly)}`;
  return `序时进度${pct(level)}${yearly !== null && yearly !== level ? `（年度指标${pct(yearly)}）` : ""}`;
}

/** "得分较高的是科技惠民（92.8分）、……，较低的是……" */
function categoryScoresText(source: BulletinSource): string {
  const cats = Object.entries(source.scores.categories).sort((a, b) => b[1] - a[1]);
  const item = ([c, s]: [string, number]) => `${c}（${score1(s)}分）`;
  if (cats.length < 4) return cats.length ? `分类别看，${cats.map(item).join("、")}。` : "";
  return `分类别看，得分较高的是${cats.slice(0, 2).map(item).join("、")}，较低的是${cats.slice(-2).reverse().map(item).join("、")}。`;
}

/** The change since the previous period, over the indicators that have a figure for both. */
function previousText(source: BulletinSource): string | null {
  const prev = source.previous;
  if (!prev) return null;
  const codes = new Set(prev.indicators.map((r) => r.code));
  const now = source.indicators.filter((r) => codes.has(r.code));
  const before = aggregateScores(prev.indicators).overall;
  const after = aggregateScores(now).overall;
  const all = now.length === source.indicators.length;
  const who = all ? "全市综合得分" : `有上期数据的${now.length}项指标综合得分`;
  let scoreText = `${who}为${score1(after)}分`;
  if (before !== null && after !== null) {
    const d = Number(score1(after)) - Number(score1(before));
    scoreText =
      d === 0
        ? `${who}保持${score1(after)}分`
        : `${who}由${score1(before)}分${d > 0 ? "提高" : "下降"}到${score1(after)}分（${d > 0 ? "+" : "−"}${Math.abs(d).toFixed(1)}分）`;
  }
  const count = (rs: IndicatorResult[], ...st: string[]) =>
    rs.filter((r) => st.includes(r.status)).length;
  const rank = (s: string) => STATUS_ORDER.indexOf(s as never);
  const before1 = new Map(prev.indicators.map((r) => [r.code, r.status]));
  const better = now
    .filter((r) => rank(r.status) < rank(before1.get(r.code)!) && rank(r.status) < 4)
    .map((r) => r.code);
  const worse = now
    .filter((r) => rank(r.status) > rank(before1.get(r.code)!) && rank(r.status) < 4)
    .map((r) => r.code);
  const moves = [
    better.length ? `状态好转的有${better.join("、")}` : "",
    worse.length ? `状态下降的有${worse.join("、")}` : "",
  ]
    .filter(Boolean)
    .join("，");
  return (
    `与上期（截至${dateZh(prev.asOf)}）相比，${scoreText}；已达标指标${changeText(count(prev.indicators, "met"), count(now, "met"))}，` +
    `滞后和严重滞后指标${changeText(count(prev.indicators, "lagging", "critical"), count(now, "lagging", "critical"))}${moves ? `；${moves}` : ""}。`
  );
}

function overallSection(source: BulletinSource, n: Numbering): Block[] {
  const rs = source.indicators;
  const asOf = source.asOf ? `截至${dateZh(source.asOf)}，` : "";
  const schedule = scheduleText(rs, source.catalogue);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "一、总体情况" },
    paragraph(
      `${asOf}纳入监测的${rs.length}项指标中，${schedule ? `对照${schedule}，` : ""}${statusCountsText(rs)}（表${n.nextTable()}、图1）。`
    ),
    paragraph(
      text(`全市综合得分${score1(source.scores.overall)}分。`, true),
      categoryScoresText(source)
    ),
  ];
  const prev = previousText(source);
  if (prev) blocks.push(paragraph(prev));
  const rows: TableRow[] = Array.from(countByStatus(rs), ([s, count]) => ({
    cells: [
      statusWord(s),
      String(count),
      codeList(rs.filter((r) => r.status === s).map((r) => r.code)),
    ],
    status: s,
  }));
  blocks.push(
    n.table(
      "各状态指标分布",
      [
        { header: "状态", width: 18, align: "center" },
        { header: "指标数", width: 12, align: "center" },
        { header: "指标编码", width: 70 },
      ],
      rows,
      { statusColumn: 0 }
    )
  );
  const categories = categoriesOf(rs);
  blocks.push(
    n.figure("各类别指标监测状态", {
      chart: {
        kind: "status_by_category",
        bars: categories.map((c) => ({
          category: c,
          counts: Object.fromEntries(countByStatus(rs.filter((r) => r.category === c))),
        })),
      },
    })
  );
  return blocks;
}

/** Codes joined by 、, with a zero-width space after each so that a long list breaks between codes, never inside one. */
export function codeList(codes: string[]): string {
  return codes.join("、\u200B");
}

export function categoriesOf(results: IndicatorResult[]): string[] {
  return Array.from(new Set(results.map((r) => r.category)));
}

const CATEGORY_COLUMNS: TableColumn[] = [
  { header: "指标", width: 26 },
  { header: "单位", width: 7.5, align: "center" },
  { header: "目标值", width: 13, align: "right" },
  { header: "完成值", width: 13, align: "right" },
  { header: "完成率", width: 9.5, align: "right" },
  { header: "推进进度", width: 9.5, align: "right" },
  { header: "序时进度", width: 9.5, align: "right" },
  { header: "状态", width: 12, align: "center" },
];

function categoryRow(r: IndicatorResult, ind: Indicator | undefined): TableRow {
  return {
    cells: [
      `${r.code} ${r.name}`,
      r.unit,
      targetShown(r, ind),
      actualShown(r, ind),
      pct(r.completion),
      pct(r.progress),
      pct(r.schedule),
      statusWord(r.status),
    ],
    status: r.status,
  };
}

function categoriesSection(source: BulletinSource, n: Numbering): Block[] {
  const byCode = new Map(source.catalogue.indicators.map((i) => [i.code, i]));
  const categories = categoriesOf(source.indicators);
  const first = n.nextTable();
  const tol = source.catalogue.tolerances;
  const points = (x: number) => String(Number((x * 100).toFixed(1)));
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "二、分类情况" },
    paragraph(
      `${categories.length}类指标的完成情况见表${first}至表${first + categories.length - 1}；各指标推进进度与序时进度的对比见图2。` +
        `推进进度为本期完成值在基期值至目标值之间所处的位置，低于序时进度超过${points(tol.onTrack)}个百分点为滞后、` +
        `超过${points(tol.lagging)}个百分点为严重滞后。`
    ),
    n.figure("各指标推进进度与序时进度", {
      chart: {
        kind: "progress_vs_schedule",
        columns: source.indicators.map((r) => ({
          code: r.code,
          category: r.category,
          progress: r.progress,
          schedule: r.schedule,
          status: r.status,
        })),
      },
    }),
  ];
  categories.forEach((c, i) => {
    const rs = source.indicators.filter((r) => r.category === c);
    const sc = source.scores.categories[c];
    blocks.push({ kind: "heading", level: 2, text: `（${cnNumber(i + 1)}）${c}` });
    blocks.push({
      ...paragraph(
        `${c}类${rs.length}项指标${sc === undefined ? "" : `，得分${score1(sc)}分`}：${statusCountsText(rs)}。`
      ),
      keepNext: true,
    });
    blocks.push(
      n.table(
        `${c}类指标监测情况`,
        CATEGORY_COLUMNS,
        rs.map((r) => categoryRow(r, byCode.get(r.code))),
        { statusColumn: 7 }
      )
    );
  });
  return blocks;
}

/** The bulletin of a consolidation's figures, issued on `date` (ISO). */
export function buildBulletin(source: BulletinSource, date: string): Bulletin {
  const n = new Numbering();
  const period = source.period ?? (source.asOf ? `截至${dateZh(source.asOf)}` : "");
  const intro = paragraph(
    `根据${PLAN}关于定期监测、季度报送的要求，市创新型县建设工作领导小组办公室对各单位报送的` +
      `${source.period ?? ""}指标数据进行了汇总、校验和监测分析。现将有关情况通报如下。`
  );
  return {
    title: period ? [...TITLE_LINES, `（${period}）`] : TITLE_LINES,
    issuer: ISSUER,
    date,
    recipients: RECIPIENTS,
    blocks: [
      intro,
      ...overallSection(source, n),
      ...categoriesSection(source, n),
      ...supervisionSection(source, n),
      ...reportingSection(source, n),
      ...dataProblemsSection(source),
    ],
  };
}
