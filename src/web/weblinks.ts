import { createHash, randomBytes } from 'node:crypto';
import type { WeblinkStore } from '../store/weblinks';

/**
 * Personal links that sign a user in to the dashboard from an ordinary browser.
 *
 * The token is 32 random bytes (base64url) and travels in the URL fragment, which browsers
 * never send to a server, so it stays out of proxy and access logs; the page sends it in an
 * Authorization header. Only its sha256 is stored: reading the store does not give anyone
 * a working link, and a token too long to guess needs no slow hash.
 */
export interface Weblinks {
  issue(userId: number): Promise<{ token: string; expiresAt: Date }>;
  /** the user the token signs in, or undefined when it is unknown, revoked or expired */
  verify(token: string): Promise<number | undefined>;
  /** `/weblink off`: every link of the user stops working; returns how many were live */
  revoke(userId: number): Promise<number>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const createWeblinks = (deps: { store: WeblinkStore; days: number; now?: () => Date }): Weblinks => {
  const now = deps.now ?? (() => new Date());
  return {
    async issue(userId) {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const expiresAt = new Date(at.getTime() + deps.days * 86_400_000);
      await deps.store.add({ tokenHash: hashToken(token), userId, createdAt: at.toISOString(), expiresAt: expiresAt.toISOString() }, at);
      return { token, expiresAt };
    },
    async verify(token) {
      if (!TOKEN_PATTERN.test(token)) return undefined;
      return (await deps.store.find(hashToken(token), now()))?.userId;
    },
    revoke: (userId) => deps.store.revokeAll(userId, now()),
  };
};
