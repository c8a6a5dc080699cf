import { BULLETIN_MESSAGES as M } from '../../src/wording/bulletin';
import type { ApiCall } from '../fake-bot-api/server';
import { startReplicaSet, type AppReplica, type ReplicaSet } from '../helpers/app-replica';
import { docxText, xlsxSheets } from '../supervision/read-back';

/**
 * The bulletin and the 导出 button on two replicas sharing one PostgreSQL: a reply stored through
 * one replica is in the bulletin /report makes on the other, and a 导出 button made on one (its
 * free-text question in the shared ButtonStore) is answered by the other.
 */
const ADMIN = 9001;
const MEMBER = 612;

let set: ReplicaSet;
beforeAll(async () => {
  set = await startReplicaSet({ count: 2, adminIds: [ADMIN], name: 'replica-report' });
}, 120_000);
afterAll(() => set?.stop());

const toChat = (chatId: number) => (c: ApiCall) => Number(c.payload.chat_id) === chatId;

describe('the bulletin and 导出 on two replicas of one PostgreSQL', () => {
  it('puts a reply stored on one replica into the bulletin the other sends', async () => {
    const { api, deliverTo, nextCall } = set;
    const [one, two] = set.replicas as [AppReplica, AppReplica];
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
    const { api, deliverTo, nextCall } = set;
    const [one, two] = set.replicas as [AppReplica, AppReplica];
    let from = api.calls.length;
    api.userMessage({ chatId: MEMBER, userId: MEMBER, text: '5G相关的目标' });
    await deliverTo(one);
    const answer = await nextCall('sendMessage', toChat(MEMBER), from);
    const button = (answer.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().find((b) => b.text === M.exportButton)!;
    expect(button.callback_data).toMatch(/^x:[0-9a-f]{6}:q/);

    from = api.calls.length;
    api.callback({ chatId: MEMBER, userId: MEMBER, messageId: 1, data: button.callback_data });
    await deliverTo(two);
    await nextCall('sendDocument', toChat(MEMBER), from);
    const [file] = api.documents(MEMBER);
    const listed = one.handles
      .engine()
      .ask('5G相关的目标')
      .hits.map((h) => h.target.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(
      (await xlsxSheets(file!.bytes))
        .get('目标清单')!
        .slice(1)
        .map((r) => String(r[0])),
    ).toEqual(listed);
  });
});
