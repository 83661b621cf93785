/**
 * Value cells (docs/specification.md §2): the actual, baseline, target and previous columns. A cell gives a number
 * (with what the text said about it: percent, approximate, a lower bound, a unit), no value, not
 * applicable, an Excel error, or is invalid. Nothing is guessed: text that does not clearly hold
 * one number is invalid, and the validator turns that into a finding.
 */
import { type Cell, isCellError } from "../model/cells";
import { collapseSpaces, foldWidth } from "./text";
import { isPercentUnit, normaliseUnit } from "./units";
import { roundScaledPercent } from "../util/round";

export type ParsedValue =
  | {
      kind: "number";
      value: number;
      percent: boolean;
      approx: boolean;
      atLeast: boolean;
      unit?: string;
    }
  | { kind: "empty" }
  | { kind: "not_applicable" }
  | { kind: "error"; code: string }
  | { kind: "invalid" };

export type ParsedNumber = Extract<ParsedValue, { kind: "number" }>;

/** Excel's error values, as Excel writes them. */
export const EXCEL_ERRORS: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
];
const EXCEL_ERROR_SET = new Set(EXCEL_ERRORS);

/** Text that means "nothing to report". */
const EMPTY_TEXT = /^(?:[-—–―─]+|\/|\\|无|暂无)$/;
/** Text that means "does not apply to this unit" (N/A typed as text, not Excel's #N/A). */
const NOT_APPLICABLE_TEXT = /^(?:不适用|不涉及|n\/a|na)$/i;

/** Qualifiers in front of the number. */
const APPROX_PREFIX = /^(?:大约|约为|约合|约|将近|接近|近|≈|~)\s*/;
const AT_LEAST_PREFIX = /^(?:不少于|不低于|超过|多于|≥|>=|>)\s*/;
/** Qualifiers after the number or its unit: 以上 and + give a lower bound, the rest an approximation. */
const TRAILING_QUALIFIER = /\s*(及以上|以上|\+|左右|上下|余|多)$/;
/** 余/多 between the number and its unit ("200余件", "200多万元") or after a multiplier ("5万余亩"). */
const LEADING_APPROX = /^(?:余|多)\s*/;
const MULTIPLIER_THEN_APPROX = /^(万亿|千万|百万|十万|亿|万|千|百)(?:余|多)/;

/** Arabic number: sign, digits with optional well-formed thousands separators, decimals, exponent. */
const ARABIC_NUMBER = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e([+-]?\d+))?/i;
/** A run of small Chinese numeral characters (below 万; 万 and 亿 after it act as multipliers, as after digits). */
const CHINESE_NUMBER = /^[零〇一二两三四五六七八九十百千]+/;
/**
 * What may not appear in the unit text after a number: digits (a second number), punctuation
 * that separates numbers or sentences, dashes of a range, and words that qualify the number in a
 * way this reader does not support (以下, 至, 或, 不到 …).
 */
const NOT_IN_UNIT =
  /[\u0000-\u001f\u007f0-9零〇一二三四五六七八九,，.。;；:：!！?？、\-—–―~#@约以至到或及不未超无]/;
const MAX_UNIT_LENGTH = 8; // the longest real unit, 千克/公顷, has 5 characters; longer text is a remark

const EMPTY: ParsedValue = Object.freeze({ kind: "empty" });
const INVALID: ParsedValue = Object.freeze({ kind: "invalid" });

/**
 * True when an Excel number format shows the value as a percent (multiplies it by 100): a '%'
 * in its first section that is not inside quotes, escaped with '\', or part of a [..] block.
 */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (typeof numFmt !== "string") return false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i];
    if (ch === ";") return false;
    if (ch === "%") return true;
    if (ch === '"') {
      const close = numFmt.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === "[") {
      const close = numFmt.indexOf("]", i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++; // the next character is literal, a space width or a fill character
    }
  }
  return false;
}

/** The code of an Excel error typed or shown as text ('#div/0!' → '#DIV/0!'), or null. */
export function excelErrorCode(text: string): string | null {
  const code = collapseSpaces(foldWidth(text)).toUpperCase();
  return EXCEL_ERROR_SET.has(code) ? code : null;
}

/** What a value cell holds. */
export function parseValue(cell: Cell | undefined): ParsedValue {
  if (cell === undefined || cell === null || typeof cell !== "object") return EMPTY;
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") return parseNumberCell(v, cell.numFmt);
  if (typeof v === "string") return parseNumberText(v);
  // An error value from a host is a string (#N/A); anything else there is still an error, named #VALUE!.
  if (isCellError(v))
    return { kind: "error", code: typeof v.error === "string" ? v.error : "#VALUE!" };
  // booleans and dates are not quantities
  return INVALID;
}

function parseNumberCell(n: number, numFmt: string | undefined): ParsedValue {
  if (!Number.isFinite(n)) return INVALID;
  const percent = isPercentFormat(numFmt);
  const value = percent ? roundScaledPercent(n * 100) : n + 0; // + 0 turns -0 into 0
  return { kind: "number", value, percent, approx: false, atLeast: false };
}

/** What text typed in a value cell holds. */
export function parseNumberText(text: string): ParsedValue {
  if (typeof text !== "string") return INVALID;
  const s = collapseSpaces(foldWidth(text)).replace(/\u2212/g, "-"); // U+2212 MINUS SIGN, as typed by some IMEs
  if (s === "" || EMPTY_TEXT.test(s)) return EMPTY;
  if (NOT_APPLICABLE_TEXT.test(s)) return { kind: "not_applicable" };
  const code = excelErrorCode(s);
  if (code) return { kind: "error", code };
  return parseQuantity(s) ?? INVALID;
}

/** A number with its qualifiers and unit, or null when the text is anything more or less. */
function parseQuantity(s: string): ParsedNumber | null {
  let approx = false;
  let atLeast = false;
  let rest = s;
  for (let again = true; again;) {
    again = false;
    const a = APPROX_PREFIX.exec(rest);
    if (a && !approx) {
      approx = again = true;
      rest = rest.slice(a[0].length);
    }
    const l = AT_LEAST_PREFIX.exec(rest);
    if (l && !atLeast) {
      atLeast = again = true;
      rest = rest.slice(l[0].length);
    }
  }

  const number = readNumber(rest);
  if (!number) return null;
  let unitText = rest.slice(number.length).trim();

  for (let m = TRAILING_QUALIFIER.exec(unitText); m; m = TRAILING_QUALIFIER.exec(unitText)) {
    if (m[1] === "以上" || m[1] === "及以上" || m[1] === "+") atLeast = true;
    else approx = true;
    unitText = unitText.slice(0, m.index);
  }
  const lead = LEADING_APPROX.exec(unitText);
  if (lead) {
    approx = true;
    unitText = unitText.slice(lead[0].length);
  }
  const inner = MULTIPLIER_THEN_APPROX.exec(unitText);
  if (inner) {
    approx = true;
    unitText = inner[1] + unitText.slice(inner[0].length);
  }

  const result: ParsedNumber = {
    kind: "number",
    value: number.value,
    percent: false,
    approx,
    atLeast,
  };
  if (unitText === "") return result;
  if (unitText.length > MAX_UNIT_LENGTH || NOT_IN_UNIT.test(unitText)) return null;
  const unit = normaliseUnit(unitText);
  if (unit === "") return null;
  if (isPercentUnit(unit)) {
    result.percent = true;
    return result;
  }
  if (unit.includes("%")) return null; // '万%', '%亩': not a quantity anyone types on purpose
  result.unit = unit;
  return result;
}

function readNumber(s: string): { value: number; length: number } | null {
  const arabic = ARABIC_NUMBER.exec(s);
  if (arabic) {
    const [whole, sign, digits, exponent] = arabic;
    const value = Number(
      sign + digits.replace(/,/g, "") + (exponent !== undefined ? `e${exponent}` : "")
    );
    return Number.isFinite(value) ? { value: value + 0, length: whole.length } : null;
  }
  const chinese = CHINESE_NUMBER.exec(s);
  if (chinese) {
    const value = parseChineseNumeral(chinese[0]);
    return value === null ? null : { value, length: chinese[0].length };
  }
  return null;
}

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_PLACE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

// The written forms of 0..9999, in full: 一百一十 but not the spoken short 一百一 or 一百十,
// because "一百二" may be meant as 120 or 102 and a reader must not guess.
const D = "[一二三四五六七八九]";
const D_OR_LIANG = "[一二两三四五六七八九]";
const TENS_LEAD = `(?:${D})?十(?:${D})?`;
const TENS_INNER = `${D}十(?:${D})?`;
const HUNDREDS = `${D_OR_LIANG}百(?:${TENS_INNER}|零${D})?`;
const THOUSANDS = `${D_OR_LIANG}千(?:${HUNDREDS}|零(?:${TENS_INNER}|${D}))?`;
const CHINESE_NUMERAL = new RegExp(`^(?:零|两|${D}|${TENS_LEAD}|${HUNDREDS}|${THOUSANDS})$`);

/**
 * A small Chinese numeral (0..9999) in its full written form: 三, 十二, 两, 二十五, 一百零五,
 * 两千, 三千零五十; 〇 is read as 零. Null for anything else.
 */
export function parseChineseNumeral(text: string): number | null {
  const s = text.replace(/〇/g, "零");
  if (!CHINESE_NUMERAL.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const place = CN_PLACE[ch];
    if (place !== undefined) {
      total += (digit ?? 1) * place;
      digit = null;
    } else {
      digit = CN_DIGIT[ch];
    }
  }
  return total + (digit ?? 0);
}

/**
 * Plain text a statistician would type for n, which parseNumberText reads back to exactly n:
 * the shortest digits that identify the double, always positional (1e-7 is written 0.0000001,
 * 1e21 in full) because people do not type exponents. No thousands separators. Not-finite
 * numbers have no such text and give ''.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (n === 0) return "0";
  const shortest = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!m) return shortest;
  const [, sign, first, fraction = "", exp] = m;
  const digits = first + fraction;
  const point = 1 + Number(exp); // position of the decimal point within digits
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The unit a parsed number is in, for convertUnit: '%' for a percent, else its unit or '' (canonical). */
export function unitOfValue(v: ParsedNumber): string {
  return v.percent ? "%" : (v.unit ?? "");
}
