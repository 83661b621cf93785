/** Finding a sheet row's indicator in the catalogue, and matching unit names. */
import type { Catalogue, Indicator } from '../model/catalogue';
import { normaliseKey } from '../read/text';
import { memoText } from '../util/memo';

export interface IndicatorIndex {
  byCode: Map<string, Indicator>;
  byName: Map<string, Indicator>;
  get(code: string): Indicator | undefined;
}

/** Names are compared without spaces, brackets folded and width folded; a trailing "(单位)" is ignored too. */
function nameKeys(text: string): string[] {
  const key = normaliseKey(text);
  const keys = [key];
  // "优质青稞种植面积(亩)": drop a trailing bracketed unit.
  const stripped = key.replace(/\([^()]*\)$/, '');
  if (stripped && stripped !== key) keys.push(stripped);
  // "1.R&D经费投入强度" / "(一)…" / "1、…": drop a leading list number.
  const unnumbered = key.replace(/^(\(?[0-9一二三四五六七八九十]+[).、.．]|[0-9]+\s)/, '');
  if (unnumbered && unnumbered !== key) keys.push(unnumbered);
  return keys;
}

export function indexCatalogue(catalogue: Catalogue): IndicatorIndex {
  const byCode = new Map<string, Indicator>();
  const byName = new Map<string, Indicator>();
  for (const ind of catalogue.indicators) {
    byCode.set(normaliseKey(ind.code), ind);
    for (const n of [ind.name, ...ind.aliases]) {
      const k = normaliseKey(n);
      if (k && !byName.has(k)) byName.set(k, ind);
    }
  }
  return { byCode, byName, get: (code) => byCode.get(normaliseKey(code)) };
}

/** Code first, then the name or an alias. */
export function matchIndicator(index: IndicatorIndex, code: string, name: string): Indicator | undefined {
  if (code) {
    const hit = index.byCode.get(normaliseKey(code));
    if (hit) return hit;
  }
  if (name) {
    for (const k of nameKeys(name)) {
      const hit = index.byName.get(k);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Unit names match after dropping a leading 合作市 and spaces (合作市科技局 = 市科技局). */
export const unitKey = memoText(unitKeyText);

function unitKeyText(name: string): string {
  let k = normaliseKey(name);
  k = k.replace(/^甘南州?合作市/, '').replace(/^合作市/, '');
  // "合作市科技局" → "科技局"; "市科技局" → "科技局": both sides lose the leading 市.
  k = k.replace(/^市/, '');
  // "科技局(盖章)", "那吾镇人民政府", "当周街道办事处": the seal note and the office's title name the same unit.
  k = k.replace(/\([^()]*\)$/, '').replace(/(人民政府|政府|办事处)$/, '');
  return k;
}

export function sameUnit(a: string, b: string): boolean {
  return unitKey(a) !== '' && unitKey(a) === unitKey(b);
}

/** The catalogue's spelling of a unit name, when it knows the unit. */
export function canonicalUnitName(catalogue: Catalogue, name: string): string | undefined {
  const k = unitKey(name);
  return catalogue.units.find((u) => unitKey(u.name) === k)?.name;
}
