import { commit, type Db } from './db';

/** A personal sign-in link for a browser outside Telegram; only the token's hash is kept. */
export interface WeblinkRecord {
  /** sha256 of the token, hex: a copied store file does not open anyone's dashboard */
  tokenHash: string;
  userId: number;
  /** ISO times */
  createdAt: string;
  expiresAt: string;
}

export interface WeblinkStore {
  /** the live link with this token hash, or undefined (unknown, revoked or expired at `now`) */
  find(tokenHash: string, now: Date): Promise<WeblinkRecord | undefined>;
  /** stores a new link; expired links of every user are dropped in the same write */
  add(record: WeblinkRecord, now: Date): Promise<void>;
  /** revokes every link of the user; returns how many were live */
  revokeAll(userId: number, now: Date): Promise<number>;
}

const live = (r: WeblinkRecord, now: Date): boolean => Date.parse(r.expiresAt) > now.getTime();

/** Weblinks in the JSON store; files written before weblinks existed have none (the list is made on first write). */
export const createWeblinkStore = (db: Db): WeblinkStore => ({
  find: async (tokenHash, now) => (db.data.weblinks ?? []).find((r) => r.tokenHash === tokenHash && live(r, now)),
  add: (record, now) =>
    commit(db, (data) => {
      const before = data.weblinks;
      data.weblinks = [...(before ?? []).filter((r) => live(r, now)), record];
      return { result: undefined, undo: () => void (data.weblinks = before) };
    }),
  revokeAll: (userId, now) =>
    commit(db, (data) => {
      const before = data.weblinks;
      const mine = (before ?? []).filter((r) => r.userId === userId);
      data.weblinks = (before ?? []).filter((r) => r.userId !== userId && live(r, now));
      return { result: mine.filter((r) => live(r, now)).length, undo: () => void (data.weblinks = before) };
    }),
});
