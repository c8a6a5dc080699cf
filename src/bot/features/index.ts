import { createAnswerMessages } from '../answer-messages';
import type { BotDeps } from '../deps';
import type { Feature, FeatureFactory } from '../feature';
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
 * The alerts features (issue 5: subscribe, upload, digest) go between `inline`
 * and `fallback`: add their factories to `extra` from main.ts, or here.
 */
export const LOOKUP_FEATURES: readonly FeatureFactory[] = Object.freeze([
  createAccessFeature,
  createStartFeature,
  createLookupFeature,
  createPagesFeature,
  createInlineFeature,
]);

export const createFeatures = (deps: BotDeps, extra: readonly FeatureFactory[] = []): Feature[] => {
  const featureDeps = { ...deps, answers: createAnswerMessages(deps) };
  return [...LOOKUP_FEATURES, ...extra, createFallbackFeature].map((create) => create(featureDeps));
};
