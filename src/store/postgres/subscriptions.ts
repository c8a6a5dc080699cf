import type { Pool, PoolClient } from 'pg';
import type { SubscriptionStore } from '../ports';
import { filterKey, newSubscriptionId, type ChatSettings, type Subscription, type SubscriptionFilter } from '../types';
import { inTransaction, iso, rowsOf } from './db';

interface ChatRow {
  chat_id: number;
  type: ChatSettings['type'] | null;
  digest: ChatSettings['digest'];
  quiet_from: number | null;
  quiet_to: number | null;
  yellow: boolean;
  active: boolean;
  inactive_since: Date | null;
}

interface SubscriptionRow {
  id: string;
  chat_id: number;
  filter: SubscriptionFilter;
  created_at: Date;
  active: boolean;
}

const CHAT_COLUMNS = 'chat_id, type, digest, quiet_from, quiet_to, yellow, active, inactive_since';
const SUBSCRIPTION_COLUMNS = 'id, chat_id, filter, created_at, active';

const toChat = (row: ChatRow): ChatSettings => ({
  chatId: row.chat_id,
  ...(row.type ? { type: row.type } : {}),
  digest: row.digest,
  ...(row.quiet_from !== null && row.quiet_to !== null ? { quiet: { from: row.quiet_from, to: row.quiet_to } } : {}),
  ...(row.yellow ? { yellow: true } : {}),
  active: row.active,
  ...(row.inactive_since ? { inactiveSince: iso(row.inactive_since)! } : {}),
});

const toSubscription = (row: SubscriptionRow): Subscription => ({ id: row.id, chatId: row.chat_id, filter: row.filter, createdAt: row.created_at.toISOString(), active: row.active });

/** Subscriptions and chat settings in the `subscriptions` and `chats` tables. */
export const createPostgresSubscriptions = (pool: Pool, now: () => Date = () => new Date()): SubscriptionStore => {
  /** Creates the chat's row on first use (with its type) and applies `set`, e.g. `digest = $3`. */
  const updateChat = async (chatId: number, chatType: ChatSettings['type'] | undefined, set: string, values: unknown[]): Promise<ChatSettings> => {
    await pool.query('INSERT INTO chats (chat_id, type) VALUES ($1, $2) ON CONFLICT (chat_id) DO UPDATE SET type = COALESCE(chats.type, EXCLUDED.type)', [chatId, chatType ?? null]);
    const [row] = await rowsOf<ChatRow>(pool, `UPDATE chats SET ${set} WHERE chat_id = $1 RETURNING ${CHAT_COLUMNS}`, [chatId, ...values]);
    return toChat(row!);
  };

  const setActive = (chatId: number, active: boolean): Promise<boolean> =>
    inTransaction(pool, async (client: PoolClient) => {
      const [chat] = await rowsOf<{ active: boolean }>(client, 'SELECT active FROM chats WHERE chat_id = $1 FOR UPDATE', [chatId]);
      const [{ differ }] = (await rowsOf<{ differ: number }>(client, 'SELECT count(*)::int AS differ FROM subscriptions WHERE chat_id = $1 AND active <> $2', [chatId, active])) as [
        { differ: number },
      ];
      if ((chat?.active ?? true) === active && differ === 0) return false;
      if (!chat && active) return false;
      await client.query(
        `INSERT INTO chats (chat_id, active, inactive_since) VALUES ($1, $2, $3)
         ON CONFLICT (chat_id) DO UPDATE SET active = EXCLUDED.active, inactive_since = EXCLUDED.inactive_since`,
        [chatId, active, active ? null : now()],
      );
      await client.query('UPDATE subscriptions SET active = $2 WHERE chat_id = $1', [chatId, active]);
      return true;
    });

  return {
    list: async (chatId) => (await rowsOf<SubscriptionRow>(pool, `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE chat_id = $1 ORDER BY seq`, [chatId])).map(toSubscription),
    async add(chatId, filter, chatType) {
      // One round trip: the chat's row on first use, then the subscription unless the chat has the same filter.
      const [added] = await rowsOf<SubscriptionRow>(
        pool,
        `WITH chat AS (
           INSERT INTO chats (chat_id, type) VALUES ($1, $2)
           ON CONFLICT (chat_id) DO UPDATE SET chat_id = EXCLUDED.chat_id
           RETURNING active
         )
         INSERT INTO subscriptions (id, chat_id, filter, filter_key, created_at, active)
         SELECT $3, $1, $4, $5, $6, chat.active FROM chat
         ON CONFLICT (chat_id, filter_key) DO NOTHING
         RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [chatId, chatType ?? null, newSubscriptionId(), JSON.stringify(filter), filterKey(filter), now()],
      );
      if (added) return { subscription: toSubscription(added), created: true };
      const [existing] = await rowsOf<SubscriptionRow>(pool, `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE chat_id = $1 AND filter_key = $2`, [chatId, filterKey(filter)]);
      return { subscription: toSubscription(existing!), created: false };
    },
    async remove(chatId, id) {
      const [row] = await rowsOf<SubscriptionRow>(pool, `DELETE FROM subscriptions WHERE chat_id = $1 AND id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`, [chatId, id]);
      return row && toSubscription(row);
    },
    removeAll: async (chatId) => (await pool.query('DELETE FROM subscriptions WHERE chat_id = $1', [chatId])).rowCount ?? 0,
    async subscribers() {
      const rows = await rowsOf<{ chat_id: number; filter: SubscriptionFilter }>(
        pool,
        `SELECT s.chat_id, s.filter FROM subscriptions s LEFT JOIN chats c ON c.chat_id = s.chat_id
         WHERE s.active AND COALESCE(c.active, true) ORDER BY s.seq`,
      );
      const result = new Map<number, SubscriptionFilter[]>();
      for (const row of rows) {
        const list = result.get(row.chat_id) ?? [];
        list.push(row.filter);
        result.set(row.chat_id, list);
      }
      return result;
    },
    async settings(chatId) {
      const [row] = await rowsOf<ChatRow>(pool, `SELECT ${CHAT_COLUMNS} FROM chats WHERE chat_id = $1`, [chatId]);
      return row ? toChat(row) : { chatId, digest: 'off', active: true };
    },
    setDigest: (chatId, digest, chatType) => updateChat(chatId, chatType, 'digest = $2', [digest]),
    setQuiet: (chatId, quiet, chatType) => updateChat(chatId, chatType, 'quiet_from = $2, quiet_to = $3', [quiet?.from ?? null, quiet?.to ?? null]),
    setYellow: (chatId, on, chatType) => updateChat(chatId, chatType, 'yellow = $2', [on]),
    markInactive: (chatId) => setActive(chatId, false),
    reactivate: (chatId) => setActive(chatId, true),
    chats: async () => (await rowsOf<ChatRow>(pool, `SELECT ${CHAT_COLUMNS} FROM chats ORDER BY chat_id`)).map(toChat),
    all: async () => (await rowsOf<SubscriptionRow>(pool, `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions ORDER BY seq`)).map(toSubscription),
    restore: (chats, subscriptions) =>
      inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO chats (${CHAT_COLUMNS})
           SELECT c.chat_id, c.type, c.digest, c.quiet_from, c.quiet_to, c.yellow, c.active, c.inactive_since
           FROM json_to_recordset($1) AS c(chat_id bigint, type text, digest text, quiet_from smallint, quiet_to smallint, yellow boolean, active boolean, inactive_since timestamptz)`,
          [
            JSON.stringify(
              chats.map((c) => ({
                chat_id: c.chatId,
                type: c.type ?? null,
                digest: c.digest,
                quiet_from: c.quiet?.from ?? null,
                quiet_to: c.quiet?.to ?? null,
                yellow: c.yellow === true,
                active: c.active,
                inactive_since: c.inactiveSince ?? null,
              })),
            ),
          ],
        );
        await client.query(
          `INSERT INTO subscriptions (id, chat_id, filter, filter_key, created_at, active)
           SELECT s.id, s.chat_id, s.filter, s.filter_key, s.created_at, s.active
           FROM json_to_recordset($1) AS s(i integer, id text, chat_id bigint, filter jsonb, filter_key text, created_at timestamptz, active boolean)
           ORDER BY s.i`,
          [JSON.stringify(subscriptions.map((s, i) => ({ i, id: s.id, chat_id: s.chatId, filter: s.filter, filter_key: filterKey(s.filter), created_at: s.createdAt, active: s.active })))],
        );
      }),
  };
};
