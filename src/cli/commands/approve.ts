/**
 * approve FILE --sheet NAME --reviewer NAME: records the approval of a sheet in the file's 审核记录
 * (docs/specification.md §9). The one command that writes into its input, and it only appends a row to 审核记录.
 */
import { checkWorkbook } from "../../core/engine";
import { APPROVALS_SHEET, APPROVAL_HEADER, formatApprovalTime } from "../../core/approval";
import type { Approval } from "../../core/approval";
import { approveInWorkbook } from "../../core/approval/workbook";
import type { WorkbookGrids } from "../../core/model/cells";
import { FLAG, VALUE, parseOptions, UsageError } from "../args";
import { assertWritableInPlace, readWorkbook, saveWorkbook } from "../io";
import type { CommandContext } from "../main";

/** The sheet to approve: --sheet, else the workbook's only monitoring sheet. */
function sheetToApprove(grids: WorkbookGrids, named: string | undefined): string {
  if (named) return named;
  const names = checkWorkbook(grids).checks.map((c) => c.sheet);
  if (names.length !== 1) {
    throw new UsageError(
      `--sheet NAME is needed: the workbook has ${names.length} monitoring sheets${names.length ? ` (${names.join(", ")})` : ""}`
    );
  }
  return names[0];
}

/** What was recorded, for a person at a terminal. */
function approvedLines(file: string, a: Approval): string[] {
  return [
    `已审核 approved: ${file} / ${a.sheet} · ${a.unit || "—"} · ${a.period || "—"} · 审核人 ${a.reviewer} · ${a.time}`,
    `  提示 ${a.warnings} · 指标目录版本 ${a.catalogueVersion} · 数据指纹 ${a.fingerprint}`,
    `  → ${file} / ${APPROVALS_SHEET}`,
  ];
}

export async function runApprove(
  argv: string[],
  ctx: CommandContext,
  now: () => Date = () => new Date()
): Promise<number> {
  const { positional, options } = parseOptions(argv, {
    json: FLAG,
    sheet: VALUE,
    reviewer: VALUE,
  });
  if (positional.length !== 1) throw new UsageError("approve takes exactly one FILE");
  const file = positional[0];
  const reviewer = options.reviewer?.trim();
  if (!reviewer) throw new UsageError("--reviewer NAME is required");

  const { wb, grids } = await readWorkbook(file);
  assertWritableInPlace(wb, file, "approve");
  const sheet = sheetToApprove(grids, options.sheet);
  // A sheet the workbook lacks throws NoSuchSheetError: exit 2, as for any unusable input.
  const outcome = approveInWorkbook(grids, { sheet, reviewer, time: formatApprovalTime(now()) });
  const json = (doc: object) => ctx.stdout(JSON.stringify(doc, null, 2));
  if (!outcome.ok) {
    const { zh, en } = outcome.reason;
    if (options.json) json({ approved: false, sheet, reason: zh, reasonEn: en });
    else ctx.stdout(`未审核 not approved: ${zh} / ${en}`);
    return 1;
  }
  await wb.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [outcome.row]);
  await saveWorkbook(wb, file);
  if (options.json) json({ approved: true, ...outcome.approval });
  else for (const l of approvedLines(file, outcome.approval)) ctx.stdout(l);
  return 0;
}
