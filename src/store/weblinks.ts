import type { SettingsStore } from './ports';

/** A personal sign-in link for a browser outside Telegram; only the token's hash is kept. */
export interface WeblinkRecord {
  /** sha256 of the token, hex: a copied store does not open anyone's dashboard */
  tokenHash: string;
  userId: number;
  /** ISO times */
  createdAt: string;
  expiresAt: string;
}

/**
 * Every change is one write of the store whatever the number of links (lowdb: one rewrite of
 * DB_PATH; PostgreSQL: one statement): 20,000 links once made `/weblink off` take 20,000 rewrites.
 */
export interface WeblinkStore {
  /** the live link with this token hash, or undefined (unknown, revoked or expired at `now`) */
  find(tokenHash: string, now: Date): Promise<WeblinkRecord | undefined>;
  /** stores a new link; the user's expired links and, beyond `perUser` live ones, the oldest are dropped */
  add(record: WeblinkRecord, now: Date): Promise<void>;
  /** revokes every link of the user; returns how many were live */
  revokeAll(userId: number, now: Date): Promise<number>;
  /** drops every expired link (run on a schedule); returns how many */
  prune(now: Date): Promise<number>;
}

export const WEBLINK_DEFAULTS = Object.freeze({
  /** live links a user may hold: a phone, a desk, a laptop; a fourth drops the oldest */
  perUser: 3,
  /** how often expired links are dropped, ms */
  pruneEveryMs: 60 * 60 * 1000,
});

/** The settings scope of the links, keyed by token hash (the lowdb migration moves older files' list here). */
export const WEBLINKS_SCOPE = 'weblinks';

const live = (r: WeblinkRecord, now: Date): boolean => Date.parse(r.expiresAt) > now.getTime();

/** Weblinks in the store's settings, so that every replica knows every link. */
export const createWeblinkStore = (settings: SettingsStore, options: { perUser?: number } = {}): WeblinkStore => {
  const perUser = options.perUser ?? WEBLINK_DEFAULTS.perUser;
  const all = async (): Promise<WeblinkRecord[]> => (await settings.list<WeblinkRecord>(WEBLINKS_SCOPE)).map(({ value }) => value);
  const remove = (records: readonly WeblinkRecord[]): Promise<number> => (records.length === 0 ? Promise.resolve(0) : settings.update(WEBLINKS_SCOPE, { remove: records.map((r) => r.tokenHash) }));
  return {
    async find(tokenHash, now) {
      const record = await settings.get<WeblinkRecord>(WEBLINKS_SCOPE, tokenHash);
      return record && live(record, now) ? record : undefined;
    },
    async add(record, now) {
      const mine = (await all()).filter((r) => r.userId === record.userId);
      const kept = mine
        .filter((r) => live(r, now))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
        .slice(0, perUser - 1);
      const dropped = mine.filter((r) => !kept.includes(r));
      await settings.update(WEBLINKS_SCOPE, { put: [{ key: record.tokenHash, value: record }], remove: dropped.map((r) => r.tokenHash) });
    },
    async revokeAll(userId, now) {
      const mine = (await all()).filter((r) => r.userId === userId);
      await remove(mine);
      return mine.filter((r) => live(r, now)).length;
    },
    prune: async (now) => remove((await all()).filter((r) => !live(r, now))),
  };
};
