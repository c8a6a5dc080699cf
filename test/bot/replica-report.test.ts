import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BULLETIN_MESSAGES as M } from '../../src/wording/bulletin';
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../fake-bot-api/server';
import { startAppReplica, type AppReplica } from '../helpers/app-replica';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { docxText, xlsxSheets } from '../supervision/read-back';

/**
 * The bulletin and the 导出 button on two replicas sharing one PostgreSQL: a reply stored through
 * one replica is in the bulletin /report makes on the other, and a 导出 button made on one (its
 * free-text question in the shared ButtonStore) is answered by the other.
 */
const ADMIN = 9001;
const MEMBER = 612;

let postgres: TestPostgres;
let api: FakeBotApi;
const replicas: AppReplica[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tpb-replica-report-'));

beforeAll(async () => {
  postgres = await startTestPostgres();
  api = await startFakeBotApi({ recordGetUpdates: false });
  const databaseUrl = await postgres.createDatabase();
  for (const name of ['one', 'two']) replicas.push(await startAppReplica({ api, databaseUrl, dir: join(dir, name), adminIds: [ADMIN] }));
}, 120_000);
afterAll(async () => {
  for (const r of replicas) await r.stop();
  await api?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const deliverTo = async (replica: AppReplica): Promise<void> => {
  for (const update of api.drainUpdates()) expect(await replica.post(update)).toBe(200);
};

const nextCall = (method: string, predicate: (c: ApiCall) => boolean, from: number, timeoutMs = 10_000): Promise<ApiCall> =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      const found = api.calls.slice(from).find((c) => c.method === method && c.status === 200 && predicate(c));
      if (found) return resolve(found);
      if (Date.now() - started > timeoutMs) return reject(new Error(`no ${method} within ${timeoutMs} ms`));
      setTimeout(poll, 10);
    };
    poll();
  });
const toChat = (chatId: number) => (c: ApiCall) => Number(c.payload.chat_id) === chatId;

describe('the bulletin and 导出 on two replicas of one PostgreSQL', () => {
  it('puts a reply stored on one replica into the bulletin the other sends', async () => {
    const [one, two] = replicas as [AppReplica, AppReplica];
    const reportId = (await one.handles.reports.currentId())!;
    await one.handles.supervision.recordReminders([{ id: 'r1:1', reportId, unit: '市工业和信息化局', targets: ['57'], chatIds: [-401], by: ADMIN, at: '2022-10-03T01:00:00Z' }]);
    await one.handles.supervision.addReply({ reportId, target: '57', unit: '市工业和信息化局', chatId: -401, userId: MEMBER, person: '王五', text: '技改项目已投产', at: '2022-10-06T02:30:00Z' });

    const from = api.calls.length;
    const before = api.documents(ADMIN).length;
    api.userMessage({ chatId: ADMIN, userId: ADMIN, text: '/report' });
    await deliverTo(two);
    await nextCall('sendDocument', toChat(ADMIN), from);
    await nextCall('sendDocument', (c) => toChat(ADMIN)(c) && String(c.payload.caption).includes('Excel'), from);
    const [docx, xlsx] = api.documents(ADMIN).slice(before);
    expect(await docxText(docx!.bytes)).toContain('市工业和信息化局 王五（2022-10-06 10:30）：技改项目已投产');
    expect((await xlsxSheets(xlsx!.bytes)).get('未反馈单位')!.slice(1)).toEqual([]);
  });

  it('answers a 导出 button made on one replica on the other', async () => {
    const [one, two] = replicas as [AppReplica, AppReplica];
    let from = api.calls.length;
    api.userMessage({ chatId: MEMBER, userId: MEMBER, text: '5G相关的目标' });
    await deliverTo(one);
    const answer = await nextCall('sendMessage', toChat(MEMBER), from);
    const button = ((answer.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat()).find((b) => b.text === M.exportButton)!;
    expect(button.callback_data).toMatch(/^x:[0-9a-f]{6}:q/);

    from = api.calls.length;
    api.callback({ chatId: MEMBER, userId: MEMBER, messageId: 1, data: button.callback_data });
    await deliverTo(two);
    await nextCall('sendDocument', toChat(MEMBER), from);
    const [file] = api.documents(MEMBER);
    const listed = one.handles.engine().ask('5G相关的目标').hits.map((h) => h.target.id);
    expect(listed.length).toBeGreaterThan(0);
    expect((await xlsxSheets(file!.bytes)).get('目标清单')!.slice(1).map((r) => String(r[0]))).toEqual(listed);
  });
});
