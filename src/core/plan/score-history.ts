/**
 * 填报情况 of a consolidation with history: each unit's score of the earlier periods beside its
 * score of this one, oldest first — columns inserted before 得分, each header naming its period;
 * 得分 itself, the consolidation's period, keeps its header, by which a bulletin reads the sheet back
 * (docs/consolidation.md#history-across-periods).
 */
import type { PlanCell, PlanSheet } from "../model/plan";
import type { ConsolidationHistory } from "../model/consolidation";
import { cellAddress } from "../model/cells";
import { COMPLETENESS_HEADER } from "../i18n/completeness-labels";
import { FMT_SCORE } from "./styles";
import { insertChartColumns } from "./charts";

const SCORE_HEADER = COMPLETENESS_HEADER.score;

function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "A5:O22" with `k` more columns from `at` on. */
function widenRange(range: string, at: number, k: number): string {
  return range
    .split(":")
    .map((ref) => {
      const col = columnIndex(ref);
      const row = Number(/\d+$/.exec(ref)![0]) - 1;
      return cellAddress(row, col >= at ? col + k : col);
    })
    .join(":");
}

/**
 * The sheet with the earlier periods' scores before its 得分 column, one row per unit of
 * `history.units` (the rows of the sheet, in order, under the header). The sheet as it is when it
 * has no 得分 header.
 */
export function withScoreHistory(sheet: PlanSheet, history: ConsolidationHistory): PlanSheet {
  const head = sheet.cells.find((c) => c.value === SCORE_HEADER && c.bold);
  const earlier = history.periods.slice(0, -1);
  if (!head || !earlier.length) return sheet;
  const at = head.col;
  const k = earlier.length;
  const cells: PlanCell[] = sheet.cells.map((c) => (c.col >= at ? { ...c, col: c.col + k } : c));
  earlier.forEach((p, j) =>
    cells.push({ ...head, col: at + j, value: `${SCORE_HEADER}\n${p.period}` })
  );
  const scores = (i: number) => earlier.map((_, j) => history.units[i]?.scores[j] ?? null);
  const look = (v: number | null) => (v === null ? undefined : { numFmt: FMT_SCORE });
  if (!sheet.table)
    history.units.forEach((_, i) =>
      scores(i).forEach((value, j) =>
        cells.push({ row: head.row + 1 + i, col: at + j, value, ...look(value) })
      )
    );
  // The same rows written as a table.
  const table = sheet.table && {
    ...sheet.table,
    rows: sheet.table.rows.map((r, i) => ({
      values: [...r.values.slice(0, at), ...scores(i), ...r.values.slice(at)],
      styles: [...r.styles.slice(0, at), ...scores(i).map(look), ...r.styles.slice(at)],
      ...(r.link ? { link: r.link.col >= at ? { ...r.link, col: r.link.col + k } : r.link } : {}),
    })),
  };
  const widths = sheet.columnWidths ? [...sheet.columnWidths] : undefined;
  widths?.splice(at, 0, ...earlier.map(() => 17));

  return {
    ...sheet,
    cells,
    ...(table ? { table } : {}),
    columnWidths: widths,
    rowHeights: { ...sheet.rowHeights, [head.row]: 34 },
    autoFilter: sheet.autoFilter && widenRange(sheet.autoFilter, at, k),
    ...(sheet.charts ? { charts: insertChartColumns(sheet.charts, at, k) } : {}),
  };
}
