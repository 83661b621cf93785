/**
 * template --unit NAME --period TEXT --out OUT.xlsx: a unit's monitoring sheet for the period, to hand
 * to the unit. --unit all writes one workbook per unit into the folder --out names.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Catalogue } from "../../core/model/catalogue";
import { defaultCatalogue } from "../../core/catalogue/default";
import { parsePeriod } from "../../core/read/period";
import { templateSheet, indicatorsFor, TemplateError } from "../../core/template/template";
import { XlsxWorkbook } from "../../workbook/xlsx";
import { VALUE, parseOptions, UsageError } from "../args";
import { InputError, saveWorkbook } from "../io";
import { loadRulesFile } from "../rules-file";
import type { CommandContext } from "../main";

async function writeTemplate(
  catalogue: Catalogue,
  unit: string,
  period: string,
  out: string
): Promise<string> {
  let sheet;
  try {
    sheet = templateSheet(catalogue, unit, period);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    if (e.reason === "bad_period") throw new UsageError(e.message);
    throw new InputError(e.message);
  }
  const wb = XlsxWorkbook.empty();
  await wb.applyPlan({ sheets: [sheet], annotations: [], activate: sheet.name });
  await saveWorkbook(wb, out);
  return sheet.name;
}

export async function runTemplate(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, options } = parseOptions(argv, {
    unit: VALUE,
    period: VALUE,
    out: VALUE,
    rules: VALUE,
  });
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  const unit = options.unit;
  const period = options.period;
  const out = options.out;
  if (!unit || !period || !out) throw new UsageError("--unit, --period and --out are all needed");
  if (!parsePeriod(period))
    throw new UsageError(`--period ${period} is not a period (e.g. 2022Q3, 2022年第三季度)`);
  const rulesFile = options.rules;
  const catalogue = rulesFile ? await loadRulesFile(rulesFile) : defaultCatalogue();

  if (unit.toLowerCase() !== "all") {
    const name = await writeTemplate(catalogue, unit, period, out);
    ctx.stdout(`模板“${name}” → ${out}`);
    return 0;
  }
  // Every unit that reports something, one workbook each, named after its sheet.
  if (/\.xlsx$/i.test(out))
    throw new UsageError("--unit all writes one workbook per unit: --out names a folder");
  await fs.mkdir(out, { recursive: true });
  let written = 0;
  for (const u of catalogue.units) {
    if (!indicatorsFor(catalogue, u).length) continue;
    const file = path.join(out, `${u.name} ${period.replace(/[\\/:*?"<>|]/g, "-")}.xlsx`);
    const name = await writeTemplate(catalogue, u.name, period, file);
    ctx.stdout(`模板“${name}” → ${file}`);
    written++;
  }
  ctx.stdout(`已生成 ${written} 个单位的填报模板 / ${written} unit templates written into ${out}`);
  return 0;
}
