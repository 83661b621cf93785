/**
 * The figures of several periods side by side, taken from each period's own consolidation: for each
 * indicator the city's value, completion, schedule and status per period, and for each unit its
 * score per period (docs/consolidation.md#history-across-periods).
 */
import type { Finding, Status } from "../model/results";
import type { ConsolidationResult } from "./index";
import type {
  ConsolidationHistory,
  IndicatorTrend,
  PeriodSummary,
  UnitTrend,
} from "../model/consolidation";

// The shapes live with the consolidation's other results, so the plan can draw them.
export type {
  ConsolidationHistory,
  IndicatorTrend,
  PeriodSummary,
  TrendPoint,
  UnitTrend,
} from "../model/consolidation";

function summary(r: ConsolidationResult): PeriodSummary {
  const listed = r.completeness.filter((c) => c.kind !== "unlisted");
  return {
    asOf: r.asOf ?? "",
    period: r.period ?? r.asOf ?? "",
    dueDate: r.dueDate,
    expected: listed.length,
    reported: listed.filter((c) => c.status === "reported").length,
    scores: r.scores,
  };
}

function indicatorTrends(results: ConsolidationResult[]): IndicatorTrend[] {
  const latest = results[results.length - 1];
  return latest.indicators.map((ind) => ({
    code: ind.code,
    name: ind.name,
    category: ind.category,
    unit: ind.unit,
    points: results.map((r) => {
      const p = r.indicators.find((x) => x.code === ind.code);
      if (!p)
        return {
          value: null,
          text: null,
          completion: null,
          schedule: null,
          status: "no_data" as Status,
          score: null,
        };
      const shownAsText = p.status === "invalid" || p.actual === null;
      return {
        value: shownAsText ? null : p.actual,
        text: shownAsText ? (p.actualText ?? null) : null,
        completion: p.completion,
        schedule: p.schedule,
        status: p.status,
        score: p.score,
      };
    }),
  }));
}

function unitTrends(results: ConsolidationResult[]): UnitTrend[] {
  const latest = results[results.length - 1];
  const byUnit = results.map((r) => new Map(r.completeness.map((c) => [c.unit, c])));
  return latest.completeness.map((row) => ({
    unit: row.unit,
    kind: row.kind,
    scores: byUnit.map((m) => m.get(row.unit)?.score ?? null),
    statuses: byUnit.map((m) => m.get(row.unit)?.status ?? null),
  }));
}

/** The history of the periods' consolidations, oldest first (the last is the consolidation's own). */
export function historyOf(
  results: ConsolidationResult[],
  setAside: Finding[]
): ConsolidationHistory {
  return {
    periods: results.map(summary),
    indicators: indicatorTrends(results),
    units: unitTrends(results),
    setAside,
  };
}

const clean = (n: number | null) => (n === null ? null : Number(n.toPrecision(15)));

/** The --json document's `history`: the periods, each indicator's points and each unit's scores. */
export function historyJson(h: ConsolidationHistory): object {
  return {
    periods: h.periods.map((p) => ({
      period: p.period,
      asOf: p.asOf,
      expected: p.expected,
      reported: p.reported,
      score: clean(p.scores.overall),
    })),
    indicators: h.indicators.map((i) => ({
      code: i.code,
      points: i.points.map((p) => ({
        value: clean(p.value),
        completion: clean(p.completion),
        schedule: clean(p.schedule),
        status: p.status,
      })),
    })),
    units: h.units.map((u) => ({ unit: u.unit, scores: u.scores.map(clean) })),
  };
}
