/**
 * The core's failures, as types: callers tell them apart with instanceof, never by their text,
 * and say them in their own words from the fields (or show `text`, in both languages).
 */
import type { Finding } from "./model/results";
import type { Message } from "./i18n/messages";
import { ERROR_TEXT } from "./i18n/engine-messages";

/** A failure with its sentence in both languages; the Error's message holds both. */
export abstract class CoreError extends Error {
  constructor(
    readonly text: Message,
    message = `${text.zh} / ${text.en}`
  ) {
    super(message);
  }
}

/** The sheet asked for (validate --sheet, approve --sheet) is not in the workbook. */
export class NoSuchSheetError extends CoreError {
  constructor(readonly sheet: string) {
    const text = ERROR_TEXT.noSuchSheet(sheet);
    super(text, `${text.en} / ${text.zh}`);
    this.name = "NoSuchSheetError";
  }
}

/**
 * A write plan a workbook cannot take, found before anything is written: a plan sheet named like
 * the product's internal annotation store, or annotations on sheets the workbook does not have.
 */
export class PlanError extends CoreError {
  constructor(
    readonly reason: "reserved_sheet" | "missing_sheet",
    readonly sheets: string[]
  ) {
    super(
      reason === "reserved_sheet"
        ? ERROR_TEXT.reservedSheet(sheets)
        : ERROR_TEXT.missingSheet(sheets)
    );
    this.name = "PlanError";
  }
}

/** A 指标规则 sheet that cannot be used as the catalogue; `findings` say where and why (each on its cell). */
export class CatalogueError extends CoreError {
  constructor(readonly findings: Finding[]) {
    super(ERROR_TEXT.brokenCatalogue(findings.length));
    this.name = "CatalogueError";
  }
}
