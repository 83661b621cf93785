/**
 * The ribbon's Validate button, without Office: read the active sheet, validate it, write
 * 校验结果 and the cell marks, show 校验结果. commands.ts wires it to Excel.
 */
import { isProductSheet, validateWorkbook, validationScope } from "../core/engine";
import type { Catalogue } from "../core/model/catalogue";
import type { WorkbookGrids } from "../core/model/cells";
import type { WritePlan } from "../core/model/plan";
import { RULES_SHEET } from "../core/catalogue/sheet-layout";
import { APPROVALS_SHEET } from "../core/approval/record";
import { FINDINGS_SHEET } from "../core/plan/findings-sheet";
import type { WorkbookPort } from "../workbook/port";
import type { WriteReport } from "../workbook/office/refusal";
import { ExcelRefusal } from "../workbook/office/refusal";
import type { Message } from "../core/i18n/messages";
import { VALIDATE_COMMAND_TEXT } from "../core/i18n/command-messages";

/** The port plus what the button needs: the active sheet (and named sheets) in one go, the sheet names. */
export interface ActiveSheetPort extends WorkbookPort {
  readActive(others?: string[]): Promise<{ active: string; workbook: WorkbookGrids }>;
  /** Every sheet's name in tab order, for reading a large workbook a few sheets at a time. */
  sheetNames(): Promise<string[]>;
  /** What the last write left undone (sheets protected with a password stay unmarked). */
  readonly lastReport?: WriteReport;
}

/**
 * Excel gives a function command five minutes before it gives up on it
 * (https://learn.microsoft.com/office/dev/add-ins/design/add-in-commands); reading stops well
 * before, so that validating and writing what was read fit in the rest.
 */
export const READ_BUDGET_MS = 120_000;
/** Sheets read per request when the whole workbook is validated from a product sheet. */
const SHEETS_PER_READ = 20;

export interface ValidateCommandOptions {
  catalogue?: Catalogue;
  /** ISO date overriding the sheet's report period. */
  asOf?: string;
  /** How long reading a whole workbook may take, in ms (READ_BUDGET_MS). */
  readBudgetMs?: number;
  now?: () => number;
}

export interface ValidateCommandResult {
  /** The sheets validated: the active one, or every monitoring sheet when run from a product sheet. */
  sheets: string[];
  errors: number;
  warnings: number;
  summary: Message;
  /** Monitoring sheets not validated because reading them would have run past the time limit. */
  skipped: string[];
  /** Sheets protected with a password: validated and listed, but their cells not marked. */
  unmarked: string[];
}

/** Every sheet but the product's, read a few at a time until the time budget is spent. */
async function readWithin(
  port: ActiveSheetPort,
  first: WorkbookGrids,
  deadline: number,
  now: () => number
): Promise<{ grids: WorkbookGrids; skipped: string[] }> {
  const names = (await port.sheetNames()).filter(
    (n) => !isProductSheet(n) || n === RULES_SHEET || n === APPROVALS_SHEET
  );
  const have = new Set(first.sheets.map((s) => s.name));
  const wanted = names.filter((n) => !have.has(n));
  const sheets = [...first.sheets];
  let i = 0;
  while (i < wanted.length && now() < deadline) {
    const chunk = wanted.slice(i, i + SHEETS_PER_READ);
    sheets.push(...(await port.readSheets(chunk)).sheets);
    i += chunk.length;
  }
  const order = new Map(names.map((n, k) => [n, k]));
  sheets.sort((a, b) => (order.get(a.name) ?? -1) - (order.get(b.name) ?? -1));
  return { grids: { sheets: sheets.filter((s) => order.has(s.name)) }, skipped: wanted.slice(i) };
}

/**
 * Validates the active sheet (3 syncs with the Excel adapter). Run from one of the product's own
 * result sheets (校验结果, 差距分析 …), it validates every monitoring sheet of the workbook instead.
 */
export async function runValidateCommand(
  port: ActiveSheetPort,
  options: ValidateCommandOptions = {}
): Promise<ValidateCommandResult> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.readBudgetMs ?? READ_BUDGET_MS);
  // The catalogue sheet and the approval log matter to validation when the workbook has them.
  const { active, workbook } = await port.readActive([RULES_SHEET, APPROVALS_SHEET]);
  // 指标规则 is validated as the catalogue it is; the product's other sheets hold no data to check.
  const scope = validationScope(active);
  const whole = scope === undefined;
  const { grids, skipped } = whole
    ? await readWithin(port, workbook, deadline, now)
    : { grids: workbook, skipped: [] };
  const result = validateWorkbook(grids, {
    sheet: scope,
    catalogue: options.catalogue,
    asOf: options.asOf,
  });
  const sheets = whole ? result.sheets.map((s) => s.sheet) : [active];
  const plan: WritePlan = {
    ...result.plan,
    // Cells fixed since the last run lose their marks: this run speaks for these sheets.
    replaceAnnotations: Array.from(new Set([...(result.plan.replaceAnnotations ?? []), ...sheets])),
    activate: result.plan.activate ?? FINDINGS_SHEET,
  };
  await port.applyPlan(plan);
  const unmarked = port.lastReport?.unmarkedSheets ?? [];
  // What the button did not do goes under the findings: a ribbon command has no other place to say it.
  const notes = [
    ...(skipped.length ? [VALIDATE_COMMAND_TEXT.skipped(skipped)] : []),
    ...(unmarked.length ? [VALIDATE_COMMAND_TEXT.unmarked(unmarked)] : []),
  ];
  if (notes.length > 0)
    await port.appendRows(
      FINDINGS_SHEET,
      [],
      notes.map((n) => [n])
    );
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  return {
    sheets,
    errors,
    warnings,
    summary: VALIDATE_COMMAND_TEXT.summary(
      sheets.join("、") || active,
      errors,
      warnings,
      FINDINGS_SHEET
    ),
    skipped,
    unmarked,
  };
}

/** A 校验结果 sheet that says the run failed and why, so a button press never ends in silence. */
export function failurePlan(error: unknown): WritePlan {
  // A refusal says what to do in both languages; anything else is shown as Excel reported it.
  const detail =
    error instanceof ExcelRefusal
      ? `${error.text.zh}\n${error.text.en}`
      : error instanceof Error
        ? error.message
        : String(error);
  return {
    sheets: [
      {
        name: FINDINGS_SHEET,
        cells: [
          {
            row: 0,
            col: 0,
            value: VALIDATE_COMMAND_TEXT.failedTitle,
            bold: true,
            size: 14,
            fontColor: "#9C0006",
          },
          { row: 2, col: 0, value: VALIDATE_COMMAND_TEXT.failedHint.zh, wrap: true },
          { row: 3, col: 0, value: VALIDATE_COMMAND_TEXT.failedHint.en, wrap: true },
          { row: 5, col: 0, value: detail, wrap: true, fontColor: "#595959" },
        ],
        columnWidths: [100],
      },
    ],
    annotations: [],
    activate: FINDINGS_SHEET,
  };
}

/** Runs `work` with a port on the open workbook (one Excel.run in Excel, the double in tests). */
export type PortRunner = <T>(work: (port: ActiveSheetPort) => Promise<T>) => Promise<T>;

/** What Excel passes to a function command: it waits for completed() before taking the next click. */
export interface CommandEvent {
  completed(): void;
}

/**
 * The button's handler: validate; on failure write what went wrong into 校验结果; always tell
 * Excel the command is done, or the ribbon stays busy.
 */
export async function handleValidateEvent(
  event: CommandEvent,
  run: PortRunner,
  log: (...args: unknown[]) => void = console.error
): Promise<ValidateCommandResult | null> {
  try {
    return await run((port) => runValidateCommand(port));
  } catch (error) {
    log("validateSheet failed", error);
    await run((port) => port.applyPlan(failurePlan(error))).catch((second: unknown) =>
      log("could not report the failure", second)
    );
    return null;
  } finally {
    event.completed();
  }
}
