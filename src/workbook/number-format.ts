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

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 of the 1900 date system once Excel's fictitious 1900-02-29 is accounted for. */
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
