import { escapeHtml, shorten } from '../text/telegram-text';

/**
 * One intermediate structure for every reply, rendered to plain text or to
 * Telegram HTML. Both formats come from the same lines, so they carry the
 * same content; only the markup differs.
 */
export type Style = 'b' | 'i' | 'code';

export interface Span {
  text: string;
  style?: Style;
  /** long free text (progress, target text) that may be shortened to fit a message */
  shrinkable?: boolean;
}

export type Line = Span[];

export type Format = 'plain' | 'html';

/** Telegram's limit for one message, in UTF-16 code units after entity parsing. */
export const MESSAGE_LIMIT = 4096;

const ELLIPSIS = '…';

const renderSpan = (span: Span, format: Format): string => {
  if (format === 'plain') return span.text;
  const text = escapeHtml(span.text);
  return span.style ? `<${span.style}>${text}</${span.style}>` : text;
};

const renderLines = (lines: Line[], format: Format): string => lines.map((line) => line.map((s) => renderSpan(s, format)).join('')).join('\n');

/**
 * Renders lines within `limit` UTF-16 code units. When too long, the longest
 * shrinkable span is shortened first (progress texts), so markup is never cut;
 * if that is not enough, whole lines are dropped from the end and a … line
 * says so. Lengths are measured on the rendered (escaped) text, since that is
 * what Telegram counts against the limit.
 */
export const renderMessage = (input: Line[], format: Format, limit = MESSAGE_LIMIT): string => {
  const lines = input.map((line) => line.map((s) => ({ ...s })));
  let text = renderLines(lines, format);
  for (let guard = 0; text.length > limit && guard < 200; guard += 1) {
    let longest: Span | undefined;
    for (const line of lines) for (const s of line) if (s.shrinkable && s.text.length > 20 && (!longest || s.text.length > longest.text.length)) longest = s;
    if (!longest) break;
    const over = text.length - limit;
    const target = Math.max(20, Math.min(longest.text.length - over - 1, Math.floor(longest.text.length * 0.9)));
    longest.text = shorten(longest.text, target);
    text = renderLines(lines, format);
  }
  while (text.length > limit && lines.length > 1) {
    lines.splice(lines.length - 2, 1);
    lines[lines.length - 1] = [{ text: ELLIPSIS }];
    text = renderLines(lines, format);
  }
  if (text.length > limit)
    text =
      Array.from(text)
        .slice(0, limit - 1)
        .join('') + ELLIPSIS;
  return text;
};
