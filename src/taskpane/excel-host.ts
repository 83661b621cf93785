/**
 * The pane inside Excel: the Office adapter as its workbook (each call one Excel.run), what this
 * Excel cannot do, and the one host call the pane needs beyond the port: selecting a cell.
 * Every Excel.run waits while the user is typing in a cell (delayForCellEdit,
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions) rather than failing.
 */
import type { OfficeWorkbook } from "../workbook/office/workbook";
import { apiSupport } from "../workbook/office/support";
import { reportingPort } from "./reporting-port";
import type { ExcelHost, HostBase } from "./host";

const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export function connectExcel(base: HostBase): ExcelHost {
  const support = apiSupport();
  // The adapter is a chunk of its own, fetched on the first call: the first screen does not wait for it.
  const run = async <T>(work: (wb: OfficeWorkbook) => Promise<T>) => {
    const { OfficeWorkbook } = await import(
      /* webpackChunkName: "office" */ "../workbook/office/workbook"
    );
    return OfficeWorkbook.run(work, { support });
  };
  const { port, lastReport } = reportingPort(run);
  return {
    kind: "excel",
    ...base,
    port,
    supported: support.core,
    limits: support.missing.map((m) => m.reason),
    lastReport,
    activeSheet: () =>
      Excel.run(RUN_OPTIONS, async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        return sheet.name;
      }),
    selectCell: (sheet, cell) =>
      Excel.run(RUN_OPTIONS, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
  };
}
