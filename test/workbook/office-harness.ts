/**
 * The Office adapter on the Excel API double: a workbook made from a contract seed, a port on it,
 * and what the host really holds (fills, notes, protection …) for the tests to look at.
 */
import { parseAddress } from "../../src/core/model/cells";
import type { PlanSheet, WritePlan } from "../../src/core/model/plan";
import { OfficeWorkbook, apiSupport } from "../../src/workbook/office";
import { dateToExcelSerial } from "../../src/workbook/shared/number-format";
import { CellLook, PortHarness, SeedSheet, SheetLook } from "./contract";
import {
  DSheet,
  DoubleContext,
  DoubleOptions,
  WorkbookModel,
  asExcelContext,
  newSheet,
} from "./excel-double";

export const MB = 1024 * 1024;

export function modelFrom(seed: SeedSheet[]): WorkbookModel {
  const model = new WorkbookModel();
  for (const s of seed) {
    const sheet = newSheet(s.name);
    if (s.hidden) sheet.visibility = "Hidden";
    for (const [addr, c] of Object.entries(s.cells)) {
      const { row, col } = parseAddress(addr);
      const cell = model.cell(sheet, row, col);
      const v = c.value;
      if (v instanceof Date) cell.value = dateToExcelSerial(v);
      else if (v !== null && typeof v === "object") cell.error = v.error;
      else if (v !== null) cell.value = v;
      if (c.formula) cell.formula = c.formula;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.fill) cell.fill = c.fill;
      if (c.note) sheet.notes.set(addr, c.note);
    }
    sheet.merges.push(...(s.merges ?? []));
    model.sheets.push(sheet);
  }
  return model;
}

export function sheetOf(model: WorkbookModel, name: string): DSheet {
  const s = model.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export type OfficeHarness = PortHarness & {
  port: OfficeWorkbook;
  ctx: DoubleContext;
  model: WorkbookModel;
};

export function harnessFor(
  model: WorkbookModel,
  apiVersion = 1.18,
  options: DoubleOptions & { payloadBudget?: number } = {}
): OfficeHarness {
  const ctx = new DoubleContext(model, apiVersion, options);
  const port = new OfficeWorkbook(asExcelContext(ctx), {
    support: apiSupport(ctx.requirements),
    payloadBudget: options.payloadBudget,
  });
  const noteOf = (s: DSheet, addr: string) =>
    s.notes.get(addr) ?? s.comments.find((c) => c.cell === addr)?.content ?? null;
  return {
    port,
    ctx,
    model,
    async sheetNames() {
      return model.sheets.map((s) => s.name);
    },
    async cellLook(sheet: string, addr: string): Promise<CellLook> {
      const s = sheetOf(model, sheet);
      const { row, col } = parseAddress(addr);
      const c = s.cells.get(`${row},${col}`) ?? {};
      const ref = c.link?.documentReference;
      return {
        fill: c.fill ?? null,
        fontColor: c.fontColor ?? null,
        bold: c.bold === true,
        numFmt: c.numFmt ?? null,
        note: noteOf(s, addr),
        link: ref
          ? ref.replace(/^'((?:[^']|'')+)'!/, (_m, n: string) => `${n.replace(/''/g, "'")}!`)
          : null,
        locked: c.locked !== false,
        validation: c.validation?.rule
          ? Object.keys(c.validation.rule)[0].replace("wholeNumber", "whole")
          : null,
      };
    },
    async sheetLook(sheet: string): Promise<SheetLook> {
      const s = sheetOf(model, sheet);
      const chars = (pt: number | undefined) =>
        pt === undefined ? undefined : Math.round(((pt / 0.75 - 5) / 7) * 100) / 100;
      return {
        merges: s.merges,
        freezeRows: s.freezeRows,
        landscape: s.orientation === "Landscape" && s.zoom.horizontalFitToPages === 1,
        dataBars: s.dataBars.map((b) => ({ range: b.range, color: b.fillColor ?? "" })),
        columnWidths: [0, 1, 2, 3].map((c) => chars(s.columnWidths.get(c))),
        rowHeights: [0, 1, 2, 3].map((r) => s.rowHeights.get(r)),
        autoFilter: s.autoFilter,
        protected: s.protected,
      };
    },
    async reopen() {
      // The workbook stays open in Excel: nothing to save and load.
    },
  };
}

/** A monitoring sheet of n indicator rows under a header. */
export function bigSheet(rows: number): SeedSheet {
  const cells: SeedSheet["cells"] = {
    A1: { value: "填报单位：市科技局" },
    A2: { value: "报告期：2022年第三季度" },
    A3: { value: "指标名称" },
    B3: { value: "本期完成值" },
    C3: { value: "目标值" },
    D3: { value: "备注" },
  };
  for (let i = 0; i < rows; i++) {
    const r = 4 + i;
    cells[`A${r}`] = { value: `指标${i}` };
    cells[`B${r}`] = {
      value: i % 7 === 0 ? "约400斤" : i * 1.5,
      numFmt: i % 3 === 0 ? "0.00%" : undefined,
    };
    cells[`C${r}`] = { value: 100 + i };
    cells[`D${r}`] = { value: i % 5 === 0 ? "已核实" : null };
  }
  return { name: "监测表", cells };
}

/** The kind of plan validation makes: a findings sheet with a link per finding, and marks. */
export function validationPlan(findings: number): WritePlan {
  const cells: PlanSheet["cells"] = [
    { row: 0, col: 0, value: "校验结果", bold: true, size: 14 },
    ...["规则", "级别", "单元格", "指标", "原文", "说明"].map((value, col) => ({
      row: 1,
      col,
      value,
      bold: true,
      fill: "#DDEBF7",
    })),
  ];
  const annotations: WritePlan["annotations"] = [];
  for (let i = 0; i < findings; i++) {
    const cell = `B${4 + i * 7}`;
    const row = 2 + i;
    cells.push(
      { row, col: 0, value: "unparseable_number" },
      { row, col: 1, value: "错误", fill: "#FFC7CE", fontColor: "#9C0006" },
      { row, col: 2, value: cell, link: { sheet: "监测表", cell } },
      { row, col: 3, value: `C${i}` },
      { row, col: 4, value: "约400斤" },
      {
        row,
        col: 5,
        value:
          '无法识别数字“约400斤”，请填写数值。/ Cannot read a number in "约400斤"; enter a number.',
        wrap: true,
      }
    );
    annotations.push({
      sheet: "监测表",
      cell,
      fill: "#FFC7CE",
      note: "无法识别数字，请填写数值。",
    });
  }
  return {
    sheets: [
      {
        name: "校验结果",
        cells,
        columnWidths: [20, 8, 10, 10, 16, 60],
        freezeRows: 2,
        landscape: true,
      },
    ],
    annotations,
    activate: "校验结果",
  };
}
