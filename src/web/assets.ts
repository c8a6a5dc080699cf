import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { PAGE_WORDS } from '../wording/dashboard';
import { toBody, type Body } from './respond';

/**
 * The page's own files, shipped in src/web/public (copied to dist/ by the build) and served from memory: nothing
 * fetched elsewhere. Its script, app.js, is bundled from the typed modules in src/web/page/ by
 * scripts/page-bundle.cjs: `npm run build` writes it into dist/web/public; run from src/, it is bundled here.
 */
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
  if (!assets.has('app.js') && existsSync(PAGE_ENTRY)) add('app.js', bundled());
  add('words.js', Buffer.from(`window.PAGE_WORDS = ${JSON.stringify(PAGE_WORDS.script)};\n`));
  return assets;
};

/** The page's entry module; only in a source tree (a built dist/ carries public/app.js instead). */
const PAGE_ENTRY = resolve(__dirname, 'page', 'main.ts');
let page: Buffer | undefined;
/** Run from src/: the page bundled once per process by the build's own bundler (a dev dependency, as tsx is). */
const bundled = (): Buffer => {
  const bundler = resolve(__dirname, '../../scripts/page-bundle.cjs');
  page ??= (require(bundler) as { bundlePage: (entry: string) => Buffer }).bundlePage(PAGE_ENTRY);
  return page;
};

const HTML_ESCAPES: Readonly<Record<string, string>> = Object.freeze({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' });

/** index.html with its `{{name}}` marks filled; a mark with no word fails at start-up, not on a user's screen. */
export const fillPage = (html: string): string =>
  html.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const word = (PAGE_WORDS.html as Readonly<Record<string, string>>)[name];
    if (word === undefined) throw new Error(`index.html: {{${name}}} is not in PAGE_WORDS.html (src/wording/dashboard.ts)`);
    return word.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
  });
