import type { RequestListener } from 'node:http';
import { TelegramError, type Telegraf } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Logger } from '../logger';

/**
 * Connects a bot built by createBot to Telegram (or TELEGRAM_API_ROOT).
 *
 * - checks the token with getMe first, so a wrong token fails start-up with a clear message;
 * - registers the commands (setMyCommands; a failure is logged, not fatal);
 * - long polling by default. telegraf's `bot.launch()` never resolves while polling,
 *   so it is NOT awaited: its promise is kept, and its end (a 401, a 409 Conflict
 *   with another instance) is reported through `onFatal`;
 * - webhook mode when `webhook` is given: telegraf's server on `port` checks the
 *   X-Telegram-Bot-Api-Secret-Token header on every request.
 *
 * `stop()` stops polling or the webhook server and waits (bounded) for the batch
 * being handled to finish; workers are stopped by the caller.
 */
export interface LaunchOptions {
  commands: readonly BotCommand[];
  logger: Logger;
  webhook?: { url: string; port: number; secret: string; host?: string } | undefined;
  /** webhook mode: the webhook's server hands every other request to this listener (the dashboard) */
  otherRequests?: RequestListener | undefined;
  /** polling ended by itself (401, 409…): the composition root should shut down */
  onFatal?: (err: Error) => void;
}

export interface RunningBot {
  mode: 'polling' | 'webhook';
  username: string;
  stop(reason?: string): Promise<void>;
}

export class LaunchError extends Error {
  override name = 'LaunchError';
}

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

  if (webhook) {
    const url = new URL(webhook.url);
    await bot.launch({
      webhook: {
        domain: url.host,
        path: url.pathname === '' ? '/' : url.pathname,
        port: webhook.port,
        ...(webhook.host ? { host: webhook.host } : {}),
        secretToken: webhook.secret,
        ...(options.otherRequests ? { cb: options.otherRequests } : {}),
      },
    });
    logger.info({ username, port: webhook.port, path: url.pathname }, 'bot started with a webhook');
    let stopped = false;
    return {
      mode: 'webhook',
      username,
      async stop(reason = 'stop') {
        if (stopped) return;
        stopped = true;
        try {
          bot.stop(reason);
        } catch {
          // telegraf throws when it was not running; nothing to stop then.
        }
      },
    };
  }

  let running = true;
  const polling = bot.launch().then(
    () => {
      running = false;
    },
    (err: unknown) => {
      running = false;
      const error = new LaunchError(explain(err, 'getUpdates'));
      logger.fatal({ err: error }, 'polling stopped');
      options.onFatal?.(error);
    },
  );
  logger.info({ username }, 'bot started with long polling');
  return {
    mode: 'polling',
    username,
    async stop(reason = 'stop', timeoutMs = 10_000) {
      if (running) {
        try {
          bot.stop(reason);
        } catch {
          // not running any more (polling already ended)
        }
      }
      // The loop finishes the batch in hand and confirms the offset, so handled updates are not redelivered.
      await Promise.race([polling, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
};

/** A sentence a person can act on, without the token (telegraf's URLs contain it; the logger scrubs too). */
const explain = (err: unknown, method: string): string => {
  if (err instanceof TelegramError) {
    if (err.code === 401) return `Telegram rejected BOT_TOKEN (${method}: 401 Unauthorized): check the token from @BotFather`;
    if (err.code === 409)
      return `Telegram reported a conflict (${method}: 409): another instance is polling with this token, or a webhook is set`;
    return `${method} failed: ${err.code} ${err.description}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `${method} failed: ${message.replace(/\/bot[^/]+\//g, '/bot[REDACTED]/')}`;
};
