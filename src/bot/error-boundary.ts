import type { Context } from 'telegraf';
import type { BotDeps } from './deps';
import { MESSAGES } from '../wording/chat';
import { classifyError, logFailure } from './transport';
import { updateInfo } from './update-info';

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
    try {
      await handle(deps, err, ctx);
    } catch (secondary) {
      // The handler of last resort must not throw: telegraf would rethrow into the polling loop.
      try {
        deps.logger.error({ err: secondary }, 'error handler failed');
      } catch {
        // nothing left to do
      }
    }
  };

const handle = async (deps: Pick<BotDeps, 'logger' | 'onChatBlocked'>, err: unknown, ctx: Context): Promise<void> => {
  const failure = classifyError(err);
  const where = updateInfo(ctx);
  if (failure.kind === 'forbidden') {
    logFailure(deps.logger, failure, where);
    if (where.chatId !== undefined) deps.onChatBlocked?.(where.chatId);
    return;
  }
  if (failure.kind === 'not-modified' || failure.kind === 'stale') return logFailure(deps.logger, failure, where);
  if (failure.method !== undefined) logFailure(deps.logger, failure, where);
  else deps.logger.error({ ...where, err }, 'update handler failed');

  try {
    if (ctx.callbackQuery) await ctx.answerCbQuery(MESSAGES.apology);
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 });
    else if (where.chatId !== undefined && ctx.message) await ctx.reply(MESSAGES.apology);
  } catch (apologyError) {
    deps.logger.debug({ ...where, err: apologyError }, 'could not send the apology');
  }
};
