/**
 * rules --out OUT.xlsx: the catalogue as the editable sheet 指标规则 (the default one, or that of
 * --rules FILE); rules --check FILE: whether FILE's 指标规则 can be used, with every problem by cell.
 */
import { catalogueToSheet, RULES_SHEET } from "../../core/catalogue/sheet";
import { defaultCatalogue } from "../../core/catalogue/default";
import { XlsxWorkbook } from "../../workbook/xlsx";
import { VALUE, parseOptions, UsageError } from "../args";
import { saveWorkbook } from "../io";
import { findingLines } from "../report";
import { loadRulesFile, readRulesFile } from "../rules-file";
import type { CommandContext } from "../main";

export async function runRules(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, options } = parseOptions(argv, { out: VALUE, rules: VALUE, check: VALUE });
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  const out = options.out;
  const check = options.check;
  if (!out === !check) throw new UsageError("give either --out OUT.xlsx or --check FILE");

  if (check) {
    const { catalogue, findings } = await readRulesFile(check);
    if (!catalogue) {
      ctx.stdout(
        `指标规则有误 ${check}：${findings.length} 处 / ${findings.length} problem(s) in the rules sheet`
      );
      for (const l of findingLines({ findings })) ctx.stdout(l);
      return 1;
    }
    ctx.stdout(
      `指标规则无误 ${check}：${catalogue.indicators.length} 项指标，${catalogue.units.length} 个单位，版本 ${catalogue.version}` +
        ` / the rules sheet is usable: ${catalogue.indicators.length} indicators, ${catalogue.units.length} units, version ${catalogue.version}`
    );
    return 0;
  }

  const rulesFile = options.rules;
  const catalogue = rulesFile ? await loadRulesFile(rulesFile) : defaultCatalogue();
  const wb = XlsxWorkbook.empty();
  await wb.applyPlan({
    sheets: [catalogueToSheet(catalogue)],
    annotations: [],
    activate: RULES_SHEET,
  });
  await saveWorkbook(wb, out!);
  ctx.stdout(
    `${RULES_SHEET}：${catalogue.indicators.length} 项指标，${catalogue.units.length} 个单位，版本 ${catalogue.version} → ${out}`
  );
  return 0;
}
