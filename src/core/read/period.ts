/**
 * The reporting period (docs/specification.md §2): the text units write in 报告期 — a quarter, the first quarters,
 * a range of months, a half year, a month, a whole year — or a date, turned into the period's
 * last day. Anything else is unreadable (null); the caller reports it or asks for --as-of.
 */
import { foldWidth, removeSpaces } from "./text";
import { parseChineseNumeral } from "./values";
import { memoText } from "../util/memo";
import { daysInMonth, excelSerialToDate, isoDate, isoEndOfMonth } from "../util/dates";

export interface Period {
  /** YYYY-MM-DD, the last day of the period. */
  asOf: string;
  year: number;
  /** Months of that year covered up to asOf, 1..12 (the month of asOf). */
  months: number;
  /** The period in a canonical Chinese wording, e.g. 2022年第三季度, 2022年1-9月. */
  label: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
/** Excel date serials in this range are read as dates (1982-02-18 … 2119-01-10). */
const SERIAL_MIN = 30000;
const SERIAL_MAX = 80000;

const CN_ORDINAL = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** A count written in digits or small Chinese numerals: 3, 03, 三, 十二. */
const N = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const Y = "(\\d{4})";

type Rule = { re: RegExp; read: (m: RegExpExecArray) => Period | null };

const RULES: Rule[] = [
  // 2022年第三季度, 2022年三季度, 2022年3季度, 2022三季度
  { re: new RegExp(`^${Y}年?度?第?${N}季度?$`), read: (m) => quarter(m[1], m[2]) },
  // 2022Q3, 2022年Q3, 2022-Q3, Q3 2022
  { re: new RegExp(`^${Y}年?[-/.]?q([1-4])$`), read: (m) => quarter(m[1], m[2]) },
  { re: new RegExp(`^q([1-4])[-/.]?${Y}年?$`), read: (m) => quarter(m[2], m[1]) },
  // 2022年前三季度, 2022年1-3季度, 2022年一至三季度, 2022年第一至第三季度
  { re: new RegExp(`^${Y}年?度?前${N}个?季度?$`), read: (m) => firstQuarters(m[1], m[2]) },
  {
    re: new RegExp(`^${Y}年?度?第?(?:1|一)季?度?-第?${N}季度?$`),
    read: (m) => firstQuarters(m[1], m[2]),
  },
  // 2022年1-9月, 2022年1月-9月, 2022年1月至9月份
  { re: new RegExp(`^${Y}年?${N}月?-${N}月份?$`), read: (m) => monthRange(m[1], m[2], m[3]) },
  // 2022年上半年, 2022年下半年
  { re: new RegExp(`^${Y}年?度?(上|下)半年度?$`), read: (m) => half(m[1], m[2]) },
  // 2022, 2022年, 2022年度, 2022年全年, 2022全年, 2022年年底 (底/末 removed before)
  { re: new RegExp(`^${Y}(?:年度?|年?全年|年年)?$`), read: (m) => wholeYear(m[1]) },
  // 2022年9月, 2022年9月份, 2022年九月
  { re: new RegExp(`^${Y}年${N}月份?$`), read: (m) => month(m[1], m[2]) },
  // 2022.1-9, 2022/1-9
  { re: new RegExp(`^${Y}[./]${N}-${N}$`), read: (m) => monthRange(m[1], m[2], m[3]) },
  // 2022.9, 2022-09, 2022/9
  { re: new RegExp(`^${Y}[-/.](\\d{1,2})$`), read: (m) => month(m[1], m[2]) },
  // 2022年7月1日-2022年9月30日, 2022年1月1日至9月30日, 2022.7.1-2022.9.30: a span of days ends on its last
  {
    re: new RegExp(`^${Y}年(\\d{1,2})月(\\d{1,2})日?-(?:${Y}年)?(\\d{1,2})月(\\d{1,2})日?$`),
    read: (m) => daySpan(m[1], m[2], m[3], m[4] ?? m[1], m[5], m[6]),
  },
  {
    re: new RegExp(`^${Y}([./])(\\d{1,2})\\2(\\d{1,2})-${Y}\\2(\\d{1,2})\\2(\\d{1,2})$`),
    read: (m) => daySpan(m[1], m[3], m[4], m[5], m[6], m[7]),
  },
  // 2022年9月30日, 2022-09-30, 2022/9/30, 2022.09.30
  { re: new RegExp(`^${Y}年(\\d{1,2})月(\\d{1,2})日?$`), read: (m) => day(m[1], m[2], m[3]) },
  { re: new RegExp(`^${Y}([-/.])(\\d{1,2})\\2(\\d{1,2})$`), read: (m) => day(m[1], m[3], m[4]) },
];

/**
 * The period a 报告期 cell names: its text, a date, or an Excel date serial; a whole number
 * 1900..2200 is a year. Null when it cannot be read.
 */
export function parsePeriod(value: string | number | Date | null | undefined): Period | null {
  if (value instanceof Date) return fromDate(value);
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "string") return fromKnownText(value);
  return null;
}

/** Every sheet of a batch names the same few periods: each text is read once (the results are frozen). */
const fromKnownText = memoText((text: string) => {
  const p = fromText(text);
  return p && Object.freeze(p);
});

function fromDate(d: Date): Period | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  // Workbook dates arrive as UTC midnight of the day shown in the cell.
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fromNumber(n: number): Period | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return wholeYear(String(n));
  if (n >= SERIAL_MIN && n <= SERIAL_MAX) return fromDate(excelSerialToDate(Math.floor(n)));
  return null;
}

function fromText(text: string): Period | null {
  const s = removeSpaces(foldWidth(text))
    .toLowerCase()
    // "（2022年第三季度）", "2022年第三季度（累计）", "2022年三季度报": brackets, a note, the kind of report.
    .replace(/^\((.*)\)$/, "$1")
    .replace(/\([^()]*\)$/, "")
    .replace(/(?:季报|月报|年报|报表|报)$/, "")
    .replace(/^(?:截至|截止到?|至)/, "")
    .replace(/[—–―─~～至到\u2212]/g, "-")
    .replace(/(?:累计|合计)$/, "")
    .replace(/(?:末|底|止)$/, "")
    // 二〇二二年: a year written digit by digit in Chinese numerals, as formal documents do.
    .replace(/^[〇零一二三四五六七八九]{4}(?=年)/, (y) =>
      Array.from(y, (ch) => String(CN_YEAR_DIGITS.indexOf(ch) % 10)).join("")
    );
  for (const rule of RULES) {
    const m = rule.re.exec(s);
    if (m) return rule.read(m);
  }
  return null;
}

/** Digits of a year written in Chinese: 〇 and 零 are both 0 (index 0 and 10). */
const CN_YEAR_DIGITS = "〇一二三四五六七八九零";

function count(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

function yearOf(text: string): number | null {
  const y = Number(text);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

function monthEnd(year: number, month: number, label: string): Period {
  return { asOf: isoEndOfMonth(year, month), year, months: month, label };
}

function quarter(y: string, q: string): Period | null {
  const year = yearOf(y);
  const n = count(q);
  if (year === null || n === null || n < 1 || n > 4) return null;
  return monthEnd(year, n * 3, `${year}年第${CN_ORDINAL[n]}季度`);
}

function firstQuarters(y: string, q: string): Period | null {
  const year = yearOf(y);
  const n = count(q);
  if (year === null || n === null || n < 1 || n > 4) return null;
  if (n === 1) return monthEnd(year, 3, `${year}年第一季度`);
  if (n === 4) return monthEnd(year, 12, `${year}年`);
  return monthEnd(year, n * 3, `${year}年前${CN_ORDINAL[n]}季度`);
}

function monthRange(y: string, from: string, to: string): Period | null {
  const year = yearOf(y);
  const a = count(from);
  const b = count(to);
  if (year === null || a === null || b === null || a < 1 || b > 12 || a > b) return null;
  if (a === b) return monthEnd(year, b, `${year}年${b}月`);
  return monthEnd(year, b, `${year}年${a}-${b}月`);
}

function half(y: string, which: string): Period | null {
  const year = yearOf(y);
  if (year === null) return null;
  return which === "上"
    ? monthEnd(year, 6, `${year}年上半年`)
    : monthEnd(year, 12, `${year}年下半年`);
}

function wholeYear(y: string): Period | null {
  const year = yearOf(y);
  return year === null ? null : monthEnd(year, 12, `${year}年`);
}

function month(y: string, m: string): Period | null {
  const year = yearOf(y);
  const n = count(m);
  if (year === null || n === null || n < 1 || n > 12) return null;
  return monthEnd(year, n, `${year}年${n}月`);
}

function day(y: string, m: string, d: string): Period | null {
  const year = yearOf(y);
  return year === null ? null : makeDay(year, Number(m), Number(d));
}

function daySpan(
  y1: string,
  m1: string,
  d1: string,
  y2: string,
  m2: string,
  d2: string
): Period | null {
  const from = day(y1, m1, d1);
  const to = day(y2, m2, d2);
  return from && to && from.asOf <= to.asOf ? to : null;
}

function makeDay(year: number, month: number, day: number): Period | null {
  if (
    year < MIN_YEAR ||
    year > MAX_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return null;
  }
  return {
    asOf: isoDate(year, month, day),
    year,
    months: month,
    label: `${year}年${month}月${day}日`,
  };
}
