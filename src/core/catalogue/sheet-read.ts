/**
 * Reading the 指标规则 sheet back into a catalogue. The sheet is checked first: every problem is a
 * `catalogue_invalid` finding on its cell, and a sheet with any problem gives no catalogue at all —
 * nothing is scored against rules that are half wrong.
 *
 * Reading is tolerant of what people do to a sheet: blocks and columns found by their headers in any
 * order, blank and title rows skipped, full-width digits, "3%" typed as text, dates as text or dates.
 */
import { type SheetGrid, cellAddress, cellText } from "../model/cells";
import type { Catalogue, Indicator, UnitEntry } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { Message } from "../i18n/messages";
import {
  CATALOGUE_BLOCK,
  CATALOGUE_INDICATOR as WHY_IND,
  CATALOGUE_REFERENCE as WHY_REF,
  CATALOGUE_SETTING as WHY_SETTING,
  CATALOGUE_UNIT as WHY_UNIT,
  CATALOGUE_WHAT,
  type Choices,
} from "../i18n/catalogue-messages";
import { collapseSpaces, foldWidth, normaliseKey, removeSpaces } from "../read/text";
import { unitKey } from "../read/match";
import { catalogueVersion } from "./version";
import {
  BLOCKS,
  INDICATOR_BLOCK,
  REFERENCE_BLOCK,
  SETTINGS,
  SETTING_BLOCK,
  UNIT_BLOCK,
  UNIT_KIND_WORDS,
  choicesOf,
  fieldOfHeader,
  settingOf,
  valueOfWord,
  type Block,
  type ReferenceField,
  type SettingField,
  type SettingKey,
  type UnitField,
} from "./sheet-layout";

import { IndicatorRow, readIndicators, crossCheck } from "./sheet-indicators";
import {
  Ref,
  FoundBlock,
  Problems,
  refAt,
  readQuantity,
  readRate,
  readPlain,
  codeText,
  requireColumns,
} from "./sheet-cells";

export interface CatalogueRead {
  /** Null when the sheet has any problem. */
  catalogue: Catalogue | null;
  findings: Finding[];
}

function rowTexts(grid: SheetGrid, row: number): string[] {
  return (grid.rows[row] ?? []).map((c) => cellText(c));
}

/** A title (【…】) or a note row: one filled cell, never data. */
function isTitleOrNote(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length !== 1) return false;
  const t = foldWidth(filled[0]).trim();
  return /^[【[]/.test(t) || /^(注|说明|备注|填表说明)\s*[:：0-9一二三.、]/.test(t);
}

function matchHeader(texts: string[]): FoundBlock<string> | null {
  for (const block of BLOCKS as readonly Block<string>[]) {
    const columns: Partial<Record<string, number>> = {};
    texts.forEach((t, c) => {
      if (!t) return;
      const field = fieldOfHeader(block, t);
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (block.signature.every((f) => columns[f] !== undefined))
      return { block, headerRow: -1, columns, rows: [] };
  }
  return null;
}

function findBlocks(grid: SheetGrid): FoundBlock<string>[] {
  const found: FoundBlock<string>[] = [];
  let current: FoundBlock<string> | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const texts = rowTexts(grid, r);
    if (!texts.some(Boolean)) continue;
    const header = matchHeader(texts);
    if (header) {
      current = { ...header, headerRow: r };
      found.push(current);
      continue;
    }
    if (isTitleOrNote(texts)) continue;
    current?.rows.push(r);
  }
  return found;
}

/** Reference values by year: each of an indicator of the sheet, once per year. */
function readReferences(
  grid: SheetGrid,
  found: FoundBlock<ReferenceField>,
  rows: IndicatorRow[],
  known: Set<string>,
  problems: Problems
): void {
  const byKey = new Map(rows.map((r) => [normaliseKey(r.indicator.code), r.indicator]));
  const seen = new Map<string, string>();
  for (const r of found.rows) {
    const cells = {
      code: refAt(grid, r, found.columns.code),
      year: refAt(grid, r, found.columns.year),
      value: refAt(grid, r, found.columns.value),
    };
    if (!cells.code?.text && !cells.year?.text && !cells.value?.text) continue;
    const text = codeText(cells.code);
    const ind = text ? byKey.get(normaliseKey(text)) : undefined;
    if (ind) readReference(ind, cells, seen, problems);
    // A code of a broken indicator row is reported there.
    else if (!text || !known.has(normaliseKey(text)))
      problems.at(cells.code, text ? WHY_REF.unknownCode(text) : WHY_REF.noCode(r));
  }
}

/** One reference value of `ind`; `seen` holds the cell of each indicator's year already given. */
function readReference(
  ind: Indicator,
  cells: { year: Ref | undefined; value: Ref | undefined },
  seen: Map<string, string>,
  problems: Problems
): void {
  const { year, value } = cells;
  const y = /^(\d{4})\s*年?度?$/.exec(removeSpaces(foldWidth(year?.text ?? "")));
  const yearNumber = y ? Number(y[1]) : NaN;
  if (!(yearNumber >= 1900 && yearNumber <= 2200))
    return problems.at(year, WHY_REF.notYear(ind.code, year?.text ?? ""), ind.code);
  const v = readQuantity(value, ind.unit, CATALOGUE_WHAT.reference(ind.code, yearNumber));
  if (!v.ok) return problems.at(value, v.reason, ind.code);
  if (v.value === null) return problems.at(value, WHY_REF.empty(ind.code, yearNumber), ind.code);
  const key = `${ind.code}\u0000${yearNumber}`;
  if (seen.has(key))
    return problems.at(year, WHY_REF.twice(ind.code, yearNumber, seen.get(key)), ind.code);
  seen.set(key, year!.address);
  ind.reference = { ...(ind.reference ?? {}), [yearNumber]: v.value };
}

/** The unit rows that read cleanly; `listed` collects every name written, broken rows included. */
function readUnits(
  grid: SheetGrid,
  found: FoundBlock<UnitField>,
  problems: Problems,
  listed: Set<string>
): UnitEntry[] {
  const units: UnitEntry[] = [];
  const seen = new Map<string, string>();
  for (const r of found.rows) {
    const nameRef = refAt(grid, r, found.columns.name);
    const kindRef = refAt(grid, r, found.columns.kind);
    const name = nameRef ? collapseSpaces(nameRef.text) : "";
    if (!name && !kindRef?.text) continue;
    if (!name) {
      problems.at(nameRef ?? kindRef, WHY_UNIT.noName(r));
      continue;
    }
    listed.add(unitKey(name));
    const kind = valueOfWord(UNIT_KIND_WORDS, kindRef?.text ?? "");
    if (!kind) {
      problems.at(
        kindRef ?? nameRef,
        WHY_UNIT.unknownKind(name, kindRef?.text ?? "", choicesOf(UNIT_KIND_WORDS))
      );
      continue;
    }
    const key = unitKey(name);
    if (seen.has(key)) {
      problems.at(nameRef, WHY_UNIT.twice(name, seen.get(key)));
      continue;
    }
    seen.set(key, nameRef!.address);
    units.push({ name, kind });
  }
  return units;
}

/** The status tolerances and due days: each setting once, all of them, lagging not below on-track. */
function readSettings(
  grid: SheetGrid,
  found: FoundBlock<SettingField>,
  problems: Problems
): Partial<Record<SettingKey, number>> {
  const values: Partial<Record<SettingKey, number>> = {};
  const refs: Partial<Record<SettingKey, Ref>> = {};
  for (const r of found.rows) {
    const param = refAt(grid, r, found.columns.parameter);
    const value = refAt(grid, r, found.columns.value);
    if (!param?.text && !value?.text) continue;
    const key = param?.text ? settingOf(param.text) : null;
    const setting = SETTINGS.find((s) => s.key === key);
    if (!key || !setting) {
      problems.at(param ?? value, WHY_SETTING.unknown(param?.text ?? "", choicesOfSettings()));
    } else if (refs[key]) {
      problems.at(param, WHY_SETTING.twice(setting, refs[key]!.address));
    } else {
      refs[key] = value;
      const v = readSetting(key, setting, value, problems);
      if (v !== null) values[key] = v;
    }
  }
  for (const s of SETTINGS) {
    if (values[s.key] === undefined && !refs[s.key]) {
      const header = { address: cellAddress(found.headerRow, found.columns.parameter ?? 0) };
      problems.at(header, WHY_SETTING.missing(s));
    }
  }
  const { onTrack, lagging } = values;
  if (onTrack !== undefined && lagging !== undefined && onTrack > lagging)
    problems.at(refs.lagging, WHY_SETTING.laggingBelowOnTrack());
  return values;
}

function choicesOfSettings(): Choices {
  return { zh: SETTINGS.map((s) => s.zh), en: SETTINGS.map((s) => s.en) };
}

/** The due days, a whole number of days; a tolerance, a percent below 100%. Null when reported. */
function readSetting(
  key: SettingKey,
  setting: Message,
  value: Ref | undefined,
  problems: Problems
): number | null {
  if (key === "dueDays") {
    const v = readPlain(value, setting);
    if (!v.ok) problems.at(value, v.reason);
    else if (v.value === null || !Number.isInteger(v.value) || v.value < 0)
      problems.at(value, WHY_SETTING.dueDays());
    else return v.value;
    return null;
  }
  const v = readRate(value, setting);
  if (!v.ok) problems.at(value, v.reason);
  else if (v.value === null || v.value < 0 || v.value >= 1)
    problems.at(value, WHY_SETTING.tolerance(setting));
  else return v.value;
  return null;
}

/** The catalogue a 指标规则 sheet holds, or its problems. */
export function catalogueFromGrid(grid: SheetGrid): CatalogueRead {
  const problems = new Problems(grid.name);
  const blocks = findBlocks(grid);
  requireBlocks(blocks, problems);
  if (problems.findings.length) return { catalogue: null, findings: problems.findings };

  const of = <F extends string>(block: Block<F>) =>
    blocks.filter((b) => b.block === (block as Block<string>)) as unknown as FoundBlock<F>[];
  const known = new Set<string>();
  const rows = of(INDICATOR_BLOCK).flatMap((b) => readIndicators(grid, b, problems, known));
  if (!rows.length && !problems.findings.length) {
    const header = { address: cellAddress(of(INDICATOR_BLOCK)[0].headerRow, 0) };
    problems.at(header, CATALOGUE_BLOCK.noIndicators());
  }
  crossCheck(rows, known, problems);
  for (const b of of(REFERENCE_BLOCK)) readReferences(grid, b, rows, known, problems);
  const listed = new Set<string>();
  const units = of(UNIT_BLOCK).flatMap((b) => readUnits(grid, b, problems, listed));
  const settings: Partial<Record<SettingKey, number>> = {};
  for (const b of of(SETTING_BLOCK)) Object.assign(settings, readSettings(grid, b, problems));
  requireOwnersListed(rows, listed, problems);

  if (problems.findings.length) return { catalogue: null, findings: problems.findings };
  const content = {
    indicators: rows.map((r) => r.indicator),
    units,
    tolerances: { onTrack: settings.onTrack!, lagging: settings.lagging! },
    dueDays: settings.dueDays!,
  };
  return { catalogue: { version: catalogueVersion(content), ...content }, findings: [] };
}

/** The indicators, the settings and the unit list must each be there, with their required columns. */
function requireBlocks(blocks: FoundBlock<string>[], problems: Problems): void {
  for (const block of [INDICATOR_BLOCK, SETTING_BLOCK, UNIT_BLOCK] as Block<string>[]) {
    if (!blocks.some((b) => b.block === block)) {
      const kind = block.kind as "indicators" | "settings" | "units";
      problems.at(undefined, CATALOGUE_BLOCK.missing(kind, block.title));
    }
  }
  for (const b of blocks) requireColumns(b, problems);
}

/** Every owner is a unit of the list, so templates and consolidation know it. */
function requireOwnersListed(rows: IndicatorRow[], listed: Set<string>, problems: Problems): void {
  for (const r of rows) {
    const owner = r.indicator.owner;
    if (!listed.has(unitKey(owner)))
      problems.at(r.refs.owner, WHY_IND.ownerNotListed(owner), r.indicator.code);
  }
}
