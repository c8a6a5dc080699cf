import { randomInt } from 'node:crypto';
import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { AlertsDeps } from './alerts-deps';
import { ALERT_MESSAGES as M } from '../../wording/alerts';
import type { HeaderChoice, HeaderProblem } from '../../import/upload';
import type { FeatureFactory } from '../feature';
import { decodeCallback, encodeCallback } from '../callback-data';
import { downloadDocument } from '../download';

/**
 * An uploaded table waiting for the admin to say which column is which: JSON in the store, so the
 * answer may land on another replica. The file is not kept: it is fetched again by its file_id.
 */
interface Pending {
  fileId: string;
  fileName: string;
  header: HeaderProblem;
  /** the missing columns' names, the first asked now */
  missing: string[];
  /** the header cells offered, likeliest first */
  choices: HeaderChoice[];
  /** the answers so far: header as written → canonical column name */
  columns: Record<string, string>;
  /** drawn at random for every question, so a button of an earlier question is stale on every replica */
  round: number;
  expires: number;
}

export const COLUMN_MAPPING_DEFAULTS = Object.freeze({
  /** an unanswered question is dropped after this long */
  ttlMs: 30 * 60_000,
  /** header cells offered as buttons; a wider header is unusual, and the rest are reachable by --column */
  maxButtons: 24,
});

/**
 * The chat side of column mapping. When an admin's table lacks a required
 * column, the upload feature hands it here: the bot asks, with one button per
 * header cell, which one is the missing column, imports again with the answer,
 * asks for the next missing column if any, and on success the importer
 * remembers the mapping, so the same office's next table needs no questions.
 *
 * One pending table per chat, in the store (alerts.chatState) under the chat's
 * id: the next answer may reach any replica, or a restarted process.
 */
const SCOPE = 'column-mapping';
/** round numbers fit `cm:<round>:…` in callback_data */
const ROUNDS = 1_000_000;

export const createColumnMapping = (alerts: AlertsDeps, options: Partial<typeof COLUMN_MAPPING_DEFAULTS> = {}, now: () => number = Date.now) => {
  const { ttlMs, maxButtons } = { ...COLUMN_MAPPING_DEFAULTS, ...options };
  const pending = alerts.chatState;

  const question = (p: Pending): { text: string; markup: InlineKeyboardMarkup } => {
    const used = new Set(Object.keys(p.columns));
    const cells = p.choices.filter(({ cell }) => !used.has(cell)).slice(0, maxButtons);
    const buttons: InlineKeyboardButton[] = cells.map(({ cell, index }) => ({ text: cell.slice(0, 30), callback_data: encodeCallback({ type: 'column', round: p.round, cell: index }) }));
    const rows: InlineKeyboardButton[][] = [];
    for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
    rows.push([{ text: M.mappingCancel, callback_data: encodeCallback({ type: 'column', round: p.round, cell: 'cancel' }) }]);
    return { text: M.mappingAsk(p.fileName, p.missing[0]!, p.missing), markup: { inline_keyboard: rows } };
  };

  /** Asks about the first missing column of a table the importer refused. */
  const ask = async (ctx: Context, table: { fileId: string; fileName: string; header: HeaderProblem; missing: string[]; choices: HeaderChoice[]; columns?: Record<string, string> }): Promise<void> => {
    const p: Pending = {
      fileId: table.fileId,
      fileName: table.fileName,
      header: table.header,
      missing: table.missing,
      choices: table.choices,
      columns: table.columns ?? {},
      round: randomInt(ROUNDS),
      expires: now() + ttlMs,
    };
    await pending.put(SCOPE, String(ctx.chat!.id), p);
    const { text, markup } = question(p);
    await ctx.reply(text, { reply_markup: markup });
  };

  const feature: FeatureFactory = (deps) => {
    const composer = new Composer<Context>();
    const admins = new Set(deps.access.adminIds);

    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (data?.type !== 'column') return next();
      const key = ctx.chat === undefined ? undefined : String(ctx.chat.id);
      const p = key === undefined ? undefined : await pending.get<Pending>(SCOPE, key);
      // Deleting is the claim: of two taps at once, on one replica or two, one goes on.
      // (a question stored by the previous version, without `missing`, is stale too)
      if (!admins.has(ctx.from.id) || !p?.missing || p.round !== data.round || p.expires < now() || !(await pending.delete(SCOPE, key!))) {
        return void (await ctx.answerCbQuery(M.mappingStale));
      }
      await ctx.answerCbQuery();
      if (data.cell === 'cancel') return void (await ctx.editMessageText(M.mappingCancelled).catch(() => undefined));

      const cell = p.header.cells[data.cell]?.trim();
      if (!cell) return void (await ctx.reply(M.mappingStale));
      const column = p.missing[0]!;
      const columns = { ...p.columns, [cell]: column };
      // Double taps give "message is not modified": harmless.
      await ctx.editMessageText(M.mappingChosen(cell, column)).catch(() => undefined);
      const bytes = await downloadDocument(ctx.telegram, p.fileId, alerts);
      if (bytes === undefined) return void (await ctx.reply(M.uploadTooLarge(alerts.maxUploadBytes)));
      const outcome = await alerts.upload(bytes, p.fileName, 'chat', { columns });
      deps.logger.info({ userId: ctx.from.id, file: p.fileName, columns, outcome: outcome.kind }, 'table uploaded again with column answers');
      if (outcome.kind === 'needs-columns') return ask(ctx, { fileId: p.fileId, fileName: p.fileName, ...outcome, columns });
      await ctx.reply(outcome.kind === 'imported' ? `${outcome.message}\n${M.mappingRemembered}` : outcome.message);
    });

    return { name: 'column-mapping', composer };
  };

  return { ask, feature };
};

export type ColumnMapping = ReturnType<typeof createColumnMapping>;
