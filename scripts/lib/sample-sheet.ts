/** How the sample scripts draw a unit's sheet: a merged title, shaded bordered headers, bordered cells. */
import ExcelJS from "exceljs";

export type SampleValue = ExcelJS.CellValue;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function headerCells(ws: ExcelJS.Worksheet, row: number, texts: string[]): void {
  texts.forEach((t, c) => {
    const cell = ws.getCell(row, c + 1);
    cell.value = t || null;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = THIN;
  });
}

export function bodyCells(ws: ExcelJS.Worksheet, row: number, values: SampleValue[]): void {
  values.forEach((v, c) => {
    const cell = ws.getCell(row, c + 1);
    cell.value = v;
    cell.border = THIN;
  });
}

export function title(ws: ExcelJS.Worksheet, text: string, width: number, size = 16): void {
  ws.getCell(1, 1).value = text;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
}
