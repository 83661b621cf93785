/**
 * rules --out OUT.xlsx: the catalogue as the editable sheet 指标规则 (the default one, or that of
 * --rules FILE); rules --check FILE: whether FILE's 指标规则 can be used, with every problem by cell.
 */
import { catalogueToSheet, RULES_SHEET } from "../../core/catalogue/sheet";
import { defaultCatalogue } from "../../core/catalogue/default";
import { XlsxWorkbook } from "../../workbook/xlsx";
import { VALUE, parseOptions, UsageError } from "../shared/args";
import { saveWorkbook } from "../shared/io";
import { findingLines } from "../shared/report";
import { loadRulesFile, readRulesFile } from "../shared/rules-file";
import type { CommandContext } from "../shared/context";
import { USAGE_ERROR } from "../../core/i18n/cli-messages";
import { RULES_OUTPUT } from "../../core/i18n/cli-output-messages";

export async function runRules(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, options } = parseOptions(argv, { out: VALUE, rules: VALUE, check: VALUE });
  if (positional.length) throw new UsageError(USAGE_ERROR.unexpectedArgument(positional[0]));
  const out = options.out;
  const check = options.check;
  if (!out === !check) throw new UsageError(USAGE_ERROR.outOrCheck);

  if (check) {
    const { catalogue, findings } = await readRulesFile(check);
    if (!catalogue) {
      ctx.stdout(RULES_OUTPUT.broken(check, findings.length));
      for (const l of findingLines({ findings })) ctx.stdout(l);
      return 1;
    }
    ctx.stdout(
      RULES_OUTPUT.usable(
        check,
        catalogue.indicators.length,
        catalogue.units.length,
        catalogue.version
      )
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
    RULES_OUTPUT.written(
      RULES_SHEET,
      catalogue.indicators.length,
      catalogue.units.length,
      catalogue.version,
      out!
    )
  );
  return 0;
}
