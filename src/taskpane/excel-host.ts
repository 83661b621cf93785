/**
 * The pane inside Excel: the Office adapter as its workbook (each call one Excel.run), what this
 * Excel cannot do, and the one host call the pane needs beyond the port: selecting a cell.
 */
import { OfficeWorkbook, apiSupport } from '../workbook/office';
import type { WorkbookPort } from '../workbook/port';
import type { ExcelHost, HostBase } from './host';

export function connectExcel(base: HostBase): ExcelHost {
  const support = apiSupport();
  const run = <T>(work: (wb: OfficeWorkbook) => Promise<T>) => OfficeWorkbook.run(work, { support });
  const port: WorkbookPort = {
    readSheets: (names) => run((wb) => wb.readSheets(names)),
    applyPlan: (plan) => run((wb) => wb.applyPlan(plan)),
    clearAnnotations: (sheet) => run((wb) => wb.clearAnnotations(sheet)),
    appendRows: (sheet, header, rows) => run((wb) => wb.appendRows(sheet, header, rows)),
  };
  return {
    kind: 'excel',
    ...base,
    port,
    limits: support.missing.map((m) => m.reason),
    activeSheet: () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        await context.sync();
        return sheet.name;
      }),
    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
  };
}
