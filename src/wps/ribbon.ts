/**
 * The callbacks of the WPS ribbon (ribbon.xml): WPS calls window.ribbon.OnAddinLoad when it loads
 * the add-in, OnAction with the clicked control (its `Id`), GetImage and OnGetEnabled when it draws
 * a button — the names the CustomUI of WPS add-ins gives them (docs/wps.md).
 */
import type { EtApplication, EtTaskPane } from "../workbook/wps/et";

/** The task pane's page: the pane without office.js, which WPS neither needs nor may reach. */
export const TASKPANE_PAGE = "wps-taskpane.html";
/** Where the pane's id is kept between clicks (WPS's PluginStorage lives as long as WPS runs). */
export const PANE_KEY = "indicatorTracker.taskpaneId";
/** The add-in's icon (the Excel add-in's), relative to the add-in's folder or address. */
export const ICON = "assets/icon-32.png";

export interface RibbonControl {
  Id: string;
}

/** The folder of a page's address: "https://host/path/index.html?x" → "https://host/path/". */
export function folderOf(href: string): string {
  return href.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
}

export interface RibbonDeps {
  app(): EtApplication | null;
  /** The address of the add-in's page (index.html). */
  href(): string;
  /** Validates the active sheet as the Excel ribbon's button does. */
  validate(app: EtApplication): Promise<unknown>;
  log?(...args: unknown[]): void;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI?: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
  OnGetEnabled(control: RibbonControl): boolean;
}

/** Shows the pane, made once per WPS session and kept by its id. */
export function openPane(app: EtApplication, href: string): EtTaskPane {
  const storage = app.PluginStorage;
  const id = storage?.getItem(PANE_KEY);
  let pane =
    id !== null && id !== undefined && id !== "" ? (app.GetTaskPane?.(id as string) ?? null) : null;
  if (!pane) {
    if (typeof app.CreateTaskPane !== "function")
      throw new Error("Application.CreateTaskPane is missing");
    pane = app.CreateTaskPane(folderOf(href) + TASKPANE_PAGE);
    storage?.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

export function createRibbon(deps: RibbonDeps): Ribbon {
  const log = deps.log ?? ((...args: unknown[]) => console.error(...args));
  let ui: { InvalidateControl?(id: string): void } | null = null;
  let validating = false;
  const refresh = () => {
    try {
      ui?.InvalidateControl?.("btnValidate");
    } catch (e) {
      log("the ribbon could not be refreshed", e);
    }
  };
  return {
    OnAddinLoad(ribbonUI?: unknown) {
      if (ribbonUI && typeof ribbonUI === "object") ui = ribbonUI as typeof ui;
      return true;
    },
    OnAction(control: RibbonControl) {
      const app = deps.app();
      if (!app) {
        log("WPS's Application object is not there");
        return true;
      }
      if (control.Id === "btnOpenPane") {
        try {
          openPane(app, deps.href());
        } catch (e) {
          log("the pane could not be opened", e);
        }
      } else if (control.Id === "btnValidate" && !validating) {
        validating = true;
        refresh();
        void deps
          .validate(app)
          .catch((e: unknown) => log("validation failed", e))
          .finally(() => {
            validating = false;
            refresh();
          });
      }
      return true;
    },
    GetImage() {
      return ICON;
    },
    OnGetEnabled(control: RibbonControl) {
      return !(control.Id === "btnValidate" && validating);
    },
  };
}
