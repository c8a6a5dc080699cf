import type { Telegram } from 'telegraf';
import type { SendMessage } from '../../alerts/worker';
import type { Transport } from './send';

/** The delivery worker's send port over the bot's transport: HTML, no link preview, silent when asked, with the alert's buttons. */
export const alertSender =
  (transport: Transport, telegram: Telegram): SendMessage =>
  async (chatId, text, { silent, buttons }) => {
    const markup = buttons?.length ? { reply_markup: { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } } : {};
    const result = await transport.send(telegram, chatId, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(silent ? { disable_notification: true } : {}), ...markup });
    return result.ok ? { ok: true, messageId: result.result.message_id } : result;
  };
