import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/**
 * The compiled build on a copy of the project in a temp folder (so the developer's dist/ is
 * untouched): `npm run ask` on a fresh tree builds first and still prints only JSON; `npm start`
 * answers on the console from dist/; and a production tree — dist/ and only the production
 * dependencies, no TypeScript, no tsx — starts too, even when src/ looks newer than dist/.
 */
const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

const tree = mkdtempSync(join(tmpdir(), 'tpb-build-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const npm = (args: string[], input?: string) =>
  spawnSync('npm', args, {
    cwd: tree,
    input,
    encoding: 'utf8',
    timeout: 170_000,
    // a clean environment: no BOT_TOKEN or DATABASE_URL from the developer's shell; the store in the temp tree
    env: { PATH: process.env.PATH ?? '', HOME: tree, DB_PATH: join(tree, 'db.json'), LOG_LEVEL: 'warn' },
  });

/** What a fresh clone holds (git ls-files), without the tests and benchmarks. */
const copyProject = () => {
  for (const name of ['src', 'scripts', 'data', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    cpSync(join(ROOT, name), join(tree, name), { recursive: true });
  }
};

/** node_modules holding only what `npm ci --omit=dev` installs: the lockfile's packages not marked dev. */
const productionModules = (dir: string) => {
  mkdirSync(dir);
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || entry.dev) continue;
    mkdirSync(dirname(join(dir, path.slice('node_modules/'.length))), { recursive: true });
    symlinkSync(join(ROOT, path), join(dir, path.slice('node_modules/'.length)));
  }
};

const jsFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));

describe('the compiled build (npm run build, npm start)', () => {
  beforeAll(() => {
    copyProject();
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  });

  it('builds on the first `npm run ask` of a fresh tree and keeps stdout pure JSON', () => {
    const out = npm(['run', '--silent', 'ask', '--', '--json'], '第57项\n');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ q: '第57项', ids: ['57'] });
    expect(existsSync(join(tree, 'dist/main.js'))).toBe(true);
    // the files read by path at run time came along
    expect(existsSync(join(tree, 'dist/web/public/index.html'))).toBe(true);
    // the page's script, bundled from its typed modules (src/web/page/), which are not in dist/ themselves
    expect(readFileSync(join(tree, 'dist/web/public/app.js'), 'utf8')).toContain('PAGE_WORDS');
    expect(existsSync(join(tree, 'dist/web/page'))).toBe(false);
    expect(readdirSync(join(tree, 'dist/store/postgres/migrations'))).toEqual(readdirSync(join(ROOT, 'src/store/postgres/migrations')));
  }, 180_000);

  it('answers on the console with `npm start`, from dist/ without rebuilding', () => {
    const built = readFileSync(join(tree, 'dist/.built'), 'utf8');
    const out = npm(['start'], '工信局滞后的\n');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('57 🔴');
    expect(readFileSync(join(tree, 'dist/.built'), 'utf8')).toBe(built);
  }, 60_000);

  it('requires at run time only Node built-ins, its own files and production dependencies', () => {
    const allowed = new Set([...builtinModules, ...Object.keys(pkg.dependencies)]);
    const outside: string[] = [];
    for (const file of jsFiles(join(tree, 'dist'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) continue;
        const name = spec.startsWith('node:') ? spec.slice(5) : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!allowed.has(name)) outside.push(`${relative(tree, file)}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('starts on a production install (no devDependencies) even when src/ is newer than dist/', () => {
    rmSync(join(tree, 'node_modules'));
    productionModules(join(tree, 'node_modules'));
    expect(existsSync(join(tree, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(tree, 'node_modules/tsx'))).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(tree, 'src/main.ts'), later, later);
    const out = npm(['start'], '第57项\n');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('第 57 项');
    const json = npm(['run', '--silent', 'ask', '--', '--json'], '统计\n');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'stats' });
  }, 60_000);
});
