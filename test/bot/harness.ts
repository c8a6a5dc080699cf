/**
 * Starts the real bot (createBot + launchBot, long polling with the real telegraf
 * client) against the fake Bot API server, over the shipped seed table and the
 * real question engine and views. Tests talk to it as users would: push updates
 * into the fake server and read what the bot sent.
 */
import { createBot } from '../../src/bot/create-bot';
import { BOT_DEFAULTS, type AnswerView, type BotDeps, type BotSettings, type QaEngine } from '../../src/bot/deps';
import type { Feature, FeatureFactory } from '../../src/bot/feature';
import { createAnswerMessages } from '../../src/bot/answer-messages';
import { createFeatures } from '../../src/bot/features';
import { launchBot, type RunningBot } from '../../src/bot/launch';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQueryCache } from '../../src/bot/query-cache';
import { openLowdbButtons } from '../../src/store/lowdb/buttons';
import { openLowdbConversations } from '../../src/store/lowdb/conversations';
import { createConversations, type Conversations } from '../../src/bot/conversations';
import type { ButtonStore } from '../../src/store/ports';
import { createTransport } from '../../src/bot/transport';
import { createLogger, type Logger } from '../../src/logger';
import type { Report } from '../../src/model';
import * as views from '../../src/view';
import { seedEngine } from './seed';
import { startFakeBotApi, type ApiCall, type FakeBotApi, type FakeBotApiOptions } from '../fake-bot-api/server';

export interface Harness {
  api: FakeBotApi;
  readonly running: RunningBot;
  engine: QaEngine;
  report: Report;
  view: AnswerView;
  deps: BotDeps;
  /** every log line the bot wrote (JSON strings) */
  logs: string[];
  /** chats reported through onChatBlocked (403) */
  blocked: number[];
  stop(): Promise<void>;
  /** stops the bot and starts a fresh one (new bot, same store of page buttons) against the same fake server */
  restart(): Promise<void>;
  /** the next successful call of `method` after now, e.g. the reply to an update pushed right after */
  next(method: string, predicate?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** the HTML the bot builds for a question (page `page`), through the same path as a reply */
  expected(kind: 'ask' | Parameters<QaEngine['askAs']>[0], arg?: string, page?: number): Promise<string>;
}

export interface HarnessOptions {
  settings?: Partial<BotSettings>;
  allowedChatIds?: number[];
  username?: string;
  /** replace the engine (e.g. one that throws) */
  engine?: QaEngine;
  sleep?: (ms: number) => Promise<void>;
  /** 'debug' by default, so tests see every line; the benchmark uses 'warn' */
  logLevel?: string;
  fake?: FakeBotApiOptions;
  /** test-only features registered before the fallback (e.g. one that misbehaves on purpose) */
  extraFeatures?: FeatureFactory[];
  handlerTimeoutMs?: number;
  /** the conversations' store and clock (a fresh lowdb file, 30 minutes, the real clock when absent) */
  conversations?: Conversations;
}

const buttonsDir = mkdtempSync(join(tmpdir(), 'tpb-buttons-'));
process.once('exit', () => rmSync(buttonsDir, { recursive: true, force: true }));
let buttonFiles = 0;
/** The page buttons of a lowdb store, in a file of their own, as the app keeps them */
export const testButtons = (limit = 1000): ButtonStore => openLowdbButtons(join(buttonsDir, `${(buttonFiles += 1)}.buttons`), limit);

let conversationFiles = 0;
/** The conversations of a lowdb store, in a file of their own, as the app keeps them */
export const testConversations = (minutes = 30, now?: () => Date): Conversations =>
  createConversations(openLowdbConversations(join(buttonsDir, `${(conversationFiles += 1)}.conversations`), 1000, now ?? (() => new Date())), { minutes, ...(now ? { now } : {}) });

/** The bot's dependencies over an engine, with the shipped views and defaults; tests override what they probe. */
export const testDeps = (engine: QaEngine, logger: Logger, overrides: Partial<BotDeps> = {}): BotDeps => ({
  engine: () => engine,
  view: { renderAnswer: views.renderAnswer, renderTarget: views.renderTarget },
  logger,
  transport: createTransport({ logger }),
  queries: createQueryCache(testButtons()),
  conversations: testConversations(),
  access: { adminIds: [], allowedChatIds: [] },
  settings: BOT_DEFAULTS,
  ...overrides,
});

export const startHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const api = await startFakeBotApi({ ...options.fake, ...(options.username ? { username: options.username } : {}) });
  const seed = await seedEngine();
  const engine = options.engine ?? seed.engine;
  const logs: string[] = [];
  const blocked: number[] = [];
  const logger = createLogger({ level: options.logLevel ?? 'debug', token: api.token, destination: { write: (line: string) => void logs.push(line) } });
  const settings = { ...BOT_DEFAULTS, ...options.settings };
  const view: AnswerView = { renderAnswer: views.renderAnswer, renderTarget: views.renderTarget };
  const deps = testDeps(engine, logger, {
    view,
    transport: createTransport({ logger, ...(options.sleep ? { sleep: options.sleep } : {}) }),
    access: { adminIds: [], allowedChatIds: options.allowedChatIds ?? [] },
    settings,
    onChatBlocked: (chatId) => void blocked.push(chatId),
    ...(options.conversations ? { conversations: options.conversations } : {}),
  });
  const launch = async (): Promise<RunningBot> => {
    const { bot, commands } = createBot({
      token: api.token,
      apiRoot: api.apiRoot,
      deps,
      features: withExtra(
        createFeatures(deps),
        (options.extraFeatures ?? []).map((create) => create({ ...deps, answers: createAnswerMessages(deps) })),
      ),
      ...(options.handlerTimeoutMs !== undefined ? { handlerTimeoutMs: options.handlerTimeoutMs } : {}),
    });
    return launchBot(bot, { commands, logger });
  };
  let running = await launch();

  const next: Harness['next'] = (method, predicate, timeoutMs = 5000) => {
    const from = api.calls.length;
    return new Promise((resolveCall, reject) => {
      const started = Date.now();
      const poll = (): void => {
        for (let i = from; i < api.calls.length; i++) {
          const call = api.calls[i]!;
          if (call.method === method && call.status === 200 && (!predicate || predicate(call))) return resolveCall(call);
        }
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${method} within ${timeoutMs} ms`));
        setTimeout(poll, 5);
      };
      poll();
    });
  };

  const answers = createAnswerMessages(deps);
  return {
    api,
    get running() {
      return running;
    },
    engine,
    report: seed.report,
    view,
    deps,
    logs,
    blocked,
    next,
    expected: async (kind, arg = '', page = 1) => (await answers.build(kind === 'ask' ? { as: 'ask', question: arg } : { as: kind, arg }, page)).text,
    async stop() {
      await running.stop('test');
      await api.close();
    },
    async restart() {
      // A new process in all but name: new bot; same store, fake server, report and chats.
      await running.stop('restart');
      running = await launch();
    },
  };
};

/** Pushes a text message and resolves with the bot's reply (the next sendMessage to that chat). */
export const say = async (h: Harness, text: string, input: { chatId?: number; userId?: number; chatType?: 'private' | 'group' | 'supergroup'; replyToBot?: boolean } = {}): Promise<ApiCall> => {
  const chatId = input.chatId ?? input.userId ?? 1001;
  const reply = h.next('sendMessage', (c) => c.payload.chat_id === chatId);
  h.api.userMessage({ ...input, text, chatId });
  return reply;
};

/** Resolves once the bot has fetched and handled every update pushed so far (so "no reply" can be asserted). */
export const settled = async (h: { api: FakeBotApi; running?: RunningBot }, timeoutMs = 5000): Promise<void> => {
  const started = Date.now();
  while (h.api.pendingUpdates() > 0) {
    if (Date.now() - started > timeoutMs) throw new Error('updates still pending');
    await new Promise((r) => setTimeout(r, 5));
  }
  // Confirmed means handed to the dispatcher, whose handlers run concurrently: wait for them too.
  await new Promise((r) => setTimeout(r, 50));
  await h.running?.idle();
};

export const keyboardOf = (call: ApiCall): { text: string; callback_data?: string }[][] => {
  const markup = call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return markup?.inline_keyboard ?? [];
};

export const buttons = (call: ApiCall): { text: string; callback_data?: string }[] => keyboardOf(call).flat();

export const messageIdOf = (call: ApiCall): number => (call.response as { result: { message_id: number } }).result.message_id;

/** What a user reads from an HTML message: tags removed, entities decoded (for comparing with plain-text views). */
export const plainOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

export const textOf = (call: ApiCall): string => String(call.payload.text ?? '');

/** The registered features with test-only ones just before the fallback, which must stay last. */
const withExtra = (features: Feature[], extra: Feature[]): Feature[] => [...features.slice(0, -1), ...extra, ...features.slice(-1)];
