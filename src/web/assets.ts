import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { toBody, type Body } from './respond';

/** The page's own files, shipped in src/web/public and served from memory: no build step, nothing fetched elsewhere. */
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

/** Reads every file once at start-up and compresses it once; `index.html` is served for the base path itself. */
export const loadAssets = (dir: string = PUBLIC_DIR): ReadonlyMap<string, Asset> => {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const bytes = readFileSync(join(dir, name));
    assets.set(name, { body: toBody(bytes, type, true), etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` });
  }
  return assets;
};
