/**
 * The real bot (createBot + launchBot, long polling) against the fake Bot API server, like test/bot/harness.ts,
 * with the rate limiter main.ts turns on (optional here) and fake-server options (the soak keeps call records bounded). Used by the hardening tests and bench/soak.ts.
 */
import { createBot } from '../../src/bot/create-bot';
import { BOT_DEFAULTS, type AnswerView, type BotDeps, type BotSettings } from '../../src/bot/deps';
import { createFeatures } from '../../src/bot/features';
import { launchBot, type RunningBot } from '../../src/bot/launch';
import type { RateLimitOptions } from '../../src/bot/middleware/rate-limit';
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
  /** where log lines go instead of `logs` (the soak counts them rather than keeping 100,000 lines) */
  onLog?: (line: string) => void;
}

export interface BotUnderTest {
  api: FakeBotApi;
  running: RunningBot;
  report: Report;
  logs: string[];
  stop(): Promise<void>;
}

export const startBotUnderTest = async (options: BotUnderTestOptions = {}): Promise<BotUnderTest> => {
  const api = await startFakeBotApi(options.api);
  const bot = await startBot({ ...options, token: api.token, apiRoot: api.apiRoot });
  return {
    ...bot,
    api,
    async stop() {
      await bot.stop();
      await api.close();
    },
  };
};

export type StartedBot = Omit<BotUnderTest, 'api'>;

/** The bot alone, polling a Bot API server that runs elsewhere (the soak puts the fake in another process). */
export const startBot = async (options: Omit<BotUnderTestOptions, 'api'> & { token: string; apiRoot: string }): Promise<StartedBot> => {
  const { engine, report } = await seedEngine();
  const logs: string[] = [];
  const onLog = options.onLog ?? ((line: string) => void logs.push(line));
  const logger = createLogger({ level: options.logLevel ?? 'debug', token: options.token, destination: { write: (line: string) => void onLog(line) } });
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
  const { bot, commands } = createBot({ token: options.token, apiRoot: options.apiRoot, deps, features: createFeatures(deps, [], options.rateLimit) });
  const running = await launchBot(bot, { commands, logger });
  return {
    running,
    report,
    logs,
    async stop() {
      await running.stop('test');
    },
  };
};
