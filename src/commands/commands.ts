/**
 * The ribbon's function commands (FunctionFile commands.html). Validate runs without opening the
 * pane; the work itself is in validate-command.ts.
 */
import { OfficeWorkbook } from "../workbook/office";
import { PortRunner, handleValidateEvent } from "./validate-command";

// OfficeWorkbook.run waits while the user is typing in a cell (delayForCellEdit).
const run: PortRunner = (work) => OfficeWorkbook.run(work);

/** The manifest's ExecuteFunction `validateSheet`. */
export function validateSheet(event: Office.AddinCommands.Event): Promise<unknown> {
  return handleValidateEvent(event, run);
}

// Excel looks the function up by name: through Office.actions where the runtime has it (registered
// at load, as the Office template does), and as a global function in older runtimes.
(globalThis as unknown as Record<string, unknown>).validateSheet = validateSheet;
if (typeof Office !== "undefined") {
  Office.onReady(() => undefined); // Office.js must be initialised before a command runs
  if (Office.actions?.associate) Office.actions.associate("validateSheet", validateSheet);
}
