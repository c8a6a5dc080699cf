import { isLagging, unitsOf, type Target } from '../../src/model';
import { buildBulletin, type BulletinReminder, type BulletinReply } from '../../src/supervision/bulletin';
import { createBulletinFiles, safeFileName } from '../../src/supervision/bulletin-files';
import { report as handMade, seed, target } from '../qa/seed';
import { docxText, xlsxSheets } from './read-back';

const NOW = new Date('2022-10-08T06:00:00Z');
const TZ = 'Asia/Shanghai';

/** The seed's figures counted straight from the table, not through the statistics the bulletin uses. */
const countsByUnit = (targets: readonly Target[]): Map<string, { total: number; lagging: number }> => {
  const counts = new Map<string, { total: number; lagging: number }>();
  for (const t of targets) {
    for (const u of unitsOf(t)) {
      const c = counts.get(u) ?? { total: 0, lagging: 0 };
      c.total += 1;
      if (isLagging(t)) c.lagging += 1;
      counts.set(u, c);
    }
  }
  return counts;
};

describe('the bulletin (通报)', () => {
  it('takes its title and figures from the table and the statistics answer', async () => {
    const { report, engine } = await seed();
    const stats = engine.askAs('stats', '').stats!;
    const b = buildBulletin({ report, stats, reminders: [], replies: [], now: NOW, timezone: TZ });
    expect(b.title).toBe('菏泽市2022年第三季度责任目标推进情况通报');
    expect(b.asOf).toBe('截至2022年9月30日');
    expect(b.totals).toEqual({ targets: 48, assignments: 50, onPlan: 46, lagging: 2, rate: 46 / 48 });
    expect(b.lagging.map((t) => t.id)).toEqual(report.targets.filter(isLagging).map((t) => t.id));
    expect(b.lagging.map((t) => t.id)).toEqual(['47', '57']);
    const counts = countsByUnit(report.targets);
    expect(new Map(b.byUnit.map((g) => [g.name, { total: g.total, lagging: g.lagging }]))).toEqual(counts);
    expect(b.reminded).toBe(0);
    expect(b.silent).toEqual([]);
  });

  it('quotes each unit’s latest reply under its lagging target and lists the reminded units that owe one', async () => {
    const { report, engine } = await seed();
    const t57 = report.targets.find((t) => t.id === '57')!;
    const t47 = report.targets.find((t) => t.id === '47')!;
    const [unit57] = unitsOf(t57);
    const [unit47] = unitsOf(t47);
    const reminders: BulletinReminder[] = [
      { unit: unit57!, targets: ['57'], at: '2022-10-03T01:00:00Z' },
      { unit: unit47!, targets: ['47'], at: '2022-10-02T01:00:00Z' },
      { unit: unit47!, targets: ['47'], at: '2022-10-05T01:00:00Z' },
    ];
    const replies: BulletinReply[] = [
      { unit: unit57!, target: '57', person: '张三', text: '旧的说法', at: '2022-10-04T02:00:00Z' },
      { unit: unit57!, target: '57', person: '张三', text: '已完成选址，11月开工', at: '2022-10-06T02:30:00Z' },
    ];
    const b = buildBulletin({ report, stats: engine.askAs('stats', '').stats!, reminders, replies, now: NOW, timezone: TZ });
    expect(b.lagging.find((t) => t.id === '57')!.replies).toEqual([`${unit57} 张三（2022-10-06 10:30）：已完成选址，11月开工`]);
    expect(b.lagging.find((t) => t.id === '47')!.replies).toEqual([]);
    expect(b.reminded).toBe(2);
    expect(b.silent).toEqual([{ unit: unit47, times: 2, lastReminded: '2022-10-05 09:00', missing: ['47'] }]);
  });

  it('writes the same figures into the Word document and the spreadsheet', async () => {
    const { report, engine } = await seed();
    const t57 = report.targets.find((t) => t.id === '57')!;
    const [unit57] = unitsOf(t57);
    const files = createBulletinFiles({
      engine: () => engine,
      records: async () => ({
        reminders: [
          { unit: unit57!, targets: ['57'], at: '2022-10-03T01:00:00Z' },
          { unit: '市教育局', targets: ['47'], at: '2022-10-03T01:00:00Z' },
        ],
        replies: [{ unit: unit57!, target: '57', person: '张三', text: '已完成选址 <&> 11月开工', at: '2022-10-06T02:30:00Z' }],
      }),
      timezone: TZ,
      now: () => NOW,
    });
    const { title, docx, xlsx } = await files.bulletin();
    expect(docx.fileName).toBe(`${title}.docx`);
    expect(xlsx.fileName).toBe(`${title}.xlsx`);

    const text = await docxText(docx.bytes);
    expect(text.split('\n')[0]).toBe('菏泽市2022年第三季度责任目标推进情况通报');
    expect(text).toContain('本期共有责任目标 48 项（分工 50 条），按计划推进 46 项，未按计划完成进度（滞后）2 项，按计划率 95.8%。');
    expect(text).toContain('已完成选址 <&> 11月开工');
    expect(text).toContain('本期已向 2 个责任单位催办，其中 1 个已全部反馈，1 个尚有目标未反馈。');
    expect(text).toContain('市教育局');
    for (const [unit, c] of countsByUnit(report.targets)) expect(text).toContain(`${unit}\n${c.total}\n${c.lagging}\n`);

    const sheets = await xlsxSheets(xlsx.bytes);
    expect([...sheets.keys()]).toEqual(['总体情况', '按责任单位', '按市政府领导', '滞后目标', '未反馈单位']);
    const overview = new Map(
      sheets
        .get('总体情况')!
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(overview.get('目标（项）')).toBe(48);
    expect(overview.get('滞后（项）')).toBe(2);
    expect(overview.get('按计划率')).toBeCloseTo(46 / 48);
    const units = new Map(
      sheets
        .get('按责任单位')!
        .slice(1)
        .map((r) => [r[0], { total: r[1], lagging: r[2] }]),
    );
    expect(units).toEqual(countsByUnit(report.targets));
    expect(
      sheets
        .get('滞后目标')!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([47, 57]);
    expect(sheets.get('未反馈单位')!.slice(1)).toEqual([['市教育局', 1, '2022-10-03 09:00', '47']]);
  });
});

describe('the 导出 spreadsheet', () => {
  it('has one row per target in the given order, with units labelled 牵头/配合 when the table has cooperating ones', async () => {
    const lead = target('3', '建设5G基站', '王昌华', ['市工业和信息化局'], '已建成 1658 个', false);
    lead.assignments[0]!.cooperating = ['市财政局'];
    const other = target('12', '托育机构', '张鹏、聂元科', ['市卫生健康委'], '进展顺利');
    const report = handMade([lead, other]);
    const files = createBulletinFiles({
      engine: () => ({
        report,
        askAs: () => {
          throw new Error('not asked');
        },
      }),
      records: async () => ({ reminders: [], replies: [] }),
      timezone: TZ,
    });
    const file = await files.targets([other, lead]);
    expect(file.fileName).toBe('责任目标导出-2030年第一季度.xlsx');
    const rows = (await xlsxSheets(file.bytes)).get('目标清单')!;
    expect(rows).toEqual([
      ['序号', '领导', '内容', '时限', '完成情况', '是否按计划', '责任单位'],
      [12, '张鹏、聂元科', '托育机构', '年底', '进展顺利', '是', '市卫生健康委'],
      [3, '王昌华', '建设5G基站', '年底', '已建成 1658 个', '否', '市工业和信息化局（牵头）、市财政局（配合）'],
    ]);
  });
});

describe('safeFileName', () => {
  it('drops what a file system or a multipart header would misread', () => {
    expect(safeFileName('菏泽市/2022"通报', 'docx')).toBe('菏泽市_2022_通报.docx');
    expect(safeFileName('..\u0000', 'xlsx')).toBe('_.xlsx');
    expect(safeFileName('   ', 'xlsx')).toBe('file.xlsx');
    expect([...safeFileName('通'.repeat(200), 'xlsx')]).toHaveLength(85);
  });
});
