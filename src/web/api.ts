import type { IncomingMessage, ServerResponse } from 'node:http';
import { isColumnName, isTableFileName, type ColumnMapping, type Upload } from '../import/upload';
import type { Logger } from '../logger';
import type { LogSampler } from '../limits/log-sampler';
import type { TokenBuckets } from '../limits/token-buckets';
import type { Engine } from '../qa/engine';
import type { AuthResult, WebUser } from './auth';
import { toBoard, type ReportInfo } from './board';
import { WEB_MESSAGES as M } from '../wording/dashboard';
import type { OpenedReport, ReportCatalog } from './reports';
import { jsonBody, readBody, send, sendJson, toBody, type Body } from './respond';
import type { OutgoingFile } from '../supervision/bulletin-files';
import type { UnitStatus } from '../supervision/status';
import type { FeedbackReply } from '../store/types';
import { searchReport } from './search';
import { toTargetDetail, type TargetDetail } from './target-detail';

/*
 * What each route answers, as the page (src/web/page/api.ts) reads it: the page imports these types,
 * so a field renamed here fails the page's type check instead of its users. `board` answers a Board
 * (board.ts), `search` a SearchResult (search.ts).
 */
export interface MeAnswer {
  user: Pick<WebUser, 'id' | 'admin' | 'via'>;
  reports: ReportInfo[];
}
export interface TargetAnswer extends TargetDetail {
  /** the units' replies (反馈) to this target in that period, newest first */
  replies: { unit: string; person: string; at: string; text: string; file: boolean }[];
}
export interface FeedbackAnswer {
  units: readonly UnitStatus[];
}
export interface UploadAnswer {
  stored: boolean;
  duplicate: boolean;
  summary: string;
}
/** a refused call: the message to show; an upload whose header lacks columns also says which */
export interface ErrorAnswer {
  error: string;
  mapping?: { missing: string[]; cells: string[]; chosen: ColumnMapping };
}

export interface ApiDeps {
  authenticate: (authorization: string | undefined) => Promise<AuthResult>;
  catalog: ReportCatalog;
  /** the upload use case (the same as the chat's and `npm run import`'s) */
  upload: Upload;
  maxUploadBytes: number;
  /** longer search texts are cut, as the chat cuts long questions */
  maxQuestionChars: number;
  /** per signed-in user: a script or a stuck client must not keep the replica busy for everyone */
  limit: TokenBuckets;
  /** the supervision loop's records (督办): replies in a target's detail, the overview for admins; absent: none */
  supervision?: {
    /** the replies of a report (its store id), oldest first */
    replies(reportId: number): Promise<readonly FeedbackReply[]>;
    /** the current period's reminded units and where each stands */
    overview(): Promise<readonly UnitStatus[]>;
  };
  /** the current period's bulletin (通报) as .docx and .xlsx, the same files /report sends; absent: 404 */
  bulletin?: () => Promise<Record<'docx' | 'xlsx', OutgoingFile>>;
  /**
   * per address, charged by requests that fail sign-in: a forger gets 429 once it is empty. A request
   * that signs in is never refused by it (behind a proxy every user shares the proxy's address).
   */
  unauthenticated: TokenBuckets;
  /** per address: the lines about refused sign-ins, sampled */
  refusalLog: LogSampler;
  logger: Logger;
}

type Route = (req: IncomingMessage, res: ServerResponse, user: WebUser, query: URLSearchParams) => Promise<void> | void;

/**
 * The dashboard's JSON API (paths relative to the API root): every route needs a signed-in
 * user (see auth.ts); without one the answer is 401 and carries no data. A user who sends more than
 * WEB_DEFAULTS.rateLimit allows gets 429 with Retry-After until a token is back.
 *
 * - GET  me                    → the user, whether admin, and the reports (newest first)
 * - GET  board?report=K        → the report's board (board.ts)
 * - GET  target?report=K&id=57 → one target with its history (target-detail.ts)
 * - GET  search?report=K&q=…   → the question engine's answer as 序号 (search.ts)
 * - GET  bulletin?format=docx  → the current period's bulletin as a download (format docx or xlsx)
 * - GET  feedback              → admins: the current period's reminded units, reminded when, replied or overdue
 * - POST upload                → admins: the body is a table, X-File-Name its name (URI-encoded), X-Columns the
 *                                admin's column answers (URI-encoded JSON); a header lacking columns gets 422 with `mapping`
 */
export const createApi = (deps: ApiDeps): ((req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => Promise<void>) => {
  // a 10,000-target board is ~1 MB of JSON: built and compressed once per engine, not per request
  const boards = new WeakMap<Engine, Body>();

  /** a route about one report (`?report=K`, the current one when absent) */
  const withReport =
    (handle: (report: OpenedReport, req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => void | Promise<void>): Route =>
    (req, res, _user, query) => {
      const opened = deps.catalog.open(query.get('report') ?? undefined);
      if (!opened) return sendJson(req, res, 404, { error: M.noReport });
      handle(opened, req, res, query);
    };

  const routes: Record<string, Record<string, Route>> = {
    GET: {
      me: (req, res, user) => sendJson(req, res, 200, { user: { id: user.id, admin: user.admin, via: user.via }, reports: deps.catalog.list() } satisfies MeAnswer),
      board: withReport(({ engine, info }, req, res) => {
        let body = boards.get(engine);
        if (!body) boards.set(engine, (body = jsonBody(toBoard(engine, info), true)));
        send(req, res, 200, body, { 'Cache-Control': 'no-store' });
      }),
      target: withReport(async ({ engine, info }, req, res, query) => {
        const id = (query.get('id') ?? '').trim();
        const detail = toTargetDetail(engine, id);
        if (!detail) return sendJson(req, res, 404, { error: M.noTarget(id.slice(0, 20)) });
        // the units' replies (反馈) of that period, newest first, as the chat's /item shows the latest
        const replies = deps.supervision ? (await deps.supervision.replies(Number(info.key))).filter((r) => r.target === detail.id).reverse() : [];
        sendJson(req, res, 200, { ...detail, replies: replies.map((r) => ({ unit: r.unit, person: r.person, at: r.at, text: r.text, file: r.file !== undefined })) } satisfies TargetAnswer);
      }),
      feedback: async (req, res, user) => {
        if (!user.admin) return sendJson(req, res, 403, { error: M.adminsOnly });
        sendJson(req, res, 200, { units: deps.supervision ? await deps.supervision.overview() : [] } satisfies FeedbackAnswer);
      },
      bulletin: async (req, res, user, query) => {
        const format = query.get('format') ?? '';
        if (format !== 'docx' && format !== 'xlsx') return sendJson(req, res, 400, { error: M.badFormat });
        if (!deps.bulletin) return sendJson(req, res, 404, { error: M.notFound });
        const file = (await deps.bulletin())[format];
        deps.logger.info({ userId: user.id, format, bytes: file.bytes.length }, 'bulletin downloaded from the dashboard');
        send(req, res, 200, toBody(file.bytes, file.mimeType), { 'Cache-Control': 'no-store', 'Content-Disposition': attachment(file.fileName) });
      },
      search: withReport(({ engine }, req, res, query) => sendJson(req, res, 200, searchReport(engine, query.get('q') ?? '', deps.maxQuestionChars))),
    },
    POST: {
      upload: async (req, res, user) => {
        if (!user.admin) return sendJson(req, res, 403, { error: M.adminsOnly });
        const name = decodeName(req.headers['x-file-name']);
        if (!isTableFileName(name)) return sendJson(req, res, 400, { error: M.wrongType(name) });
        const columns = decodeColumns(req.headers['x-columns']);
        if (columns === null) {
          req.resume();
          return sendJson(req, res, 400, { error: M.badColumns });
        }
        const bytes = await readBody(req, deps.maxUploadBytes);
        if (!bytes) return sendJson(req, res, 413, { error: M.tooLarge(Math.round(deps.maxUploadBytes / 1024 / 1024)) });
        const outcome = await deps.upload(bytes, name, 'dashboard', columns ? { columns } : {});
        deps.logger.info({ userId: user.id, file: name, outcome: outcome.kind }, 'table uploaded from the dashboard');
        if (outcome.kind === 'imported') {
          const { stored, duplicate } = outcome.result;
          return sendJson(req, res, 200, { stored, duplicate, summary: outcome.message } satisfies UploadAnswer);
        }
        if (outcome.kind === 'needs-columns') {
          // the page asks which header cell is which missing column, as the chat does with buttons
          const { missing, choices } = outcome;
          return sendJson(req, res, 422, { error: M.mappingAsk(missing), mapping: { missing, cells: choices.map((c) => c.cell), chosen: columns ?? {} } } satisfies ErrorAnswer);
        }
        sendJson(req, res, 422, { error: outcome.message });
      },
    },
  };

  return async (req, res, path, query) => {
    const route = routes[req.method === 'HEAD' ? 'GET' : (req.method ?? '')]?.[path];
    if (!route) {
      const known = Object.values(routes).some((r) => path in r);
      return sendJson(req, res, known ? 405 : 404, { error: known ? M.methodNotAllowed : M.notFound });
    }
    const auth = await deps.authenticate(req.headers.authorization);
    if (!auth.ok) {
      req.resume();
      const address = req.socket.remoteAddress ?? 'unknown';
      const { allowed, retryAfterMs } = deps.unauthenticated.take(address);
      const refused = deps.refusalLog.take(`${address} ${auth.reason}`);
      // the reason, never the header: it holds a signature or a personal token; one line per address and reason a minute
      if (refused !== undefined) deps.logger.info({ path, reason: auth.reason, address, refused, throttled: !allowed }, 'dashboard request refused');
      if (!allowed) return tooFast(req, res, retryAfterMs);
      return sendJson(req, res, auth.reason === 'not-allowed' ? 403 : 401, { error: auth.reason === 'not-allowed' ? M.notAllowed : M.unauthorized });
    }
    const { allowed, notify, retryAfterMs } = deps.limit.take(String(auth.user.id));
    if (!allowed) {
      if (notify) deps.logger.info({ path, userId: auth.user.id }, 'dashboard requests throttled');
      req.resume();
      return tooFast(req, res, retryAfterMs);
    }
    await route(req, res, auth.user, query);
  };
};

const tooFast = (req: IncomingMessage, res: ServerResponse, retryAfterMs: number): void =>
  send(req, res, 429, jsonBody({ error: M.tooFast }), { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)), 'Cache-Control': 'no-store' });

/** Most columns an admin maps at once: a table has about ten. */
const MAX_MAPPED = 20;

/**
 * X-Columns: the admin's answers, URI-encoded JSON { header as written: column name }.
 * undefined when absent; null when it is not such an object or names no column we know.
 */
const decodeColumns = (header: string | string[] | undefined): ColumnMapping | undefined | null => {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || entries.length > MAX_MAPPED) return null;
  const ok = entries.every(([cell, column]) => cell.trim() !== '' && cell.length <= 100 && typeof column === 'string' && isColumnName(column));
  return ok ? Object.fromEntries(entries as [string, string][]) : null;
};

const decodeName = (header: string | string[] | undefined): string => {
  const raw = Array.isArray(header) ? header[0] : header;
  try {
    return (
      decodeURIComponent(raw ?? '')
        .replace(/[/\\]/g, '_')
        .slice(0, 200) || 'table'
    );
  } catch {
    return 'table';
  }
};

/** Content-Disposition for a download: an ASCII stand-in for old clients, the real (Chinese) name per RFC 6266/5987. */
const attachment = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};
