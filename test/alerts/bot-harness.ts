/**
 * The bot with the alerts wired the way src/main.ts wires them — real lowdb file
 * in a temp folder, real engine, real features, the delivery worker over the
 * real telegraf client — polling the fake Bot API server. Tests act as users:
 * they push updates into the fake server and read what the bot sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBot } from '../../src/bot/create-bot';
import { BOT_DEFAULTS, type BotDeps } from '../../src/bot/deps';
import { createFeatures } from '../../src/bot/features';
import { createDigestFeature } from '../../src/bot/features/digest';
import { createSubscribeFeature } from '../../src/bot/features/subscribe';
import { createUploadFeature } from '../../src/bot/features/upload';
import { launchBot } from '../../src/bot/launch';
import { createQueryCache } from '../../src/bot/query-cache';
import { createTransport } from '../../src/bot/transport';
import { alertSettings, type AlertSettings } from '../../src/alerts/config';
import type { AlertsDeps } from '../../src/alerts/deps';
import { createDigestScheduler } from '../../src/alerts/digest-scheduler';
import { createAlertFanOut } from '../../src/alerts/fan-out';
import { createFilterMatcher } from '../../src/alerts/filters';
import { openOutbox } from '../../src/alerts/outbox';
import { createSubscriptionStore } from '../../src/alerts/subscriptions';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/alerts/worker';
import { createImporter } from '../../src/import/importer';
import { createInboxWatcher, inboxDir } from '../../src/import/inbox';
import { toImportSummary } from '../../src/import/summary';
import { createLogger } from '../../src/logger';
import { loadAliases } from '../../src/qa/aliases';
import { createEngine, type Engine } from '../../src/qa/engine';
import { openDb } from '../../src/store/db';
import { acquireLock } from '../../src/store/lock';
import { createReportStore } from '../../src/store/reports';
import { TABLE_LIMITS } from '../../src/table/limits';
import { createNormalizer } from '../../src/text/normalize';
import * as views from '../../src/view';
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../fake-bot-api/server';
import { seedBytes } from '../helpers/seed';

export const ROOT = resolve(__dirname, '../..');
export const ADMIN = 9001;

export interface AlertsBotOptions {
  settings?: Partial<AlertSettings>;
  adminIds?: number[];
  maxUploadBytes?: number;
}

export const startAlertsBot = async (options: AlertsBotOptions = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'tpb-alerts-'));
  const dbPath = join(dir, 'db.json');
  const api: FakeBotApi = await startFakeBotApi();
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', token: api.token, destination: { write: (line: string) => void logs.push(line) } });
  // We are the store's single writer, like the running bot: `npm run import` must see the lock and use the inbox.
  const lock = await acquireLock(dbPath, 'alerts test bot');
  const db = await openDb(dbPath);
  const reports = createReportStore(db);
  const settings = alertSettings({ perChatIntervalMs: 100, ...options.settings });
  const subscriptions = createSubscriptionStore(db);
  const outbox = await openOutbox(db, { journalPath: `${dbPath}.outbox` });
  const normalize = createNormalizer();
  const aliases = loadAliases(join(ROOT, 'data/aliases.json'));
  const matcher = createFilterMatcher(normalize);
  const fanOut = createAlertFanOut({ subscriptions, outbox, reports, matcher, limits: settings, logger });
  let engine: Engine | undefined;
  const importer = createImporter({
    reports,
    onImported: async (result) => {
      engine = createEngine({ report: result.report, normalize, aliases });
      await fanOut.onImported(result);
    },
  });
  await importer.importTable(seedBytes(), 'heze-2022-q3.tsv');
  const transport = createTransport({ logger });
  const deps: BotDeps = {
    engine: () => engine!,
    view: { renderAnswer: views.renderAnswer, renderTarget: views.renderTarget },
    logger,
    transport,
    queries: createQueryCache(BOT_DEFAULTS.queryCacheSize),
    access: { adminIds: options.adminIds ?? [ADMIN], allowedChatIds: [] },
    settings: BOT_DEFAULTS,
    onChatBlocked: (chatId) => void subscriptions.markInactive(chatId),
  };
  const alertsDeps: AlertsDeps = {
    subscriptions,
    understand: (text) => engine!.understand(text),
    matcher,
    importTable: (bytes, fileName, o) => importer.importTable(bytes, fileName, o),
    settings,
    timezone: 'Asia/Shanghai',
    maxUploadBytes: options.maxUploadBytes ?? TABLE_LIMITS.maxFileBytes,
  };
  const features = createFeatures(deps, [createSubscribeFeature(alertsDeps), createDigestFeature(alertsDeps), createUploadFeature(alertsDeps)]);
  const { bot, commands } = createBot({ token: api.token, apiRoot: api.apiRoot, deps, features });
  const running = await launchBot(bot, { commands, logger });
  let pacer: DeliveryWorker | undefined;
  const alertTransport = createTransport({ logger, sleep: (ms) => pacer!.paceRetry(ms) });
  const worker: DeliveryWorker = createDeliveryWorker({
    outbox,
    subscriptions,
    send: (chatId, text, extra) => alertTransport.send(bot.telegram, chatId, text, extra),
    timezone: 'Asia/Shanghai',
    logger,
    settings,
  });
  pacer = worker;
  worker.start();
  // Not started: tests call digests.runDue(at) with the time they want (the injectable clock).
  const digests = createDigestScheduler({
    subscriptions,
    outbox,
    currentReport: () => reports.current(),
    matcher,
    limits: settings,
    timezone: 'Asia/Shanghai',
    remindDays: 14,
    digestTime: settings.digestTime,
    weeklyDay: settings.weeklyDay,
    logger,
  });
  const inbox = createInboxWatcher({
    dir: inboxDir(dbPath),
    handle: async (fileName, bytes, o) => ({ ok: true, message: toImportSummary(await importer.importTable(bytes, fileName, o), o.dryRun) }),
    intervalMs: 100,
  });
  inbox.start();

  /** Pushes a message and resolves with the bot's next sendMessage to that chat. */
  const say = (text: string, input: { chatId?: number; userId?: number; chatType?: 'private' | 'group' | 'supergroup' } = {}): Promise<ApiCall> => {
    const chatId = input.chatId ?? input.userId ?? 1001;
    const from = api.calls.length;
    api.userMessage({ ...input, text, chatId });
    return nextCall('sendMessage', (c) => Number(c.payload.chat_id) === chatId, from);
  };

  const nextCall = (method: string, predicate: (c: ApiCall) => boolean, from = api.calls.length, timeoutMs = 5000): Promise<ApiCall> =>
    new Promise((resolveCall, reject) => {
      const started = Date.now();
      const poll = (): void => {
        for (let i = from; i < api.calls.length; i += 1) {
          const call = api.calls[i]!;
          if (call.method === method && call.status === 200 && predicate(call)) return resolveCall(call);
        }
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${method} within ${timeoutMs} ms`));
        setTimeout(poll, 5);
      };
      poll();
    });

  return {
    api,
    dir,
    dbPath,
    db,
    reports,
    subscriptions,
    outbox,
    worker,
    digests,
    logs,
    settings,
    engine: () => engine!,
    say,
    nextCall,
    async stop(): Promise<void> {
      await inbox.stop();
      await worker.stop();
      await running.stop('test');
      await outbox.close();
      await api.close();
      await lock.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type AlertsBot = Awaited<ReturnType<typeof startAlertsBot>>;

export const textOf = (call: ApiCall): string => String(call.payload.text ?? '');

export const buttonsOf = (call: ApiCall): { text: string; callback_data?: string }[] => {
  const markup = call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
};

export const messageIdOf = (call: ApiCall): number => (call.response as { result: { message_id: number } }).result.message_id;

/** The 序号 of the target lines (• <b>57</b> …) of a digest, in order. */
export const idsIn = (html: string): string[] => [...html.matchAll(/^• <b>([^<]+)<\/b>/gm)].map((m) => m[1]!);

/** Resolves once the bot has fetched past every update pushed so far. */
export const settled = async (bot: AlertsBot, timeoutMs = 5000): Promise<void> => {
  const started = Date.now();
  while (bot.api.pendingUpdates() > 0) {
    if (Date.now() - started > timeoutMs) throw new Error('updates still pending');
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 50));
};
