/**
 * `npm run bench -- alerts`: an import's fan-out to 10,000 subscribers, delivered
 * by the real worker over the real telegraf client to the fake Bot API server,
 * with 429s injected along the way. Measures the fan-out (compose + one store
 * write), the delivery time, the achieved rate against the configured limit
 * (and the busiest one-second window), duplicates and losses (goal: 0 and 0).
 *
 * ALERT_BENCH_SUBSCRIBERS (default 10000) and ALERT_BENCH_RATE (messages/s, default
 * the production 25) change the size; at 25/s the delivery alone takes ~7 minutes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import { alertSettings } from '../src/alerts/config';
import { createAlertFanOut } from '../src/alerts/fan-out';
import { createFilterMatcher } from '../src/alerts/filters';
import type { Subscription, SubscriptionFilter } from '../src/store/types';
import { createDeliveryWorker, type DeliveryWorker } from '../src/alerts/worker';
import { alertSender, createTransport } from '../src/bot/transport';
import { createImporter } from '../src/import/importer';
import { createLogger } from '../src/logger';
import { openLowdbStore } from '../src/store/lowdb';
import { createNormalizer } from '../src/text/normalize';
import { loadAliases } from '../src/qa/aliases';
import { createEngine } from '../src/qa/engine';
import { editedSeed } from '../test/alerts/tables';
import { startFakeBotApi } from '../test/fake-bot-api/server';
import { seedBytes } from '../test/helpers/seed';
import type { Bench } from './run';

const FILTERS: SubscriptionFilter[] = [
  { kind: 'all' },
  { kind: 'unit', unit: '市工业和信息化局' },
  { kind: 'leader', leader: '王昌华' },
  { kind: 'leader', leader: '聂元科' },
  { kind: 'keyword', keyword: '5G', terms: ['5g'] },
];
const FIRST_CHAT = 100_000;
const INJECTED_429 = 5;

/** As the app wires it: each report's question engine selects a filter's targets. */
const filterMatcher = () => {
  const normalize = createNormalizer();
  const aliases = loadAliases(join(__dirname, '../data/aliases.json'));
  return createFilterMatcher((report) => createEngine({ report, normalize, aliases }));
};

export const alertsBench: Bench = {
  name: 'alerts',
  async run() {
    const subscribers = Number(process.env.ALERT_BENCH_SUBSCRIBERS ?? 10_000);
    const rate = Number(process.env.ALERT_BENCH_RATE ?? 25);
    const dir = mkdtempSync(join(tmpdir(), 'tpb-bench-alerts-'));
    const dbPath = join(dir, 'db.json');
    const api = await startFakeBotApi({ recordGetUpdates: false });
    const logger = createLogger({ level: 'error' });
    const settings = alertSettings({ globalPerSecond: rate, concurrency: Math.max(25, rate) });
    try {
      const store = await openLowdbStore({ dbPath, purpose: 'bench' });
      const { reports, subscriptions, outbox } = store;
      const fanOut = createAlertFanOut({ subscriptions, outbox, reports, matcher: filterMatcher(), limits: settings, logger });
      const importer = createImporter({ reports, onImported: fanOut.onImported });
      await importer.importTable(seedBytes(), 'heze-2022-q3.tsv');
      // Fixture: 10,000 subscriptions in one write (the store's add() writes once per call, as a user would).
      const fixture = Array.from(
        { length: subscribers },
        (_, i): Subscription => ({ id: `b${i}`, chatId: FIRST_CHAT + i, filter: FILTERS[i % FILTERS.length]!, createdAt: new Date().toISOString(), active: true }),
      );
      await subscriptions.restore([], fixture);

      // as main.ts wires it: the transport's 429 retries wait for a slot of the worker's limiter
      let worker: DeliveryWorker | undefined;
      const transport = createTransport({ logger, sleep: (ms) => worker!.paceRetry(ms) });
      const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
      worker = createDeliveryWorker({ outbox, subscriptions, send: alertSender(transport, telegram), timezone: 'Asia/Shanghai', logger, settings });

      // 58 (工信局, 王昌华, 5G) and 40 (聂元科) fall behind: every filter above has news.
      const fanOutStart = process.hrtime.bigint();
      await importer.importTable(editedSeed({ lagging: ['58', '40'] }), 'heze-2022-q4.tsv');
      const fanOutMs = Number(process.hrtime.bigint() - fanOutStart) / 1e6;
      const enqueued = (await outbox.pending()).length;

      // a 429 (retry_after 1 s) at evenly spread points of the delivery
      const injectAt = Array.from({ length: INJECTED_429 }, (_, i) => Math.floor(((i + 1) * subscribers) / (INJECTED_429 + 1)));
      const injector = setInterval(() => {
        while (injectAt.length > 0 && api.sent().length >= injectAt[0]!) {
          injectAt.shift();
          api.failNext('sendMessage', { code: 429, retryAfter: 1 });
        }
      }, 5);
      const started = Date.now();
      await worker.start();
      await worker.idle();
      const seconds = (Date.now() - started) / 1000;
      clearInterval(injector);
      await worker.stop();
      await store.close();

      const sends = api.calls.filter((c) => c.method === 'sendMessage' && c.status === 200);
      const perChat = new Map<number, number>();
      for (const c of sends) perChat.set(Number(c.payload.chat_id), (perChat.get(Number(c.payload.chat_id)) ?? 0) + 1);
      let duplicates = 0;
      for (const n of perChat.values()) duplicates += n - 1;
      let losses = 0;
      for (let i = 0; i < subscribers; i += 1) if (!perChat.has(FIRST_CHAT + i)) losses += 1;
      const times = sends.map((c) => c.at).sort((a, b) => a - b);
      let busiest = 0;
      for (let i = 0, j = 0; i < times.length; i += 1) {
        while (times[i]! - times[j]! >= 1000) j += 1;
        busiest = Math.max(busiest, i - j + 1);
      }
      const rejected429 = api.calls.filter((c) => c.method === 'sendMessage' && c.status === 429).length;
      const achieved = sends.length / ((times.at(-1)! - times[0]!) / 1000);
      const out = [
        '## Alerts: fan-out and delivery through the fake Bot API server',
        '',
        `Command: \`npm run bench -- alerts\` (Node ${process.version}; ${subscribers} subscribers over ${FILTERS.length} filter kinds; limit ${rate} messages/s, 1/s per chat)`,
        '',
        '| measure | result |',
        '|---|---|',
        `| fan-out: diff + compose + one store write of ${enqueued} alerts | ${fanOutMs.toFixed(0)} ms |`,
        `| delivery of ${sends.length} digests, total | ${seconds.toFixed(1)} s |`,
        `| achieved rate (first to last send) vs configured limit | **${achieved.toFixed(2)} msg/s** vs ${rate} msg/s |`,
        `| busiest one-second window | ${busiest} messages |`,
        `| 429s injected / answered | ${INJECTED_429} / ${rejected429} |`,
        `| duplicates (goal 0) | **${duplicates}** |`,
        `| losses (goal 0) | **${losses}** |`,
        `| store files after delivery (DB_PATH + outbox) | ${((statSync(dbPath).size + statSync(`${dbPath}.outbox.json`).size) / 1e6).toFixed(1)} MB |`,
        '',
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    } finally {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
