/** The consolidation's period: the one given, or the one most units reported for; its due date. */
import { parsePeriod } from "../read/period";
import type { SheetCheck } from "../validate/sheet";

/** The sheet's own period end (an --as-of fills in only for a sheet that has none). */
export function sheetAsOf(check: SheetCheck): string | null {
  return check.period?.asOf ?? check.asOf;
}

/** The given date, else the period end most sheets report (the latest of equals); null when none has one. */
export function consolidationAsOf(checks: SheetCheck[], given?: string): string | null {
  if (given) return given;
  const counts = new Map<string, number>();
  for (const c of checks) {
    const d = sheetAsOf(c);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [d, n] of counts) {
    const m = best === null ? -1 : counts.get(best)!;
    if (n > m || (n === m && d > best!)) best = d;
  }
  return best;
}

/** The period's name as the units wrote it most often ("2022年第三季度"), else as the date reads. */
export function periodLabel(checks: SheetCheck[], asOf: string): string {
  const counts = new Map<string, number>();
  for (const c of checks) {
    if (sheetAsOf(c) === asOf && c.period)
      counts.set(c.period.label, (counts.get(c.period.label) ?? 0) + 1);
  }
  const top = Array.from(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return top ? top[0] : (parsePeriod(asOf)?.label ?? asOf);
}

/** asOf + days, as an ISO date: the calendar's rule, kept with the other dates. */
export { addDays } from "../util/dates";

/** The date a 报出日期 cell holds ("2022年10月8日", a date cell, an Excel serial), or null. */
export function reportDateOf(check: SheetCheck): string | null {
  const meta = check.read.meta.reportDate;
  if (!meta) return null;
  const p = parsePeriod(meta.value);
  // Only a day: "2022年10月" is not a date something was sent on.
  return p &&
    (meta.value instanceof Date ||
      typeof meta.value === "number" ||
      /日|\d[-/.]\d{1,2}[-/.]\d/.test(meta.text))
    ? p.asOf
    : null;
}
