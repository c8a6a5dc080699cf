import type { Context } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Answer } from '../qa/answer';
import { createPageKeys, encodeCallback, SAFE_ID, type PageKey } from './callback-data';
import type { BotDeps, QaEngine } from './deps';
import { MESSAGES } from '../wording/chat';
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
}

export interface AnswerMessages {
  ask(engine: QaEngine, origin: Origin): Answer;
  /** `key` reuses the page key of an existing message (an edit), so nothing new is stored */
  build(origin: Origin, page: number, key?: PageKey): Promise<BuiltMessage>;
  /** sends page 1 of `origin` as a reply to the update's chat */
  reply(ctx: Context, origin: Origin): Promise<void>;
  pageKeys: ReturnType<typeof createPageKeys>;
}

/** an ambiguous short name rarely fits more than a few; a keyboard of dozens would bury the answer */
const MAX_CANDIDATE_BUTTONS = 8;

export const createAnswerMessages = (deps: BotDeps): AnswerMessages => {
  const pageKeys = createPageKeys(deps.queries);
  const { pageSize } = deps.settings;

  const ask = (engine: QaEngine, origin: Origin): Answer =>
    origin.as === 'ask' ? engine.ask(origin.question) : engine.askAs(origin.as, origin.arg ?? '');

  const build = async (origin: Origin, page: number, knownKey?: PageKey): Promise<BuiltMessage> => {
    const engine = deps.engine();
    const answer = ask(engine, origin);
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
    if (answer.candidates?.length && answer.candidatesOf) {
      const version = pageKeys.version(engine.report);
      for (const name of answer.candidates.slice(0, MAX_CANDIDATE_BUTTONS)) {
        const key = pageKeys.keyOfName(engine.report, answer.candidatesOf, name);
        if (key) rows.push([{ text: name, callback_data: encodeCallback({ type: 'page', version, key, page: 1 }) }]);
      }
    }
    if (rendered.pages > 1) {
      const key = knownKey ?? (await pageKeys.keyFor(engine.report, origin, answer));
      const version = pageKeys.version(engine.report);
      const nav: InlineKeyboardButton[] = [];
      if (rendered.page > 1)
        nav.push({ text: MESSAGES.previous, callback_data: encodeCallback({ type: 'page', version, key, page: rendered.page - 1 }) });
      nav.push({ text: `${rendered.page}/${rendered.pages}`, callback_data: encodeCallback({ type: 'noop' }) });
      if (rendered.page < rendered.pages)
        nav.push({ text: MESSAGES.next, callback_data: encodeCallback({ type: 'page', version, key, page: rendered.page + 1 }) });
      rows.push(nav);
    }
    const note = answer.kind === 'item' && answer.hits.length === 1 && deps.targetNote ? await deps.targetNote(answer.hits[0]!.target.id) : undefined;
    return {
      text: note ? `${rendered.text}\n\n${note}` : rendered.text,
      markup: rows.length > 0 ? { inline_keyboard: rows } : undefined,
      answer,
      page: rendered.page,
      pages: rendered.pages,
    };
  };

  return {
    ask,
    build,
    pageKeys,
    async reply(ctx, origin) {
      const message = await build(origin, 1);
      await ctx.reply(message.text, { parse_mode: 'HTML', ...replyExtra(ctx), ...(message.markup ? { reply_markup: message.markup } : {}) });
    },
  };
};

/** In groups, answer as a reply to the asking message so the thread stays readable. */
export const replyExtra = (ctx: Context): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } => {
  const message = ctx.message;
  if (!message || ctx.chat?.type === 'private') return {};
  return { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } };
};
