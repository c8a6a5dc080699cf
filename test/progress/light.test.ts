import { join } from 'node:path';
import { assessReport, assessTarget, targetsAtRisk, targetsWithLight } from '../../src/progress/light';
import { readTableFile } from '../../src/table/load-table';
import { buildReport, Q3_2022, type Row } from './build-table';

const SEED = join(__dirname, '../../data/heze-2022-q3.tsv');

const one = async (row: Row) => {
  const report = await buildReport(Q3_2022, [row]);
  return assessTarget(report.targets[0]!, report);
};

describe('assessTarget', () => {
  it('is yellow when marked 是 but behind 序时进度 by more than the margin', async () => {
    const a = await one(['1', '甲', '建设口袋公园100个', '年底', '已建成口袋公园50个', '是', '市住建局']);
    expect(a.light).toBe('yellow');
    expect(a.reasons[0]).toBe('落后序时进度25个百分点（完成50%，序时75%）');
    expect(a.measure).toMatchObject({ goal: 100, achieved: 50, unit: '个', ratio: 0.5 });
    expect(a.pace).toMatchObject({ actual: 0.5 });
  });

  it('stays red when the table says 否, with the lagging unit first in the reasons', async () => {
    const a = await one(['1', '甲', '建设口袋公园100个', '年底', '已建成口袋公园50个', '否', '市住建局']);
    expect(a.light).toBe('red');
    expect(a.reasons[0]).toBe('未按计划完成进度（市住建局）');
    expect(a.reasons).toContain('落后序时进度25个百分点（完成50%，序时75%）');
  });

  it('is red even when the numbers look fine', async () => {
    const a = await one(['1', '甲', '建设口袋公园100个', '年底', '已建成口袋公园120个', '否', '市住建局']);
    expect(a.light).toBe('red');
  });

  it('is green when ahead of pace', async () => {
    const a = await one(['1', '甲', '年内建成并开通5G基站2000个', '年底', '新建并开通5G基站1658个', '是', '市工信局']);
    expect(a.light).toBe('green');
    expect(a.reasons).toEqual(['完成83%，序时进度75%']);
  });

  it('is yellow past the deadline without completion, green with it', async () => {
    const short = await one(['1', '甲', '建设“小荷学堂”100个', '8月底', '已开设“小荷学堂”95处', '是', '团市委']);
    // 95% is within the pace margin, but the deadline (8月底) has passed
    expect(short.light).toBe('yellow');
    expect(short.reasons).toContain('已过完成时限（8月底），完成95%');

    const silent = await one(['1', '甲', '推进儿童之家建设', '8月底', '稳步推进', '是', '团市委']);
    expect(silent.light).toBe('yellow');
    expect(silent.reasons).toEqual(['已过完成时限（8月底），未写明已完成']);

    const done = await one(['1', '甲', '建设“小荷学堂”100个', '8月底', '已开设“小荷学堂”100处', '是', '团市委']);
    expect(done.light).toBe('green');
  });

  it('compares growth rates: more than 10% short of the goal is yellow', async () => {
    const far = await one(['1', '甲', '规模以上工业增加值增长8%左右', '年底', '同比增长6.8%', '是', '市工信局']);
    expect(far.light).toBe('yellow');
    expect(far.reasons).toEqual(['增长6.8%，低于目标8%']);
    expect(far.pace).toBeUndefined();

    const near = await one(['1', '甲', '高端化工营业收入增长10%以上', '年底', '主营业务收入1470.3亿元，同比增长9.8%', '是', '市工信局']);
    expect(near.light).toBe('green');
  });

  it('is green with a plain reason when there is nothing to measure', async () => {
    const a = await one(['1', '甲', '推进青年发展友好型城市建设', '长期坚持', '正式启动创建', '是', '团市委']);
    expect(a).toEqual({ light: 'green', reasons: ['按计划推进'] });
  });

  it('notes a goal whose achieved value is not stated, without changing the light', async () => {
    const a = await one(['1', '甲', '争取认定高新技术企业80家以上', '年底', '我市共169家企业申报', '是', '市科技局']);
    expect(a.light).toBe('green');
    expect(a.reasons).toEqual(['目标80家，进展中未写明完成数量']);
  });

  it('does not change the report it reads', async () => {
    const report = await buildReport(Q3_2022, [['1', '甲', '建设口袋公园100个', '年底', '已建成口袋公园50个', '是', '市住建局']]);
    const before = structuredClone(report);
    assessReport(report);
    expect(report).toEqual(before);
  });
});

describe('assessReport on the seed table', () => {
  it('lights the seed: 否 rows red, 84 yellow, the rest green', async () => {
    const assessed = assessReport(await readTableFile(SEED));
    // 47 and 57 are the only targets with 否
    expect(targetsWithLight(assessed, 'red').map((i) => i.target.id)).toEqual(['47', '57']);
    // 84: 414.1 of 700亿元 is 59% at 75% of the year, 16 points behind; every other
    // measured target is ahead of pace, done, or within the margin (60: 9.8% vs 10%)
    expect(targetsWithLight(assessed, 'yellow').map((i) => i.target.id)).toEqual(['84']);
    // 有风险 = red and yellow, in table order
    expect(targetsAtRisk(assessed).map((i) => i.target.id)).toEqual(['47', '57', '84']);
    expect(assessed.counts).toEqual({ red: 2, yellow: 1, green: 45 });
    expect(assessed.items).toHaveLength(48);
  });

  it('gives 45 (小荷学堂, due 8月底, 100 of 100) green although its deadline passed', async () => {
    const assessed = assessReport(await readTableFile(SEED));
    const a = assessed.items.find((i) => i.target.id === '45')!.assessment;
    expect(a.light).toBe('green');
    expect(a.reasons).toEqual(['已完成目标（100%）']);
  });
});
