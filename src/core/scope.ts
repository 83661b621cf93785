/**
 * What a Validate run covers, decided once for every host (the ribbon's button, the pane's
 * Validate this sheet, the command line's --sheet): the sheet the person is on, or — from one of
 * the product's own sheets, such as 校验结果 after a run — every monitoring sheet of the workbook.
 * Kept apart from the engine so that the pane's first screen can ask it without loading the engine.
 */
import { RULES_SHEET } from "./catalogue/sheet-layout";
import { ANNOTATION_STORE_SHEET } from "./model/plan";
import { PRODUCT_SHEETS } from "./i18n/sheet-names";

const NOT_MONITORING = new Set<string>([...PRODUCT_SHEETS, ANNOTATION_STORE_SHEET]);

/** True for a sheet the product writes or keeps (by name). */
export function isProductSheet(name: string): boolean {
  return NOT_MONITORING.has(name);
}

/**
 * The sheet a Validate run from `active` checks, or undefined for the whole workbook. 指标规则 is
 * validated as the catalogue it is; the product's other sheets hold no data of their own to check.
 */
export function validationScope(active: string): string | undefined {
  return isProductSheet(active) && active !== RULES_SHEET ? undefined : active;
}
