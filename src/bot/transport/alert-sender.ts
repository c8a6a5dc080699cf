import type { Telegram } from 'telegraf';
import type { SendMessage } from '../../alerts/worker';
import type { Transport } from './send';

/** The delivery worker's send port over the bot's transport: HTML, no link preview, silent when asked. */
export const alertSender =
  (transport: Transport, telegram: Telegram): SendMessage =>
  async (chatId, text, { silent }) => {
    const result = await transport.send(telegram, chatId, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(silent ? { disable_notification: true } : {}) });
    return result.ok ? { ok: true, messageId: result.result.message_id } : result;
  };
