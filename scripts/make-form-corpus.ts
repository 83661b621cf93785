/**
 * Writes the corpus of forms (test/core/read/forms-corpus.ts) as .xlsx files, one per form, with
 * their merged cells, to try by hand (`indicator-tracker validate FILE`) or in Excel; with --check,
 * reads each file back as the command line does and compares what is read with what the form holds.
 *
 *   node bin/run-ts.js scripts/make-form-corpus.ts OUT_DIR [--seed N] [--check]
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../src/core/model/cells";
import { checkWorkbook } from "../src/core/engine";
import { openWorkbookBytes } from "../src/workbook/open-file";
import { formCorpus, type FormCase } from "../test/core/read/forms-corpus";

async function writeForm(c: FormCase, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(c.sheet.name);
  c.sheet.rows.forEach((row, r) =>
    row.forEach((cell, col) => {
      if (!cell || cell.value === null || cell.value === undefined) return;
      const target = ws.getCell(r + 1, col + 1);
      target.value = cell.value as ExcelJS.CellValue;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    })
  );
  for (const range of c.merges) ws.mergeCells(range);
  ws.columns = Array.from({ length: Math.max(...c.sheet.rows.map((r) => r.length)) }, (_, i) => ({
    width: i === 0 ? 22 : 14,
  }));
  await wb.xlsx.writeFile(file);
}

/** What is read from a sheet: units, periods, rows and the findings a reviewer sees, as one text. */
function readingOf(grids: { sheets: SheetGrid[] }): string {
  const { checks, findings } = checkWorkbook(grids);
  const value = (v: { state: string; value: number | null }) =>
    v.state === "ok" && v.value !== null ? +v.value.toPrecision(12) : null;
  return JSON.stringify({
    reports: checks.map((k) => [
      k.unitCanonical,
      k.asOf,
      k.rows.map((r) => [r.indicator.code, value(r.actual), value(r.baseline), value(r.target)]),
    ]),
    findings: findings.map((f) => `${f.rule}@${f.cell ?? ""}`).sort(),
  });
}

async function main(argv: string[]): Promise<number> {
  const out = argv.find((a) => !a.startsWith("--") && argv[argv.indexOf(a) - 1] !== "--seed");
  const seedAt = argv.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 1;
  if (!out || !Number.isFinite(seed)) {
    process.stderr.write("usage: make-form-corpus.ts OUT_DIR [--seed N] [--check]\n");
    return 2;
  }
  await fs.mkdir(out, { recursive: true });
  let differ = 0;
  for (const [i, c] of formCorpus(seed).entries()) {
    const file = path.join(out, `${String(i + 1).padStart(2, "0")}-${c.sheet.name}.xlsx`);
    await writeForm(c, file);
    let note = "";
    if (argv.includes("--check")) {
      const back = await (await openWorkbookBytes(await fs.readFile(file), file)).readSheets();
      const same = readingOf(back) === readingOf({ sheets: [c.sheet] });
      if (!same) differ++;
      note = same ? "  read back alike" : "  READ BACK DIFFERENTLY";
    }
    process.stdout.write(`${path.basename(file)}  ${c.name}: ${c.about}${note}\n`);
  }
  return differ ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
);
