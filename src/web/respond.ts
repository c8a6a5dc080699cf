import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/**
 * Every response of the dashboard goes out here, with the headers that keep it on the
 * bot's own host: the Content-Security-Policy allows scripts, styles, images and API calls
 * from this origin only (no CDN, no telegram.org script), and framing only by Telegram's
 * web clients, which show a Mini App in an iframe.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://*.telegram.org",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/** Below this, gzip's header costs more than it saves. */
const GZIP_MIN_BYTES = 1024;

export interface Body {
  bytes: Buffer;
  /** gzip of `bytes`, made once for bodies sent many times (assets, a report's board) */
  gzipped?: Buffer;
  type: string;
}

export const toBody = (bytes: Buffer, type: string, precompress = false): Body => ({
  bytes,
  type,
  ...(precompress && bytes.length >= GZIP_MIN_BYTES ? { gzipped: gzipSync(bytes) } : {}),
});

export const jsonBody = (value: unknown, precompress = false): Body => toBody(Buffer.from(JSON.stringify(value)), 'application/json; charset=utf-8', precompress);

export const send = (req: IncomingMessage, res: ServerResponse, status: number, body: Body, headers: Record<string, string> = {}): void => {
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const gzipped = acceptsGzip ? (body.gzipped ?? (body.bytes.length >= GZIP_MIN_BYTES ? gzipSync(body.bytes) : undefined)) : undefined;
  const payload = gzipped ?? body.bytes;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': body.type,
    'Content-Length': String(payload.length),
    Vary: 'Accept-Encoding',
    ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
};

export const sendJson = (req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void =>
  // API answers hold the office's data: never kept by a shared cache
  send(req, res, status, jsonBody(value), { 'Cache-Control': 'no-store' });

/** Reads a request body up to `limit` bytes; undefined when it is larger (the rest is not read into memory). */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
