import type { WebAppConfig } from '../config';
import type { RequestHandler } from '../http/server';
import type { Logger } from '../logger';
import type { Report } from '../model';
import { createLogSampler } from '../limits/log-sampler';
import { createTokenBuckets, type TokenBucketOptions } from '../limits/token-buckets';
import type { Engine } from '../qa/engine';
import type { Upload } from '../import/upload';
import type { StoredReport } from '../store/types';
import type { WeblinkStore } from '../store/weblinks';
import { createApi, type ApiDeps } from './api';
import type { OutgoingFile } from '../supervision/bulletin-files';
import { loadAssets } from './assets';
import { createWebAuth } from './auth';
import { createReportCatalog } from './reports';
import { createWebHandler } from './server';
import { createWeblinks, type Weblinks } from './weblinks';

export const WEB_DEFAULTS = Object.freeze({
  /** a Telegram launch older than this gets 401: init data lingers in history and screenshots */
  initDataMaxAgeSeconds: 24 * 60 * 60,
  /** engines of older quarters kept built at once */
  pastEngines: 3,
  /** per user: a page load takes 2–3 requests and a search one per pause in typing; a script gets 429 */
  rateLimit: Object.freeze({ burst: 60, perSecond: 10, noticeIntervalMs: 60_000, maxKeys: 10_000 }),
  /** per address, requests that fail sign-in: a page opened with a stale link retries a few times, a forger gets 429 */
  unauthenticatedLimit: Object.freeze({ burst: 30, perSecond: 0.5, noticeIntervalMs: 60_000, maxKeys: 10_000 }),
  /** at most one line about refused sign-ins per address and reason per this many ms */
  refusalLogIntervalMs: 60_000,
});

export interface DashboardDeps {
  webapp: Readonly<WebAppConfig>;
  botToken: string;
  adminIds: readonly number[];
  allowedChatIds: readonly number[];
  /** every stored report, oldest first */
  history: () => readonly StoredReport[];
  /** the chat's engine over the current report */
  current: () => Engine;
  /** builds an engine over an older report, the way the app builds the current one */
  build: (report: Report) => Engine;
  /** the same upload use case as the chat's and `npm run import`'s */
  upload: Upload;
  maxUploadBytes: number;
  maxQuestionChars: number;
  weblinkStore: WeblinkStore;
  /** the supervision loop's records: replies in a target's detail, the overview for admins */
  supervision?: ApiDeps['supervision'];
  /** the current period's bulletin (通报) files, the same as /report's; the download answers 404 without it */
  bulletin?: () => Promise<Record<'docx' | 'xlsx', OutgoingFile>>;
  /** WEB_DEFAULTS.rateLimit by default */
  rateLimit?: Partial<TokenBucketOptions>;
  logger: Logger;
}

export interface Dashboard {
  /** serves the page and its API under the path of WEBAPP_URL; 404 for anything else */
  handler: RequestHandler;
  weblinks: Weblinks;
}

/** The dashboard's parts, assembled: the page's files, the API behind sign-in, the report catalogue. */
export const createDashboard = (deps: DashboardDeps): Dashboard => {
  const weblinks = createWeblinks({ store: deps.weblinkStore, days: deps.webapp.weblinkDays });
  const authenticate = createWebAuth({
    botToken: deps.botToken,
    weblinks,
    adminIds: deps.adminIds,
    allowedChatIds: deps.allowedChatIds,
    maxAgeSeconds: WEB_DEFAULTS.initDataMaxAgeSeconds,
  });
  const catalog = createReportCatalog({ history: deps.history, current: deps.current, build: deps.build, cacheSize: WEB_DEFAULTS.pastEngines });
  const api = createApi({
    authenticate,
    catalog,
    upload: deps.upload,
    ...(deps.bulletin ? { bulletin: deps.bulletin } : {}),
    ...(deps.supervision ? { supervision: deps.supervision } : {}),
    maxUploadBytes: deps.maxUploadBytes,
    maxQuestionChars: deps.maxQuestionChars,
    limit: createTokenBuckets({ ...WEB_DEFAULTS.rateLimit, ...deps.rateLimit }),
    unauthenticated: createTokenBuckets(WEB_DEFAULTS.unauthenticatedLimit),
    refusalLog: createLogSampler({ intervalMs: WEB_DEFAULTS.refusalLogIntervalMs, maxKeys: WEB_DEFAULTS.unauthenticatedLimit.maxKeys }),
    logger: deps.logger,
  });
  return { handler: createWebHandler({ basePath: deps.webapp.basePath, assets: loadAssets(), api }), weblinks };
};
