import { verifyInitData } from './init-data';
import type { Weblinks } from './weblinks';

/**
 * Who is asking: every API call carries either Telegram's signed launch data
 * (`Authorization: tma <initData>`, inside Telegram) or a personal link's token
 * (`Authorization: Bearer <token>`, from /weblink in a browser). Either way the user must
 * pass ALLOWED_CHAT_IDS as in the chat (admins always do); nothing is answered otherwise.
 */
export interface WebUser {
  id: number;
  admin: boolean;
  via: 'telegram' | 'weblink';
}

export type AuthResult = { ok: true; user: WebUser } | { ok: false; reason: string };

export interface WebAuthDeps {
  botToken: string;
  weblinks: Weblinks;
  adminIds: readonly number[];
  /** empty → everyone */
  allowedChatIds: readonly number[];
  /** how old a Telegram launch may be */
  maxAgeSeconds: number;
}

export const createWebAuth = (deps: WebAuthDeps): ((authorization: string | undefined) => Promise<AuthResult>) => {
  const admins = new Set(deps.adminIds);
  const allowed = new Set(deps.allowedChatIds);
  const accept = (id: number, via: WebUser['via']): AuthResult =>
    allowed.size > 0 && !allowed.has(id) && !admins.has(id) ? { ok: false, reason: 'not-allowed' } : { ok: true, user: { id, admin: admins.has(id), via } };

  return async (authorization) => {
    const match = /^(tma|Bearer) (.+)$/.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'missing' };
    if (match[1] === 'tma') {
      const check = verifyInitData(match[2], deps.botToken, { maxAgeSeconds: deps.maxAgeSeconds });
      return check.ok ? accept(check.user.id, 'telegram') : { ok: false, reason: check.reason };
    }
    const userId = await deps.weblinks.verify(match[2] as string);
    return userId === undefined ? { ok: false, reason: 'bad-weblink' } : accept(userId, 'weblink');
  };
};
