/**
 * The WPS ribbon's callbacks (src/wps/ribbon.ts) and its 校验 (src/wps/validate.ts), on the WPS
 * double: the pane opened once and shown again, Validate run once at a time, greyed while it runs,
 * and a failure written into 校验结果 rather than lost.
 */
import { FINDINGS_SHEET } from "../../src/core/plan/findings-sheet";
import { TASKPANE_PAGE, createRibbon, folderOf, openPane } from "../../src/wps/ribbon";
import { validateInWps } from "../../src/wps/validate";
import { TOWNSHIP_A, unitSheet } from "../core/consolidate/fixtures";
import type { Raw } from "../helpers/grid";
import { ApplicationDouble, WpsState, key, newSheet } from "../workbook/wps-double";

const BAD: Raw[][] = [["F4", "优质青稞种植面积", "亩", 9800, 9000, "待统计", 9600, ""]];

function stateWith(rows: Raw[][] = BAD): WpsState {
  const state = new WpsState();
  const sheet = newSheet("勒秀镇");
  unitSheet("勒秀镇", rows, { name: "勒秀镇" }).rows.forEach((row, r) =>
    row.forEach((c, col) => {
      const v = c?.value;
      if (v !== null && v !== undefined && !(v instanceof Date) && typeof v !== "object")
        sheet.cells.set(key(r, col), { value: v });
    })
  );
  state.sheets.push(sheet);
  return state;
}

describe("the WPS ribbon", () => {
  it("opens the pane from the add-in's own folder once, and shows the same pane again", () => {
    const state = stateWith();
    const app = new ApplicationDouble(state);
    expect(folderOf("file:///C:/jsaddons/indicator-tracker_1.0.0/index.html?x=1")).toBe(
      "file:///C:/jsaddons/indicator-tracker_1.0.0/"
    );
    openPane(app, "https://server/wps/index.html");
    state.panes[0].visible = false; // the person closed it
    openPane(app, "https://server/wps/index.html");
    expect(state.panes).toEqual([{ url: `https://server/wps/${TASKPANE_PAGE}`, visible: true }]);
  });

  it("validates once at a time, greys the button meanwhile, and logs a failure", async () => {
    const app = new ApplicationDouble(stateWith());
    let finish: (v: unknown) => void = () => undefined;
    const calls: unknown[] = [];
    const logged: unknown[] = [];
    const invalidated: string[] = [];
    const ribbon = createRibbon({
      app: () => app,
      href: () => "https://server/wps/index.html",
      validate: (a) => {
        calls.push(a);
        return new Promise((resolve, reject) => (finish = (v) => (v ? reject(v) : resolve(v))));
      },
      log: (...args) => logged.push(args[0]),
    });
    expect(ribbon.OnAddinLoad({ InvalidateControl: (id: string) => invalidated.push(id) })).toBe(
      true
    );
    ribbon.OnAction({ Id: "btnValidate" });
    ribbon.OnAction({ Id: "btnValidate" });
    expect(calls).toHaveLength(1);
    expect(ribbon.OnGetEnabled({ Id: "btnValidate" })).toBe(false);
    expect(ribbon.OnGetEnabled({ Id: "btnOpenPane" })).toBe(true);
    finish(new Error("boom"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ribbon.OnGetEnabled({ Id: "btnValidate" })).toBe(true);
    expect(logged).toEqual(["validation failed"]);
    expect(invalidated).toEqual(["btnValidate", "btnValidate"]);
  });

  it("says so, and does nothing, where WPS's Application is missing", () => {
    const logged: unknown[] = [];
    const ribbon = createRibbon({
      app: () => null,
      href: () => "",
      validate: () => Promise.reject(new Error("never")),
      log: (m) => logged.push(m),
    });
    expect(ribbon.OnAction({ Id: "btnValidate" })).toBe(true);
    expect(logged).toEqual(["WPS's Application object is not there"]);
  });
});

describe("the WPS ribbon's 校验", () => {
  it("writes 校验结果, marks the cell and shows 校验结果", async () => {
    const state = stateWith();
    const out = await validateInWps(new ApplicationDouble(state));
    expect(out).toMatchObject({ sheets: ["勒秀镇"], errors: 1 });
    expect(state.sheets[state.active].name).toBe(FINDINGS_SHEET);
    expect(state.sheet("勒秀镇")!.comments.size).toBe(1);
  });

  it("writes what went wrong into 校验结果 when validation fails", async () => {
    const state = stateWith(TOWNSHIP_A);
    const logged: unknown[] = [];
    const app = new ApplicationDouble(state);
    const real = Object.getOwnPropertyDescriptor(ApplicationDouble.prototype, "ActiveWorkbook")!;
    let looks = 0;
    // Reading the sheet fails (WPS busy with a dialog, say); the report of it goes through.
    Object.defineProperty(app, "ActiveWorkbook", {
      get() {
        if (++looks === 2) throw new Error("WPS is busy");
        return real.get!.call(app);
      },
    });
    expect(await validateInWps(app, (m) => logged.push(m))).toBeNull();
    expect(logged).toEqual(["validate failed"]);
    const report = state.sheet(FINDINGS_SHEET)!;
    expect(report.cells.get(key(0, 0))?.value).toBe("校验未完成 / Validation did not finish");
    expect(report.cells.get(key(5, 0))?.value).toBe("WPS is busy");
  });

  it("logs a failure it cannot even report (a protected workbook structure)", async () => {
    const state = stateWith(TOWNSHIP_A);
    state.structureProtected = true;
    const logged: unknown[] = [];
    expect(await validateInWps(new ApplicationDouble(state), (m) => logged.push(m))).toBeNull();
    expect(logged).toEqual(["validate failed", "could not report the failure"]);
    expect(state.sheets.map((s) => s.name)).toEqual(["勒秀镇"]);
  });
});
