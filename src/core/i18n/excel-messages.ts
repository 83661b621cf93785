/**
 * What the add-in says about the Excel or WPS 表格 it runs in, in Chinese and English: the Office or
 * WPS it needs, the features an older one lacks (workbook/office/support.ts, workbook/wps/support.ts),
 * why a change was declined (workbook/office/refusal.ts).
 */
import type { Message } from "./messages";

/** The Office an office needs, in one sentence (Office 2016/2019 volume licences fall short). */
export const OFFICE_NEEDED: Message = {
  zh: "此版本的 Office 过旧，无法运行本加载项：请使用 Excel 2021 或更高版本、Microsoft 365 版 Excel，或网页版 Excel。",
  en: "This version of Office is too old for the add-in: use Excel 2021 or later, Excel for Microsoft 365, or Excel on the web.",
};

export const WORKBOOK_PROTECTED: Message = {
  zh: "工作簿的结构受保护，无法添加或替换“校验结果”等工作表：请在“审阅”选项卡中点“保护工作簿”取消保护（可能需要密码）后重试。",
  en: "The workbook structure is protected, so sheets such as 校验结果 cannot be added or replaced: on the Review tab, click Protect Workbook to turn it off (it may ask for the password) and try again.",
};

/** A feature an older Excel lacks, and what the user sees instead. */
export interface FeatureText {
  feature: Message;
  reason: Message;
}

/** The whole add-in, as the feature an office too old for it lacks. */
const ADD_IN: Message = { zh: "本加载项", en: "the add-in" };

export const MISSING_FEATURE: Record<
  | "dataBars"
  | "links"
  | "dataValidation"
  | "charts"
  | "pageLayout"
  | "notes"
  | "commentsAndNotes"
  | "addIn",
  FeatureText
> = {
  dataBars: {
    feature: { zh: "数据条", en: "data bars" },
    reason: {
      zh: "此版本的 Excel 不支持数据条：“差距分析”中的完成率只显示数字。",
      en: "This Excel cannot draw data bars: completion in 差距分析 shows as numbers only.",
    },
  },
  links: {
    feature: { zh: "超链接和冻结窗格", en: "hyperlinks and frozen panes" },
    reason: {
      zh: "此版本的 Excel 不支持超链接和冻结窗格：“校验结果”不能点击跳转到单元格，表头不会冻结。",
      en: "This Excel cannot write hyperlinks or freeze panes: findings do not link to their cells and headers do not stay in view.",
    },
  },
  dataValidation: {
    feature: { zh: "数据验证", en: "data validation" },
    reason: {
      zh: "此版本的 Excel 不支持数据验证：生成的填报模板没有下拉选项和输入限制。",
      en: "This Excel cannot add data validation: generated templates have no drop-downs or input limits.",
    },
  },
  charts: {
    feature: { zh: "图表", en: "charts" },
    reason: {
      zh: "此版本的 Excel 不支持所需的图表功能：“差距分析”“汇总”“填报情况”只写入表格，不画图表。",
      en: "This Excel lacks the chart features needed: 差距分析, 汇总 and 填报情况 get their tables without charts.",
    },
  },
  pageLayout: {
    feature: { zh: "页面设置", en: "page setup" },
    reason: {
      zh: "此版本的 Excel 不支持页面设置：结果表不会自动设为横向、按页宽打印。",
      en: "This Excel cannot set up printing: result sheets are not set to landscape, fit to page width.",
    },
  },
  notes: {
    feature: { zh: "注释", en: "notes" },
    reason: {
      zh: "此版本的 Excel 不支持“注释”：问题说明改为以批注写在单元格上。",
      en: "This Excel cannot write notes: the explanation of each problem is attached as a comment instead.",
    },
  },
  commentsAndNotes: {
    feature: { zh: "批注和注释", en: "comments and notes" },
    reason: {
      zh: "此版本的 Excel 不支持批注和注释：问题单元格只以颜色标出，说明请看“校验结果”表。",
      en: "This Excel cannot attach comments or notes: problem cells are only coloured; read the explanations in 校验结果.",
    },
  },
  // Too old for anything: one sentence naming the Office needed.
  addIn: { feature: ADD_IN, reason: OFFICE_NEEDED },
};

/** The WPS an office needs, in one sentence (JS add-ins came with WPS Office 2019, docs/wps.md). */
export const WPS_NEEDED: Message = {
  zh: "此版本的 WPS 过旧，无法运行本加载项：请使用支持 JS 加载项的 WPS Office 2019 或更高版本。",
  en: "This version of WPS is too old for the add-in: use a WPS Office 2019 or later that runs JS add-ins.",
};

/** A feature an older WPS lacks, and what the user sees instead. */
export const WPS_MISSING_FEATURE: Record<
  "comments" | "dataValidation" | "dataBars" | "addIn",
  FeatureText
> = {
  comments: {
    feature: { zh: "批注", en: "comments" },
    reason: {
      zh: "此版本的 WPS 不能添加批注：问题单元格只以颜色标出，说明请看“校验结果”表。",
      en: "This WPS cannot add comments: problem cells are only coloured; read the explanations in 校验结果.",
    },
  },
  dataValidation: {
    feature: MISSING_FEATURE.dataValidation.feature,
    reason: {
      zh: "此版本的 WPS 不支持数据验证：生成的填报模板没有下拉选项和输入限制。",
      en: "This WPS cannot add data validation: generated templates have no drop-downs or input limits.",
    },
  },
  dataBars: {
    feature: MISSING_FEATURE.dataBars.feature,
    reason: {
      zh: "此版本的 WPS 不能绘制数据条：“差距分析”中的完成率只显示数字。",
      en: "This WPS cannot draw data bars: completion in 差距分析 shows as numbers only.",
    },
  },
  // Too old for anything: one sentence naming the WPS needed.
  addIn: { feature: ADD_IN, reason: WPS_NEEDED },
};

/** Asked for the workbook while WPS has none open. */
export const WPS_NO_WORKBOOK: Message = {
  zh: "WPS 中没有打开的工作簿",
  en: "no workbook is open in WPS",
};
