/**
 * The pane's rules and template actions, without React or a host: they work on any WorkbookPort
 * (the Office adapter inside Excel, ExcelJS on a file) and answer with a message to show.
 */
import { defaultCatalogue } from "../../core/catalogue/default";
import { catalogueToSheet, RULES_SHEET } from "../../core/catalogue/sheet";
import { catalogueFor } from "../../core/catalogue/resolve";
import type { Catalogue } from "../../core/model/catalogue";
import { freeSheetName } from "../../core/plan/sheet-name";
import { indicatorsFor, templateSheet, TemplateError } from "../../core/template/template";
import type { WorkbookPort } from "../../workbook/shared/port";
import type { StringKey } from "../text/strings";

export interface PaneMessage {
  intent: "success" | "warning" | "error";
  key: StringKey;
  vars?: Record<string, string | number>;
}

/** Units a template can be made for, in the catalogue's order. */
export function templateUnits(catalogue: Catalogue = defaultCatalogue()): string[] {
  return catalogue.units.filter((u) => indicatorsFor(catalogue, u).length > 0).map((u) => u.name);
}

/**
 * Adds the default catalogue as the sheet 指标规则. A workbook that already has one keeps it
 * untouched: it may hold the office's edits.
 */
export async function addRulesSheet(port: WorkbookPort): Promise<PaneMessage> {
  let present: boolean;
  try {
    present = (await port.readSheets([RULES_SHEET])).sheets.length > 0;
  } catch {
    return { intent: "error", key: "errorRead" };
  }
  if (present) return { intent: "warning", key: "rulesExists" };
  try {
    await port.applyPlan({
      sheets: [catalogueToSheet(defaultCatalogue())],
      annotations: [],
      activate: RULES_SHEET,
    });
  } catch {
    return { intent: "error", key: "errorWrite" };
  }
  return { intent: "success", key: "rulesAdded", vars: { sheet: RULES_SHEET } };
}

const TEMPLATE_FAILURE: Record<TemplateError["reason"], StringKey> = {
  unknown_unit: "templateUnknownUnit",
  bad_period: "templateBadPeriod",
  nothing_to_report: "templateNothingToReport",
};

/**
 * Adds a unit's template as a new sheet, by the workbook's own 指标规则 when it has one. It never
 * replaces a sheet: a second template of the same unit and period gets a name of its own.
 */
export async function addTemplateSheet(
  port: WorkbookPort,
  unit: string,
  period: string
): Promise<PaneMessage> {
  let grids;
  try {
    grids = await port.readSheets();
  } catch {
    return { intent: "error", key: "errorRead" };
  }
  const choice = catalogueFor(grids);
  if (!choice.catalogue)
    return { intent: "error", key: "rulesBroken", vars: { count: choice.findings.length } };
  let sheet;
  try {
    sheet = templateSheet(choice.catalogue, unit, period);
  } catch (e) {
    if (e instanceof TemplateError)
      return { intent: "error", key: TEMPLATE_FAILURE[e.reason], vars: { unit } };
    throw e;
  }
  const name = freeSheetName(
    sheet.name,
    grids.sheets.map((s) => s.name)
  );
  try {
    await port.applyPlan({ sheets: [{ ...sheet, name }], annotations: [], activate: name });
  } catch {
    return { intent: "error", key: "errorWrite" };
  }
  return { intent: "success", key: "templateAdded", vars: { sheet: name } };
}
