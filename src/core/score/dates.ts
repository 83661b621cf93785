/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) for scoring (SPEC §5).
 * Dates are plain strings throughout the core: no Date objects, no time zones, no clock.
 */

import { memoText } from "../util/memo";

export interface IsoDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads a strict YYYY-MM-DD date; null when the text is not one (wrong shape, month 13, 31 April …).
 * Scoring reads the same few dates for every row, so answers are remembered; they are frozen,
 * being shared.
 */
export const parseIsoDate = memoText(parseIsoDateText);

function parseIsoDateText(text: string): IsoDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Object.freeze({ year, month, day });
}

/** Like parseIsoDate, but a malformed date is a caller's error, reported with what it was meant to be. */
export function requireIsoDate(text: string, what: string): IsoDate {
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`${what}: '${text}' is not an ISO date (YYYY-MM-DD)`);
  return d;
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
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
