import { ALERT_MESSAGES } from '../../src/wording/alerts';
import { BOT_DEFAULTS } from '../../src/bot/deps';
import { MESSAGES } from '../../src/wording/chat';
import { WORDS } from '../../src/wording/answers';
import { renderAnswer } from '../../src/view';
import type { ApiCall } from '../fake-bot-api/server';
import { startReplicaSet, type AppReplica, type ReplicaSet } from '../helpers/app-replica';
import { ledgerXlsx } from '../table/layouts';

/**
 * Two replicas of the app (src/app.ts, as main.ts runs it) in webhook mode on one
 * PostgreSQL, behind a load balancer that sends each update wherever it likes:
 * a button made by one replica is pressed on the other. The state a button needs
 * must be in the store, not in the memory of the replica that made it.
 */
const ADMIN = 9001;

let set: ReplicaSet;
beforeAll(async () => {
  set = await startReplicaSet({ count: 2, adminIds: [ADMIN], name: 'replica-buttons' });
}, 120_000);
afterAll(() => set?.stop());

type Button = { text: string; callback_data?: string };
const buttonsOf = (call: ApiCall): Button[] => ((call.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();
const buttonData = (call: ApiCall, text: string): string => {
  const data = buttonsOf(call).find((b) => b.text === text)?.callback_data;
  if (!data) throw new Error(`no button ${text} in ${JSON.stringify(buttonsOf(call))}`);
  return data;
};
const messageIdOf = (call: ApiCall): number => (call.response as { result: { message_id: number } }).result.message_id;

/** Sends a user's message to one replica and resolves with that replica's reply. */
const ask = async (replica: AppReplica, chatId: number, text: string): Promise<ApiCall> => {
  const from = set.api.calls.length;
  set.api.userMessage({ chatId, text });
  await set.deliverTo(replica);
  return set.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === chatId, from);
};

/** Presses a button on one replica; resolves with the next call of `method` to that chat. */
const press = async (replica: AppReplica, chatId: number, messageId: number, data: string, method: string): Promise<ApiCall> => {
  const from = set.api.calls.length;
  set.api.callback({ chatId, userId: chatId, messageId, data });
  await set.deliverTo(replica);
  return set.nextCall(method, (c) => c.payload.chat_id === undefined || Number(c.payload.chat_id) === chatId, from);
};

describe('two set.replicas on one PostgreSQL, updates landing on either', () => {
  it('turns to page 2 on replica 2 for a free-text question asked on replica 1', async () => {
    const [one, two] = set.replicas as [AppReplica, AppReplica];
    const chatId = 7101;
    const question = '年底到期的';
    const first = await ask(one, chatId, question);
    const next = buttonData(first, MESSAGES.next);
    // a free-text question: the button carries a random id, not the question
    expect(next).toMatch(/^p:[0-9a-f]{6}:q[A-Za-z0-9_-]{8}:2$/);

    const edit = await press(two, chatId, messageIdOf(first), next, 'editMessageText');
    const page2 = renderAnswer(two.handles.engine().ask(question), { format: 'html', page: 2, pageSize: BOT_DEFAULTS.pageSize });
    expect(edit.payload.text).toBe(page2.text);
    expect(edit.payload.message_id).toBe(messageIdOf(first));
    // and back to page 1 on replica 1, from the button replica 2 made
    const back = await press(one, chatId, messageIdOf(first), buttonData(edit, MESSAGES.previous), 'editMessageText');
    expect(back.payload.text).toBe(first.payload.text);
  });

  it('answers a follow-up on replica 2 to a question asked on replica 1: the conversation is in the database', async () => {
    const [one, two] = set.replicas as [AppReplica, AppReplica];
    const chatId = 7103;
    await ask(one, chatId, '我在市场监管局上班');
    await ask(two, chatId, '卫健委的目标');
    const lagging = await ask(one, chatId, '有没有滞后的');
    const engine = one.handles.engine();
    const read = (messages: string[]): string => {
      let conversation = {};
      let text = '';
      for (const m of messages) {
        const r = engine.converse(m, conversation);
        conversation = r.conversation;
        text = renderAnswer(r.answer, { format: 'html', page: 1, pageSize: BOT_DEFAULTS.pageSize }).text;
      }
      return text;
    };
    expect(lagging.payload.text).toBe(read(['卫健委的目标', '有没有滞后的']));
    expect(lagging.payload.text).toContain(WORDS.followUp(['市卫生健康委', WORDS.lagging]));
    // the introduction made on replica 1 holds on replica 2
    const ours = await ask(two, chatId, '我们单位有几项');
    expect(ours.payload.text).toBe(read(['我在市场监管局上班', '我们单位有几项']));
  });

  it('says a button whose question the store no longer has expired, on either replica', async () => {
    const [one] = set.replicas as [AppReplica, AppReplica];
    const chatId = 7102;
    const first = await ask(one, chatId, '年底到期的');
    const forged = buttonData(first, MESSAGES.next).replace(/:q[A-Za-z0-9_-]{8}:/, ':qZZZZZZZZ:');
    const answer = await press(set.replicas[1]!, chatId, messageIdOf(first), forged, 'answerCallbackQuery');
    expect(answer.payload.text).toBe(MESSAGES.expired);
  });

  it('takes an admin’s column answers on whichever replica they land, and imports the upload once', async () => {
    const [one, two] = set.replicas as [AppReplica, AppReplica];
    const before = (await one.handles.reports.history()).length;
    const from = set.api.calls.length;
    set.api.document({ userId: ADMIN, fileName: 'duban-q3.xlsx', bytes: await ledgerXlsx() });
    await set.deliverTo(one);
    const first = await set.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN, from);
    expect(first.payload.text).toBe(ALERT_MESSAGES.mappingAsk('duban-q3.xlsx', '责任目标内容', ['责任目标内容', '是否按计划完成进度', '责任单位']));

    const second = await press(two, ADMIN, messageIdOf(first), buttonData(first, '督办件'), 'sendMessage');
    expect(second.payload.text).toContain('没有找到“是否按计划完成进度”列');
    // a second tap on the first question's button, on the other replica: stale, nothing imported twice
    const stale = await press(one, ADMIN, messageIdOf(first), buttonData(first, '督办件'), 'answerCallbackQuery');
    expect(stale.payload.text).toBe(ALERT_MESSAGES.mappingStale);

    const third = await press(one, ADMIN, messageIdOf(second), buttonData(second, '办结标识'), 'sendMessage');
    expect(third.payload.text).toContain('没有找到“责任单位”列');
    const done = await press(two, ADMIN, messageIdOf(third), buttonData(third, '承办方'), 'sendMessage');
    expect(done.payload.text).toContain('目标 7 项，分工 9 条，滞后 2 项（47、57）');
    const history = await one.handles.reports.history();
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)!.title).toBe('2022年三季度督办件办理台账');
  });
});
