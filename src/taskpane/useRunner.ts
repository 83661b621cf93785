/**
 * The pane's state: which workbook it works on, the step under way, the last run's result,
 * the error or notice to show. Rendering lives in the components; the work itself in run.ts.
 */
import { useCallback, useRef, useState } from "react";
import type { RunResult } from "../core/engine";
import type { WorkbookPort } from "../workbook/port";
import { saveBytes, xlsxDownloadName } from "./download";
import type { PaneHost } from "./host";
import type { RunMode } from "./run";
import { PaneError, failAs, runCheck } from "./run";
import type { StringKey } from "./strings";
import { validationScope } from "../core/scope";

/** A workbook opened from a file (browser file mode): read and written in memory. */
interface OpenedFile {
  name: string;
  port: WorkbookPort & { toBuffer(): Promise<Uint8Array>; macroEnabled: boolean };
}

export interface Outcome {
  mode: RunMode;
  result: RunResult;
}

/** A sentence to show after an action, with its {placeholders}. */
export interface PaneNotice {
  key: StringKey;
  vars?: Record<string, string>;
}

/** What the last write into Excel (a run, or clearing) left undone, as notices (none in file mode or when all was done). */
export function reportNotices(host: PaneHost, action: "run" | "clear" = "run"): PaneNotice[] {
  if (host.kind !== "excel") return [];
  const report = host.lastReport();
  const out: PaneNotice[] = [];
  const sheets = report.unmarkedSheets.join(", ");
  if (sheets)
    out.push({ key: action === "run" ? "noticeUnmarked" : "noticeNotCleared", vars: { sheets } });
  if (report.fillOnlyCells > 0)
    out.push({ key: "noticeFillOnly", vars: { count: String(report.fillOnlyCells) } });
  if (report.chartlessSheets?.length)
    out.push({ key: "noticeNoCharts", vars: { sheets: report.chartlessSheets.join(", ") } });
  return out;
}

export interface Runner {
  /** The step under way (a key of strings.ts), null when idle. */
  busy: StringKey | null;
  error: StringKey | null;
  notice: StringKey | null;
  /** What the last write could not do (a sheet left unmarked …), shown beside its result. */
  warnings: PaneNotice[];
  outcome: Outcome | null;
  fileName: string | null;
  /** The workbook actions work on: the open workbook in Excel, the opened file in file mode. */
  port: WorkbookPort | null;
  /** Index of the finding last clicked, in outcome.result.findings. */
  selected: number | null;
  /** A run can start: not busy, and a workbook is there. */
  canRun: boolean;
  canDownload: boolean;
  openFile(file: File): void;
  run(mode: RunMode, asOf: string): void;
  clearAnnotations(): void;
  /** Saves the workbook as it is now; `suffix` is added to the file's name ("监测表（已检查）.xlsx"). */
  download(suffix: string): void;
  select(index: number): void;
  dismissError(): void;
}

/** Lets the page paint the step just set before a long synchronous piece of work starts. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    // requestAnimationFrame does not fire in a hidden page: the timeout is the fallback.
    const fallback = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0)
    );
  });
}

export function useRunner(host: PaneHost): Runner {
  const [busy, setBusy] = useState<StringKey | null>(null);
  const [error, setError] = useState<StringKey | null>(null);
  const [notice, setNotice] = useState<StringKey | null>(null);
  const [warnings, setWarnings] = useState<PaneNotice[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  // A ref as well as state: two quick clicks arrive before React re-renders the disabled buttons.
  const running = useRef(false);

  /** Runs one action: one at a time, its steps shown, its failure shown as one sentence. */
  const perform = useCallback(
    async (
      first: StringKey,
      action: (step: (key: StringKey) => Promise<void>) => Promise<void>
    ) => {
      if (running.current) return;
      running.current = true;
      setError(null);
      setNotice(null);
      setWarnings([]);
      const step = async (key: StringKey) => {
        setBusy(key);
        await nextPaint();
      };
      try {
        await step(first);
        await action(step);
      } catch (e) {
        const key = e instanceof PaneError ? e.key : "errorRun";
        // The detail is for whoever debugs; the user sees the sentence of `key`.
        console.error(e instanceof PaneError ? (e.cause ?? e) : e);
        setError(key);
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    []
  );

  const port: WorkbookPort | null = host.kind === "excel" ? host.port : (file?.port ?? null);

  const openFile = useCallback(
    (picked: File) =>
      void perform("stepLoadingReader", async (step) => {
        const { openWorkbookBytes } = await failAs(
          "errorLoadReader",
          () => import(/* webpackChunkName: "xlsx" */ "../workbook/open-file")
        );
        await step("stepOpening");
        const bytes = await failAs("errorRead", () => picked.arrayBuffer());
        const opened = await failAs("errorNotWorkbook", () =>
          openWorkbookBytes(new Uint8Array(bytes), picked.name)
        );
        setFile({ name: picked.name, port: opened });
        setOutcome(null);
        setSelected(null);
      }),
    [perform]
  );

  const run = useCallback(
    (mode: RunMode, asOf: string) =>
      void perform("stepReading", async (step) => {
        if (!port) return;
        // Inside Excel, Validate checks the sheet the user is on (from a result sheet such as
        // 校验结果, every monitoring sheet, as the ribbon's button does); a file is checked whole.
        const sheet =
          host.kind === "excel" && mode === "validate"
            ? validationScope(await failAs("errorActiveSheet", () => host.activeSheet()))
            : undefined;
        const result = await runCheck(port, mode, { asOf: asOf || undefined, sheet }, step);
        setOutcome({ mode, result });
        setSelected(null);
        setWarnings(reportNotices(host));
      }),
    [perform, port, host]
  );

  const clearAnnotations = useCallback(
    () =>
      void perform("stepClearing", async () => {
        if (!port) return;
        await failAs("errorClear", () => port.clearAnnotations());
        setNotice("clearedNotice");
        setWarnings(reportNotices(host, "clear"));
      }),
    [perform, port, host]
  );

  const download = useCallback(
    (suffix: string) =>
      void perform("stepSaving", async () => {
        if (!file) return;
        const bytes = await failAs("errorSave", () => file.port.toBuffer());
        saveBytes(bytes, xlsxDownloadName(file.name, suffix, file.port.macroEnabled));
      }),
    [perform, file]
  );

  const select = useCallback(
    (index: number) => {
      setSelected(index);
      const finding = outcome?.result.findings[index];
      if (host.kind !== "excel" || !finding?.cell) return;
      host.selectCell(finding.sheet, finding.cell).catch((e: unknown) => {
        console.error(e);
        setError("errorSelect");
      });
    },
    [host, outcome]
  );

  return {
    busy,
    error,
    notice,
    warnings,
    outcome,
    fileName: file?.name ?? null,
    port,
    selected,
    // An Excel too old for the add-in gets its one sentence and no buttons that would fail.
    canRun: busy === null && port !== null && (host.kind !== "excel" || host.supported),
    canDownload: busy === null && file !== null && outcome !== null,
    openFile,
    run,
    clearAnnotations,
    download,
    select,
    dismissError: () => setError(null),
  };
}
