/**
 * Excel number formats and date serials. Excel's JavaScript API hands dates over as serial numbers
 * plus a number format; the core wants a Date, as ExcelJS gives it.
 */

/** True when the format code shows a date or time (yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日", h:mm …). */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format || /^general$/i.test(format.trim())) return false;
  const section = format.split(";")[0];
  const bare = section
    .replace(/"[^"]*"/g, "") // quoted literal text
    .replace(/\\./g, "") // escaped single characters
    .replace(/[_*]./g, "") // padding and fill characters
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, ""); // colours, locales, conditions — but keep [h] [mm] [ss]
  return /[dmyhs]|\[[hms]+\]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Serials and dates of the 1900 date system: one rule for the reader and the adapters. */
export { dateToExcelSerial, excelSerialToDate } from "../core/util/dates";
