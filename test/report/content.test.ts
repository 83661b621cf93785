/**
 * The bulletin's content in the cases the sample quarter does not show (docs/bulletin.md): nothing
 * lagging, no open problem, many errors, no period; and the demo writing the sample quarter's bulletin.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/cli/shared/io";
import { main } from "../../src/cli/main";
import { consolidate } from "../../src/core/consolidate";
import type { Finding } from "../../src/core/model/results";
import { buildBulletin } from "../../src/report/content";
import type { Bulletin, BulletinSource } from "../../src/report/model";
import { sourceFromConsolidation } from "../../src/report/source";
import { readDocx } from "./docx-reader";

const QUARTER = path.resolve(__dirname, "../../samples/2022Q3");
let sample: BulletinSource;

beforeAll(async () => {
  const names = fs
    .readdirSync(QUARTER)
    .filter((n) => n.endsWith(".xlsx"))
    .sort();
  const inputs = [];
  for (const n of names)
    inputs.push({ file: n, grids: (await readWorkbook(path.join(QUARTER, n))).grids });
  sample = sourceFromConsolidation(consolidate(inputs))!;
});

function texts(b: Bulletin): string[] {
  return b.blocks.flatMap((x) =>
    x.kind === "paragraph"
      ? [x.runs.map((r) => r.text).join("")]
      : x.kind === "heading"
        ? [x.text]
        : []
  );
}

it("says there is nothing to supervise when no indicator lags", () => {
  const source = {
    ...sample,
    indicators: sample.indicators.map((r) =>
      r.status === "lagging" || r.status === "critical" ? { ...r, status: "on_track" as const } : r
    ),
  };
  const b = buildBulletin(source, "2022-10-20");
  expect(texts(b)).toContain("对照序时进度，本期无滞后和严重滞后指标。");
  expect(
    b.blocks.filter((x) => x.kind === "table").map((x) => (x as { caption: string }).caption)
  ).not.toContain("表10　滞后指标督导清单");
});

it("says there is no open data problem, and counts the other warnings", () => {
  const warning = sample.findings.find((f) => f.rule === "period_mismatch")!;
  const b = buildBulletin({ ...sample, findings: [warning] }, "2022-10-20");
  expect(texts(b)).toContain("汇总校验未发现须更正的数据错误、数值冲突或审核后修改，另有提示1条。");
});

it("lists at most eight problems of a kind and counts the rest", () => {
  const error = sample.findings.find((f) => f.severity === "error")!;
  const many: Finding[] = Array.from({ length: 11 }, (_, i) => ({ ...error, cell: `G${11 + i}` }));
  const t = texts(buildBulletin({ ...sample, findings: many }, "2022-10-20"));
  expect(t).toContain("（一）数据错误11条（须更正后重新报送）");
  expect(t.filter((x) => /^\d+\. 通钦街道/.test(x))).toHaveLength(8);
  expect(t).toContain("另有3条，见汇总工作簿“校验结果”表。");
});

it("has no period line without a period, and no previous-quarter paragraph without earlier values", () => {
  const b = buildBulletin({ ...sample, period: null, asOf: null, previous: null }, "2022-10-20");
  expect(b.title).toEqual(["合作市省级创新型县(市、区)", "建设指标监测通报"]);
  expect(texts(b).some((x) => x.startsWith("与上期"))).toBe(false);
});

it("is written by the demo for the sample quarter", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bulletin-demo-"));
  try {
    const code = await main(["demo", path.resolve(__dirname, "../../samples"), "--out", out], {
      stdout: () => undefined,
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const doc = readDocx(fs.readFileSync(path.join(out, "2022Q3-监测通报.docx")));
    expect(doc.paragraphs).toContain("（2022年第三季度）");
    expect(doc.tables).toHaveLength(11);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
