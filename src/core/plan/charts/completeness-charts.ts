/**
 * The charts of 填报情况 (docs/charts.md): the units' scores ranked (bars, the first at the top,
 * each unit named with the symbol of its reporting status), and how many units of each kind
 * reported, in the status colours.
 */
import type { CompletenessRow, ReportStatus } from "../../consolidate/completeness";
import type { PlanValue, SheetCharts } from "../../model/plan";
import type { Status } from "../../model/results";
import { STATUS_STYLE } from "../../score/status-style";
import { FMT_SCORE } from "../styles";
import { SideArea, blockColumn } from "./layout";
import { PLAIN_BARS, statusLook } from "./looks";

export interface CompletenessChartInput {
  rows: CompletenessRow[];
  /** The 0-based row of the table's header. */
  headerRow: number;
  /** The widths of the table's columns, in characters. */
  columns: number[];
}

/** Each reporting status: its symbol and word (as the sheet shows it), and the status whose colours it borrows. */
const REPORT_STATUSES: { status: ReportStatus; symbol: string; word: string; look: Status }[] = [
  { status: "reported", symbol: "✔", word: "已报送", look: "met" },
  { status: "period_mismatch", symbol: "▲", word: "报告期不符", look: "lagging" },
  { status: "no_period", symbol: "!", word: "未填报告期", look: "invalid" },
  { status: "unrecognised", symbol: "!", word: "无法识别", look: "invalid" },
  { status: "not_reported", symbol: "○", word: "未报送", look: "no_data" },
];
const nameOf = (s: (typeof REPORT_STATUSES)[number]) => `${s.symbol} ${s.word}`;

const KINDS: [CompletenessRow["kind"], string][] = [
  ["bureau", "市直部门"],
  ["township", "乡镇"],
  ["street", "街道"],
  ["other", "其他单位"],
  ["unlisted", "名单外"],
];

/** The charts of a 填报情况 sheet, or undefined when no unit is listed. */
export function completenessCharts(input: CompletenessChartInput): SheetCharts | undefined {
  if (!input.rows.length) return undefined;
  const side = new SideArea(input.columns, input.headerRow);
  scoresRanked(side, input.rows);
  reportingByKind(side, input.rows);
  return side.result(input.headerRow + input.rows.length);
}

function scoresRanked(side: SideArea, rows: CompletenessRow[]): void {
  const scored = rows
    .filter((r) => r.score !== null)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  if (!scored.length) return;
  const symbol = (r: CompletenessRow) =>
    REPORT_STATUSES.find((s) => s.status === r.status)?.symbol ?? "";
  const place = side.block(
    "图表数据：得分排名",
    [
      { header: "排名", width: 6 },
      { header: "单位（报送情况）" },
      { header: "得分", numFmt: FMT_SCORE },
    ],
    scored.map((r) => [r.rank, `${symbol(r)} ${r.unit}`, r.score])
  );
  side.addChart({
    name: "各单位得分排名",
    kind: "bar",
    title: "各单位得分排名",
    series: [
      {
        name: "得分",
        categories: blockColumn(place, 1),
        values: blockColumn(place, 2),
        look: PLAIN_BARS,
        labels: { numFmt: FMT_SCORE, position: "outsideEnd" },
      },
    ],
    categoryAxis: { reverse: true },
    valueAxis: { min: 0, max: 100, hidden: true },
    legend: "none",
    anchor: side.nextAnchor(Math.max(12, Math.ceil(scored.length * 1.3) + 5)),
  });
}

function reportingByKind(side: SideArea, rows: CompletenessRow[]): void {
  const kinds = KINDS.filter(([k]) => rows.some((r) => r.kind === k));
  const statuses = REPORT_STATUSES.filter((s) => rows.some((r) => r.status === s.status));
  const count = (kind: CompletenessRow["kind"] | null, s: ReportStatus) =>
    rows.filter((r) => (kind === null || r.kind === kind) && r.status === s).length;
  const values: PlanValue[][] = [...kinds, [null, "合计"] as const].map(([kind, label]) => [
    label,
    ...statuses.map((s) => count(kind, s.status)),
    kind === null ? rows.length : rows.filter((r) => r.kind === kind).length,
  ]);
  const place = side.block(
    "图表数据：各类单位报送情况（个）",
    [
      { header: "类型" },
      ...statuses.map((s) => ({
        header: nameOf(s),
        fill: STATUS_STYLE[s.look].fill ?? undefined,
        fontColor: STATUS_STYLE[s.look].text,
        numFmt: "0",
        width: 12,
      })),
      { header: "合计", numFmt: "0", width: 7 },
    ],
    values
  );
  side.addChart({
    name: "各类单位报送情况",
    kind: "bar",
    stacked: true,
    title: "各类单位报送情况",
    series: statuses.map((s, i) => ({
      name: nameOf(s),
      categories: blockColumn(place, 0, place.lastRow - 1),
      values: blockColumn(place, i + 1, place.lastRow - 1),
      look: statusLook(s.look),
      labels: { numFmt: "0;;;", position: "center" },
    })),
    categoryAxis: { reverse: true },
    valueAxis: { title: "单位数（个）", numFmt: "0", min: 0 },
    legend: "bottom",
    anchor: side.nextAnchor(Math.max(10, 2 * kinds.length + 7)),
  });
}
