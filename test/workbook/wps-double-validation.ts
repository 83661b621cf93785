/**
 * Data validation of the WPS double's ranges (Range.Validation): Add over existing validation
 * fails, as in Excel (https://learn.microsoft.com/office/vba/api/excel.validation.add), and each
 * member is one counted call.
 */
import type { EtValidation } from "../../src/workbook/wps/et";
import { WCell, WpsDoubleError } from "./wps-double-model";

/** What the validation object needs of its range. */
export interface ValidatedRange {
  forEach(fn: (c: WCell) => void): void;
  guardStructure(what: string): void;
}

export function validationOf(range: ValidatedRange): EtValidation {
  const props: Record<string, unknown> = {};
  const prop = (name: string) => ({
    get: () => {
      range.guardStructure(`Validation.${name}`);
      return props[name];
    },
    set: (v: unknown) => {
      range.guardStructure(`Validation.${name}=`);
      props[name] = v;
      range.forEach((c) => {
        if (!c.validation) throw new WpsDoubleError(`Validation.${name}: no validation to set`);
        c.validation.props[name] = v;
      });
    },
  });
  const out = {
    Add(type: number, alertStyle: number, operator: number, formula1: string, formula2?: string) {
      range.guardStructure("Validation.Add");
      range.forEach((c) => {
        if (c.validation) throw new WpsDoubleError("Validation.Add over existing validation");
      });
      range.forEach(
        (c) => (c.validation = { type, alertStyle, operator, formula1, formula2, props: {} })
      );
    },
    Delete() {
      range.guardStructure("Validation.Delete");
      range.forEach((c) => delete c.validation);
    },
  } as EtValidation;
  for (const name of [
    "IgnoreBlank",
    "InCellDropdown",
    "ShowInput",
    "ShowError",
    "InputTitle",
    "InputMessage",
    "ErrorTitle",
    "ErrorMessage",
  ]) {
    const p = prop(name);
    Object.defineProperty(out, name, { get: p.get, set: p.set, enumerable: true });
  }
  return out;
}
