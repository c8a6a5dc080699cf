import { Composer, type Context } from 'telegraf';
import { createAnswerMessages } from '../answer-messages';
import type { BotDeps } from '../deps';
import type { Feature, FeatureFactory } from '../feature';
import { createRateLimit, type RateLimitOptions } from '../middleware/rate-limit';
import type { AlertsDeps } from './alerts-deps';
import { createAccessFeature } from './access';
import { createBindFeature } from './bind';
import { createFeedbackFeature } from './feedback';
import { createRemindFeature } from './remind';
import { createRemindSetFeature } from './remindset';
import { createExportFeature } from './export';
import { createReportFeature } from './report';
import type { BulletinFiles } from '../../supervision/bulletin-files';
import type { SupervisionDeps } from './supervision-deps';
import { createColumnMapping } from './column-mapping';
import { createDashboardFeature, type DashboardDeps } from './dashboard';
import { createDigestFeature } from './digest';
import { createSubscribeFeature } from './subscribe';
import { createUploadFeature } from './upload';
import { createYellowFeature } from './yellow';
import { createFallbackFeature } from './fallback';
import { createInlineFeature } from './inline';
import { createLookupFeature } from './lookup';
import { createPagesFeature } from './pages';
import { createStartFeature } from './start';

/**
 * The one place features are registered, in the order they see updates: a new command
 * is a file in this folder and a line here.
 * Order matters: access first (it stops strangers), the fallback last (it takes
 * any text nobody else wanted, and answers unknown buttons).
 *
 * The alerts features (subscribe, digest, yellow, upload, column mapping), present when the
 * composition root passes `alerts`, come right after access: the subscribe feature must
 * see /start (to re-activate a chat that had blocked the bot) before the start feature
 * answers it. They only take their own commands, buttons and documents and pass
 * everything else on; so does the dashboard's /dashboard and /weblink.
 */
const LOOKUP_FEATURES: readonly FeatureFactory[] = Object.freeze([createStartFeature, createLookupFeature, createPagesFeature, createInlineFeature]);

const alertFeatures = (alerts: AlertsDeps): FeatureFactory[] => {
  const columnMapping = createColumnMapping(alerts);
  return [createSubscribeFeature(alerts), createDigestFeature(alerts), createYellowFeature(alerts), createUploadFeature(alerts, columnMapping), columnMapping.feature];
};

const supervisionFeatures = (sv: SupervisionDeps): FeatureFactory[] => [createBindFeature(sv), createRemindFeature(sv), createRemindSetFeature(sv), createFeedbackFeature(sv)];

export interface OptionalFeatures {
  /** subscriptions, digests and admin uploads */
  alerts?: AlertsDeps;
  /** the supervision loop (督办): /bind, /remind, /remindset, 反馈, /feedback */
  supervision?: SupervisionDeps;
  /** /report (the bulletin, admins) and the 导出 button under lists */
  files?: BulletinFiles;
  /** /dashboard and /weblink, when the dashboard is served */
  dashboard?: DashboardDeps;
  /**
   * per-user flood control, placed before everything else so a flood costs one map
   * lookup per update; src/app.ts turns it on, tests that replay bursts leave it off
   */
  rateLimit?: RateLimitOptions;
}

export const createFeatures = (deps: BotDeps, optional: OptionalFeatures = {}): Feature[] => {
  const { alerts, dashboard, rateLimit, supervision, files } = optional;
  const featureDeps = { ...deps, answers: createAnswerMessages(deps, { exportButton: files !== undefined, remindButton: supervision !== undefined }) };
  const throttle: Feature[] = rateLimit ? [{ name: 'rate-limit', composer: new Composer<Context>().use(createRateLimit(rateLimit)) }] : [];
  // Supervision before the alerts features: a unit's reply may be a photo or a file, which the upload feature would take.
  const extra = [
    ...(supervision ? supervisionFeatures(supervision) : []),
    ...(alerts ? alertFeatures(alerts) : []),
    ...(files ? [createReportFeature(files), createExportFeature(files)] : []),
    ...(dashboard ? [createDashboardFeature(dashboard)] : []),
  ];
  return [...throttle, ...[createAccessFeature, ...extra, ...LOOKUP_FEATURES, createFallbackFeature].map((create) => create(featureDeps))];
};
