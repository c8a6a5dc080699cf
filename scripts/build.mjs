#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ to dist/ (tsconfig.build.json), copies the files the
 * program reads by path at run time (the dashboard page, the SQL migrations) and bundles the
 * page's typed modules (src/web/page/) into dist/web/public/app.js with esbuild.
 *
 * `node scripts/build.mjs --if-stale` (the pre-script of start, ask, import and store:copy)
 * builds only when dist/ is missing or older than src/, so that `npm install && npm start`
 * on a fresh clone still works. On a production install (`npm ci --omit=dev`) TypeScript
 * is absent: a built dist/ is then used as it is, and a missing one is an error naming the fix.
 *
 * Writes nothing to stdout: `npm run --silent ask -- --json` must print only JSON
 * (tsc's own diagnostics, which it prints to stdout, are sent to stderr).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Files read by path at run time, copied next to the compiled code that reads them (src/… → dist/…). */
const ASSETS = ['web/public', 'store/postgres/migrations'];
/** Written last: its mtime is when dist/ was built. */
const STAMP = '.built';
/** Besides src/, what changes the output. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

const newestMtime = (path) => {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder's mtime
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
};

/** dist/ is fresh when it was built after the last change to src/ and the build settings. */
export const isFresh = (root = ROOT, outDir = join(root, 'dist')) => {
  const stamp = join(outDir, STAMP);
  if (!existsSync(stamp) || !existsSync(join(outDir, 'main.js'))) return false;
  if (!existsSync(join(root, 'src'))) return true; // a deployed tree may carry dist/ alone
  const inputs = Math.max(
    newestMtime(join(root, 'src')),
    ...INPUTS.map((f) => join(root, f))
      .filter(existsSync)
      .map(newestMtime),
  );
  return statSync(stamp).mtimeMs >= inputs;
};

const tscPath = (root) => {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
};

/**
 * Compiles into a fresh folder next to outDir and swaps it in, so a program starting meanwhile
 * never loads half an old and half a new build. Returns the exit status.
 */
export const build = (root = ROOT, outDir = join(root, 'dist')) => {
  const tsc = tscPath(root);
  if (!tsc) {
    process.stderr.write('无法编译：没有安装 TypeScript（开发依赖）。请先运行 npm install，或在装好开发依赖的机器上运行 npm run build 后再部署 dist/。\n');
    return 1;
  }
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', tmp], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (compiled.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    process.stderr.write('编译失败，见上面的 TypeScript 错误。\n');
    return compiled.status ?? 1;
  }
  for (const asset of ASSETS) cpSync(join(root, 'src', asset), join(tmp, asset), { recursive: true });
  // the dashboard page's script, bundled from its typed modules (src/web/page/)
  const { bundlePage } = createRequire(import.meta.url)('./page-bundle.cjs');
  writeFileSync(join(tmp, 'web/public/app.js'), bundlePage(join(root, 'src/web/page/main.ts')));
  writeFileSync(join(tmp, STAMP), `${new Date().toISOString()}\n`);
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  return 0;
};

/**
 * Several programs may start at once (replicas, tests): one builds, the others wait for it
 * and then find dist/ fresh. The lock is a folder holding the builder's pid; a lock left by
 * a dead process is taken over.
 */
const withLock = async (root, fn) => {
  const lock = join(root, '.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (holderIsDead(lock) || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
};

const holderIsDead = (lock) => {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch (err) {
    if (err.code !== 'ENOENT') return false;
  }
  if (!pid) return (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - 10_000; // pid not written yet, or never will be
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
};

/** What the pre-scripts run: build when needed and possible, else keep dist/ as it is. */
export const ensureBuilt = async (root = ROOT) => {
  if (isFresh(root)) return 0;
  if (!tscPath(root)) {
    if (existsSync(join(root, 'dist', 'main.js'))) return 0; // a production install: dist/ is the artefact
    return build(root); // explains what is missing
  }
  return withLock(root, () => (isFresh(root) ? 0 : build(root)));
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const status = process.argv.includes('--if-stale') ? await ensureBuilt() : await withLock(ROOT, () => build());
  process.exitCode = status;
}
