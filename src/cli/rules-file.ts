/** --rules FILE: a workbook whose 指标规则 sheet is the catalogue (as `indicator-tracker rules` writes it). */
import type { Catalogue } from "../core/model/catalogue";
import type { Finding } from "../core/model/results";
import { catalogueFromGrid, RULES_SHEET } from "../core/catalogue/sheet";
import { rulesSheetOf } from "../core/catalogue/resolve";
import { usableCatalogue } from "../core/engine";
import { CatalogueError } from "../core/errors";
import { readWorkbook, InputError } from "./io";

function noRulesSheet(file: string): InputError {
  return new InputError(
    `${file}: 没有名为“${RULES_SHEET}”的工作表（可用 indicator-tracker rules --out 生成）/ has no sheet named ${RULES_SHEET}`
  );
}

/** The catalogue of FILE's 指标规则, or its problems; exit 2 when FILE has no such sheet. */
export async function readRulesFile(
  file: string
): Promise<{ catalogue: Catalogue | null; findings: Finding[] }> {
  const sheet = rulesSheetOf((await readWorkbook(file)).grids);
  if (!sheet) throw noRulesSheet(file);
  return catalogueFromGrid(sheet);
}

/** The catalogue of --rules FILE; a broken sheet cannot be used (exit 2), and the line says where to look. */
export async function loadRulesFile(file: string): Promise<Catalogue> {
  const { grids } = await readWorkbook(file);
  if (!rulesSheetOf(grids)) throw noRulesSheet(file);
  try {
    return usableCatalogue(grids);
  } catch (e) {
    if (e instanceof CatalogueError) throw brokenRules(file, e);
    throw e;
  }
}

/** One line for a broken 指标规则: how many problems, the first, and the command that lists them all. */
export function brokenRules(file: string, e: CatalogueError): InputError {
  const first = e.findings[0];
  return new InputError(
    `${file}: ${e.text.zh}，第一处 ${first?.cell ?? ""} ${first?.message.zh ?? ""}` +
      `（运行 indicator-tracker rules --check ${file} 查看全部）/ ${e.text.en}`
  );
}
