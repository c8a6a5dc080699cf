/**
 * Telegram's message-formatting parsers, reimplemented for the fake Bot API server.
 *
 * They turn `text` + `parse_mode` into the plain text Telegram would store plus its entities, or an
 * error string shaped like Telegram's ("can't parse entities: ..."). Offsets and lengths are in
 * UTF-16 code units, which is what JavaScript string indices already are.
 *
 * Deliberate strictness: real Telegram silently keeps a stray `&` as text; we reject it (the contract
 * in notes/fake-api.md asks for that) so a missing escape is caught in tests before it bites with `<`.
 */

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export type Parsed = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; error: string };

const HTML_TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const byteOffset = (source: string, index: number): number => Buffer.byteLength(source.slice(0, index), 'utf8');

/** Decodes one HTML character reference at `source[index] === '&'`; null when it is not one Telegram accepts. */
function decodeEntity(source: string, index: number): { char: string; end: number } | null {
  const m = /^&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|(lt|gt|amp|quot));/.exec(source.slice(index, index + 16));
  if (!m) return null;
  let char: string;
  if (m[3] !== undefined) {
    char = ({ lt: '<', gt: '>', amp: '&', quot: '"' } as Record<string, string>)[m[3]] ?? '';
  } else {
    const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2] ?? '', 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    char = String.fromCodePoint(code);
  }
  return { char, end: index + m[0].length };
}

function decodeAttribute(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    if (value[i] === '&') {
      const d = decodeEntity(value, i);
      if (d) {
        out += d.char;
        i = d.end;
        continue;
      }
    }
    out += value[i];
    i += 1;
  }
  return out;
}

interface OpenTag {
  name: string;
  start: number;
  attrs: Record<string, string>;
  at: number;
}

/** Parses Telegram's HTML dialect. */
export function parseHtml(source: string): Parsed {
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let out = '';
  const fail = (message: string): Parsed => ({ ok: false, error: `can't parse entities: ${message}` });

  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '&') {
      const d = decodeEntity(source, i);
      if (!d) {
        return fail(`Character '&' at byte offset ${byteOffset(source, i)} does not start a supported entity (use &amp;)`);
      }
      out += d.char;
      i = d.end;
      continue;
    }
    if (c !== '<') {
      out += c;
      i += 1;
      continue;
    }
    if (source[i + 1] === '/') {
      const m = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/.exec(source.slice(i, i + 64));
      if (!m) return fail(`Unexpected end tag at byte offset ${byteOffset(source, i)}`);
      const name = (m[1] as string).toLowerCase();
      const top = stack.pop();
      if (!top) return fail(`Unexpected end tag "${name}" at byte offset ${byteOffset(source, i)}`);
      if (top.name !== name) {
        return fail(`Unmatched end tag at byte offset ${byteOffset(source, i)}, expected "</${top.name}>", found "</${name}>"`);
      }
      const length = out.length - top.start;
      const parent = stack[stack.length - 1];
      if (top.name === 'code' && parent?.name === 'pre') {
        // Telegram folds <pre><code class="language-x"> into one pre entity carrying the language.
        const lang = /^language-(.+)$/.exec(top.attrs.class ?? '');
        if (lang) parent.attrs['data-language'] = lang[1] as string;
      } else if (length > 0) {
        entities.push(toEntity(top, length));
      }
      i += m[0].length;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(source.slice(i, i + 64));
    if (!nameMatch) {
      return fail(`Unexpected character '<' at byte offset ${byteOffset(source, i)} (use &lt;)`);
    }
    const name = (nameMatch[1] as string).toLowerCase();
    if (!(name in HTML_TAGS)) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, i)}`);
    const at = i;
    let j = i + nameMatch[0].length;
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < source.length && /\s/.test(source[j] as string)) j += 1;
      if (j >= source.length) return fail(`Unclosed start tag at byte offset ${byteOffset(source, at)}`);
      if (source[j] === '>') {
        j += 1;
        break;
      }
      const attr = /^([a-zA-Z0-9_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/.exec(source.slice(j));
      if (!attr) return fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(source, j)}`);
      attrs[(attr[1] as string).toLowerCase()] = decodeAttribute(attr[2] ?? attr[3] ?? attr[4] ?? '');
      j += attr[0].length;
    }
    if (name === 'span' && attrs.class !== 'tg-spoiler') return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, at)}`);
    if (name === 'a' && !attrs.href) return fail(`Tag "a" must have a non-empty href attribute at byte offset ${byteOffset(source, at)}`);
    if (name === 'tg-emoji' && !/^\d+$/.test(attrs['emoji-id'] ?? '')) return fail(`Tag "tg-emoji" must have a numeric emoji-id at byte offset ${byteOffset(source, at)}`);
    if (name === 'a' && stack.some((t) => t.name === 'a')) return fail(`Nested links are not allowed at byte offset ${byteOffset(source, at)}`);
    if (name === 'blockquote' && stack.some((t) => t.name === 'blockquote')) return fail(`Blockquotes can't be nested at byte offset ${byteOffset(source, at)}`);
    stack.push({ name, start: out.length, attrs, at });
    i = j;
  }
  const open = stack.pop();
  if (open) return fail(`Can't find end tag corresponding to start tag "${open.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text: out, entities };
}

function toEntity(tag: OpenTag, length: number): MessageEntity {
  const type = HTML_TAGS[tag.name] as string;
  const entity: MessageEntity = { type, offset: tag.start, length };
  if (tag.name === 'a') entity.url = tag.attrs.href;
  if (tag.name === 'blockquote' && 'expandable' in tag.attrs) entity.type = 'expandable_blockquote';
  if (tag.name === 'tg-emoji') entity.custom_emoji_id = tag.attrs['emoji-id'];
  if (tag.name === 'pre' && tag.attrs['data-language'] !== undefined) entity.language = tag.attrs['data-language'];
  return entity;
}

const MDV2_RESERVED = new Set('_*[]()~`>#+-=|{}.!'.split(''));

/**
 * A compact MarkdownV2 checker: enforces Telegram's rule that every reserved character outside an entity
 * is escaped with `\`, and that `*`, `_`, `__`, `~`, `||`, `` ` ``, ``` and `[..](..)` are closed.
 */
export function parseMarkdownV2(source: string): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, error: `can't parse entities: ${message}` });
  const entities: MessageEntity[] = [];
  const open: { marker: string; start: number; at: number }[] = [];
  const typeOf: Record<string, string> = { '*': 'bold', _: 'italic', __: 'underline', '~': 'strikethrough', '||': 'spoiler' };
  let out = '';
  let i = 0;
  let lineStart = true;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return fail(`Character '\\' at byte offset ${byteOffset(source, i)} escapes nothing`);
      out += next;
      i += 2;
      lineStart = false;
      continue;
    }
    if (c === '`') {
      const fence = source.startsWith('```', i);
      const marker = fence ? '```' : '`';
      let j = i + marker.length;
      let body = '';
      while (j < source.length && !source.startsWith(marker, j)) {
        if (source[j] === '\\' && j + 1 < source.length) {
          body += source[j + 1];
          j += 2;
        } else {
          body += source[j];
          j += 1;
        }
      }
      if (j >= source.length) return fail(`Can't find end of ${fence ? 'Pre' : 'Code'} entity at byte offset ${byteOffset(source, i)}`);
      if (fence) body = body.replace(/^[^\n]*\n/, '');
      if (body.length > 0) entities.push({ type: fence ? 'pre' : 'code', offset: out.length, length: body.length });
      out += body;
      i = j + marker.length;
      lineStart = false;
      continue;
    }
    if (c === '>' && lineStart) {
      i += 1;
      continue;
    }
    if (c === '[') {
      open.push({ marker: '[', start: out.length, at: i });
      i += 1;
      lineStart = false;
      continue;
    }
    if (c === ']') {
      const top = open[open.length - 1];
      if (!top || top.marker !== '[') return fail(`Character ']' is reserved and must be escaped with the preceding '\\'`);
      const url = /^\]\(((?:\\.|[^)\\])*)\)/.exec(source.slice(i));
      if (!url) return fail(`Can't find end of a URL at byte offset ${byteOffset(source, i)}`);
      open.pop();
      const length = out.length - top.start;
      if (length > 0) entities.push({ type: 'text_link', offset: top.start, length, url: (url[1] as string).replace(/\\(.)/g, '$1') });
      i += url[0].length;
      continue;
    }
    const marker = source.startsWith('__', i) ? '__' : source.startsWith('||', i) ? '||' : c;
    if (marker in typeOf) {
      const top = open[open.length - 1];
      if (top && top.marker === marker) {
        open.pop();
        const length = out.length - top.start;
        if (length > 0) entities.push({ type: typeOf[marker] as string, offset: top.start, length });
      } else {
        open.push({ marker, start: out.length, at: i });
      }
      i += marker.length;
      lineStart = false;
      continue;
    }
    if (MDV2_RESERVED.has(c)) return fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    out += c;
    lineStart = c === '\n';
    i += 1;
  }
  const left = open.pop();
  if (left) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(source, left.at)}`);
  return { ok: true, text: out, entities };
}

/** Legacy Markdown: only `*`, `_`, `` ` ``, ``` and `[..](..)`; an unclosed one is an error. */
export function parseMarkdown(source: string): Parsed {
  const entities: MessageEntity[] = [];
  let out = '';
  let i = 0;
  const types: Record<string, string> = { '*': 'bold', _: 'italic', '`': 'code' };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\' && i + 1 < source.length && '*_`['.includes(source[i + 1] as string)) {
      out += source[i + 1];
      i += 2;
      continue;
    }
    if (c in types || c === '[') {
      const close = c === '[' ? ']' : source.startsWith('```', i) ? '```' : c;
      const from = i + (close === '```' ? 3 : 1);
      const end = source.indexOf(close, from);
      if (end < 0) return { ok: false, error: `can't parse entities: Can't find end of the entity starting at byte offset ${byteOffset(source, i)}` };
      const body = source.slice(from, end);
      let next = end + close.length;
      const entity: MessageEntity = { type: close === '```' ? 'pre' : (types[c] ?? 'text_link'), offset: out.length, length: body.length };
      if (c === '[') {
        const url = /^\(([^)]*)\)/.exec(source.slice(next));
        if (url) {
          entity.url = url[1];
          next += url[0].length;
        }
      }
      if (body.length > 0) entities.push(entity);
      out += body;
      i = next;
      continue;
    }
    out += c;
    i += 1;
  }
  return { ok: true, text: out, entities };
}

/** Applies a `parse_mode` the way Telegram does; `undefined` means plain text. */
export function parseFormatted(text: string, parseMode: unknown): Parsed {
  if (parseMode === undefined || parseMode === null || parseMode === '') return { ok: true, text, entities: [] };
  if (typeof parseMode !== 'string') return { ok: false, error: 'unsupported parse_mode' };
  switch (parseMode.toLowerCase()) {
    case 'html':
      return parseHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseMarkdown(text);
    default:
      return { ok: false, error: `unsupported parse_mode "${parseMode}"` };
  }
}
