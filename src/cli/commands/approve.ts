/**
 * approve FILE --sheet NAME --reviewer NAME: records the approval of a sheet in the file's 审核记录
 * (SPEC §9). The one command that writes into its input, and it only appends a row to 审核记录.
 */
import { checkWorkbook } from "../../core/engine";
import { APPROVALS_SHEET, APPROVAL_HEADER, formatApprovalTime } from "../../core/approval";
import { approveInWorkbook } from "../../core/approval/workbook";
import { parseArgs, str, UsageError } from "../args";
import { assertWritableInPlace, readWorkbook, saveWorkbook, InputError } from "../io";
import type { CommandContext } from "../main";

export async function runApprove(
  argv: string[],
  ctx: CommandContext,
  now: () => Date = () => new Date()
): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    flags: ["json"],
    values: ["sheet", "reviewer"],
  });
  if (positional.length !== 1) throw new UsageError("approve takes exactly one FILE");
  const file = positional[0];
  const reviewer = str(options, "reviewer")?.trim();
  if (!reviewer) throw new UsageError("--reviewer NAME is required");

  const { wb, grids } = await readWorkbook(file);
  assertWritableInPlace(wb, file, "approve");
  let sheet = str(options, "sheet");
  if (!sheet) {
    // Without --sheet, the workbook's only monitoring sheet.
    const names = checkWorkbook(grids).checks.map((c) => c.sheet);
    if (names.length !== 1) {
      throw new UsageError(
        `--sheet NAME is needed: the workbook has ${names.length} monitoring sheets${names.length ? ` (${names.join(", ")})` : ""}`
      );
    }
    sheet = names[0];
  }
  let outcome;
  try {
    outcome = approveInWorkbook(grids, { sheet, reviewer, time: formatApprovalTime(now()) });
  } catch (e) {
    if (/no sheet named/.test((e as Error).message)) throw new InputError((e as Error).message);
    throw e;
  }
  if (!outcome.ok) {
    if (options.json)
      ctx.stdout(
        JSON.stringify(
          { approved: false, sheet, reason: outcome.reason.zh, reasonEn: outcome.reason.en },
          null,
          2
        )
      );
    else ctx.stdout(`未审核 not approved: ${outcome.reason.zh} / ${outcome.reason.en}`);
    return 1;
  }
  await wb.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [outcome.row]);
  await saveWorkbook(wb, file);
  const a = outcome.approval;
  if (options.json) {
    ctx.stdout(JSON.stringify({ approved: true, ...a }, null, 2));
  } else {
    ctx.stdout(
      `已审核 approved: ${file} / ${a.sheet} · ${a.unit || "—"} · ${a.period || "—"} · 审核人 ${a.reviewer} · ${a.time}`
    );
    ctx.stdout(
      `  提示 ${a.warnings} · 指标目录版本 ${a.catalogueVersion} · 数据指纹 ${a.fingerprint}`
    );
    ctx.stdout(`  → ${file} / ${APPROVALS_SHEET}`);
  }
  return 0;
}
