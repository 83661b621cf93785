/**
 * The WorkbookPort of a host whose adapter reports what its last write did not do (a sheet
 * protected with a password left unmarked …): Excel's and WPS's, the same way.
 */
import { emptyReport, type WriteReport } from "../workbook/office/refusal";
import type { WorkbookPort } from "../workbook/port";

/** What both the Excel and the WPS adapter offer the pane. */
interface ReportingWorkbook extends WorkbookPort {
  readonly lastReport: WriteReport;
}

/** `run` hands the work an adapter (fetched on first use); the port keeps each write's report. */
export function reportingPort<W extends ReportingWorkbook>(
  run: <T>(work: (wb: W) => Promise<T>) => Promise<T>
): { port: WorkbookPort; lastReport: () => WriteReport } {
  let report: WriteReport = emptyReport();
  const writing = (work: (wb: W) => Promise<void>) =>
    run(async (wb) => {
      report = emptyReport();
      try {
        await work(wb);
      } finally {
        report = wb.lastReport;
      }
    });
  const port: WorkbookPort = {
    readSheets: (names) => run((wb) => wb.readSheets(names)),
    applyPlan: (plan) => writing((wb) => wb.applyPlan(plan)),
    clearAnnotations: (sheet) => writing((wb) => wb.clearAnnotations(sheet)),
    appendRows: (sheet, header, rows) => run((wb) => wb.appendRows(sheet, header, rows)),
  };
  return { port, lastReport: () => report };
}
