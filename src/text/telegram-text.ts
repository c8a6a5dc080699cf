/**
 * The one toolkit for text the bot sends to Telegram: escaping, shortening, and the
 * last check every outgoing text passes (the transport calls `fitOutgoing` on every
 * sendMessage, editMessageText, caption and callback answer), so that no table cell,
 * title or user argument can make Telegram refuse a message.
 *
 * Telegram counts a message's length in UTF-16 units *after* parsing the HTML: tags
 * do not count and `&amp;` counts as one. Every limit here is measured that way.
 */

/** Telegram's own limits (Bot API). */
export const TELEGRAM_TEXT_LIMITS = Object.freeze({
  /** message text, UTF-16 units after entity parsing */
  message: 4096,
  /** caption of a document or photo */
  caption: 1024,
  /** answerCallbackQuery text */
  callbackAnswer: 200,
});

const ELLIPSIS = '…';

/**
 * Escapes text for Telegram's HTML parse mode. Telegram understands only
 * `&lt; &gt; &amp; &quot;`; `"` is escaped too so the same text is safe inside an href.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));

/**
 * Shortens text to at most `max` code points, ending with … (never splits a surrogate
 * pair). `oneLine` first folds every run of whitespace (newlines in a cell) into one space.
 */
export const shorten = (text: string, max: number, options: { oneLine?: boolean } = {}): string => {
  const source = options.oneLine ? text.replace(/\s+/g, ' ').trim() : text;
  // Cheap exit for the common short case: a string of n UTF-16 units has at most n code points.
  if (source.length <= max) return source;
  const chars = Array.from(source);
  if (chars.length <= max) return source;
  return chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
};

/** A data field (cell, title, keyword, user argument) ready for HTML: one line, shortened, escaped. */
export const htmlField = (text: string, max: number): string => escapeHtml(shorten(text, max, { oneLine: true }));

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'tg-spoiler', 'span', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const TOKEN = /<\/?([a-z][a-z0-9-]*)(?:\s[^<>]*)?>|&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});|[\s\S]/giu;

interface Token {
  /** the source text of the token */
  raw: string;
  /** UTF-16 units it shows as (0 for a tag) */
  units: number;
  tag?: { name: string; closing: boolean };
}

/** Splits Telegram HTML into tags, entities and single code points; undefined when the markup is not Telegram's. */
const tokenize = (html: string): Token[] | undefined => {
  const tokens: Token[] = [];
  const open: string[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const raw = match[0];
    const name = match[1]?.toLowerCase();
    if (name !== undefined) {
      if (!ALLOWED_TAGS.has(name)) return undefined;
      const closing = raw.startsWith('</');
      if (closing) {
        if (open.pop() !== name) return undefined;
      } else open.push(name);
      tokens.push({ raw, units: 0, tag: { name, closing } });
    } else if (raw === '<' || raw === '>' || raw === '&') {
      return undefined; // a bare special character: Telegram would refuse the entity parsing
    } else if (raw.startsWith('&')) {
      const ch = decodeEntity(raw);
      tokens.push({ raw, units: ch.length });
    } else tokens.push({ raw, units: raw.length });
  }
  return open.length === 0 ? tokens : undefined;
};

const decodeEntity = (entity: string): string => {
  const body = entity.slice(1, -1).toLowerCase();
  if (body === 'lt') return '<';
  if (body === 'gt') return '>';
  if (body === 'amp') return '&';
  if (body === 'quot') return '"';
  const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
};

/** What a reader sees of Telegram HTML: tags removed, entities decoded. */
export const htmlToPlain = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/gi, decodeEntity);

/** Length of a text as Telegram counts it (UTF-16 units after parsing), or undefined for broken HTML. */
export const visibleLength = (text: string, parseMode?: string): number | undefined => {
  if (parseMode !== 'HTML') return text.length;
  const tokens = tokenize(text);
  return tokens?.reduce((n, t) => n + t.units, 0);
};

/** Cuts HTML to `limit` visible units, closing the tags left open, ending with …. */
const cutHtml = (tokens: readonly Token[], limit: number): string => {
  let out = '';
  let units = 0;
  const open: string[] = [];
  for (const token of tokens) {
    if (token.tag) {
      if (token.tag.closing) open.pop();
      else open.push(token.tag.name);
      out += token.raw;
      continue;
    }
    if (units + token.units > limit - 1) break;
    out += token.raw;
    units += token.units;
  }
  // Close what is still open, innermost first.
  return `${out}${ELLIPSIS}${open
    .reverse()
    .map((name) => `</${name}>`)
    .join('')}`;
};

export interface Outgoing {
  text: string;
  /** 'HTML' kept, or undefined when broken markup had to be sent as plain text */
  parseMode: string | undefined;
  /** what the check changed, for the log; undefined when the text went out as given */
  changed?: 'shortened' | 'markup-dropped' | 'empty';
}

/**
 * The last check before a text goes to Telegram, whatever produced it: well-formed
 * UTF-16 (a lone surrogate from a damaged cell would be refused), not empty, markup
 * Telegram can parse (else the same words go out as plain text), and within `limit`
 * units after parsing (else cut at the limit with the open tags closed).
 * Long texts are split at line boundaries by their composer (alerts/compose.ts packParts);
 * this only guarantees that a mistake there costs the tail of a message, not the message.
 */
export const fitOutgoing = (input: string, parseMode: string | undefined, limit: number = TELEGRAM_TEXT_LIMITS.message): Outgoing => {
  let text = wellFormed(input);
  let mode = parseMode;
  let changed: Outgoing['changed'];
  if (mode === 'HTML') {
    const tokens = tokenize(text);
    if (!tokens) {
      text = htmlToPlain(text);
      mode = undefined;
      changed = 'markup-dropped';
    } else if (htmlToPlain(text).trim() !== '' && tokens.reduce((n, t) => n + t.units, 0) > limit) {
      return { text: cutHtml(tokens, limit), parseMode: mode, changed: 'shortened' };
    }
  }
  // Telegram trims before checking emptiness ("message text is empty").
  if ((mode === 'HTML' ? htmlToPlain(text) : text).trim() === '') return { text: ELLIPSIS, parseMode: undefined, changed: 'empty' };
  if (mode === 'HTML' || text.length <= limit) return { text, parseMode: mode, ...(changed ? { changed } : {}) };
  return { text: cutUnits(text, limit), parseMode: mode, changed: changed ?? 'shortened' };
};

/** Replaces lone surrogates (a damaged cell, a cut made elsewhere) with U+FFFD, as String#toWellFormed does. */
const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Cuts to `limit` UTF-16 units with … at the end, never inside a surrogate pair. */
const cutUnits = (text: string, limit: number): string => {
  let end = limit - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
};
