import { Composer, type Context } from 'telegraf';
import { isForeignCommand, questionFor } from '../addressing';
import type { Feature, FeatureDeps } from '../feature';
import { MESSAGES } from '../../wording/chat';

/**
 * Registered last. Free text addressed to the bot (any private message; in groups
 * a mention or a reply to the bot) goes to the question engine. A callback no
 * earlier feature recognised (forged, or from an older version of the bot) gets a
 * short answer so the button stops spinning. Everything else — group chatter,
 * stickers, edits, unknown update types — is deliberately ignored.
 */
export const createFallbackFeature = (deps: FeatureDeps): Feature => {
  const composer = new Composer<Context>();

  composer.on('text', async (ctx) => {
    // An unknown /command in a group is probably for another bot; in private it is still a question.
    if (ctx.chat.type !== 'private' && isForeignCommand(ctx.message.text, ctx.botInfo.username)) return;
    const question = questionFor(ctx);
    if (question === undefined) return;
    // "@bot" alone, or a reply to the bot with only whitespace: say what can be asked.
    if (question === '') return deps.answers.reply(ctx, { as: 'help' });
    await deps.answers.reply(ctx, { as: 'ask', question: question.slice(0, deps.settings.maxQuestionChars) });
  });

  composer.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(MESSAGES.unknownButton);
  });

  return { name: 'fallback', composer };
};
