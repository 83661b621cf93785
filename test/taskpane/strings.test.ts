import * as fs from "fs";
import * as path from "path";
import { STRINGS, langFromTag, translate } from "../../src/taskpane/text/strings";
import type { StringKey } from "../../src/taskpane/text/strings";
import { findHardCodedText } from "./visible-text";

const PANE_DIR = path.resolve(__dirname, "../../src/taskpane");
const STRINGS_FILE = path.join(PANE_DIR, "text/strings.ts");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the string tables", () => {
  const zhKeys = Object.keys(STRINGS.zh).sort();
  const enKeys = Object.keys(STRINGS.en).sort();

  it("have the same keys in Chinese and English", () => {
    expect(zhKeys.length).toBeGreaterThan(0);
    expect(enKeys).toEqual(zhKeys);
  });

  it.each(zhKeys)("%s is non-empty in both languages, with the same placeholders", (key) => {
    const zh = STRINGS.zh[key as StringKey];
    const en = STRINGS.en[key as StringKey];
    expect(zh.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    expect(placeholders(en)).toEqual(placeholders(zh));
  });

  it("keeps the Chinese table Chinese and the English table free of Chinese, except the language switch", () => {
    const cjk = /[\u3400-\u9fff]/;
    const bilingual = new Set<string>(["switchLanguage"]);
    for (const key of zhKeys.filter((k) => !bilingual.has(k))) {
      expect([key, cjk.test(STRINGS.zh[key as StringKey])]).toEqual([key, true]);
      expect([key, cjk.test(STRINGS.en[key as StringKey])]).toEqual([key, false]);
    }
  });

  it("are all used by the pane", () => {
    const code = sourceFiles(PANE_DIR)
      .filter((f) => f !== STRINGS_FILE)
      .map((f) => fs.readFileSync(f, "utf8"))
      .join("\n");
    const unused = zhKeys.filter((key) => !new RegExp(`['"\`]${key}['"\`]`).test(code));
    expect(unused).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("zh", "openedFile", { name: "监测表.xlsx" })).toBe("已打开：监测表.xlsx");
    expect(translate("en", "openedFile", { name: "a.xlsx" })).toBe("Opened: a.xlsx");
    expect(translate("en", "openedFile", {})).toBe("Opened: {name}");
  });
});

describe("langFromTag", () => {
  it.each([
    ["en-US", "en"],
    ["en", "en"],
    ["EN-gb", "en"],
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["fr-FR", "zh"],
    ["", "zh"],
    [undefined, "zh"],
  ])("%s → %s", (tag, lang) => {
    expect(langFromTag(tag)).toBe(lang);
  });
});

describe("no text shown by the pane bypasses strings.ts", () => {
  it("finds hard-coded text where it is planted", () => {
    const bad = `
      export const A = () => <div title="Close" aria-label={'关闭'}>Validate<b>{'Run now'}</b>{ok ? 'Yes' : t('no')}</div>;
      const msg = '出错了';
      export const B = () => <Button appearance="primary" data-testid="run" onClick={() => run('validate')}>{t('analyse')}</Button>;
    `;
    const found = findHardCodedText("bad.tsx", bad).map((v) => v.text);
    expect(found.sort()).toEqual(["Close", "Run now", "Validate", "Yes", "关闭", "出错了"].sort());
  });

  it("finds none in the pane sources", () => {
    const files = sourceFiles(PANE_DIR).filter((f) => f !== STRINGS_FILE);
    expect(files.some((f) => f.endsWith(".tsx"))).toBe(true);
    const violations = files.flatMap((f) =>
      findHardCodedText(path.relative(PANE_DIR, f), fs.readFileSync(f, "utf8"))
    );
    expect(violations).toEqual([]);
  });
});
