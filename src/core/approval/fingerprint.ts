/**
 * The fingerprint of a monitoring sheet: SHA-256 of its parsed values in a canonical order.
 * Two sheets that read to the same values have the same fingerprint, whatever their layout,
 * formatting or spelling of a number ("5.6万亩" and 56000 under 亩); any change of a value,
 * a remark, the unit or the period changes it.
 */
import type { SheetCheck, RowData } from "../validate/sheet";
import type { ReadValue } from "../validate/interpret";
import { canonicalJson } from "../catalogue/version";
import { sha256Hex } from "../util/sha256";
import { parsePeriod } from "../read/period";
import { compareIndicatorCodes } from "../util/indicator-codes";

type Fingerprinted = number | string | null | { invalid: string } | { value: number; approx: true };

/** A value as fingerprinted: the number, "n/a", null for none, or the raw text when it could not be read. */
function valueOf(v: ReadValue): Fingerprinted {
  switch (v.state) {
    case "ok":
      if (v.value === null) return null;
      return v.approx ? { value: v.value, approx: true } : v.value;
    case "not_applicable":
      return "n/a";
    case "invalid":
      return { invalid: v.text };
    default:
      return null;
  }
}

function rowOf(r: RowData) {
  return {
    code: r.indicator.code,
    actual: valueOf(r.actual),
    baseline: valueOf(r.baseline),
    target: valueOf(r.target),
    previous: valueOf(r.previous),
    history: [...r.history].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
    remarks: r.remarks.trim(),
  };
}

/** The sheet's own period (never an --as-of given on the command line), in canonical wording. */
function sheetPeriod(check: SheetCheck): string | null {
  const meta = check.read.meta.period;
  if (!meta) return null;
  return parsePeriod(meta.value)?.label ?? meta.text;
}

/** What the fingerprint covers, as plain data (shown in tests and useful when two fingerprints differ). */
export function fingerprintContent(check: SheetCheck) {
  // A unit's row of a table of units as rows is approved with its table: the whole table is fingerprinted.
  if (check.whole?.parts) return tableContent(check.whole, check.whole.parts);
  return {
    unit: check.unitCanonical ?? check.unit ?? null,
    period: sheetPeriod(check),
    rows: [...check.rows]
      .sort((a, b) => compareIndicatorCodes(a.indicator.code, b.indicator.code))
      .map(rowOf),
  };
}

/** A table of units as rows: every unit's rows, each with its unit, in the table's order of units. */
function tableContent(whole: SheetCheck, parts: SheetCheck[]) {
  return {
    unit: whole.unitCanonical ?? whole.unit ?? null,
    period: sheetPeriod(whole),
    rows: parts.flatMap((p) =>
      [...p.rows]
        .sort((a, b) => compareIndicatorCodes(a.indicator.code, b.indicator.code))
        .map((r) => ({ unit: p.unitCanonical ?? p.unit ?? null, ...rowOf(r) }))
    ),
  };
}

/** SHA-256 (64 hex digits) of the sheet's parsed values in code order. */
export function fingerprint(check: SheetCheck): string {
  return sha256Hex(canonicalJson(fingerprintContent(check)));
}
