import type { FakeBotApi, Update } from '../fake-bot-api/server';

/**
 * Seeded generator of hostile Telegram updates for the fuzz test and the soak script.
 *
 * Every generated update comes from its own user (and so its own private chat, unless it is a group message),
 * which makes "was this update answered?" a question about that one chat or query id.
 */

/** mulberry32: tiny, fast and good enough to replay a failure from its seed. */
export const createRandom = (seed: number) => {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick, chance: (p: number): boolean => next() < p };
};
export type Random = ReturnType<typeof createRandom>;

/** What the bot owes an update: an answer in `chatId` / to `queryId`, or nothing in particular. */
export interface Expectation {
  updateId: number;
  kind: string;
  /** 'answer': the bot must reply; 'none': it must stay silent (group chatter); 'any': both are fine (it must not fail) */
  expect: 'answer' | 'none' | 'any';
  chatId?: number;
  callbackId?: string;
  inlineId?: string;
}

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '❤️', '🧑🏿‍💻', '🫠', '㊗️', '0️⃣'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2069', '\ufeff', '\u00ad', '\u034f', '\u2060'];
const INJECTIONS = [
  '<b>',
  '</b>',
  '<b>粗体</b>',
  '&',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x110000;',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=https://evil.example>点我</a>',
  '<script>alert(1)</script>',
  '<tg-spoiler>',
  '<pre><code class="language-js">',
  '"quoted" \'single\'',
  '*bold* _it_ `code` [link](http://x)',
  '\\*escaped\\*',
  '||spoiler||',
  '__u__ ~s~',
  '> quote',
  '```\nfence',
  '${process.env.BOT_TOKEN}',
  '%s%d%n',
  '\u0000\u0001\u0007',
  '\r\n\t',
  '../../etc/passwd',
  "'; DROP TABLE targets; --",
];
const CJK = '目标任务推进完成情况滞后按计划单位领导项目建设工业投资年底季度全市新增开工城区乡村科技局工信局住建局发改委'.split('');
const RANDOM_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0x4e00, 0x9fff],
  [0x3000, 0x303f],
  [0xff00, 0xffef],
  [0x0590, 0x05ff],
  [0x0600, 0x06ff],
  [0x0300, 0x036f],
  [0x1f300, 0x1faff],
  [0x10000, 0x1007f],
  [0x2000, 0x206f],
  [0xe000, 0xe0ff],
];
const COMMANDS = ['start', 'help', 'item', 'unit', 'leader', 'lagging', 'stats', 'search', 'subscribe', 'unsubscribe', 'subscriptions', 'import', 'nosuchcommand', 'ITEM', 'Start'];
const NUMBERS = [
  '57',
  '039',
  '86',
  '0',
  '-1',
  '999999999999999999999999',
  '1e309',
  'NaN',
  'Infinity',
  '0x39',
  '５７',
  '五十七',
  '第57项',
  '57.5',
  '57,58',
  '9007199254740993',
  '-0',
  '  57  ',
  '²',
  '٥٧',
];

/** Random text of `length` code points, mixing scripts, emoji, invisible marks and markup. */
export const randomText = (r: Random, words: readonly string[], length: number): string => {
  let out = '';
  let points = 0;
  while (points < length) {
    const roll = r.next();
    let piece: string;
    if (roll < 0.25) piece = r.pick(words);
    else if (roll < 0.4) piece = r.pick(CJK);
    else if (roll < 0.5) piece = r.pick(EMOJI);
    else if (roll < 0.58) piece = r.pick(INVISIBLE);
    else if (roll < 0.68) piece = r.pick(INJECTIONS);
    else if (roll < 0.75) piece = r.pick(NUMBERS);
    else if (roll < 0.85) piece = ' ';
    else {
      const [lo, hi] = r.pick(RANDOM_RANGES);
      piece = String.fromCodePoint(r.int(lo, hi));
    }
    out += piece;
    points += [...piece].length;
  }
  return out;
};

/** Cuts `text` to at most `units` UTF-16 units without splitting a surrogate pair (Telegram sends valid UTF-8). */
const cutUnits = (text: string, units: number): string => {
  let cut = text.slice(0, units);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
};

export interface FuzzerOptions {
  /** real words (units, leaders) so some inputs reach real answers with long lists and pagination */
  words: readonly string[];
  /** first user id; update i comes from user firstUserId + i */
  firstUserId?: number;
  /** group chats get ids counting down from here, one per update */
  groupChatId?: number;
  /** when set, some documents come from this admin as real downloadable files of random bytes */
  adminId?: number;
}

/** Lookup commands every chat may use; in a group they must be answered when not addressed to another bot. */
const LOOKUP_COMMANDS = new Set(['start', 'help', 'item', 'unit', 'leader', 'lagging', 'stats', 'search']);
const UPLOAD_NAMES = ['目标.xlsx', 'report.tsv', 'data.csv', 'evil.xlsx.exe', 'a', '../../../etc/passwd.tsv', '进度表.xls', 'zip.xlsx'];

/**
 * Creates a fuzzer that pushes one random update per call through `api` (using its helpers, so callback and
 * inline query ids are known to the server) and says what the bot owes it.
 */
export const createFuzzer = (seed: number, api: FakeBotApi, options: FuzzerOptions) => {
  const r = createRandom(seed);
  const words = options.words.length > 0 ? options.words : ['工信局'];
  const firstUserId = options.firstUserId ?? 50_000_000;
  const groupChatId = options.groupChatId ?? -1009000000000;
  const username = api.botInfo.username;
  let i = 0;

  const text = (): string => {
    const roll = r.next();
    if (roll < 0.05) return '';
    if (roll < 0.08) return r.pick(INVISIBLE).repeat(r.int(1, 5));
    if (roll < 0.12) return cutUnits(randomText(r, words, 4096), 4096);
    if (roll < 0.3) return r.pick(words) + r.pick(['', '的进度', '滞后了吗', '？', ' 未完成', '年底到期']);
    return randomText(r, words, r.int(1, 60));
  };

  const randomBytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => r.int(0, 255)));
  const adminFile = (): Buffer =>
    r.pick([
      () => randomBytes(r.int(0, 4096)),
      () => Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(r.int(0, 2048))]), // looks like a zip/xlsx
      () => Buffer.from(randomText(r, words, r.int(0, 400)), 'utf8'),
      () => Buffer.from(`序号\t市政府领导\t责任目标内容\n${randomText(r, words, 200)}`, 'utf8'),
      () => Buffer.alloc(0),
    ])();

  const command = (): string => {
    const name = r.pick(COMMANDS);
    const at = r.chance(0.15) ? r.pick([`@${username}`, '@other_bot', '@', `@${username.toUpperCase()}`]) : '';
    const arg = r.pick([
      '',
      ` ${r.pick(NUMBERS)}`,
      ` ${r.pick(words)}`,
      ` ${randomText(r, words, r.int(1, 40))}`,
      ` ${cutUnits(randomText(r, words, 4000), 4000)}`,
      ` item_${r.pick(NUMBERS)}`,
      ` ${r.pick(INJECTIONS)}`,
    ]);
    return `/${name}${at}${arg}`;
  };

  const baseMessage = (userId: number, chatId: number, type: 'private' | 'supergroup') => ({
    message_id: r.int(1, 2 ** 31 - 1),
    from: { id: userId, is_bot: false, first_name: randomText(r, words, r.int(1, 10)), language_code: r.pick(['zh-hans', 'en', 'ar', '']) },
    chat: type === 'private' ? { id: chatId, type, first_name: 'F' } : { id: chatId, type, title: 'Fuzz group' },
    date: Math.floor(Date.now() / 1000),
  });

  const MEDIA: Record<string, () => Record<string, unknown>> = {
    sticker: () => ({ sticker: { file_id: 'CAACAgIAAxk', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: r.pick(EMOJI) } }),
    photo: () => ({ photo: [{ file_id: 'AgACAgIAAxk', file_unique_id: 'AQAD', width: 90, height: 90 }] }),
    document: () => ({
      document: {
        file_id: 'BQACAgIAAxk',
        file_unique_id: 'AgADdoc',
        file_name: r.pick(['a.xlsx', 'x.exe', '../../evil.tsv', '目标.tsv', '']),
        mime_type: 'application/octet-stream',
        file_size: r.int(0, 2 ** 31),
      },
    }),
    voice: () => ({ voice: { file_id: 'AwACAgIAAxk', file_unique_id: 'AgADv', duration: 3 } }),
    location: () => ({ location: { latitude: 35.23, longitude: 115.48 } }),
    contact: () => ({ contact: { phone_number: '+8613800000000', first_name: 'A' } }),
    new_chat_members: () => ({ new_chat_members: [{ id: 1, is_bot: false, first_name: 'N' }] }),
  };

  /** Pushes one random update; returns what the bot owes it. */
  const next = (): Expectation => {
    const userId = firstUserId + i;
    i += 1;
    const roll = r.next();
    // Private text (free questions and hostile strings): the bot must answer non-empty ones.
    if (roll < 0.32) {
      const t = text();
      const u = api.userMessage({ userId, text: t });
      return { updateId: u.update_id, kind: 'private-text', expect: 'answer', chatId: userId };
    }
    if (roll < 0.52) {
      const c = command();
      const u = api.userMessage({ userId, text: c });
      // A command addressed to another bot is not ours; an unknown command may get a hint or nothing.
      const ours = !/^\/\w+@(?!progress_test_bot\b)/i.test(c);
      return { updateId: u.update_id, kind: 'private-command', expect: ours ? 'answer' : 'any', chatId: userId };
    }
    if (roll < 0.62) {
      // One group per update, so silence and answers can be checked per update.
      const chatId = groupChatId - i;
      const addressed = r.pick(['chatter', 'mention', 'command', 'reply'] as const);
      const t = addressed === 'mention' ? `@${username} ${text()}` : addressed === 'command' ? command() : text();
      const u = api.userMessage({ userId, chatId, chatType: 'supergroup', text: t, replyToBot: addressed === 'reply' });
      let expect: Expectation['expect'] = 'any';
      if (addressed === 'chatter') expect = 'none';
      // Addressed with nothing to ask ("@bot" alone), the bot says what can be asked: still an answer.
      if (addressed === 'mention' || addressed === 'reply') expect = 'answer';
      if (addressed === 'command') {
        const m = /^\/(\w+)(@\S*)?/.exec(t);
        const ours = m?.[2] === undefined || m[2] === `@${username}`;
        if (m && LOOKUP_COMMANDS.has(m[1] as string) && ours) expect = 'answer';
      }
      return { updateId: u.update_id, kind: `group-${addressed}`, expect, chatId };
    }
    if (roll < 0.7) {
      if (options.adminId !== undefined && r.chance(0.1)) {
        const u = api.document({
          userId: options.adminId,
          chatId: options.adminId,
          fileName: r.pick(UPLOAD_NAMES),
          bytes: adminFile(),
          mimeType: r.pick(['application/octet-stream', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
        });
        return { updateId: u.update_id, kind: 'admin-document', expect: 'any', chatId: options.adminId };
      }
      const media = r.pick(Object.keys(MEDIA));
      const group = r.chance(0.3);
      const chatId = group ? groupChatId : userId;
      const message = { ...baseMessage(userId, chatId, group ? 'supergroup' : 'private'), ...(MEDIA[media] as () => Record<string, unknown>)(), ...(r.chance(0.3) ? { caption: text() } : {}) };
      const u = api.pushUpdate({ message });
      return { updateId: u.update_id, kind: `media-${media}`, expect: 'any', chatId };
    }
    if (roll < 0.76) {
      const message = { ...baseMessage(userId, userId, 'private'), text: text() || '.', edit_date: Math.floor(Date.now() / 1000) };
      const u = api.pushUpdate({ edited_message: message });
      return { updateId: u.update_id, kind: 'edited-message', expect: 'any', chatId: userId };
    }
    if (roll < 0.9) {
      const data = r.pick([
        () => randomText(r, words, r.int(1, 20)),
        () => `p:${r.pick(['unit', 'q', 'lag', 'item', 'x'])}:${r.pick(NUMBERS)}:${r.pick(NUMBERS)}`,
        () => `d:${r.pick(NUMBERS)}`,
        () => Buffer.from(Array.from({ length: r.int(1, 64) }, () => r.int(0x20, 0x7e))).toString('latin1'),
        () => 'ask:0',
        () => '',
      ])();
      const id = api.callback({ userId, messageId: r.int(1, 1000), data });
      return { updateId: -1, kind: 'callback', expect: 'answer', callbackId: id, chatId: userId };
    }
    if (roll < 0.97) {
      const query = cutUnits(r.chance(0.5) ? r.pick(words) : randomText(r, words, r.int(0, 256)), 256);
      const offset = r.pick(['', '0', '50', '-1', '999999', 'abc', '1e9', randomText(r, words, 5)]);
      const id = api.inlineQuery({ userId, query, offset });
      return { updateId: -1, kind: 'inline', expect: 'answer', inlineId: id };
    }
    // Update kinds a lookup bot does not handle at all.
    const odd = r.pick([
      () => ({ channel_post: { ...baseMessage(userId, -1009000000002, 'supergroup'), chat: { id: -1009000000002, type: 'channel', title: 'C' }, text: text() || 'x' } }),
      () => ({
        my_chat_member: {
          chat: { id: userId, type: 'private', first_name: 'F' },
          from: { id: userId, is_bot: false, first_name: 'F' },
          date: 0,
          old_chat_member: { status: 'member', user: { id: api.botInfo.id, is_bot: true, first_name: 'b' } },
          new_chat_member: { status: 'kicked', user: { id: api.botInfo.id, is_bot: true, first_name: 'b' }, until_date: 0 },
        },
      }),
      () => ({ message_reaction: { chat: { id: userId, type: 'private' }, message_id: 1, date: 0, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] } }),
      () => ({ poll: { id: 'p', question: '?', options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: 'regular', allows_multiple_answers: false } }),
      () => ({ message: { ...baseMessage(userId, userId, 'private') } }),
      () => ({ some_future_update: { what: randomText(r, words, 10) } }),
    ])();
    const u = api.pushUpdate(odd);
    return { updateId: u.update_id, kind: `odd-${Object.keys(odd)[0]}`, expect: 'any' };
  };

  return { next, random: r };
};

export type Fuzzer = ReturnType<typeof createFuzzer>;
export type { Update };
