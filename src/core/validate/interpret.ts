/**
 * Turning one value cell into a number in the indicator's canonical unit, or into findings.
 * Never guesses: what cannot be read exactly is a finding and no value.
 */
import type { Indicator } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { CellRef } from "../read/sheet";
import { parseValue, type ParsedNumber, type ParsedValue } from "../read/values";
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

/** Where a cell's value is read and its findings go. */
interface CellContext {
  ref: CellRef;
  ind: Indicator;
  sheet: string;
  findings: Finding[];
}

/** A value that cannot be used, and the finding that says why. */
function invalid(
  c: CellContext,
  rule: "formula_error" | "unparseable_milestone" | "unparseable_number" | "unit_mismatch",
  args: { found?: string; expected?: string } = {}
): ReadValue {
  c.findings.push(
    makeFinding(rule, findingAt(c.sheet, c.ref, c.ind), { ind: indicatorLabel(c.ind), ...args })
  );
  return readValue(c.ref, "invalid", null);
}

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
  const c: CellContext = { ref, ind, sheet, findings };
  const p = parseValue(ref.cell);
  if (ind.kind === "milestone") return readMilestone(c, p);
  switch (p.kind) {
    case "empty":
      return readValue(ref, "no_data", null);
    case "not_applicable":
      return readValue(ref, "not_applicable", null);
    case "error":
      return invalid(c, "formula_error");
    case "invalid":
      return invalid(c, "unparseable_number");
    default:
      break;
  }
  // A number, perhaps with a unit of its own.
  if (normaliseUnit(ind.unit) === "%") return readPercent(c, p, rowUnit);
  if (p.percent) return invalid(c, "unit_mismatch", { found: "%", expected: ind.unit });
  const from = p.unit
    ? MULTIPLIER_ONLY.test(p.unit)
      ? `${p.unit}${rowUnit || ind.unit}`
      : p.unit
    : rowUnit;
  const converted = toIndicatorUnit(p.value, from, p.unit, rowUnit, ind.unit);
  if (converted === null) return invalid(c, "unit_mismatch", { found: from, expected: ind.unit });
  return readValue(ref, "ok", converted, false, p.approx);
}

/** A milestone's state: 0, 0.5 or 1 typed as a number, or a word (已完成, 推进中, 未启动). */
function readMilestone(c: CellContext, p: ParsedValue): ReadValue {
  if (p.kind === "empty") return readValue(c.ref, "no_data", null);
  if (p.kind === "not_applicable") return readValue(c.ref, "not_applicable", null);
  if (p.kind === "error") return invalid(c, "formula_error");
  if (p.kind === "number" && !p.unit && (p.value === 0 || p.value === 0.5 || p.value === 1))
    return readValue(c.ref, "ok", p.value);
  const m = parseMilestone(c.ref.text);
  return m === null ? invalid(c, "unparseable_milestone") : readValue(c.ref, "ok", m);
}

/**
 * A figure of a percent indicator: percent points already when the text had % or the cell a
 * percent format.
 */
function readPercent(c: CellContext, p: ParsedNumber, rowUnit: string): ReadValue {
  const unitText = p.unit && !MULTIPLIER_ONLY.test(p.unit) ? p.unit : rowUnit;
  if (unitText && !p.percent && convertUnit(1, unitText, "%") === null)
    return invalid(c, "unit_mismatch", { found: unitText, expected: c.ind.unit });
  if (p.unit && MULTIPLIER_ONLY.test(p.unit)) return invalid(c, "unparseable_number");
  return readValue(c.ref, "ok", p.value, p.percent, p.approx);
}

/**
 * A value in unit `from` in the indicator's unit, or null when it does not convert. "约380斤" in a
 * 斤/亩 row: the per-亩 is implied by the row, not a different unit.
 */
function toIndicatorUnit(
  value: number,
  from: string,
  ownUnit: string | undefined,
  rowUnit: string,
  unit: string
): number | null {
  const converted = convertUnit(value, from, unit);
  const per = unit.indexOf("/");
  if (converted !== null || !ownUnit || per <= 0 || !rowUnit) return converted;
  if (convertUnit(1, rowUnit, unit) === null) return null;
  const implied = convertUnit(value, `${ownUnit}${unit.slice(per)}`, unit);
  return implied !== null && convertUnit(1, ownUnit, unit.slice(0, per)) !== null ? implied : null;
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
