import type { Context } from 'telegraf';
import type { OutgoingFile } from '../supervision/bulletin-files';
import { BULLETIN_MESSAGES as M } from '../wording/bulletin';
import { replyExtra } from './answer-messages';

/** Bots may upload files up to 50 MB (multipart sendDocument); a larger one would come back 413. */
export const MAX_UPLOAD_MB = 50;

/**
 * Sends a file to the update's chat as a Telegram document, or says why not: over Telegram's
 * upload limit the person gets a sentence (the dashboard serves any size) instead of a 413.
 * The file's name is already safe (safeFileName); the caption is fitted to 1024 by the transport.
 */
export const replyWithFile = async (ctx: Context, file: OutgoingFile, caption: string): Promise<void> => {
  if (file.bytes.length > MAX_UPLOAD_MB * 1024 * 1024) return void (await ctx.reply(M.tooLarge(MAX_UPLOAD_MB), replyExtra(ctx)));
  await ctx.replyWithDocument({ source: file.bytes, filename: file.fileName }, { caption, ...replyExtra(ctx) });
};
