import { Composer, type Context } from 'telegraf';
import type { AskKind } from '../deps';
import type { Feature, FeatureDeps } from '../feature';
import { LOOKUP_COMMANDS, MESSAGES, usageFor } from '../../wording/chat';

/**
 * The lookup commands: /help, /item N, /unit NAME, /leader NAME, /lagging,
 * /stats, /search TEXT. Each asks the engine for one kind of answer, so the
 * reply has the same content as `npm run ask` for that question.
 * telegraf matches /cmd@thisbot and ignores /cmd@otherbot in groups.
 */
const WITH_ARGUMENT = ['item', 'unit', 'leader', 'search'] as const;
const WITHOUT_ARGUMENT = ['help', 'lagging', 'stats'] as const;

export const createLookupFeature = (deps: FeatureDeps): Feature => {
  const composer = new Composer<Context>();

  for (const kind of WITH_ARGUMENT) {
    composer.command(kind, async (ctx) => {
      const arg = ctx.payload.trim().slice(0, deps.settings.maxQuestionChars);
      if (arg === '') return void (await ctx.reply(MESSAGES.missingArgument(usageFor(deps.engine().examples())[kind])));
      await deps.answers.reply(ctx, { as: kind satisfies AskKind, arg });
    });
  }
  for (const kind of WITHOUT_ARGUMENT) {
    composer.command(kind, (ctx) => deps.answers.reply(ctx, { as: kind satisfies AskKind }));
  }

  return { name: 'lookup', composer, commands: LOOKUP_COMMANDS.filter((c) => c.command !== 'start') };
};
