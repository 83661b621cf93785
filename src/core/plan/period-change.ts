/**
 * A unit's workbook often keeps a sheet per quarter: analysed, each actual is compared with the same
 * unit's actual of the latest earlier period in the workbook, for 差距分析's 较上期增减 column
 * (docs/consolidation.md#history-across-periods).
 */
import type { IndicatorResult } from "../model/results";
import type { SheetCheck } from "../validate/sheet";
import { unitKey } from "../read/match";

export interface PeriodChanges {
  /** The change of an actual since the previous period; null when there is none to compare with. */
  value: (r: IndicatorResult) => number | null;
  /** The previous periods compared with, as the sheets name them. */
  previous: string[];
}

interface Seen {
  asOf: string;
  period: string;
  result: IndicatorResult;
}

const usable = (r: IndicatorResult) => r.actual !== null && r.status !== "invalid";

/** Each result of the checks by unit and indicator, oldest period first. */
function byUnitAndIndicator(checks: SheetCheck[]): Map<string, Seen[]> {
  const out = new Map<string, Seen[]>();
  for (const c of checks) {
    // The sheet's own period: an --as-of given for all sheets does not make them one period.
    const own = c.period;
    if (!own) continue;
    const unit = unitKey(c.unitCanonical ?? c.unit ?? "");
    for (const result of c.results) {
      const key = `${unit}\u0000${result.code}`;
      const list = out.get(key) ?? [];
      list.push({ asOf: own.asOf, period: own.label, result });
      out.set(key, list);
    }
  }
  for (const list of out.values())
    list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  return out;
}

/** Whether some unit has sheets of two periods: most workbooks have not, and are not looked at further. */
function severalPeriodsOfOneUnit(checks: SheetCheck[]): boolean {
  const periodOf = new Map<string, string>();
  for (const c of checks) {
    if (!c.period) continue;
    const unit = unitKey(c.unitCanonical ?? c.unit ?? "");
    const seen = periodOf.get(unit);
    if (seen === undefined) periodOf.set(unit, c.period.asOf);
    else if (seen !== c.period.asOf) return true;
  }
  return false;
}

/**
 * The change of each actual since the same unit's latest earlier period in the workbook; null when
 * no sheet of the workbook is of an earlier period than another of its unit.
 */
export function periodChanges(checks: SheetCheck[]): PeriodChanges | null {
  if (!severalPeriodsOfOneUnit(checks)) return null;
  const changes = new Map<IndicatorResult, number>();
  const previous = new Set<string>();
  for (const list of byUnitAndIndicator(checks).values()) {
    for (let i = 1; i < list.length; i++) {
      const now = list[i];
      if (!usable(now.result)) continue;
      let j = i - 1;
      while (j >= 0 && (list[j].asOf === now.asOf || !usable(list[j].result))) j--;
      if (j < 0) continue;
      changes.set(now.result, now.result.actual! - list[j].result.actual!);
      previous.add(list[j].period);
    }
  }
  if (!changes.size) return null;
  return {
    value: (r) => {
      const c = changes.get(r);
      // Float noise of a subtraction (1.25 − 1.1) is not a figure anyone typed.
      return c === undefined ? null : Number(c.toPrecision(12));
    },
    previous: Array.from(previous),
  };
}
