/**
 * Every update shape the Bot API documents reaches every handler without a throw (issue 20.8): a poll,
 * a poll answer, a boost, a reaction count, a business connection, a channel post without `from`…
 * have no chat, no sender or neither. Each kind goes to the real app (every feature, the dashboard's
 * too, and the flood limiter on, as main.ts runs it) by long polling and by webhook; afterwards no handler failed, nobody got an apology, and an
 * ordinary message is answered.
 */
import { MESSAGES } from '../../src/wording/chat';
import { freePort } from '../helpers/free-port';
import { until } from '../helpers/wait';
import { startDashboardApp } from '../web/dashboard-app';

const now = Math.floor(Date.now() / 1000);
const user = { id: 8101, is_bot: false, first_name: 'U' };
const privateChat = { id: 8101, type: 'private', first_name: 'U' };
const group = { id: -100810, type: 'supergroup', title: 'G' };
const channel = { id: -100811, type: 'channel', title: 'C' };
const anonymousAdmin = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
const poll = { id: 'p1', question: '?', options: [{ text: 'a', voter_count: 1 }], total_voter_count: 1, is_closed: false, is_anonymous: false, type: 'regular', allows_multiple_answers: false };
const reactions = { old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] };
const boost = { boost_id: 'b1', add_date: now, expiration_date: now + 86_400, source: { source: 'premium', user } };
const text = (chat: object, body: string, extra: object = {}) => ({ message_id: 5, date: now, chat, text: body, ...extra });
const command = (chat: object, body: string, extra: object = {}) => text(chat, body, { entities: [{ type: 'bot_command', offset: 0, length: body.split(' ')[0]!.length }], ...extra });

/** One of each kind in https://core.telegram.org/bots/api#update, and the odd shapes within them. */
const KINDS: Record<string, Record<string, unknown>> = {
  'channel_post without from': { channel_post: text(channel, '第57项进展如何？', { sender_chat: channel }) },
  'channel_post command without from': { channel_post: command(channel, '/item 57', { sender_chat: channel }) },
  'channel_post with /weblink and /subscribe': { channel_post: command(channel, '/weblink off') },
  'channel_post /subscribe': { channel_post: command(channel, '/subscribe 全部') },
  edited_channel_post: { edited_channel_post: text(channel, '@progress_test_bot 57', { edit_date: now }) },
  'message in a channel chat without from': { message: command(channel, '/start') },
  'message without from in private': { message: text(privateChat, '第57项') },
  'command without from in private': { message: command(privateChat, '/dashboard') },
  'weblink without from': { message: command(privateChat, '/weblink') },
  'group message from an anonymous admin': { message: command(group, '/subscribe 全部', { from: anonymousAdmin, sender_chat: group }) },
  'group mention from a channel': { message: text(group, '@progress_test_bot 57', { sender_chat: channel, entities: [{ type: 'mention', offset: 0, length: 18 }] }) },
  'document without from': { message: { message_id: 6, date: now, chat: privateChat, document: { file_id: 'f', file_unique_id: 'u', file_name: 'q.tsv', file_size: 10 } } },
  'edited_message without from': { edited_message: text(privateChat, '57', { edit_date: now }) },
  business_connection: { business_connection: { id: 'bc1', user, user_chat_id: 8101, date: now, can_reply: true, is_enabled: true } },
  business_message: { business_message: text(privateChat, '第57项', { from: user, business_connection_id: 'bc1' }) },
  edited_business_message: { edited_business_message: text(privateChat, '57', { from: user, business_connection_id: 'bc1', edit_date: now }) },
  deleted_business_messages: { deleted_business_messages: { business_connection_id: 'bc1', chat: privateChat, message_ids: [1, 2] } },
  'message_reaction by a chat': { message_reaction: { chat: group, message_id: 1, date: now, actor_chat: channel, ...reactions } },
  'message_reaction by a user': { message_reaction: { chat: group, message_id: 1, date: now, user, ...reactions } },
  message_reaction_count: { message_reaction_count: { chat: channel, message_id: 1, date: now, reactions: [{ type: { type: 'emoji', emoji: '👍' }, total_count: 3 }] } },
  inline_query: { inline_query: { id: 'iq1', from: user, query: '57', offset: '' } },
  'inline_query with an odd offset': { inline_query: { id: 'iq2', from: user, query: '', offset: '\u0000' } },
  chosen_inline_result: { chosen_inline_result: { result_id: 'r1', from: user, query: '57' } },
  'callback_query without message': { callback_query: { id: 'cq1', from: user, chat_instance: 'ci', inline_message_id: 'im1', data: 'p:1' } },
  'callback_query with a game and no data': { callback_query: { id: 'cq2', from: user, chat_instance: 'ci', message: text(privateChat, 'x', { from: user }), game_short_name: 'g' } },
  'callback_query on an inaccessible message': { callback_query: { id: 'cq3', from: user, chat_instance: 'ci', message: { chat: privateChat, message_id: 1, date: 0 }, data: 'd:57' } },
  shipping_query: {
    shipping_query: { id: 'sq1', from: user, invoice_payload: 'x', shipping_address: { country_code: 'CN', state: '', city: 'c', street_line1: 's', street_line2: '', post_code: '1' } },
  },
  pre_checkout_query: { pre_checkout_query: { id: 'pq1', from: user, currency: 'XTR', total_amount: 1, invoice_payload: 'x' } },
  purchased_paid_media: { purchased_paid_media: { from: user, paid_media_payload: 'x' } },
  poll: { poll },
  'poll_answer by a user': { poll_answer: { poll_id: 'p1', user, option_ids: [0] } },
  'poll_answer by a chat': { poll_answer: { poll_id: 'p1', voter_chat: channel, option_ids: [] } },
  'my_chat_member in a channel': {
    my_chat_member: { chat: channel, from: user, date: now, old_chat_member: { status: 'left', user }, new_chat_member: { status: 'administrator', user, can_post_messages: true } },
  },
  chat_member: { chat_member: { chat: group, from: user, date: now, old_chat_member: { status: 'left', user }, new_chat_member: { status: 'member', user } } },
  chat_join_request: { chat_join_request: { chat: group, from: user, user_chat_id: 8101, date: now } },
  chat_boost: { chat_boost: { chat: channel, boost } },
  removed_chat_boost: { removed_chat_boost: { chat: channel, boost_id: 'b1', remove_date: now, source: { source: 'premium', user } } },
  'a kind from the future': { future_kind: { chat: channel, something: 1 } },
  'an empty update': {},
};

/** what failed, one line each: the update, the message and where it was thrown */
const failures = (logs: string[]): string[] =>
  logs
    .map((l) => JSON.parse(l) as { level: number; msg: string; updateType?: string; err?: { message?: string; stack?: string } })
    .filter((l) => l.level >= 50 || l.msg === 'update handler failed')
    .map((l) => `${l.updateType}: ${l.msg}: ${l.err?.message} ${/\(?([^()\s]*src\/[^()\s]*)/.exec(l.err?.stack ?? '')?.[1] ?? ''}`);

const ordinary = (updateId?: number) => ({
  ...(updateId ? { update_id: updateId } : {}),
  message: command({ id: 8200, type: 'private', first_name: 'V' }, '/item 57', { from: { id: 8200, is_bot: false, first_name: 'V' } }),
});

describe('every documented update kind', () => {
  /** the ordinary message after the odd kinds is answered, no handler failed and nobody got an apology */
  const expectAnsweredCleanly = async (app: Awaited<ReturnType<typeof startDashboardApp>>): Promise<void> => {
    await until(() => app.api.sent(8200).length > 0, 'the answer to the ordinary message');
    expect(String(app.api.sent(8200)[0]!.text)).toContain('57');
    await app.handles.bot!.running.idle();
    expect(failures(app.logs)).toEqual([]);
    expect(app.api.calls.filter((c) => JSON.stringify(c.payload).includes(MESSAGES.apology))).toEqual([]);
  };

  it('by long polling: no handler fails, no apology, and the next ordinary message is answered', async () => {
    const app = await startDashboardApp({}, { rateLimit: {} });
    try {
      for (const update of Object.values(KINDS)) app.api.pushUpdate(update);
      app.api.pushUpdate(ordinary());
      await expectAnsweredCleanly(app);
    } finally {
      await app.stop();
    }
  }, 30_000);

  it('by webhook: each kind is taken (200), no handler fails, and the next ordinary message is answered', async () => {
    const port = await freePort();
    const secret = 'kinds_secret-1';
    const app = await startDashboardApp({ WEBHOOK_URL: 'https://bot.example.org/tg/hook', WEBHOOK_SECRET: secret, PORT: String(port) }, { ownServer: false, rateLimit: {} });
    try {
      const post = (update: object) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
      const statuses = [];
      let id = 1;
      for (const update of Object.values(KINDS)) statuses.push((await post({ update_id: id++, ...update })).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      await post(ordinary(id));
      await expectAnsweredCleanly(app);
    } finally {
      await app.stop();
    }
  }, 30_000);
});
