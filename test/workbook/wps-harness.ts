/**
 * The WPS adapter on the WPS double: a workbook made from a contract seed, a port on it, and what
 * WPS really holds (fills, comments, protection …) for the tests to look at.
 */
import { parseAddress } from "../../src/core/model/cells";
import { dateToExcelSerial } from "../../src/workbook/number-format";
import { WpsWorkbook } from "../../src/workbook/wps/workbook";
import { FULL_WPS_SUPPORT, WpsSupport, wpsSupport } from "../../src/workbook/wps/support";
import { bgrToHex } from "../../src/workbook/wps/values";
import type { CellLook, PortHarness, SeedSheet, SheetLook } from "./contract";
import {
  ALL_FEATURES,
  ApplicationDouble,
  WSheet,
  WpsFeatures,
  WpsState,
  key,
  newSheet,
} from "./wps-double";

export function stateFrom(seed: SeedSheet[], features: WpsFeatures = ALL_FEATURES): WpsState {
  const state = new WpsState(features);
  for (const s of seed) {
    const sheet = newSheet(s.name);
    if (s.hidden) sheet.visible = 0;
    for (const [addr, c] of Object.entries(s.cells)) {
      const { row, col } = parseAddress(addr);
      const cell: WSheet["cells"] extends Map<string, infer C> ? C : never = {};
      const v = c.value;
      if (v instanceof Date) cell.value = dateToExcelSerial(v);
      else if (v !== null && typeof v === "object") cell.error = v.error;
      else if (v !== null) cell.value = v;
      if (c.formula) cell.formula = `=${c.formula}`;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.fill)
        cell.fill = parseInt(c.fill.slice(5, 7) + c.fill.slice(3, 5) + c.fill.slice(1, 3), 16);
      if (c.note) sheet.comments.set(addr, c.note);
      sheet.cells.set(key(row, col), cell);
    }
    sheet.merges.push(...(s.merges ?? []));
    state.sheets.push(sheet);
  }
  return state;
}

export function sheetOf(state: WpsState, name: string): WSheet {
  const s = state.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export type WpsHarness = PortHarness & {
  port: WpsWorkbook;
  app: ApplicationDouble;
  state: WpsState;
};

/** The link target of a HYPERLINK("#'Sheet'!A1", …) formula, as "Sheet!A1". */
function linkOf(formula: string | undefined): string | null {
  const m = /^=HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)"/.exec(formula ?? "");
  return m ? `${m[1].replace(/''/g, "'")}!${m[2]}` : null;
}

export function harnessFor(state: WpsState, support?: WpsSupport): WpsHarness {
  const app = new ApplicationDouble(state);
  const port = new WpsWorkbook(app, support ?? FULL_WPS_SUPPORT);
  return {
    port,
    app,
    state,
    async sheetNames() {
      return state.sheets.map((s) => s.name);
    },
    async cellLook(sheet: string, addr: string): Promise<CellLook> {
      const s = sheetOf(state, sheet);
      const { row, col } = parseAddress(addr);
      const c = s.cells.get(key(row, col)) ?? {};
      const kinds: Record<number, string> = { 1: "whole", 2: "decimal", 3: "list" };
      return {
        fill: c.fill === undefined ? null : bgrToHex(c.fill),
        fontColor: c.fontColor === undefined ? null : bgrToHex(c.fontColor),
        bold: c.bold === true,
        numFmt: c.numFmt ?? null,
        note: s.comments.get(addr) ?? null,
        link: linkOf(c.formula),
        locked: c.locked !== false,
        validation: c.validation ? kinds[c.validation.type] : null,
      };
    },
    async sheetLook(sheet: string): Promise<SheetLook> {
      const s = sheetOf(state, sheet);
      return {
        merges: s.merges,
        freezeRows: s.freezeRows,
        landscape: s.orientation === 2 && s.fitToPagesWide === 1,
        dataBars: s.dataBars.map((b) => ({ range: b.range, color: bgrToHex(b.color) })),
        columnWidths: [0, 1, 2, 3].map((c) => s.columnWidths.get(c)),
        rowHeights: [0, 1, 2, 3].map((r) => s.rowHeights.get(r)),
        autoFilter: s.autoFilter,
        protected: s.protection !== null,
      };
    },
    async reopen() {
      // The workbook stays open in WPS: nothing to save and load.
    },
  };
}

/** A harness whose port looked at the double's features itself, as the pane does. */
export function probedHarness(state: WpsState): WpsHarness {
  const support = wpsSupport(new ApplicationDouble(state));
  state.resetCalls();
  return harnessFor(state, support);
}
