import { Composer, type Context } from 'telegraf';
import { decodeCallback } from '../callback-data';
import type { Feature, FeatureDeps } from '../feature';
import { MESSAGES } from '../../wording/chat';
import { classifyError } from '../transport';

/**
 * The buttons under a list: ◀ n/m ▶ edits the message in place to another page;
 * 第N项 sends that target's detail as a new message (the list stays where it was).
 *
 * Stale buttons are normal, not errors: an expired free-text question, a page of
 * an older report, a target that is no longer in the data, a double tap. Each gets
 * a short answerCallbackQuery and nothing else.
 */
export const createPagesFeature = (deps: FeatureDeps): Feature => {
  const composer = new Composer<Context>();

  composer.on('callback_query', async (ctx, next) => {
    const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
    if (data === undefined || (data.type !== 'page' && data.type !== 'detail' && data.type !== 'noop')) return next();

    if (data.type === 'noop') return void (await ctx.answerCbQuery());

    if (data.type === 'detail') {
      // A button under an inline-mode message (or a forged one) has no chat to send the detail to.
      if (!ctx.chat) return void (await ctx.answerCbQuery(MESSAGES.detailInPrivate(data.id)));
      const engine = deps.engine();
      if (!engine.report.targets.some((t) => t.id === data.id)) return void (await ctx.answerCbQuery(MESSAGES.targetGone(data.id)));
      await ctx.answerCbQuery();
      const message = await deps.answers.build({ as: 'item', arg: data.id }, 1);
      // the target opened is what a follow-up (是谁牵头的, 滞后吗) is about now
      await deps.answers.remember(ctx, message);
      await ctx.reply(message.text, { parse_mode: 'HTML', ...(message.markup ? { reply_markup: message.markup } : {}) });
      return;
    }

    const report = deps.engine().report;
    if (data.version !== deps.answers.pageKeys.version(report)) return void (await ctx.answerCbQuery(MESSAGES.outdated));
    const origin = await deps.answers.pageKeys.originOf(report, data.key);
    if (origin === undefined) return void (await ctx.answerCbQuery(MESSAGES.expired));
    const message = await deps.answers.build(origin, data.page, data.key, ctx);
    if (message.page !== data.page) return void (await ctx.answerCbQuery(MESSAGES.expired));
    // the list paged is the conversation's latest: 第三个 now counts along it
    await deps.answers.remember(ctx, message);
    try {
      await ctx.editMessageText(message.text, { parse_mode: 'HTML', ...(message.markup ? { reply_markup: message.markup } : {}) });
    } catch (err) {
      // A double tap on the same arrow asks for the page already shown; a deleted message cannot be edited.
      const kind = classifyError(err).kind;
      if (kind !== 'not-modified' && kind !== 'stale') throw err;
    }
    await ctx.answerCbQuery();
  });

  return { name: 'pages', composer };
};
