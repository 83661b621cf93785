/**
 * The bulletin of the sample quarter (docs/bulletin.md), written by the command line and read back
 * from the .docx: every section is there, with figures equal to `consolidate --json`'s, formatted
 * here on their own (one decimal for percentages and scores, 汇总's number formats for values).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { STATUS_STYLE } from "../../src/core/score";
import type { Status } from "../../src/core/model/results";
import { readDocx, section, tableAfter, type ReadDocx } from "./docx-reader";
import { decodePng, inkShare } from "./png";

const QUARTER = path.resolve(__dirname, "../../samples/2022Q3");
const catalogue = defaultCatalogue();
const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));

interface JsonIndicator {
  code: string;
  unit: string;
  target: number | null;
  actual: number | null;
  completion: number | null;
  progress: number | null;
  schedule: number | null;
  gap: number | null;
  requiredGrowth: number | null;
  projection: number | null;
  projectionMeets: boolean | null;
  status: Status;
  score: number | null;
}
interface JsonUnit {
  unit: string;
  kind: string;
  status: string;
  onTime: boolean | null;
  approved: boolean;
  score: number | null;
  rank: number | null;
  missing: string[];
  sources: string[];
}
interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file?: string;
  sheet: string;
  cell: string | null;
  indicator: string | null;
}
interface Json {
  period: string;
  asOf: string;
  indicators: JsonIndicator[];
  scores: { overall: number; categories: Record<string, number> };
  completeness: JsonUnit[];
  findings: JsonFinding[];
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const fig = (x: number | null, code: string) =>
  x === null
    ? "—"
    : byCode.get(code)?.integer
      ? Math.round(x).toLocaleString("en-US")
      : x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const word = (s: Status) => STATUS_STYLE[s].zh;

let tmp: string;
let doc: ReadDocx;
let json: Json;
let exitCode: number;

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bulletin-"));
  const file = path.join(tmp, "通报.docx");
  exitCode = (await run(["report", QUARTER, "--out", file, "--date", "2022-10-20"])).code;
  doc = readDocx(fs.readFileSync(file));
  json = JSON.parse(
    (await run(["consolidate", QUARTER, "--out", path.join(tmp, "city.xlsx"), "--json"])).out.join(
      "\n"
    )
  );
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("is written, with exit status 1 as the quarter has an error finding", () => {
  expect(exitCode).toBe(1);
  expect(json.findings.some((f) => f.severity === "error")).toBe(true);
});

it("opens with the title, the period and the issuing line", () => {
  expect(doc.paragraphs.slice(0, 3)).toEqual([
    "合作市省级创新型县(市、区)",
    "建设指标监测通报",
    `（${json.period}）`,
  ]);
  expect(doc.paragraphs[3]).toBe("合作市创新型县建设工作领导小组办公室\t2022年10月20日");
  expect(doc.paragraphs[4]).toMatch(/^各乡镇（街道），市直有关部门：$/);
});

it("一、总体情况: statuses against 序时进度, the city score, the change since the previous quarter", () => {
  const blocks = section(doc, "一、总体情况");
  const text = blocks.map((b) => (b.kind === "p" ? b.text : "")).join("\n");
  expect(text).toContain(
    `截至2022年9月30日，纳入监测的${json.indicators.length}项指标中，对照序时进度58.3%（年度指标75.0%）`
  );
  const counted = new Map<Status, string[]>();
  for (const r of json.indicators)
    counted.set(r.status, [...(counted.get(r.status) ?? []), r.code]);
  expect(text).toContain(
    `已达标${counted.get("met")!.length}项、按序时推进${counted.get("on_track")!.length}项、滞后于序时进度${counted.get("lagging")!.length}项`
  );
  expect(text).toContain(`全市综合得分${json.scores.overall.toFixed(1)}分。`);
  expect(text).toMatch(
    /与上期（截至2022年6月30日）相比，有上期数据的\d+项指标综合得分由\d+\.\d分提高到\d+\.\d分/
  );
  const table = tableAfter(blocks, "表1　各状态指标分布");
  expect(table[0]).toEqual(["状态", "指标数", "指标编码"]);
  const order: Status[] = [
    "met",
    "on_track",
    "lagging",
    "critical",
    "invalid",
    "no_data",
    "no_target",
    "not_applicable",
  ];
  expect(table.slice(1)).toEqual(
    order
      .filter((s) => counted.has(s))
      .map((s) => [word(s), String(counted.get(s)!.length), counted.get(s)!.join("、")])
  );
  expect(text).toContain("图1　各类别指标监测状态");
});

it("二、分类情况: a table per category with completion, progress, schedule and status", () => {
  const blocks = section(doc, "二、分类情况");
  const categories = Array.from(new Set(json.indicators.map((r) => byCode.get(r.code)!.category)));
  expect(categories).toHaveLength(8);
  categories.forEach((cat, i) => {
    const heading = blocks.findIndex((b) => b.kind === "p" && b.text.endsWith(`）${cat}`));
    expect(heading).toBeGreaterThan(0);
    const summary = blocks[heading + 1];
    expect(summary.kind === "p" && summary.text).toContain(
      `得分${json.scores.categories[cat].toFixed(1)}分`
    );
    const rows = tableAfter(blocks, `表${i + 2}　${cat}类指标监测情况`);
    expect(rows[0]).toEqual([
      "指标",
      "单位",
      "目标值",
      "完成值",
      "完成率",
      "推进进度",
      "序时进度",
      "状态",
    ]);
    const mine = json.indicators.filter((r) => byCode.get(r.code)!.category === cat);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      mine.map((r) => `${r.code} ${byCode.get(r.code)!.name}`)
    );
    mine.forEach((r, k) => {
      const row = rows[k + 1];
      expect([row[1], row[4], row[5], row[6], row[7]]).toEqual([
        r.unit,
        pct(r.completion),
        pct(r.progress),
        pct(r.schedule),
        word(r.status),
      ]);
      const milestone = byCode.get(r.code)!.kind === "milestone";
      if (!milestone) expect(row[2]).toBe(fig(r.target, r.code));
      if (r.status === "invalid") expect(row[3]).toMatch(/^待核实：/);
      else if (r.actual === null) expect(row[3]).toBe("未报");
      else if (!milestone) expect(row[3]).toBe(fig(r.actual, r.code));
    });
  });
  expect(blocks.some((b) => b.kind === "p" && b.text === "图2　各指标推进进度与序时进度")).toBe(
    true
  );
});

it("三、滞后指标督导清单: each lagging and critical indicator with its unit, gap, required growth and projection", () => {
  const blocks = section(doc, "三、滞后指标督导清单");
  const rows = tableAfter(blocks, "表10　滞后指标督导清单");
  const weak = [
    ...json.indicators.filter((r) => r.status === "critical"),
    ...json.indicators.filter((r) => r.status === "lagging"),
  ];
  expect(weak.length).toBeGreaterThan(0);
  expect(rows).toHaveLength(weak.length + 1);
  weak.forEach((r, i) => {
    const row = rows[i + 1];
    expect(row.slice(0, 4)).toEqual([
      String(i + 1),
      `${r.code} ${byCode.get(r.code)!.name}`,
      byCode.get(r.code)!.owner,
      word(r.status),
    ]);
    expect(row[4]).toBe(`${fig(r.actual, r.code)} / ${fig(r.target, r.code)}`);
    expect(row[5].startsWith(fig(r.gap, r.code))).toBe(true);
    expect(row[6]).toBe(pct(r.requiredGrowth));
    expect(row[7]).toBe(
      r.projection === null
        ? "—"
        : `${fig(r.projection, r.code)}（${r.projectionMeets ? "能达标" : "难以达标"}）`
    );
  });
  const asked = blocks
    .filter((b) => b.kind === "p")
    .map((b) => (b as { text: string }).text)
    .find((t) => t.startsWith("请"))!;
  for (const r of weak) expect(asked).toContain(byCode.get(r.code)!.owner);
});

it("四、填报和考核情况: units reported, late, missing and approved; each unit's score and rank", () => {
  const blocks = section(doc, "四、填报和考核情况");
  const text = blocks.map((b) => (b.kind === "p" ? b.text : "")).join("\n");
  const listed = json.completeness.filter((u) => u.kind !== "unlisted");
  const reported = listed.filter((u) => u.status === "reported");
  const names = (us: JsonUnit[]) => us.map((u) => u.unit).join("、");
  expect(text).toContain(
    `本期应报单位${listed.length}个，已报送${reported.length}个，其中按时报送${reported.filter((u) => u.onTime === true).length}个`
  );
  expect(text).toContain(
    `逾期${reported.filter((u) => u.onTime === false).length}个（${names(reported.filter((u) => u.onTime === false))}）`
  );
  expect(text).toContain(
    `未报送${listed.filter((u) => u.status === "not_reported").length}个（${names(listed.filter((u) => u.status === "not_reported"))}）`
  );
  expect(text).toContain(`已审核${listed.filter((u) => u.approved).length}个`);
  const rows = tableAfter(blocks, "表11　各单位填报和考核情况");
  expect(rows[0]).toEqual([
    "排名",
    "单位",
    "类型",
    "报送情况",
    "按时报送",
    "审核",
    "缺报指标",
    "得分",
  ]);
  const byRank = [...listed].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  expect(rows.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual(
    byRank.map((u) => [
      u.rank === null ? "—" : String(u.rank),
      u.unit,
      u.score === null ? "—" : u.score.toFixed(1),
    ])
  );
});

it("五、尚待解决的数据问题: errors, conflicting values and changes after approval, briefly", () => {
  const text = section(doc, "五、尚待解决的数据问题")
    .map((b) => (b.kind === "p" ? b.text : ""))
    .join("\n");
  const unitOf = (f: JsonFinding) =>
    json.completeness.find((u) => u.sources.includes(`${f.file}!${f.sheet}`))!.unit;
  const open = json.findings.filter(
    (f) =>
      f.severity === "error" ||
      f.rule === "conflicting_values" ||
      f.rule === "changed_after_approval"
  );
  expect(open.length).toBe(3);
  for (const f of open) {
    expect(text).toContain(f.message.slice(0, f.message.indexOf("。") + 1));
    if (f.rule !== "conflicting_values")
      expect(text).toContain(`${unitOf(f)}（${f.file} ${f.sheet}${f.cell ? `!${f.cell}` : ""}）：`);
  }
  const errors = json.findings.filter((f) => f.severity === "error").length;
  expect(text).toContain(
    `数据错误${errors}条、数值冲突${json.findings.filter((f) => f.rule === "conflicting_values").length}条`
  );
  expect(text).toContain(`此外还有提示${json.findings.length - open.length}条`);
});

it("has the two charts as PNG pictures, drawn and referenced from the text", () => {
  const media = Object.keys(doc.parts)
    .filter((p) => p.startsWith("word/media/"))
    .sort();
  expect(media).toEqual(["word/media/image1.png", "word/media/image2.png"]);
  for (const m of media) {
    const png = decodePng(doc.parts[m]);
    expect(png.width).toBeGreaterThanOrEqual(1500);
    expect(png.height).toBeGreaterThan(300);
    // Drawn on white: bars, text and grid lines, not a blank or transparent picture.
    expect(inkShare(png)).toBeGreaterThan(0.05);
    expect(inkShare(png)).toBeLessThan(0.6);
  }
  const rels = doc.xml("word/_rels/document.xml.rels");
  const embeds = [...doc.xml("word/document.xml").matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
  expect(embeds).toHaveLength(2);
  for (const id of embeds)
    expect(rels).toMatch(
      new RegExp(
        `Id="${id}"[^>]*Target="media/image\\d\\.png"|Target="media/image\\d\\.png"[^>]*Id="${id}"`
      )
    );
});

it("is laid out as an official document: A4, 版心 156 × 225 mm, fonts by role, 22 lines, page numbers at the bottom", () => {
  const xml = doc.xml("word/document.xml");
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
  expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
  expect(xml).toMatch(
    /w:eastAsia="仿宋_GB2312"[^>]*\/>(<w:spacing w:val="-5"\/>)?<w:sz w:val="32"\/>/
  );
  expect(xml).toMatch(
    /w:eastAsia="黑体"[^>]*\/>(<w:spacing w:val="-5"\/>)?<w:sz w:val="32"\/>[\s\S]*?一、总体情况/
  );
  expect(xml).toMatch(
    /w:eastAsia="楷体_GB2312"[^>]*\/>(<w:spacing w:val="-5"\/>)?<w:sz w:val="32"\/>[\s\S]*?（一）/
  );
  expect(xml).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
  const fonts = doc.xml("word/fontTable.xml");
  expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  const footers = Object.keys(doc.parts)
    .filter((p) => /^word\/footer\d+\.xml$/.test(p))
    .map((p) => doc.xml(p));
  expect(footers).toHaveLength(2);
  for (const f of footers) {
    expect(f).toMatch(/PAGE/);
    expect(textOf(f)).toMatch(/^— .*—$/);
  }
  expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(["left", "right"]);
  expect(doc.xml("word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
});

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}
