/**
 * The charts of 填报情况 (docs/charts.md): the units' scores ranked (bars, the first at the top,
 * each unit named with the symbol of its reporting status), and how many units of each kind
 * reported, in the status colours.
 */
import type { CompletenessRow, ReportStatus } from "../model/consolidation";
import type { PlanValue, SheetCharts } from "../model/plan";
import type { Status } from "../model/results";
import { STATUS_STYLE } from "../score/status-style";
import { FMT_SCORE } from "./styles";
import { REPORT_STATUS_LABEL, UNIT_KIND_LABEL } from "../i18n/completeness-labels";
import { CHART_TOTAL, RANKING_CHART, REPORTING_CHART } from "../i18n/chart-labels";
import { SideArea, blockColumn } from "./chart-layout";
import { PLAIN_BARS, statusLook } from "./chart-looks";

export interface CompletenessChartInput {
  rows: CompletenessRow[];
  /** The 0-based row of the table's header. */
  headerRow: number;
  /** The widths of the table's columns, in characters. */
  columns: number[];
}

/** The reporting statuses in the order they stack, each with the status whose colours it borrows (as the sheet does). */
const REPORT_STATUSES: { status: ReportStatus; look: Status }[] = [
  { status: "reported", look: "met" },
  { status: "period_mismatch", look: "lagging" },
  { status: "no_period", look: "invalid" },
  { status: "unrecognised", look: "invalid" },
  { status: "not_reported", look: "no_data" },
];
/** "✔ 已报送", as the sheet shows it. */
const nameOf = (s: { status: ReportStatus }) => REPORT_STATUS_LABEL[s.status];
/** Its symbol alone: "✔". */
const symbolOf = (status: ReportStatus) => REPORT_STATUS_LABEL[status].split(" ")[0];

const KINDS: CompletenessRow["kind"][] = ["bureau", "township", "street", "other", "unlisted"];

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
  const place = side.block(
    RANKING_CHART.caption,
    [
      { header: RANKING_CHART.rank, width: 6 },
      { header: RANKING_CHART.unit },
      { header: RANKING_CHART.score, numFmt: FMT_SCORE },
    ],
    scored.map((r) => [r.rank, `${symbolOf(r.status)} ${r.unit}`, r.score])
  );
  side.addChart({
    name: RANKING_CHART.name,
    kind: "bar",
    title: RANKING_CHART.title,
    series: [
      {
        name: RANKING_CHART.score,
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
  const kinds = KINDS.filter((k) => rows.some((r) => r.kind === k));
  const statuses = REPORT_STATUSES.filter((s) => rows.some((r) => r.status === s.status));
  const count = (kind: CompletenessRow["kind"] | null, s: ReportStatus) =>
    rows.filter((r) => (kind === null || r.kind === kind) && r.status === s).length;
  const values: PlanValue[][] = [...kinds, null].map((kind) => [
    kind === null ? CHART_TOTAL : UNIT_KIND_LABEL[kind],
    ...statuses.map((s) => count(kind, s.status)),
    kind === null ? rows.length : rows.filter((r) => r.kind === kind).length,
  ]);
  const place = side.block(
    REPORTING_CHART.caption,
    [
      { header: REPORTING_CHART.kind },
      ...statuses.map((s) => ({
        header: nameOf(s),
        fill: STATUS_STYLE[s.look].fill ?? undefined,
        fontColor: STATUS_STYLE[s.look].text,
        numFmt: "0",
        width: 12,
      })),
      { header: CHART_TOTAL, numFmt: "0", width: 7 },
    ],
    values
  );
  side.addChart({
    name: REPORTING_CHART.name,
    kind: "bar",
    stacked: true,
    title: REPORTING_CHART.title,
    series: statuses.map((s, i) => ({
      name: nameOf(s),
      categories: blockColumn(place, 0, place.lastRow - 1),
      values: blockColumn(place, i + 1, place.lastRow - 1),
      look: statusLook(s.look),
      labels: { numFmt: "0;;;", position: "center" },
    })),
    categoryAxis: { reverse: true },
    valueAxis: { title: REPORTING_CHART.axis, numFmt: "0", min: 0 },
    legend: "bottom",
    anchor: side.nextAnchor(Math.max(10, 2 * kinds.length + 7)),
  });
}
