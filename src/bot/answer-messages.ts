import type { Context } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Answer } from '../qa/answer';
import { createPageKeys, encodeCallback, SAFE_ID, type PageKey } from './callback-data';
import type { Conversation } from '../qa/follow-up';
import type { BotDeps, QaEngine } from './deps';
import { MESSAGES } from '../wording/chat';
import { BULLETIN_MESSAGES } from '../wording/bulletin';
import { SUPERVISION_MESSAGES } from '../wording/supervision';
import type { Origin } from './query-cache';

/**
 * Turns a question into a Telegram message: asks the engine, renders one page
 * with the shared HTML view, and adds the keyboard (detail buttons for the
 * targets on the page, ◀ n/m ▶ when there is more than one page).
 *
 * Replies and page edits go through here, so page 3 reached by buttons is the
 * same text as page 3 would be if it were sent directly.
 */
export interface BuiltMessage {
  text: string;
  markup: InlineKeyboardMarkup | undefined;
  answer: Answer;
  page: number;
  pages: number;
  /** the conversation once this message is on screen: its list, its page, who the user said they are */
  conversation: Conversation;
}

export interface AnswerMessages {
  /** the answer to `origin` and the conversation after it (a free-text origin is read with its `context`) */
  ask(engine: QaEngine, origin: Origin): { answer: Answer; conversation: Conversation };
  /** `key` reuses the page key of an existing message (an edit), so nothing new is stored */
  /** `viewer`: the update of the person who sees it; an admin in a private chat also gets a 催办 button under a list */
  build(origin: Origin, page: number, key?: PageKey, viewer?: Context): Promise<BuiltMessage>;
  /**
   * sends page 1 of `origin` as a reply to the update's chat; free text is read
   * as a message of the sender's conversation, which then remembers the reply
   */
  reply(ctx: Context, origin: Origin): Promise<void>;
  /** the update's conversation now shows `message` (a page or a detail the user tapped) */
  remember(ctx: Context, message: BuiltMessage): Promise<void>;
  pageKeys: ReturnType<typeof createPageKeys>;
}

/** an ambiguous short name rarely fits more than a few; a keyboard of dozens would bury the answer */
const MAX_CANDIDATE_BUTTONS = 8;

export interface AnswerMessageOptions {
  /** a 导出 button under every list with targets (the export feature answers it) */
  exportButton?: boolean;
  /** a 催办 button under every list with targets that an admin reads in a private chat (the remind feature answers it) */
  remindButton?: boolean;
}

export const createAnswerMessages = (deps: BotDeps, options: AnswerMessageOptions = {}): AnswerMessages => {
  const pageKeys = createPageKeys(deps.queries);
  const { pageSize } = deps.settings;

  const ask = (engine: QaEngine, origin: Origin): { answer: Answer; conversation: Conversation } => {
    if (origin.as === 'ask') return engine.converse(origin.question, origin.context);
    const answer = engine.askAs(origin.as, origin.arg ?? '');
    const last = engine.understood(answer);
    return { answer, conversation: last ? { last, page: 1 } : {} };
  };

  const admins = new Set(deps.access.adminIds);
  const build = async (origin: Origin, page: number, knownKey?: PageKey, viewer?: Context): Promise<BuiltMessage> => {
    const engine = deps.engine();
    const { answer, conversation } = ask(engine, origin);
    const rendered = deps.view.renderAnswer(answer, { format: 'html', page, pageSize });
    const rows: InlineKeyboardButton[][] = [];

    if (answer.kind === 'list' || answer.kind === 'search') {
      // The view pages the hits in display order with the same page size, so these are the targets on screen.
      const onPage = answer.hits.slice((rendered.page - 1) * pageSize, rendered.page * pageSize);
      const buttons = onPage
        .filter((hit) => SAFE_ID.test(hit.target.id))
        .map((hit) => ({ text: MESSAGES.detailButton(hit.target.id), callback_data: encodeCallback({ type: 'detail', id: hit.target.id }) }));
      for (let i = 0; i < buttons.length; i += 5) rows.push(buttons.slice(i, i + 5));
    }
    // 王市长 with two 王, 新区 with two 新区: one button per name, opening that name's list
    const version = pageKeys.version(engine.report);
    if (answer.candidates?.length && answer.candidatesOf) {
      for (const name of answer.candidates.slice(0, MAX_CANDIDATE_BUTTONS)) {
        const key = pageKeys.keyOfName(engine.report, answer.candidatesOf, name);
        if (key) rows.push([{ text: name, callback_data: encodeCallback({ type: 'page', version, key, page: 1 }) }]);
      }
    }
    const listed = (answer.kind === 'list' || answer.kind === 'search') && answer.hits.length > 0;
    const exportable = options.exportButton === true && listed;
    const remindable = options.remindButton === true && listed && viewer?.chat?.type === 'private' && viewer.from !== undefined && admins.has(viewer.from.id);
    // one key for the arrows, 导出 and 催办: a free-text question is stored once, not once per button
    const key = rendered.pages > 1 || exportable || remindable ? (knownKey ?? (await pageKeys.keyFor(engine.report, origin, answer))) : undefined;
    if (key && rendered.pages > 1) {
      const nav: InlineKeyboardButton[] = [];
      if (rendered.page > 1) nav.push({ text: MESSAGES.previous, callback_data: encodeCallback({ type: 'page', version, key, page: rendered.page - 1 }) });
      nav.push({ text: `${rendered.page}/${rendered.pages}`, callback_data: encodeCallback({ type: 'noop' }) });
      if (rendered.page < rendered.pages) nav.push({ text: MESSAGES.next, callback_data: encodeCallback({ type: 'page', version, key, page: rendered.page + 1 }) });
      rows.push(nav);
    }
    const tools: InlineKeyboardButton[] = [];
    if (key && exportable) tools.push({ text: BULLETIN_MESSAGES.exportButton, callback_data: encodeCallback({ type: 'export', version, key }) });
    if (key && remindable) tools.push({ text: SUPERVISION_MESSAGES.remindButton, callback_data: encodeCallback({ type: 'remind-list', version, key }) });
    if (tools.length > 0) rows.push(tools);
    const note = answer.kind === 'item' && answer.hits.length === 1 && deps.targetNote ? await deps.targetNote(answer.hits[0]!.target.id) : undefined;
    return {
      text: note ? `${rendered.text}\n\n${note}` : rendered.text,
      markup: rows.length > 0 ? { inline_keyboard: rows } : undefined,
      answer,
      page: rendered.page,
      pages: rendered.pages,
      conversation: conversation.last ? { ...conversation, page: rendered.page } : conversation,
    };
  };

  const { conversations } = deps;
  /** what the conversation keeps after `message`: its list and page, and who the user is (said now, or earlier) */
  const keep = (key: string, before: Conversation, message: BuiltMessage): Promise<void> => {
    const after = message.conversation;
    const speaker = after.speaker ?? before.speaker;
    // help or asking back shows no list: the list before stays the one a 第三个 points into
    const shown = after.last ? { last: after.last, page: after.page ?? 1 } : before.last ? { last: before.last, page: before.page ?? 1 } : {};
    return conversations.put(key, { ...shown, ...(speaker ? { speaker } : {}) });
  };

  return {
    ask,
    build,
    pageKeys,
    async reply(ctx, origin) {
      const key = conversations.keyOf(ctx);
      const before = key ? await conversations.get(key) : {};
      // a follow-up's page buttons ask it again with the same context, so page 2 is the same list as page 1
      const asked: Origin = origin.as === 'ask' && (before.last || before.speaker) ? { ...origin, context: before } : origin;
      const message = await build(asked, 1, undefined, ctx);
      if (key) await keep(key, before, message);
      await ctx.reply(message.text, { parse_mode: 'HTML', ...replyExtra(ctx), ...(message.markup ? { reply_markup: message.markup } : {}) });
    },
    async remember(ctx, message) {
      const key = conversations.keyOf(ctx);
      if (key) await keep(key, await conversations.get(key), message);
    },
  };
};

/** In groups, answer as a reply to the asking message so the thread stays readable. */
export const replyExtra = (ctx: Context): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } => {
  const message = ctx.message;
  if (!message || ctx.chat?.type === 'private') return {};
  return { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } };
};
