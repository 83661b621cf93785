/**
 * What the running WPS 表格 offers, found by looking at the object model once (a member an older
 * WPS lacks is not a function there), with a sentence for the task pane per missing feature.
 * The core path — reading ranges, writing values, fills and new sheets — is the object model's
 * oldest part; JS add-ins themselves came with WPS Office 2019 (docs/wps.md).
 */
import type { MissingFeature } from "../office/support";
import { WPS_MISSING_FEATURE, type FeatureText } from "../../core/i18n/excel-messages";
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

const FEATURES: ({
  key: "comments" | "dataValidation" | "dataBars";
  member: string;
} & FeatureText)[] = [
  { key: "comments", member: "Range.AddComment", ...WPS_MISSING_FEATURE.comments },
  { key: "dataValidation", member: "Range.Validation", ...WPS_MISSING_FEATURE.dataValidation },
  { key: "dataBars", member: "FormatConditions.AddDatabar", ...WPS_MISSING_FEATURE.dataBars },
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
    support.missing = [{ requirement: "WPS JS API", ...WPS_MISSING_FEATURE.addIn }];
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
