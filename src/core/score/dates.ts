/**
 * Whole months between ISO dates (YYYY-MM-DD), as scoring counts them (docs/specification.md §5); the calendar
 * itself (days in a month, reading a date) is in util/dates.ts.
 */

import { compareDates, daysInMonth, parseIsoDate, type IsoDate } from "../util/dates";

/** Like parseIsoDate, but a malformed date is a caller's error, reported with what it was meant to be. */
export function requireIsoDate(text: string, what: string): IsoDate {
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`${what}: '${text}' is not an ISO date (YYYY-MM-DD)`);
  return d;
}

/** Whole calendar months from a to b; see monthsBetween. */
export function wholeMonths(a: IsoDate, b: IsoDate): number {
  if (compareDates(b, a) < 0) return 0 - wholeMonths(b, a); // 0 − x, not −x: no −0
  const n = (b.year - a.year) * 12 + (b.month - a.month);
  // A month is complete when b reaches a's day of month, or when b is the last day of its
  // month (so month ends count whole: 2020-12-31 → 2021-02-28 is 2 months).
  const complete = b.day >= a.day || b.day === daysInMonth(b.year, b.month);
  return complete ? n : n - 1;
}

/**
 * Whole calendar months from a to b (negative when b is before a):
 * 2020-12-31 → 2022-09-30 is 21, 2020-12-31 → 2023-12-31 is 36.
 * Throws RangeError when either date is not YYYY-MM-DD.
 */
export function monthsBetween(a: string, b: string): number {
  return wholeMonths(
    requireIsoDate(a, "monthsBetween start"),
    requireIsoDate(b, "monthsBetween end")
  );
}

/** Whole months of date d's calendar year that have elapsed by d: 9 for 2022-09-30, 12 for 2022-12-31. */
export function monthsIntoYear(d: IsoDate): number {
  return wholeMonths({ year: d.year - 1, month: 12, day: 31 }, d);
}
