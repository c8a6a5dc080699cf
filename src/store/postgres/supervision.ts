import type { Pool } from 'pg';
import type { SupervisionStore } from '../ports';
import { newRecordId, type AwaitedReply, type Binding, type FeedbackReply, type Reminder } from '../types';
import { iso, rowsOf } from './db';

interface BindingRow {
  id: string;
  chat_id: number;
  unit: string;
  state: Binding['state'];
  chat_title: string | null;
  requested_by: number;
  requested_at: Date;
  decided_by: number | null;
  decided_at: Date | null;
}

interface ReminderRow {
  id: string;
  report_id: number;
  unit: string;
  targets: string[];
  chat_ids: number[];
  by_user: number;
  at: Date;
}

interface ReplyRow {
  id: string;
  report_id: number;
  target: string;
  unit: string;
  chat_id: number;
  user_id: number;
  person: string;
  text: string;
  file: FeedbackReply['file'] | null;
  at: Date;
}

const BINDING_COLUMNS = 'id, chat_id, unit, state, chat_title, requested_by, requested_at, decided_by, decided_at';

const toBinding = (r: BindingRow): Binding => ({
  id: r.id,
  chatId: r.chat_id,
  unit: r.unit,
  state: r.state,
  ...(r.chat_title !== null ? { chatTitle: r.chat_title } : {}),
  requestedBy: r.requested_by,
  requestedAt: r.requested_at.toISOString(),
  ...(r.decided_by !== null ? { decidedBy: r.decided_by } : {}),
  ...(r.decided_at ? { decidedAt: iso(r.decided_at)! } : {}),
});

const toReminder = (r: ReminderRow): Reminder => ({ id: r.id, reportId: r.report_id, unit: r.unit, targets: r.targets, chatIds: r.chat_ids, by: r.by_user, at: r.at.toISOString() });

const toReply = (r: ReplyRow): FeedbackReply => ({
  id: r.id,
  reportId: r.report_id,
  target: r.target,
  unit: r.unit,
  chatId: r.chat_id,
  userId: r.user_id,
  person: r.person,
  text: r.text,
  ...(r.file ? { file: r.file } : {}),
  at: r.at.toISOString(),
});

const insertReply = (pool: Pool, r: FeedbackReply) =>
  pool.query('INSERT INTO replies (id, report_id, target, unit, chat_id, user_id, person, text, file, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    r.id,
    r.reportId,
    r.target,
    r.unit,
    r.chatId,
    r.userId,
    r.person,
    r.text,
    r.file ? JSON.stringify(r.file) : null,
    r.at,
  ]);

const insertReminders = async (pool: Pool, list: readonly Reminder[]): Promise<void> => {
  if (list.length === 0) return;
  await pool.query(
    `INSERT INTO reminders (id, report_id, unit, targets, chat_ids, by_user, at)
     SELECT r.id, r.report_id, r.unit, r.targets, r.chat_ids, r.by_user, r.at
     FROM json_to_recordset($1) AS r(i integer, id text, report_id bigint, unit text, targets jsonb, chat_ids jsonb, by_user bigint, at timestamptz)
     ORDER BY r.i ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(list.map((r, i) => ({ i, id: r.id, report_id: r.reportId, unit: r.unit, targets: r.targets, chat_ids: r.chatIds, by_user: r.by, at: r.at })))],
  );
};

/** The supervision records in their own tables; a second request of a chat and unit meets the UNIQUE key. */
export const createPostgresSupervision = (pool: Pool, now: () => Date = () => new Date()): SupervisionStore => ({
  async requestBinding({ chatId, unit, requestedBy, chatTitle }) {
    const inserted = await rowsOf<BindingRow>(
      pool,
      `INSERT INTO bindings (id, chat_id, unit, state, chat_title, requested_by, requested_at) VALUES ($1, $2, $3, 'pending', $4, $5, $6)
       ON CONFLICT (chat_id, unit) DO NOTHING RETURNING ${BINDING_COLUMNS}`,
      [newRecordId(), chatId, unit, chatTitle ?? null, requestedBy, now()],
    );
    if (inserted[0]) return { binding: toBinding(inserted[0]), created: true };
    const [row] = await rowsOf<BindingRow>(pool, `SELECT ${BINDING_COLUMNS} FROM bindings WHERE chat_id = $1 AND unit = $2`, [chatId, unit]);
    return { binding: toBinding(row!), created: false };
  },
  async decideBinding(id, state, by) {
    const [row] = await rowsOf<BindingRow>(pool, `UPDATE bindings SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND state = 'pending' RETURNING ${BINDING_COLUMNS}`, [
      id,
      state,
      by,
      now(),
    ]);
    return row && toBinding(row);
  },
  async removeBinding(id) {
    const [row] = await rowsOf<BindingRow>(pool, `DELETE FROM bindings WHERE id = $1 RETURNING ${BINDING_COLUMNS}`, [id]);
    return row && toBinding(row);
  },
  bindings: async () => (await rowsOf<BindingRow>(pool, `SELECT ${BINDING_COLUMNS} FROM bindings ORDER BY seq`)).map(toBinding),
  recordReminders: (list) => insertReminders(pool, list),
  reminders: async (reportId) =>
    (
      await rowsOf<ReminderRow>(
        pool,
        `SELECT id, report_id, unit, targets, chat_ids, by_user, at FROM reminders ${reportId === undefined ? '' : 'WHERE report_id = $1'} ORDER BY seq`,
        reportId === undefined ? [] : [reportId],
      )
    ).map(toReminder),
  async addReply(input) {
    const reply: FeedbackReply = { id: newRecordId(), ...input };
    await insertReply(pool, reply);
    return reply;
  },
  replies: async (reportId) =>
    (
      await rowsOf<ReplyRow>(
        pool,
        `SELECT id, report_id, target, unit, chat_id, user_id, person, text, file, at FROM replies ${reportId === undefined ? '' : 'WHERE report_id = $1'} ORDER BY seq`,
        reportId === undefined ? [] : [reportId],
      )
    ).map(toReply),
  async setAwaited(chatId, userId, awaited) {
    if (awaited) {
      await pool.query('INSERT INTO reply_waits (chat_id, user_id, awaited) VALUES ($1, $2, $3) ON CONFLICT (chat_id, user_id) DO UPDATE SET awaited = EXCLUDED.awaited', [
        chatId,
        userId,
        JSON.stringify(awaited),
      ]);
    } else await pool.query('DELETE FROM reply_waits WHERE chat_id = $1 AND user_id = $2', [chatId, userId]);
  },
  async restore({ bindings, reminders, replies }) {
    for (const b of bindings) {
      await pool.query(`INSERT INTO bindings (${BINDING_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        b.id,
        b.chatId,
        b.unit,
        b.state,
        b.chatTitle ?? null,
        b.requestedBy,
        b.requestedAt,
        b.decidedBy ?? null,
        b.decidedAt ?? null,
      ]);
    }
    await insertReminders(pool, reminders);
    for (const r of replies) await insertReply(pool, r);
  },
  awaited: async (chatId, userId) => (await rowsOf<{ awaited: AwaitedReply }>(pool, 'SELECT awaited FROM reply_waits WHERE chat_id = $1 AND user_id = $2', [chatId, userId]))[0]?.awaited,
});
