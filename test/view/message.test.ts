import { renderMessage } from '../../src/view/message';
import { escapeHtml, shorten } from '../../src/text/telegram-text';

describe('escapeHtml', () => {
  it('escapes what Telegram HTML treats as markup, and " so the text is safe in an href too', () => {
    expect(escapeHtml('a<b>&c"d')).toBe('a&lt;b&gt;&amp;c&quot;d');
  });
});

describe('shorten', () => {
  it('keeps short text and never splits an emoji', () => {
    expect(shorten('abc', 5)).toBe('abc');
    expect(shorten('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('renderMessage', () => {
  it('renders the same lines as plain text and as HTML', () => {
    const lines = [[{ text: '57', style: 'b' as const }, { text: ' <x>' }]];
    expect(renderMessage(lines, 'plain')).toBe('57 <x>');
    expect(renderMessage(lines, 'html')).toBe('<b>57</b> &lt;x&gt;');
  });

  it('drops whole lines from the end when shortening texts is not enough', () => {
    const lines = Array.from({ length: 50 }, (_, i) => [{ text: `${i} `, style: 'b' as const }, { text: 'x'.repeat(15) }]);
    const text = renderMessage(lines, 'html', 300);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text.endsWith('\n…')).toBe(true);
    expect(text.split('<b>').length).toBe(text.split('</b>').length);
  });
});
