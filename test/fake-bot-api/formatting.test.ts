import { parseFormatted, parseHtml, parseMarkdown, parseMarkdownV2 } from './formatting';
import { parsePayload } from './body';

describe('parseHtml', () => {
  it('nests entities and reports them with UTF-16 offsets', () => {
    const parsed = parseHtml('👨‍👩‍👧<b>粗<i>斜</i></b>');
    expect(parsed).toEqual({
      ok: true,
      text: '👨‍👩‍👧粗斜',
      entities: [
        { type: 'bold', offset: 8, length: 2 },
        { type: 'italic', offset: 9, length: 1 },
      ],
    });
  });

  it('decodes entities inside attributes and accepts single-quoted and bare values', () => {
    expect(parseHtml(`<a href='https://x.org/?a=1&amp;b=2'>x</a>`)).toMatchObject({ ok: true, entities: [{ url: 'https://x.org/?a=1&b=2' }] });
    expect(parseHtml('<a href=https://x.org>x</a>')).toMatchObject({ ok: true, entities: [{ url: 'https://x.org' }] });
  });

  it('is case-insensitive about tag names, as Telegram is', () => {
    expect(parseHtml('<B>x</b>')).toMatchObject({ ok: true, text: 'x' });
  });

  it('gives byte offsets in its errors (Telegram counts UTF-8 bytes)', () => {
    // "进度" is 6 bytes, so the stray "<" is at byte 6.
    expect(parseHtml('进度<x')).toEqual({ ok: false, error: `can't parse entities: Unsupported start tag "x" at byte offset 6` });
    expect(parseHtml('进度 < 50%')).toMatchObject({ ok: false, error: expect.stringContaining('byte offset 7') });
  });

  it.each([
    ['<b>x', /Can't find end tag/],
    ['</b>', /Unexpected end tag "b"/],
    ['<b x="1"', /Unclosed start tag/],
    ['<a href="x"><a href="y">z</a></a>', /Nested links/],
    ['<blockquote><blockquote>q</blockquote></blockquote>', /can't be nested/],
    ['<tg-emoji>👍</tg-emoji>', /emoji-id/],
    ['&#xD800;', /Character '&'/],
    ['&#0;', /Character '&'/],
  ])('refuses %p', (html, pattern) => {
    const parsed = parseHtml(html);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(pattern);
  });

  it('drops empty entities the way Telegram does', () => {
    expect(parseHtml('<b></b>x')).toEqual({ ok: true, text: 'x', entities: [] });
  });
});

describe('parseMarkdownV2', () => {
  it('parses bold, italic, underline, spoiler, code, pre and links', () => {
    const parsed = parseMarkdownV2('*b* _i_ __u__ ||s|| `c` [l](https://x.org/a\\)b)\n```ts\np\n```');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.text).toBe('b i u s c l\np\n');
    expect(parsed.entities.map((e) => e.type)).toEqual(['bold', 'italic', 'underline', 'spoiler', 'code', 'text_link', 'pre']);
    expect(parsed.entities.find((e) => e.type === 'text_link')?.url).toBe('https://x.org/a)b');
  });

  it.each(['50.5%', 'a-b', '(x)', 'a=b', '#1', '{x}', 'x!'])('refuses the unescaped reserved character in %p', (text) => {
    expect(parseMarkdownV2(text)).toMatchObject({ ok: false, error: expect.stringMatching(/is reserved and must be escaped/) });
  });

  it('accepts the same texts escaped, and refuses unclosed markers', () => {
    expect(parseMarkdownV2('50\\.5% a\\-b \\(x\\)')).toMatchObject({ ok: true, text: '50.5% a-b (x)' });
    expect(parseMarkdownV2('*bold')).toMatchObject({ ok: false });
    expect(parseMarkdownV2('`code')).toMatchObject({ ok: false });
  });
});

describe('parseMarkdown (legacy)', () => {
  it('parses the four markers and refuses unclosed ones', () => {
    expect(parseMarkdown('*b* _i_ `c` [l](http://x)')).toMatchObject({ ok: true, text: 'b i c l' });
    expect(parseMarkdown('a_b')).toMatchObject({ ok: false });
    expect(parseMarkdown('a\\_b')).toMatchObject({ ok: true, text: 'a_b' });
  });
});

describe('parseFormatted', () => {
  it('keeps plain text as is and refuses unknown parse modes', () => {
    expect(parseFormatted('<b>&', undefined)).toEqual({ ok: true, text: '<b>&', entities: [] });
    expect(parseFormatted('x', 'BBCode')).toEqual({ ok: false, error: 'unsupported parse_mode "BBCode"' });
    expect(parseFormatted('<b>x</b>', 'html')).toMatchObject({ ok: true, text: 'x' });
  });
});

describe('parsePayload', () => {
  it('reads urlencoded bodies and turns numbers, booleans and JSON fields back into values', () => {
    const body = Buffer.from(new URLSearchParams({ chat_id: '-100123', text: '57', disable_notification: 'true', reply_markup: '{"inline_keyboard":[]}' }).toString());
    expect(parsePayload('application/x-www-form-urlencoded', body, new URLSearchParams())).toEqual({
      chat_id: -100123,
      text: '57', // text stays text even when it looks like a number
      disable_notification: true,
      reply_markup: { inline_keyboard: [] },
    });
  });

  it('reads query strings of GET requests and refuses unknown content types', () => {
    expect(parsePayload(undefined, Buffer.alloc(0), new URLSearchParams('offset=5&timeout=0'))).toEqual({ offset: 5, timeout: 0 });
    expect(() => parsePayload('text/plain', Buffer.from('x'), new URLSearchParams())).toThrow(/unsupported content-type "text\/plain"/);
  });
});
