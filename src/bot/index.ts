/**
 * The Telegram side, as the composition root sees it: build the bot from its features, launch it
 * (polling or webhook), set the menu button, and give the delivery worker its send port. What the
 * root passes in (BotDeps and the optional features' deps) is exported here too, so src/app.ts
 * reaches the bot through this file alone.
 */
import type { SendMessage } from '../alerts/worker';
import type { Logger } from '../logger';
import type { UpdateLog } from '../store/ports';
import type { RequestHandler } from '../http/server';
import { createBot } from './create-bot';
import type { BotDeps } from './deps';
import { createFeatures, type OptionalFeatures } from './features';
import { launchBot, type RunningBot } from './launch';
import { alertSender, createTransport } from './transport';

export { BOT_DEFAULTS, type BotDeps } from './deps';
export type { AlertsDeps } from './features/alerts-deps';
export { currentUnitName, type SupervisionDeps } from './features/supervision-deps';
export { reminderWords } from './features/remind';
export { RATE_LIMIT_DEFAULTS, type RateLimitOptions } from './middleware/rate-limit';
export { createQueryCache } from './query-cache';
export { createConversations } from './conversations';
export { createTransport } from './transport';
export type { RunningBot } from './launch';

export interface StartBotOptions {
  token: string;
  apiRoot?: string | undefined;
  deps: BotDeps;
  /** the features beyond the questions: alerts, supervision, files, dashboard, flood control */
  features: OptionalFeatures;
  webhook?: { url: string; port: number; secret: string; host?: string } | undefined;
  /** webhook mode: the webhook's server hands every other request to this listener (the dashboard) */
  otherRequests?: RequestHandler | undefined;
  /** the private chats' menu button opens this page (the dashboard), when given */
  menuButton?: { text: string; url: string } | undefined;
  handledUpdates: UpdateLog;
  /** polling ended by itself (401, 409…) */
  onFatal: () => void;
  logger: Logger;
}

export interface StartedBot {
  running: RunningBot;
  /**
   * The delivery worker's send port. It has its own transport, whose 429 retries wait through `pace`
   * (the worker's limiter), so that retries count against the alerts' rate.
   */
  alertSender(pace: (ms: number) => Promise<void>): SendMessage;
}

export const startBot = async (options: StartBotOptions): Promise<StartedBot> => {
  const { deps, logger } = options;
  const { bot, commands } = createBot({ token: options.token, apiRoot: options.apiRoot, deps, features: createFeatures(deps, options.features) });
  const running = await launchBot(bot, {
    commands,
    logger,
    webhook: options.webhook,
    onFatal: options.onFatal,
    handledUpdates: options.handledUpdates,
    otherRequests: options.otherRequests,
  });
  if (options.menuButton) {
    const { text, url } = options.menuButton;
    // the menu button beside the text field opens the page in every private chat with the bot
    await bot.telegram
      .setChatMenuButton({ menuButton: { type: 'web_app', text, web_app: { url } } })
      .catch((err: unknown) => logger.warn({ err }, 'setChatMenuButton failed; /dashboard still opens the page'));
  }
  return {
    running,
    alertSender: (pace) => alertSender(createTransport({ logger, sleep: pace }), bot.telegram),
  };
};
