/**
 * The ribbon's Validate button, without Office: read the active sheet, validate it, write
 * 校验结果 and the cell marks, show 校验结果. commands.ts wires it to Excel.
 */
import { isProductSheet, validateWorkbook } from '../core/engine';
import type { Catalogue } from '../core/model/catalogue';
import type { WorkbookGrids } from '../core/model/cells';
import type { WritePlan } from '../core/model/plan';
import { RULES_SHEET } from '../core/catalogue/sheet-layout';
import { APPROVALS_SHEET } from '../core/approval/record';
import { FINDINGS_SHEET } from '../core/plan/findings-sheet';
import type { WorkbookPort } from '../workbook/port';

export interface Bilingual {
  zh: string;
  en: string;
}

/** The port plus the one read the button needs: the active sheet (and named sheets) in one go. */
export interface ActiveSheetPort extends WorkbookPort {
  readActive(others?: string[]): Promise<{ active: string; workbook: WorkbookGrids }>;
}

export interface ValidateCommandOptions {
  catalogue?: Catalogue;
  /** ISO date overriding the sheet's report period. */
  asOf?: string;
}

export interface ValidateCommandResult {
  /** The sheets validated: the active one, or every monitoring sheet when run from a product sheet. */
  sheets: string[];
  errors: number;
  warnings: number;
  summary: Bilingual;
}

const STRINGS = {
  summary: (sheets: string, errors: number, warnings: number): Bilingual => ({
    zh: `已校验“${sheets}”：错误 ${errors} 条，提示 ${warnings} 条，详见“${FINDINGS_SHEET}”。`,
    en: `Validated ${sheets}: ${errors} errors, ${warnings} warnings; see ${FINDINGS_SHEET}.`,
  }),
  failedTitle: '校验未完成 / Validation did not finish',
  failedHint: {
    zh: '校验时出错，工作簿未被修改。请检查当前工作表后重试；如问题持续，请在任务窗格中运行校验查看详情。',
    en: 'An error stopped the validation; the workbook was not changed. Check the active sheet and try again, or run Validate from the task pane for details.',
  },
};

/**
 * Validates the active sheet (3 syncs with the Excel adapter). Run from one of the product's own
 * result sheets (校验结果, 差距分析 …), it validates every monitoring sheet of the workbook instead.
 */
export async function runValidateCommand(port: ActiveSheetPort, options: ValidateCommandOptions = {}): Promise<ValidateCommandResult> {
  // The catalogue sheet and the approval log matter to validation when the workbook has them.
  const { active, workbook } = await port.readActive([RULES_SHEET, APPROVALS_SHEET]);
  // 指标规则 is validated as the catalogue it is; the product's other sheets hold no data to check.
  const whole = isProductSheet(active) && active !== RULES_SHEET;
  const grids = whole ? await port.readSheets() : workbook;
  const result = validateWorkbook(grids, { sheet: whole ? undefined : active, catalogue: options.catalogue, asOf: options.asOf });
  const sheets = whole ? result.sheets.map((s) => s.sheet) : [active];
  const plan: WritePlan = {
    ...result.plan,
    // Cells fixed since the last run lose their marks: this run speaks for these sheets.
    replaceAnnotations: Array.from(new Set([...(result.plan.replaceAnnotations ?? []), ...sheets])),
    activate: result.plan.activate ?? FINDINGS_SHEET,
  };
  await port.applyPlan(plan);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  return { sheets, errors, warnings, summary: STRINGS.summary(sheets.join('、') || active, errors, warnings) };
}

/** A 校验结果 sheet that says the run failed and why, so a button press never ends in silence. */
export function failurePlan(error: unknown): WritePlan {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    sheets: [
      {
        name: FINDINGS_SHEET,
        cells: [
          { row: 0, col: 0, value: STRINGS.failedTitle, bold: true, size: 14, fontColor: '#9C0006' },
          { row: 2, col: 0, value: STRINGS.failedHint.zh, wrap: true },
          { row: 3, col: 0, value: STRINGS.failedHint.en, wrap: true },
          { row: 5, col: 0, value: detail, wrap: true, fontColor: '#595959' },
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
export async function handleValidateEvent(event: CommandEvent, run: PortRunner, log: (...args: unknown[]) => void = console.error): Promise<ValidateCommandResult | null> {
  try {
    return await run((port) => runValidateCommand(port));
  } catch (error) {
    log('validateSheet failed', error);
    await run((port) => port.applyPlan(failurePlan(error))).catch((second: unknown) => log('could not report the failure', second));
    return null;
  } finally {
    event.completed();
  }
}
