import { SUPERVISION_MESSAGES as M } from '../../src/wording/supervision';
import type { ApiCall } from '../fake-bot-api/server';
import { startReplicaSet, type AppReplica, type ReplicaSet } from '../helpers/app-replica';
import { buttonsOf, textOf } from '../helpers/app-under-test';

/**
 * The supervision loop on two replicas of the app sharing one PostgreSQL, each step landing on
 * the other replica than the one before, as a load balancer may send them: the binding asked on
 * one is approved on the other, the reminder previewed on one is confirmed on the other (and sent
 * by whichever replica holds the sending role), 反馈 tapped on one is answered on the other.
 */
const ADMIN = 9001;
const GROUP = -401;
const OTHER_GROUP = -402;
const MEMBER = 611;

let set: ReplicaSet;
beforeAll(async () => {
  set = await startReplicaSet({ count: 2, adminIds: [ADMIN], name: 'replica-supervision' });
}, 120_000);
afterAll(async () => {
  await set?.stop();
});

const toChat = (chatId: number) => (c: ApiCall) => Number(c.payload.chat_id) === chatId;

const say = async (replica: AppReplica, chatId: number, userId: number, text: string): Promise<ApiCall> => {
  const from = set.api.calls.length;
  set.api.userMessage({ chatId, userId, text });
  await set.deliverTo(replica);
  return set.nextCall('sendMessage', toChat(chatId), from);
};

const press = async (replica: AppReplica, chatId: number, userId: number, data: string, method: string, chat = chatId): Promise<ApiCall> => {
  const from = set.api.calls.length;
  set.api.callback({ chatId, userId, messageId: 1, data });
  await set.deliverTo(replica);
  return set.nextCall(method, (c) => c.payload.chat_id === undefined || Number(c.payload.chat_id) === chat, from);
};

describe('supervision on two replicas of one PostgreSQL', () => {
  it('binds, reminds and stores a reply with each step on the other replica', async () => {
    const [one, two] = set.replicas as [AppReplica, AppReplica];
    const { api, nextCall } = set;
    api.chatAdmins(GROUP, [MEMBER]);
    api.chatAdmins(OTHER_GROUP, [MEMBER]);

    // a binding asked on one, approved on two; another asked on two, refused on one
    let from = api.calls.length;
    await say(one, GROUP, MEMBER, '/bind 工信局');
    const request = await nextCall('sendMessage', toChat(ADMIN), from);
    expect(textOf(await press(two, ADMIN, ADMIN, buttonsOf(request)[0]!.callback_data!, 'sendMessage', GROUP))).toBe(M.bindDecidedForChat('市工业和信息化局', true));
    from = api.calls.length;
    await say(two, OTHER_GROUP, MEMBER, '/bind 商务局');
    const second = await nextCall('sendMessage', toChat(ADMIN), from);
    expect(textOf(await press(one, ADMIN, ADMIN, buttonsOf(second)[1]!.callback_data!, 'sendMessage', OTHER_GROUP))).toBe(M.bindDecidedForChat('市商务局', false));
    expect((await one.handles.supervision.bindings()).map((b) => [b.chatId, b.state])).toEqual([
      [GROUP, 'approved'],
      [OTHER_GROUP, 'refused'],
    ]);

    // previewed on one, confirmed on two; only the approved chat gets it, once
    const preview = await say(one, ADMIN, ADMIN, '/remind 滞后');
    expect(textOf(preview)).toContain('1 个单位的 1 个聊天');
    from = api.calls.length;
    await press(two, ADMIN, ADMIN, buttonsOf(preview)[0]!.callback_data!, 'editMessageText');
    const reminder = await nextCall('sendMessage', (c) => toChat(GROUP)(c) && textOf(c).includes('【催办】'), from);
    expect(buttonsOf(reminder).map((b) => b.text)).toEqual([M.feedbackButton('57')]);
    expect((await two.handles.supervision.reminders()).map((r) => [r.unit, r.targets, r.chatIds])).toEqual([['市工业和信息化局', ['57'], [GROUP]]]);

    // the refused chat cannot reply; the bound one taps on one and replies on two
    const refused = await press(two, OTHER_GROUP, MEMBER, buttonsOf(reminder)[0]!.callback_data!, 'answerCallbackQuery');
    expect(String(refused.payload.text)).toBe(M.notBound);
    expect(textOf(await press(one, GROUP, MEMBER, buttonsOf(reminder)[0]!.callback_data!, 'sendMessage'))).toBe(M.askReply('57', '市工业和信息化局', 1000));
    expect(textOf(await say(two, GROUP, MEMBER, '选址完成，月底开工'))).toBe(M.replyStored('57', '市工业和信息化局'));
    expect(textOf(await say(one, ADMIN, ADMIN, '/item 57'))).toContain('选址完成，月底开工');
    expect(textOf(await say(two, ADMIN, ADMIN, '哪些单位还没反馈'))).toBe(M.notRepliedUnits([]));
    // nothing was sent twice by the two replicas
    expect(api.sent(GROUP).filter((p) => String(p.text).includes('【催办】'))).toHaveLength(1);
  }, 60_000);

  it('a chat’s own reminder days set on one replica are what the other replica’s scheduler follows (the global ones are off)', async () => {
    const [one, two] = set.replicas as [AppReplica, AppReplica];
    expect(textOf(await say(two, GROUP, MEMBER, '/remindset 周五 提前8天'))).toBe(M.remindSchedule(5, 8, { weekday: true, beforeDays: true }));
    const from = set.api.calls.length;
    // Friday 2022-12-23, 09:00 in Asia/Shanghai: the weekly lagging reminder and the targets due 12-31
    expect(await one.handles.bot!.unitReminders.runDue(new Date('2022-12-23T01:00:00Z'))).toMatchObject({ batches: 2 });
    await set.nextCall('sendMessage', (c) => toChat(GROUP)(c) && textOf(c).includes('【催办】'), from);
    const scheduled = (await two.handles.supervision.reminders()).filter((r) => r.id.includes('2022-12-23'));
    expect(scheduled.map((r) => r.id.split(':')[0]).sort()).toEqual(['due2022-12-23+8', 'wk2022-12-23']);
    expect(scheduled.every((r) => r.unit === '市工业和信息化局' && r.chatIds.join() === String(GROUP))).toBe(true);
    // Saturday: neither the chat's day nor a global one
    expect(await two.handles.bot!.unitReminders.runDue(new Date('2022-12-24T01:00:00Z'))).toEqual({ batches: 0, alerts: 0 });
  }, 30_000);
});
