/**
 * The values an approval covered, kept in 审核记录 beside the fingerprint so that a reviewer can see
 * what changed since (docs/consolidation.md#approval). The record is a line a person can read —
 * `A1 本期1.1 基期0.85 目标1.42 备注“据统计局快报”；C1 本期7` — and the product reads it back.
 *
 * One entry per indicator row (a table of units as rows: `那吾镇·F6 …`), separated by `；`; in an
 * entry, each value that is not empty: 本期 (actual), 基期, 目标, 上期, 历史(date), 备注. A value is a
 * number in the indicator's canonical unit, `约` and a number (approximate), `不适用`, or a text in
 * “ ” (what was typed where no number could be read; a ” inside is doubled).
 */
import type { SheetCheck, RowData } from "../validate/sheet";
import { fingerprintContent } from "./fingerprint";
import type { RecordedRow, RecordedValue, ValueChange, ValueField } from "../model/approval";

// The shapes are in core/model, where the messages that word a change can read them.
export type { RecordedRow, RecordedValue, ValueChange, ValueField } from "../model/approval";

/** Excel keeps at most 32,767 characters in a cell: a longer record is not written. */
export const MAX_RECORD_LENGTH = 32000;

const LABELS: [Exclude<ValueField, `history:${string}`>, string][] = [
  ["actual", "本期"],
  ["baseline", "基期"],
  ["target", "目标"],
  ["previous", "上期"],
  ["remarks", "备注"],
];

function quote(text: string): string {
  return `“${text.replace(/”/g, "””")}”`;
}

function valueText(v: RecordedValue | string): string {
  if (typeof v === "number") return String(v);
  if (v === "n/a") return "不适用";
  if (typeof v === "string") return quote(v);
  return "invalid" in v ? quote(v.invalid) : `约${v.value}`;
}

type Content = ReturnType<typeof fingerprintContent>;
type ContentRow = Content["rows"][number] & { unit?: string | null };

function rowValues(r: ContentRow): Map<ValueField, RecordedValue | string> {
  const out = new Map<ValueField, RecordedValue | string>();
  const put = (f: ValueField, v: RecordedValue | string | null) => {
    if (v !== null && v !== "") out.set(f, v);
  };
  put("actual", r.actual as RecordedValue | null);
  put("baseline", r.baseline as RecordedValue | null);
  put("target", r.target as RecordedValue | null);
  put("previous", r.previous as RecordedValue | null);
  // The previous column is also an observation of the history: said once, as 上期.
  const prev = r.previous as RecordedValue | null;
  const prevNumber =
    typeof prev === "number"
      ? prev
      : typeof prev === "object" && prev && "approx" in prev
        ? prev.value
        : null;
  for (const h of r.history) if (h.value !== prevNumber) put(`history:${h.date}`, h.value);
  put("remarks", r.remarks);
  return out;
}

/** The sheet's values as the approval covers them (the same rows and values as its fingerprint). */
export function currentRows(check: SheetCheck): RecordedRow[] {
  return fingerprintContent(check).rows.map((r: ContentRow) => ({
    unit: r.unit ?? null,
    code: r.code,
    values: rowValues(r),
  }));
}

/** The record of the sheet's values, or "" when it would not fit in a cell. */
export function formatRecordedValues(check: SheetCheck): string {
  const entries = currentRows(check).map((row) => {
    const parts = [row.unit ? `${row.unit}·${row.code}` : row.code];
    for (const [field, v] of row.values) {
      const label = field.startsWith("history:")
        ? `历史(${field.slice(8)})`
        : LABELS.find(([f]) => f === field)![1];
      parts.push(label + valueText(v));
    }
    return parts.join(" ");
  });
  const text = entries.join("；");
  return text.length > MAX_RECORD_LENGTH ? "" : text;
}

/** Splits at `sep` outside “ ” quotes (a doubled ” inside a quote is a quote mark). */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quoted && c === "“") quoted = true;
    else if (quoted && c === "”") {
      if (text[i + 1] === "”") i++;
      else quoted = false;
    } else if (!quoted && c === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

function parseValue(text: string, field: ValueField): RecordedValue | string | undefined {
  if (text.startsWith("“") && text.endsWith("”") && text.length >= 2) {
    const inner = text.slice(1, -1).replace(/””/g, "”");
    return field === "remarks" ? inner : { invalid: inner };
  }
  if (field === "remarks") return undefined;
  if (text === "不适用") return "n/a";
  if (text.startsWith("约") && NUMBER.test(text.slice(1)))
    return { value: Number(text.slice(1)), approx: true };
  return NUMBER.test(text) ? Number(text) : undefined;
}

function parseToken(token: string): [ValueField, RecordedValue | string] | undefined {
  const history = /^历史\((\d{4}-\d{2}-\d{2})\)(.*)$/s.exec(token);
  if (history) {
    const v = parseValue(history[2], `history:${history[1]}`);
    return v === undefined || typeof v !== "number" ? undefined : [`history:${history[1]}`, v];
  }
  const hit = LABELS.find(([, label]) => token.startsWith(label));
  if (!hit) return undefined;
  const v = parseValue(token.slice(hit[1].length), hit[0]);
  return v === undefined ? undefined : [hit[0], v];
}

/** The rows of a record, or null when the text is not one (empty, cut short, or typed over). */
export function parseRecordedValues(text: string): RecordedRow[] | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const rows: RecordedRow[] = [];
  for (const entry of splitOutsideQuotes(trimmed, "；")) {
    const [key, ...tokens] = splitOutsideQuotes(entry.trim(), " ").filter((t) => t !== "");
    // Codes are written in letters and digits (A1, C9a): other text is not a record.
    const m = key ? /^(?:(.+)·)?([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(key) : null;
    if (!m) return null;
    const values = new Map<ValueField, RecordedValue | string>();
    for (const token of tokens) {
      const parsed = parseToken(token);
      if (!parsed) return null;
      values.set(parsed[0], parsed[1]);
    }
    rows.push({ unit: m[1] ?? null, code: m[2], values });
  }
  return rows;
}

function same(
  a: RecordedValue | string | undefined,
  b: RecordedValue | string | undefined
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return valueText(a) === valueText(b);
}

const rowKey = (unit: string | null, code: string) => `${unit ?? ""}\u0000${code}`;

/** The cell each field of each row is in now, and the row's label and unit of measure. */
function rowsOnSheet(check: SheetCheck): Map<string, RowData> {
  const out = new Map<string, RowData>();
  const parts = check.whole?.parts ?? [check];
  for (const p of parts) {
    const unit = check.whole?.parts ? (p.unitCanonical ?? p.unit ?? null) : null;
    for (const r of p.rows) out.set(rowKey(unit, r.indicator.code), r);
  }
  return out;
}

function cellOf(row: RowData | undefined, field: ValueChange["field"]): string | undefined {
  if (!row) return undefined;
  switch (field) {
    case "actual":
    case "row_added":
      return row.actual.address;
    case "baseline":
      return row.baseline.address;
    case "target":
      return row.target.address;
    case "previous":
      return row.previous.address;
    default:
      return undefined;
  }
}

/** Each value of the sheet that differs from the approved record, in the sheet's code order. */
export function valueChanges(recorded: RecordedRow[], check: SheetCheck): ValueChange[] {
  const now = currentRows(check);
  const onSheet = rowsOnSheet(check);
  const before = new Map(recorded.map((r) => [rowKey(r.unit, r.code), r]));
  const out: ValueChange[] = [];
  const change = (r: RecordedRow, field: ValueChange["field"], o?: unknown, n?: unknown) => {
    const row = onSheet.get(rowKey(r.unit, r.code));
    const c: ValueChange = { unit: r.unit, code: r.code, label: r.code, field };
    if (row) {
      c.label = `${row.indicator.code} ${row.indicator.name}`;
      c.measure = row.indicator.unit;
    }
    if (o !== undefined) c.old = o as RecordedValue | string;
    if (n !== undefined) c.new = n as RecordedValue | string;
    const cell = cellOf(row, field);
    if (cell) c.cell = cell;
    out.push(c);
  };
  for (const r of now) {
    const old = before.get(rowKey(r.unit, r.code));
    before.delete(rowKey(r.unit, r.code));
    if (!old) {
      change(r, "row_added", undefined, r.values.get("actual"));
      continue;
    }
    const fields = new Set([...old.values.keys(), ...r.values.keys()]);
    for (const f of fields)
      if (!same(old.values.get(f), r.values.get(f)))
        change(r, f, old.values.get(f), r.values.get(f));
  }
  for (const old of before.values()) change(old, "row_removed", old.values.get("actual"));
  return out;
}

export { valueText as recordedValueText };
