/**
 * Text normalisation shared by every matcher in the reader: header names, indicator names,
 * unit names and typed values all go through these before they are compared.
 */

import { memoText } from "../util/memo";

/** Full-width ASCII block U+FF01..U+FF5E maps onto U+0021..U+007E by a fixed offset. */
const FULL_WIDTH_OFFSET = 0xfee0;

const FOLDABLE = /[\uff01-\uff5e\u3000]/;

/**
 * Full-width ASCII letters, digits and punctuation (Ａ１（：％ …) become their half-width
 * forms, and the ideographic space U+3000 becomes a plain space. Everything else is kept.
 */
export function foldWidth(s: string): string {
  // Most text has nothing to fold: skip the character loop (a hot path when reading big sheets).
  if (!FOLDABLE.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Whitespace in any width, including no-break and zero-width spaces that pasted text carries. */
const ANY_SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/** Removes every kind of whitespace. */
export function removeSpaces(s: string): string {
  return s.replace(ANY_SPACE, "");
}

/** Trims and collapses inner runs of whitespace to one plain space. */
export function collapseSpaces(s: string): string {
  return s.replace(ANY_SPACE, " ").trim();
}

/**
 * The key two names are compared by: widths folded, lower case, no whitespace, every bracket
 * pair written as (), a trailing colon dropped. "指标名称：" and "指 标 名 称" give the same key;
 * so do "院士（专家）工作站" and "院士【专家】工作站".
 */
export const normaliseKey = memoText(normaliseKeyText);

function normaliseKeyText(s: string): string {
  return removeSpaces(foldWidth(s))
    .toLowerCase()
    .replace(/[[【〔〖]/g, "(")
    .replace(/[\]】〕〗]/g, ")")
    .replace(/[:：]+$/, "");
}
