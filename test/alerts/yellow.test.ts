import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeImportDigest, composeScheduledDigest } from '../../src/alerts/compose';
import { createAlertFanOut } from '../../src/alerts/fan-out';
import { diffLights, lightChangesFor, yellowUnder } from '../../src/alerts/yellow';
import { diffReports } from '../../src/import/diff';
import { createImporter } from '../../src/import/importer';
import { assessReport } from '../../src/progress/light';
import { openDb } from '../../src/store/lowdb/db';
import type { Report } from '../../src/model';
import { buildReport, Q2_2022, Q3_2022, type Row } from '../progress/build-table';
import { useTempDir } from '../helpers/tmp';
import { matcher, openStores, silentLogger } from './helpers';

const dir = useTempDir();
const LIMITS = { maxMessageUnits: 4000, targetsPerPart: 15 };
const ids = (html: string): string[] => [...html.matchAll(/^• <b>([^<]+)<\/b>/gm)].map((m) => m[1]!);
/** the 序号 listed under a section title, up to the next title */
const section = (html: string, title: string): string[] => {
  const start = html.indexOf(`<b>${title}`);
  if (start < 0) return [];
  const rest = html.slice(start + 3);
  const end = rest.search(/\n<b>|\n\n/);
  return ids(end < 0 ? rest : rest.slice(0, end));
};

// Pocket parks, one row per target; Q2 ends 2022-06-30 (序时 50%), Q3 2022-09-30 (序时 75%).
const row = (id: string, progress: string, onSchedule: '是' | '否' = '是', unit = '市住建局'): Row => [id, '甲', `建设口袋公园100个（${id}）`, '年底', progress, onSchedule, unit];

/**
 * Q2 → Q3:
 * 1 green → yellow (60 of 100 keeps pace at 50%, not at 75%)
 * 2 yellow → green (30 → 90)
 * 3 red → yellow (否 → 是 but 50 of 100): a recovery, stays with the lagging alerts
 * 4 yellow → red (是 → 否): became lagging
 * 5 green → green, progress text changed
 * 6 new, yellow
 * 7 yellow both times, progress changed (not a light change)
 */
const reports = async (): Promise<{ q2: Report; q3: Report }> => ({
  q2: await buildReport(Q2_2022, [
    row('1', '已建成口袋公园60个'),
    row('2', '已建成口袋公园30个'),
    row('3', '已建成口袋公园20个', '否'),
    row('4', '已建成口袋公园30个'),
    row('5', '已建成口袋公园90个'),
    row('7', '已建成口袋公园10个', '是', '市城管局'),
  ]),
  q3: await buildReport(Q3_2022, [
    row('1', '已建成口袋公园60个'),
    row('2', '已建成口袋公园90个'),
    row('3', '已建成口袋公园50个'),
    row('4', '已建成口袋公园40个', '否'),
    row('5', '已建成口袋公园95个'),
    row('6', '已建成口袋公园10个'),
    row('7', '已建成口袋公园20个', '是', '市城管局'),
  ]),
});

describe('diffLights', () => {
  it('finds targets that turned yellow (from green or new) and that left yellow for green, leaving red to the lagging alerts', async () => {
    const { q2, q3 } = await reports();
    const lights = diffLights(assessReport(q2), assessReport(q3));
    expect(lights.changes.map((c) => [c.id, c.kind])).toEqual([
      ['1', 'became-yellow'],
      ['2', 'left-yellow'],
      ['6', 'became-yellow'],
    ]);
    expect(lights.changes[0]!.assessment.reasons[0]).toBe('落后序时进度15个百分点（完成60%，序时75%）');
    expect(lights.now.get('3')?.light).toBe('yellow');
  });

  it('keeps the changes under the filters', async () => {
    const { q2, q3 } = await reports();
    const lights = diffLights(assessReport(q2), assessReport(q3));
    const m = matcher();
    expect(lightChangesFor(lights, q3, [{ kind: 'all' }], m).map((c) => c.id)).toEqual(['1', '2', '6']);
    expect(lightChangesFor(lights, q3, [{ kind: 'unit', unit: '市城管局' }], m)).toEqual([]);
  });
});

describe('import digest with yellow alerts', () => {
  const compose = async (filters: Parameters<typeof composeImportDigest>[0]['filters'], optedIn: boolean): Promise<string> => {
    const { q2, q3 } = await reports();
    const lights = optedIn ? { lights: diffLights(assessReport(q2), assessReport(q3)) } : {};
    return composeImportDigest({ report: q3, previous: q2, diff: diffReports(q2, q3), filters, matcher: matcher(), limits: LIMITS, ...lights }).join('\n');
  };

  it('lists turned-yellow and left-yellow targets in their own sections, each target once', async () => {
    const text = await compose([{ kind: 'unit', unit: '市住建局' }], true);
    expect(section(text, '🔴 新增滞后')).toEqual(['4']);
    expect(section(text, '🟡 转为黄灯')).toEqual(['1', '6']);
    expect(section(text, '🟢 恢复正常')).toEqual(['3']);
    expect(section(text, '🟢 解除黄灯')).toEqual(['2']);
    // 2 and 6 also changed progress / are new: they are listed under the light, not again
    expect(section(text, '📝 进展更新')).toEqual(['5']);
    expect(ids(text)).toEqual(['4', '1', '6', '3', '2', '5']);
    expect(new Set(ids(text)).size).toBe(ids(text).length);
    expect(text).toContain('🟡 落后序时进度15个百分点（完成60%，序时75%）');
    // red → yellow is a recovery, with the risk said on its line
    expect(text).toContain('🟡 仍为黄灯：落后序时进度25个百分点（完成50%，序时75%）');
    expect(text).toContain('订阅：市住建局（含黄灯提醒）');
  });

  it('gives a chat that did not opt in the lagging alerts only', async () => {
    const text = await compose([{ kind: 'unit', unit: '市住建局' }], false);
    expect(text).not.toContain('黄灯');
    expect(section(text, '📝 进展更新')).toEqual(['2', '5']);
    expect(section(text, '🆕 新增目标')).toEqual(['6']);
  });

  it('gives "全部滞后项目" subscribers who opted in the light changes of every target', async () => {
    const text = await compose([{ kind: 'all' }], true);
    expect(ids(text)).toEqual(['4', '1', '6', '3', '2']);
    expect(ids(await compose([{ kind: 'all' }], false))).toEqual(['4', '3']);
  });

  it('does not repeat a target that stays yellow: it is news only when its progress changed', async () => {
    const text = await compose([{ kind: 'unit', unit: '市城管局' }], true);
    expect(ids(text)).toEqual(['7']);
    expect(section(text, '📝 进展更新')).toEqual(['7']);
    expect(text).not.toContain('转为黄灯');
  });
});

describe('scheduled digest with yellow alerts', () => {
  it('lists the current yellow targets under the filters for opted-in chats', async () => {
    const { q3 } = await reports();
    const assessed = assessReport(q3);
    const filters = [{ kind: 'unit', unit: '市住建局' } as const];
    const base = { report: q3, filters, matcher: matcher(), limits: LIMITS, today: '2022-10-10', remindDays: 14, kind: 'daily' as const };
    const [opted] = composeScheduledDigest({ ...base, yellow: yellowUnder(assessed, q3, filters, matcher()) });
    expect(section(opted!, '🔴 滞后')).toEqual(['4']);
    expect(section(opted!, '🟡 黄灯')).toEqual(['1', '3', '6']);
    const [plain] = composeScheduledDigest(base);
    expect(plain).not.toContain('黄灯');
  });

  it('says when there is nothing lagging, and still lists yellow ones', async () => {
    const { q3 } = await reports();
    const filters = [{ kind: 'unit', unit: '市城管局' } as const];
    const base = { report: q3, filters, matcher: matcher(), limits: LIMITS, today: '2022-10-10', remindDays: 14, kind: 'daily' as const };
    const [text] = composeScheduledDigest({ ...base, yellow: yellowUnder(assessReport(q3), q3, filters, matcher()) });
    expect(text).toContain('✅ 订阅范围内目前没有滞后项目。');
    expect(section(text!, '🟡 黄灯')).toEqual(['7']);
    const [none] = composeScheduledDigest({ ...base, yellow: [] });
    expect(none).toContain('✅ 订阅范围内目前没有滞后或黄灯项目。');
  });
});

describe('yellow opt-in in the store and the fan-out', () => {
  it('loads a store written before the setting existed, stores on/off, and composes per yellow choice', async () => {
    // a file from before /yellow: chat settings without the field
    const dbPath = join(dir(), 'db.json');
    writeFileSync(dbPath, JSON.stringify({ schemaVersion: 1, reports: [], subscriptions: [], chats: [{ chatId: 5, digest: 'daily', active: true }], outbox: [], fanOuts: [] }));
    const old = await openDb(dbPath);
    expect(old.data.chats[0]!.yellow).toBeUndefined();

    const stores = await openStores(dir());
    const fanOut = createAlertFanOut({ ...stores, matcher: matcher(), limits: LIMITS, logger: silentLogger() });
    const importer = createImporter({ reports: stores.reports, onImported: fanOut.onImported });
    const { q2, q3 } = await reports();
    const tsv = (r: Report, title: string): Buffer =>
      Buffer.from(
        [
          title,
          '序号\t市政府领导\t责任目标内容\t完成时限\t完成情况\t是否按计划完成进度\t责任单位',
          ...r.targets.map((t) => [t.id, '甲', t.text, '年底', t.assignments[0]!.progress, t.assignments[0]!.onSchedule ? '是' : '否', t.assignments[0]!.units.join('、')].join('\t')),
        ].join('\n') + '\n',
      );
    await importer.importTable(tsv(q2, Q2_2022), 'q2.tsv');
    for (const chat of [1, 2, 3]) await stores.subscriptions.add(chat, { kind: 'all' });
    expect((await stores.subscriptions.setYellow(1, true)).yellow).toBe(true);
    await stores.subscriptions.setYellow(3, true);
    await stores.subscriptions.setYellow(3, false);
    expect((await stores.subscriptions.settings(3)).yellow).toBeUndefined();
    await importer.importTable(tsv(q3, Q3_2022), 'q3.tsv');
    const all = await stores.outbox.all();
    const byChat = (chat: number) => all.filter((a) => a.chatId === chat).map((a) => ids(a.text));
    expect(byChat(1)).toEqual([['4', '1', '6', '3', '2']]);
    expect(byChat(2)).toEqual([['4', '3']]);
    expect(byChat(3)).toEqual([['4', '3']]);
    await stores.store.close();
  });
});
