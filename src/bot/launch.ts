import { TelegramError, type Telegraf } from 'telegraf';
import type { BotCommand, Update } from 'telegraf/types';
import type { RequestHandler } from '../http/server';
import type { Logger } from '../logger';
import type { UpdateLog } from '../store/ports';
import { createUpdateDispatcher, type DispatcherOptions } from './transport/dispatcher';
import { startPolling, type PollerOptions } from './transport/polling';
import { startWebhookServer } from './transport/webhook-server';

/**
 * Connects a bot built by createBot to Telegram (or TELEGRAM_API_ROOT).
 *
 * - checks the token with getMe first, so a wrong token fails start-up with a clear message;
 * - registers the commands (setMyCommands; a failure is logged, not fatal);
 * - updates go to a dispatcher that runs handlers concurrently, in order per chat
 *   (transport/dispatcher.ts), fed by our own long-polling loop (transport/polling.ts)
 *   instead of telegraf's, which awaits every handler of a batch before fetching the
 *   next; its end (a 401, a 409 Conflict with another instance) is reported through `onFatal`;
 * - webhook mode when `webhook` is given: our own server (transport/webhook-server.ts) on
 *   `port` checks the X-Telegram-Bot-Api-Secret-Token header and caps the body.
 *
 * Delivery is at-least-once: an update is confirmed to Telegram (the polling offset, the
 * webhook's 200) only once handled, so one a crash interrupted comes again. Handled
 * update_ids go to `handledUpdates` (the store's UpdateLog) and are looked up first, so a
 * redelivered update that was handled already is not answered twice. What can still repeat:
 * an update whose handler had answered but not yet been recorded when the process died.
 *
 * `stop()` stops polling or the webhook server and waits (bounded) for the handlers
 * still running; workers are stopped by the caller.
 */
export interface LaunchOptions {
  commands: readonly BotCommand[];
  logger: Logger;
  webhook?: { url: string; port: number; secret: string; host?: string } | undefined;
  /** webhook mode: the webhook's server hands every other request to this listener (the dashboard) */
  otherRequests?: RequestHandler | undefined;
  /** polling ended by itself (401, 409…): the composition root should shut down */
  onFatal?: (err: Error) => void;
  /** handler concurrency and backlog (DISPATCHER_DEFAULTS otherwise) */
  dispatch?: Pick<DispatcherOptions, 'concurrency' | 'maxPending'>;
  /** long-poll time and back-off after failed getUpdates (POLLER_DEFAULTS otherwise) */
  polling?: Pick<PollerOptions, 'timeoutSeconds' | 'backoffBaseMs' | 'backoffCapMs'>;
  /** the update_ids handled (the store's UpdateLog): a redelivered one found here is not handled again */
  handledUpdates?: UpdateLog;
}

export interface RunningBot {
  mode: 'polling' | 'webhook';
  username: string;
  /** resolves when every update received so far has been handled (tests wait on it before asserting silence) */
  idle(): Promise<void>;
  stop(reason?: string): Promise<void>;
}

export class LaunchError extends Error {
  override name = 'LaunchError';
}

/** How long stop() waits for the handlers still running. */
const STOP_TIMEOUT_MS = 10_000;

export const launchBot = async (bot: Telegraf, options: LaunchOptions): Promise<RunningBot> => {
  const { logger, commands, webhook } = options;
  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (err) {
    throw new LaunchError(explain(err, 'getMe'));
  }
  const username = bot.botInfo.username;

  if (commands.length > 0) {
    await bot.telegram.setMyCommands([...commands]).catch((err: unknown) => {
      logger.warn({ err }, 'setMyCommands failed; commands still work, the menu may be outdated');
    });
  }
  const dispatcher = createUpdateDispatcher({ handle: handleOnce(bot, options.handledUpdates, logger), logger, ...options.dispatch });

  if (webhook) {
    const url = new URL(webhook.url);
    const server = await startWebhookServer({
      port: webhook.port,
      host: webhook.host,
      path: url.pathname === '' ? '/' : url.pathname,
      secret: webhook.secret,
      onUpdate: (update) => dispatcher.push(update),
      otherRequests: options.otherRequests,
      logger,
    });
    try {
      await bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret });
    } catch (err) {
      await server.close();
      throw new LaunchError(explain(err, 'setWebhook'));
    }
    logger.info({ username, port: webhook.port, path: url.pathname }, 'bot started with a webhook');
    let stopping: Promise<void> | undefined;
    return {
      mode: 'webhook',
      username,
      idle: () => dispatcher.idle(),
      stop: () =>
        (stopping ??= (async () => {
          await server.close();
          await dispatcher.idle(STOP_TIMEOUT_MS);
        })()),
    };
  }

  await bot.telegram.deleteWebhook().catch((err: unknown) => {
    // getUpdates says 409 below if a webhook is really still set; that is the error worth reporting.
    logger.warn({ err }, 'deleteWebhook failed');
  });
  const poller = startPolling({ telegram: bot.telegram, dispatcher, logger, ...options.polling });
  poller.done.catch((err: unknown) => {
    const error = new LaunchError(explain(err, 'getUpdates'));
    logger.fatal({ err: error }, 'polling stopped');
    options.onFatal?.(error);
  });
  logger.info({ username }, 'bot started with long polling');
  let stopping: Promise<void> | undefined;
  return {
    mode: 'polling',
    username,
    idle: () => dispatcher.idle(),
    stop: () => (stopping ??= poller.stop(STOP_TIMEOUT_MS)),
  };
};

/**
 * Handles an update unless the log says it was handled, then records it. The store
 * failing either way does not stop the update: a lookup that fails handles it (a
 * possible repeat beats a loss), a record that fails is logged (it was answered).
 */
const handleOnce =
  (bot: Telegraf, log: UpdateLog | undefined, logger: Logger) =>
  async (update: Update): Promise<void> => {
    if (!log) return bot.handleUpdate(update);
    const id = update.update_id;
    const seen = await log.has(id).catch((err: unknown) => {
      logger.warn({ err, updateId: id }, 'could not look the update up in the update log; handling it');
      return false;
    });
    if (seen) {
      logger.info({ updateId: id }, 'update delivered again after it was handled; not answered twice');
      return;
    }
    try {
      await bot.handleUpdate(update);
    } finally {
      await log.add(id).catch((err: unknown) => logger.warn({ err, updateId: id }, 'could not record the update as handled; a redelivery would answer it again'));
    }
  };

/** A sentence a person can act on, without the token (telegraf's URLs contain it; the logger scrubs too). */
const explain = (err: unknown, method: string): string => {
  if (err instanceof TelegramError) {
    if (err.code === 401) return `Telegram rejected BOT_TOKEN (${method}: 401 Unauthorized): check the token from @BotFather`;
    if (err.code === 409) return `Telegram reported a conflict (${method}: 409): another instance is polling with this token, or a webhook is set`;
    return `${method} failed: ${err.code} ${err.description}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `${method} failed: ${message.replace(/\/bot[^/]+\//g, '/bot[REDACTED]/')}`;
};
