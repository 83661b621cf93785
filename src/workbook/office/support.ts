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

export interface Bilingual {
  zh: string;
  en: string;
}

export interface MissingFeature {
  /** The requirement set that is missing, e.g. "ExcelApi 1.8". */
  requirement: string;
  feature: Bilingual;
  /** What the user will see instead, in a sentence. */
  reason: Bilingual;
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

/** The Office an office needs, in one sentence (Office 2016/2019 volume licences fall short). */
export const OFFICE_NEEDED: Bilingual = {
  zh: "此版本的 Office 过旧，无法运行本加载项：请使用 Excel 2021 或更高版本、Microsoft 365 版 Excel，或网页版 Excel。",
  en: "This version of Office is too old for the add-in: use Excel 2021 or later, Excel for Microsoft 365, or Excel on the web.",
};

type FeatureKey = "dataBars" | "links" | "dataValidation" | "pageLayout" | "charts";

const FEATURES: { key: FeatureKey; version: string; feature: Bilingual; reason: Bilingual }[] = [
  {
    key: "dataBars",
    version: "1.6",
    feature: { zh: "数据条", en: "data bars" },
    reason: {
      zh: "此版本的 Excel 不支持数据条：“差距分析”中的完成率只显示数字。",
      en: "This Excel cannot draw data bars: completion in 差距分析 shows as numbers only.",
    },
  },
  {
    key: "links",
    version: "1.7",
    feature: { zh: "超链接和冻结窗格", en: "hyperlinks and frozen panes" },
    reason: {
      zh: "此版本的 Excel 不支持超链接和冻结窗格：“校验结果”不能点击跳转到单元格，表头不会冻结。",
      en: "This Excel cannot write hyperlinks or freeze panes: findings do not link to their cells and headers do not stay in view.",
    },
  },
  {
    key: "dataValidation",
    version: "1.8",
    feature: { zh: "数据验证", en: "data validation" },
    reason: {
      zh: "此版本的 Excel 不支持数据验证：生成的填报模板没有下拉选项和输入限制。",
      en: "This Excel cannot add data validation: generated templates have no drop-downs or input limits.",
    },
  },
  {
    key: "charts",
    version: "1.8",
    feature: { zh: "图表", en: "charts" },
    reason: {
      zh: "此版本的 Excel 不支持所需的图表功能：“差距分析”“汇总”“填报情况”只写入表格，不画图表。",
      en: "This Excel lacks the chart features needed: 差距分析, 汇总 and 填报情况 get their tables without charts.",
    },
  },
  {
    key: "pageLayout",
    version: "1.9",
    feature: { zh: "页面设置", en: "page setup" },
    reason: {
      zh: "此版本的 Excel 不支持页面设置：结果表不会自动设为横向、按页宽打印。",
      en: "This Excel cannot set up printing: result sheets are not set to landscape, fit to page width.",
    },
  },
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
      missing: {
        requirement: `ExcelApi ${NOTES_VERSION}`,
        feature: { zh: "注释", en: "notes" },
        reason: {
          zh: "此版本的 Excel 不支持“注释”：问题说明改为以批注写在单元格上。",
          en: "This Excel cannot write notes: the explanation of each problem is attached as a comment instead.",
        },
      },
    };
  }
  return {
    mode: "none",
    missing: {
      requirement: `ExcelApi ${COMMENTS_VERSION}`,
      feature: { zh: "批注和注释", en: "comments and notes" },
      reason: {
        zh: "此版本的 Excel 不支持批注和注释：问题单元格只以颜色标出，说明请看“校验结果”表。",
        en: "This Excel cannot attach comments or notes: problem cells are only coloured; read the explanations in 校验结果.",
      },
    },
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
    support.missing = [
      {
        requirement: `ExcelApi ${CORE_API_VERSION}`,
        feature: { zh: "本加载项", en: "the add-in" },
        reason: OFFICE_NEEDED,
      },
    ];
  }
  return support;
}

/** Everything available (Microsoft 365). */
export const FULL_SUPPORT: ApiSupport = apiSupport({ isSetSupported: () => true });
