/**
 * The one composition root: `npm start`.
 *
 * dotenv → config → logger → lock and open the store → load (or seed) the current
 * report → build the engine → the Telegram bot (polling or webhook) or, without
 * BOT_TOKEN, the local console → workers (inbox for `npm run import`) → graceful
 * shutdown on SIGINT/SIGTERM: stop polling and workers, flush the store, exit 0.
 *
 * Nothing else wires parts together; nothing runs at import time (`main()` is called
 * only when this file is the entry point).
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { config as loadDotenv } from 'dotenv';
import { alertSettingsFromEnv, type AlertSettings } from './alerts/config';
import type { AlertsDeps } from './alerts/deps';
import { createDigestScheduler } from './alerts/digest-scheduler';
import { createAlertFanOut } from './alerts/fan-out';
import { createFilterMatcher } from './alerts/filters';
import { openOutbox } from './alerts/outbox';
import { createSubscriptionStore } from './alerts/subscriptions';
import { createDeliveryWorker, type DeliveryWorker } from './alerts/worker';
import { createDigestFeature } from './bot/features/digest';
import { createSubscribeFeature } from './bot/features/subscribe';
import { createUploadFeature } from './bot/features/upload';
import { TABLE_LIMITS } from './table/limits';
import { createConfig, ConfigError, type Config } from './config';
import { createLogger, createRedactor } from './logger';
import { createBot } from './bot/create-bot';
import { BOT_DEFAULTS, type BotDeps } from './bot/deps';
import { createFeatures } from './bot/features';
import { RATE_LIMIT_DEFAULTS } from './bot/middleware/rate-limit';
import { launchBot, type RunningBot } from './bot/launch';
import { MESSAGES } from './bot/messages';
import { createQueryCache } from './bot/query-cache';
import { createTransport } from './bot/transport';
import { runConsole } from './cli/console';
import { createImporter, type ImportResult } from './import/importer';
import { createInboxWatcher, inboxDir } from './import/inbox';
import { toImportSummary } from './import/summary';
import type { Report } from './model';
import { loadAliases } from './qa/aliases';
import { createEngine, type Engine } from './qa/engine';
import { openDb } from './store/db';
import { acquireLock } from './store/lock';
import { createReportStore } from './store/reports';
import { createNormalizer } from './text/normalize';
import * as views from './view';

/** data/aliases.json ships with the code; admins extend it in place. */
const ALIASES_FILE = resolve(__dirname, '../data/aliases.json');

export interface MainOptions {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  /** for the console; process.stdin/stdout by default */
  input?: Readable;
  output?: Writable;
}

/** Resolves with the exit code once the program has shut down. */
export const main = async (options: MainOptions = {}): Promise<number> => {
  const argv = options.argv ?? process.argv.slice(2);
  const env = options.env ?? process.env;
  if (options.env === undefined) loadDotenv({ quiet: true });

  let config: Readonly<Config>;
  let alertsConfig: Readonly<AlertSettings>;
  try {
    config = createConfig(env);
    alertsConfig = alertSettingsFromEnv(env);
  } catch (err) {
    // ConfigError messages name the variable and never contain secrets.
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 1;
  }
  const logger = createLogger({ level: config.logLevel, token: config.botToken, secrets: [config.webhook?.secret] });
  const redact = createRedactor([config.botToken, config.webhook?.secret]);
  const onCrash = (err: unknown): void => {
    logger.fatal({ err }, 'unexpected error');
  };
  process.on('unhandledRejection', onCrash);

  const stops: (() => Promise<void>)[] = [];
  let finished!: (code: number) => void;
  const done = new Promise<number>((r) => (finished = r));
  let shuttingDown = false;
  const shutdown = async (why: string, code = 0): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ why }, 'shutting down');
    // Reverse order of start: the bot stops taking updates before the store closes under it.
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
    }
    finished(code);
  };
  const onSignal = (signal: NodeJS.Signals): void => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Without this, Node prints the raw stack to stderr (telegraf's messages can hold the API URL with the
  // token) and exits without flushing the store. Log it through the scrubbing logger and shut down instead.
  const onUncaught = (err: unknown): void => {
    logger.fatal({ err }, 'uncaught exception');
    void shutdown('uncaught exception', 1);
  };
  process.on('uncaughtException', onUncaught);

  try {
    const lock = await acquireLock(config.dbPath, config.botToken ? 'bot' : 'console');
    stops.push(() => lock.release());
    const db = await openDb(config.dbPath, { recover: argv.includes('--recover-db') });
    // Flushing is the last thing before the lock goes: every commit() already wrote, this catches the rest.
    stops.push(() => db.write());
    const reports = createReportStore(db);
    // Alerts (issue 5): the outbox closes (folding its journal into the store) before the final flush above.
    const subscriptions = createSubscriptionStore(db);
    const outbox = await openOutbox(db, { journalPath: `${config.dbPath}.outbox`, keepDays: alertsConfig.keepDays });
    stops.push(() => outbox.close());

    const normalize = createNormalizer();
    const aliases = loadAliases(ALIASES_FILE);
    const build = (report: Report): Engine => createEngine({ report, history: reports.history(), normalize, aliases });
    let engine: Engine | undefined;
    const matcher = createFilterMatcher(normalize);
    const fanOut = createAlertFanOut({ subscriptions, outbox, reports, matcher, limits: alertsConfig, logger });
    const onImported = async (result: ImportResult): Promise<void> => {
      // New data: later questions see the new report; subscribers' digests go to the outbox (enqueue only).
      engine = build(result.report);
      logger.info({ file: result.report.source.file, targets: result.counts.targets }, 'report imported');
      await fanOut.onImported(result);
    };
    const importer = createImporter({ reports, onImported });

    let report: Report | undefined = reports.current();
    if (!report) {
      const bytes = await readFile(config.dataFile);
      const result = await importer.importTable(bytes, basename(config.dataFile));
      report = result.report;
      logger.info({ file: config.dataFile, targets: result.counts.targets }, 'store was empty; seeded from DATA_FILE');
    }
    engine ??= build(report);
    // An import stored without its alerts (a crash in between, or `npm run import` while we were stopped).
    await fanOut.recover();
    const currentEngine = (): Engine => engine!;

    // `npm run import` while we run: we are the store's single writer, so it hands the file to us.
    const inbox = createInboxWatcher({
      dir: inboxDir(config.dbPath),
      handle: async (fileName, bytes, importOptions) => {
        const result = await importer.importTable(bytes, fileName, importOptions);
        return { ok: true, message: toImportSummary(result, importOptions.dryRun) };
      },
      onError: (err) => logger.error({ err }, 'inbox import failed'),
    });
    inbox.start();
    stops.push(() => inbox.stop());

    if (!config.botToken) {
      (options.output ?? process.stdout).write(`${MESSAGES.connectHint}\n`);
      void runConsole({ engine: currentEngine(), input: options.input ?? process.stdin, output: options.output ?? process.stdout })
        .then(() => shutdown('end of input'))
        .catch((err: unknown) => {
          logger.error({ err }, 'console failed');
          void shutdown('console failed', 1);
        });
      return await done;
    }

    const deps: BotDeps = {
      engine: currentEngine,
      view: { renderAnswer: views.renderAnswer, renderTarget: views.renderTarget },
      logger,
      transport: createTransport({ logger }),
      queries: createQueryCache(BOT_DEFAULTS.queryCacheSize),
      access: { adminIds: config.adminIds, allowedChatIds: config.allowedChatIds },
      settings: BOT_DEFAULTS,
    };
    deps.onChatBlocked = (chatId) => void subscriptions.markInactive(chatId).catch((err: unknown) => logger.error({ err, chatId }, 'could not mark chat inactive'));
    const alertsDeps: AlertsDeps = {
      subscriptions,
      understand: (text) => currentEngine().understand(text),
      matcher,
      importTable: (bytes, fileName, importOptions) => importer.importTable(bytes, fileName, importOptions),
      settings: alertsConfig,
      timezone: config.timezone,
      maxUploadBytes: TABLE_LIMITS.maxFileBytes,
    };
    const alertFeatures = [createSubscribeFeature(alertsDeps), createDigestFeature(alertsDeps), createUploadFeature(alertsDeps)];
    const { bot, commands } = createBot({ token: config.botToken, apiRoot: config.telegramApiRoot, deps, features: createFeatures(deps, alertFeatures, RATE_LIMIT_DEFAULTS) });
    const running: RunningBot = await launchBot(bot, {
      commands,
      logger,
      webhook: config.webhook,
      onFatal: () => void shutdown('polling stopped', 1),
    });
    stops.push(() => running.stop('shutdown'));
    // Broadcasts run here, never in update handlers: the worker drains the outbox within Telegram's limits.
    // The worker's own transport: its 429 retries wait for a slot of the worker's limiter, so they count against the rate.
    let worker: DeliveryWorker | undefined;
    const alertTransport = createTransport({ logger, sleep: (ms) => worker!.paceRetry(ms) });
    worker = createDeliveryWorker({
      outbox,
      subscriptions,
      send: (chatId, text, extra) => alertTransport.send(bot.telegram, chatId, text, extra),
      timezone: config.timezone,
      logger,
      settings: alertsConfig,
    });
    worker.start();
    stops.push(() => worker.stop());
    const digests = createDigestScheduler({
      subscriptions,
      outbox,
      currentReport: () => reports.current(),
      matcher,
      limits: alertsConfig,
      timezone: config.timezone,
      remindDays: config.remindDays,
      digestTime: alertsConfig.digestTime,
      weeklyDay: alertsConfig.weeklyDay,
      logger,
    });
    digests.start();
    stops.push(async () => digests.stop());
    return await done;
  } catch (err) {
    logger.fatal({ err: err instanceof Error ? Object.assign(new Error(redact(err.message)), { name: err.name }) : err }, 'could not start');
    await shutdown('start-up failed', 1);
    return await done;
  } finally {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onUncaught);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      // Last resort; main() logs its own failures. Keep the token out of crash output.
      const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`${createRedactor([process.env.BOT_TOKEN])(text)}\n`);
      process.exit(1);
    },
  );
}

