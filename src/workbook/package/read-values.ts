/**
 * Cell values from the text of a <v>: numbers as parseFloat reads them, Excel serials and ISO
 * dates as Dates, booleans.
 */

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * parseFloat of xml[a, b), without making a string for the usual plain decimal: with at most 15
 * digits the digits are an exact integer and 10^k an exact power, so their quotient is the
 * correctly rounded value, which is what parseFloat gives. Anything else goes to parseFloat.
 */
export function numberAt(xml: string, a: number, b: number): number {
  let i = a;
  const negative = xml.charCodeAt(i) === 45; // -
  if (negative) i++;
  let n = 0;
  let count = 0;
  let point = -1;
  for (; i < b; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      n = n * 10 + d;
      count++;
    } else if (d === -2 && point < 0)
      point = i; // '.'
    else return parseFloat(xml.slice(a, b));
  }
  if (count === 0 || count > 15) return parseFloat(xml.slice(a, b));
  const v = point < 0 ? n : n / POWERS_OF_TEN[b - point - 1];
  return negative ? -v : v;
}

const MS_PER_DAY = 86_400_000;

/**
 * The Date of an Excel serial. The arithmetic is ExcelJS's, so times round to the same millisecond;
 * but serials 1–60 (January and February 1900) come a day later than ExcelJS makes them, as Excel
 * shows them: Excel counts a 29 February 1900 that did not exist.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = !date1904 && serial >= 1 && serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

/** A t="d" cell's ISO 8601 text as a Date, its time taken as UTC like every date the core gets; the text itself when it is not a date. */
export function isoDate(text: string): Date | string {
  const s = text.trim();
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(s);
  const ms = Date.parse(s.includes("T") && !zoned ? `${s}Z` : s);
  return Number.isNaN(ms) ? s : new Date(ms);
}

/** A t="b" value. */
export function bool(text: string): boolean {
  // ExcelJS reads parseInt(text) !== 0, which makes "false" true; xsd:boolean allows the words.
  if (text === "true") return true;
  if (text === "false") return false;
  return parseInt(text, 10) !== 0;
}
