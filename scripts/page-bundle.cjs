/**
 * The dashboard page's typed modules (src/web/page/) as the one script the page loads (public/app.js):
 * bundled by esbuild into a plain script, not a module, so index.html and the Content-Security-Policy
 * (script-src 'self') stay as they are. Type-only imports of the server's answer types vanish here;
 * `npm run typecheck` checks them (src/web/page/tsconfig.json).
 *
 * Used by scripts/build.mjs (writes dist/web/public/app.js) and, when the program runs from src/ (tsx,
 * jest), by src/web/assets.ts at start-up. A build tool, so it stays out of dist/: a production
 * install has no esbuild and needs none, since its dist/ carries app.js.
 */
const { join } = require('node:path');

/** @param {string} entry the page's entry module (src/web/page/main.ts) @returns {Buffer} */
const bundlePage = (entry) => {
  const result = require('esbuild').buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    tsconfig: join(entry, '..', 'tsconfig.json'),
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return Buffer.from(file.contents);
};

module.exports = { bundlePage };
