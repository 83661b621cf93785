/** Finding a sheet row's indicator in the catalogue, and matching unit names. */
import type { Catalogue, Indicator } from "../model/catalogue";
import { normaliseKey } from "./text";
import { memoText } from "../util/memo";

export interface IndicatorIndex {
  byCode: Map<string, Indicator>;
  byName: Map<string, Indicator>;
  get(code: string): Indicator | undefined;
}

/**
 * The key a name is indexed and looked up by: "规上企业" is how everyone writes "规模以上企业", and
 * quotation marks around a term ("“R&D”经费投入强度") say nothing about which indicator it is.
 */
function nameKey(text: string): string {
  return normaliseKey(text)
    .replace(/规上/g, "规模以上")
    .replace(/["'“”‘’「」『』]/g, "");
}

/** Names are compared without spaces, brackets folded and width folded; a trailing "(单位)" is ignored too. */
function nameKeys(text: string): string[] {
  const key = nameKey(text);
  // "优质青稞种植面积(亩)": drop a trailing bracketed unit.
  const stripBracket = (k: string) => k.replace(/\([^()]*\)$/, "");
  // "1.R&D经费投入强度" / "(一)…" / "1、…" / "①…" / "★…": drop a leading list number or mark.
  const stripNumber = (k: string) =>
    k.replace(
      /^(\(?[0-9一二三四五六七八九十]+[).、.．]|[0-9]+\s|[\u2460-\u2473\u2776-\u277f]|[★☆*※▲△●○◆◇■□])/,
      ""
    );
  const bare = stripBracket(stripNumber(key));
  // "研究与试验发展(R&D)经费投入强度": a note in brackets inside the name.
  const noNotes = bare.replace(/\([^()]*\)/g, "");
  const keys = [key, stripBracket(key), stripNumber(key), bare, noNotes].filter(Boolean);
  return Array.from(new Set(keys));
}

export function indexCatalogue(catalogue: Catalogue): IndicatorIndex {
  const byCode = new Map<string, Indicator>();
  const byName = new Map<string, Indicator>();
  for (const ind of catalogue.indicators) {
    byCode.set(normaliseKey(ind.code), ind);
    for (const n of [ind.name, ...ind.aliases]) {
      const k = nameKey(n);
      if (k && !byName.has(k)) byName.set(k, ind);
    }
  }
  return { byCode, byName, get: (code) => byCode.get(normaliseKey(code)) };
}

/** Code first, then the name or an alias, then a name that contains exactly one known name. */
export function matchIndicator(
  index: IndicatorIndex,
  code: string,
  name: string
): Indicator | undefined {
  if (code) {
    const hit = index.byCode.get(normaliseKey(code));
    if (hit) return hit;
  }
  return name ? nameMatcher(index)(name) : undefined;
}

/**
 * The same names come back on every unit's sheet (and twice per row: the reader asks whether a
 * name is an indicator, the validator which one), so each index remembers its answer per name.
 */
const nameMatchers = new WeakMap<IndicatorIndex, (name: string) => Indicator | undefined>();

function nameMatcher(index: IndicatorIndex): (name: string) => Indicator | undefined {
  let match = nameMatchers.get(index);
  if (!match) {
    match = memoText((name) => matchName(index, name));
    nameMatchers.set(index, match);
  }
  return match;
}

function matchName(index: IndicatorIndex, name: string): Indicator | undefined {
  const keys = nameKeys(name);
  for (const k of keys) {
    const hit = index.byName.get(k);
    if (hit) return hit;
  }
  // A name of nothing but marks ("“”") has no key at all.
  return keys.length ? containedName(index, keys[keys.length - 1]) : undefined;
}

/** Known names shorter than this are too common to be found inside other text (人口, GDP). */
const MIN_CONTAINED = 4;

/**
 * "全市R&D经费投入强度" or "规模以上工业企业R&D经费支出": the longest known name inside the text,
 * unless another indicator's name stands beside it (then the row is ambiguous and not matched).
 */
function containedName(index: IndicatorIndex, key: string): Indicator | undefined {
  const found: { k: string; ind: Indicator }[] = [];
  for (const [k, ind] of index.byName) {
    if (k.length >= MIN_CONTAINED && key.includes(k)) found.push({ k, ind });
  }
  if (!found.length) return undefined;
  const best = found.reduce((a, b) => (b.k.length > a.k.length ? b : a));
  // Another indicator's name beside it (not inside it) makes the row ambiguous: "犏雌牛存栏和藏羊存栏".
  const ambiguous = found.some((f) => f.ind !== best.ind && !best.k.includes(f.k));
  return ambiguous ? undefined : best.ind;
}

/** Unit names match after dropping a leading 合作市 and spaces (合作市科技局 = 市科技局). */
export const unitKey = memoText(unitKeyText);

/**
 * Official full names and their usual short forms (合作市科学技术局 = 市科技局): the naming of Chinese
 * government offices, not of this plan, so it lives here rather than in the catalogue.
 */
const OFFICE_SHORT_FORMS: [RegExp, string][] = [
  [/科学技术局$/, "科技局"],
  [/科学技术协会$/, "科协"],
  [/工业和信息化局$/, "工信局"],
  [/市场监督管理局$/, "市场监管局"],
  [/发展和改革局$/, "发展改革局"],
  [/人力资源和社会保障局$/, "人社局"],
  [/文化体育广电和旅游局$/, "文体广电和旅游局"],
  [/生态产业园区管理委员会$/, "生态产业园区管委会"],
];

function unitKeyText(name: string): string {
  let k = normaliseKey(name);
  // "科技局(盖章)", "那吾镇人民政府", "当周街道办事处": the seal note and the office's title name the same unit.
  k = k.replace(/\([^()]*\)$/, "").replace(/(人民政府|政府|办事处)$/, "");
  for (const [full, short] of OFFICE_SHORT_FORMS) k = k.replace(full, short);
  // "合作市科技局" is "市科技局"; then both lose the one leading 市, so that "合作市市场监管局" and
  // "市市场监管局" meet, and the 市 of 市场 survives.
  k = k.replace(/^(甘南州|甘南藏族自治州)?合作市/, "市");
  k = k.replace(/^市/, "");
  return k;
}

export function sameUnit(a: string, b: string): boolean {
  return unitKey(a) !== "" && unitKey(a) === unitKey(b);
}

/** The catalogue's spelling of a unit name, when it knows the unit. */
export function canonicalUnitName(catalogue: Catalogue, name: string): string | undefined {
  const k = unitKey(name);
  return catalogue.units.find((u) => unitKey(u.name) === k)?.name;
}
