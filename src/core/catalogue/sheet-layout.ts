/**
 * The layout of the 指标规则 sheet, shared by the writer and the reader: its blocks, columns and
 * words (i18n/rules-sheet-vocabulary.ts, re-exported here), and how a header or a cell is matched to
 * them. The reader accepts every word listed there, and the codes themselves.
 */
import { normaliseKey } from "../read/text";
import type { Choices } from "../i18n/catalogue-messages";
import { SHEET_NAME } from "../i18n/sheet-names";
import {
  NO_WORDS,
  SETTINGS,
  YES_WORDS,
  type Block,
  type Column,
  type SettingKey,
  type Word,
} from "../i18n/rules-sheet-vocabulary";

export {
  AGGREGATION_WORDS,
  BLOCKS,
  INDICATOR_BLOCK,
  KIND_WORDS,
  MEASURE_WORDS,
  NO,
  REFERENCE_BLOCK,
  SETTINGS,
  SETTING_BLOCK,
  UNIT_BLOCK,
  UNIT_KIND_WORDS,
  YES,
  type Block,
  type Column,
  type IndicatorField,
  type ReferenceField,
  type SettingField,
  type SettingKey,
  type UnitField,
  type Word,
} from "../i18n/rules-sheet-vocabulary";

export const RULES_SHEET = SHEET_NAME.rules;

/** The written word for a coded value. */
export function wordFor<T extends string>(words: Word<T>[], value: T): string {
  return words.find((w) => w.value === value)?.zh ?? value;
}

/** The coded values a message offers: the words written, and the codes. */
export function choicesOf<T extends string>(words: Word<T>[]): Choices {
  return { zh: words.map((w) => w.zh), en: words.map((w) => w.value) };
}

/** The coded value a cell names: its code, its word, or one of the other words; null when none. */
export function valueOfWord<T extends string>(words: Word<T>[], text: string): T | null {
  const key = normaliseKey(text);
  if (!key) return null;
  const bare = key.replace(/\([^()]*\)/g, "");
  for (const w of words) {
    const names = [w.value, w.zh, ...w.also].map(normaliseKey);
    if (names.includes(key)) return w.value;
    if (bare && names.map((n) => n.replace(/\([^()]*\)/g, "")).includes(bare)) return w.value;
  }
  return null;
}

/** true for 是/√/yes/1, false for 否/×/no/0 and empty, null for anything else. */
export function yesNo(text: string): boolean | null {
  const key = normaliseKey(text);
  if (key === "") return false;
  if (YES_WORDS.includes(key)) return true;
  if (NO_WORDS.includes(key)) return false;
  return null;
}

/** The header text written: Chinese, then English on a second line. */
export function headerText(c: Column<string>): string {
  return `${c.zh}\n${c.en}`;
}

/** The field a header cell names, in this block; each line of the cell is tried. */
export function fieldOfHeader<F extends string>(block: Block<F>, text: string): F | null {
  const lines = text
    .split(/[\r\n]+|\s+\/\s+/)
    .map((l) => normaliseKey(l))
    .filter(Boolean);
  for (const line of lines) {
    const bare = line.replace(/\([^()]*\)/g, "");
    for (const c of block.columns) {
      const names = [c.zh, c.en, ...(c.also ?? [])].map(normaliseKey);
      if (names.includes(line) || (bare && names.includes(bare))) return c.field;
    }
  }
  return null;
}

/** The setting a 参数 cell names (by its first line), or null. */
export function settingOf(text: string): SettingKey | null {
  const first = text.split(/[\r\n]+|\s+\/\s+/)[0] ?? "";
  const key = normaliseKey(first);
  const bare = key.replace(/\([^()]*\)/g, "");
  for (const s of SETTINGS) {
    const names = [s.zh, s.en, ...s.also].map(normaliseKey);
    if (names.includes(key) || names.map((n) => n.replace(/\([^()]*\)/g, "")).includes(bare))
      return s.key;
  }
  return null;
}
