import type { Context } from 'telegraf';

/**
 * Ids for log lines, safe on any update. telegraf's `ctx.updateType` *throws*
 * on an update with no object field (`{ update_id: 5 }`), and a throw inside
 * the error handler would escape to the polling loop and stop it.
 */
export const updateInfo = (ctx: Context): { updateId: number | undefined; updateType: string; chatId: number | undefined } => {
  let updateType = 'unknown';
  try {
    updateType = ctx.updateType;
  } catch {
    // malformed update: keep 'unknown'
  }
  let chatId: number | undefined;
  try {
    chatId = ctx.chat?.id;
  } catch {
    chatId = undefined;
  }
  return { updateId: ctx.update?.update_id, updateType, chatId };
};
