/**
 * What a careful reader finds in every target of data/heze-2022-q3.tsv (序号 39–86):
 * the quantitative goal stated in 责任目标内容 and the achieved value stated in
 * 完成情况. Written by hand from the texts, not generated from the extractor.
 *
 * - `goal`: the goal when the target text states one (kind, value in `unit`);
 * - `achieved`: the achieved value in the goal's unit, or `null` when the progress
 *   text does not state it (applications, other subjects, no number);
 * - an entry with neither means "none": nothing quantitative to extract.
 * `why` records the reading, especially the traps.
 */
export type ExpectedKind = 'count' | 'amount' | 'growth' | 'level' | 'share';

export interface ExpectedExtraction {
  id: string;
  goal?: { kind: ExpectedKind; value: number; unit: string };
  achieved?: number | null;
  why: string;
}

export const SEED_EXTRACTIONS: readonly ExpectedExtraction[] = [
  { id: '39', why: '遏制重特大事故: no number in the goal' },
  { id: '40', goal: { kind: 'count', value: 100, unit: '项' }, achieved: 100, why: '新增100项 → 有效实现了100项' },
  { id: '41', why: '开展“市场主体建设年”活动: no number in the goal (263755户 etc. are stock figures)' },
  { id: '42', goal: { kind: 'count', value: 300, unit: '名' }, achieved: 365, why: '引进高端人才300名 → 引进人才365人 (287个 are projects, 235人 is a subset)' },
  { id: '43', why: '青年发展友好型城市: no number' },
  { id: '44', goal: { kind: 'count', value: 1000, unit: '个' }, achieved: 1331, why: '“希望小屋”1000个 → 1331间 (间 counts rooms like 个)' },
  { id: '45', goal: { kind: 'count', value: 100, unit: '个' }, achieved: 100, why: '“小荷学堂”100个 → 100处 (557名 volunteers and 4000余名 children are other measures)' },
  { id: '46', why: '儿童友好城市试点: no number in the goal (57项, 10个, 50个, 20条 are activities)' },
  { id: '47', goal: { kind: 'growth', value: 15, unit: '%' }, achieved: 4.3, why: '经济总量增长15%左右 → 地区生产总值同比增长4.3% (9.1% is budget revenue)' },
  { id: '48', why: '八大重点工程 names the projects; no quantity to reach' },
  { id: '49', why: 'policies: no number' },
  { id: '50', why: '一批园区: no number' },
  { id: '51', why: '“六条轴线” is a name, not a quantity' },
  { id: '52', why: '一批产学研协同创新中心: no number' },
  { id: '53', why: 'innovation platforms: no number' },
  { id: '54', goal: { kind: 'count', value: 80, unit: '家' }, achieved: null, why: '80家以上 vs 169家企业申报: applications, not recognitions' },
  { id: '55', goal: { kind: 'count', value: 400, unit: '家' }, achieved: 548, why: '超过400家 → 入库548家' },
  { id: '56', goal: { kind: 'count', value: 100, unit: '项' }, achieved: 332, why: '100项以上 → 已登记科技成果332项' },
  { id: '57', goal: { kind: 'growth', value: 8, unit: '%' }, achieved: 6.8, why: '增长8%左右 → 同比增长6.8% (1.5个百分点 is a comparison)' },
  { id: '58', goal: { kind: 'count', value: 2000, unit: '个' }, achieved: 1658, why: '5G基站2000个 → 新建并开通5G基站1658个 (not 36.62万户, not 窄带物联网基站1045个)' },
  { id: '59', why: '百兆以上接入能力 is a bandwidth, not a count' },
  { id: '60', goal: { kind: 'growth', value: 10, unit: '%' }, achieved: 9.8, why: '营业收入增长10%以上 → 同比增长9.8%' },
  { id: '61', why: '“三个一百” is a name; 数量保持稳定增长 has no number' },
  { id: '62', goal: { kind: 'count', value: 300, unit: '个' }, achieved: 318, why: '重点技改项目300个以上 → 在建重点技改项目318项 (完成年度计划的106%)' },
  { id: '63', why: 'industrial design plan: no number' },
  { id: '64', why: 'digitalisation: no number' },
  { id: '65', why: 'company support: no number' },
  { id: '66', why: 'named projects: no number in the goal' },
  { id: '67', why: '300万吨 names the project, the goal is its inclusion in a plan' },
  { id: '68', why: 'chemical parks: no number' },
  { id: '69', why: 'air quality: no number' },
  { id: '70', goal: { kind: 'level', value: 87.5, unit: '%' }, achieved: 87.5, why: '优良率达到87.5%以上 → 水质优良比例为87.5%' },
  { id: '71', goal: { kind: 'level', value: 93, unit: '%' }, achieved: null, why: '受污染耕地安全利用率93% vs 重点建设用地安全利用率100%: another subject' },
  { id: '72', why: 'eco-industrial park: no number' },
  { id: '73', why: 'epidemic control: no number in the goal' },
  { id: '74', why: 'hospital construction: no number in the goal (95% etc. are work items)' },
  { id: '75', why: 'hospital construction: no number' },
  { id: '76', goal: { kind: 'share', value: 100, unit: '%' }, achieved: 86.3, why: '全部达到国家基本标准 → 151家达到, 占比86.3%' },
  { id: '77', why: '三孩 policy: no quantity' },
  { id: '78', goal: { kind: 'count', value: 10000, unit: '个' }, achieved: 8956, why: '托位1万个 → 新增托位8956个 (not 托育机构712个, not 备案机构63个)' },
  { id: '79', why: '康养产业: no number in the goal' },
  { id: '80', why: '卫生城市: no number' },
  { id: '81', why: '“八大”质量提升行动 is a name; 77% is a check ratio' },
  { id: '82', why: 'brands: no number in the goal' },
  { id: '83', why: 'food safety: no number' },
  { id: '84', goal: { kind: 'amount', value: 700, unit: '亿元' }, achieved: 414.1, why: '产业规模达到700亿元 → 1—9月营业收入414.1亿元 (22.2% is growth)' },
  { id: '85', why: 'named projects: no number' },
  { id: '86', why: 'manufacturing platform: no number in the goal' },
];
