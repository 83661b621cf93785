/**
 * The city's figures at the end of the previous period, for the bulletin's "change since the previous
 * quarter" (docs/bulletin.md). Units' sheets carry earlier values (the 上期 column, earlier year
 * columns) as each row's history; the city's earlier figure is made from the same units' rows as its
 * current one — the one unit's value, the sum over the units, or the mean weighted by each unit's
 * earlier value of the weight indicator — and scored as at that date, like the current one.
 */
import type { Catalogue, Indicator } from "../core/model/catalogue";
import type { IndicatorResult } from "../core/model/results";
import type { ConsolidationResult } from "../core/consolidate";
import type { RowData } from "../core/validate/sheet";
import { unitKey } from "../core/read/match";
import { scoreIndicator } from "../core/score";
import type { PreviousPeriod } from "./model";

type Observation = { date: string; value: number };

/** Each unit's rows of the period, first row per indicator, as the consolidation takes them. */
function rowsByUnit(result: ConsolidationResult): Map<string, Map<string, RowData>> {
  const out = new Map<string, Map<string, RowData>>();
  for (const r of result.reports) {
    if (!r.included || !r.unit) continue;
    const key = unitKey(r.unit);
    const rows = out.get(key) ?? new Map<string, RowData>();
    out.set(key, rows);
    for (const row of r.check.rows)
      if (!rows.has(row.indicator.code)) rows.set(row.indicator.code, row);
  }
  return out;
}

/** Values at the dates every series has, combined by `combine`. */
function atCommonDates(
  series: Observation[][],
  combine: (values: number[]) => number | null
): Observation[] {
  if (!series.length) return [];
  const byDate = new Map<string, number[]>();
  for (const s of series)
    for (const h of s) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.value]);
  const out: Observation[] = [];
  for (const [date, values] of byDate) {
    if (values.length !== series.length) continue;
    const value = combine(values);
    if (value !== null && Number.isFinite(value)) out.push({ date, value });
  }
  return out;
}

/** The city's earlier figures of one indicator, from the rows of the units that make its figure now. */
function cityHistory(
  ind: Indicator,
  units: string[],
  rows: Map<string, Map<string, RowData>>
): Observation[] {
  const mine = units.map((u) => rows.get(unitKey(u)));
  if (!units.length || mine.some((m) => !m)) return [];
  const own = mine.map((m) => m!.get(ind.code)?.history ?? []);
  if (units.length === 1) return own[0];
  if (ind.aggregation === "weighted_mean" && ind.weightBy) {
    // Pairs (value, weight) per unit, at the dates every unit has both.
    const pairs = mine.map((m, i) => {
      const weights = new Map((m!.get(ind.weightBy!)?.history ?? []).map((h) => [h.date, h.value]));
      return own[i]
        .filter((h) => weights.has(h.date))
        .map((h) => ({ date: h.date, value: h.value * weights.get(h.date)! }));
    });
    const weights = mine.map((m) => m!.get(ind.weightBy!)?.history ?? []);
    const sums = atCommonDates(pairs, (v) => v.reduce((s, x) => s + x, 0));
    const totals = new Map(
      atCommonDates(weights, (v) => v.reduce((s, x) => s + x, 0)).map((h) => [h.date, h.value])
    );
    return sums
      .filter((s) => (totals.get(s.date) ?? 0) > 0)
      .map((s) => ({ date: s.date, value: s.value / totals.get(s.date)! }));
  }
  return atCommonDates(own, (v) => v.reduce((s, x) => s + x, 0));
}

/** The date most indicators have their latest earlier figure at (the later of equals). */
function previousDate(histories: Observation[][], asOf: string): string | null {
  const counts = new Map<string, number>();
  for (const h of histories) {
    const dates = h
      .map((o) => o.date)
      .filter((d) => d < asOf)
      .sort();
    const last = dates[dates.length - 1];
    if (last) counts.set(last, (counts.get(last) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [d, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && d > best)) best = d;
  return best;
}

/**
 * The previous period's city figures of the indicators that have one, scored as at that date;
 * null when none has.
 */
export function previousPeriod(
  result: ConsolidationResult,
  catalogue: Catalogue
): PreviousPeriod | null {
  if (!result.asOf) return null;
  const rows = rowsByUnit(result);
  const current = new Map(result.indicators.map((r) => [r.code, r]));
  const items = result.consolidated.flatMap((c) => {
    const ind = catalogue.indicators.find((i) => i.code === c.code);
    return ind && current.has(c.code)
      ? [{ ind, result: current.get(c.code)!, history: cityHistory(ind, c.units, rows) }]
      : [];
  });
  const asOf = previousDate(
    items.map((i) => i.history),
    result.asOf
  );
  if (!asOf) return null;
  const indicators: IndicatorResult[] = [];
  for (const item of items) {
    const then = item.history.find((h) => h.date === asOf);
    if (!then) continue;
    const figures = scoreIndicator({
      indicator: item.ind,
      state: "ok",
      actual: then.value,
      baseline: item.result.baseline,
      asOf,
      history: item.history.filter((h) => h.date < asOf),
      tolerances: catalogue.tolerances,
    });
    indicators.push({ ...figures, sheet: item.result.sheet });
  }
  return indicators.length ? { asOf, indicators } : null;
}
