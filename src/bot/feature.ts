import type { Composer, Context } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { AnswerMessages } from './answer-messages';
import type { BotDeps } from './deps';

/**
 * One feature = one file in src/bot/features/ exporting `createXFeature(deps)`.
 * `commands` go to setMyCommands in registration order.
 */
export interface Feature {
  name: string;
  composer: Composer<Context>;
  commands?: readonly BotCommand[];
}

/** What every feature gets: the composition root's deps plus helpers shared by the lookup features. */
export type FeatureDeps = BotDeps & { answers: AnswerMessages };

export type FeatureFactory = (deps: FeatureDeps) => Feature;
