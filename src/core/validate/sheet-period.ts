/**
 * The period and the reporting unit a sheet speaks for, and the dates its "previous" column
 * stands for: worked out from its labels, title, tab name and headers (see docs/reading-forms.md).
 */

import type { Catalogue } from "../model/catalogue";

import { type ReadSheet } from "../read/sheet";
import { parsePeriod, type Period } from "../read/period";

import { removeSpaces } from "../read/text";

import { canonicalUnitName, unitKey } from "../read/match";

import { memoText } from "../util/memo";
import { isoEndOfMonth } from "../util/dates";

/** The date of the "previous" column: the same period a year earlier (上年同期) or the quarter before. */
export function previousDate(asOf: string, yearAgo: boolean): string {
  return yearAgo ? yearBefore(asOf) : quarterBefore(asOf);
}

// The same as-of date for every row of a sheet: remembered.
export const yearBefore = memoText((asOf) => previousDateOf(asOf, true));
export const quarterBefore = memoText((asOf) => previousDateOf(asOf, false));

export function previousDateOf(asOf: string, yearAgo: boolean): string {
  const [y, m] = asOf.split("-").map(Number);
  if (yearAgo) return isoEndOfMonth(y - 1, m);
  const back = m - 3;
  return back <= 0 ? isoEndOfMonth(y - 1, 12 + back) : isoEndOfMonth(y, back);
}

/**
 * Without a 填报单位, the unit the title names ("那吾镇2022年第三季度任务完成情况") when it names exactly
 * one unit of the catalogue, else the sheet's tab when it is named after one ("勒秀镇").
 */
export function unitNamedBySheet(catalogue: Catalogue, title: string, tab: string): string | null {
  const key = unitKey(title);
  const named = new Set(
    catalogue.units
      .filter((u) => unitKey(u.name) && key.includes(unitKey(u.name)))
      .map((u) => u.name)
  );
  if (named.size === 1) return [...named][0];
  return named.size === 0 ? (canonicalUnitName(catalogue, tab) ?? null) : null;
}

export function resolvePeriod(
  read: ReadSheet,
  asOf?: string
): { period: Period | null; asOf: string | null } {
  const period = sheetPeriod(read);
  if (asOf) return { period: period ?? parsePeriod(asOf), asOf };
  return { period, asOf: period ? period.asOf : null };
}

/**
 * The sheet's period: its label (报告期), where a label without the year ("第三季度") takes the one year
 * the title or the figures' header names — a label that cannot be read is not replaced by a guess. With
 * no label, the header of the figures ("2022年1-9月"), then the title ("市科技局2022年第三季度监测表").
 */
export function sheetPeriod(read: ReadSheet): Period | null {
  const labelled = read.meta.period;
  const header = read.tables[0]?.headers.actual ?? "";
  if (labelled) {
    const p = parsePeriod(labelled.value);
    if (p || typeof labelled.value !== "string") return p;
    const years = new Set([...periodsIn(read.title), ...periodsIn(header)].map((x) => x.year));
    return years.size === 1 ? parsePeriod(`${[...years][0]}年${labelled.text}`) : null;
  }
  return (
    onePeriod(periodsIn(header)) ??
    onePeriod(periodsIn(read.title)) ??
    (read.footerPeriod ? parsePeriod(read.footerPeriod.value) : null)
  );
}

/** The last day of a period column's header: "2022年1-6月", or "二季度" / "截至6月底" in the report year. */
export function periodOfHeader(header: string, year: number | null): string | null {
  const own = onePeriod(periodsIn(header));
  if (own) return own.asOf;
  const core = removeSpaces(header)
    .replace(/^(截至|截止|至)/, "")
    .replace(/(累计)?(完成|实际|实现)?(值|数|情况)?$/, "");
  return year === null ? null : (parsePeriod(`${year}年${core}`)?.asOf ?? null);
}

export const PERIOD_IN_TEXT =
  /(20\d\d|[〇零一二三四五六七八九]{4})\s*年\s*(第?[一二三四1-4]\s*季度|前三季度|上半年|下半年|全年|年度|1\s*[-—–~～至]\s*\d{1,2}\s*月|\d{1,2}\s*月)?/g;

/** The periods a text names; "2021—2023年" is the span of the plan, not a period. */
export function periodsIn(text: string): Period[] {
  const out: Period[] = [];
  for (const m of text.matchAll(PERIOD_IN_TEXT)) {
    const before = text.slice(0, m.index).trimEnd();
    const after = text.slice(m.index + m[0].length).trimStart();
    if (
      /20\d\d\s*年?\s*[-—–~～至到]$/.test(before) ||
      (!m[2] && /^[-—–~～至到]\s*20\d\d/.test(after))
    )
      continue;
    const p = parsePeriod(m[0]);
    if (p) out.push(p);
  }
  return out;
}

/** The period, when all the text's mentions agree on it. */
export function onePeriod(periods: Period[]): Period | null {
  return periods.length && periods.every((p) => p.asOf === periods[0].asOf) ? periods[0] : null;
}
