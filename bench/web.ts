/**
 * The dashboard in Debian's Chromium (playwright-core), served by the real app (src/app.ts with
 * WEBAPP_URL, fake Bot API): what a supervisor waits for.
 *
 * - first paint on the seed: a fresh browser context each time (nothing cached), from navigation
 *   to the first contentful paint and to the totals and list on screen (the page's
 *   `dashboard-drawn` mark); baseline in the same browser: a one-line page's first paint;
 * - bytes transferred for one visit (compressed, as the browser counts them);
 * - a 10,000-target report (bench/qa.ts's synthetic table, imported through the importer): the
 *   same first visit, then the time from a tap on a board row, a light filter or clearing to the
 *   board and list redrawn and painted (goal under 300 ms), and a search through the engine.
 *
 * `npm run bench -- web --screenshots` also writes the README's screenshots to docs/.
 */
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readTableFile } from '../src/table/load-table';
import { hasChromium, CHROMIUM_PATH, launchChromium } from '../test/web/chromium';
import { startDashboardApp, type DashboardApp } from '../test/web/dashboard-app';
import { synthesize, toTsv, vocabulary } from './qa';
import type { Bench } from './run';

const ROOT = resolve(__dirname, '..');
const VISITS = 5;
const ROUNDS = 5;
const PHONE = { width: 390, height: 844 };
const BIG = { width: 1920, height: 1080 };

interface Visit {
  fcp: number;
  drawn: number;
  bytes: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]): number => Math.max(...xs);
const ms = (x: number): string => `${x.toFixed(x >= 100 ? 0 : 1)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** One visit in a fresh context (empty cache), as a phone opening the Mini App. */
const visit = async (browser: Browser, app: DashboardApp): Promise<Visit> => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${app.base}#tgWebAppData=${encodeURIComponent(app.initData())}`);
  await page.waitForSelector('body[data-drawn]');
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
  const result = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      drawn: performance.getEntriesByName('dashboard-drawn')[0]?.startTime ?? NaN,
      bytes: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
    };
  })()`)) as Visit;
  await context.close();
  return result;
};

const baselinePaint = async (browser: Browser): Promise<number> => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto('data:text/html;charset=utf-8,<p>baseline</p>');
  await page.waitForTimeout(200);
  const fcp = (await page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN")) as number;
  await page.close();
  return fcp;
};

/** Runs an action inside the page and returns the time until the next frame has been painted. */
const timed = (page: Page, action: string): Promise<number> =>
  page.evaluate(`(async () => {
    const t0 = performance.now();
    ${action};
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  })()`) as Promise<number>;

const FILTERS: Record<string, string> = {
  'tap the worst unit': "document.querySelector('#board-units button').click()",
  'tap the worst leader': "document.querySelector('#board-leaders button').click()",
  'pick 红灯 in the light filter': "(() => { const s = document.getElementById('filter-light'); s.value = '0'; s.dispatchEvent(new Event('change')); })()",
  'clear every filter':
    "(() => { for (const id of ['filter-unit', 'filter-leader', 'filter-light']) { const s = document.getElementById(id); s.value = ''; s.dispatchEvent(new Event('change')); } })()",
};

const filterTimes = async (browser: Browser, app: DashboardApp): Promise<Record<string, number[]>> => {
  const page = await browser.newPage({ viewport: BIG });
  await page.goto(`${app.base}#tgWebAppData=${encodeURIComponent(app.initData())}`);
  await page.waitForSelector('body[data-drawn]');
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(FILTERS).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, action] of Object.entries(FILTERS)) times[name]!.push(await timed(page, action));
  }
  // a search goes to the server's question engine and back
  times['search 工信局滞后的 (server round trip)'] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await page.fill('#search', round % 2 ? '5G基站' : '工信局滞后的');
    const t0 = Date.now();
    const before = await page.getAttribute('body', 'data-drawn');
    await page.press('#search', 'Enter');
    await page.waitForFunction(`document.body.dataset.drawn !== ${JSON.stringify(before)}`).catch(() => page.waitForTimeout(0));
    times['search 工信局滞后的 (server round trip)'].push(Date.now() - t0);
  }
  await page.close();
  return times;
};

const screenshots = async (browser: Browser, app: DashboardApp): Promise<string[]> => {
  const dir = resolve(ROOT, 'docs');
  mkdirSync(dir, { recursive: true });
  const launch = `${app.base}#tgWebAppData=${encodeURIComponent(app.initData())}`;
  const phone = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2 });
  await phone.goto(launch);
  await phone.waitForSelector('body[data-drawn]');
  await phone.screenshot({ path: resolve(dir, 'dashboard-phone.png') });
  await phone.locator('#targets button[data-id="57"]').click();
  await phone.waitForSelector('#detail-body .chart');
  await phone.screenshot({ path: resolve(dir, 'dashboard-phone-target.png') });
  await phone.close();
  const big = await browser.newPage({ viewport: BIG });
  await big.goto(launch);
  await big.waitForSelector('body[data-drawn]');
  await big.screenshot({ path: resolve(dir, 'dashboard-1920.png') });
  await big.close();
  return ['docs/dashboard-phone.png', 'docs/dashboard-phone-target.png', 'docs/dashboard-1920.png'];
};

const visits = async (browser: Browser, app: DashboardApp): Promise<Visit[]> => {
  const out: Visit[] = [];
  for (let i = 0; i < VISITS; i += 1) out.push(await visit(browser, app));
  return out;
};

const row = (label: string, xs: number[], format = ms): string => `| ${label} | ${format(median(xs))} | ${format(max(xs))} |`;

export const webBench: Bench = {
  name: 'web',
  async run() {
    if (!hasChromium()) throw new Error(`bench web: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    const app = await startDashboardApp();
    const browser = await launchChromium();
    try {
      const shots = process.argv.includes('--screenshots') ? await screenshots(browser, app) : [];
      const baseline = [];
      for (let i = 0; i < VISITS; i += 1) baseline.push(await baselinePaint(browser));
      const seed = await visits(browser, app);

      const seedReport = await readTableFile(resolve(ROOT, 'data/heze-2022-q3.tsv'));
      const big = toTsv(seedReport.title, synthesize(vocabulary(seedReport), 10_000));
      let t0 = performance.now();
      await app.handles.importer.importTable(Buffer.from(big, 'utf8'), 'synthetic-10k.tsv');
      const importMs = performance.now() - t0;
      t0 = performance.now();
      const first10k = await visit(browser, app); // builds and compresses the board once
      const firstVisitMs = performance.now() - t0;
      const large = await visits(browser, app);
      const filters = await filterTimes(browser, app);

      const lines = [
        '## Web: the dashboard in Chromium (bench/web.ts)',
        '',
        `Command: \`npm run bench -- web\`. Debian's Chromium ${browser.version()} headless (playwright-core), the real app with WEBAPP_URL`,
        `on 127.0.0.1 (no network latency), ${VISITS} visits each in a fresh context (empty cache) at 390×844; filters at 1920×1080,`,
        `${ROUNDS} rounds. Node ${process.versions.node}, ${cpus().length} cores shared with other runs. Times: median | worst.`,
        '',
        '| measure | median | worst |',
        '|---|---|---|',
        row('baseline: a one-line page, first contentful paint', baseline),
        row(
          'seed (48 targets): first contentful paint',
          seed.map((v) => v.fcp),
        ),
        row(
          'seed: totals, boards and list on screen (goal < 1 s)',
          seed.map((v) => v.drawn),
        ),
        row(
          'seed: bytes transferred for one visit (gzip)',
          seed.map((v) => v.bytes),
          kb,
        ),
        row(
          '10,000 targets: first contentful paint',
          large.map((v) => v.fcp),
        ),
        row(
          '10,000 targets: totals, boards and list on screen',
          large.map((v) => v.drawn),
        ),
        row(
          '10,000 targets: bytes transferred for one visit (gzip)',
          large.map((v) => v.bytes),
          kb,
        ),
        ...Object.entries(filters).map(([name, xs]) => row(`10,000 targets: ${name}${name.startsWith('search') ? '' : ', to board and list painted (goal < 300 ms)'}`, xs)),
        '',
        `Importing the 10,000-target table took ${ms(importMs)}; the first visit after it ${ms(firstVisitMs)} in all (the server builds and compresses the board once per report: ${ms(first10k.drawn)} to data on screen).`,
        ...(shots.length > 0 ? ['', `Screenshots written: ${shots.join(', ')}.`] : []),
        '',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await browser.close();
      await app.stop();
    }
  },
};
