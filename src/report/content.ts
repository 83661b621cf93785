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
  countByStatus,
  paragraph,
  statusCountsText,
  text,
} from "./blocks";
import { dataProblemsSection, reportingSection, supervisionSection } from "./content-units";
import {
  BULLETIN_HEAD,
  CATEGORIES_TEXT,
  OVERALL_TEXT,
  PREVIOUS_TEXT,
} from "../core/i18n/bulletin-messages";
import {
  BULLETIN_CAPTION,
  BULLETIN_FIGURE,
  BULLETIN_HEADER,
  countChange,
} from "../core/i18n/bulletin-labels";
import { GAP_HEADER } from "../core/i18n/gap-labels";

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
  if (level === null) return yearly === null ? "" : OVERALL_TEXT.schedule(pct(yearly), null);
  return OVERALL_TEXT.schedule(
    pct(level),
    yearly !== null && yearly !== level ? pct(yearly) : null
  );
}

/** "得分较高的是科技惠民（92.8分）、……，较低的是……" */
function categoryScoresText(source: BulletinSource): string {
  const cats = Object.entries(source.scores.categories).sort((a, b) => b[1] - a[1]);
  const item = ([c, s]: [string, number]) =>
    BULLETIN_FIGURE.named(c, BULLETIN_FIGURE.score(score1(s)));
  if (cats.length < 4) return cats.length ? OVERALL_TEXT.byCategory(cats.map(item)) : "";
  return OVERALL_TEXT.highLow(cats.slice(0, 2).map(item), cats.slice(-2).reverse().map(item));
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
  const who = all ? PREVIOUS_TEXT.cityScore : PREVIOUS_TEXT.comparableScore(now.length);
  let scoreText = PREVIOUS_TEXT.scoreIs(who, score1(after));
  if (before !== null && after !== null) {
    const d = Number(score1(after)) - Number(score1(before));
    scoreText =
      d === 0
        ? PREVIOUS_TEXT.scoreKept(who, score1(after))
        : PREVIOUS_TEXT.scoreMoved(who, score1(before), score1(after), d);
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
    better.length ? PREVIOUS_TEXT.better(better) : "",
    worse.length ? PREVIOUS_TEXT.worse(worse) : "",
  ]
    .filter(Boolean)
    .join("，");
  return PREVIOUS_TEXT.sentence({
    asOf: dateZh(prev.asOf),
    score: scoreText,
    met: countChange(count(prev.indicators, "met"), count(now, "met")),
    behind: countChange(
      count(prev.indicators, "lagging", "critical"),
      count(now, "lagging", "critical")
    ),
    moves,
  });
}

function overallSection(source: BulletinSource, n: Numbering): Block[] {
  const rs = source.indicators;
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: OVERALL_TEXT.heading },
    paragraph(
      OVERALL_TEXT.monitored({
        asOf: source.asOf ? dateZh(source.asOf) : null,
        count: rs.length,
        schedule: scheduleText(rs, source.catalogue),
        statuses: statusCountsText(rs),
        table: n.nextTable(),
      })
    ),
    paragraph(
      text(OVERALL_TEXT.cityScore(score1(source.scores.overall)), true),
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
      OVERALL_TEXT.statusTable,
      [
        { header: GAP_HEADER.status, width: 18, align: "center" },
        { header: BULLETIN_HEADER.indicatorCount, width: 12, align: "center" },
        { header: BULLETIN_HEADER.codes, width: 70 },
      ],
      rows,
      { statusColumn: 0 }
    )
  );
  const categories = categoriesOf(rs);
  blocks.push(
    n.figure(OVERALL_TEXT.statusFigure, {
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
  { header: BULLETIN_HEADER.indicator, width: 26 },
  { header: GAP_HEADER.unit, width: 7.5, align: "center" },
  { header: GAP_HEADER.target, width: 13, align: "right" },
  { header: BULLETIN_HEADER.actual, width: 13, align: "right" },
  { header: GAP_HEADER.completion, width: 9.5, align: "right" },
  { header: GAP_HEADER.progress, width: 9.5, align: "right" },
  { header: GAP_HEADER.schedule, width: 9.5, align: "right" },
  { header: GAP_HEADER.status, width: 12, align: "center" },
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
    { kind: "heading", level: 1, text: CATEGORIES_TEXT.heading },
    paragraph(
      CATEGORIES_TEXT.intro({
        count: categories.length,
        first,
        lagging: points(tol.onTrack),
        critical: points(tol.lagging),
      })
    ),
    n.figure(CATEGORIES_TEXT.progressFigure, {
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
    blocks.push({ kind: "heading", level: 2, text: BULLETIN_CAPTION.subheading(i + 1, c) });
    blocks.push({
      ...paragraph(
        CATEGORIES_TEXT.category({
          category: c,
          count: rs.length,
          score: sc === undefined ? null : score1(sc),
          statuses: statusCountsText(rs),
        })
      ),
      keepNext: true,
    });
    blocks.push(
      n.table(
        CATEGORIES_TEXT.categoryTable(c),
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
  const period = source.period ?? (source.asOf ? BULLETIN_HEAD.asOf(dateZh(source.asOf)) : "");
  const intro = paragraph(BULLETIN_HEAD.intro(source.period ?? ""));
  const title = [...BULLETIN_HEAD.titleLines];
  return {
    title: period ? [...title, BULLETIN_HEAD.period(period)] : title,
    issuer: BULLETIN_HEAD.issuer,
    date,
    recipients: BULLETIN_HEAD.recipients,
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
