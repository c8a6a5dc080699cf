import type { IncomingMessage } from 'node:http';

/** A file part of a multipart request (sendDocument & co.). */
export interface UploadedFile {
  fileName: string;
  contentType: string | undefined;
  bytes: Buffer;
}

export type Payload = Record<string, unknown>;

// Fields that telegraf (and other clients) serialize as JSON inside form and query-string bodies.
const JSON_FIELDS = new Set(['reply_markup', 'results', 'commands', 'scope', 'entities', 'caption_entities', 'allowed_updates', 'link_preview_options', 'reply_parameters', 'button', 'media']);

const INTEGER = /^-?\d{1,16}$/;

/** Form values arrive as strings: turn them back into what a JSON body would have carried. */
function coerce(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (INTEGER.test(value) && key !== 'text' && key !== 'caption' && key !== 'callback_data' && key !== 'query') return Number(value);
  return value;
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new Error(`request body larger than ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON, urlencoded and multipart bodies, plus a GET query string, into one payload. */
export function parsePayload(contentType: string | undefined, body: Buffer, query: URLSearchParams): Payload {
  const payload: Payload = {};
  for (const [k, v] of query) payload[k] = coerce(k, v);
  const type = (contentType ?? '').toLowerCase();
  if (body.length === 0) return payload;
  if (type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('JSON body is not an object');
    return { ...payload, ...(parsed as Payload) };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) payload[k] = coerce(k, v);
    return payload;
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    if (!boundary) throw new Error('multipart body without boundary');
    for (const part of splitMultipart(body, boundary[1] ?? boundary[2] ?? '')) {
      if (part.fileName !== undefined) {
        payload[part.name] = { fileName: part.fileName, contentType: part.contentType, bytes: part.body } satisfies UploadedFile;
      } else {
        payload[part.name] = coerce(part.name, part.body.toString('utf8'));
      }
    }
    return payload;
  }
  throw new Error(`unsupported content-type "${contentType ?? ''}"`);
}

interface Part {
  name: string;
  fileName: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // The part ends with CRLF before the next delimiter.
    const end = body.subarray(next - 2, next).toString() === '\r\n' ? next - 2 : next;
    const raw = body.subarray(start, end);
    const headerEnd = raw.indexOf('\r\n\r\n');
    const headerText = headerEnd >= 0 ? raw.subarray(0, headerEnd).toString('utf8') : '';
    const content = headerEnd >= 0 ? raw.subarray(headerEnd + 4) : raw;
    // telegraf writes headers as "name:value" without a space; browsers add one.
    const headers: Record<string, string> = {};
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers['content-disposition'] ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    if (name !== undefined) parts.push({ name, fileName, contentType: headers['content-type'], body: Buffer.from(content) });
    pos = next;
  }
  return parts;
}
