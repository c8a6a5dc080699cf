import { randomInt } from 'node:crypto';
import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { AlertsDeps } from './alerts-deps';
import { ALERT_MESSAGES as M } from '../../wording/alerts';
import { toImportSummary } from '../../import/summary';
import { COLUMNS } from '../../model';
import { columnOf } from '../../table/columns';
import { TableError } from '../../table/errors';
import { MissingColumnError, type HeaderProblem } from '../../table/header';
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
    const missing = p.header.missing[0]!;
    const used = new Set(Object.keys(p.columns));
    // Cells nothing recognised first: the missing column is most likely among them.
    const cells = p.header.cells
      .map((cell, index) => ({ cell: cell.trim(), index }))
      .filter(({ cell }) => cell && !used.has(cell))
      .sort((a, b) => Number(columnOf(a.cell) !== undefined) - Number(columnOf(b.cell) !== undefined) || a.index - b.index)
      .slice(0, maxButtons);
    const buttons: InlineKeyboardButton[] = cells.map(({ cell, index }) => ({ text: cell.slice(0, 30), callback_data: encodeCallback({ type: 'column', round: p.round, cell: index }) }));
    const rows: InlineKeyboardButton[][] = [];
    for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
    rows.push([{ text: M.mappingCancel, callback_data: encodeCallback({ type: 'column', round: p.round, cell: 'cancel' }) }]);
    return { text: M.mappingAsk(p.fileName, COLUMNS[missing], p.header.missing.map((k) => COLUMNS[k])), markup: { inline_keyboard: rows } };
  };

  /** Asks about the first missing column of a table the importer refused. */
  const ask = async (ctx: Context, table: { fileId: string; fileName: string; header: HeaderProblem; columns?: Record<string, string> }): Promise<void> => {
    const p: Pending = { ...table, columns: table.columns ?? {}, round: randomInt(ROUNDS), expires: now() + ttlMs };
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
      if (!admins.has(ctx.from.id) || !p || p.round !== data.round || p.expires < now() || !(await pending.delete(SCOPE, key!))) {
        return void (await ctx.answerCbQuery(M.mappingStale));
      }
      await ctx.answerCbQuery();
      if (data.cell === 'cancel') return void (await ctx.editMessageText(M.mappingCancelled).catch(() => undefined));

      const cell = p.header.cells[data.cell]?.trim();
      if (!cell) return void (await ctx.reply(M.mappingStale));
      const column = COLUMNS[p.header.missing[0]!];
      const columns = { ...p.columns, [cell]: column };
      // Double taps give "message is not modified": harmless.
      await ctx.editMessageText(M.mappingChosen(cell, column)).catch(() => undefined);
      const bytes = await downloadDocument(ctx.telegram, p.fileId, alerts);
      if (bytes === undefined) return void (await ctx.reply(M.uploadTooLarge(alerts.maxUploadBytes)));
      try {
        const result = await alerts.importTable(bytes, p.fileName, { columns });
        deps.logger.info({ userId: ctx.from.id, file: p.fileName, columns }, 'table imported after column mapping');
        await ctx.reply(`${toImportSummary(result)}\n${M.mappingRemembered}`);
      } catch (err) {
        if (err instanceof MissingColumnError) return ask(ctx, { fileId: p.fileId, fileName: p.fileName, header: err.header, columns });
        if (!(err instanceof TableError)) throw err;
        await ctx.reply(M.uploadFailed(err.message));
      }
    });

    return { name: 'column-mapping', composer };
  };

  return { ask, feature };
};

export type ColumnMapping = ReturnType<typeof createColumnMapping>;
