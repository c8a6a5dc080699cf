import { escapeHtml, fitOutgoing, htmlField, shorten, visibleLength } from '../../src/text/telegram-text';
import { parseHtml } from '../fake-bot-api/formatting';

/** What the fake Bot API (which parses like Telegram) makes of an HTML text: its visible length, or the refusal. */
const telegramSees = (html: string): number | string => {
  const parsed = parseHtml(html);
  return parsed.ok ? parsed.text.length : parsed.error;
};

const HOSTILE = '<b>粗</b> & <a href="javascript:x">链接</a> \u202E\u2066倒\u200B\u200D零宽\uFEFF "引号" 😀';

describe('the outgoing text toolkit', () => {
  it('escapes every character Telegram HTML treats as markup, and quotes', () => {
    expect(escapeHtml('a<b>&c"d')).toBe('a&lt;b&gt;&amp;c&quot;d');
    expect(telegramSees(escapeHtml(HOSTILE))).toBe(HOSTILE.length);
  });

  it('shortens by code points, never splitting a surrogate pair, and folds lines when asked', () => {
    expect(shorten('😀😀😀', 2)).toBe('😀…');
    expect(shorten('一\n二   三', 10, { oneLine: true })).toBe('一 二 三');
    expect(shorten('短', 5)).toBe('短');
    expect(htmlField(`<i>${'长'.repeat(100)}`, 10)).toBe(`&lt;i&gt;${'长'.repeat(6)}…`);
  });

  it('cuts long HTML at the limit with the open tags closed, so Telegram accepts it', () => {
    const html = `<b>标题</b>\n${`<i>${escapeHtml(HOSTILE)}</i>\n`.repeat(400)}`;
    const fitted = fitOutgoing(html, 'HTML');
    expect(fitted.changed).toBe('shortened');
    const seen = telegramSees(fitted.text);
    expect(typeof seen).toBe('number');
    expect(seen as number).toBeLessThanOrEqual(4096);
    expect(seen as number).toBeGreaterThan(4000);
  });

  it('sends broken markup as plain text, fills an empty text, and repairs lone surrogates', () => {
    expect(fitOutgoing('<b>未闭合', 'HTML')).toEqual({ text: '未闭合', parseMode: undefined, changed: 'markup-dropped' });
    expect(fitOutgoing('<script>x</script>', 'HTML')).toMatchObject({ parseMode: undefined, changed: 'markup-dropped' });
    expect(fitOutgoing('<b> </b>', 'HTML')).toMatchObject({ text: '…', changed: 'empty' });
    expect(fitOutgoing('a\uD800b', undefined).text).toBe('a\uFFFDb');
    expect(fitOutgoing('好'.repeat(5000), undefined).text).toHaveLength(4096);
    expect(fitOutgoing('<b>ok</b>', 'HTML')).toEqual({ text: '<b>ok</b>', parseMode: 'HTML' });
  });

  it('counts length as Telegram does, after parsing', () => {
    expect(visibleLength('<b>&amp;</b>', 'HTML')).toBe(1);
    expect(visibleLength('<b>&amp;</b>')).toBe(12);
    expect(visibleLength('<b>', 'HTML')).toBeUndefined();
  });
});
