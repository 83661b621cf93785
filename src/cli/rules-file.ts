/** --rules FILE: a workbook whose 指标规则 sheet is the catalogue (as `indicator-tracker rules` writes it). */
import type { Catalogue } from "../core/model/catalogue";
import type { Finding } from "../core/model/results";
import { catalogueFromGrid, RULES_SHEET } from "../core/catalogue/sheet";
import { rulesSheetOf } from "../core/catalogue/resolve";
import { readWorkbook, InputError } from "./io";

/** The catalogue of FILE's 指标规则, or its problems; exit 2 when FILE has no such sheet. */
export async function readRulesFile(
  file: string
): Promise<{ catalogue: Catalogue | null; findings: Finding[] }> {
  const sheet = rulesSheetOf((await readWorkbook(file)).grids);
  if (!sheet) {
    throw new InputError(
      `${file}: 没有名为“${RULES_SHEET}”的工作表（可用 indicator-tracker rules --out 生成）/ has no sheet named ${RULES_SHEET}`
    );
  }
  return catalogueFromGrid(sheet);
}

/** The catalogue of --rules FILE; a broken sheet cannot be used (exit 2), and the line says where to look. */
export async function loadRulesFile(file: string): Promise<Catalogue> {
  const { catalogue, findings } = await readRulesFile(file);
  if (catalogue) return catalogue;
  const first = findings[0];
  throw new InputError(
    `${file}: 指标规则有 ${findings.length} 处错误，第一处 ${first.cell ?? ""} ${first.message.zh}` +
      `（运行 indicator-tracker rules --check ${file} 查看全部）/ the rules sheet has ${findings.length} error(s)`
  );
}
