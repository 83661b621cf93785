/**
 * The WPS double in a page: bundled for the browser and run before the pane's scripts, it puts
 * `window.Application` where WPS would, over the workbook handed in as `window.__wpsSeed`.
 * `window.__wpsDump()` gives back what the workbook holds for the test to look at.
 */
import { ApplicationDouble, WCell, WpsState, newSheet } from "../workbook/wps-double";

export interface SheetJson {
  name: string;
  visible: number;
  cells: [string, WCell][];
  merges: string[];
  comments: [string, string][];
}

interface WpsPage {
  __wpsSeed: SheetJson[];
  __wpsDump(): { sheets: SheetJson[]; active: string; selection: unknown; calls: number };
  Application: unknown;
}

const page = window as unknown as WpsPage;
const state = new WpsState();
for (const s of page.__wpsSeed) {
  const sheet = newSheet(s.name);
  sheet.visible = s.visible;
  sheet.cells = new Map(s.cells);
  sheet.merges = [...s.merges];
  sheet.comments = new Map(s.comments);
  state.sheets.push(sheet);
}
page.Application = new ApplicationDouble(state);
page.__wpsDump = () => ({
  sheets: state.sheets.map((s) => ({
    name: s.name,
    visible: s.visible,
    cells: [...s.cells],
    merges: s.merges,
    comments: [...s.comments],
  })),
  active: state.sheets[state.active].name,
  selection: state.selection,
  calls: state.calls,
});
