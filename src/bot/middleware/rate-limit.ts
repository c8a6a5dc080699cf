import type { Context, MiddlewareFn } from 'telegraf';
import { questionFor } from '../addressing';
import { parseCommand } from '../../qa/commands';
import { createTokenBuckets } from '../../limits/token-buckets';
import { MESSAGES } from '../../wording/chat';

/**
 * Per-user flood control for incoming updates: a token bucket per key (the sender's user id, else the chat id;
 * see limits/token-buckets.ts). An update that finds no token is dropped before any feature runs, so a flood
 * costs one map lookup per update, not a search and a reply.
 * The sender learns why once: one notice per `noticeIntervalMs` (a private reply, or for a button tap the
 * callback answer, which Telegram needs anyway to stop the spinner); dropped inline queries get an empty answer.
 * In groups the notice is not posted: the group should not pay for one member's flood.
 *
 * Only updates addressed to the bot are counted (private messages, commands, mentions and replies to the bot,
 * button taps, inline queries): ordinary group chatter is ignored by the features anyway and must not use up a
 * member's tokens.
 *
 * It has the shape of @grammyjs/ratelimiter (`limit` per `timeFrame`, `onLimitExceeded`, `keyGenerator`)
 * without its dependency, and can be swapped for it.
 *
 * @example
 *   bot.use(createRateLimit({ ...RATE_LIMIT_DEFAULTS, onDrop: (key) => logger.debug({ key }, 'dropped') }));   // before the features
 */
export interface RateLimitOptions {
  /** updates a key may send at once before throttling starts */
  burst?: number;
  /** tokens regained per second (sustained rate) */
  perSecond?: number;
  /** at most one notice per key per this many ms */
  noticeIntervalMs?: number;
  /** Chinese notice text (plain, no HTML) */
  notice?: string;
  /** which key an update is counted under; undefined → not limited */
  keyOf?: (ctx: Context) => string | undefined;
  /** whether an update counts at all (default: only updates addressed to the bot) */
  counts?: (ctx: Context) => boolean;
  /** injectable clock for tests, ms */
  now?: () => number;
  /** called for every dropped update (metrics, logs) */
  onDrop?: (key: string, ctx: Context) => void;
  /** keys kept before idle ones are swept */
  maxKeys?: number;
}

export const RATE_LIMIT_DEFAULTS = Object.freeze({
  burst: 6,
  perSecond: 1,
  noticeIntervalMs: 60_000,
  notice: MESSAGES.tooFast,
  maxKeys: 10_000,
});

export interface RateLimit extends MiddlewareFn<Context> {
  /** number of keys currently tracked (for tests and the soak figures) */
  readonly size: () => number;
}

const defaultKey = (ctx: Context): string | undefined => {
  const id = ctx.from?.id ?? ctx.chat?.id;
  return id === undefined ? undefined : String(id);
};

/** Updates the bot would act on: everything except group messages that neither command, mention nor reply to it. */
export const isAddressedToBot = (ctx: Context): boolean => {
  if (ctx.callbackQuery || ctx.inlineQuery) return true;
  if (!ctx.message) return ctx.chat?.type === 'private';
  if (ctx.chat?.type === 'private') return true;
  const text = 'text' in ctx.message ? ctx.message.text : undefined;
  if (text !== undefined && parseCommand(text)) return true;
  return questionFor(ctx) !== undefined;
};

export const createRateLimit = (options: RateLimitOptions = {}): RateLimit => {
  const notice = options.notice ?? RATE_LIMIT_DEFAULTS.notice;
  const keyOf = options.keyOf ?? defaultKey;
  const counts = options.counts ?? isAddressedToBot;
  const buckets = createTokenBuckets({
    burst: options.burst ?? RATE_LIMIT_DEFAULTS.burst,
    perSecond: options.perSecond ?? RATE_LIMIT_DEFAULTS.perSecond,
    noticeIntervalMs: options.noticeIntervalMs ?? RATE_LIMIT_DEFAULTS.noticeIntervalMs,
    maxKeys: options.maxKeys ?? RATE_LIMIT_DEFAULTS.maxKeys,
    ...(options.now ? { now: options.now } : {}),
  });

  const middleware = (async (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined || !counts(ctx)) return next();
    const { allowed, notify } = buckets.take(key);
    if (allowed) return next();
    options.onDrop?.(key, ctx);
    // Taps and inline queries are answered even without a notice: unanswered, they spin on the user's screen.
    if (ctx.callbackQuery) return void (await ctx.answerCbQuery(notify ? notice : undefined));
    if (ctx.inlineQuery) return void (await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true }));
    if (notify && ctx.chat?.type === 'private') await ctx.reply(notice);
  }) as RateLimit;
  Object.defineProperty(middleware, 'size', { value: buckets.size });
  return middleware;
};
