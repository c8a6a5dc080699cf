import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Telegraf } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { BotDeps } from './deps';
import { createErrorHandler } from './error-boundary';
import type { Feature } from './feature';
import { updateInfo } from './update-info';

export interface CreateBotOptions {
  token: string;
  /** another Bot API server (TELEGRAM_API_ROOT); undefined → api.telegram.org */
  apiRoot?: string | undefined;
  deps: BotDeps;
  /** from createFeatures(deps): in registration order, the fallback last */
  features: readonly Feature[];
  /** telegraf gives up on a handler after this long (default 90 s) and reports it to the error handler */
  handlerTimeoutMs?: number;
}

export interface CreatedBot {
  bot: Telegraf;
  /** every feature's commands, for setMyCommands */
  commands: BotCommand[];
}

/**
 * Builds the telegraf bot: the retry wrapper and the error boundary around every
 * feature, in order. Does not touch the network; launchBot() does.
 *
 * Why the wrapper is installed per update: telegraf 4.16 builds a new Telegram
 * client for every update (ctx.telegram), so wrapping bot.telegram would not
 * reach ctx.reply.
 */
export const createBot = ({ token, apiRoot, deps, features, handlerTimeoutMs }: CreateBotOptions): CreatedBot => {
  // webhookReply off: answering inside the webhook response hides errors (no 429/403 handling possible).
  const bot = new Telegraf(token, {
    telegram: { ...(apiRoot ? { apiRoot } : {}), webhookReply: false },
    ...(handlerTimeoutMs !== undefined ? { handlerTimeout: handlerTimeoutMs } : {}),
  });
  const onError = createErrorHandler(deps);
  bot.webhookFilter = checkWebhookRequest;

  bot.use((ctx, next) => {
    deps.transport.installRetry(ctx.telegram);
    return next();
  });
  bot.use(async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } catch (err) {
      await onError(err, ctx);
    }
    // No message text in logs: questions may name people; ids and timing are enough to trace a problem.
    if (deps.logger.isLevelEnabled('debug')) {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      deps.logger.debug({ ...updateInfo(ctx), ms }, 'update handled');
    }
  });
  for (const feature of features) bot.use(feature.composer);
  // Reached only by what escapes the boundary above, e.g. the 90 s handler timeout.
  bot.catch(onError);

  const seen = new Set<string>();
  const commands = features.flatMap((f) => f.commands ?? []).filter((c) => !seen.has(c.command) && seen.add(c.command));
  return { bot, commands };
};

/**
 * Replaces telegraf's webhook filter, which is right but prints the expected secret
 * next to the wrong one in its debug output (DEBUG=telegraf:*). Same rule: a POST to
 * the webhook path carrying X-Telegram-Bot-Api-Secret-Token, compared in constant time.
 */
function checkWebhookRequest(this: { path: string; secretToken?: string }, req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== this.path) return false;
  if (!this.secretToken) return true;
  const given = req.headers['x-telegram-bot-api-secret-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(this.secretToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
