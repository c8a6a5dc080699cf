import { Composer, type Context } from 'telegraf';
import type { BulletinFiles } from '../../supervision/bulletin-files';
import { BULLETIN_COMMANDS, BULLETIN_MESSAGES as M } from '../../wording/bulletin';
import { replyExtra } from '../answer-messages';
import type { Feature, FeatureFactory } from '../feature';
import { replyWithFile } from '../send-file';

/**
 * /report (admins, ADMIN_IDS): the current period's bulletin (通报) as two documents, the Word
 * file to print and sign and the spreadsheet to work on. Anyone else is told it is for admins.
 */
export const createReportFeature =
  (files: BulletinFiles): FeatureFactory =>
  (deps): Feature => {
    const admins = new Set(deps.access.adminIds);
    const composer = new Composer<Context>();
    composer.command('report', async (ctx) => {
      if (!admins.has(ctx.from.id)) return void (await ctx.reply(M.reportAdminsOnly, replyExtra(ctx)));
      const { title, docx, xlsx } = await files.bulletin();
      deps.logger.info({ chatId: ctx.chat.id, userId: ctx.from.id, docxBytes: docx.bytes.length, xlsxBytes: xlsx.bytes.length }, 'bulletin sent');
      await replyWithFile(ctx, docx, M.reportCaption(title));
      await replyWithFile(ctx, xlsx, M.reportSheetCaption(title));
    });
    return { name: 'report', composer, commands: BULLETIN_COMMANDS };
  };
