/**
 * Turning one value cell into a number in the indicator's canonical unit, or into findings.
 * Never guesses: what cannot be read exactly is a finding and no value.
 */
import type { Indicator } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { CellRef } from "../read/sheet";
import { parseValue } from "../read/values";
import { convertUnit, normaliseUnit } from "../read/units";
import { parseMilestone } from "../read/milestone";
import { makeFinding } from "./rules";

export type ValueState = "ok" | "no_data" | "not_applicable" | "invalid";

export interface ReadValue {
  readonly state: ValueState;
  readonly value: number | null;
  /** The text had a percent sign or the cell a percent format. */
  readonly percent: boolean;
  readonly approx: boolean;
  readonly text: string;
  readonly address?: string;
}

/** A value read from a cell; its text and address come from the cell when a finding or a link needs them. */
class CellValue implements ReadValue {
  constructor(
    private readonly ref: CellRef,
    readonly state: ValueState,
    readonly value: number | null,
    readonly percent: boolean,
    readonly approx: boolean
  ) {}

  get text(): string {
    return this.ref.text;
  }

  get address(): string {
    return this.ref.address;
  }
}

export const NO_VALUE: ReadValue = {
  state: "no_data",
  value: null,
  percent: false,
  approx: false,
  text: "",
};

const labels = new WeakMap<Indicator, string>();

/** "A1 研究与试验发展经费投入强度", built once per indicator: every row's checks name it. */
export function indicatorLabel(ind: Indicator): string {
  let label = labels.get(ind);
  if (label === undefined) {
    label = `${ind.code} ${ind.name}`;
    labels.set(ind, label);
  }
  return label;
}

/** Where a finding on a value cell points. */
function findingAt(sheet: string, at: { address?: string; text: string }, ind: Indicator) {
  return { sheet, cell: at.address, indicator: ind.code, text: at.text };
}

export function readValue(
  ref: CellRef,
  state: ValueState,
  value: number | null,
  percent = false,
  approx = false
): ReadValue {
  return new CellValue(ref, state, value, percent, approx);
}

const MULTIPLIER_ONLY = /^[万亿千百]$/;

/**
 * Reads a value cell. `rowUnit` is the unit column's text ('' when none); a unit written after the
 * number ("5.6万亩") wins over it. Findings are pushed for errors; the returned state says whether the
 * value can be used.
 */
export function readValueCell(
  ref: CellRef | undefined,
  ind: Indicator,
  rowUnit: string,
  sheet: string,
  findings: Finding[]
): ReadValue {
  if (!ref) return NO_VALUE;
  // This runs for every value cell: what only a finding needs is built when there is one.

  if (ind.kind === "milestone") {
    const p = parseValue(ref.cell);
    if (p.kind === "empty") return readValue(ref, "no_data", null);
    if (p.kind === "not_applicable") return readValue(ref, "not_applicable", null);
    if (p.kind === "error") {
      findings.push(
        makeFinding("formula_error", findingAt(sheet, ref, ind), { ind: indicatorLabel(ind) })
      );
      return readValue(ref, "invalid", null);
    }
    if (p.kind === "number" && !p.unit && (p.value === 0 || p.value === 0.5 || p.value === 1)) {
      return readValue(ref, "ok", p.value);
    }
    const m = parseMilestone(ref.text);
    if (m === null) {
      findings.push(
        makeFinding("unparseable_milestone", findingAt(sheet, ref, ind), {
          ind: indicatorLabel(ind),
        })
      );
      return readValue(ref, "invalid", null);
    }
    return readValue(ref, "ok", m);
  }

  const p = parseValue(ref.cell);
  switch (p.kind) {
    case "empty":
      return readValue(ref, "no_data", null);
    case "not_applicable":
      return readValue(ref, "not_applicable", null);
    case "error":
      findings.push(
        makeFinding("formula_error", findingAt(sheet, ref, ind), { ind: indicatorLabel(ind) })
      );
      return readValue(ref, "invalid", null);
    case "invalid":
      findings.push(
        makeFinding("unparseable_number", findingAt(sheet, ref, ind), { ind: indicatorLabel(ind) })
      );
      return readValue(ref, "invalid", null);
    default:
      break;
  }

  // A number, perhaps with a unit of its own.
  const canonical = normaliseUnit(ind.unit);
  const isPercentIndicator = canonical === "%";
  let value = p.value;
  if (isPercentIndicator) {
    // Percent points already when the text had % or the cell a percent format.
    const unitText = p.unit && !MULTIPLIER_ONLY.test(p.unit) ? p.unit : rowUnit;
    if (unitText && !p.percent && convertUnit(1, unitText, "%") === null) {
      findings.push(
        makeFinding("unit_mismatch", findingAt(sheet, ref, ind), {
          ind: indicatorLabel(ind),
          found: unitText,
          expected: ind.unit,
        })
      );
      return readValue(ref, "invalid", null);
    }
    if (p.unit && MULTIPLIER_ONLY.test(p.unit)) {
      findings.push(
        makeFinding("unparseable_number", findingAt(sheet, ref, ind), { ind: indicatorLabel(ind) })
      );
      return readValue(ref, "invalid", null);
    }
    return readValue(ref, "ok", value, p.percent, p.approx);
  }
  if (p.percent) {
    findings.push(
      makeFinding("unit_mismatch", findingAt(sheet, ref, ind), {
        ind: indicatorLabel(ind),
        found: "%",
        expected: ind.unit,
      })
    );
    return readValue(ref, "invalid", null);
  }
  let from = rowUnit;
  if (p.unit) from = MULTIPLIER_ONLY.test(p.unit) ? `${p.unit}${rowUnit || ind.unit}` : p.unit;
  let converted = convertUnit(value, from, ind.unit);
  // "约380斤" in a 斤/亩 row: the per-亩 is implied by the row, not a different unit.
  const per = ind.unit.indexOf("/");
  if (
    converted === null &&
    p.unit &&
    per > 0 &&
    rowUnit &&
    convertUnit(1, rowUnit, ind.unit) !== null
  ) {
    const implied = convertUnit(value, `${p.unit}${ind.unit.slice(per)}`, ind.unit);
    if (implied !== null && convertUnit(1, p.unit, ind.unit.slice(0, per)) !== null)
      converted = implied;
  }
  if (converted === null) {
    findings.push(
      makeFinding("unit_mismatch", findingAt(sheet, ref, ind), {
        ind: indicatorLabel(ind),
        found: from,
        expected: ind.unit,
      })
    );
    return readValue(ref, "invalid", null);
  }
  value = converted;
  return readValue(ref, "ok", value, false, p.approx);
}

/** Range and integer checks on a value already in the canonical unit. */
export function checkRange(
  v: ReadValue,
  ind: Indicator,
  sheet: string,
  findings: Finding[]
): boolean {
  if (v.state !== "ok" || v.value === null || ind.kind === "milestone") return true;

  const min = ind.min ?? (normaliseUnit(ind.unit) === "%" ? 0 : undefined);
  const max = ind.max ?? (normaliseUnit(ind.unit) === "%" ? 100 : undefined);
  if ((min !== undefined && v.value < min) || (max !== undefined && v.value > max)) {
    findings.push(
      makeFinding("out_of_range", findingAt(sheet, v, ind), {
        ind: indicatorLabel(ind),
        found: v.value,
        min,
        max,
      })
    );
    return false;
  }
  if (ind.integer && !Number.isInteger(v.value)) {
    findings.push(
      makeFinding("not_integer", findingAt(sheet, v, ind), {
        ind: indicatorLabel(ind),
        found: v.value,
      })
    );
    return false;
  }
  return true;
}
