/**
 * Which catalogue a workbook is checked against: its own 指标规则 sheet when it has one (the office's
 * edited rules travel with the workbook), else the one given (the command line's --rules FILE),
 * else the plan's default.
 */
import type { SheetGrid, WorkbookGrids } from "../model/cells";
import type { Catalogue } from "../model/catalogue";
import type { Finding } from "../model/results";
import { defaultCatalogue } from "./default";
import { RULES_SHEET } from "./sheet-layout";
import { catalogueFromGrid } from "./sheet-read";

export interface CatalogueChoice {
  /** Null when the workbook's 指标规则 is broken: nothing may be analysed then. */
  catalogue: Catalogue | null;
  /** The problems of the 指标规则 sheet (each on its cell). */
  findings: Finding[];
  source: "sheet" | "given" | "default";
}

export function rulesSheetOf(wb: WorkbookGrids): SheetGrid | undefined {
  return wb.sheets.find((s) => s.name === RULES_SHEET);
}

export function catalogueFor(wb: WorkbookGrids, given?: Catalogue): CatalogueChoice {
  const sheet = rulesSheetOf(wb);
  if (sheet) {
    const { catalogue, findings } = catalogueFromGrid(sheet);
    return { catalogue, findings, source: "sheet" };
  }
  if (given) return { catalogue: given, findings: [], source: "given" };
  return { catalogue: defaultCatalogue(), findings: [], source: "default" };
}
