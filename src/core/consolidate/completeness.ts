/**
 * Who reported (填报情况): one row per expected unit — the owners in the catalogue and the
 * townships and streets of its unit list — then any other unit that sent a sheet. The plan makes
 * the indicators part of each unit's annual assessment (考核, 八(六)), so each row also has the
 * unit's score over the indicators it owns or reports, whether it reported on time, and a rank.
 */
import type { Catalogue, Indicator, UnitEntry } from "../model/catalogue";
import type { CompletenessRow, ReportStatus } from "../model/consolidation";
import type { Finding, IndicatorResult } from "../model/results";
import type { SheetCheck } from "../validate/sheet";
import type { ApprovalState } from "../approval/approve";
import { aggregateScores, scoreIndicator } from "../score";
import { compareIndicatorCodes } from "../util/indicator-codes";
import { unnamedUnit } from "../i18n/consolidation-labels";
import { reportDateOf } from "./period";

/** One sheet read for the consolidation. */
export interface SheetReport {
  file?: string;
  check: SheetCheck;
  /** The unit as the catalogue spells it, as typed when not in the list; null when the sheet names none. */
  unit: string | null;
  /** The unit's entry in the catalogue's list, when it is there. */
  entry: UnitEntry | null;
  /** Of the consolidation's period (its values are mixed in). */
  included: boolean;
  approval: ApprovalState;
  /** The findings about this sheet, the consolidation's own included. */
  findings: Finding[];
}

export type { CompletenessRow, ReportStatus };

/** The indicators a unit is expected to report: a bureau its own, a township or street the sums and yields. */
export function expectedIndicators(
  catalogue: Catalogue,
  entry: UnitEntry | null,
  sameUnit: (a: string, b: string) => boolean
): Indicator[] {
  if (!entry) return [];
  const scored = catalogue.indicators.filter((i) => i.kind);
  if (entry.kind === "township" || entry.kind === "street")
    return scored.filter((i) => i.aggregation !== "owner");
  return scored.filter((i) => i.aggregation === "owner" && sameUnit(i.owner, entry.name));
}

function noDataResult(ind: Indicator, asOf: string, catalogue: Catalogue): IndicatorResult {
  const figures = scoreIndicator({
    indicator: ind,
    state: "no_data",
    actual: null,
    baseline: ind.baseline,
    asOf,
    history: [],
    tolerances: catalogue.tolerances,
  });
  return { ...figures, sheet: "" };
}

export interface CompletenessInput {
  catalogue: Catalogue;
  reports: SheetReport[];
  /** Inputs in which no monitoring sheet was recognised, by file name (or sheet name in a workbook). */
  unreadable: { source: string; errors: number; warnings: number }[];
  asOf: string | null;
  dueDate: string | null;
  sameUnit: (a: string, b: string) => boolean;
}

function source(r: SheetReport): string {
  return r.file ? `${r.file}!${r.check.sheet}` : r.check.sheet;
}

function rowFor(
  unit: string,
  kind: CompletenessRow["kind"],
  entry: UnitEntry | null,
  reports: SheetReport[],
  input: CompletenessInput
): CompletenessRow {
  const { dueDate } = input;
  const included = reports.filter((r) => r.included);
  const status = statusOf(reports, included);
  const findings = reports.flatMap((r) => r.findings);
  const expected = expectedIndicators(input.catalogue, entry, input.sameUnit);
  const reportDate = lastReportDate(included);
  return {
    unit,
    kind,
    reported: status === "reported" || status === "no_period",
    status,
    periods: periodsOf(reports),
    sources: reports.map(source),
    reportDate,
    dueDate,
    onTime: reportDate && dueDate ? reportDate <= dueDate : null,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    ...approvalOf(included),
    expected: expected.map((i) => i.code),
    missing: missingOf(expected, included),
    score: unitScore(included, expected, input),
    rank: null,
  };
}

function statusOf(reports: SheetReport[], included: SheetReport[]): ReportStatus {
  if (included.length) return "reported";
  if (reports.some((r) => !r.check.asOf)) return "no_period";
  return reports.length ? "period_mismatch" : "not_reported";
}

/** The expected indicators with no value in the sheets of the period, in code order. */
function missingOf(expected: Indicator[], included: SheetReport[]): string[] {
  const given = new Set(
    included
      .flatMap((r) => r.check.rows)
      .filter((r) => r.actual.state !== "no_data")
      .map((r) => r.indicator.code)
  );
  return expected
    .map((i) => i.code)
    .filter((c) => !given.has(c))
    .sort(compareIndicatorCodes);
}

/** The unit's score: its own sheets' results, and 0 for each expected indicator it did not report. */
function unitScore(
  included: SheetReport[],
  expected: Indicator[],
  { catalogue, asOf }: CompletenessInput
): number | null {
  if (!asOf) return null;
  const results = included
    .flatMap((r) => r.check.results)
    .filter((r) => catalogue.indicators.some((i) => i.code === r.code && i.kind));
  const seen = new Set(results.map((r) => r.code));
  for (const ind of expected)
    if (!seen.has(ind.code)) results.push(noDataResult(ind, asOf, catalogue));
  return aggregateScores(results).overall;
}

/** The latest 报出日期 of the period's sheets; null when one of them has none. */
function lastReportDate(included: SheetReport[]): string | null {
  const dates = included.map((r) => reportDateOf(r.check));
  return dates.length && dates.every((d) => d) ? dates.sort()[dates.length - 1] : null;
}

/** Approved only when every sheet of the period is, and none changed since; the last approval's reviewer. */
function approvalOf(
  included: SheetReport[]
): Pick<CompletenessRow, "approved" | "approval" | "approvedBy" | "approvedAt"> {
  const states = included.map((r) => r.approval);
  const changed = states.some((s) => s.state === "changed");
  const approval: CompletenessRow["approval"] = changed
    ? "changed"
    : !states.length || states.some((s) => s.state === "none")
      ? "none"
      : "approved";
  const last =
    states
      .map((s) => (s.state === "none" ? null : s.approval))
      .filter((a) => a)
      .pop() ?? null;
  return {
    approved: approval === "approved",
    approval,
    approvedBy: last?.reviewer ?? null,
    approvedAt: last?.time ?? null,
  };
}

/** The periods of the sheets a unit sent, as written, each once. */
function periodsOf(reports: SheetReport[]): string[] {
  const periods = reports
    .map((r) => r.check.period?.label ?? r.check.read.meta.period?.text)
    .filter((p): p is string => !!p);
  return Array.from(new Set(periods));
}

const ORDER: Record<ReportStatus, number> = {
  not_reported: 0,
  period_mismatch: 1,
  no_period: 2,
  unrecognised: 3,
  reported: 2,
};

/**
 * The rows of 填报情况: units that sent nothing first, then those that sent another period, then the
 * rest in the catalogue's order, then units outside the list and unreadable inputs.
 */
export function completeness(input: CompletenessInput): CompletenessRow[] {
  const { catalogue, reports } = input;
  const rows: CompletenessRow[] = [];
  const claimed = new Set<SheetReport>();
  for (const entry of catalogue.units) {
    const mine = reports.filter((r) => r.unit && input.sameUnit(r.unit, entry.name));
    mine.forEach((r) => claimed.add(r));
    rows.push(rowFor(entry.name, entry.kind, entry, mine, input));
  }
  const listed = rows.length;
  // Units outside the list, one row each; sheets without a unit, one row per sheet.
  const rest = reports.filter((r) => !claimed.has(r));
  const byUnit = new Map<string, SheetReport[]>();
  for (const r of rest) {
    const key = r.unit ?? `\u0000${source(r)}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), r]);
  }
  for (const [key, mine] of byUnit) {
    const name = key.startsWith("\u0000") ? unnamedUnit(source(mine[0])) : key;
    rows.push(rowFor(name, "unlisted", null, mine, input));
  }
  for (const u of input.unreadable) {
    rows.push({
      ...rowFor(u.source, "unlisted", null, [], input),
      status: "unrecognised",
      reported: true,
      sources: [u.source],
      errors: u.errors,
      warnings: u.warnings,
      score: null,
    });
  }
  rank(rows);
  const listedRows = rows.slice(0, listed).map((r, i) => ({ r, i }));
  listedRows.sort((a, b) => ORDER[a.r.status] - ORDER[b.r.status] || a.i - b.i);
  return [...listedRows.map((x) => x.r), ...rows.slice(listed)];
}

/** Competition ranking by score, highest first (1, 2, 2, 4); rows without a score have no rank. */
function rank(rows: CompletenessRow[]): void {
  const scored = rows
    .filter((r) => r.score !== null && r.kind !== "unlisted")
    .sort((a, b) => b.score! - a.score!);
  scored.forEach((r, i) => {
    r.rank = i > 0 && Math.abs(scored[i - 1].score! - r.score!) < 1e-9 ? scored[i - 1].rank : i + 1;
  });
}
