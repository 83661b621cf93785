/**
 * What the readers of the 指标规则 sheet share: where a value sits (Ref), how a value is read
 * (a number, a rate, a date, a code, a list) and how problems are gathered with their messages.
 */
import { type Cell, type SheetGrid, cellAddress, cellText, getCell } from "../model/cells";
import type { TargetKind } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { Message } from "../i18n/messages";
import { CATALOGUE_BLOCK, CATALOGUE_VALUE as WHY } from "../i18n/catalogue-messages";
import { makeFinding } from "../validate/rules";
import { parseValue } from "../read/values";
import { parsePeriod } from "../read/period";
import { convertUnit, isPercentUnit } from "../read/units";
import { collapseSpaces, foldWidth, removeSpaces } from "../read/text";
import { roundScaledPercent } from "../util/round";

import { type Block } from "./sheet-layout";

export interface Ref {
  row: number;
  col: number;
  address: string;
  cell: Cell | undefined;
  text: string;
}

export interface FoundBlock<F extends string> {
  block: Block<F>;
  headerRow: number;
  columns: Partial<Record<F, number>>;
  rows: number[];
}

/** Kinds whose target is a number in the indicator's unit. */
export const NUMERIC_KINDS: TargetKind[] = ["at_least", "greater_than", "at_most", "approx"];

export class Problems {
  readonly findings: Finding[] = [];
  constructor(private readonly sheet: string) {}

  at(
    ref: Ref | { address?: string; text?: string } | undefined,
    reason: Message,
    indicator?: string
  ): void {
    this.findings.push(
      makeFinding(
        "catalogue_invalid",
        { sheet: this.sheet, cell: ref?.address, indicator, text: ref?.text },
        { reason }
      )
    );
  }
}

export function refAt(grid: SheetGrid, row: number, col: number | undefined): Ref | undefined {
  if (col === undefined) return undefined;
  const cell = getCell(grid, row, col);
  return { row, col, address: cellAddress(row, col), cell, text: cellText(cell) };
}

export type Read<T> = { ok: true; value: T } | { ok: false; reason: Message };
export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = <T>(reason: Message): Read<T> => ({ ok: false, reason });

/** A number in the indicator's unit: "5.6万" or "5.6万亩" in a 亩 column, "1.42%" for a percent indicator. */
export function readQuantity(
  ref: Ref | undefined,
  unit: string,
  what: Message
): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number") return bad(WHY.notNumber(what, ref.text));
  if (p.approx || p.atLeast) return bad(WHY.notPlain(what, ref.text));
  if (isPercentUnit(unit)) {
    if (p.unit && convertUnit(p.value, p.unit, unit) === null)
      return bad(WHY.notInPercent(what, ref.text));
    return ok(p.value);
  }
  if (p.percent) return bad(WHY.percentOfUnit(what, ref.text, unit));
  if (p.unit) {
    const converted = convertUnit(p.value, p.unit, unit);
    if (converted === null) return bad(WHY.notConvertible(what, ref.text, unit));
    return ok(converted);
  }
  return ok(p.value);
}

/** A rate: "3%", a cell formatted as percent, or a fraction below 1 (0.03). A plain 3 is not guessed. */
export function readRate(ref: Ref | undefined, what: Message): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number" || p.unit || p.approx || p.atLeast)
    return bad(WHY.notPercent(what, ref.text));
  if (p.percent) return ok(roundScaledPercent(p.value / 100));
  if (Math.abs(p.value) < 1) return ok(p.value);
  return bad(WHY.rateAsPercent(what, ref.text));
}

/** A plain number: no unit, no percent. */
export function readPlain(ref: Ref | undefined, what: Message): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number" || p.unit || p.percent || p.approx || p.atLeast)
    return bad(WHY.notNumber(what, ref.text));
  return ok(p.value);
}

export function readDate(ref: Ref | undefined, what: Message): Read<string | null> {
  if (!ref || !ref.text) return ok(null);
  const v = ref.cell?.value;
  const period =
    v instanceof Date || typeof v === "number" || typeof v === "string" ? parsePeriod(v) : null;
  if (!period) return bad(WHY.notDate(what, ref.text));
  return ok(period.asOf);
}

export function codeText(ref: Ref | undefined): string {
  return ref ? removeSpaces(foldWidth(ref.text)) : "";
}

export function listText(ref: Ref | undefined, separators: RegExp): string[] {
  if (!ref || !ref.text) return [];
  return ref.text
    .split(separators)
    .map((s) => collapseSpaces(s))
    .filter(Boolean);
}

export function columnZh<F extends string>(block: Block<F>, field: F): string {
  return block.columns.find((c) => c.field === field)?.zh ?? field;
}

export function requireColumns<F extends string>(
  found: FoundBlock<F>,
  problems: Problems
): boolean {
  const missing = found.block.columns.filter(
    (c) => c.required && found.columns[c.field] === undefined
  );
  for (const c of missing) {
    problems.at(
      { address: cellAddress(found.headerRow, 0) },
      CATALOGUE_BLOCK.missingColumn(found.block.title, c)
    );
  }
  return missing.length === 0;
}
