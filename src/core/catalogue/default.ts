/**
 * The plan's indicators as the default catalogue (SPEC §3): one table, one place.
 * Source: 合作市省级创新型县(市、区)试点建设工作实施方案 (合政办发〔2022〕10号), sections 三, 四 and 六.
 */
import type { Catalogue, Indicator, TargetKind, Aggregation, UnitEntry } from '../model/catalogue';
import { catalogueVersion } from './version';

const BASELINE_DATE = '2020-12-31';
const DEADLINE = '2023-12-31';

type Row = [
  code: string,
  category: string,
  name: string,
  unit: string,
  kind: TargetKind | null,
  target: number | null,
  owner: string,
  aggregation: Aggregation,
  extra?: Partial<Indicator>,
];

const 投入 = '科技创新投入';
const 主体 = '企业创新主体';
const 能力 = '科技创新能力';
const 惠民 = '科技惠民';
const 环境 = '创新环境';
const 产业 = '高原特色产业';
const 载体 = '创新载体建设';
const 基地 = '特色产业基地';

const 科技局 = '市科技局';
const 农业局 = '市农业农村局';
const 监管局 = '市市场监管局';

/** Counts of things built: integers, cumulative, baseline 0 unless stated (SPEC §3). */
// The catalogue states no count baseline: scoring reads an unknown baseline as 0, and a sheet may give its own.
const COUNT: Partial<Indicator> = { integer: true, cumulative: true, min: 0 };
const PERCENT: Partial<Indicator> = { min: 0, max: 100 };

const ROWS: Row[] = [
  ['A1', 投入, 'R&D经费投入强度', '%', 'at_least', 1.42, 科技局, 'owner', {
    ...PERCENT,
    aliases: ['R&D投入强度', '研发经费投入强度', 'R&D研究与试验发展经费投入强度', '研究与试验发展经费投入强度', '全社会研发投入强度', 'R&D经费支出占GDP比重', '研发投入强度'],
    ratio: { numerator: 'A1a', denominator: 'A1b', factor: 100 },
    coUnits: ['市发展改革局', '市统计局', '市财政局'],
  }],
  ['A2', 投入, '本级财政科技支出占一般公共预算支出比重', '%', 'at_least', 1.31, '市财政局', 'owner', {
    ...PERCENT,
    aliases: ['本级财政科技支出占财政一般公共预算支出比重', '财政科技支出占比', '财政科技支出占一般公共预算支出比重', '本级财政科技支出占比'],
  }],
  ['B1', 主体, '规模以上企业中拥有研发机构的企业占比', '%', 'at_least', 50, '市工信局', 'owner', {
    ...PERCENT,
    aliases: ['规模以上企业中拥有研发机构的企业所占比重', '规上企业研发机构占比', '有研发机构的规上企业占比', '规模以上企业研发机构覆盖率'],
  }],
  ['B2', 主体, '高新技术企业占规模以上企业比例', '%', 'at_least', 60, 科技局, 'owner', {
    ...PERCENT,
    aliases: ['高新技术企业占规模以上企业总数的比例', '高新技术企业占比', '高企占规上企业比例'],
  }],
  ['C1', 能力, '市级众创空间', '家', 'at_least', 10, 科技局, 'owner', { ...COUNT, aliases: ['众创空间', '市级众创空间数', '建成市级众创空间'] }],
  ['C2', 能力, '省级科技企业孵化器', '个', 'at_least', 1, 科技局, 'owner', { ...COUNT, aliases: ['科技企业孵化器(省级)', '省级孵化器'] }],
  ['C3', 能力, '市级孵化器', '个', 'at_least', 2, 科技局, 'owner', { ...COUNT, aliases: ['市级科技企业孵化器', '孵化器(市级)'] }],
  ['C4', 能力, '省级技术创新中心', '个', 'at_least', 2, 科技局, 'owner', { ...COUNT, aliases: ['技术创新中心', '技术创新中心(省级)'] }],
  ['C5', 能力, '重点实验室', '个', 'at_least', 1, 科技局, 'owner', { ...COUNT, aliases: ['省级重点实验室', '重点实验室数'] }],
  ['C6', 能力, '省级技术转移机构', '个', 'at_least', 1, 科技局, 'owner', { ...COUNT, aliases: ['技术转移机构', '技术转移机构(省级)'] }],
  ['C7', 能力, '院士(专家)工作站', '个', 'at_least', 1, 科技局, 'owner', { ...COUNT, aliases: ['院士工作站', '专家工作站', '院士专家工作站'] }],
  ['C8', 能力, '专利申请量', '件', 'at_least', 200, 监管局, 'owner', {
    integer: true, min: 0, measure: 'flow',
    aliases: ['专利申请数', '专利申请件数', '全市专利申请量', '专利申请'],
  }],
  ['C9', 能力, '每万人发明专利拥有量', '件/万人', 'greater_than', 3.8, 监管局, 'owner', {
    min: 0,
    aliases: ['万人发明专利拥有量', '每万人口发明专利拥有量', '发明专利拥有量(每万人)'],
    ratio: { numerator: 'C9a', denominator: 'C9b', factor: 1 },
  }],
  ['D1', 惠民, '公民具备基本科学素质比例', '%', 'reach_reference', null, '市科协', 'owner', {
    ...PERCENT,
    aliases: ['公民具备科学素质比例', '公民具备科学素质的比例', '公民基本科学素养', '公民科学素质比例', '具备科学素质的公民比例', '公民基本科学素质达标率'],
    reference: { 2020: 7.14, 2022: 9, 2023: 10.16 },
  }],
  ['D2', 惠民, '乡镇(街道)农牧村科技信息工作站、科普活动站、科普宣传栏覆盖率', '%', 'at_least', 100, '市科协', 'owner', {
    ...PERCENT,
    aliases: ['科技信息工作站、科普活动站、科普宣传栏覆盖率', '农牧村科技信息工作站覆盖率', '科普站栏覆盖率', '乡镇科普活动站覆盖率'],
  }],
  ['E1', 环境, '科技进步法和激励自主创新政策落实', '—', 'milestone', null, 科技局, 'owner', {
    aliases: ['科技进步法和激励自主创新政策得到落实', '科技进步法落实', '激励自主创新政策落实'],
  }],
  ['E2', 环境, '县域综合科技进步水平指数', '%', 'reach_reference', null, 科技局, 'owner', {
    ...PERCENT,
    aliases: ['综合科技进步水平指数', '县域科技进步水平指数'],
  }],
  ['F1', 产业, '产学研结合的特色产业示范基地', '个', 'at_least', 6, 农业局, 'owner', { ...COUNT, aliases: ['产学研特色产业示范基地', '特色产业示范基地(产学研)'] }],
  ['F2', 产业, '犏雌牛存栏', '头', 'annual_growth', 0.03, 农业局, 'sum', {
    integer: true, min: 0, baseline: null, aliases: ['犏雌牛存栏量', '犏雌牛存栏数', '犏(雌)牛存栏'],
  }],
  ['F3', 产业, '藏羊存栏', '只', 'annual_growth', 0.02, 农业局, 'sum', {
    integer: true, min: 0, baseline: null, aliases: ['藏羊存栏量', '藏羊存栏数'],
  }],
  ['F4', 产业, '优质青稞种植面积', '亩', 'at_least', 50000, 农业局, 'sum', { min: 0, baseline: 56000, aliases: ['青稞种植面积', '高产青稞种植面积', '种植优质青稞', '优质青稞面积'] }],
  ['F5', 产业, '青稞亩均产量', '斤/亩', 'at_least', 400, 农业局, 'weighted_mean', { min: 0, weightBy: 'F4', aliases: ['青稞亩产', '青稞单产', '青稞亩均产'] }],
  ['F6', 产业, '油菜种植面积', '亩', 'at_least', 20000, 农业局, 'sum', { min: 0, baseline: 24000, aliases: ['种植油菜', '杂交油菜种植面积', '油菜面积'] }],
  ['F7', 产业, '油菜亩均产量', '斤/亩', 'at_least', 250, 农业局, 'weighted_mean', { min: 0, weightBy: 'F6', aliases: ['油菜亩产', '油菜单产'] }],
  ['F8', 产业, '饲草料(优质燕麦为主)种植面积', '亩', 'at_least', 20000, 农业局, 'sum', { min: 0, aliases: ['饲草料种植面积', '优质牧草种植面积', '优质燕麦种植面积', '饲草种植面积'] }],
  ['F9', 产业, '藏中药材种植面积', '亩', 'at_least', 10000, 农业局, 'sum', { min: 0, baseline: 3000, aliases: ['中藏药材种植面积', '藏中药材面积', '中药材种植面积'] }],
  ['F10', 产业, '羊肚菌种植面积', '亩', 'at_least', 300, 农业局, 'sum', { min: 0, aliases: ['羊肚菌面积', '种植羊肚菌'] }],
  ['F11', 产业, '羊肚菌亩均产量', '斤/亩', 'approx', 400, 农业局, 'weighted_mean', { min: 0, weightBy: 'F10', aliases: ['羊肚菌亩产', '羊肚菌单产'] }],
  ['F12', 产业, '农业科技进步贡献率', '%', 'at_least', 50, 农业局, 'owner', { ...PERCENT, aliases: ['农业科技贡献率', '农牧业科技进步贡献率'] }],
  ['F13', 产业, '农牧业产值', '万元', 'annual_growth', 0.06, 农业局, 'sum', {
    min: 0, measure: 'flow', baseline: null, aliases: ['农牧业总产值', '农林牧渔业总产值', '农业总产值'],
  }],
  ['F14', 产业, '农牧村居民人均可支配收入', '元', 'annual_growth', 0.08, 农业局, 'owner', {
    min: 0, measure: 'flow', baseline: null, aliases: ['农牧民人均可支配收入', '农村居民人均可支配收入', '农牧村居民人均收入'],
  }],
  ['G1', 载体, '创新型县(市、区)', '个', 'at_least', 1, 科技局, 'owner', { ...COUNT, aliases: ['创新型县', '创新型县(市)', '创新型城市'] }],
  ['G2', 载体, '创新型乡镇', '个', 'at_least', 1, 科技局, 'owner', { ...COUNT, aliases: ['创新型乡镇数'] }],
  ['G3', 载体, '农牧业科技示范村', '个', 'at_least', 6, 科技局, 'owner', { ...COUNT, aliases: ['农业科技示范村', '科技示范村'] }],
  ['G4', 载体, '科技园区', '个', 'at_least', 1, '甘南合作生态产业园区管委会', 'owner', { ...COUNT, aliases: ['科技园区数'] }],
  ['G5', 载体, '特色产业科技创新示范基地', '个', 'at_least', 6, 科技局, 'owner', { ...COUNT, aliases: ['科技创新示范基地', '特色产业创新示范基地'] }],
  ['H1', 基地, '美仁牦牛本品种提纯复壮基地', '个', 'at_least', 2, 农业局, 'owner', { ...COUNT, aliases: ['牦牛本品种提纯复壮基地', '美仁牦牛提纯复壮基地'] }],
  ['H2', 基地, '犏牛繁育基地', '个', 'at_least', 3, 农业局, 'owner', { ...COUNT, aliases: ['犏牛繁育基地数'] }],
  ['H3', 基地, '犏雌牛(奶牛)养殖基地', '个', 'at_least', 5, 农业局, 'owner', { ...COUNT, aliases: ['犏雌牛养殖基地', '奶牛养殖基地'] }],
  ['H4', 基地, '藏羊良种基地', '个', 'at_least', 6, 农业局, 'owner', { ...COUNT, aliases: ['藏羊良种繁育基地'] }],
  ['H5', 基地, '特色种植基地项目', '个', 'at_least', 6, 农业局, 'owner', { ...COUNT, aliases: ['特色种植基地', '高原特色种植基地'] }],
  // Parts of the two ratios: recognised and validated, not scored.
  ['A1a', 投入, 'R&D经费支出', '万元', null, null, 科技局, 'owner', { min: 0, aliases: ['研发经费支出', 'R&D经费内部支出', '研究与试验发展经费支出', 'R&D经费'] }],
  ['A1b', 投入, '地区生产总值', '万元', null, null, 科技局, 'owner', { min: 0, aliases: ['GDP', '地区生产总值(GDP)', '生产总值'] }],
  ['C9a', 能力, '发明专利拥有量', '件', null, null, 监管局, 'owner', { integer: true, min: 0, aliases: ['有效发明专利拥有量', '有效发明专利数', '发明专利拥有数'] }],
  ['C9b', 能力, '常住人口', '万人', null, null, 监管局, 'owner', { min: 0, baseline: 11.23, aliases: ['年末常住人口', '总人口', '人口'] }],
];

const UNITS: UnitEntry[] = [
  { name: '坚木克尔街道', kind: 'street' },
  { name: '当周街道', kind: 'street' },
  { name: '伊合昂街道', kind: 'street' },
  { name: '通钦街道', kind: 'street' },
  { name: '那吾镇', kind: 'township' },
  { name: '勒秀镇', kind: 'township' },
  { name: '卡加曼乡', kind: 'township' },
  { name: '卡加道乡', kind: 'township' },
  { name: '佐盖多玛乡', kind: 'township' },
  { name: '佐盖曼玛乡', kind: 'township' },
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
    measure: 'level',
    owner,
    coUnits: [],
    ...extra,
  };
}

/** A fresh copy of the default catalogue (callers may change it freely). */
export function defaultCatalogue(): Catalogue {
  const indicators = ROWS.map(toIndicator);
  const owners = Array.from(new Set(indicators.map((i) => i.owner)));
  const units: UnitEntry[] = [...owners.map((name) => ({ name, kind: 'bureau' as const })), ...UNITS.map((u) => ({ ...u }))];
  const base = { indicators, units, tolerances: { onTrack: 0.1, lagging: 0.3 }, dueDays: 10 };
  // Each call gives a fresh catalogue (callers may edit theirs); its content, and so its version, never changes.
  defaultVersion ??= catalogueVersion(base);
  return { version: defaultVersion, ...base };
}

let defaultVersion: string | undefined;
