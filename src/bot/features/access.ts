import { Composer, type Context } from 'telegraf';
import type { Feature, FeatureDeps } from '../feature';
import { MESSAGES } from '../../wording/chat';
import { parseCommand } from '../../qa/commands';
import { updateInfo } from '../update-info';

/**
 * ALLOWED_CHAT_IDS keeps the bot private to an office: updates from other chats
 * stop here. A private message or a command gets one sentence saying why;
 * group chatter and inline queries from strangers get nothing (inline: no results).
 * With an empty list every chat may use the bot.
 */
export const createAccessFeature = (deps: FeatureDeps): Feature => {
  const allowed = new Set(deps.access.allowedChatIds);
  const composer = new Composer<Context>();
  composer.use(async (ctx, next) => {
    if (allowed.size === 0) return next();
    // Inline queries (and callbacks on inline messages) have no chat: the user's own id counts there.
    const id = ctx.chat?.id ?? ctx.from?.id;
    if (id !== undefined && allowed.has(id)) return next();
    deps.logger.info({ ...updateInfo(ctx), userId: ctx.from?.id }, 'update from a chat outside ALLOWED_CHAT_IDS; refused');
    if (ctx.inlineQuery) return void (await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true }));
    if (ctx.callbackQuery) return void (await ctx.answerCbQuery(MESSAGES.notAllowed));
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
    if (text !== undefined && (ctx.chat?.type === 'private' || parseCommand(text))) await ctx.reply(MESSAGES.notAllowed);
  });
  return { name: 'access', composer };
};
