import { Markup, Telegraf, TelegramError } from 'telegraf';
import { startFakeBotApi, type FakeBotApi } from './server';

/** Runs `bot` with real long polling against `api`; returns a stopper that waits for polling to end. */
function launch(bot: Telegraf): () => Promise<void> {
  const polling = bot.launch();
  polling.catch(() => undefined);
  return async () => {
    bot.stop('test done');
    await polling.catch(() => undefined);
  };
}

async function telegramError(promise: Promise<unknown>): Promise<TelegramError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TelegramError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a TelegramError');
}

describe('fake Bot API server', () => {
  let api: FakeBotApi;
  let bot: Telegraf;

  beforeEach(async () => {
    api = await startFakeBotApi();
    bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
  });
  afterEach(async () => {
    await api.close();
  });

  describe('polling with the real telegraf client', () => {
    it('delivers a user message and records the echo reply', async () => {
      bot.on('text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
      const stop = launch(bot);
      api.userMessage({ userId: 7, text: '工信局 进度?' });
      const call = await api.waitFor('sendMessage');
      await stop();
      expect(call.payload).toMatchObject({ chat_id: 7, text: 'echo: 工信局 进度?' });
      expect(api.sent(7)).toHaveLength(1);
      expect(api.messages(7)).toEqual([{ message_id: 2, text: 'echo: 工信局 进度?' }]);
      expect(api.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['getMe', 'deleteWebhook', 'getUpdates']));
    });

    it('answers a pending long poll promptly and batches updates pushed together', async () => {
      const seen: number[] = [];
      bot.on('text', (ctx) => {
        seen.push(ctx.update.update_id);
      });
      const stop = launch(bot);
      await api.waitFor('deleteWebhook');
      await new Promise((r) => setTimeout(r, 50)); // let the long poll park on the server
      const started = Date.now();
      for (let i = 0; i < 250; i += 1) api.userMessage({ userId: 1000 + i, text: `m${i}` });
      while (seen.length < 250 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 5));
      await stop();
      expect(seen).toHaveLength(250);
      expect(Date.now() - started).toBeLessThan(2000);
      // 250 updates in one tick: pages of at most 100, so at least 3 non-empty getUpdates answers.
      const batches = api.calls.filter(
        (c) => c.method === 'getUpdates' && Array.isArray(c.response && (c.response as { result: unknown[] }).result) && (c.response as { result: unknown[] }).result.length > 0,
      );
      expect(batches.length).toBeGreaterThanOrEqual(3);
      expect(api.pendingUpdates()).toBe(0);
    });

    it('does not redeliver confirmed updates to a restarted bot', async () => {
      let count = 0;
      bot.on('text', () => {
        count += 1;
      });
      const stop = launch(bot);
      api.userMessage({ text: 'once' });
      while (count === 0) await new Promise((r) => setTimeout(r, 5));
      await stop();
      const second = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
      let again = 0;
      second.on('text', () => {
        again += 1;
      });
      const stop2 = launch(second);
      api.userMessage({ text: 'twice' });
      while (again === 0) await new Promise((r) => setTimeout(r, 5));
      await stop2();
      expect(count).toBe(1);
      expect(again).toBe(1);
    });

    it('answers 409 Conflict to a second concurrent poller', async () => {
      const stop = launch(bot);
      await api.waitFor('deleteWebhook');
      await new Promise((r) => setTimeout(r, 50));
      const second = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
      const error = await telegramError(second.telegram.callApi('getUpdates', { timeout: 1 } as never));
      await stop();
      expect(error.code).toBe(409);
      expect(error.description).toMatch(/terminated by other getUpdates request/);
    });

    it('answers a callback query once and refuses a second answer', async () => {
      bot.on('callback_query', async (ctx) => {
        await ctx.answerCbQuery('ok');
        await ctx.answerCbQuery('again').catch((e: TelegramError) => ctx.reply(`second answer: ${e.description}`));
      });
      const stop = launch(bot);
      const sent = await bot.telegram.sendMessage(1001, 'pick', Markup.inlineKeyboard([Markup.button.callback('A', 'p:a')]));
      api.callback({ messageId: sent.message_id, data: 'p:a' });
      const reply = await api.waitFor('sendMessage', (p) => String(p.text).startsWith('second answer'));
      await stop();
      expect(reply.payload.text).toMatch(/query is too old/);
    });

    it('serves a document through getFile and the download route', async () => {
      const bytes = Buffer.from('序号\t目标\n39\t工业投资\n', 'utf8');
      bot.on('document', async (ctx) => {
        const link = await ctx.telegram.getFileLink(ctx.message.document.file_id);
        const res = await fetch(link);
        const body = Buffer.from(await res.arrayBuffer());
        await ctx.reply(`got ${body.length} bytes, same=${body.equals(bytes)}`);
      });
      const stop = launch(bot);
      api.document({ fileName: 'heze.tsv', bytes, mimeType: 'text/tab-separated-values' });
      const reply = await api.waitFor('sendMessage');
      await stop();
      expect(reply.payload.text).toBe(`got ${bytes.length} bytes, same=true`);
    });

    it('lets the bot see group mentions, commands with @botname and replies', async () => {
      const texts: string[] = [];
      bot.command('help', (ctx) => {
        texts.push(`command:${ctx.message.text}`);
      });
      bot.mention(api.botInfo.username, (ctx) => {
        texts.push(`mention:${ctx.text ?? ''}`);
      });
      bot.on('text', (ctx) => {
        if (ctx.message.reply_to_message?.from?.id === api.botInfo.id) texts.push(`reply:${ctx.message.text}`);
      });
      const stop = launch(bot);
      await bot.telegram.sendMessage(-1001234567890, 'hello group');
      api.userMessage({ chatType: 'supergroup', text: `/help@${api.botInfo.username}` });
      api.userMessage({ chatType: 'supergroup', text: `@${api.botInfo.username} 工信局` });
      api.userMessage({ chatType: 'supergroup', text: '回复', replyToBot: true });
      const started = Date.now();
      while (texts.length < 3 && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 5));
      await stop();
      expect(texts).toEqual([`command:/help@${api.botInfo.username}`, `mention:@${api.botInfo.username} 工信局`, 'reply:回复']);
    });
  });

  describe('validation like Telegram', () => {
    it.each([
      ['<b>unclosed', /Can't find end tag corresponding to start tag "b"/],
      ['a < b', /Unexpected character '<'/],
      ['Q&A', /Character '&'/],
      ['<b><i>x</b></i>', /Unmatched end tag .* expected "<\/i>", found "<\/b>"/],
      ['<div>x</div>', /Unsupported start tag "div"/],
      ['<span>x</span>', /must have class "tg-spoiler"/],
      ['<a>no href</a>', /href/],
      ['&nbsp;', /Character '&'/],
    ])("rejects HTML %p with 400 can't parse entities", async (text, pattern) => {
      const error = await telegramError(bot.telegram.sendMessage(1, text, { parse_mode: 'HTML' }));
      expect(error.code).toBe(400);
      expect(error.description).toMatch(/^Bad Request: can't parse entities: /);
      expect(error.description).toMatch(pattern);
    });

    it('accepts every supported tag and entity and reports entities in UTF-16 offsets', async () => {
      const html =
        '😀<b>粗</b> <strong>s</strong> <i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
        '<tg-spoiler>x</tg-spoiler><span class="tg-spoiler">y</span><a href="https://example.org/?a=1&amp;b=2">link</a>' +
        '<code>c</code><pre><code class="language-ts">p</code></pre><blockquote expandable>q</blockquote>' +
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;&gt;&amp;&quot;&#39;&#x4E2D; a > b';
      const message = await bot.telegram.sendMessage(1, html, { parse_mode: 'HTML' });
      expect(message.text.endsWith(`<>&"'中 a > b`)).toBe(true);
      // The emoji is 2 UTF-16 units, so "粗" starts at offset 2.
      expect(message.entities?.find((e) => e.type === 'bold')).toEqual({ type: 'bold', offset: 2, length: 1 });
      expect(message.entities?.find((e) => e.type === 'text_link')).toMatchObject({ url: 'https://example.org/?a=1&b=2' });
      expect(message.entities?.find((e) => e.type === 'pre')).toBeDefined();
      expect(message.entities?.find((e) => e.type === 'pre')).toMatchObject({ language: 'ts' });
      expect(message.entities?.filter((e) => e.type === 'code')).toHaveLength(1);
      expect(message.entities?.find((e) => (e.type as string) === 'expandable_blockquote')).toBeDefined();
    });

    it('counts text length in UTF-16 units after entity parsing', async () => {
      const cjk = '进'.repeat(4096);
      await expect(bot.telegram.sendMessage(1, cjk)).resolves.toMatchObject({ text: cjk });
      // Tags do not count: 4096 visible characters inside <b> are still fine.
      await expect(bot.telegram.sendMessage(1, `<b>${cjk}</b>`, { parse_mode: 'HTML' })).resolves.toBeDefined();
      // 2048 emoji are 4096 units; one more character is too long.
      await expect(bot.telegram.sendMessage(1, '😀'.repeat(2048))).resolves.toBeDefined();
      const tooLong = await telegramError(bot.telegram.sendMessage(1, `${'😀'.repeat(2048)}x`));
      expect(tooLong.description).toBe('Bad Request: message is too long');
      const escaped = await telegramError(bot.telegram.sendMessage(1, '&amp;'.repeat(4097), { parse_mode: 'HTML' }));
      expect(escaped.description).toBe('Bad Request: message is too long');
    });

    it('rejects empty and whitespace-only text', async () => {
      expect((await telegramError(bot.telegram.sendMessage(1, ''))).description).toBe('Bad Request: message text is empty');
      expect((await telegramError(bot.telegram.sendMessage(1, '<b> </b>', { parse_mode: 'HTML' }))).description).toBe('Bad Request: message text is empty');
    });

    it('limits callback_data to 64 UTF-8 bytes', async () => {
      const ok = '进'.repeat(21); // 63 bytes
      await expect(bot.telegram.sendMessage(1, 'k', Markup.inlineKeyboard([Markup.button.callback('ok', ok)]))).resolves.toBeDefined();
      const error = await telegramError(bot.telegram.sendMessage(1, 'k', Markup.inlineKeyboard([Markup.button.callback('bad', `${ok}进`)])));
      expect(error.description).toBe('Bad Request: BUTTON_DATA_INVALID');
      const empty = await telegramError(bot.telegram.sendMessage(1, 'k', { reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: '' }]] } }));
      expect(empty.description).toBe('Bad Request: BUTTON_DATA_INVALID');
      const shape = await telegramError(bot.telegram.sendMessage(1, 'k', { reply_markup: { inline_keyboard: [{ text: 'x' }] } as never }));
      expect(shape.description).toMatch(/Array of Arrays/);
    });

    it('accepts web_app buttons with an https url in private chats only, as Telegram does', async () => {
      const button = { text: '看板', web_app: { url: 'https://bot.example.org/app/' } };
      await expect(bot.telegram.sendMessage(1, 'k', { reply_markup: { inline_keyboard: [[button]] } })).resolves.toBeDefined();
      const group = await telegramError(bot.telegram.sendMessage(-1001, 'k', { reply_markup: { inline_keyboard: [[button]] } }));
      expect(group.description).toBe('Bad Request: BUTTON_TYPE_INVALID');
      const http = await telegramError(bot.telegram.sendMessage(1, 'k', { reply_markup: { inline_keyboard: [[{ text: '看板', web_app: { url: 'http://bot.example.org/' } }]] } }));
      expect(http.description).toMatch(/BUTTON_URL_INVALID/);
    });

    it('sets the menu button: web_app needs a text and an https url; getChatMenuButton returns it', async () => {
      const menuButton = { type: 'web_app' as const, text: '看板', web_app: { url: 'https://bot.example.org/app/' } };
      await expect(bot.telegram.setChatMenuButton({ menuButton })).resolves.toBe(true);
      expect(await bot.telegram.getChatMenuButton({})).toEqual(menuButton);
      const http = await telegramError(bot.telegram.setChatMenuButton({ menuButton: { ...menuButton, web_app: { url: 'http://x.org/' } } }));
      expect(http.description).toMatch(/must be https/);
      const noText = await telegramError(bot.telegram.setChatMenuButton({ menuButton: { ...menuButton, text: '' } }));
      expect(noText.description).toMatch(/text is empty/);
    });

    it('rejects MarkdownV2 with unescaped reserved characters', async () => {
      const error = await telegramError(bot.telegram.sendMessage(1, '完成 50.5%', { parse_mode: 'MarkdownV2' }));
      expect(error.description).toMatch(/Character '\.' is reserved/);
      await expect(bot.telegram.sendMessage(1, '*完成* 50\\.5%', { parse_mode: 'MarkdownV2' })).resolves.toBeDefined();
    });

    it('tracks edits: not found, not modified, then changed', async () => {
      const missing = await telegramError(bot.telegram.editMessageText(1, 999, undefined, 'x'));
      expect(missing.description).toBe('Bad Request: message to edit not found');
      const keyboard = Markup.inlineKeyboard([Markup.button.callback('▶', 'p:2')]);
      const sent = await bot.telegram.sendMessage(1, '第 1/2 页', keyboard);
      const same = await telegramError(bot.telegram.editMessageText(1, sent.message_id, undefined, '第 1/2 页', keyboard));
      expect(same.description).toMatch(/^Bad Request: message is not modified/);
      await bot.telegram.editMessageText(1, sent.message_id, undefined, '第 2/2 页', Markup.inlineKeyboard([Markup.button.callback('◀', 'p:1')]));
      expect(api.messages(1)).toEqual([{ message_id: sent.message_id, text: '第 2/2 页', reply_markup: { inline_keyboard: [[{ text: '◀', callback_data: 'p:1', hide: false }]] } }]);
      const sameMarkup = await telegramError(bot.telegram.editMessageReplyMarkup(1, sent.message_id, undefined, Markup.inlineKeyboard([Markup.button.callback('◀', 'p:1')]).reply_markup));
      expect(sameMarkup.description).toMatch(/message is not modified/);
      await bot.telegram.deleteMessage(1, sent.message_id);
      expect(api.messages(1)).toEqual([]);
      expect((await telegramError(bot.telegram.deleteMessage(1, sent.message_id))).description).toBe('Bad Request: message to delete not found');
    });

    it('validates setMyCommands and stores commands per scope', async () => {
      expect((await telegramError(bot.telegram.setMyCommands([{ command: 'Item', description: '查看' }]))).description).toMatch(/BOT_COMMAND_INVALID/);
      expect((await telegramError(bot.telegram.setMyCommands([{ command: 'item', description: '' }]))).description).toMatch(/BOT_COMMAND_DESCRIPTION_INVALID/);
      await bot.telegram.setMyCommands([{ command: 'item', description: '查看目标' }]);
      await bot.telegram.setMyCommands([{ command: 'admin', description: '管理' }], { scope: { type: 'chat', chat_id: 5 } });
      expect(await bot.telegram.getMyCommands()).toEqual([{ command: 'item', description: '查看目标' }]);
      await bot.telegram.deleteMyCommands();
      expect(await bot.telegram.getMyCommands()).toEqual([]);
      expect(await bot.telegram.getMyCommands({ scope: { type: 'chat', chat_id: 5 } })).toHaveLength(1);
    });

    it('limits inline answers to 50 unique results and a 64-byte next_offset', async () => {
      const article = (id: string) => ({ type: 'article' as const, id, title: id, input_message_content: { message_text: `<b>${id}</b>`, parse_mode: 'HTML' as const } });
      const results = Array.from({ length: 51 }, (_, i) => article(`r${i}`));
      const id1 = api.inlineQuery({ query: '工信局' });
      expect((await telegramError(bot.telegram.answerInlineQuery(id1, results))).description).toBe('Bad Request: RESULTS_TOO_MUCH');
      expect((await telegramError(bot.telegram.answerInlineQuery(id1, [article('a'), article('a')]))).description).toBe('Bad Request: RESULT_ID_DUPLICATE');
      expect((await telegramError(bot.telegram.answerInlineQuery(id1, [article('a')], { next_offset: 'x'.repeat(65) }))).description).toBe('Bad Request: NEXT_OFFSET_INVALID');
      const badHtml = { ...article('h'), input_message_content: { message_text: '<b>x', parse_mode: 'HTML' as const } };
      expect((await telegramError(bot.telegram.answerInlineQuery(id1, [badHtml]))).description).toMatch(/can't parse entities/);
      await expect(bot.telegram.answerInlineQuery(id1, results.slice(0, 50), { next_offset: '50' })).resolves.toBe(true);
    });

    it('answers 401 to a wrong token and 404 to an unknown method', async () => {
      const stranger = new Telegraf('999:wrong', { telegram: { apiRoot: api.apiRoot } });
      const unauthorized = await telegramError(stranger.telegram.getMe());
      expect(unauthorized.code).toBe(401);
      expect(unauthorized.description).toBe('Unauthorized');
      const unknown = await telegramError(bot.telegram.callApi('sendTelepathy' as never, {} as never));
      expect(unknown.code).toBe(404);
    });

    it('refuses getUpdates while a webhook is set, and validates webhook URLs', async () => {
      expect((await telegramError(bot.telegram.setWebhook('http://example.org/hook'))).description).toMatch(/HTTPS URL/);
      expect((await telegramError(bot.telegram.setWebhook('https://example.org:3000/hook'))).description).toMatch(/ports 80, 88, 443 or 8443/);
      await bot.telegram.setWebhook('https://example.org:8443/hook', { secret_token: 'abc_DEF-1' });
      expect((await bot.telegram.getWebhookInfo()).url).toBe('https://example.org:8443/hook');
      const conflict = await telegramError(bot.telegram.getUpdates(0, 100, 0, undefined));
      expect(conflict.code).toBe(409);
      await bot.telegram.deleteWebhook();
      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).resolves.toEqual([]);
    });
  });

  describe('files, groups and other methods', () => {
    it('accepts a multipart sendDocument upload and serves it back', async () => {
      const bytes = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]);
      const message = await bot.telegram.sendDocument(42, { source: bytes, filename: 'export.xlsx' }, { caption: '<b>导出</b>', parse_mode: 'HTML' });
      expect(message.document).toMatchObject({ file_name: 'export.xlsx', file_size: bytes.length });
      expect(message.caption).toBe('导出');
      const link = await bot.telegram.getFileLink(message.document.file_id);
      expect(Buffer.from(await (await fetch(link)).arrayBuffer()).equals(bytes)).toBe(true);
      const call = api.calls.find((c) => c.method === 'sendDocument');
      expect(call?.payload.chat_id).toBe(42);
      const longCaption = await telegramError(bot.telegram.sendDocument(42, { source: bytes, filename: 'a.bin' }, { caption: 'x'.repeat(1025) }));
      expect(longCaption.description).toBe('Bad Request: message caption is too long');
    });

    it('keeps an uploaded document for tests and refuses what Telegram refuses: empty, over 50 MB, a caption over 1024', async () => {
      const bytes = Buffer.from('PK\u0003\u0004 a workbook');
      const caption = '通'.repeat(1024);
      await bot.telegram.sendDocument(-100777, { source: bytes, filename: '菏泽市2022年第三季度责任目标推进情况通报.xlsx' }, { caption });
      const [received] = api.documents(-100777);
      expect(received).toMatchObject({ chatId: -100777, fileName: '菏泽市2022年第三季度责任目标推进情况通报.xlsx', caption });
      expect(received!.bytes.equals(bytes)).toBe(true);
      expect(received!.messageId).toBeGreaterThan(0);
      // a web_app button is refused in a group, under a document as under a message
      const webApp = { inline_keyboard: [[{ text: 'x', web_app: { url: 'https://example.org/' } }]] };
      expect((await telegramError(bot.telegram.sendDocument(-100777, { source: bytes, filename: 'a.xlsx' }, { reply_markup: webApp }))).description).toBe('Bad Request: BUTTON_TYPE_INVALID');
      expect((await telegramError(bot.telegram.sendDocument(42, { source: Buffer.alloc(0), filename: 'empty.xlsx' }))).description).toBe('Bad Request: file must be non-empty');
      const tooBig = await telegramError(bot.telegram.sendDocument(42, { source: Buffer.alloc(50 * 1024 * 1024 + 1), filename: 'big.xlsx' }));
      expect([tooBig.code, tooBig.description]).toEqual([413, 'Request Entity Too Large']);
      expect(api.documents()).toHaveLength(1);
    });

    it('refuses getFile for unknown ids and files over 20 MB', async () => {
      expect((await telegramError(bot.telegram.getFile('nope'))).description).toBe('Bad Request: invalid file_id');
      const big = api.registerFile(Buffer.alloc(20 * 1024 * 1024 + 1), 'big.xlsx');
      expect((await telegramError(bot.telegram.getFile(big.file_id))).description).toBe('Bad Request: file is too big');
    });

    it('reports group admins for getChatMember and getChatAdministrators', async () => {
      api.chatAdmins(-100, [1, 2]);
      expect((await bot.telegram.getChatMember(-100, 1)).status).toBe('creator');
      expect((await bot.telegram.getChatMember(-100, 2)).status).toBe('administrator');
      expect((await bot.telegram.getChatMember(-100, 3)).status).toBe('member');
      expect((await bot.telegram.getChatAdministrators(-100)).map((m) => m.user.id)).toEqual([1, 2]);
      expect((await bot.telegram.getChat(-100)).type).toBe('supergroup');
      await expect(bot.telegram.sendChatAction(-100, 'typing')).resolves.toBe(true);
      expect((await telegramError(bot.telegram.sendChatAction(-100, 'dancing' as never))).code).toBe(400);
    });
  });

  describe('fault injection', () => {
    it('answers 429 with retry_after once, then succeeds', async () => {
      api.failNext('sendMessage', { code: 429, retryAfter: 3 });
      const error = await telegramError(bot.telegram.sendMessage(1, 'hi'));
      expect(error.code).toBe(429);
      expect(error.parameters?.retry_after).toBe(3);
      expect(error.description).toBe('Too Many Requests: retry after 3');
      await expect(bot.telegram.sendMessage(1, 'hi')).resolves.toMatchObject({ text: 'hi' });
      expect(api.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual([429, 200]);
    });

    it('consumes injected failures per method and `times`', async () => {
      api.failNext('sendMessage', { code: 403 }, 2);
      api.failNext('*', { code: 500 });
      expect((await telegramError(bot.telegram.sendMessage(1, 'a'))).description).toBe('Forbidden: bot was blocked by the user');
      expect((await telegramError(bot.telegram.sendMessage(1, 'b'))).code).toBe(403);
      // The wildcard is taken by the next call of any method except getUpdates.
      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).resolves.toEqual([]);
      expect((await telegramError(bot.telegram.getMe())).code).toBe(500);
      api.failNext('editMessageText', { code: 400, description: 'message is not modified' });
      expect((await telegramError(bot.telegram.editMessageText(1, 1, undefined, 'x'))).description).toBe('Bad Request: message is not modified');
      await expect(bot.telegram.sendMessage(1, 'c')).resolves.toBeDefined();
    });

    it('counts every call by method and status in stats(), even when calls are trimmed', async () => {
      const small = await startFakeBotApi({ maxCalls: 2 });
      const client = new Telegraf(small.token, { telegram: { apiRoot: small.apiRoot } });
      try {
        for (const text of ['a', 'b', 'c']) await client.telegram.sendMessage(1, text);
        await telegramError(client.telegram.sendMessage(1, '<b>', { parse_mode: 'HTML' }));
        expect(small.calls).toHaveLength(2);
        const stats = small.stats();
        expect(stats.total).toBe(4);
        expect(stats.byMethod).toEqual({ sendMessage: 4 });
        expect(stats.byStatus).toEqual({ 200: 3, 400: 1 });
        expect(stats.refusals).toHaveLength(1);
        expect(stats.refusals[0]).toMatch(/^sendMessage 400 .*can't parse entities/);
      } finally {
        await small.close();
      }
    });

    it('blocks a chat with 403 until unblocked', async () => {
      api.blockChat(5);
      expect((await telegramError(bot.telegram.sendMessage(5, 'x'))).code).toBe(403);
      api.blockChat(5, false);
      await expect(bot.telegram.sendMessage(5, 'x')).resolves.toBeDefined();
    });

    it('waitFor resolves on past and future calls and times out with the last calls', async () => {
      await bot.telegram.sendMessage(1, 'past');
      await expect(api.waitFor('sendMessage', (p) => p.text === 'past')).resolves.toMatchObject({ status: 200 });
      const future = api.waitFor('sendMessage', (p) => p.text === 'future');
      await bot.telegram.sendMessage(1, 'future');
      await expect(future).resolves.toMatchObject({ payload: { text: 'future' } });
      await expect(api.waitFor('sendMessage', (p) => p.text === 'never', 100)).rejects.toThrow(/no successful sendMessage.*within 100 ms[\s\S]*future/);
    });
  });
});
