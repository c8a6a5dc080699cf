import { join } from 'node:path';
import type { Report, Target } from '../../src/model';
import { extractAchieved, extractGoal, extractTarget } from '../../src/progress/extract';
import { readTableFile } from '../../src/table/load-table';
import { SEED_EXTRACTIONS } from './seed-extractions';

const SEED = join(__dirname, '../../data/heze-2022-q3.tsv');

const target = (text: string, ...progress: string[]): Target => ({
  id: '1',
  text,
  deadline: { kind: 'date', text: '年底', date: '2022-12-31' },
  assignments: progress.map((p, i) => ({ leader: '甲', units: ['市某局'], progress: p, onSchedule: true, row: i + 3 })),
});

describe('extractGoal', () => {
  it.each([
    ['建设“希望小屋”1000个', { kind: 'count', value: 1000, unit: '个' }],
    ['年内建成并开通5G基站2000个', { kind: 'count', value: 2000, unit: '个' }],
    ['新增3岁以下婴幼儿照护服务托位1万个', { kind: 'count', value: 10000, unit: '个' }],
    ['引进高端人才300名', { kind: 'count', value: 300, unit: '名' }],
    ['新增100项依申请政务服务事项高质量“一网通办”', { kind: 'count', value: 100, unit: '项' }],
    ['规模以上工业增加值增长8%左右', { kind: 'growth', value: 8, unit: '%' }],
    ['国控河流断面优良率达到87.5%以上', { kind: 'level', value: 87.5, unit: '%' }],
    ['力争生物医药产业规模达到700亿元', { kind: 'amount', value: 700, unit: '亿元' }],
    ['新建城市绿道两千公里', { kind: 'count', value: 2000, unit: '公里' }],
    ['乡镇卫生院全部达到国家基本标准', { kind: 'share', value: 100, unit: '%' }],
  ])('reads the goal of %s', (text, goal) => {
    expect(extractGoal(text)).toMatchObject(goal);
  });

  it.each([
    ['全面启动八大重点工程，夯实新区建设基础'],
    ['把握好历史、空间、产业、生态、交通、时序“六条轴线”，高标准做好新区规划'],
    ['启动“三个一百”培育计划，推动企业数量保持稳定增长'],
    ['推进数字乡村建设，农村家庭基本具备百兆以上接入能力'],
    ['推动东明石化300万吨减油增化项目纳入省产业链支持计划'],
  ])('finds no goal in %s (names and descriptions are not quantities)', (text) => {
    expect(extractGoal(text)).toBeUndefined();
  });
});

describe('extractAchieved', () => {
  const achieved = (goalText: string, progress: string): number | undefined => {
    const goal = extractGoal(goalText);
    if (!goal) throw new Error(`no goal in ${goalText}`);
    return extractAchieved(goal, progress)?.value;
  };

  it('matches by subject, not by the first number with the unit', () => {
    // 托育机构712个 comes first, but the goal counts 托位
    expect(achieved('新增婴幼儿照护服务托位1万个', '全市共建成托育机构712个，新增托位8956个，新增备案机构63个')).toBe(8956);
  });

  it('accepts equivalent measure words (个 → 间/处, 名 → 人)', () => {
    expect(achieved('建设“希望小屋”1000个', '共建成“希望小屋”1331间')).toBe(1331);
    expect(achieved('引进高端人才300名', '引进人才365人')).toBe(365);
  });

  it('ignores numbers with another measure word', () => {
    expect(achieved('建设“小荷学堂”100个', '招募志愿者557名，帮扶留守儿童4000余名')).toBeUndefined();
  });

  it('does not take applications, recommendations or plans for achievements', () => {
    expect(achieved('争取认定高新技术企业80家以上', '2022年第一、二批高新技术企业认定，我市共169家企业申报')).toBeUndefined();
    expect(achieved('实施重点技改项目300个以上', '项目计划新开工320个')).toBeUndefined();
  });

  it('converts money between 万元 and 亿元', () => {
    expect(achieved('力争生物医药产业规模达到700亿元', '生物医药产业实现营业收入4141000万元')).toBe(414.1);
  });

  it('reads magnitudes on areas and lengths (5万亩, 200公里)', () => {
    expect(achieved('完成造林面积5万亩', '完成造林3万亩')).toBe(30000);
    expect(achieved('新建城市绿道200公里', '截至9月底，新建城市绿道156公里')).toBe(156);
  });

  it('reads achieved values written in Chinese numerals', () => {
    expect(achieved('建设口袋公园50处', '已建成口袋公园三十二处')).toBe(32);
  });

  it('compares growth with the reported rate, including a fall', () => {
    expect(achieved('规模以上工业增加值增长8%左右', '1—9月，全市规模以上工业增加值同比增长6.8%，高于全省1.5个百分点')).toBe(6.8);
    expect(achieved('规模以上工业增加值增长8%左右', '1—9月，全市规模以上工业增加值同比下降2.5%')).toBe(-2.5);
  });

  it('takes a growth rate of the same indicator (经济总量 is 地区生产总值), not of another one', () => {
    expect(achieved('力争新区经济总量增长15%左右', '地方一般公共预算收入31亿元，同比增长9.1%。地区生产总值490.8亿元，同比增长4.3%')).toBe(4.3);
  });

  it('does not match a rate of another subject (建设用地 is not 耕地)', () => {
    expect(achieved('受污染耕地安全利用率达到93%以上', '重点建设用地安全利用率达到100%')).toBeUndefined();
    expect(achieved('受污染耕地安全利用率达到93%以上', '全市受污染耕地安全利用率达到95%')).toBe(95);
  });

  it('does not read a work-progress percentage as a growth rate', () => {
    expect(achieved('高端化工营业收入增长10%以上', '项目装修完成95%')).toBeUndefined();
  });
});

describe('extractTarget on continuation rows', () => {
  it('reads the assignments in order and takes the first that states the value', () => {
    const t = target('建设“希望小屋”1000个', '正在推进', '共建成“希望小屋”600间');
    expect(extractTarget(t).measure).toMatchObject({ goal: 1000, achieved: 600, ratio: 0.6, row: 4 });
  });

  it('keeps the goal when no progress text states the achieved value', () => {
    const t = target('争取认定高新技术企业80家以上', '共169家企业申报');
    const x = extractTarget(t);
    expect(x.goal).toMatchObject({ value: 80, unit: '家' });
    expect(x.measure).toBeUndefined();
  });
});

describe('extraction on the seed table (heze-2022-q3)', () => {
  let report: Report;
  beforeAll(async () => {
    report = await readTableFile(SEED);
  });

  it('has a hand-written expectation for every target, 39 to 86', () => {
    const ids = SEED_EXTRACTIONS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(report.targets.map((t) => t.id));
    expect(ids).toEqual(Array.from({ length: 48 }, (_, i) => String(39 + i)));
  });

  it.each(SEED_EXTRACTIONS.map((e) => [e.id, e] as const))('target %s reads as written in the test table', (id, expected) => {
    const t = report.targets.find((x) => x.id === id);
    if (!t) throw new Error(`seed has no target ${id}`);
    const { goal, measure } = extractTarget(t);
    if (!expected.goal) {
      expect(goal).toBeUndefined();
      return;
    }
    expect(goal).toMatchObject(expected.goal);
    if (expected.achieved === null || expected.achieved === undefined) {
      expect(measure).toBeUndefined();
    } else {
      expect(measure?.achieved).toBeCloseTo(expected.achieved, 6);
    }
  });

  it('extracts a measure for exactly the targets the table expects (15 of 48)', () => {
    const extracted = report.targets.filter((t) => extractTarget(t).measure).map((t) => t.id);
    const expected = SEED_EXTRACTIONS.filter((e) => typeof e.achieved === 'number').map((e) => e.id);
    expect(extracted).toEqual(expected);
    expect(extracted).toHaveLength(15);
  });

  it('computes the ratios of targets 44, 58 and 78 from their progress text', () => {
    const ratio = (id: string): number | undefined => extractTarget(report.targets.find((t) => t.id === id)!).measure?.ratio;
    expect(Math.round(ratio('44')! * 100)).toBe(133);
    expect(Math.round(ratio('58')! * 100)).toBe(83);
    expect(Math.round(ratio('78')! * 100)).toBe(90);
  });
});
