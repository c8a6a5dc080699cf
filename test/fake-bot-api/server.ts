/**
 * A fake Telegram Bot API server for tests: the real telegraf client talks to it over HTTP on 127.0.0.1.
 *
 * It keeps just enough state (update queue, the bot's messages per chat, files, commands, webhook) to answer
 * like Telegram, validates what Telegram validates (see validate.ts / formatting.ts) and records every call
 * so tests can assert on them. Contract: /work/notes/fake-api.md.
 *
 * @example
 *   const api = await startFakeBotApi();
 *   const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
 *   const polling = bot.launch();
 *   api.userMessage({ text: '/start' });
 *   await api.waitFor('sendMessage');
 *   bot.stop(); await polling; await api.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePayload, readBody, type Payload, type UploadedFile } from './body';
import type { MessageEntity } from './formatting';
import { ApiError, badRequest, checkCaption, checkUpload, checkCommands, checkInlineAnswer, checkMenuButton, checkReplyMarkup, checkText } from './validate';

export type { MessageEntity } from './formatting';

export interface FakeBotApiOptions {
  token?: string;
  username?: string;
  /** Keep at most this many entries in `calls` (a soak run would otherwise hold every call). Default: all. */
  maxCalls?: number;
  /** Record getUpdates calls in `calls`. Default true. */
  recordGetUpdates?: boolean;
  /** Refuse sends to chats that never appeared in an update ("chat not found"). Default false. */
  strictChats?: boolean;
}

export interface ApiCall {
  method: string;
  payload: Payload;
  at: number;
  status: number;
  response: unknown;
}

export type Failure =
  | { code: 429; retryAfter: number }
  | { code: 403; description?: string }
  | { code: 500; description?: string }
  | { code: 400; description: string }
  | { code: 401 | 404 | 409; description?: string }
  /** the call is held `ms` (forever when absent: until the client gives up), then answered normally */
  | { code: 'hang'; ms?: number }
  /** an answer outside Telegram's usual shapes, e.g. `{ ok: false }` without an error_code */
  | { code: 'raw'; status: number; body: unknown };

export interface BotMessage {
  message_id: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  reply_markup?: Record<string, unknown>;
  fromBot: boolean;
}

export interface Update {
  update_id: number;
  [key: string]: unknown;
}

export interface UserMessageInput {
  chatId?: number;
  userId?: number;
  text: string;
  chatType?: 'private' | 'group' | 'supergroup';
  replyToBot?: boolean;
  entities?: MessageEntity[];
  languageCode?: string;
}

export interface FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotUser;
  readonly calls: ApiCall[];
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update;
  userMessage(input: UserMessageInput): Update;
  callback(input: { chatId?: number; userId?: number; messageId: number; data: string; inlineMessageId?: string }): string;
  inlineQuery(input: { userId?: number; query: string; offset?: string }): string;
  document(input: { chatId?: number; userId?: number; fileName: string; bytes: Buffer; mimeType?: string; caption?: string }): Update;
  /** Registers a downloadable file without sending an update (for photos, stickers...). */
  registerFile(bytes: Buffer, fileName: string): { file_id: string; file_unique_id: string; file_size: number };
  sent(chatId?: number): Payload[];
  /** The files the bot uploaded with sendDocument (multipart), oldest first, as Telegram stored them. */
  documents(chatId?: number): ReceivedDocument[];
  messages(chatId: number): { message_id: number; text?: string; reply_markup?: Record<string, unknown> }[];
  waitFor(method: string, predicate?: (payload: Payload) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** The next `times` calls of `method` ('*': any but getUpdates), or only those to `chatId`, fail this way. */
  failNext(method: string, failure: Failure, times?: number, only?: { chatId?: number }): void;
  chatAdmins(chatId: number, userIds: number[]): void;
  /** Every send to this chat answers 403 "Forbidden: bot was blocked by the user" until unblocked. */
  blockChat(chatId: number, blocked?: boolean): void;
  /** Updates pushed but not yet confirmed by a getUpdates offset. */
  pendingUpdates(): number;
  /** A long poll (getUpdates waiting for updates) is open: the next pushed update goes to it. */
  pollOpen(): boolean;
  /** Counts of every call by method and HTTP status, kept even when `calls` is trimmed (soak runs). */
  stats(): { total: number; byMethod: Record<string, number>; byStatus: Record<string, number>; refusals: string[] };
  /** Removes and returns the queued updates: for tests that feed `bot.handleUpdate` instead of polling. */
  drainUpdates(): Update[];
  close(): Promise<void>;
}

/** A file the bot uploaded with sendDocument, kept for tests to read back. */
export interface ReceivedDocument {
  chatId: number;
  messageId: number;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  caption?: string;
}

export interface BotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business: boolean;
  has_main_web_app: boolean;
}

const DEFAULT_TOKEN = '123456:TEST-token_abcdefghijklmnopqrstuvwxyz';
const DEFAULT_USER_ID = 1001;
const DEFAULT_GROUP_ID = -1001234567890;
const MAX_FILE_DOWNLOAD = 20 * 1024 * 1024;
const BODY_LIMIT = 64 * 1024 * 1024;
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
}

interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  username?: string;
}

interface Poller {
  req: IncomingMessage;
  res: ServerResponse;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
  done: boolean;
  finish: (updates: Update[]) => void;
}

interface Waiter {
  method: string;
  predicate: ((payload: Payload) => boolean) | undefined;
  resolve: (call: ApiCall) => void;
}

/** A payload for a log line: an uploaded file as its name and size (a 50 MB Buffer as JSON is 50 million numbers). */
const withoutFileBytes = (payload: Payload): Payload =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, v instanceof Object && 'bytes' in v && Buffer.isBuffer(v.bytes) ? { fileName: (v as UploadedFile).fileName, size: v.bytes.length } : v]),
  );

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Starts the fake server on 127.0.0.1 with an ephemeral port. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? DEFAULT_TOKEN;
  const username = options.username ?? 'progress_test_bot';
  const maxCalls = options.maxCalls ?? Number.POSITIVE_INFINITY;
  const recordGetUpdates = options.recordGetUpdates ?? true;
  const botInfo: BotUser = {
    id: Number(token.split(':')[0]) || 123456,
    is_bot: true,
    first_name: 'Progress Test Bot',
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
  };

  // --- state -------------------------------------------------------------------------------------------
  const calls: ApiCall[] = [];
  let queue: Update[] = [];
  let nextUpdateId = 1;
  let poller: Poller | undefined;
  let wakeScheduled = false;
  const chats = new Map<number, Chat>();
  const messagesByChat = new Map<number, Map<number, BotMessage>>();
  const nextMessageId = new Map<number, number>();
  const files = new Map<string, StoredFile>();
  const filesByPath = new Map<string, StoredFile>();
  let fileCounter = 0;
  const callbackQueries = new Map<string, { answered: boolean }>();
  const inlineQueries = new Map<string, { answered: boolean }>();
  let queryCounter = 0;
  const commands = new Map<string, { command: string; description: string }[]>();
  /** by chat id, or 'default' for every private chat without its own */
  const menuButtons = new Map<string, Record<string, unknown>>();
  let webhook: { url: string; secret_token?: string } | undefined;
  const failures = new Map<string, { failure: Failure; chatId?: number }[]>();
  const admins = new Map<number, Set<number>>();
  const blocked = new Set<number>();
  const waiters = new Set<Waiter>();
  const sentPayloads: Payload[] = [];
  const receivedDocuments: ReceivedDocument[] = [];
  let closed = false;

  // --- helpers -----------------------------------------------------------------------------------------
  const counters = { total: 0, byMethod: {} as Record<string, number>, byStatus: {} as Record<string, number>, refusals: [] as string[] };
  const record = (call: ApiCall): void => {
    counters.total += 1;
    counters.byMethod[call.method] = (counters.byMethod[call.method] ?? 0) + 1;
    counters.byStatus[call.status] = (counters.byStatus[call.status] ?? 0) + 1;
    if (call.status >= 400 && call.method !== 'getUpdates' && counters.refusals.length < 20) {
      counters.refusals.push(`${call.method} ${call.status} ${JSON.stringify(call.response).slice(0, 200)} payload=${JSON.stringify(withoutFileBytes(call.payload)).slice(0, 200)}`);
    }
    if (call.method === 'getUpdates' && !recordGetUpdates) return;
    calls.push(call);
    if (calls.length > maxCalls) calls.splice(0, calls.length - maxCalls);
    if (call.status !== 200) return;
    for (const w of [...waiters]) {
      if (w.method === call.method && (!w.predicate || w.predicate(call.payload))) {
        waiters.delete(w);
        w.resolve(call);
      }
    }
  };

  const rememberChat = (chat: Chat): void => {
    if (!chats.has(chat.id)) chats.set(chat.id, chat);
  };

  const newMessageId = (chatId: number): number => {
    const id = nextMessageId.get(chatId) ?? 1;
    nextMessageId.set(chatId, id + 1);
    return id;
  };

  const chatMessages = (chatId: number): Map<number, BotMessage> => {
    let m = messagesByChat.get(chatId);
    if (!m) {
      m = new Map();
      messagesByChat.set(chatId, m);
    }
    return m;
  };

  const userOf = (userId: number, languageCode = 'zh-hans'): Record<string, unknown> => ({
    id: userId,
    is_bot: false,
    first_name: `User${userId}`,
    username: `user${userId}`,
    language_code: languageCode,
  });

  const chatOf = (chatId: number, type: Chat['type'], userId: number): Chat => {
    const known = chats.get(chatId);
    if (known) return known;
    return type === 'private' ? { id: chatId, type, first_name: `User${userId}`, username: `user${userId}` } : { id: chatId, type, title: `Test ${type} ${chatId}` };
  };

  const requireChat = (chatIdRaw: unknown): Chat => {
    if (chatIdRaw === undefined || chatIdRaw === null || chatIdRaw === '') throw badRequest('chat_id is empty');
    const chatId = typeof chatIdRaw === 'string' && /^-?\d+$/.test(chatIdRaw) ? Number(chatIdRaw) : chatIdRaw;
    if (typeof chatId !== 'number' || !Number.isSafeInteger(chatId)) throw badRequest('chat not found');
    if (blocked.has(chatId)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    const chat = chats.get(chatId);
    if (chat) return chat;
    if (options.strictChats) throw badRequest('chat not found');
    const created: Chat = chatId > 0 ? { id: chatId, type: 'private', first_name: `User${chatId}` } : { id: chatId, type: 'supergroup', title: `Test chat ${chatId}` };
    chats.set(chatId, created);
    return created;
  };

  const toMessage = (chat: Chat, m: BotMessage, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    message_id: m.message_id,
    from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
    chat,
    date: nowSeconds(),
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.entities && m.entities.length > 0 ? { entities: m.entities } : {}),
    ...(m.caption !== undefined ? { caption: m.caption } : {}),
    ...(m.reply_markup && 'inline_keyboard' in m.reply_markup ? { reply_markup: m.reply_markup } : {}),
    ...extra,
  });

  const findBotMessage = (payload: Payload, notFound: string): { chat: Chat; message: BotMessage } => {
    const chat = requireChat(payload.chat_id);
    const id = Number(payload.message_id);
    if (!Number.isInteger(id)) throw badRequest('message identifier is not specified');
    const message = messagesByChat.get(chat.id)?.get(id);
    if (!message) throw badRequest(notFound);
    return { chat, message };
  };

  const sameMarkup = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

  // --- updates & long polling --------------------------------------------------------------------------
  // The queue stays sorted by update_id (ids only grow), so both reads below look at its head only:
  // a 100,000-update soak must not cost O(queue) per getUpdates.
  const available = (offset: number, limit: number): Update[] => {
    if (offset < 0) return queue.slice(Math.max(0, queue.length + offset)).slice(0, limit);
    let start = 0;
    while (start < queue.length && (queue[start] as Update).update_id < offset) start += 1;
    return queue.slice(start, start + limit);
  };

  const wakePoller = (): void => {
    // Batch: several pushUpdate calls in one tick go out in one getUpdates answer, like Telegram's queue.
    if (wakeScheduled) return;
    wakeScheduled = true;
    setImmediate(() => {
      wakeScheduled = false;
      if (!poller || poller.done) return;
      const ready = available(poller.offset, poller.limit);
      if (ready.length > 0) poller.finish(ready);
    });
  };

  const pushUpdate = (update: Omit<Update, 'update_id'> & { update_id?: number }): Update => {
    if (update.update_id !== undefined && update.update_id < nextUpdateId) {
      throw new Error(`fake Bot API: update_id ${update.update_id} is not above the last one (${nextUpdateId - 1}); Telegram's ids only grow`);
    }
    const full: Update = { ...update, update_id: update.update_id ?? nextUpdateId } as Update;
    nextUpdateId = full.update_id + 1;
    for (const key of ['message', 'edited_message', 'channel_post', 'callback_query']) {
      const value = full[key] as { chat?: Chat; message?: { chat?: Chat } } | undefined;
      const chat = value?.chat ?? value?.message?.chat;
      if (chat && typeof chat.id === 'number') rememberChat(chat);
    }
    queue.push(full);
    wakePoller();
    return full;
  };

  const confirm = (offset: number): void => {
    if (offset <= 0) return;
    let drop = 0;
    while (drop < queue.length && (queue[drop] as Update).update_id < offset) drop += 1;
    if (drop > 0) queue.splice(0, drop);
  };

  const isOpen = (p: Poller): boolean => !p.done && !p.req.socket.destroyed && !p.res.writableEnded;

  const handleGetUpdates = async (req: IncomingMessage, res: ServerResponse, payload: Payload, respond: (status: number, body: unknown) => void): Promise<void> => {
    if (webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (poller && isOpen(poller)) {
      // A client that just aborted its long poll (telegraf's bot.stop) may reconnect before we see the close:
      // give the old socket a moment before calling it a second instance.
      for (let i = 0; i < 10 && poller && isOpen(poller); i += 1) await new Promise((r) => setTimeout(r, 10));
      if (poller && isOpen(poller)) {
        throw new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
      }
    }
    const offset = Number(payload.offset ?? 0) || 0;
    const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100) || 100));
    const timeout = Math.min(50, Math.max(0, Number(payload.timeout ?? 0) || 0));
    confirm(offset);
    const ready = available(offset, limit);
    if (ready.length > 0 || timeout === 0 || closed) {
      respond(200, { ok: true, result: ready });
      return;
    }
    await new Promise<void>((resolve) => {
      const p: Poller = {
        req,
        res,
        offset,
        limit,
        done: false,
        timer: setTimeout(() => p.finish([]), timeout * 1000),
        finish: (updates) => {
          if (p.done) return;
          p.done = true;
          clearTimeout(p.timer);
          if (poller === p) poller = undefined;
          if (!res.writableEnded && !req.socket.destroyed) respond(200, { ok: true, result: updates });
          resolve();
        },
      };
      poller = p;
      res.on('close', () => {
        if (!p.done) {
          p.done = true;
          clearTimeout(p.timer);
          if (poller === p) poller = undefined;
          resolve();
        }
      });
    });
  };

  // --- methods -----------------------------------------------------------------------------------------
  type Handler = (payload: Payload) => unknown;

  const sendMessage: Handler = (p) => {
    const chat = requireChat(p.chat_id);
    const { text, entities } = checkText(p.text, p.parse_mode, p.entities);
    const reply_markup = checkReplyMarkup(p.reply_markup, chat.type);
    const message: BotMessage = { message_id: newMessageId(chat.id), text, entities, reply_markup, fromBot: true };
    chatMessages(chat.id).set(message.message_id, message);
    sentPayloads.push(p);
    return toMessage(chat, message);
  };

  const editMessageText: Handler = (p) => {
    if (p.inline_message_id !== undefined) {
      checkText(p.text, p.parse_mode, p.entities);
      checkReplyMarkup(p.reply_markup);
      return true;
    }
    const { chat, message } = findBotMessage(p, 'message to edit not found');
    if (!message.fromBot) throw badRequest("message can't be edited");
    const { text, entities } = checkText(p.text, p.parse_mode, p.entities);
    const reply_markup = checkReplyMarkup(p.reply_markup, chat.type);
    if (message.text === text && JSON.stringify(message.entities ?? []) === JSON.stringify(entities) && sameMarkup(message.reply_markup, reply_markup)) {
      throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    if (message.text === undefined) throw badRequest('there is no text in the message to edit');
    Object.assign(message, { text, entities, reply_markup });
    return toMessage(chat, message, { edit_date: nowSeconds() });
  };

  const editMessageReplyMarkup: Handler = (p) => {
    if (p.inline_message_id !== undefined) {
      checkReplyMarkup(p.reply_markup);
      return true;
    }
    const { chat, message } = findBotMessage(p, 'message to edit not found');
    if (!message.fromBot) throw badRequest("message can't be edited");
    const reply_markup = checkReplyMarkup(p.reply_markup, chat.type);
    if (sameMarkup(message.reply_markup, reply_markup)) {
      throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    message.reply_markup = reply_markup;
    return toMessage(chat, message, { edit_date: nowSeconds() });
  };

  const handlers: Record<string, Handler> = {
    getMe: () => botInfo,
    sendMessage,
    editMessageText,
    editMessageReplyMarkup,
    deleteMessage: (p) => {
      const { chat, message } = findBotMessage(p, 'message to delete not found');
      chatMessages(chat.id).delete(message.message_id);
      return true;
    },
    answerCallbackQuery: (p) => {
      const q = callbackQueries.get(String(p.callback_query_id ?? ''));
      if (!q || q.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      if (p.text !== undefined && (typeof p.text !== 'string' || p.text.length > 200)) throw badRequest('MESSAGE_TOO_LONG: callback answer text is longer than 200 characters');
      q.answered = true;
      return true;
    },
    answerInlineQuery: (p) => {
      const q = inlineQueries.get(String(p.inline_query_id ?? ''));
      if (!q || q.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      checkInlineAnswer(p);
      q.answered = true;
      return true;
    },
    setMyCommands: (p) => {
      commands.set(commandsKey(p), checkCommands(p.commands));
      return true;
    },
    deleteMyCommands: (p) => {
      commands.delete(commandsKey(p));
      return true;
    },
    getMyCommands: (p) => commands.get(commandsKey(p)) ?? [],
    setChatMenuButton: (p) => {
      const key = p.chat_id === undefined ? 'default' : String(requireChat(p.chat_id).id);
      if (key !== 'default' && chats.get(Number(key))?.type !== 'private') throw badRequest('chat must be a private chat');
      menuButtons.set(key, checkMenuButton(p.menu_button));
      return true;
    },
    getChatMenuButton: (p) => menuButtons.get(p.chat_id === undefined ? 'default' : String(p.chat_id)) ?? menuButtons.get('default') ?? { type: 'commands' },
    deleteWebhook: (p) => {
      webhook = undefined;
      if (p.drop_pending_updates === true) queue = [];
      return true;
    },
    setWebhook: (p) => {
      const url = typeof p.url === 'string' ? p.url : '';
      if (url === '') {
        webhook = undefined;
        return true;
      }
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
      }
      if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
      if (parsed.port !== '' && !['80', '88', '443', '8443'].includes(parsed.port)) {
        throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
      }
      if (p.secret_token !== undefined && (typeof p.secret_token !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token))) {
        throw badRequest('bad webhook: secret token contains unallowed characters');
      }
      webhook = { url, ...(typeof p.secret_token === 'string' ? { secret_token: p.secret_token } : {}) };
      if (p.drop_pending_updates === true) queue = [];
      return true;
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length }),
    getFile: (p) => {
      const file = files.get(String(p.file_id ?? ''));
      if (!file) throw badRequest('invalid file_id');
      if (file.bytes.length > MAX_FILE_DOWNLOAD) throw badRequest('file is too big');
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
    },
    getChat: (p) => {
      const id = Number(p.chat_id);
      const chat = chats.get(id);
      if (!chat) throw badRequest('chat not found');
      return chat;
    },
    getChatMember: (p) => {
      const chat = requireChat(p.chat_id);
      const userId = Number(p.user_id);
      if (!Number.isSafeInteger(userId) || userId <= 0) throw badRequest('PARTICIPANT_ID_INVALID');
      const user = userOf(userId);
      if (chat.type === 'private') return { status: userId === chat.id ? 'member' : 'left', user };
      const set = admins.get(chat.id);
      if (set?.has(userId)) {
        const first = [...set][0];
        return first === userId ? { status: 'creator', user, is_anonymous: false } : { status: 'administrator', user, can_be_edited: false, is_anonymous: false };
      }
      return { status: 'member', user };
    },
    getChatAdministrators: (p) => {
      const chat = requireChat(p.chat_id);
      if (chat.type === 'private') throw badRequest('there are no administrators in the private chat');
      const ids = [...(admins.get(chat.id) ?? [])];
      return ids.map((id, i) => ({ status: i === 0 ? 'creator' : 'administrator', user: userOf(id), is_anonymous: false }));
    },
    sendChatAction: (p) => {
      requireChat(p.chat_id);
      if (typeof p.action !== 'string' || !CHAT_ACTIONS.has(p.action)) throw badRequest('wrong parameter action in request');
      return true;
    },
    sendDocument: (p) => {
      const chat = requireChat(p.chat_id);
      const doc = p.document;
      if (doc === undefined || doc === null || doc === '') throw badRequest('there is no document in the request');
      const { caption, entities } = checkCaption(p.caption, p.parse_mode);
      const reply_markup = checkReplyMarkup(p.reply_markup, chat.type);
      let document: Record<string, unknown>;
      let received: ReceivedDocument | undefined;
      if (typeof doc === 'object' && 'bytes' in (doc as object)) {
        const upload = doc as UploadedFile;
        checkUpload(upload);
        // Telegram keeps the name as the client gave it, without any folder part
        const fileName = upload.fileName.split(/[\\/]/).pop() || 'document';
        const stored = registerFile(upload.bytes, fileName);
        const mimeType = upload.contentType ?? 'application/octet-stream';
        document = { ...stored, file_name: fileName, mime_type: mimeType };
        received = { chatId: chat.id, messageId: 0, fileName, mimeType, bytes: upload.bytes, ...(caption !== undefined ? { caption } : {}) };
      } else {
        const known = files.get(String(doc));
        if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
        document = { file_id: known.file_id, file_unique_id: known.file_unique_id, file_size: known.bytes.length };
      }
      const message: BotMessage = { message_id: newMessageId(chat.id), caption, entities, reply_markup, fromBot: true };
      chatMessages(chat.id).set(message.message_id, message);
      if (received) receivedDocuments.push({ ...received, messageId: message.message_id });
      return toMessage(chat, message, { document, ...(entities.length > 0 ? { caption_entities: entities } : {}) });
    },
  };
  const canonical = new Map(Object.keys(handlers).map((name) => [name.toLowerCase(), name]));
  canonical.set('getupdates', 'getUpdates');

  function commandsKey(p: Payload): string {
    const scope = typeof p.scope === 'string' ? p.scope : JSON.stringify(p.scope ?? { type: 'default' });
    return `${scope}|${typeof p.language_code === 'string' ? p.language_code : ''}`;
  }

  function registerFile(bytes: Buffer, fileName: string): { file_id: string; file_unique_id: string; file_size: number } {
    fileCounter += 1;
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1] ?? 'dat';
    const stored: StoredFile = {
      file_id: `BQACAgIAAxkBAAI${fileCounter.toString().padStart(6, '0')}`,
      file_unique_id: `AgAD${fileCounter}`,
      file_path: `documents/file_${fileCounter}.${ext}`,
      bytes,
    };
    files.set(stored.file_id, stored);
    filesByPath.set(stored.file_path, stored);
    return { file_id: stored.file_id, file_unique_id: stored.file_unique_id, file_size: bytes.length };
  }

  const takeFailure = (method: string, payload: Payload): Failure | undefined => {
    // '*' never hits getUpdates: a wildcard fault is meant for the bot's own calls, not the polling loop.
    for (const key of method === 'getUpdates' ? [method] : [method, '*']) {
      const list = failures.get(key);
      const index = list?.findIndex((f) => f.chatId === undefined || Number(payload.chat_id) === f.chatId) ?? -1;
      if (list && index >= 0) {
        const [f] = list.splice(index, 1);
        if (list.length === 0) failures.delete(key);
        return f!.failure;
      }
    }
    return undefined;
  };

  /** Holds a call as a hung Bot API server would; resolves false when the client gave up meanwhile. */
  const hang = (res: ServerResponse, ms: number | undefined): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => resolve(!res.destroyed), ms);
      res.once('close', () => {
        if (timer) clearTimeout(timer);
        resolve(false);
      });
    });

  const failureToError = (f: Exclude<Failure, { code: 'hang' | 'raw' }>): ApiError => {
    switch (f.code) {
      case 429:
        return new ApiError(429, `Too Many Requests: retry after ${f.retryAfter}`, { retry_after: f.retryAfter });
      case 403:
        return new ApiError(403, f.description ?? 'Forbidden: bot was blocked by the user');
      case 500:
        return new ApiError(500, f.description ?? 'Internal Server Error');
      case 400:
        return new ApiError(400, f.description.startsWith('Bad Request') ? f.description : `Bad Request: ${f.description}`);
      default:
        return new ApiError(f.code, f.description ?? { 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict' }[f.code]);
    }
  };

  // --- HTTP --------------------------------------------------------------------------------------------
  const send = (res: ServerResponse, status: number, body: unknown, statusMessage?: string): void => {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, statusMessage ?? '', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  const errorBody = (e: ApiError): Record<string, unknown> => ({
    ok: false,
    error_code: e.code,
    description: e.description,
    ...(e.parameters ? { parameters: e.parameters } : {}),
  });

  const statusText: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Request Entity Too Large',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
  };

  const serveFile = (res: ServerResponse, pathAfterToken: string, tokenInPath: string): void => {
    if (tokenInPath !== token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const file = filesByPath.get(pathAfterToken);
    if (!file) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
    res.end(file.bytes);
  };

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: fake server bug: ${String(error)}` }, 'Internal Server Error');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) return serveFile(res, decodeURIComponent(fileRoute[2] as string), decodeURIComponent(fileRoute[1] as string));
    const apiRoute = /^\/bot([^/]*)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!apiRoute) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const at = Date.now();
    const pathToken = decodeURIComponent(apiRoute[1] as string);
    const method = canonical.get((apiRoute[2] as string).toLowerCase()) ?? (apiRoute[2] as string);

    let payload: Payload = {};
    const respond = (status: number, body: unknown): void => {
      send(res, status, body, statusText[status]);
      record({ method, payload, at, status, response: body });
    };
    try {
      const body = await readBody(req, BODY_LIMIT).catch((error: unknown) => {
        // a body over the limit is refused before any parsing, as Telegram's front end does
        throw new ApiError(413, `Request Entity Too Large: ${(error as Error).message}`);
      });
      try {
        payload = parsePayload(req.headers['content-type'], body, url.searchParams);
      } catch (error) {
        throw badRequest(`can't parse request body: ${(error as Error).message}`);
      }
      if (pathToken !== token) throw new ApiError(401, 'Unauthorized');
      if (!canonical.has(method.toLowerCase())) throw new ApiError(404, 'Not Found');
      const failure = takeFailure(method, payload);
      if (failure?.code === 'hang') {
        if (!(await hang(res, failure.ms))) {
          record({ method, payload, at, status: 0, response: 'abandoned by the client' });
          return;
        }
      } else if (failure?.code === 'raw') {
        respond(failure.status, failure.body);
        return;
      } else if (failure) throw failureToError(failure);
      if (method === 'getUpdates') {
        await handleGetUpdates(req, res, payload, respond);
        return;
      }
      const handler = handlers[method] as Handler;
      const result = handler(payload);
      respond(200, { ok: true, result });
    } catch (error) {
      if (error instanceof ApiError) {
        respond(error.code, errorBody(error));
      } else {
        respond(500, { ok: false, error_code: 500, description: `Internal Server Error: ${(error as Error).message}` });
      }
    }
  }

  // Telegram keeps idle client connections open far longer than Node's 5 s default. With the
  // default, a busy client reuses a pooled socket just as the server closes it, and the call
  // fails with ECONNRESET: a fault of the fake, not of the bot under test.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  // --- public API ----------------------------------------------------------------------------------------
  const api: FakeBotApi = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    pushUpdate,
    userMessage(input) {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const type = input.chatType ?? (input.chatId !== undefined && input.chatId < 0 ? 'supergroup' : 'private');
      const chatId = input.chatId ?? (type === 'private' ? userId : DEFAULT_GROUP_ID);
      const chat = chatOf(chatId, type, userId);
      const message: Record<string, unknown> = {
        message_id: newMessageId(chatId),
        from: userOf(userId, input.languageCode),
        chat,
        date: nowSeconds(),
        text: input.text,
      };
      const entities = input.entities ?? autoEntities(input.text);
      if (entities.length > 0) message.entities = entities;
      chatMessages(chatId).set(message.message_id as number, { message_id: message.message_id as number, text: input.text, fromBot: false });
      if (input.replyToBot) {
        const lastBot = [...chatMessages(chatId).values()].filter((m) => m.fromBot).pop();
        const replied = lastBot ?? { message_id: newMessageId(chatId), text: '…', fromBot: true };
        message.reply_to_message = toMessage(chat, replied);
      }
      return pushUpdate({ message });
    },
    callback({ chatId, userId, messageId, data, inlineMessageId }) {
      const uid = userId ?? DEFAULT_USER_ID;
      const cid = chatId ?? uid;
      const chat = chatOf(cid, cid > 0 ? 'private' : 'supergroup', uid);
      queryCounter += 1;
      const id = `${Date.now()}${queryCounter}`;
      callbackQueries.set(id, { answered: false });
      const stored = messagesByChat.get(cid)?.get(messageId) ?? { message_id: messageId, text: '…', fromBot: true };
      pushUpdate({
        callback_query: {
          id,
          from: userOf(uid),
          // a button under a message sent through inline mode: Telegram gives no chat, only its id
          ...(inlineMessageId !== undefined ? { inline_message_id: inlineMessageId } : { message: toMessage(chat, stored) }),
          chat_instance: `ci${cid}`,
          data,
        },
      });
      return id;
    },
    inlineQuery({ userId, query, offset }) {
      queryCounter += 1;
      const id = `iq${Date.now()}${queryCounter}`;
      inlineQueries.set(id, { answered: false });
      pushUpdate({ inline_query: { id, from: userOf(userId ?? DEFAULT_USER_ID), query, offset: offset ?? '', chat_type: 'sender' } });
      return id;
    },
    document({ chatId, userId, fileName, bytes, mimeType, caption }) {
      const uid = userId ?? DEFAULT_USER_ID;
      const cid = chatId ?? uid;
      const chat = chatOf(cid, cid > 0 ? 'private' : 'supergroup', uid);
      const stored = registerFile(bytes, fileName);
      const message: Record<string, unknown> = {
        message_id: newMessageId(cid),
        from: userOf(uid),
        chat,
        date: nowSeconds(),
        document: { ...stored, file_name: fileName, mime_type: mimeType ?? 'application/octet-stream' },
        ...(caption !== undefined ? { caption } : {}),
      };
      return pushUpdate({ message });
    },
    registerFile,
    documents(chatId) {
      return receivedDocuments.filter((d) => chatId === undefined || d.chatId === chatId);
    },
    sent(chatId) {
      return chatId === undefined ? [...sentPayloads] : sentPayloads.filter((p) => Number(p.chat_id) === chatId);
    },
    messages(chatId) {
      return [...(messagesByChat.get(chatId)?.values() ?? [])]
        .filter((m) => m.fromBot)
        .map((m) => ({ message_id: m.message_id, ...(m.text !== undefined ? { text: m.text } : {}), ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}) }));
    },
    waitFor(method, predicate, timeoutMs = 5000) {
      const found = calls.find((c) => c.method === method && c.status === 200 && (!predicate || predicate(c.payload)));
      if (found) return Promise.resolve(found);
      return new Promise<ApiCall>((resolve, reject) => {
        const waiter: Waiter = {
          method,
          predicate,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const recent = calls
            .filter((c) => c.method !== 'getUpdates')
            .slice(-5)
            .map((c) => `${c.method} ${c.status} ${JSON.stringify(withoutFileBytes(c.payload)).slice(0, 160)}`);
          reject(new Error(`fake Bot API: no successful ${method} matching the predicate within ${timeoutMs} ms; last calls:\n  ${recent.join('\n  ') || '(none)'}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(method, failure, times = 1, only = {}) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) list.push({ failure, ...(only.chatId !== undefined ? { chatId: only.chatId } : {}) });
      failures.set(method, list);
    },
    chatAdmins(chatId, userIds) {
      admins.set(chatId, new Set(userIds));
      if (!chats.has(chatId)) chats.set(chatId, { id: chatId, type: 'supergroup', title: `Test supergroup ${chatId}` });
    },
    blockChat(chatId, isBlocked = true) {
      if (isBlocked) blocked.add(chatId);
      else blocked.delete(chatId);
    },
    pendingUpdates: () => queue.length,
    pollOpen: () => poller !== undefined && isOpen(poller),
    stats: () => ({ ...counters, byMethod: { ...counters.byMethod }, byStatus: { ...counters.byStatus }, refusals: [...counters.refusals] }),
    drainUpdates() {
      const taken = queue;
      queue = [];
      return taken;
    },
    async close() {
      closed = true;
      poller?.finish([]);
      for (const w of waiters) waiters.delete(w);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  function autoEntities(text: string): MessageEntity[] {
    const entities: MessageEntity[] = [];
    const command = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const m of text.matchAll(/(^|[^A-Za-z0-9_/])(@[A-Za-z0-9_]{5,32})/g)) {
      entities.push({ type: 'mention', offset: (m.index ?? 0) + (m[1] as string).length, length: (m[2] as string).length });
    }
    return entities;
  }

  return api;
}
