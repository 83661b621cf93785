/**
 * One row of the indicators block of the 指标规则 sheet read into an indicator, field by field. Every
 * problem is reported at its cell; a row with any problem gives no indicator (sheet-indicators.ts
 * then checks the rows that read cleanly against each other).
 */
import { cellAddress } from "../model/cells";
import type { Aggregation, Indicator, Measure, TargetKind } from "../model/catalogue";
import type { Message } from "../i18n/messages";
import { CATALOGUE_INDICATOR as WHY, CATALOGUE_WHAT } from "../i18n/catalogue-messages";
import { isNoUnit, normaliseUnit, parseUnit } from "../read/units";
import { collapseSpaces } from "../read/text";

import {
  AGGREGATION_WORDS,
  INDICATOR_BLOCK,
  KIND_WORDS,
  MEASURE_WORDS,
  choicesOf,
  valueOfWord,
  yesNo,
  type IndicatorField,
} from "./sheet-layout";
import {
  NUMERIC_KINDS,
  Problems,
  Read,
  Ref,
  codeText,
  columnZh,
  listText,
  readDate,
  readPlain,
  readQuantity,
  readRate,
} from "./sheet-cells";

export type IndicatorRefs = Partial<Record<IndicatorField, Ref>>;

/** The cells of one indicator row, and the problems reported for it since its reading began. */
class RowCells {
  private readonly start: number;

  constructor(
    readonly code: string,
    readonly refs: IndicatorRefs,
    readonly row: number,
    private readonly problems: Problems
  ) {
    this.start = problems.findings.length;
  }

  at(ref: Ref | { address: string } | undefined, reason: Message): void {
    this.problems.at(ref, reason, this.code);
  }

  /** The cell of a field, or the row's first cell when the field has no column. */
  cellOf(f: IndicatorField): Ref | { address: string } {
    return this.refs[f] ?? { address: cellAddress(this.row, 0) };
  }

  /** "A1 的目标值" / "target of A1", for the value readers' messages. */
  what(f: IndicatorField): Message {
    return CATALOGUE_WHAT.field(this.code, columnZh(INDICATOR_BLOCK, f), f);
  }

  /** The value read, or undefined after reporting why it could not be. */
  take<T>(f: IndicatorField, read: Read<T>): T | undefined {
    if (read.ok) return read.value;
    this.at(this.refs[f], read.reason);
    return undefined;
  }

  empty(f: IndicatorField): void {
    const c = INDICATOR_BLOCK.columns.find((x) => x.field === f)!;
    this.at(this.cellOf(f), WHY.empty(this.code, c));
  }

  /** The text of a column that may not be empty; an empty one is reported. */
  required(f: IndicatorField): string {
    const text = this.refs[f] ? collapseSpaces(this.refs[f]!.text) : "";
    if (!text) this.empty(f);
    return text;
  }

  /** Whether this row already has a problem at the cell. */
  reportedAt(ref: Ref | undefined): boolean {
    return this.problems.findings.slice(this.start).some((f) => f.cell === ref?.address);
  }

  get spoiled(): boolean {
    return this.problems.findings.length > this.start;
  }
}

function readUnit(c: RowCells): string {
  const text = c.required("unit");
  if (!text) return "";
  if (isNoUnit(text)) return "—";
  if (parseUnit(text)) return normaliseUnit(text);
  c.at(c.refs.unit, WHY.unknownUnit(c.code, text));
  return "";
}

/** The target kind, and the text it was read from (an empty kind is a reference indicator). */
function readKind(c: RowCells): { kind: TargetKind | undefined; text: string } {
  const text = c.refs.kind?.text ?? "";
  if (!text) return { kind: undefined, text };
  const kind = valueOfWord(KIND_WORDS, text) ?? undefined;
  if (!kind) c.at(c.refs.kind, WHY.unknownKind(c.code, text, choicesOf(KIND_WORDS)));
  return { kind, text };
}

function readAggregation(c: RowCells): Aggregation | null {
  const text = c.required("aggregation");
  const aggregation = text ? valueOfWord(AGGREGATION_WORDS, text) : null;
  if (text && !aggregation)
    c.at(c.refs.aggregation, WHY.unknownAggregation(c.code, text, choicesOf(AGGREGATION_WORDS)));
  return aggregation;
}

function readMeasure(c: RowCells): Measure | null {
  const text = c.refs.measure?.text ?? "";
  const measure = text ? valueOfWord(MEASURE_WORDS, text) : "level";
  if (!measure) c.at(c.refs.measure, WHY.unknownMeasure(c.code, text, choicesOf(MEASURE_WORDS)));
  return measure;
}

/** A number for the comparing kinds, a rate for growth, nothing for reference and milestone. */
function readTarget(
  c: RowCells,
  kind: { kind: TargetKind | undefined; text: string },
  unit: string
): number | null {
  const ref = c.refs.target;
  if (kind.kind === "annual_growth") {
    const target = c.take("target", readRate(ref, c.what("target"))) ?? null;
    if (target === null && !c.reportedAt(ref)) c.at(ref, WHY.growthNeedsRate(c.code));
    return target;
  }
  if (kind.kind && NUMERIC_KINDS.includes(kind.kind) && unit) {
    const target = c.take("target", readQuantity(ref, unit, c.what("target"))) ?? null;
    if (target === null && !c.reportedAt(ref)) c.at(c.cellOf("target"), WHY.targetEmpty(c.code));
    return target;
  }
  if (!kind.kind && !kind.text && ref?.text) c.at(ref, WHY.targetWithoutKind(c.code));
  return null;
}

interface Range {
  baseline: number | null;
  min: number | null;
  max: number | null;
}

/** Baseline, min and max in the indicator's unit; the target must lie between min and max. */
function readRange(
  c: RowCells,
  unit: string,
  kind: TargetKind | undefined,
  target: number | null
): Range {
  const quantity = (f: "baseline" | "min" | "max") =>
    unit ? (c.take(f, readQuantity(c.refs[f], unit, c.what(f))) ?? null) : null;
  const range: Range = {
    baseline: quantity("baseline"),
    min: quantity("min"),
    max: quantity("max"),
  };
  const { min, max } = range;
  if (min !== null && max !== null && min > max) {
    c.at(c.refs.max, WHY.minAboveMax(c.code, min, max));
  } else if (
    target !== null &&
    kind !== "annual_growth" &&
    ((min !== null && target < min) || (max !== null && target > max))
  ) {
    c.at(c.refs.target, WHY.targetOutside(c.code, target));
  }
  return range;
}

/** The weight: 1 when empty (or unreadable, which is reported); never below 0. */
function readWeight(c: RowCells): number {
  const read = c.take("weight", readPlain(c.refs.weight, c.what("weight")));
  const weight = read ?? 1;
  if (read !== undefined && weight < 0) c.at(c.refs.weight, WHY.weightBelowZero(c.code, weight));
  return weight;
}

/** The baseline date and the deadline, both required, the deadline after the baseline date. */
function readDates(c: RowCells): { baselineDate: string; deadline: string } {
  const dateOf = (f: "baselineDate" | "deadline"): string => {
    const d = c.take(f, readDate(c.refs[f], c.what(f)));
    if (d === null) c.empty(f);
    return d ?? "";
  };
  const baselineDate = dateOf("baselineDate");
  const deadline = dateOf("deadline");
  if (baselineDate && deadline && baselineDate >= deadline)
    c.at(c.refs.deadline, WHY.deadlineNotAfter(c.code, deadline, baselineDate));
  return { baselineDate, deadline };
}

/** 是 or empty; anything else is reported. */
function readFlag(c: RowCells, f: "integer" | "cumulative"): boolean {
  const v = yesNo(c.refs[f]?.text ?? "");
  if (v === null) c.at(c.refs[f], WHY.yesOrEmpty(c.code, columnZh(INDICATOR_BLOCK, f), f));
  return v === true;
}

/** One indicator row; null when a problem keeps it from being an indicator at all. */
export function readIndicatorRow(
  refs: IndicatorRefs,
  row: number,
  problems: Problems
): Indicator | null {
  const code = codeText(refs.code);
  if (!code) {
    problems.at(refs.code ?? refs.name ?? { address: cellAddress(row, 0) }, WHY.noCode(row));
    return null;
  }
  const c = new RowCells(code, refs, row, problems);
  const name = c.required("name");
  const category = c.required("category");
  const owner = c.required("owner");
  const unit = readUnit(c);
  const kind = readKind(c);
  const aggregation = readAggregation(c);
  const measure = readMeasure(c);
  const target = readTarget(c, kind, unit);
  const { baseline, min, max } = readRange(c, unit, kind.kind, target);
  const weight = readWeight(c);
  const { baselineDate, deadline } = readDates(c);
  const integer = readFlag(c, "integer");
  const cumulative = readFlag(c, "cumulative");
  if (c.spoiled || (!kind.kind && kind.text)) return null;

  const ind: Indicator = {
    code,
    name,
    aliases: listText(refs.aliases, /[；;\r\n]+/),
    category,
    unit,
    ...(kind.kind ? { kind: kind.kind } : {}),
    target,
    baseline,
    baselineDate,
    deadline,
    weight,
    aggregation: aggregation!,
    measure: measure!,
    owner,
    coUnits: listText(refs.coUnits, /[、，,；;\r\n]+/),
  };
  if (min !== null) ind.min = min;
  if (max !== null) ind.max = max;
  if (integer) ind.integer = true;
  if (cumulative) ind.cumulative = true;
  return ind;
}
