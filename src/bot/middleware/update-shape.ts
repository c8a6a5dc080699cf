import type { Context, MiddlewareFn } from 'telegraf';
import type { Logger } from '../../logger';
import { updateInfo } from '../update-info';

/**
 * Lets through to the features only updates of the shape telegraf's types promise them, so no
 * handler meets a shape it cannot read (issue 20.8: `ctx.from.id` threw on a message without a sender).
 *
 * The Bot API documents a message's `from` as optional: empty for posts in channels (the bot answers
 * nobody there) and for malformed or future updates. telegraf still types `ctx.from` as present in
 * message, callback and inline handlers. A message (or an edit) without its chat or sender, and a
 * callback or inline query without its sender, are therefore ignored here, with a debug line.
 * Every other kind — polls, poll answers, boosts, reaction counts, business connections, channel
 * posts, kinds Telegram adds later — passes: the features ignore what they do not handle.
 */
export const requireUsualShape =
  (logger: Logger): MiddlewareFn<Context> =>
  (ctx, next) => {
    const message = ctx.message ?? ctx.editedMessage;
    const query = ctx.callbackQuery ?? ctx.inlineQuery;
    const malformed = (message !== undefined && (!isObject(message.from) || !isObject(message.chat))) || (query !== undefined && !isObject(query.from));
    if (!malformed) return next();
    logger.debug(updateInfo(ctx), 'update without the chat or sender its handlers need; ignored');
    return undefined;
  };

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
