/**
 * The object graph of the running program, built in one place: src/main.ts runs it
 * for `npm start`, and the end-to-end tests run the very same graph against the fake
 * Bot API server (a copy of the wiring would test the copy, not what ships).
 *
 * lock and open the store → the current report (src/current-report.ts: history, engine,
 * refresh from the store) → alerts (fan-out, outbox) → inbox for `npm run import` (a store
 * one process owns) or the check for reports other replicas stored (a shared one) → the
 * Telegram bot (src/bot/index.ts: polling or webhook) with the delivery worker and the
 * schedulers behind the sending role (src/alerts/sending.ts) and, with WEBAPP_URL, the
 * dashboard page (its own server or the webhook's), or, without a bot token, the local
 * console. What differs between store backends is asked of the store (`store.shared`),
 * never read from its name.
 *
 * Process concerns (dotenv, parsing the config, signals, exit codes) stay in main.ts.
 *
 * @example
 *   const app = createApp({ config, alertSettings, logger, onExit: (why, code) => shutdown(why, code) });
 *   const handles = await app.start(); // handles.engine(), handles.outbox, …
 *   await app.stop();
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { AlertSettings } from './alerts/config';
import { createReminderScheduler, type ReminderScheduler } from './supervision/scheduler';
import { SUPERVISION_DEFAULTS } from './supervision/plan';
import { createRemindSchedules } from './supervision/chat-schedule';
import { createBulletinFiles } from './supervision/bulletin-files';
import { latestReply, periodStatus } from './supervision/status';
import { createDigestScheduler, type DigestScheduler } from './alerts/digest-scheduler';
import { createAlertFanOut } from './alerts/fan-out';
import { createFilterMatcher } from './alerts/filters';
import { createSendingRole } from './alerts/sending';
import { createDeliveryWorker, type DeliveryWorker } from './alerts/worker';
import {
  type AlertsDeps,
  BOT_DEFAULTS,
  type BotDeps,
  createConversations,
  createQueryCache,
  createTransport,
  currentUnitName,
  RATE_LIMIT_DEFAULTS,
  type RateLimitOptions,
  reminderWords,
  type RunningBot,
  startBot,
  type SupervisionDeps,
} from './bot';
import { createCurrentReport } from './current-report';
import { DASHBOARD_MESSAGES, MESSAGES, SUPERVISION_MESSAGES } from './wording';
import { runConsole } from './cli/console';
import type { Config } from './config';
import { buildCore } from './core';
import type { Importer, ImportResult } from './import/importer';
import { guarded } from './guard';
import { startHttpServer } from './http/server';
import { createInboxWatcher, inboxDir } from './import/inbox';
import { createUpload } from './import/upload';
import type { TokenBucketOptions } from './limits/token-buckets';
import type { Logger } from './logger';
import type { Report } from './model';
import type { Engine } from './qa/engine';
import type { OutboxStore, ReportStore, SettingsStore, SubscriptionStore, SupervisionStore } from './store/ports';
import { createWeblinkStore, WEBLINK_DEFAULTS } from './store/weblinks';
import { TABLE_LIMITS } from './table/limits';
import * as views from './view';
import { createDashboard } from './web';

/** How long shutdown waits for replies still held back by a 429. */
const REPLY_DRAIN_MS = 5_000;

/** On PostgreSQL, how long a replica that takes over the sending waits first: one window of the shared rate, ms. */
const HANDOVER_MS = 1000;

/** A dashboard request must arrive whole within this (a slow or stalled client must not hold a socket for ever), ms. */
const WEB_REQUEST_TIMEOUT_MS = 120_000;

/** On PostgreSQL, how often each replica checks for a report another one imported, ms. */
const REFRESH_MS = 2000;

/**
 * Knobs that production leaves at their defaults. Tests set them to run the shipped
 * graph faster or at a chosen time; they never swap a part for another.
 */
export interface AppTuning {
  /** largest table an admin may upload; TABLE_LIMITS.maxUploadBytes by default */
  maxUploadBytes?: number;
  /** per-user flood control; RATE_LIMIT_DEFAULTS by default, `false` for tests that replay bursts from one user */
  rateLimit?: RateLimitOptions | false;
  /** how often the inbox is polled for `npm run import`, ms (the watcher's default otherwise) */
  inboxIntervalMs?: number;
  /** how long one Bot API call may take before it is abandoned, ms (TRANSPORT_DEFAULTS.callTimeoutMs) */
  callTimeoutMs?: number;
  /** on PostgreSQL, how often a replica looks for a report another one imported, ms (REFRESH_MS by default) */
  refreshMs?: number;
  /** true by default; false leaves the digest scheduler unstarted so tests call `digests.runDue(at)` with their own clock */
  scheduleDigests?: boolean;
  /** the dashboard API's per-user limit over WEB_DEFAULTS.rateLimit (tests lower it to see the 429) */
  webRateLimit?: Partial<TokenBucketOptions>;
  /** the dashboard's own port instead of WEB_PORT; 0 → any free one (AppHandles.web says which) */
  webPort?: number;
}

export interface AppOptions {
  config: Readonly<Config>;
  alertSettings: Readonly<AlertSettings>;
  logger: Logger;
  /** the console's streams when there is no bot token; process.stdin/stdout by default */
  input?: Readable;
  output?: Writable;
  /** `--recover-db`: move a store that does not parse aside (db.json.corrupt-<time>) and start empty */
  recoverDb?: boolean;
  /** the app asks its owner to shut it down: polling ended (401, 409…), the console's input ended or it failed */
  onExit?: (why: string, code: number) => void;
  tuning?: AppTuning;
}

/** What a started app exposes: the stores and workers, for the tests that drive them. */
export interface AppHandles {
  /** the engine over the current report; replaced after every import */
  engine(): Engine;
  reports: ReportStore;
  subscriptions: SubscriptionStore;
  outbox: OutboxStore;
  /** small named values every replica shares (remembered column mappings, web links, …) */
  settings: SettingsStore;
  /** bindings, reminders and replies (督办) */
  supervision: SupervisionStore;
  importer: Importer;
  /** undefined in console mode (no bot token) */
  bot: { running: RunningBot; worker: DeliveryWorker; digests: DigestScheduler; unitReminders: ReminderScheduler } | undefined;
  /** the dashboard (WEBAPP_URL set): the port of its own server, undefined when it shares the webhook's */
  web: { port: number | undefined } | undefined;
}

export interface App {
  /** Builds and starts everything; rejects if a part fails to start (call stop() then, as main.ts does). */
  start(): Promise<AppHandles>;
  /**
   * Stops what has started so far, in reverse order, once; safe during start() (a signal while
   * connecting). Errors of one part are logged and do not keep the others running.
   */
  stop(): Promise<void>;
}

export const createApp = (options: AppOptions): App => {
  const { config, alertSettings: alertsConfig, logger } = options;
  const tuning = options.tuning ?? {};
  const onExit = options.onExit ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;

  const start = async (): Promise<AppHandles> => {
    const core = buildCore(config);
    const store = await core.openStore({
      purpose: config.botToken ? 'bot' : 'console',
      recover: options.recoverDb ?? false,
      keepDays: alertsConfig.keepDays,
      onJournalDamage: (damage) => logger.warn(damage, `skipped a damaged line of the store's journal: ${damage.file} line ${damage.line} (${damage.why})`),
    });
    // Closed last: everything that writes has stopped by then.
    stops.push(() => store.close());
    const { reports, subscriptions, outbox } = store;

    const current = await createCurrentReport({ reports, engineFor: core.engineFor, logger });
    // Subscriptions select what the questions would: the engine of the report compared, current or the one it replaced.
    const matcher = createFilterMatcher(current.engineOf);
    const fanOut = createAlertFanOut({ subscriptions, outbox, reports, matcher, limits: alertsConfig, logger });
    const onImported = async (result: ImportResult): Promise<void> => {
      // New data: later questions see the new report; subscribers' digests go to the outbox (enqueue only).
      await current.adopt(result.report);
      logger.info({ file: result.report.source.file, targets: result.counts.targets }, 'report imported');
      await fanOut.onImported(result);
    };
    const importer = core.importer({ reports, settings: store.settings, onImported });
    const upload = createUpload(importer);

    let report: Report | undefined = await reports.current();
    if (!report) {
      const bytes = await readFile(config.dataFile);
      const result = await importer.importTable(bytes, basename(config.dataFile));
      report = result.report;
      logger.info({ file: config.dataFile, targets: result.counts.targets }, 'store was empty; seeded from DATA_FILE');
    }
    current.use(report);
    // An import stored without its alerts (a crash in between, or `npm run import` while we were stopped).
    await fanOut.recover();
    const currentEngine = current.engine;

    if (!store.shared) {
      // `npm run import` while we run: we are the store's single writer, so it hands the file to us.
      const inbox = createInboxWatcher({
        dir: inboxDir(config.dbPath),
        handle: async (fileName, bytes, importOptions) => {
          const outcome = await upload(bytes, fileName, 'terminal', importOptions);
          return { ok: outcome.kind === 'imported', message: outcome.message };
        },
        onError: (err) => logger.error({ err }, 'inbox import failed'),
        ...(tuning.inboxIntervalMs !== undefined ? { intervalMs: tuning.inboxIntervalMs } : {}),
      });
      inbox.start();
      stops.push(() => inbox.stop());
    } else {
      // Another replica's import (an upload, or `npm run import` straight into the database): answer from it within seconds,
      // and enqueue its alerts unless the importing replica did already (idempotent).
      const refreshFromStore = async (): Promise<void> => {
        if (await current.refresh()) await fanOut.recover();
      };
      const refresh = setInterval(() => void refreshFromStore().catch((err: unknown) => logger.error({ err }, 'could not check for a newer report')), tuning.refreshMs ?? REFRESH_MS);
      stops.push(async () => clearInterval(refresh));
    }
    const handles = { engine: currentEngine, reports, subscriptions, outbox, settings: store.settings, supervision: store.supervision, importer };

    if (!config.botToken) {
      const output = options.output ?? process.stdout;
      output.write(`${MESSAGES.connectHint}\n`);
      void runConsole({ engine: currentEngine, input: options.input ?? process.stdin, output })
        .then(() => onExit('end of input', 0))
        .catch((err: unknown) => {
          logger.error({ err }, 'console failed');
          onExit('console failed', 1);
        });
      return { ...handles, bot: undefined, web: undefined };
    }

    const onChatBlocked = (chatId: number): void => void subscriptions.markInactive(chatId).catch((err: unknown) => logger.error({ err, chatId }, 'could not mark chat inactive'));
    const transport = createTransport({ logger, onChatBlocked, ...(tuning.callTimeoutMs !== undefined ? { callTimeoutMs: tuning.callTimeoutMs } : {}) });
    // Replies still waiting out a 429 go out before the store closes (bounded: a long retry_after is not waited for).
    stops.push(() => transport.drain(REPLY_DRAIN_MS));
    const deps: BotDeps = {
      engine: currentEngine,
      view: { renderAnswer: views.renderAnswer, renderTarget: views.renderTarget },
      logger,
      transport,
      queries: createQueryCache(store.buttons),
      conversations: createConversations(store.conversations, { minutes: config.conversationMinutes }),
      access: { adminIds: config.adminIds, allowedChatIds: config.allowedChatIds },
      settings: BOT_DEFAULTS,
    };
    deps.onChatBlocked = onChatBlocked;
    deps.targetNote = async (targetId) => {
      const reportId = await reports.currentId();
      const reply = reportId === undefined ? undefined : latestReply(await store.supervision.replies(reportId), targetId);
      return reply && SUPERVISION_MESSAGES.latestReply({ ...reply, file: reply.file !== undefined }, config.timezone);
    };
    // The bulletin (/report, the dashboard's download) and the 导出 button. Reminders and replies are the
    // supervision store's records of the current report: they are the bulletin's plain inputs as they are.
    const files = createBulletinFiles({
      engine: currentEngine,
      records: async () => {
        const reportId = await reports.currentId();
        if (reportId === undefined) return { reminders: [], replies: [] };
        const [reminders, replies] = await Promise.all([store.supervision.reminders(reportId), store.supervision.replies(reportId)]);
        return { reminders, replies };
      },
      timezone: config.timezone,
    });
    const alertsDeps: AlertsDeps = {
      subscriptions,
      chatState: store.settings,
      understand: (text) => currentEngine().understand(text),
      matcher,
      upload,
      settings: alertsConfig,
      timezone: config.timezone,
      maxUploadBytes: tuning.maxUploadBytes ?? TABLE_LIMITS.maxUploadBytes,
    };

    // The dashboard (WEBAPP_URL): the page and its API on WEB_PORT, or behind the webhook's server.
    const webapp = config.webapp;
    const weblinkStore = createWeblinkStore(store.settings);
    const dashboard = webapp
      ? createDashboard({
          webapp,
          botToken: config.botToken,
          adminIds: config.adminIds,
          allowedChatIds: config.allowedChatIds,
          history: current.history,
          current: currentEngine,
          build: current.build,
          upload,
          maxUploadBytes: alertsDeps.maxUploadBytes,
          maxQuestionChars: BOT_DEFAULTS.maxQuestionChars,
          weblinkStore,
          bulletin: () => files.bulletin(),
          supervision: {
            replies: (reportId) => store.supervision.replies(reportId),
            overview: async () => (await periodStatus(store.supervision, await reports.currentId(), new Date(), SUPERVISION_DEFAULTS.dueDays)).statuses,
          },
          ...(tuning.webRateLimit ? { rateLimit: tuning.webRateLimit } : {}),
          logger,
        })
      : undefined;
    let web: AppHandles['web'];
    if (webapp && dashboard) {
      const port = tuning.webPort ?? webapp.port;
      const server = port === undefined ? undefined : await startHttpServer(dashboard.handler, { port, logger, what: 'dashboard', requestTimeoutMs: WEB_REQUEST_TIMEOUT_MS });
      if (server) stops.push(() => server.close());
      web = { port: server?.port };
      logger.info({ port: server?.port ?? config.webhook?.port, path: webapp.basePath }, 'dashboard served');
      // expired links are dropped on a schedule, not on each /weblink: one write for all of them
      const pruneWeblinks = guarded(
        (err) => logger.error({ err }, 'could not drop expired weblinks'),
        async () => {
          const dropped = await weblinkStore.prune(new Date());
          if (dropped > 0) logger.info({ dropped }, 'expired weblinks dropped');
        },
      );
      pruneWeblinks();
      const prune = setInterval(pruneWeblinks, WEBLINK_DEFAULTS.pruneEveryMs);
      prune.unref();
      stops.push(async () => clearInterval(prune));
    }
    const rateLimit = tuning.rateLimit === false ? undefined : (tuning.rateLimit ?? RATE_LIMIT_DEFAULTS);
    const supervisionDeps: SupervisionDeps = {
      store: store.supervision,
      outbox,
      currentReportId: () => reports.currentId(),
      state: store.settings,
      understand: alertsDeps.understand,
      timezone: config.timezone,
      settings: SUPERVISION_DEFAULTS,
      remindDefaults: config.unitReminders,
    };
    if (store.shared && !config.webhook) {
      logger.warn('DATABASE_URL without WEBHOOK_URL: long polling, which Telegram allows to one process only; run a single replica, or set WEBHOOK_URL to run several');
    }
    const telegram = await startBot({
      token: config.botToken,
      apiRoot: config.telegramApiRoot,
      deps,
      features: {
        alerts: alertsDeps,
        supervision: supervisionDeps,
        files,
        rateLimit,
        ...(webapp && dashboard ? { dashboard: { url: webapp.url, weblinks: dashboard.weblinks, weblinkDays: webapp.weblinkDays, timezone: config.timezone } } : {}),
      },
      webhook: config.webhook,
      otherRequests: web && web.port === undefined ? dashboard?.handler : undefined,
      menuButton: webapp && { text: DASHBOARD_MESSAGES.menuButton, url: webapp.url },
      handledUpdates: store.updates,
      onFatal: () => onExit('polling stopped', 1),
      logger,
    });
    const running = telegram.running;
    stops.push(() => running.stop('shutdown'));
    // Broadcasts run here, never in update handlers: the worker drains the outbox within Telegram's limits.
    // The worker's own transport: its 429 retries wait for a slot of the worker's limiter, so they count against the rate.
    // One replica at a time sends the outbox and runs the schedulers (src/alerts/sending.ts).
    const sending = createSendingRole({ roles: store.roles, handoverMs: store.shared ? HANDOVER_MS : 0, logger });
    let worker: DeliveryWorker | undefined;
    worker = createDeliveryWorker({
      outbox,
      subscriptions,
      send: telegram.alertSender((ms) => worker!.paceRetry(ms)),
      timezone: config.timezone,
      logger,
      settings: alertsConfig,
      botUsername: running.username,
      mayStillSend: sending.mayStillSend,
    });
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
      repliesSince: async (since) => {
        const reportId = await reports.currentId();
        const from = since.toISOString();
        return reportId === undefined ? [] : (await store.supervision.replies(reportId)).filter((r) => r.at >= from);
      },
    });
    const unitReminders = createReminderScheduler({
      store: store.supervision,
      outbox,
      current: () => reports.current(),
      currentName: currentUnitName(alertsDeps.understand),
      words: reminderWords,
      timezone: config.timezone,
      digestTime: alertsConfig.digestTime,
      ...config.unitReminders,
      chatSchedules: () => createRemindSchedules(store.settings).all(),
      targetsPerMessage: SUPERVISION_DEFAULTS.targetsPerMessage,
      logger,
    });
    await sending.hold({ worker, schedulers: [digests, unitReminders], schedule: tuning.scheduleDigests ?? true });
    stops.push(() => sending.stop());
    return { ...handles, bot: { running, worker, digests, unitReminders }, web };
  };

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // Reverse order of start: the bot stops taking updates before the store closes under it.
      for (const stopPart of stops.reverse()) {
        await stopPart().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
      }
    })());

  return { start, stop };
};
