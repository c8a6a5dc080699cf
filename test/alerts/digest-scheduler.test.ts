import { createDigestScheduler, digestPattern } from '../../src/alerts/digest-scheduler';
import { readTableFile } from '../../src/table/load-table';
import { SEED_PATH } from '../helpers/seed';
import { useTempDir } from '../helpers/tmp';
import { matcher, openStores, silentLogger } from './helpers';

const dir = useTempDir();

const setup = async (now: () => Date) => {
  const stores = await openStores(dir());
  const report = await readTableFile(SEED_PATH);
  const scheduler = createDigestScheduler({
    subscriptions: stores.subscriptions,
    outbox: stores.outbox,
    currentReport: async () => report,
    matcher: matcher(),
    limits: { maxMessageUnits: 4000, targetsPerPart: 15 },
    timezone: 'Asia/Shanghai',
    remindDays: 14,
    digestTime: '09:00',
    weeklyDay: 1,
    logger: silentLogger(),
    now,
  });
  return { ...stores, scheduler };
};

describe('digest scheduler', () => {
  it('runs at the digest time in BOT_TIMEZONE', async () => {
    expect(digestPattern('09:00')).toBe('0 0 9 * * *');
    expect(() => digestPattern('9am')).toThrow(/HH:MM/);
    const { store, scheduler } = await setup(() => new Date('2022-10-10T02:00:00Z'));
    // 10:00 in Shanghai: today's 09:00 has passed, the next run is tomorrow 09:00 local = 01:00 UTC
    expect(scheduler.nextRun()?.toISOString()).toBe('2022-10-11T01:00:00.000Z');
    await store.close();
  });

  it('sends daily chats every day and weekly chats on Mondays, once per day, skipping inactive ones', async () => {
    let now = new Date('2022-10-10T01:00:00Z'); // Monday 09:00 in Shanghai
    const { store, scheduler, subscriptions, outbox } = await setup(() => now);
    await subscriptions.setDigest(1, 'daily');
    await subscriptions.setDigest(2, 'weekly');
    await subscriptions.setDigest(3, 'off');
    await subscriptions.setDigest(4, 'daily');
    await subscriptions.markInactive(4);
    await subscriptions.add(1, { kind: 'unit', unit: '市工业和信息化局' });
    expect(await scheduler.runDue()).toEqual({ chats: 2, alerts: 2 });
    expect((await outbox.pending()).map((a) => a.id)).toEqual(['dig:2022-10-10:1:1', 'dig:2022-10-10:2:1']);
    expect((await outbox.get('dig:2022-10-10:1:1'))?.text).toContain('订阅：市工业和信息化局');
    // a restart at 09:00 again the same day adds nothing
    expect((await scheduler.runDue()).alerts).toBe(0);
    now = new Date('2022-10-11T01:00:00Z'); // Tuesday
    await scheduler.runDue();
    expect((await outbox.pending()).map((a) => a.id).slice(2)).toEqual(['dig:2022-10-11:1:1']);
    await store.close();
  });
});
