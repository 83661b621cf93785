/**
 * A test double of WPS 表格's JavaScript object model (WPS 加载项, the ET object model), holding
 * one workbook in memory. It implements the types of src/workbook/wps/et.ts and nothing more.
 *
 * Like WPS it is synchronous, and every member — each property read or written, each method —
 * is one call into WPS, counted in `calls` (by name in `counts`). It refuses what WPS refuses and
 * the product must respect: a missing sheet by name, a second comment on a cell, a sheet deleted
 * while WPS would ask the user to confirm (DisplayAlerts), the last visible sheet hidden or
 * deleted, bad sheet names, an address over 255 characters, Select on a sheet not shown, changes
 * that a protected sheet or workbook structure forbids, validation added over validation, a
 * password-protected sheet unprotected without its password (WPS would prompt). What each of
 * these rests on is listed in docs/wps.md; ranges are in wps-double-range.ts.
 */
import { MAX_SHEET_NAME } from "../../src/core/plan/sheet-name";
import type {
  EtApplication,
  EtPageSetup,
  EtPluginStorage,
  EtProtection,
  EtSheets,
  EtTaskPane,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from "../../src/workbook/wps/et";
import { ALL_FEATURES, WSheet, WpsDoubleError, WpsFeatures, newSheet } from "./wps-double-model";
import { RangeDouble, usedBox } from "./wps-double-range";

export * from "./wps-double-model";

/** The state behind the double: sheets, the active one, the application's switches, the calls. */
export class WpsState {
  sheets: WSheet[] = [];
  active = 0;
  displayAlerts = true;
  screenUpdating = true;
  structureProtected = false;
  selection: { sheet: string; address: string } | null = null;
  calls = 0;
  counts = new Map<string, number>();
  panes: { url: string; visible: boolean }[] = [];
  storage = new Map<string, unknown>();
  private made = 0;

  constructor(readonly features: WpsFeatures = ALL_FEATURES) {}

  call(label: string): void {
    this.calls++;
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  resetCalls(): void {
    this.calls = 0;
    this.counts.clear();
  }

  sheet(name: string): WSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  guardStructure(what: string): void {
    if (this.structureProtected) throw new WpsDoubleError(`workbook structure protected: ${what}`);
  }

  freshName(): string {
    let name: string;
    do name = `Sheet${++this.made}`;
    while (this.sheet(name));
    return name;
  }
}

function checkName(state: WpsState, sheet: WSheet, name: string): void {
  if (!name || name.length > MAX_SHEET_NAME || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    throw new WpsDoubleError(`"${name}" is not a valid sheet name`);
  const other = state.sheets.find(
    (s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase()
  );
  if (other) throw new WpsDoubleError(`a sheet named "${name}" already exists`);
}

export class WorksheetDouble implements EtWorksheet {
  constructor(
    private readonly st: WpsState,
    readonly model: WSheet
  ) {}

  private live(): WSheet {
    if (!this.st.sheets.includes(this.model)) throw new WpsDoubleError("the sheet was deleted");
    return this.model;
  }

  get Name(): string {
    this.st.call("Worksheet.Name");
    return this.live().name;
  }
  set Name(v: string) {
    this.st.call("Worksheet.Name=");
    this.st.guardStructure("rename a sheet");
    checkName(this.st, this.live(), v);
    this.model.name = v;
  }
  get Visible(): number {
    this.st.call("Worksheet.Visible");
    return this.live().visible;
  }
  set Visible(v: number) {
    this.st.call("Worksheet.Visible=");
    this.st.guardStructure("hide or show a sheet");
    const s = this.live();
    if (![-1, 0, 2].includes(v)) throw new WpsDoubleError(`Visible = ${v}`);
    if (v !== -1 && !this.st.sheets.some((x) => x !== s && x.visible === -1))
      throw new WpsDoubleError("a workbook must keep one visible sheet");
    s.visible = v;
    if (v !== -1 && this.st.sheets[this.st.active] === s)
      this.st.active = this.st.sheets.findIndex((x) => x.visible === -1);
  }
  get Index(): number {
    this.st.call("Worksheet.Index");
    return this.st.sheets.indexOf(this.live()) + 1;
  }
  get UsedRange(): RangeDouble {
    this.st.call("Worksheet.UsedRange");
    return new RangeDouble(this.st, this.live(), [usedBox(this.model)]);
  }
  Range(address: string): RangeDouble {
    this.st.call("Worksheet.Range");
    return RangeDouble.at(this.st, this.live(), address);
  }
  get Comments(): { Count: number } {
    this.st.call("Worksheet.Comments");
    const s = this.live();
    const st = this.st;
    return {
      get Count() {
        st.call("Comments.Count");
        return s.comments.size;
      },
    };
  }
  Delete(): boolean {
    this.st.call("Worksheet.Delete");
    const s = this.live();
    this.st.guardStructure("delete a sheet");
    // WPS asks the person to confirm, and waits, unless the add-in turned the alerts off.
    if (this.st.displayAlerts) throw new WpsDoubleError("Delete() with DisplayAlerts on: a dialog");
    if (!this.st.sheets.some((x) => x !== s && x.visible === -1))
      throw new WpsDoubleError("cannot delete the last visible sheet");
    const active = this.st.sheets[this.st.active];
    this.st.sheets.splice(this.st.sheets.indexOf(s), 1);
    this.st.active = active === s ? 0 : this.st.sheets.indexOf(active);
    if (this.st.sheets[this.st.active].visible !== -1)
      this.st.active = this.st.sheets.findIndex((x) => x.visible === -1);
    return true;
  }
  Activate(): void {
    this.st.call("Worksheet.Activate");
    const s = this.live();
    if (s.visible !== -1) throw new WpsDoubleError(`cannot activate the hidden sheet ${s.name}`);
    this.st.active = this.st.sheets.indexOf(s);
  }
  get ProtectContents(): boolean {
    this.st.call("Worksheet.ProtectContents");
    return this.live().protection !== null;
  }
  get ProtectDrawingObjects(): boolean {
    this.st.call("Worksheet.ProtectDrawingObjects");
    return this.live().protection?.drawingObjects === true;
  }
  get Protection(): EtProtection {
    this.st.call("Worksheet.Protection");
    const p = this.live().protection;
    const st = this.st;
    const read = (k: keyof EtProtection & keyof WProtectionFlags) => {
      st.call(`Protection.${k}`);
      return p ? p[FLAG[k]] : true;
    };
    return {
      get AllowFormattingCells() {
        return read("AllowFormattingCells");
      },
      get AllowFormattingColumns() {
        return read("AllowFormattingColumns");
      },
      get AllowFormattingRows() {
        return read("AllowFormattingRows");
      },
    };
  }
  Protect(
    password?: string,
    drawingObjects = true,
    contents = true,
    _scenarios?: boolean,
    _userInterfaceOnly?: boolean,
    allowFormattingCells = false,
    allowFormattingColumns = false,
    allowFormattingRows = false
  ): void {
    this.st.call("Worksheet.Protect");
    const s = this.live();
    if (!contents) return;
    s.protection = {
      password: password || undefined,
      drawingObjects: drawingObjects !== false,
      allowFormattingCells: allowFormattingCells === true,
      allowFormattingColumns: allowFormattingColumns === true,
      allowFormattingRows: allowFormattingRows === true,
    };
  }
  Unprotect(password?: string): void {
    this.st.call("Worksheet.Unprotect");
    const s = this.live();
    const p = s.protection;
    if (!p) return;
    if (p.password !== undefined) {
      // Without the argument WPS asks the person for the password in a dialog.
      if (password === undefined)
        throw new WpsDoubleError("Unprotect() would prompt for a password");
      if (password !== p.password) throw new WpsDoubleError("the password is incorrect");
    }
    s.protection = null;
  }
  get PageSetup(): EtPageSetup {
    this.st.call("Worksheet.PageSetup");
    return pageSetup(this.st, this.live());
  }
}

interface WProtectionFlags {
  AllowFormattingCells: unknown;
  AllowFormattingColumns: unknown;
  AllowFormattingRows: unknown;
}
const FLAG = {
  AllowFormattingCells: "allowFormattingCells",
  AllowFormattingColumns: "allowFormattingColumns",
  AllowFormattingRows: "allowFormattingRows",
} as const;

function pageSetup(st: WpsState, s: WSheet): EtPageSetup {
  let zoom: number | boolean = 100;
  let tall: number | boolean = 1;
  return {
    get PrintArea() {
      st.call("PageSetup.PrintArea");
      return s.printArea;
    },
    set PrintArea(v: string) {
      st.call("PageSetup.PrintArea=");
      // ET takes A1 ranges, several joined by commas; anything else fails as a bad argument.
      if (
        v !== "" &&
        !/^(\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?)(,\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?)*$/.test(v)
      )
        throw new WpsDoubleError(`PageSetup.PrintArea = ${JSON.stringify(v)}: not a range`);
      s.printArea = v;
    },
    get Orientation() {
      st.call("PageSetup.Orientation");
      return s.orientation;
    },
    set Orientation(v: number) {
      st.call("PageSetup.Orientation=");
      s.orientation = v;
    },
    get Zoom() {
      st.call("PageSetup.Zoom");
      return zoom;
    },
    set Zoom(v: number | boolean) {
      st.call("PageSetup.Zoom=");
      zoom = v;
    },
    get FitToPagesWide() {
      st.call("PageSetup.FitToPagesWide");
      return s.fitToPagesWide;
    },
    set FitToPagesWide(v: number | boolean) {
      st.call("PageSetup.FitToPagesWide=");
      s.fitToPagesWide = v;
    },
    get FitToPagesTall() {
      st.call("PageSetup.FitToPagesTall");
      return tall;
    },
    set FitToPagesTall(v: number | boolean) {
      st.call("PageSetup.FitToPagesTall=");
      tall = v;
    },
  };
}

export class SheetsDouble implements EtSheets {
  constructor(private readonly st: WpsState) {}

  get Count(): number {
    this.st.call("Worksheets.Count");
    return this.st.sheets.length;
  }
  Item(index: number | string): WorksheetDouble {
    this.st.call("Worksheets.Item");
    const s = typeof index === "number" ? this.st.sheets[index - 1] : this.st.sheet(String(index));
    if (!s) throw new WpsDoubleError(`Worksheets.Item(${JSON.stringify(index)}): out of range`);
    return new WorksheetDouble(this.st, s);
  }
  Add(before?: WorksheetDouble | null, after?: WorksheetDouble | null): WorksheetDouble {
    this.st.call("Worksheets.Add");
    this.st.guardStructure("add a sheet");
    const s = newSheet(this.st.freshName());
    const list = this.st.sheets;
    // Without Before or After the new sheet goes before the active one.
    const at = before
      ? list.indexOf(before.model)
      : after
        ? list.indexOf(after.model) + 1
        : this.st.active;
    if (at < 0) throw new WpsDoubleError("Add(): Before/After is not a sheet of this workbook");
    list.splice(at, 0, s);
    this.st.active = at; // the new sheet becomes the active sheet
    return new WorksheetDouble(this.st, s);
  }
}

export class WorkbookDouble implements EtWorkbook {
  constructor(private readonly st: WpsState) {}
  get Worksheets(): SheetsDouble {
    this.st.call("Workbook.Worksheets");
    return new SheetsDouble(this.st);
  }
  get ActiveSheet(): WorksheetDouble {
    this.st.call("Workbook.ActiveSheet");
    return new WorksheetDouble(this.st, this.st.sheets[this.st.active]);
  }
  get ProtectStructure(): boolean {
    this.st.call("Workbook.ProtectStructure");
    return this.st.structureProtected;
  }
}

/** `window.Application` of WPS 表格, over one workbook. */
export class ApplicationDouble implements EtApplication {
  readonly state: WpsState;
  constructor(state?: WpsState) {
    this.state = state ?? new WpsState();
  }
  get ActiveWorkbook(): WorkbookDouble | null {
    this.state.call("Application.ActiveWorkbook");
    return this.state.sheets.length > 0 ? new WorkbookDouble(this.state) : null;
  }
  get ActiveWindow(): EtWindow {
    this.state.call("Application.ActiveWindow");
    const st = this.state;
    let freeze = false;
    let row = 0;
    const split = { col: 0 };
    return {
      get FreezePanes() {
        st.call("Window.FreezePanes");
        return freeze;
      },
      set FreezePanes(v: boolean) {
        st.call("Window.FreezePanes=");
        freeze = v;
        st.sheets[st.active].freezeRows = v ? row : 0;
      },
      get SplitRow() {
        st.call("Window.SplitRow");
        return row;
      },
      set SplitRow(v: number) {
        st.call("Window.SplitRow=");
        row = v;
      },
      get SplitColumn() {
        st.call("Window.SplitColumn");
        return split.col;
      },
      set SplitColumn(v: number) {
        st.call("Window.SplitColumn=");
        split.col = v;
      },
    };
  }
  get DisplayAlerts(): boolean {
    this.state.call("Application.DisplayAlerts");
    return this.state.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.state.call("Application.DisplayAlerts=");
    this.state.displayAlerts = v;
  }
  get ScreenUpdating(): boolean {
    this.state.call("Application.ScreenUpdating");
    return this.state.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.state.call("Application.ScreenUpdating=");
    this.state.screenUpdating = v;
  }
  CreateTaskPane(url: string): EtTaskPane {
    this.state.call("Application.CreateTaskPane");
    const pane = { url, visible: false };
    this.state.panes.push(pane);
    return taskPane(this.state, pane, this.state.panes.length);
  }
  GetTaskPane(id: string | number): EtTaskPane | null {
    this.state.call("Application.GetTaskPane");
    const pane = this.state.panes[Number(id) - 1];
    return pane ? taskPane(this.state, pane, Number(id)) : null;
  }
  get PluginStorage(): EtPluginStorage {
    this.state.call("Application.PluginStorage");
    const map = this.state.storage;
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: unknown) => void map.set(k, v),
    };
  }
}

function taskPane(st: WpsState, pane: { visible: boolean }, id: number): EtTaskPane {
  return {
    ID: id,
    get Visible() {
      st.call("TaskPane.Visible");
      return pane.visible;
    },
    set Visible(v: boolean) {
      st.call("TaskPane.Visible=");
      pane.visible = v;
    },
  };
}
