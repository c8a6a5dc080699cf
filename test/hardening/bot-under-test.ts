/**
 * The real bot (createBot + launchBot, long polling) against the fake Bot API server, like test/bot/harness.ts,
 * but with room for features registered *before* the lookup features (the rate limiter) and for fake-server
 * options (the soak keeps call records bounded). Used by the hardening tests and bench/soak.ts.
 */
import { Composer, type Context, type MiddlewareFn } from 'telegraf';
import { createBot } from '../../src/bot/create-bot';
import { BOT_DEFAULTS, type AnswerView, type BotDeps, type BotSettings } from '../../src/bot/deps';
import type { Feature } from '../../src/bot/feature';
import { createFeatures } from '../../src/bot/features';
import { launchBot, type RunningBot } from '../../src/bot/launch';
import { createRateLimit, type RateLimitOptions } from '../../src/bot/middleware/rate-limit';
import { createQueryCache } from '../../src/bot/query-cache';
import { createTransport } from '../../src/bot/transport';
import { createLogger } from '../../src/logger';
import type { Report } from '../../src/model';
import * as views from '../../src/view';
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from '../fake-bot-api/server';
import { seedEngine } from '../bot/seed';

export interface BotUnderTestOptions {
  api?: FakeBotApiOptions;
  /** registers the rate limiter first, with these options */
  rateLimit?: RateLimitOptions;
  settings?: Partial<BotSettings>;
  logLevel?: string;
  /** keep log lines in memory (default true; the soak turns it off) */
  keepLogs?: boolean;
}

export interface BotUnderTest {
  api: FakeBotApi;
  running: RunningBot;
  report: Report;
  logs: string[];
  stop(): Promise<void>;
}

/** A feature that only runs a middleware: how the limiter is placed in front of the lookup features. */
export const middlewareFeature = (name: string, middleware: MiddlewareFn<Context>): Feature => ({
  name,
  composer: new Composer<Context>().use(middleware),
});

export const startBotUnderTest = async (options: BotUnderTestOptions = {}): Promise<BotUnderTest> => {
  const api = await startFakeBotApi(options.api);
  const { engine, report } = await seedEngine();
  const logs: string[] = [];
  const keepLogs = options.keepLogs ?? true;
  const logger = createLogger({
    level: options.logLevel ?? 'debug',
    token: api.token,
    destination: { write: (line: string) => void (keepLogs ? logs.push(line) : undefined) },
  });
  const settings = { ...BOT_DEFAULTS, ...options.settings };
  const view: AnswerView = { renderAnswer: views.renderAnswer, renderTarget: views.renderTarget };
  const deps: BotDeps = {
    engine: () => engine,
    view,
    logger,
    transport: createTransport({ logger }),
    queries: createQueryCache(settings.queryCacheSize),
    access: { adminIds: [], allowedChatIds: [] },
    settings,
  };
  const before = options.rateLimit ? [middlewareFeature('rate-limit', createRateLimit(options.rateLimit))] : [];
  const { bot, commands } = createBot({ token: api.token, apiRoot: api.apiRoot, deps, features: [...before, ...createFeatures(deps)] });
  const running = await launchBot(bot, { commands, logger });
  return {
    api,
    running,
    report,
    logs,
    async stop() {
      await running.stop('test');
      await api.close();
    },
  };
};
