import { Composer, type Context } from 'telegraf';
import type { AlertsDeps } from './alerts-deps';
import { ALERT_MESSAGES as M } from '../../wording/alerts';
import { isTableFileName } from '../../import/upload';
import { downloadDocument } from '../download';
import type { Feature, FeatureFactory } from '../feature';
import type { ColumnMapping } from './column-mapping';

/**
 * An admin (ADMIN_IDS) sends a progress table (TSV, CSV or XLSX) to the bot in a
 * private chat: the size is checked before downloading (getFile stops at 20 MB),
 * the file goes through the same importer as `npm run import`, and the reply is
 * the import summary. The importer's onImported enqueues the alerts; sending
 * happens in the delivery worker, not in this handler.
 *
 * Anyone else's file in a private chat gets a polite refusal; files in groups
 * are chatter and ignored.
 */
export const createUploadFeature =
  (alerts: AlertsDeps, mapping: Pick<ColumnMapping, 'ask'>): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const admins = new Set(deps.access.adminIds);

    composer.on('document', async (ctx, next) => {
      if (ctx.chat.type !== 'private') return next();
      if (!admins.has(ctx.from.id)) {
        deps.logger.info({ userId: ctx.from.id }, 'table upload from a non-admin refused');
        return void (await ctx.reply(M.uploadNotAdmin));
      }
      const doc = ctx.message.document;
      const name = doc.file_name ?? 'table';
      if (!isTableFileName(name)) return void (await ctx.reply(M.uploadWrongType(name)));
      if (doc.file_size !== undefined && doc.file_size > alerts.maxUploadBytes) {
        return void (await ctx.reply(M.uploadTooLarge(alerts.maxUploadBytes)));
      }
      const bytes = await downloadDocument(ctx.telegram, doc.file_id, alerts);
      if (bytes === undefined) return void (await ctx.reply(M.uploadTooLarge(alerts.maxUploadBytes)));
      const outcome = await alerts.upload(bytes, name, 'chat');
      deps.logger.info({ userId: ctx.from.id, file: name, outcome: outcome.kind, ...(outcome.kind === 'rejected' ? { problem: outcome.problem.code } : {}) }, 'table uploaded');
      // A header that names too few columns: ask which column is which, with buttons.
      if (outcome.kind === 'needs-columns') return mapping.ask(ctx, { fileId: doc.file_id, fileName: name, ...outcome });
      await ctx.reply(outcome.message);
    });

    return { name: 'upload', composer };
  };
