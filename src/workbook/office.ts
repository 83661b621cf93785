/**
 * The Excel adapter, split along its seams in office/: requirement sets (support.ts), refusals
 * (refusal.ts), request and response sizes (payload.ts), values (values.ts), reading in row blocks
 * (read.ts), plan sheets (sheet-writer.ts), cell marks (marks.ts), protected sheets
 * (protection.ts) and the port itself (workbook.ts).
 */
export { OfficeWorkbook } from "./office/workbook";
export type { OfficeWorkbookOptions } from "./office/workbook";
export { CORE_API_VERSION, FULL_SUPPORT, OFFICE_NEEDED, apiSupport } from "./office/support";
export type { ApiSupport, MissingFeature, NoteMode, RequirementChecker } from "./office/support";
export { ExcelRefusal, emptyReport } from "./office/refusal";
export type { RefusalReason, WriteReport } from "./office/refusal";
export { DEFAULT_PAYLOAD_BUDGET, estimatePayload } from "./office/payload";
export { charactersToPoints } from "./office/values";
export {
  ERROR_TEXT_MAX,
  TEMPLATE_PROTECTION,
  TEMP_SHEET_PREFIX,
  rectangles,
} from "./office/sheet-writer";
export { FILL_ONLY } from "./office/marks";
