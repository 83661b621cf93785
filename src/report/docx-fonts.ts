/**
 * The bulletin's fonts (docs/bulletin.md). Runs name the fonts of Chinese official documents —
 * 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体 — for East Asian text and Times New Roman for
 * Latin letters and figures. The document's font table (written here, in place of the `docx`
 * package's empty one) gives each its alternative name (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
 * 方正小标宋简体 → 宋体), its character set (GB2312) and family, so that Word and WPS use the named
 * font where installed and fall back to the alternative, or a font of the same kind, where not.
 */
import type { IFontAttributesProperties } from "docx";

export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  hei: "黑体",
  kai: "楷体_GB2312",
  song: "宋体",
} as const;

const LATIN = "Times New Roman";

/** A run's fonts: the named one for Chinese (and for ambiguous marks such as “” and —), Times New Roman for the rest. */
export function runFont(eastAsia: string): IFontAttributesProperties {
  // Page numbers are 半角宋体 figures (GB/T 9704 7.5): 宋体 for every script.
  const latin = eastAsia === FONTS.song ? FONTS.song : LATIN;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: "eastAsia" };
}

interface FontEntry {
  name: string;
  altName?: string;
  panose?: string;
  /** 86: GB2312; 00: ANSI. */
  charset: string;
  family: "roman" | "modern" | "swiss" | "script" | "auto";
  pitch: "fixed" | "variable";
}

const ENTRIES: FontEntry[] = [
  {
    name: LATIN,
    panose: "02020603050405020304",
    charset: "00",
    family: "roman",
    pitch: "variable",
  },
  {
    name: FONTS.body,
    altName: "仿宋",
    panose: "02010609030101010101",
    charset: "86",
    family: "modern",
    pitch: "fixed",
  },
  {
    name: "仿宋",
    altName: "FangSong",
    panose: "02010609060101010101",
    charset: "86",
    family: "modern",
    pitch: "fixed",
  },
  { name: FONTS.title, altName: "宋体", charset: "86", family: "auto", pitch: "variable" },
  {
    name: FONTS.hei,
    altName: "SimHei",
    panose: "02010609060101010101",
    charset: "86",
    family: "modern",
    pitch: "fixed",
  },
  {
    name: FONTS.kai,
    altName: "楷体",
    panose: "02010609030101010101",
    charset: "86",
    family: "modern",
    pitch: "fixed",
  },
  {
    name: "楷体",
    altName: "KaiTi",
    panose: "02010609060101010101",
    charset: "86",
    family: "modern",
    pitch: "fixed",
  },
  {
    name: FONTS.song,
    altName: "SimSun",
    panose: "02010600030101010101",
    charset: "86",
    family: "auto",
    pitch: "variable",
  },
];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function entryXml(f: FontEntry): string {
  return (
    `<w:font w:name="${esc(f.name)}">` +
    (f.altName ? `<w:altName w:val="${esc(f.altName)}"/>` : "") +
    (f.panose ? `<w:panose1 w:val="${f.panose}"/>` : "") +
    `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
  );
}

/** word/fontTable.xml with the entries above (docx's Packer takes it as an override of its own). */
export function fontTableOverride(): { path: string; data: string } {
  return {
    path: "word/fontTable.xml",
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `${ENTRIES.map(entryXml).join("")}</w:fonts>`,
  };
}
