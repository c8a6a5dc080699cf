import { Composer, type Context } from 'telegraf';
import { createAnswerMessages } from '../answer-messages';
import type { BotDeps } from '../deps';
import type { Feature, FeatureFactory } from '../feature';
import { createRateLimit, type RateLimitOptions } from '../middleware/rate-limit';
import { createAccessFeature } from './access';
import { createFallbackFeature } from './fallback';
import { createInlineFeature } from './inline';
import { createLookupFeature } from './lookup';
import { createPagesFeature } from './pages';
import { createStartFeature } from './start';

/**
 * The one place features are registered, in the order they see updates.
 * Order matters: access first (it stops strangers), the fallback last (it takes
 * any text nobody else wanted, and answers unknown buttons).
 *
 * The alerts features (subscribe, digest, yellow, upload, column mapping) come in `extra` from
 * src/app.ts, right after access: the subscribe feature must see /start (to re-activate
 * a chat that had blocked the bot) before the start feature answers it. They only
 * take their own commands, buttons and documents and pass everything else on.
 */
const LOOKUP_FEATURES: readonly FeatureFactory[] = Object.freeze([createStartFeature, createLookupFeature, createPagesFeature, createInlineFeature]);

/**
 * @param extra the alerts features, placed right after access
 * @param rateLimit per-user flood control, placed before everything else so a flood costs
 *   one map lookup per update; src/app.ts turns it on, tests that replay bursts leave it off
 */
export const createFeatures = (deps: BotDeps, extra: readonly FeatureFactory[] = [], rateLimit?: RateLimitOptions): Feature[] => {
  const featureDeps = { ...deps, answers: createAnswerMessages(deps) };
  const throttle: Feature[] = rateLimit ? [{ name: 'rate-limit', composer: new Composer<Context>().use(createRateLimit(rateLimit)) }] : [];
  return [...throttle, ...[createAccessFeature, ...extra, ...LOOKUP_FEATURES, createFallbackFeature].map((create) => create(featureDeps))];
};
