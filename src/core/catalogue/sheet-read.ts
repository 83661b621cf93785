/**
 * Reading the 指标规则 sheet back into a catalogue. The sheet is checked first: every problem is a
 * `catalogue_invalid` finding on its cell, and a sheet with any problem gives no catalogue at all —
 * nothing is scored against rules that are half wrong.
 *
 * Reading is tolerant of what people do to a sheet: blocks and columns found by their headers in any
 * order, blank and title rows skipped, full-width digits, "3%" typed as text, dates as text or dates.
 */
import { type SheetGrid, cellAddress, cellText } from "../model/cells";
import type { Catalogue, UnitEntry } from "../model/catalogue";
import type { Finding } from "../model/results";

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
  fieldOfHeader,
  settingOf,
  valueOfWord,
  type Block,
  type SettingKey,
} from "./sheet-layout";

import { IndicatorRow, readIndicators, crossCheck } from "./sheet-indicators";
import {
  Ref,
  FoundBlock,
  msg,
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

function readReferences(
  grid: SheetGrid,
  found: FoundBlock<string>,
  rows: IndicatorRow[],
  known: Set<string>,
  problems: Problems
): void {
  const byKey = new Map(rows.map((r) => [normaliseKey(r.indicator.code), r.indicator]));
  const seen = new Map<string, string>();
  for (const r of found.rows) {
    const code = refAt(grid, r, found.columns.code);
    const year = refAt(grid, r, found.columns.year);
    const value = refAt(grid, r, found.columns.value);
    if (!code?.text && !year?.text && !value?.text) continue;
    const text = codeText(code);
    const ind = text ? byKey.get(normaliseKey(text)) : undefined;
    if (!ind) {
      if (text && known.has(normaliseKey(text))) continue; // its indicator row is broken, and reported
      problems.at(
        code,
        text
          ? msg(
              `参考值的编码“${text}”不是本表中的指标编码`,
              `the reference code "${text}" is not a code of this sheet`
            )
          : msg(`第 ${r + 1} 行的参考值没有编码`, `the reference value in row ${r + 1} has no code`)
      );
      continue;
    }
    const y = /^(\d{4})\s*年?度?$/.exec(removeSpaces(foldWidth(year?.text ?? "")));
    const yearNumber = y ? Number(y[1]) : NaN;
    if (!(yearNumber >= 1900 && yearNumber <= 2200)) {
      problems.at(
        year,
        msg(
          `${ind.code} 的参考值年份“${year?.text ?? ""}”不是年份（如 2022）`,
          `the reference year "${year?.text ?? ""}" of ${ind.code} is not a year (e.g. 2022)`
        ),
        ind.code
      );
      continue;
    }
    const v = readQuantity(value, ind.unit, {
      zh: `${ind.code} ${yearNumber} 年的参考值`,
      en: `reference value of ${ind.code} for ${yearNumber}`,
    });
    if (!v.ok) {
      problems.at(value, v.reason, ind.code);
      continue;
    }
    if (v.value === null) {
      problems.at(
        value,
        msg(
          `${ind.code} ${yearNumber} 年的参考值为空`,
          `the reference value of ${ind.code} for ${yearNumber} is empty`
        ),
        ind.code
      );
      continue;
    }
    const key = `${ind.code}\u0000${yearNumber}`;
    if (seen.has(key)) {
      problems.at(
        year,
        msg(
          `${ind.code} ${yearNumber} 年的参考值重复（另见 ${seen.get(key)}）`,
          `the reference value of ${ind.code} for ${yearNumber} is given twice (also at ${seen.get(key)})`
        ),
        ind.code
      );
      continue;
    }
    seen.set(key, year!.address);
    ind.reference = { ...(ind.reference ?? {}), [yearNumber]: v.value };
  }
}

/** The unit rows that read cleanly; `listed` collects every name written, broken rows included. */
function readUnits(
  grid: SheetGrid,
  found: FoundBlock<string>,
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
      problems.at(
        nameRef ?? kindRef,
        msg(`第 ${r + 1} 行的单位没有名称`, `the unit in row ${r + 1} has no name`)
      );
      continue;
    }
    listed.add(unitKey(name));
    const kind = valueOfWord(UNIT_KIND_WORDS, kindRef?.text ?? "");
    if (!kind) {
      problems.at(
        kindRef ?? nameRef,
        msg(
          `单位“${name}”的类型“${kindRef?.text ?? ""}”无法识别（可选：${UNIT_KIND_WORDS.map((k) => k.zh).join("、")}）`,
          `the kind "${kindRef?.text ?? ""}" of the unit ${name} is not known (bureau, township, street or other)`
        )
      );
      continue;
    }
    const key = unitKey(name);
    if (seen.has(key)) {
      problems.at(
        nameRef,
        msg(
          `单位“${name}”重复（另见 ${seen.get(key)}）`,
          `the unit ${name} is listed twice (also at ${seen.get(key)})`
        )
      );
      continue;
    }
    seen.set(key, nameRef!.address);
    units.push({ name, kind });
  }
  return units;
}

function readSettings(
  grid: SheetGrid,
  found: FoundBlock<string>,
  problems: Problems
): Partial<Record<SettingKey, number>> {
  const values: Partial<Record<SettingKey, number>> = {};
  const refs: Partial<Record<SettingKey, Ref>> = {};
  for (const r of found.rows) {
    const param = refAt(grid, r, found.columns.parameter);
    const value = refAt(grid, r, found.columns.value);
    if (!param?.text && !value?.text) continue;
    const key = param?.text ? settingOf(param.text) : null;
    if (!key) {
      problems.at(
        param ?? value,
        msg(
          `参数“${param?.text ?? ""}”无法识别（可选：${SETTINGS.map((s) => s.zh).join("、")}）`,
          `the setting "${param?.text ?? ""}" is not known (${SETTINGS.map((s) => s.en).join(", ")})`
        )
      );
      continue;
    }
    const setting = SETTINGS.find((s) => s.key === key)!;
    if (refs[key]) {
      problems.at(
        param,
        msg(
          `参数“${setting.zh}”重复（另见 ${refs[key]!.address}）`,
          `the setting ${setting.en} is given twice (also at ${refs[key]!.address})`
        )
      );
      continue;
    }
    refs[key] = value;
    const what = { zh: setting.zh, en: setting.en };
    if (key === "dueDays") {
      const v = readPlain(value, what);
      if (!v.ok) problems.at(value, v.reason);
      else if (v.value === null || !Number.isInteger(v.value) || v.value < 0) {
        problems.at(
          value,
          msg(
            `报送期限须为不小于 0 的整数天数`,
            "the due days must be a whole number of days, 0 or more"
          )
        );
      } else values.dueDays = v.value;
    } else {
      const v = readRate(value, what);
      if (!v.ok) problems.at(value, v.reason);
      else if (v.value === null || v.value < 0 || v.value >= 1) {
        problems.at(
          value,
          msg(
            `${setting.zh}须为 0% 到 100% 之间的百分数，如 10%`,
            `the ${setting.en} must be a percent from 0% to below 100%, e.g. 10%`
          )
        );
      } else values[key] = v.value;
    }
  }
  for (const s of SETTINGS) {
    if (values[s.key] === undefined && !refs[s.key]) {
      problems.at(
        { address: cellAddress(found.headerRow, found.columns.parameter ?? 0) },
        msg(`缺少参数“${s.zh}”`, `the setting ${s.en} is missing`)
      );
    }
  }
  if (
    values.onTrack !== undefined &&
    values.lagging !== undefined &&
    values.onTrack > values.lagging
  ) {
    problems.at(
      refs.lagging,
      msg(
        "滞后容差不能小于序时推进容差",
        "the lagging tolerance cannot be below the on-track tolerance"
      )
    );
  }
  return values;
}

/** The catalogue a 指标规则 sheet holds, or its problems. */
export function catalogueFromGrid(grid: SheetGrid): CatalogueRead {
  const problems = new Problems(grid.name);
  const blocks = findBlocks(grid);
  const of = <F extends string>(block: Block<F>) =>
    blocks.filter((b) => b.block === (block as Block<string>)) as unknown as FoundBlock<F>[];

  const required: [Block<string>, string][] = [
    [INDICATOR_BLOCK as Block<string>, "指标表（表头须有“编码”和“指标名称”）"],
    [SETTING_BLOCK as Block<string>, "状态容差与报送期限（表头须有“参数”和“数值”）"],
    [UNIT_BLOCK as Block<string>, "单位名单（表头须有“单位名称”和“单位类型”）"],
  ];
  for (const [block, zh] of required) {
    if (!blocks.some((b) => b.block === block)) {
      problems.at(
        undefined,
        msg(`找不到${zh}`, `the block ${block.title} (with its header row) is missing`)
      );
    }
  }
  for (const b of blocks) requireColumns(b, problems);
  if (problems.findings.length) return { catalogue: null, findings: problems.findings };

  const known = new Set<string>();
  const rows = of(INDICATOR_BLOCK).flatMap((b) => readIndicators(grid, b, problems, known));
  if (!rows.length && !problems.findings.length) {
    problems.at(
      { address: cellAddress(of(INDICATOR_BLOCK)[0].headerRow, 0) },
      msg("指标表中没有任何指标", "the indicator table holds no indicator")
    );
  }
  crossCheck(rows, known, problems);
  for (const b of of(REFERENCE_BLOCK))
    readReferences(grid, b as FoundBlock<string>, rows, known, problems);
  const listed = new Set<string>();
  const units = of(UNIT_BLOCK).flatMap((b) =>
    readUnits(grid, b as FoundBlock<string>, problems, listed)
  );
  const settings: Partial<Record<SettingKey, number>> = {};
  for (const b of of(SETTING_BLOCK))
    Object.assign(settings, readSettings(grid, b as FoundBlock<string>, problems));

  // Every owner is a unit of the list, so templates and consolidation know it.
  for (const r of rows) {
    if (!listed.has(unitKey(r.indicator.owner))) {
      problems.at(
        r.refs.owner,
        msg(
          `责任单位“${r.indicator.owner}”不在单位名单中，请在【单位名单】中补充`,
          `the responsible unit ${r.indicator.owner} is not in the unit list; add it there`
        ),
        r.indicator.code
      );
    }
  }

  if (problems.findings.length) return { catalogue: null, findings: problems.findings };
  const content = {
    indicators: rows.map((r) => r.indicator),
    units,
    tolerances: { onTrack: settings.onTrack!, lagging: settings.lagging! },
    dueDays: settings.dueDays!,
  };
  return { catalogue: { version: catalogueVersion(content), ...content }, findings: [] };
}
