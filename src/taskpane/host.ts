/**
 * Where the pane runs: inside WPS 表格 (its object model in the page, wps-host.ts), inside Excel
 * (Office.js loaded and reporting an Excel host) or in a plain browser, where it works on a
 * .xlsx file the user picks (file mode). WPS is looked for first: it is there at once. Office.js may
 * fail to load (no network, a blocked CDN) or never report ready: neither must keep the
 * pane from starting, so a missing Office falls to file mode at once and a silent one after
 * a timeout.
 */
import type { WriteReport } from "../workbook/office/refusal";
import type { WorkbookPort } from "../workbook/port";
import type { Lang } from "./strings";
import { langFromTag } from "./strings";

export interface HostBase {
  lang: Lang;
  /** Dark theme; in file mode the pane follows the system's preference live instead. */
  dark: boolean;
}

export interface FileHost extends HostBase {
  kind: "file";
}

/** A workbook open in a spreadsheet application: Excel, or WPS 表格 when `app` says so. */
export interface ExcelHost extends HostBase {
  kind: "excel";
  /** Set inside WPS 表格 (docs/wps.md); absent inside Excel. */
  app?: "wps";
  port: WorkbookPort;
  /** The name of the worksheet the user is on. */
  activeSheet(): Promise<string>;
  /** Selects a cell, so the user sees what a finding is about. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** What this Excel cannot do, a sentence each in zh and en (empty on a current Excel). */
  limits: { zh: string; en: string }[];
  /** False on an Excel too old for the core path: `limits` then holds the one sentence saying which Office is needed. */
  supported: boolean;
  /** What the last write into the workbook did not do (sheets left unmarked …). */
  lastReport(): WriteReport;
  /** Whether templates get data validation; inside Excel, the requirement sets tell. */
  dataValidation?: boolean;
}

export type PaneHost = FileHost | ExcelHost;

/** How long to wait for Office.onReady before concluding that no Office host is there. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

type ReadyInfo = { host: Office.HostType | null };

function officeReady(timeoutMs: number): Promise<ReadyInfo | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function")
    return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (info: ReadyInfo | null) => {
      clearTimeout(timer);
      resolve(info);
    };
    Office.onReady().then(done, () => done(null));
  });
}

/** Light or dark from the luminance of Office's body background ("#RRGGBB"); light when unknown. */
export function isDarkColour(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function prefersDark(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches
  );
}

export function fileHost(): FileHost {
  const language = typeof navigator !== "undefined" ? navigator.language : undefined;
  return { kind: "file", lang: langFromTag(language), dark: prefersDark() };
}

/** Connects the pane to Excel once Office.js reports an Excel host (see excel-host.ts). */
export type ExcelConnector = (base: HostBase) => ExcelHost;
/** Connects the pane to WPS 表格 when the page runs inside it, else null (see wps-host.ts). */
export type WpsConnector = (base: HostBase) => ExcelHost | null;

export async function detectHost(
  connectExcel: ExcelConnector,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
  connectWps?: WpsConnector
): Promise<PaneHost> {
  const language = typeof navigator !== "undefined" ? navigator.language : undefined;
  const wps = connectWps?.({ lang: langFromTag(language), dark: prefersDark() }) ?? null;
  if (wps) return wps;
  const info = await officeReady(timeoutMs);
  if (!info || String(info.host) !== "Excel") return fileHost();
  const theme = Office.context.officeTheme as Office.OfficeTheme | undefined;
  return connectExcel({
    lang: langFromTag(Office.context.displayLanguage),
    dark: isDarkColour(theme?.bodyBackgroundColor),
  });
}
