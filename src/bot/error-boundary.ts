import type { Context } from 'telegraf';
import type { BotDeps } from './deps';
import { MESSAGES } from './messages';
import { classifyError, logFailure } from './transport';

/**
 * What happens when a handler throws (or times out: telegraf gives up on a handler
 * after 90 s and reports it through bot.catch). Never rethrows: in telegraf one
 * uncaught error stops polling for everybody.
 *
 * - 403: the chat blocked or removed the bot → log, tell the alerts store, no reply (it would fail too);
 * - stale/unchanged messages → debug log only;
 * - anything else (a 400 from our own output, a bug) → log with the method and the
 *   update, then a short apology where the user will see it.
 */
export const createErrorHandler =
  (deps: Pick<BotDeps, 'logger' | 'onChatBlocked'>) =>
  async (err: unknown, ctx: Context): Promise<void> => {
    const failure = classifyError(err);
    const where = { updateId: ctx.update?.update_id, updateType: ctx.updateType, chatId: ctx.chat?.id };
    if (failure.kind === 'forbidden') {
      logFailure(deps.logger, failure, where);
      if (ctx.chat) deps.onChatBlocked?.(ctx.chat.id);
      return;
    }
    if (failure.kind === 'not-modified' || failure.kind === 'stale') return logFailure(deps.logger, failure, where);
    if (failure.method !== undefined) logFailure(deps.logger, failure, where);
    else deps.logger.error({ ...where, err }, 'update handler failed');

    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(MESSAGES.apology);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 });
      else if (ctx.chat && ctx.message) await ctx.reply(MESSAGES.apology);
    } catch (apologyError) {
      deps.logger.debug({ ...where, err: apologyError }, 'could not send the apology');
    }
  };
