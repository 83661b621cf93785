/**
 * The WPS ribbon's 校验: the same as the Excel ribbon's Validate (commands/validate-command.ts) on
 * the WPS adapter — the active sheet validated, 校验结果 written and shown, its cells marked; on
 * failure, 校验结果 says what went wrong, so a click never ends in silence.
 */
import { failurePlan, runValidateCommand } from "../commands/validate-command";
import type { ValidateCommandResult } from "../commands/validate-command";
import type { EtApplication } from "../workbook/wps/et";
import { wpsSupport } from "../workbook/wps/support";
import { WpsWorkbook } from "../workbook/wps/workbook";

export async function validateInWps(
  app: EtApplication,
  log: (...args: unknown[]) => void = console.error
): Promise<ValidateCommandResult | null> {
  const port = new WpsWorkbook(app, wpsSupport(app));
  try {
    return await runValidateCommand(port);
  } catch (error) {
    log("validate failed", error);
    await port
      .applyPlan(failurePlan(error))
      .catch((second: unknown) => log("could not report the failure", second));
    return null;
  }
}
