/**
 * The pane inside WPS 表格 (a WPS 加载项's task pane): WPS puts its object model in the page as
 * `window.Application`, next to the `wps` object of its add-in API, in every page of an add-in,
 * task panes included (docs/wps.md). The WPS adapter is the pane's workbook, fetched as a chunk
 * of its own on the first call; selecting a cell is the one host call beyond the port.
 */
import { activeWorkbook, type EtApplication } from "../../workbook/wps/et";
import type { WpsWorkbook } from "../../workbook/wps/workbook";
import { wpsSupport } from "../../workbook/wps/support";
import { reportingPort } from "./reporting-port";
import type { ExcelHost, HostBase } from "./host";

type Scope = { Application?: unknown; wps?: unknown };

/**
 * WPS's application object when the page runs inside WPS: `window.Application` with members only
 * WPS add-ins have (CreateTaskPane, PluginStorage) or WPS's `wps` object beside it. Excel's
 * Office.js defines neither, so a pane inside Excel never takes this path.
 */
export function wpsApplication(scope: Scope = globalThis as Scope): EtApplication | null {
  try {
    const app = scope.Application as Record<string, unknown> | undefined;
    if (!app || (typeof app !== "object" && typeof app !== "function")) return null;
    const marked =
      typeof app.CreateTaskPane === "function" ||
      (typeof scope.wps === "object" && scope.wps !== null) ||
      typeof app.PluginStorage === "object";
    return marked ? (app as unknown as EtApplication) : null;
  } catch {
    return null;
  }
}

export function connectWps(app: EtApplication, base: HostBase): ExcelHost {
  let support = wpsSupport(app);
  let adapter: WpsWorkbook | null = null;
  const run = async <T>(work: (wb: WpsWorkbook) => Promise<T>) => {
    if (!adapter) {
      const { WpsWorkbook } = await import(
        /* webpackChunkName: "wps-adapter" */ "../../workbook/wps/workbook"
      );
      // Opened before any workbook, the pane looks at WPS's features once there is one.
      if (!support.probed) support = wpsSupport(app);
      adapter = new WpsWorkbook(app, support);
    }
    return work(adapter);
  };
  const { port, lastReport } = reportingPort(run);
  const workbook = () => activeWorkbook(app);
  return {
    kind: "excel",
    app: "wps",
    ...base,
    port,
    supported: support.core,
    limits: support.missing.map((m) => m.reason),
    dataValidation: support.dataValidation,
    lastReport,
    activeSheet: async () => workbook().ActiveSheet.Name,
    selectCell: async (sheet, cell) => {
      const ws = workbook().Worksheets.Item(sheet);
      ws.Activate(); // Select works on the sheet shown only
      ws.Range(cell).Select();
    },
  };
}

/** The WPS host when the page runs inside WPS, else null (then Office and file mode are tried). */
export function detectWps(base: HostBase): ExcelHost | null {
  const app = wpsApplication();
  return app ? connectWps(app, base) : null;
}
