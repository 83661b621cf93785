/**
 * What the running Excel can do, by requirement set
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets),
 * with a sentence for the task pane per missing feature.
 *
 * The core path — reading sheets, writing 校验结果, marking cells — needs ExcelApi 1.4: it finds
 * sheets and used ranges with the *OrNullObject members (1.4) and sets merges, row heights, column
 * widths and protection (1.2). manifest.xml declares the same minimum in <Requirements>, so Office
 * 2016 without updates (ExcelApi 1.1 only) does not offer the add-in at all.
 */

import type { Message } from "../../core/i18n/messages";
import { MISSING_FEATURE, OFFICE_NEEDED, type FeatureText } from "../../core/i18n/excel-messages";

export { OFFICE_NEEDED };

export interface MissingFeature {
  /** The requirement set that is missing, e.g. "ExcelApi 1.8". */
  requirement: string;
  feature: Message;
  /** What the user will see instead, in a sentence. */
  reason: Message;
}

/** How cell notes are written: notes (ExcelApi 1.18), threaded comments (1.10), or not at all. */
export type NoteMode = "notes" | "comments" | "none";

export interface ApiSupport {
  /** ExcelApi 1.4: the core path. Without it the add-in does nothing but say which Office it needs. */
  core: boolean;
  /** ExcelApi 1.6: data bars (conditional formats). */
  dataBars: boolean;
  /** ExcelApi 1.7: hyperlinks and frozen panes. */
  links: boolean;
  /** ExcelApi 1.7: Workbook.protection, to see a protected workbook structure before changing sheets. */
  workbookProtection: boolean;
  /** ExcelApi 1.8: data validation (drop-downs in templates). */
  dataValidation: boolean;
  /** ExcelApi 1.9: print setup, filters and fill patterns. */
  pageLayout: boolean;
  /** ExcelApi 1.8: charts beside the product's tables (office/charts.ts lists the members used). */
  charts: boolean;
  noteMode: NoteMode;
  missing: MissingFeature[];
}

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The lowest ExcelApi set the core path needs; manifest.xml declares the same (test/manifest.test.ts). */
export const CORE_API_VERSION = "1.4";

type FeatureKey = "dataBars" | "links" | "dataValidation" | "pageLayout" | "charts";

const FEATURES: ({ key: FeatureKey; version: string } & FeatureText)[] = [
  { key: "dataBars", version: "1.6", ...MISSING_FEATURE.dataBars },
  { key: "links", version: "1.7", ...MISSING_FEATURE.links },
  { key: "dataValidation", version: "1.8", ...MISSING_FEATURE.dataValidation },
  { key: "charts", version: "1.8", ...MISSING_FEATURE.charts },
  { key: "pageLayout", version: "1.9", ...MISSING_FEATURE.pageLayout },
];

const NOTES_VERSION = "1.18";
const COMMENTS_VERSION = "1.10";

function noteModeOf(has: (version: string) => boolean): {
  mode: NoteMode;
  missing: MissingFeature | null;
} {
  if (has(NOTES_VERSION)) return { mode: "notes", missing: null };
  if (has(COMMENTS_VERSION)) {
    return {
      mode: "comments",
      missing: { requirement: `ExcelApi ${NOTES_VERSION}`, ...MISSING_FEATURE.notes },
    };
  }
  return {
    mode: "none",
    missing: { requirement: `ExcelApi ${COMMENTS_VERSION}`, ...MISSING_FEATURE.commentsAndNotes },
  };
}

/** What this Excel can do, with a sentence per missing feature for the task pane to show. */
export function apiSupport(requirements?: RequirementChecker): ApiSupport {
  const req: RequirementChecker | undefined =
    requirements ?? (typeof Office !== "undefined" ? Office.context?.requirements : undefined);
  const has = (version: string) => (req ? req.isSetSupported("ExcelApi", version) : false);
  const notes = noteModeOf(has);
  const support: ApiSupport = {
    core: has(CORE_API_VERSION),
    dataBars: false,
    links: false,
    workbookProtection: has("1.7"),
    dataValidation: false,
    pageLayout: false,
    charts: false,
    noteMode: notes.mode,
    missing: [],
  };
  for (const f of FEATURES) {
    support[f.key] = has(f.version);
    if (!support[f.key])
      support.missing.push({
        requirement: `ExcelApi ${f.version}`,
        feature: f.feature,
        reason: f.reason,
      });
  }
  if (notes.missing) support.missing.push(notes.missing);
  if (!support.core) {
    // Too old for anything: one sentence naming the Office needed, not a list of what is missing.
    support.missing = [{ requirement: `ExcelApi ${CORE_API_VERSION}`, ...MISSING_FEATURE.addIn }];
  }
  return support;
}

/** Everything available (Microsoft 365). */
export const FULL_SUPPORT: ApiSupport = apiSupport({ isSetSupported: () => true });
