/**
 * Writes three quarters of unit files for consolidation (samples/2022Q1, 2022Q2, 2022Q3): the seven
 * bureaux that own indicators and the townships and streets, each as a unit would send it — in three
 * table layouts, with 报出日期 on time or late, some approved by a reviewer. Each quarter's 上期 column
 * holds the quarter before's actual (scripts/lib/earlier-quarter.ts).
 *
 * What the office should see when it consolidates the third quarter (docs/consolidation.md):
 * - 佐盖曼玛乡 sent nothing;
 * - 卡加道乡 sent its second-quarter sheet again, corrected (period_mismatch, not mixed in);
 * - 市科技局 also reports A2, which 市财政局 owns, with another value (conflicting_values);
 * - 通钦街道 typed text for F9 (an error: the city's F9 is invalid until it is fixed);
 * - 勒秀镇 was approved, then F6 changed (changed_after_approval, naming F6 old → new);
 * - 伊合昂街道 and 佐盖多玛乡 reported after the due date; 市工信局 gave no 报出日期.
 * And when it consolidates the three quarters together: the third quarter as above, 趋势 with the
 * three quarters, and 卡加道乡's first second-quarter file (报出日期 7月6日) set aside for the corrected
 * one of 7月8日 (superseded_report).
 * Run: npm run samples:quarter
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { promises as fs } from "fs";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { approveInWorkbook } from "../src/core/approval/workbook";
import { APPROVALS_SHEET, APPROVAL_HEADER } from "../src/core/approval";
import { longLayout, type Row } from "./lib/quarter-layouts";
import { BUREAUX, PLACES, placeRows, type Place } from "./lib/quarter-units";
import {
  PERIODS,
  periodAs,
  reportDateIn,
  rowsOfQuarter,
  type Quarter,
} from "./lib/earlier-quarter";

const SAMPLES = path.join(__dirname, "..", "samples");
/** When the reviewer approved each quarter's sheets. */
const APPROVED_AT: Record<Quarter, string> = {
  1: "2022-04-12 09:30:00 +08:00",
  2: "2022-07-12 09:30:00 +08:00",
  3: "2022-10-12 09:30:00 +08:00",
};

/** Units whose file carries an approval (the reviewer approved it with the product before it was sent). */
const APPROVED = new Set([
  "市财政局",
  "市工信局",
  "市科协",
  "市农业农村局",
  "那吾镇",
  "卡加曼乡",
  "坚木克尔街道",
  "勒秀镇",
]);
/** Units that sent nothing for the third quarter. */
const SENT_NOTHING = new Set(["佐盖曼玛乡"]);

async function save(
  wb: ExcelJS.Workbook,
  q: Quarter,
  file: string,
  approve: boolean
): Promise<void> {
  wb.creator = "合作市创新型县建设领导小组办公室";
  wb.created = new Date(Date.UTC(2022, q * 3, 8));
  wb.modified = wb.created;
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (approve) {
    const x = await XlsxWorkbook.fromBuffer(bytes);
    const grids = await x.readSheets();
    const out = approveInWorkbook(grids, {
      sheet: grids.sheets[0].name,
      reviewer: "李明",
      time: APPROVED_AT[q],
    });
    if (!out.ok) throw new Error(`${file}: ${out.reason.en}`);
    await x.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [out.row]);
    bytes = await x.toBuffer();
  }
  await fs.writeFile(path.join(SAMPLES, `2022Q${q}`, file), bytes);
  process.stdout.write(`samples/2022Q${q}/${file}${approve ? "  (approved)" : ""}\n`);
}

/**
 * A township's or street's file of quarter `q`. 卡加道乡 sent its second-quarter sheet twice: on 7月6日
 * with F8 mistyped, corrected on 7月8日 — and the corrected one again in October instead of the third.
 */
async function placeFile(p: Place, q: Quarter, corrected = true): Promise<void> {
  const sheetQuarter: Quarter = p.name === "卡加道乡" && q === 3 ? 2 : q;
  const rows: Row[] = rowsOfQuarter(placeRows(p), sheetQuarter);
  if (q === 3 && p.name === "通钦街道") rows[7][6] = "正在核实";
  if (!corrected) rows[6][6] = (rows[6][6] as number) + 100;
  const kajiadao = p.name === "卡加道乡" && sheetQuarter === 2;
  const wb = new ExcelJS.Workbook();
  p.layout(wb, {
    unit: p.name,
    unitAs: p.kind === "township" ? `${p.name}人民政府` : `${p.name}办事处`,
    period: p.name === "坚木克尔街道" ? periodAs("2022年1-9月", q) : PERIODS[sheetQuarter],
    reportDate: kajiadao
      ? corrected
        ? "2022年7月8日"
        : "2022年7月6日"
      : reportDateIn(q, p.reportDate),
    preparer: p.preparer,
    rows,
  });
  await save(wb, q, `${p.name}-2022Q${sheetQuarter}.xlsx`, APPROVED.has(p.name));
}

async function quarter(q: Quarter): Promise<void> {
  const out = path.join(SAMPLES, `2022Q${q}`);
  await fs.rm(out, { recursive: true, force: true });
  await fs.mkdir(out, { recursive: true });
  for (const b of BUREAUX) {
    const wb = new ExcelJS.Workbook();
    const s = b.sheet;
    longLayout(wb, {
      ...s,
      period: PERIODS[q],
      reportDate: s.reportDate && reportDateIn(q, s.reportDate),
      rows: rowsOfQuarter(s.rows, q),
    });
    await save(wb, q, b.file.replace("2022Q3", `2022Q${q}`), APPROVED.has(s.unit));
  }
  for (const p of PLACES) {
    if (q === 3 && SENT_NOTHING.has(p.name)) continue;
    await placeFile(p, q, !(q === 2 && p.name === "卡加道乡"));
  }
}

async function main(): Promise<void> {
  for (const q of [1, 2, 3] as Quarter[]) await quarter(q);
  // 勒秀镇 changed a figure after its third-quarter approval: the approval no longer matches.
  const changed = path.join(SAMPLES, "2022Q3", "勒秀镇-2022Q3.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(changed);
  const ws = wb.getWorksheet("勒秀镇")!;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "F6") row.getCell(7).value = Number(row.getCell(7).value) + 120;
  });
  await wb.xlsx.writeFile(changed);
  process.stdout.write("samples/2022Q3/勒秀镇-2022Q3.xlsx  (F6 changed after approval)\n");
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
