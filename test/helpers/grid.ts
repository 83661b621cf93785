import type { Cell, CellValue, SheetGrid } from "../../src/core/model/cells";

/** A sheet grid from rows of plain values; a `{ v, f }` object gives a number format. */
export type Raw = CellValue | undefined | { v: CellValue; f: string };

export function grid(name: string, rows: Raw[][]): SheetGrid {
  return {
    name,
    rows: rows.map((r) =>
      r.map((x): Cell | undefined => {
        if (x === undefined) return undefined;
        if (x !== null && typeof x === "object" && "v" in x && "f" in x)
          return { value: x.v, numFmt: x.f };
        return { value: x as CellValue };
      })
    ),
  };
}

/** A bureau's monitoring sheet in the long layout, with a title, a header block and notes. */
export function bureauSheet(
  rows: Raw[][],
  opts: { unit?: string | null; period?: string | null; name?: string } = {}
): SheetGrid {
  const unit = opts.unit === undefined ? "合作市科技局" : opts.unit;
  const period = opts.period === undefined ? "2022年第三季度" : opts.period;
  return grid(opts.name ?? "监测表", [
    ["合作市创新型县建设指标监测表"],
    [
      unit === null ? undefined : "填报单位：" + unit,
      undefined,
      undefined,
      period === null ? undefined : "报告期",
      period ?? undefined,
    ],
    [],
    ["指标编码", "指标名称", "计量单位", "基期值", "目标值", "本期完成值", "上期完成值", "备注"],
    ...rows,
    [],
    ["注：本表数据截至报告期末。"],
    ["填表人：张三", undefined, "联系电话：0941-8211234"],
  ]);
}
