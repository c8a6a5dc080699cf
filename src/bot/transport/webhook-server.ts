import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';
import { startHttpServer, type RequestHandler } from '../../http/server';
import type { Logger } from '../../logger';
import { hasUpdateId } from './update-batch';

/**
 * The HTTP endpoint Telegram posts updates to, in place of telegraf's, which reads
 * any body whole (200 MB were buffered in a test), never answers a `null` body, and
 * awaits the handler before answering.
 *
 * - only POST to `path` with the secret in X-Telegram-Bot-Api-Secret-Token, compared in
 *   constant time, is an update; every other request goes to `otherRequests` (the dashboard),
 *   or is answered 403 (the webhook path) or 404;
 * - the body is capped at `maxBodyBytes` while it is read (413, connection closed);
 * - a body that is not an update (bad JSON, `null`, no numeric update_id) → 400;
 * - an update is answered 200 once it is handled (`onUpdate` resolved), not before: a 200
 *   confirms it, and Telegram never sends a confirmed update again, so a crash between
 *   an early 200 and the handler would lose it. Telegram holds up to 40 connections
 *   (setWebhook's max_connections) and waits about a minute for an answer; a handler
 *   takes milliseconds, 15 s at most with a hung Bot API call (the call timeout), and
 *   a reply held by a 429 is queued without holding the handler. A request whose handler
 *   failed is still answered 200: the error boundary answered the user, and a resend
 *   would only fail again.
 */
export interface WebhookServerOptions {
  port: number;
  host?: string | undefined;
  path: string;
  secret: string;
  maxBodyBytes?: number;
  /** resolves once the update is handled; the 200 waits for it */
  onUpdate: (update: Update) => Promise<void>;
  /** what serves every request that is not a POST to `path` (the dashboard shares the port) */
  otherRequests?: RequestHandler | undefined;
  logger: Logger;
}

export const WEBHOOK_DEFAULTS = Object.freeze({ maxBodyBytes: 1024 * 1024 });

export interface WebhookServer {
  readonly port: number;
  close(): Promise<void>;
}

export const startWebhookServer = async (options: WebhookServerOptions): Promise<WebhookServer> => {
  const maxBodyBytes = options.maxBodyBytes ?? WEBHOOK_DEFAULTS.maxBodyBytes;
  const expected = Buffer.from(options.secret);

  const answer = (res: ServerResponse, status: number): void => {
    if (!res.headersSent) res.writeHead(status, { 'content-length': 0 });
    res.end();
  };

  const hasSecret = (req: IncomingMessage): boolean => {
    const given = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    return a.length === expected.length && timingSafeEqual(a, expected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Without the secret a request is not Telegram's: the shared listener (or a 403) answers it, as telegraf's filter did.
    const forTelegram = req.method === 'POST' && req.url === options.path;
    if (!forTelegram || !hasSecret(req)) {
      if (options.otherRequests) return options.otherRequests(req, res);
      return answer(res, forTelegram ? 403 : 404);
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) return refuseLarge(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) return refuseLarge(req, res);
      chunks.push(chunk);
    }
    const update = parseUpdate(Buffer.concat(chunks).toString('utf8'));
    if (!update) {
      options.logger.warn({ bytes: size }, 'webhook body is not an update; answered 400');
      return answer(res, 400);
    }
    await options.onUpdate(update);
    answer(res, 200);
  };

  const refuseLarge = (req: IncomingMessage, res: ServerResponse): void => {
    options.logger.warn({ limit: maxBodyBytes }, 'webhook body over the size limit; answered 413');
    res.writeHead(413, { connection: 'close', 'content-length': 0 });
    res.end();
    // Stop reading the rest of a body we will not use.
    req.destroy();
  };

  // The guard (src/http/server.ts) answers anything the handler throws, the dashboard's included.
  return startHttpServer(handle, { port: options.port, host: options.host, logger: options.logger, what: 'webhook' });
};

const parseUpdate = (body: string): Update | undefined => {
  try {
    const value: unknown = JSON.parse(body);
    // the same test as for an entry of getUpdates: an object with a non-negative integer update_id
    return hasUpdateId(value) ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
};
