import { Telegraf } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { BotDeps } from './deps';
import { createErrorHandler } from './error-boundary';
import type { Feature } from './feature';
import { requireUsualShape } from './middleware/update-shape';
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
 * Builds the telegraf bot: the transport's policies (text check, timeouts, 429), the
 * error boundary around every feature, and the shape check in front of them
 * (middleware/update-shape.ts), then the features in order. Does not touch the network;
 * launchBot() does.
 *
 * Why the transport is installed per update: telegraf 4.16 builds a new Telegram
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
  // bot.telegram serves start-up, polling and the workers: the text check and timeouts, no deferral.
  deps.transport.install(bot.telegram);
  bot.use((ctx, next) => {
    deps.transport.install(ctx.telegram, { deferReplies: true });
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
  bot.use(requireUsualShape(deps.logger));
  for (const feature of features) bot.use(feature.composer);
  // Reached only by what escapes the boundary above, e.g. the 90 s handler timeout.
  bot.catch(onError);

  const seen = new Set<string>();
  const commands = features.flatMap((f) => f.commands ?? []).filter((c) => !seen.has(c.command) && seen.add(c.command));
  return { bot, commands };
};
