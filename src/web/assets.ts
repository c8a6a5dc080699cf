import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { PAGE_WORDS } from '../wording/dashboard';
import { toBody, type Body } from './respond';

/** The page's own files, shipped in src/web/public (copied to dist/ by the build) and served from memory: nothing fetched elsewhere. */
export const PUBLIC_DIR = resolve(__dirname, 'public');

const TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
});

export interface Asset {
  body: Body;
  etag: string;
}

/**
 * Reads every file once at start-up and compresses it once; `index.html` is served for the base path itself.
 * The page's words come from src/wording/dashboard.ts: index.html's `{{name}}` marks are filled (escaped),
 * and `words.js` is written for the script, so the page holds no words of its own.
 */
export const loadAssets = (dir: string = PUBLIC_DIR): ReadonlyMap<string, Asset> => {
  const assets = new Map<string, Asset>();
  const add = (name: string, bytes: Buffer): void => {
    const type = TYPES[extname(name)];
    if (type) assets.set(name, { body: toBody(bytes, type, true), etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` });
  };
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name));
    add(name, name === 'index.html' ? Buffer.from(fillPage(bytes.toString('utf8'))) : bytes);
  }
  add('words.js', Buffer.from(`window.PAGE_WORDS = ${JSON.stringify(PAGE_WORDS.script)};\n`));
  return assets;
};

const HTML_ESCAPES: Readonly<Record<string, string>> = Object.freeze({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' });

/** index.html with its `{{name}}` marks filled; a mark with no word fails at start-up, not on a user's screen. */
export const fillPage = (html: string): string =>
  html.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const word = (PAGE_WORDS.html as Readonly<Record<string, string>>)[name];
    if (word === undefined) throw new Error(`index.html: {{${name}}} is not in PAGE_WORDS.html (src/wording/dashboard.ts)`);
    return word.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
  });
