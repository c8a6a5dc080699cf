import type pg from 'pg';
import type { Pool } from 'pg';
import { alertEvents, applyAlertEvent, type AlertEvent } from '../alert-events';
import type { OutboxStore } from '../ports';
import type { Alert, AlertButton, AlertState, FanOut } from '../types';
import { inTransaction, iso, rowsOf } from './db';

interface AlertRow {
  id: string;
  seq: number;
  chat_id: number;
  text: string;
  created_at: Date;
  state: AlertState;
  attempts: number;
  not_before: number;
  silent: boolean;
  sent_at: Date | null;
  message_id: number | null;
  error: string | null;
  buttons: AlertButton[][] | null;
}

interface FanOutRow {
  report_id: number;
  report_sha: string;
  at: Date;
  alerts: number;
  chats: number;
}

const ALERT_COLUMNS = 'id, seq, chat_id, text, created_at, state, attempts, not_before, silent, sent_at, message_id, error, buttons';

const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  chatId: row.chat_id,
  text: row.text,
  createdAt: row.created_at.toISOString(),
  seq: row.seq,
  state: row.state,
  attempts: row.attempts,
  notBefore: row.not_before,
  ...(row.silent ? { silent: true } : {}),
  ...(row.sent_at ? { sentAt: iso(row.sent_at)! } : {}),
  ...(row.message_id !== null ? { messageId: row.message_id } : {}),
  ...(row.error !== null ? { error: row.error } : {}),
  ...(row.buttons ? { buttons: row.buttons } : {}),
});

const toFanOut = (row: FanOutRow): FanOut => ({ report: row.report_id, reportSha: row.report_sha, at: row.at.toISOString(), alerts: row.alerts, chats: row.chats });

/** How each event changes the alert's row; `sending_since` marks a send whose answer is not recorded yet. */
const EVENT_SQL: Record<AlertEvent['op'], { set: string; values: (e: AlertEvent) => unknown[] }> = {
  S: { set: 'attempts = $2, sending_since = now()', values: (e) => [(e as Extract<AlertEvent, { op: 'S' }>).attempts] },
  A: {
    set: "state = 'sent', sent_at = $2, message_id = $3, error = NULL, sending_since = NULL",
    values: (e) => {
      const a = e as Extract<AlertEvent, { op: 'A' }>;
      return [a.at, a.messageId ?? null];
    },
  },
  R: {
    set: "state = 'pending', attempts = $2, not_before = $3, error = $4, sending_since = NULL",
    values: (e) => {
      const r = e as Extract<AlertEvent, { op: 'R' }>;
      return [r.attempts, r.notBefore, r.error];
    },
  },
  F: {
    set: "state = 'failed', attempts = $2, sent_at = $3, error = $4, sending_since = NULL",
    values: (e) => {
      const f = e as Extract<AlertEvent, { op: 'F' }>;
      return [f.attempts, f.at, f.error];
    },
  },
};

export interface PostgresOutboxOptions {
  /** a connection of its own that LISTENs for other replicas' enqueues */
  listen?: () => pg.Client;
  /** how often the listener also looks without being told, in case a notification was lost */
  sweepMs?: number;
  onError?: (error: unknown) => void;
  now?: () => Date;
  /** delivered and failed alerts older than this are pruned */
  keepDays?: number;
}

/** Every enqueue notifies this channel on commit; replicas listening fetch what is new. */
const CHANNEL = 'target_progress_bot_alerts';

/**
 * The outbox in the `alerts` and `fan_outs` tables: every state change is one
 * UPDATE of one row. Listeners hear of alerts enqueued by any replica: each
 * enqueue notifies on commit, and a listening replica fetches the pending
 * alerts newer than the newest it has handed out.
 */
export const openPostgresOutbox = async (pool: Pool, options: PostgresOutboxOptions = {}): Promise<OutboxStore & { close(): Promise<void> }> => {
  const now = options.now ?? (() => new Date());
  const keepMs = (options.keepDays ?? 30) * 86_400_000;
  const listeners = new Set<(alerts: Alert[]) => void>();
  const onError = options.onError ?? (() => undefined);
  /** the newest seq handed to listeners: what a fetch after a notification starts from */
  let lastSeq = 0;
  let listening: { client: pg.Client; sweep: NodeJS.Timeout } | undefined;
  let fetching: Promise<void> = Promise.resolve();
  const tell = (alerts: Alert[]): void => {
    const fresh = alerts.filter((a) => a.seq > lastSeq);
    if (fresh.length === 0) return;
    lastSeq = fresh.at(-1)!.seq;
    for (const listener of listeners) listener(fresh.map((a) => ({ ...a })));
  };
  const fetchNew = (): Promise<void> =>
    (fetching = fetching
      .then(async () => tell((await rowsOf<AlertRow>(pool, `SELECT ${ALERT_COLUMNS} FROM alerts WHERE state = 'pending' AND seq > $1 ORDER BY seq`, [lastSeq])).map(toAlert)))
      .catch(onError));
  const startListening = async (): Promise<void> => {
    if (listening || !options.listen) return;
    const client = options.listen();
    client.on('error', onError);
    client.on('notification', () => void fetchNew());
    listening = { client, sweep: setInterval(() => void fetchNew(), options.sweepMs ?? 30_000) };
    listening.sweep.unref();
    lastSeq = (await rowsOf<{ seq: number | null }>(pool, 'SELECT max(seq) AS seq FROM alerts'))[0]?.seq ?? 0;
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  };
  const uncertain = (await rowsOf<{ id: string }>(pool, "SELECT id FROM alerts WHERE state = 'pending' AND sending_since IS NOT NULL ORDER BY seq")).map((r) => r.id);

  const record = async (alert: Alert, event: AlertEvent): Promise<void> => {
    const { set, values } = EVENT_SQL[event.op];
    await pool.query(`UPDATE alerts SET ${set} WHERE id = $1`, [alert.id, ...values(event)]);
    applyAlertEvent(alert, event);
  };

  const insertAlerts = `INSERT INTO alerts (id, seq, chat_id, text, created_at, state, attempts, not_before, silent, sent_at, message_id, error, buttons)
    SELECT a.id, COALESCE(a.seq, nextval(pg_get_serial_sequence('alerts', 'seq'))), a.chat_id, a.text, a.created_at, a.state, a.attempts, a.not_before, a.silent, a.sent_at, a.message_id, a.error, a.buttons
    FROM json_to_recordset($1) AS a(i integer, id text, seq bigint, chat_id bigint, text text, created_at timestamptz, state text, attempts integer, not_before bigint, silent boolean, sent_at timestamptz, message_id bigint, error text, buttons jsonb)
    ORDER BY a.i
    ON CONFLICT (id) DO NOTHING`;
  const alertJson = (alerts: readonly Partial<Alert>[]): string =>
    JSON.stringify(
      alerts.map((a, i) => ({
        i,
        id: a.id,
        seq: a.seq ?? null,
        chat_id: a.chatId,
        text: a.text,
        created_at: a.createdAt,
        state: a.state ?? 'pending',
        attempts: a.attempts ?? 0,
        not_before: a.notBefore ?? 0,
        silent: a.silent === true,
        sent_at: a.sentAt ?? null,
        message_id: a.messageId ?? null,
        error: a.error ?? null,
        buttons: a.buttons?.length ? a.buttons : null,
      })),
    );
  const insertFanOut = 'INSERT INTO fan_outs (report_id, report_sha, at, alerts, chats) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (report_id) DO NOTHING';

  return {
    async enqueue(alerts, fanOut) {
      if (alerts.length === 0 && !fanOut) return [];
      const createdAt = now().toISOString();
      const fresh = await inTransaction(pool, async (client) => {
        const rows = await rowsOf<AlertRow>(client, `${insertAlerts} RETURNING ${ALERT_COLUMNS}`, [alertJson(alerts.map((a) => ({ ...a, createdAt })))]);
        if (fanOut) await client.query(insertFanOut, [fanOut.report, fanOut.reportSha, createdAt, fanOut.alerts, fanOut.chats]);
        if (rows.length > 0) await client.query('SELECT pg_notify($1, $2)', [CHANNEL, '']);
        return rows.map(toAlert).sort((a, b) => a.seq - b.seq);
      });
      // Told here at once; the notification's fetch then finds them already handed out.
      tell(fresh);
      return fresh;
    },
    pending: async () => (await rowsOf<AlertRow>(pool, `SELECT ${ALERT_COLUMNS} FROM alerts WHERE state = 'pending' ORDER BY seq`)).map(toAlert),
    async get(id) {
      const [row] = await rowsOf<AlertRow>(pool, `SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`, [id]);
      return row && toAlert(row);
    },
    all: async () => (await rowsOf<AlertRow>(pool, `SELECT ${ALERT_COLUMNS} FROM alerts ORDER BY seq`)).map(toAlert),
    uncertain,
    hasFanOut: async (reportId) => (await rowsOf(pool, 'SELECT 1 FROM fan_outs WHERE report_id = $1', [reportId])).length > 0,
    fanOuts: async () => (await rowsOf<FanOutRow>(pool, 'SELECT report_id, report_sha, at, alerts, chats FROM fan_outs ORDER BY report_id')).map(toFanOut),
    markSending: (alert) => record(alert, alertEvents.sending(alert)),
    markSent: (alert, messageId) => record(alert, alertEvents.sent(now(), messageId)),
    markRetry: (alert, notBefore, error) => record(alert, alertEvents.retry(alert, notBefore, error)),
    markFailed: (alert, error) => record(alert, alertEvents.failed(alert, now(), error)),
    onEnqueued(listener) {
      listeners.add(listener);
      void startListening().catch(onError);
      return () => listeners.delete(listener);
    },
    async compact() {
      await pool.query("DELETE FROM alerts WHERE state <> 'pending' AND COALESCE(sent_at, created_at) < $1", [new Date(now().getTime() - keepMs)]);
    },
    async close() {
      if (!listening) return;
      clearInterval(listening.sweep);
      await listening.client.end().catch(() => undefined);
      listening = undefined;
    },
    restore: (alerts, fanOuts) =>
      inTransaction(pool, async (client) => {
        await client.query(insertAlerts, [alertJson(alerts)]);
        for (const f of fanOuts) await client.query(insertFanOut, [f.report, f.reportSha, f.at, f.alerts, f.chats]);
        await client.query("SELECT setval(pg_get_serial_sequence('alerts', 'seq'), GREATEST((SELECT max(seq) FROM alerts), 1))");
      }),
  };
};
