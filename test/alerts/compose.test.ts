import { composeImportDigest, composeScheduledDigest, packParts, targetLine } from '../../src/alerts/compose';
import { diffReports } from '../../src/import/diff';
import { parseTable } from '../../src/table/load-table';
import { seedBytes } from '../helpers/seed';
import { matcher } from './helpers';
import { editedSeed, newTargetLine } from './tables';
import { countyTsv } from '../table/layouts';

const LIMITS = { maxMessageUnits: 4000, targetsPerPart: 15 };
const seed = () => parseTable(seedBytes(), 'heze-2022-q3.tsv');
const ids = (html: string): string[] => [...html.matchAll(/^• <b>([^<]+)<\/b>/gm)].map((m) => m[1]!);

describe('import digest', () => {
  it('escapes table text for HTML', async () => {
    const previous = await seed();
    const report = await parseTable(editedSeed({ add: [newTargetLine('87', '王昌华', '研究 <script> & “A<B”', '否', '市工业和信息化局')] }), 'q4.tsv');
    const [text] = composeImportDigest({ report, previous, diff: diffReports(previous, report), filters: [{ kind: 'all' }], matcher: matcher(), limits: LIMITS });
    expect(text).toContain('研究 &lt;script&gt; &amp; “A&lt;B”');
    expect(text).not.toContain('<script>');
  });

  it('leaves out targets still lagging with the same progress, so unchanged data produces nothing', async () => {
    const previous = await seed();
    const report = await parseTable(editedSeed({}), 'same.tsv');
    const diff = diffReports(previous, report);
    expect(diff.counts['still-lagging']).toBeGreaterThan(0);
    expect(composeImportDigest({ report, previous, diff, filters: [{ kind: 'all' }], matcher: matcher(), limits: LIMITS })).toEqual([]);
  });

  it('gives "全部滞后项目" only changes that touch a lagging status, and a unit every change of its targets', async () => {
    const previous = await seed();
    // 39 (聂元科, 市应急局) reports new progress but is on schedule; 40 falls behind
    const report = await parseTable(editedSeed({ lagging: ['40'], progress: { '39': '全年未发生重特大事故' } }), 'q4.tsv');
    const diff = diffReports(previous, report);
    const compose = (filters: Parameters<typeof composeImportDigest>[0]['filters']) => composeImportDigest({ report, previous, diff, filters, matcher: matcher(), limits: LIMITS }).flatMap(ids);
    expect(compose([{ kind: 'all' }])).toEqual(['40']);
    expect(compose([{ kind: 'leader', leader: '聂元科' }])).toEqual(['40', '39']);
    expect(compose([{ kind: 'unit', unit: '市应急局' }])).toEqual(['39']);
    // a chat with two filters gets each target once
    expect(compose([{ kind: 'all' }, { kind: 'leader', leader: '聂元科' }])).toEqual(['40', '39']);
  });
});

describe('target lines', () => {
  it('label each unit 牵头 or 配合 when the target has cooperating units, and none otherwise', async () => {
    const county = await parseTable(countyTsv(), 'county.tsv');
    const shared = county.targets.find((t) => (t.assignments[0]!.cooperating ?? []).length > 0)!;
    const lead = shared.assignments[0]!.units[0]!;
    const helper = shared.assignments[0]!.cooperating![0]!;
    expect(targetLine(shared)).toContain(`${lead}（牵头）`);
    expect(targetLine(shared)).toContain(`${helper}（配合）`);
    const alone = county.targets.find((t) => t.assignments.every((a) => (a.cooperating ?? []).length === 0))!;
    expect(targetLine(alone)).not.toMatch(/（牵头）|（配合）/);
    const [t57] = (await seed()).targets.filter((t) => t.id === '57');
    expect(targetLine(t57!)).toContain('市工业和信息化局');
    expect(targetLine(t57!)).not.toContain('（牵头）');
  });
});

describe('packParts', () => {
  const lines = (n: number, width = 10) => Array.from({ length: n }, (_, i) => `• <b>${i}</b> ${'字'.repeat(width)}`);

  it('numbers parts, repeats the header, continues a section with （续） and keeps every line whole', () => {
    const parts = packParts('<b>H</b>', [{ title: 'S', lines: lines(40) }], 'F', { maxMessageUnits: 4000, targetsPerPart: 15 });
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^<b>H<\/b>（1\/3）\n\n<b>S<\/b>/);
    expect(parts[1]).toContain('<b>S（续）</b>');
    expect(parts[2]!.endsWith('\n\nF')).toBe(true);
    expect(parts.flatMap(ids)).toEqual(Array.from({ length: 40 }, (_, i) => String(i)));
  });

  it('stays under the size limit with long lines', () => {
    const parts = packParts('<b>H</b>', [{ title: 'S', lines: lines(30, 300) }], 'F', { maxMessageUnits: 4000, targetsPerPart: 100 });
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4000);
    expect(parts.flatMap(ids)).toHaveLength(30);
  });
});

describe('scheduled digest', () => {
  it('calls out lagging targets due within REMIND_DAYS, soonest first', async () => {
    const report = await seed();
    const lagging = report.targets.filter((t) => t.assignments.some((a) => !a.onSchedule));
    // every lagging target of the seed is due 年底 (2022-12-31)
    expect(lagging.every((t) => t.deadline.kind === 'date' && t.deadline.date === '2022-12-31')).toBe(true);
    const [late] = composeScheduledDigest({ report, filters: [], matcher: matcher(), limits: LIMITS, today: '2022-12-20', remindDays: 14, kind: 'daily' });
    expect(late).toContain(`⏰ 14 天内到期 ${lagging.length} 项`);
    expect(late).toContain('还剩 <b>11</b> 天');
    const [early] = composeScheduledDigest({ report, filters: [], matcher: matcher(), limits: LIMITS, today: '2022-10-10', remindDays: 14, kind: 'weekly' });
    expect(early).not.toContain('⏰');
    expect(early).toContain('📋 每周滞后汇总');
    expect(ids(early!)).toEqual(lagging.map((t) => t.id));
  });

  it('says so when nothing under the filters lags', async () => {
    const [text] = composeScheduledDigest({
      report: await seed(),
      filters: [{ kind: 'keyword', keyword: '5G', terms: ['5g'] }],
      matcher: matcher(),
      limits: LIMITS,
      today: '2022-10-10',
      remindDays: 14,
      kind: 'daily',
    });
    expect(text).toContain('订阅范围内目前没有滞后项目');
  });
});
