/**
 * What the running WPS 表格 offers, found by looking at the object model once (a member an older
 * WPS lacks is not a function there), with a sentence for the task pane per missing feature.
 * The core path — reading ranges, writing values, fills and new sheets — is the object model's
 * oldest part; JS add-ins themselves came with WPS Office 2019 (docs/wps.md).
 */
import type { MissingFeature } from "../office/support";
import type { Message } from "../../core/i18n/messages";
import type { EtApplication, EtRange } from "./et";

export interface WpsSupport {
  /** A workbook object model is there at all. */
  core: boolean;
  /** Range.AddComment: notes on marked cells. */
  comments: boolean;
  /** Range.Validation: drop-downs and limits in templates. */
  dataValidation: boolean;
  /** FormatConditions.AddDatabar: completion bars in 差距分析. */
  dataBars: boolean;
  /** False when no workbook was open to look at: everything is assumed, and looked at again later. */
  probed: boolean;
  missing: MissingFeature[];
}

export const WPS_NEEDED: Message = {
  zh: "此版本的 WPS 过旧，无法运行本加载项：请使用支持 JS 加载项的 WPS Office 2019 或更高版本。",
  en: "This version of WPS is too old for the add-in: use a WPS Office 2019 or later that runs JS add-ins.",
};

const FEATURES: {
  key: "comments" | "dataValidation" | "dataBars";
  member: string;
  feature: Message;
  reason: Message;
}[] = [
  {
    key: "comments",
    member: "Range.AddComment",
    feature: { zh: "批注", en: "comments" },
    reason: {
      zh: "此版本的 WPS 不能添加批注：问题单元格只以颜色标出，说明请看“校验结果”表。",
      en: "This WPS cannot add comments: problem cells are only coloured; read the explanations in 校验结果.",
    },
  },
  {
    key: "dataValidation",
    member: "Range.Validation",
    feature: { zh: "数据验证", en: "data validation" },
    reason: {
      zh: "此版本的 WPS 不支持数据验证：生成的填报模板没有下拉选项和输入限制。",
      en: "This WPS cannot add data validation: generated templates have no drop-downs or input limits.",
    },
  },
  {
    key: "dataBars",
    member: "FormatConditions.AddDatabar",
    feature: { zh: "数据条", en: "data bars" },
    reason: {
      zh: "此版本的 WPS 不能绘制数据条：“差距分析”中的完成率只显示数字。",
      en: "This WPS cannot draw data bars: completion in 差距分析 shows as numbers only.",
    },
  },
];

function has(read: () => unknown): boolean {
  try {
    return typeof read() === "function";
  } catch {
    return false;
  }
}

/** Looks at a cell of the active sheet once: a handful of calls, made when the pane connects. */
export function wpsSupport(app: EtApplication): WpsSupport {
  const support: WpsSupport = {
    core: false,
    comments: false,
    dataValidation: false,
    dataBars: false,
    probed: false,
    missing: [],
  };
  let probe: EtRange | null = null;
  try {
    const wb = app.ActiveWorkbook;
    support.core = wb !== undefined;
    // No workbook open yet: nothing to look at now; the pane looks again on its first call.
    if (wb) probe = wb.ActiveSheet.Range("A1");
    support.probed = wb !== null && wb !== undefined;
  } catch {
    support.core = false;
  }
  if (!support.core) {
    support.missing = [
      {
        requirement: "WPS JS API",
        feature: { zh: "本加载项", en: "the add-in" },
        reason: WPS_NEEDED,
      },
    ];
    return support;
  }
  const r = probe;
  const found = {
    comments: !r || has(() => r.AddComment),
    dataValidation: !r || has(() => r.Validation.Add),
    dataBars: !r || has(() => r.FormatConditions.AddDatabar),
  };
  for (const f of FEATURES) {
    support[f.key] = found[f.key];
    if (!found[f.key])
      support.missing.push({ requirement: f.member, feature: f.feature, reason: f.reason });
  }
  return support;
}

/** Everything there (a current WPS), for tests and the ribbon's button before it has looked. */
export const FULL_WPS_SUPPORT: WpsSupport = {
  core: true,
  comments: true,
  dataValidation: true,
  dataBars: true,
  probed: true,
  missing: [],
};
