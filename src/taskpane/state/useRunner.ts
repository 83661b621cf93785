/**
 * The pane's state: which workbook it works on, the step under way, the last run's result,
 * the error or notice to show. Rendering lives in the components; the work itself in run.ts.
 */
import { useCallback, useState } from "react";
import type { RunResult } from "../../core/engine";
import type { WorkbookPort } from "../../workbook/shared/port";
import { saveBytes, xlsxDownloadName } from "../host/download";
import type { PaneHost } from "../host/host";
import type { RunMode } from "./run";
import { PaneError, failAs, runCheck } from "./run";
import type { StringKey } from "../text/strings";
import { validationScope } from "../../core/scope";
import { useOneAtATime, type Step } from "./one-at-a-time";

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

/** The sentence for a failed action; the detail is for whoever debugs, in the console. */
function failureKey(e: unknown): StringKey {
  console.error(e instanceof PaneError ? (e.cause ?? e) : e);
  return e instanceof PaneError ? e.key : "errorRun";
}

/** Reads a picked file into memory: the reader is a chunk of its own, fetched on first use. */
async function openPicked(picked: File, step: Step): Promise<OpenedFile> {
  const { openWorkbookBytes } = await failAs(
    "errorLoadReader",
    () => import(/* webpackChunkName: "xlsx" */ "../../workbook/open-file")
  );
  await step("stepOpening");
  const bytes = await failAs("errorRead", () => picked.arrayBuffer());
  const port = await failAs("errorNotWorkbook", () =>
    openWorkbookBytes(new Uint8Array(bytes), picked.name)
  );
  return { name: picked.name, port };
}

/**
 * The sheet a run speaks for: inside Excel, Validate checks the sheet the user is on (from a result
 * sheet such as 校验结果, every monitoring sheet, as the ribbon's button does); a file is checked whole.
 */
async function scopeOf(host: PaneHost, mode: RunMode): Promise<string | undefined> {
  if (host.kind !== "excel" || mode !== "validate") return undefined;
  return validationScope(await failAs("errorActiveSheet", () => host.activeSheet()));
}

/** The error, notice and warnings an action leaves, cleared as the next one starts. */
function useFeedback() {
  const [error, setError] = useState<StringKey | null>(null);
  const [notice, setNotice] = useState<StringKey | null>(null);
  const [warnings, setWarnings] = useState<PaneNotice[]>([]);
  const clear = () => {
    setError(null);
    setNotice(null);
    setWarnings([]);
  };
  return { error, setError, notice, setNotice, warnings, setWarnings, clear };
}

/** Clicking a finding: remembered, and inside Excel its cell selected. */
function useSelection(host: PaneHost, outcome: Outcome | null, fail: (key: StringKey) => void) {
  const [selected, setSelected] = useState<number | null>(null);
  const select = useCallback(
    (index: number) => {
      setSelected(index);
      const finding = outcome?.result.findings[index];
      if (host.kind !== "excel" || !finding?.cell) return;
      host.selectCell(finding.sheet, finding.cell).catch((e: unknown) => {
        console.error(e);
        fail("errorSelect");
      });
    },
    [host, outcome, fail]
  );
  return { selected, setSelected, select };
}

type Act = (first: StringKey, work: (step: Step) => Promise<void>) => void;

/** What the four buttons do, each one action started through `act`. */
function workbookActions(d: {
  host: PaneHost;
  port: WorkbookPort | null;
  file: OpenedFile | null;
  act: Act;
  show: (next: OpenedFile | null, result: Outcome | null) => void;
  setNotice: (key: StringKey) => void;
  setWarnings: (notices: PaneNotice[]) => void;
}): Pick<Runner, "openFile" | "run" | "clearAnnotations" | "download"> {
  const { host, port, file, act, show, setNotice, setWarnings } = d;
  return {
    openFile: (picked: File) =>
      act("stepLoadingReader", async (step) => show(await openPicked(picked, step), null)),
    run: (mode: RunMode, asOf: string) =>
      act("stepReading", async (step) => {
        if (!port) return;
        const opts = { asOf: asOf || undefined, sheet: await scopeOf(host, mode) };
        show(null, { mode, result: await runCheck(port, mode, opts, step) });
        setWarnings(reportNotices(host));
      }),
    clearAnnotations: () =>
      act("stepClearing", async () => {
        if (!port) return;
        await failAs("errorClear", () => port.clearAnnotations());
        setNotice("clearedNotice");
        setWarnings(reportNotices(host, "clear"));
      }),
    download: (suffix: string) =>
      act("stepSaving", async () => {
        if (!file) return;
        const bytes = await failAs("errorSave", () => file.port.toBuffer());
        saveBytes(bytes, xlsxDownloadName(file.name, suffix, file.port.macroEnabled));
      }),
  };
}

export function useRunner(host: PaneHost): Runner {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const feedback = useFeedback();
  const { selected, setSelected, select } = useSelection(host, outcome, feedback.setError);
  const { busy, perform } = useOneAtATime({ clear: feedback.clear, paint: nextPaint });
  const { setError } = feedback;
  const act: Act = useCallback(
    (first: StringKey, work: (step: Step) => Promise<void>) =>
      void perform(first, work, (e) => setError(failureKey(e))),
    [perform, setError]
  );
  const port: WorkbookPort | null = host.kind === "excel" ? host.port : (file?.port ?? null);
  const show = (next: OpenedFile | null, result: Outcome | null) => {
    if (next) setFile(next);
    setOutcome(result);
    setSelected(null);
  };

  const actions = workbookActions({ host, port, file, act, show, ...feedback });

  return {
    busy,
    error: feedback.error,
    notice: feedback.notice,
    warnings: feedback.warnings,
    outcome,
    fileName: file?.name ?? null,
    port,
    selected,
    // An Excel too old for the add-in gets its one sentence and no buttons that would fail.
    canRun: busy === null && port !== null && (host.kind !== "excel" || host.supported),
    canDownload: busy === null && file !== null && outcome !== null,
    ...actions,
    select,
    dismissError: () => setError(null),
  };
}
