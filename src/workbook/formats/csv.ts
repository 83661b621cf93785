/**
 * CSV (and tab-separated text) → one sheet, its fields read as Excel on a Chinese-locale computer
 * reads them when the file is opened: numbers (with thousands separators), percents, ISO-like
 * dates, TRUE/FALSE and error codes become values; everything else stays text.
 *
 * Encodings: UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030/GBK — what Chinese
 * Excel's plain "CSV" is written in. Text that is none of them is refused rather than guessed.
 */
import type { Cell, CellValue, WorkbookGrids } from "../../core/model/cells";
import { EXCEL_ERRORS } from "../../core/read/values";
import { FormatError } from "./errors";

const MAX_SHEET_NAME = 31;

export function readCsv(bytes: Uint8Array, fileName?: string): WorkbookGrids {
  let text = decodeText(bytes);
  let delimiter: string | undefined;
  // Excel's own hint on the first line: "sep=;".
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  const records = parseCsv(text, delimiter ?? sniffDelimiter(text));
  const rows: (Cell | undefined)[][] = [];
  records.forEach((fields, r) => {
    const row: (Cell | undefined)[] = [];
    fields.forEach((f, c) => {
      const cell = fieldCell(f);
      if (cell) row[c] = cell;
    });
    if (row.length > 0) rows[r] = row;
  });
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { sheets: [{ name: sheetName(fileName), rows }] };
}

/** The sheet Excel makes of "dir/name.csv": "name", cut to 31 characters, forbidden characters replaced. */
export function sheetName(fileName?: string): string {
  const base = (fileName ?? "").split(/[\\/]/).pop() ?? "";
  const name = base
    .replace(/\.[^.]*$/, "")
    .replace(/[[\]:*?/\\]/g, "_")
    .slice(0, MAX_SHEET_NAME)
    .replace(/^'+|'+$/g, "");
  return name.trim() === "" ? "Sheet1" : name;
}

// --- encoding -------------------------------------------------------------------------------

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

/** The file's text; a FormatError when it is in no encoding this reader can tell. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeOrFail("utf-8", bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeOrFail("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeOrFail("utf-16be", bytes.subarray(2));
  try {
    const text = utf8Fatal.decode(bytes);
    if (!hasControlCharacters(text)) return text;
  } catch {
    // not UTF-8: try the Chinese national encoding below
  }
  let gb: string | null = null;
  try {
    gb = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    gb = null;
  }
  if (gb !== null && looksLikeChineseText(gb)) return gb;
  throw new FormatError("the text file is in an unknown encoding; save it as CSV in UTF-8 or GBK");
}

function decodeOrFail(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(
      `the text file claims to be ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}`
    );
  }
}

/** C0 control characters other than tab and line ends, and DEL: never in a real table of text. */
function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/**
 * GB18030 decodes almost any bytes, so decoding alone proves little: the text must also be free of
 * control characters and most of its non-ASCII characters must be Chinese (CJK ideographs, CJK and
 * full-width punctuation), as any real GBK table's are.
 */
function looksLikeChineseText(text: string): boolean {
  if (hasControlCharacters(text) || text.includes("\ufffd")) return false;
  let other = 0;
  let chinese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef)
    )
      chinese++;
    else if (
      !/[\u00b7\u00d7\u2014\u2018-\u201d\u2026\u2030\u2103\u2116\u2160-\u216b\u2190-\u2193\u2460-\u2473\u25a0-\u25cf\u3400-\u4dbf]/.test(
        ch
      )
    )
      other++;
  }
  return chinese > 0 && other <= chinese / 10;
}

// --- records --------------------------------------------------------------------------------

const DELIMITERS = [",", "\t", ";"];

/** The delimiter that splits the first lines into the same, largest number of fields. */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = parseCsv(sample, d, 50)
      .map((r) => r.length - 1)
      .filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [mode, times] = [...freq].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const score = times * 1000 + mode;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter: string, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const end = () => {
    fields.push(field);
    field = "";
  };
  while (i < text.length && records.length < maxRecords) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) end();
    else if (ch === "\r" || ch === "\n") {
      end();
      records.push(fields);
      fields = [];
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if ((field !== "" || fields.length > 0) && records.length < maxRecords) {
    end();
    records.push(fields);
  }
  return records;
}

// --- values ---------------------------------------------------------------------------------

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*%$/;
const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ERRORS = new Set(EXCEL_ERRORS);

/** A field as the cell Excel makes of it; undefined for an empty field. */
export function fieldCell(field: string): Cell | undefined {
  if (field === "") return undefined;
  const t = field.trim();
  if (PLAIN_NUMBER.test(t)) return { value: Number(t) + 0 };
  if (GROUPED_NUMBER.test(t))
    return {
      value: Number(t.replace(/,/g, "")) + 0,
      numFmt: t.includes(".") ? "#,##0.00" : "#,##0",
    };
  const pct = PERCENT.exec(t);
  // Excel types 12.5% as 0.125 shown 0.00%, and 12% as 0.12 shown 0%. The decimal text is shifted
  // rather than divided, so 1.42% is exactly the double nearest 0.0142.
  if (pct)
    return {
      value: Number(`${pct[1].replace(/,/g, "")}e-2`) + 0,
      numFmt: pct[1].includes(".") ? "0.00%" : "0%",
    };
  const date = dateValue(t);
  if (date) return date;
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  if (ERRORS.has(upper)) return { value: { error: upper } as CellValue };
  return { value: field };
}

/** 2022-09-30, 2022/9/30 (and with a time) as a UTC Date, when the day exists. */
function dateValue(t: string): Cell | undefined {
  const m = DATE.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const time = m[5] !== undefined;
  const [h, mi, s] = [Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return { value: date, numFmt: time ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd" };
}
