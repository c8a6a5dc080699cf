import { Composer, type Context } from 'telegraf';
import type { BulletinFiles } from '../../supervision/bulletin-files';
import { BULLETIN_MESSAGES as M } from '../../wording/bulletin';
import { MESSAGES } from '../../wording/chat';
import { decodeCallback } from '../callback-data';
import type { Feature, FeatureFactory } from '../feature';
import { replyWithFile } from '../send-file';

/**
 * The 导出 button under a list: asks the list's question again (the key the page buttons use:
 * self-describing, or a question kept in the ButtonStore) and sends its targets, in the list's
 * order, as a spreadsheet. A button of an older report or an expired question is told so, as
 * the page buttons are.
 */
export const createExportFeature =
  (files: BulletinFiles): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (data?.type !== 'export') return next();
      // a button under an inline-mode message has no chat to send the file to
      if (!ctx.chat) return void (await ctx.answerCbQuery(M.exportInPrivate));
      const engine = deps.engine();
      if (data.version !== deps.answers.pageKeys.version(engine.report)) return void (await ctx.answerCbQuery(MESSAGES.outdated));
      const origin = await deps.answers.pageKeys.originOf(engine.report, data.key);
      if (origin === undefined) return void (await ctx.answerCbQuery(MESSAGES.expired));
      const targets = deps.answers.ask(engine, origin).answer.hits.map((hit) => hit.target);
      if (targets.length === 0) return void (await ctx.answerCbQuery(M.exportEmpty));
      await ctx.answerCbQuery(M.exporting);
      const file = await files.targets(targets);
      deps.logger.info({ chatId: ctx.chat.id, targets: targets.length, bytes: file.bytes.length }, 'list exported');
      await replyWithFile(ctx, file, M.exportCaption(targets.length));
    });
    return { name: 'export', composer };
  };
