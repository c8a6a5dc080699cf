import { parseFormatted, type MessageEntity } from './formatting';

/** A Telegram refusal: becomes `{ ok: false, error_code, description }`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(`${code}: ${description}`);
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
export const MAX_CALLBACK_DATA_BYTES = 64;
/** Bots may upload files up to 50 MB with multipart/form-data (sendDocument & co.). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Parses and length-checks a message text the way sendMessage/editMessageText do. */
export function checkText(text: unknown, parseMode: unknown, entities: unknown): { text: string; entities: MessageEntity[] } {
  if (text === undefined || text === null || text === '') throw badRequest('message text is empty');
  if (typeof text !== 'string') throw badRequest('text must be a string');
  const parsed = parseFormatted(text, parseMode);
  if (!parsed.ok) throw badRequest(parsed.error);
  // Telegram strips surrounding whitespace before checking emptiness.
  if (parsed.text.trim().length === 0) throw badRequest('message text is empty');
  if (parsed.text.length > MAX_TEXT) throw badRequest('message is too long');
  const explicit = checkEntities(entities, parsed.text.length);
  return { text: parsed.text, entities: explicit ?? parsed.entities };
}

export function checkCaption(caption: unknown, parseMode: unknown): { caption?: string; entities: MessageEntity[] } {
  if (caption === undefined || caption === null || caption === '') return { entities: [] };
  if (typeof caption !== 'string') throw badRequest('caption must be a string');
  const parsed = parseFormatted(caption, parseMode);
  if (!parsed.ok) throw badRequest(parsed.error);
  if (parsed.text.length > MAX_CAPTION) throw badRequest('message caption is too long');
  return { caption: parsed.text, entities: parsed.entities };
}

/**
 * A multipart file part of sendDocument: empty files are refused with 400, files over 50 MB with
 * 413 (Telegram answers "Request Entity Too Large" for uploads over the bots' limit).
 */
export function checkUpload(file: { fileName: string; bytes: Buffer }): void {
  if (file.bytes.length === 0) throw badRequest('file must be non-empty');
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new ApiError(413, 'Request Entity Too Large');
}

function checkEntities(entities: unknown, textLength: number): MessageEntity[] | undefined {
  if (entities === undefined || entities === null) return undefined;
  if (!Array.isArray(entities)) throw badRequest("can't parse entities JSON object");
  for (const e of entities as MessageEntity[]) {
    if (typeof e?.type !== 'string' || !Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length <= 0 || e.offset + e.length > textLength) {
      throw badRequest(`entity ${JSON.stringify(e)} is out of the text bounds`);
    }
  }
  return entities as MessageEntity[];
}

const BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

/**
 * Checks reply_markup's shape; returns the normalized object (a JSON string is parsed).
 * `chatType`, when the message goes to a chat: web_app buttons work in private chats only.
 */
export function checkReplyMarkup(markup: unknown, chatType?: string): Record<string, unknown> | undefined {
  if (markup === undefined || markup === null) return undefined;
  let value = markup;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  const m = value as Record<string, unknown>;
  if ('inline_keyboard' in m) {
    checkInlineKeyboard(m.inline_keyboard, chatType);
  } else if ('keyboard' in m) {
    const rows = m.keyboard;
    if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    for (const row of rows as unknown[][]) {
      for (const b of row) {
        const text = typeof b === 'string' ? b : (b as { text?: unknown } | null)?.text;
        if (typeof text !== 'string' || text.length === 0) throw badRequest('keyboard button text is empty');
      }
    }
  } else if (!('remove_keyboard' in m) && !('force_reply' in m)) {
    throw badRequest('unsupported reply_markup: expected inline_keyboard, keyboard, remove_keyboard or force_reply');
  }
  return m;
}

export function checkInlineKeyboard(rows: unknown, chatType?: string): void {
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  let count = 0;
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      count += 1;
      if (typeof button !== 'object' || button === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      const b = button as Record<string, unknown>;
      if (typeof b.text !== 'string' || b.text.length === 0) throw badRequest('BUTTON_TEXT_EMPTY: inline keyboard button text is empty');
      const actions = BUTTON_ACTIONS.filter((a) => b[a] !== undefined);
      if (actions.length === 0) throw badRequest('text buttons are unallowed in the inline keyboard');
      if (actions.length > 1) throw badRequest(`inline keyboard button has more than one action: ${actions.join(', ')}`);
      if (b.callback_data !== undefined) {
        if (typeof b.callback_data !== 'string') throw badRequest('BUTTON_DATA_INVALID: callback_data must be a string');
        const bytes = utf8Bytes(b.callback_data);
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
      }
      if (b.url !== undefined && (typeof b.url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(b.url))) {
        throw badRequest('BUTTON_URL_INVALID');
      }
      if (b.web_app !== undefined) {
        checkWebAppInfo(b.web_app);
        if (chatType !== undefined && chatType !== 'private') throw badRequest('BUTTON_TYPE_INVALID');
      }
    }
  }
  if (count > 100) throw badRequest('too many inline keyboard buttons (at most 100)');
}

/** answerInlineQuery: ≤ 50 results, unique ids of 1..64 bytes, next_offset ≤ 64 bytes, valid message contents. */
export function checkInlineAnswer(payload: Record<string, unknown>): void {
  const results = typeof payload.results === 'string' ? (JSON.parse(payload.results) as unknown) : payload.results;
  if (!Array.isArray(results)) throw badRequest('results must be an Array');
  if (results.length > 50) throw badRequest('RESULTS_TOO_MUCH');
  const ids = new Set<string>();
  for (const r of results as Record<string, unknown>[]) {
    if (typeof r?.type !== 'string') throw badRequest('result type must be a string');
    const id = r.id;
    if (typeof id !== 'string' || utf8Bytes(id) < 1 || utf8Bytes(id) > 64) throw badRequest('RESULT_ID_INVALID');
    if (ids.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
    ids.add(id);
    if (r.type === 'article') {
      if (typeof r.title !== 'string' || r.title.length === 0) throw badRequest('RESULT_TITLE_EMPTY');
      const content = r.input_message_content as Record<string, unknown> | undefined;
      if (!content) throw badRequest('MESSAGE_EMPTY: article result needs input_message_content');
      if ('message_text' in content) checkText(content.message_text, content.parse_mode, content.entities);
    }
    if (r.reply_markup !== undefined) checkReplyMarkup(r.reply_markup);
  }
  const next = payload.next_offset;
  if (next !== undefined && next !== null && (typeof next !== 'string' || utf8Bytes(next) > 64)) throw badRequest('NEXT_OFFSET_INVALID');
  if (payload.cache_time !== undefined && (typeof payload.cache_time !== 'number' || payload.cache_time < 0)) throw badRequest('cache_time must be a non-negative integer');
}

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

export function checkCommands(commands: unknown): { command: string; description: string }[] {
  if (!Array.isArray(commands)) throw badRequest('commands must be an Array');
  if (commands.length > 100) throw badRequest('too many commands (at most 100)');
  for (const c of commands as Record<string, unknown>[]) {
    if (typeof c?.command !== 'string' || !COMMAND_NAME.test(c.command)) throw badRequest(`BOT_COMMAND_INVALID: ${JSON.stringify(c?.command)}`);
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
      throw badRequest(`BOT_COMMAND_DESCRIPTION_INVALID for /${c.command}`);
    }
  }
  return commands as { command: string; description: string }[];
}

/** WebAppInfo: an object with an https url (Telegram opens Mini Apps over https only). */
export function checkWebAppInfo(info: unknown): void {
  const url = (info as { url?: unknown } | null)?.url;
  if (typeof info !== 'object' || info === null || typeof url !== 'string') throw badRequest("can't parse WebAppInfo: url must be a String");
  if (!/^https:\/\/[^\s/]+\S*$/i.test(url)) throw badRequest('BUTTON_URL_INVALID: web app URL must be https');
}

/** MenuButton of setChatMenuButton: commands, default, or web_app with a text and an https url. */
export function checkMenuButton(button: unknown): Record<string, unknown> {
  let value = button ?? { type: 'default' };
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("can't parse menu button JSON object");
    }
  }
  const b = value as Record<string, unknown>;
  if (typeof b !== 'object' || b === null || !['commands', 'default', 'web_app'].includes(String(b.type))) throw badRequest('unsupported menu button type');
  if (b.type === 'web_app') {
    if (typeof b.text !== 'string' || b.text.length === 0) throw badRequest('menu button text is empty');
    checkWebAppInfo(b.web_app);
  }
  return b;
}
