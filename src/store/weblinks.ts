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

export interface WeblinkStore {
  /** the live link with this token hash, or undefined (unknown, revoked or expired at `now`) */
  find(tokenHash: string, now: Date): Promise<WeblinkRecord | undefined>;
  /** stores a new link; expired links of every user are dropped */
  add(record: WeblinkRecord, now: Date): Promise<void>;
  /** revokes every link of the user; returns how many were live */
  revokeAll(userId: number, now: Date): Promise<number>;
}

/** The settings scope of the links, keyed by token hash (the lowdb migration moves older files' list here). */
export const WEBLINKS_SCOPE = 'weblinks';

const live = (r: WeblinkRecord, now: Date): boolean => Date.parse(r.expiresAt) > now.getTime();

/** Weblinks in the store's settings, so that every replica knows every link. */
export const createWeblinkStore = (settings: SettingsStore): WeblinkStore => {
  const drop = async (which: (r: WeblinkRecord) => boolean): Promise<WeblinkRecord[]> => {
    const dropped = (await settings.list<WeblinkRecord>(WEBLINKS_SCOPE)).filter(({ value }) => which(value));
    for (const { key } of dropped) await settings.delete(WEBLINKS_SCOPE, key);
    return dropped.map(({ value }) => value);
  };
  return {
    async find(tokenHash, now) {
      const record = await settings.get<WeblinkRecord>(WEBLINKS_SCOPE, tokenHash);
      return record && live(record, now) ? record : undefined;
    },
    async add(record, now) {
      await drop((r) => !live(r, now));
      await settings.put(WEBLINKS_SCOPE, record.tokenHash, record);
    },
    revokeAll: async (userId, now) => (await drop((r) => r.userId === userId)).filter((r) => live(r, now)).length,
  };
};
