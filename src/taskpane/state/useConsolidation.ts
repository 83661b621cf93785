/**
 * The consolidation section's state: the last consolidation and its summary. The work itself is
 * in consolidate-approve.ts; rendering in components/Consolidation.tsx.
 */
import { useState } from "react";
import type { ConsolidationInput, ConsolidationResult } from "../../core/consolidate";
import type { openWorkbookBytes as OpenWorkbookBytes } from "../../workbook/open-file";
import type { WorkbookPort } from "../../workbook/shared/port";
import {
  consolidateFiles,
  consolidateTabs,
  consolidationFileName,
  summarise,
  type ConsolidationSummary,
} from "./consolidate-approve";
import { saveBytes } from "../host/download";
import type { PaneHost } from "../host/host";
import { useStrings } from "../text/i18n";
import type { Step } from "./one-at-a-time";
import type { SectionActions } from "./section-actions";
import { reportNotices } from "./useRunner";

export interface Consolidation {
  summary: ConsolidationSummary | null;
  /** The whole result too: the bulletin (BulletinButton) is made from it. */
  result: ConsolidationResult | null;
  /** Consolidates the open workbook's tabs (Excel only). */
  consolidateOpen(): void;
  consolidatePicked(files: File[]): void;
}

/** The picked files read, or the name of the first that cannot be. */
async function readPicked(
  open: typeof OpenWorkbookBytes,
  picked: File[]
): Promise<ConsolidationInput[] | { failed: string }> {
  const inputs: ConsolidationInput[] = [];
  for (const f of picked) {
    try {
      const wb = await open(new Uint8Array(await f.arrayBuffer()), f.name);
      inputs.push({ file: f.name, grids: await wb.readSheets() });
    } catch (e) {
      console.error(e);
      return { failed: f.name };
    }
  }
  return inputs;
}

/** A consolidation made in a browser is a new workbook, downloaded. */
async function download(result: ConsolidationResult, prefix: string): Promise<void> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../../workbook/xlsx");
  const out = XlsxWorkbook.empty();
  await out.applyPlan(result.plan);
  saveBytes(await out.toBuffer(), consolidationFileName(result.period, prefix));
}

export function useConsolidation(
  host: PaneHost,
  port: WorkbookPort | null,
  { act, setMessage }: SectionActions
): Consolidation {
  const { t } = useStrings();
  const [result, setResult] = useState<ConsolidationResult | null>(null);
  const [summary, setSummary] = useState<ConsolidationSummary | null>(null);
  const show = (r: ConsolidationResult) => {
    setResult(r);
    setSummary(summarise(r));
    // What the write into Excel left out (the charts, on an Excel without the chart API).
    const [leftOut] = reportNotices(host);
    if (leftOut) setMessage({ intent: "warning", key: leftOut.key, vars: leftOut.vars });
  };

  const consolidateOpen = () =>
    act(
      "stepConsolidating",
      async () => {
        if (port) show(await consolidateTabs(port));
      },
      "errorWrite"
    );

  const consolidatePicked = (picked: File[]) =>
    act(
      "stepLoadingReader",
      async (step: Step) => {
        const { openWorkbookBytes } = await import(
          /* webpackChunkName: "xlsx" */ "../../workbook/open-file"
        );
        await step("stepReading");
        const inputs = await readPicked(openWorkbookBytes, picked);
        if ("failed" in inputs) {
          setMessage({
            intent: "error",
            key: "errorConsolidateFile",
            vars: { name: inputs.failed },
          });
          return;
        }
        await step("stepConsolidating");
        // In Excel the result goes into the open workbook; in a browser it is a new file to download.
        const into = host.kind === "excel" ? port : null;
        const consolidated = await consolidateFiles(inputs, into);
        if (!into) await download(consolidated, t("consolidateFilePrefix"));
        show(consolidated);
      },
      "errorWrite"
    );

  return { summary, result, consolidateOpen, consolidatePicked };
}
