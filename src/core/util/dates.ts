/**
 * Calendar dates as the core keeps them: ISO text (YYYY-MM-DD), no time zone, no clock; and the
 * date serials of Excel's 1900 date system. Pure: the engine, the reader, the command line and the
 * workbook adapters share these.
 */

import { memoText } from "./memo";

export interface IsoDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** YYYY-MM-DD of a day (not checked: the caller has a real one). */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** YYYY-MM-DD of the last day of a month. */
export function isoEndOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** The year of an ISO date (2022 for 2022-09-30). */
export function isoYear(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The shape of an ISO date, real or not (2022-02-30 has it). */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a strict YYYY-MM-DD date; null when the text is not one (wrong shape, month 13,
 * 31 April …).
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

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** An ISO date plus a number of days (negative goes back), as an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 of the 1900 date system, Excel's fictitious 1900-02-29 accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The Date (UTC) of an Excel serial in the 1900 date system. */
export function excelSerialToDate(serial: number): Date {
  // Serials below 61 predate the fictitious leap day Excel keeps for Lotus compatibility.
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1900 + Math.round(days * MS_PER_DAY));
}

/** The Excel serial (1900 date system) of a Date, taking its UTC calendar day and time. */
export function dateToExcelSerial(date: Date): number {
  const days = (date.getTime() - EPOCH_1900) / MS_PER_DAY;
  return days < 61 ? days - 1 : days;
}
