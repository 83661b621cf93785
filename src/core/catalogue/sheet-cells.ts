/**
 * What the readers of the 指标规则 sheet share: where a value sits (Ref), how a value is read
 * (a number, a rate, a date, a code, a list) and how problems are gathered with their messages.
 */
import { type Cell, type SheetGrid, cellAddress, cellText, getCell } from "../model/cells";
import type { TargetKind } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { Message } from "../i18n/messages";
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

export const msg = (zh: string, en: string): Message => ({ zh, en });

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
export const bad = <T>(zh: string, en: string): Read<T> => ({ ok: false, reason: msg(zh, en) });

/** A number in the indicator's unit: "5.6万" or "5.6万亩" in a 亩 column, "1.42%" for a percent indicator. */
export function readQuantity(
  ref: Ref | undefined,
  unit: string,
  what: { zh: string; en: string }
): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number")
    return bad(`${what.zh}“${ref.text}”不是数字`, `the ${what.en} "${ref.text}" is not a number`);
  if (p.approx || p.atLeast) {
    return bad(
      `${what.zh}“${ref.text}”只能填数字，不要加“约”“以上”等字`,
      `the ${what.en} "${ref.text}" must be a plain number, without 约 or 以上`
    );
  }
  if (isPercentUnit(unit)) {
    if (p.unit && convertUnit(p.value, p.unit, unit) === null) {
      return bad(`${what.zh}“${ref.text}”的单位不是 %`, `the ${what.en} "${ref.text}" is not in %`);
    }
    return ok(p.value);
  }
  if (p.percent) {
    return bad(
      `${what.zh}“${ref.text}”是百分数，但指标以“${unit}”计`,
      `the ${what.en} "${ref.text}" is a percent, but the indicator is counted in ${unit}`
    );
  }
  if (p.unit) {
    const converted = convertUnit(p.value, p.unit, unit);
    if (converted === null) {
      return bad(
        `${what.zh}“${ref.text}”的单位不能换算为“${unit}”`,
        `the ${what.en} "${ref.text}" does not convert to ${unit}`
      );
    }
    return ok(converted);
  }
  return ok(p.value);
}

/** A rate: "3%", a cell formatted as percent, or a fraction below 1 (0.03). A plain 3 is not guessed. */
export function readRate(
  ref: Ref | undefined,
  what: { zh: string; en: string }
): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number" || p.unit || p.approx || p.atLeast) {
    return bad(
      `${what.zh}“${ref.text}”不是百分数`,
      `the ${what.en} "${ref.text}" is not a percent`
    );
  }
  if (p.percent) return ok(roundScaledPercent(p.value / 100));
  if (Math.abs(p.value) < 1) return ok(p.value);
  return bad(
    `${what.zh}“${ref.text}”请写成百分数，如 3%`,
    `write the ${what.en} "${ref.text}" as a percent, e.g. 3%`
  );
}

/** A plain number: no unit, no percent. */
export function readPlain(
  ref: Ref | undefined,
  what: { zh: string; en: string }
): Read<number | null> {
  if (!ref) return ok(null);
  const p = parseValue(ref.cell);
  if (p.kind === "empty") return ok(null);
  if (p.kind !== "number" || p.unit || p.percent || p.approx || p.atLeast) {
    return bad(`${what.zh}“${ref.text}”不是数字`, `the ${what.en} "${ref.text}" is not a number`);
  }
  return ok(p.value);
}

export function readDate(
  ref: Ref | undefined,
  what: { zh: string; en: string }
): Read<string | null> {
  if (!ref || !ref.text) return ok(null);
  const v = ref.cell?.value;
  const period =
    v instanceof Date || typeof v === "number" || typeof v === "string" ? parsePeriod(v) : null;
  if (!period)
    return bad(
      `${what.zh}“${ref.text}”不是日期（如 2023-12-31）`,
      `the ${what.en} "${ref.text}" is not a date (e.g. 2023-12-31)`
    );
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
      msg(
        `${found.block.title}缺少“${c.zh}”列`,
        `the block ${found.block.title} has no column ${c.zh} (${c.en})`
      )
    );
  }
  return missing.length === 0;
}
