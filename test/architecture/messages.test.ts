/**
 * Texts shown to a person come from one place per language: the message modules. A Chinese
 * literal anywhere else in src/ is text that bypasses them — unless the file holds data (words
 * the product matches, names Excel or the plan defines) rather than messages.
 */
import * as fs from "fs";
import * as path from "path";
import { findChineseLiterals } from "./chinese-literals";

const ROOT = path.resolve(__dirname, "../..");

/** Where texts shown to a person live. A path ending in "/" is a folder, else a file or a prefix. */
const MESSAGE_HOMES: readonly string[] = [
  "src/core/i18n/", // the engine's findings and messages, Chinese and English
  "src/taskpane/strings.ts", // every text of the task pane, Chinese and English
  "src/taskpane/i18n.ts", // the pane's language, handed to its components
];

/** Files whose Chinese is data, not messages; each says why. */
const DATA_FILES: readonly (readonly [string, string])[] = [
  ["src/core/catalogue/default", "the plan's indicators, categories, units and units' list"],
  ["src/core/read/", "words the reader looks for: headers, labels, periods, units, milestones"],
  ["src/core/model/plan.ts", "the product's sheet names, by which later runs find its sheets"],
  ["src/workbook/package/read-styles.ts", "Excel's built-in number formats, as Excel has them"],
  ["src/workbook/package/styles.ts", "the font and cell style names Excel gives a new workbook"],
  ["src/report/docx-fonts.ts", "the names of the fonts the bulletin is set in"],
];

/**
 * Files that still hold messages of their own: each is to move its texts into a message module and
 * then leave this list. The test fails when one of them no longer offends, so the list cannot go stale.
 */
const KNOWN_OFFENDERS: readonly string[] = [
  // the command line's output and errors
  "src/cli/commands/approve.ts",
  "src/cli/commands/consolidate.ts",
  "src/cli/commands/demo.ts",
  "src/cli/commands/report.ts",
  "src/cli/commands/rules.ts",
  "src/cli/commands/run.ts",
  "src/cli/commands/template.ts",
  "src/cli/io.ts",
  "src/cli/main.ts",
  "src/cli/report.ts",
  "src/cli/rules-file.ts",
  // the ribbon's Validate command
  // the engine: sheets' headers and titles, findings' wording, template prompts
  "src/core/approval/record.ts",
  "src/core/approval/values.ts",
  "src/core/consolidate/history.ts",
  "src/core/plan/score-history.ts",
  "src/core/plan/trend-sheet.ts",
  "src/core/catalogue/sheet-layout.ts",
  "src/core/catalogue/sheet.ts",
  "src/core/plan/gap-sheet.ts",
  "src/core/template/template.ts",
  "src/core/validate/sheet-period.ts",
  "src/core/validate/units-table.ts",
  // the bulletin's sentences, captions and chart labels
  "src/report/blocks.ts",
  "src/report/charts.ts",
  "src/report/content-units.ts",
  "src/report/content.ts",
  "src/report/format.ts",
  "src/report/from-workbook.ts",
  "src/report/index.ts",
  // the workbook adapters' refusals, notes and store headers
  "src/workbook/annotation-store.ts",
  "src/workbook/office/sheet-writer.ts",
  "src/workbook/wps/support.ts",
  "src/workbook/wps/workbook.ts",
  "src/workbook/package/notes.ts",
  "src/workbook/package/open.ts",
];

const ALLOWED = [...MESSAGE_HOMES, ...DATA_FILES.map(([p]) => p)];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** src/ files as repository paths with forward slashes, sorted. */
function srcFiles(): string[] {
  return sourceFiles(path.join(ROOT, "src"))
    .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
    .sort();
}

function isAllowed(file: string): boolean {
  return ALLOWED.some((entry) => file.startsWith(entry));
}

/** "src/x.ts:12 “出错了”" for each Chinese literal of a file. */
function offences(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  return findChineseLiterals(file, source).map((l) => `${file}:${l.line} “${l.text}”`);
}

describe("findChineseLiterals", () => {
  it("finds Chinese in strings, templates and JSX text, at their lines", () => {
    const source = [
      'const a = "出错了";', // 1
      "const b = 'OK';", // 2
      "const c = `共 ${n} 条`;", // 3
      "const d = `${n} items, ${m} 条提示`;", // 4
      "const e = `无`;", // 5
      "const f = () => <p>请先选择文件</p>;", // 6
    ].join("\n");
    const found = findChineseLiterals("fixture.tsx", source);
    expect(found).toEqual([
      { line: 1, text: "出错了" },
      { line: 3, text: "共" },
      { line: 3, text: "条" },
      { line: 4, text: "条提示" },
      { line: 5, text: "无" },
      { line: 6, text: "请先选择文件" },
    ]);
  });

  it("passes over comments, regular expressions and text without Chinese words", () => {
    const source = [
      '// 中文注释 "出错了"',
      "/** 说明：'不是字符串' */",
      "const re = /^(?:约|大约)/;",
      'const punctuation = "：、（）";',
      "/* `模板` */ const x = 1;",
    ].join("\n");
    expect(findChineseLiterals("fixture.ts", source)).toEqual([]);
  });
});

describe("texts shown to a person come from the message modules", () => {
  const files = srcFiles();

  it("names only files that exist in its lists", () => {
    const unmatched = ALLOWED.filter((entry) => !files.some((f) => f.startsWith(entry)));
    const missing = KNOWN_OFFENDERS.filter((f) => !files.includes(f));
    expect({ unmatched, missing }).toEqual({ unmatched: [], missing: [] });
    expect(KNOWN_OFFENDERS.filter(isAllowed)).toEqual([]);
  });

  it("lists as data only files that still hold Chinese (remove an entry once it holds none)", () => {
    const empty = DATA_FILES.map(([entry]) => entry).filter(
      (entry) => !files.some((f) => f.startsWith(entry) && offences(f).length > 0)
    );
    expect(empty).toEqual([]);
  });

  it("finds no Chinese literal outside them, the data files and the known offenders", () => {
    const checked = files.filter((f) => !isAllowed(f) && !KNOWN_OFFENDERS.includes(f));
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.flatMap(offences)).toEqual([]);
  });

  it("still finds Chinese literals in each known offender (remove it from the list once fixed)", () => {
    const fixed = KNOWN_OFFENDERS.filter((f) => offences(f).length === 0);
    expect(fixed).toEqual([]);
  });
});
