/**
 * The plan's indicators as the default catalogue (docs/specification.md §3): one table, one place.
 * Source: 合作市省级创新型县(市、区)试点建设工作实施方案 (合政办发〔2022〕10号), sections 三, 四 and 六.
 */
import type { Catalogue, Indicator, UnitEntry } from "../model/catalogue";
import { catalogueVersion } from "./version";
import { BASELINE_DATE, DEADLINE, type Row } from "./default-rows";
import { INNOVATION_ROWS, RATIO_PARTS } from "./default-innovation";
import { INDUSTRY_ROWS } from "./default-industry";
import { BASE_ROWS } from "./default-bases";

/** The indicators in the plan's order (A–H), then the parts of its two ratios. */
const ROWS: Row[] = [...INNOVATION_ROWS, ...INDUSTRY_ROWS, ...BASE_ROWS, ...RATIO_PARTS];

const UNITS: UnitEntry[] = [
  { name: "坚木克尔街道", kind: "street" },
  { name: "当周街道", kind: "street" },
  { name: "伊合昂街道", kind: "street" },
  { name: "通钦街道", kind: "street" },
  { name: "那吾镇", kind: "township" },
  { name: "勒秀镇", kind: "township" },
  { name: "卡加曼乡", kind: "township" },
  { name: "卡加道乡", kind: "township" },
  { name: "佐盖多玛乡", kind: "township" },
  { name: "佐盖曼玛乡", kind: "township" },
];

function toIndicator(row: Row): Indicator {
  const [code, category, name, unit, kind, target, owner, aggregation, extra = {}] = row;
  return {
    code,
    name,
    aliases: [],
    category,
    unit,
    ...(kind ? { kind } : {}),
    target,
    baseline: null,
    baselineDate: BASELINE_DATE,
    deadline: DEADLINE,
    weight: 1,
    aggregation,
    measure: "level",
    owner,
    coUnits: [],
    ...extra,
  };
}

/** A fresh copy of the default catalogue (callers may change it freely). */
export function defaultCatalogue(): Catalogue {
  const indicators = ROWS.map(toIndicator);
  const owners = Array.from(new Set(indicators.map((i) => i.owner)));
  const units: UnitEntry[] = [
    ...owners.map((name) => ({ name, kind: "bureau" as const })),
    ...UNITS.map((u) => ({ ...u })),
  ];
  const base = { indicators, units, tolerances: { onTrack: 0.1, lagging: 0.3 }, dueDays: 10 };
  // Each call gives a fresh catalogue (callers may edit theirs); its content, and so its version, never changes.
  defaultVersion ??= catalogueVersion(base);
  return { version: defaultVersion, ...base };
}

let defaultVersion: string | undefined;
