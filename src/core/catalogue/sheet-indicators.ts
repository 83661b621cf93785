/**
 * The indicators block of the 指标规则 sheet: each row read into an indicator, then the rows
 * checked against each other (codes, parts of ratios, units). Used by sheet-read.ts.
 */
import type { SheetGrid } from "../model/cells";
import type { Indicator } from "../model/catalogue";
import type { Message } from "../i18n/messages";
import { CATALOGUE_LINK as WHY, CATALOGUE_WHAT } from "../i18n/catalogue-messages";
import { normaliseKey } from "../read/text";

import { INDICATOR_BLOCK, type IndicatorField } from "./sheet-layout";
import { Ref, FoundBlock, Problems, refAt, readPlain, codeText } from "./sheet-cells";
import { readIndicatorRow, type IndicatorRefs } from "./sheet-indicator-row";

/** What the cross-checks need to point back at the cells of an indicator row. */
export interface IndicatorRow {
  indicator: Indicator;
  refs: IndicatorRefs;
}

/**
 * The indicator rows that read cleanly. `known` collects every code written, broken rows included,
 * so that a cell naming a broken row is not reported a second time.
 */
export function readIndicators(
  grid: SheetGrid,
  found: FoundBlock<IndicatorField>,
  problems: Problems,
  known: Set<string>
): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const r of found.rows) {
    const refs: IndicatorRefs = {};
    for (const c of INDICATOR_BLOCK.columns) {
      const ref = refAt(grid, r, found.columns[c.field]);
      if (ref) refs[c.field] = ref;
    }
    if (!Object.values(refs).some((x) => x?.text)) continue;
    if (codeText(refs.code)) known.add(normaliseKey(codeText(refs.code)));
    const row = readIndicatorRow(refs, r, problems);
    if (row) out.push({ indicator: row, refs });
  }
  return out;
}

/** Codes named by other cells (加权依据, 比值分子/分母) must be indicators of the sheet; codes must be unique. */
export function crossCheck(rows: IndicatorRow[], known: Set<string>, problems: Problems): void {
  const codes = uniqueCodes(rows, problems);
  const lookup = (ref: Ref | undefined): string | null => {
    const text = codeText(ref);
    return text ? (codes.get(normaliseKey(text))?.indicator.code ?? null) : null;
  };
  /** Names a row that exists but is broken: already reported there. */
  const broken = (ref: Ref | undefined): boolean => {
    const key = normaliseKey(codeText(ref));
    return key !== "" && known.has(key) && !codes.has(key);
  };
  const links: Links = { lookup, broken, problems };
  for (const r of rows) {
    linkWeightBy(r, links);
    linkRatio(r, links);
  }
}

/** The rows by code; a second row of a code is reported at its code. */
function uniqueCodes(rows: IndicatorRow[], problems: Problems): Map<string, IndicatorRow> {
  const byKey = new Map<string, IndicatorRow>();
  for (const r of rows) {
    const key = normaliseKey(r.indicator.code);
    const first = byKey.get(key);
    if (first) {
      const code = r.indicator.code;
      problems.at(r.refs.code, WHY.duplicateCode(code, first.refs.code?.address), code);
    } else {
      byKey.set(key, r);
    }
  }
  return byKey;
}

/** How a row's cells naming other indicators are resolved. */
interface Links {
  /** The code of the indicator a cell names, or null when it names none of the sheet. */
  lookup(ref: Ref | undefined): string | null;
  /** The cell names an indicator whose row is broken (and reported there). */
  broken(ref: Ref | undefined): boolean;
  problems: Problems;
}

/** 加权依据: required for a weighted mean, another indicator of the sheet; no other kind takes one. */
function linkWeightBy(r: IndicatorRow, links: Links): void {
  const ind = r.indicator;
  const ref = r.refs.weightBy;
  const report = (at: Ref | undefined, reason: Message) => links.problems.at(at, reason, ind.code);
  const text = codeText(ref);
  if (ind.aggregation !== "weighted_mean") {
    if (text) report(ref, WHY.weightByUnused(ind.code));
    return;
  }
  const by = links.lookup(ref);
  if (!text) report(ref ?? r.refs.aggregation, WHY.weightByMissing(ind.code));
  else if (!by) {
    if (!links.broken(ref)) report(ref, WHY.weightByUnknown(ind.code, text));
  } else if (by === ind.code) report(ref, WHY.weightBySelf(ind.code));
  else ind.weightBy = by;
}

/** 比值分子/分母/系数: both parts indicators of the sheet, a factor other than 0 (1 when empty). */
function linkRatio(r: IndicatorRow, links: Links): void {
  const ind = r.indicator;
  const report = (at: Ref | undefined, reason: Message) => links.problems.at(at, reason, ind.code);
  const numText = codeText(r.refs.ratioNumerator);
  const denText = codeText(r.refs.ratioDenominator);
  if (!numText && !denText) {
    if (r.refs.ratioFactor?.text) report(r.refs.ratioFactor, WHY.ratioFactorAlone(ind.code));
    return;
  }
  const num = links.lookup(r.refs.ratioNumerator);
  const den = links.lookup(r.refs.ratioDenominator);
  for (const [text, code, ref] of [
    [numText, num, r.refs.ratioNumerator],
    [denText, den, r.refs.ratioDenominator],
  ] as const) {
    if (!text) report(ref ?? r.refs.code, WHY.ratioNeedsBoth(ind.code));
    else if (!code && !links.broken(ref)) report(ref, WHY.ratioUnknown(ind.code, text));
  }
  const factor = readPlain(r.refs.ratioFactor, CATALOGUE_WHAT.ratioFactor(ind.code));
  if (!factor.ok) report(r.refs.ratioFactor, factor.reason);
  else if (factor.value === 0) report(r.refs.ratioFactor, WHY.ratioFactorZero(ind.code));
  if (num && den && factor.ok && factor.value !== 0)
    ind.ratio = { numerator: num, denominator: den, factor: factor.value ?? 1 };
}
