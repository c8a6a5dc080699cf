import type { Browser, Page, Request } from 'playwright-core';
import { leadersOf, unitsOf } from '../../src/model';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './chromium';
import { seedBytes } from '../helpers/seed';
import { ADMIN_ID, startDashboardApp, type DashboardApp } from './dashboard-app';
import { fourthQuarter } from './tables';
import { ledgerXlsx } from '../table/layouts';
import { readFileSync } from 'node:fs';
import { docxText, xlsxSheets } from '../supervision/read-back';

const describeInBrowser = hasChromium() ? describe : describe.skip;
if (!hasChromium()) {
  // CI installs Chromium (.ci/run) and sets REQUIRE_CHROMIUM: there a missing browser is a failure, not a skip
  if (process.env.REQUIRE_CHROMIUM === '1') it('has Chromium to run the browser tests', () => expect(CHROMIUM_PATH).toBe('an installed Chromium'));
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium; .ci/run installs it)`);
}

const PHONE = { width: 390, height: 844 };
const UNIT = '市工业和信息化局';
const LEADER = '王昌华';

describeInBrowser('dashboard page in Chromium', () => {
  let app: DashboardApp;
  let browser: Browser;
  /** every request any page made, for the same-host check */
  const requests: string[] = [];

  beforeAll(async () => {
    app = await startDashboardApp();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const open = async (fragment: string, viewport = PHONE): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    page.on('request', (r: Request) => void requests.push(r.url()));
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${app.base}#${fragment}`);
    return page;
  };
  const launchFragment = (initData = app.initData(), theme?: object): string =>
    `tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=android${theme ? `&tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(theme))}` : ''}`;
  const text = (page: Page, selector: string) => page.locator(selector).innerText();
  /** reads until the value is what is wanted or time is up (the page redraws after a fetch); returns the last value read */
  const eventually = async <T>(read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    let value = await read();
    while (JSON.stringify(value) !== JSON.stringify(want) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      value = await read();
    }
    return value;
  };
  const waitForTitle = (page: Page, title: string) => page.locator('#title', { hasText: title }).waitFor();
  const listedIds = (page: Page) => page.locator('#targets button[data-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  /** the 序号 the seed gives for a unit and/or a leader, computed from the report, not from the page */
  const expectedIds = (unit?: string, leader?: string) =>
    app.handles
      .engine()
      .report.targets.filter((t) => (!unit || unitsOf(t).includes(unit)) && (!leader || leadersOf(t).includes(leader)))
      .map((t) => t.id)
      .sort((a, b) => Number(a) - Number(b));

  it('shows the seed’s totals, boards and list when opened with signed launch data', async () => {
    const page = await open(launchFragment());
    await page.waitForSelector('#targets li button');
    expect(await text(page, '#total-targets')).toBe('48');
    expect(await text(page, '#total-lagging')).toBe('2');
    expect(await text(page, '#title')).toBe('菏泽市2022年第三季度责任目标');
    expect(await text(page, '#list-title')).toBe('目标 48 项 · 滞后 2 · 黄灯 1');
    expect(await listedIds(page)).toEqual(expectedIds());
    // worst first: the unit with the lagging target and the yellow one leads the board
    expect(await page.locator('#board-units .name').first().innerText()).toBe(UNIT);
    await page.close();
  });

  it('downloads the bulletin (通报) as Word and Excel with its Chinese name, behind the same sign-in', async () => {
    const page = await open(launchFragment());
    await page.waitForSelector('#targets li button');
    for (const format of ['docx', 'xlsx']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#downloads button[data-format=${format}]`)]);
      expect(download.suggestedFilename()).toBe(`菏泽市2022年第三季度责任目标推进情况通报.${format}`);
      const bytes = readFileSync((await download.path())!);
      if (format === 'docx') expect((await docxText(bytes)).split('\n')[0]).toBe('菏泽市2022年第三季度责任目标推进情况通报');
      else expect((await xlsxSheets(bytes)).get('总体情况')![1]!.slice(0, 2)).toEqual(['目标（项）', 48]);
    }
    expect(await page.locator('#message').isHidden()).toBe(true);
    await page.close();
  });

  it('filters by tapping a unit and then a leader, and the filters combine', async () => {
    const page = await open(launchFragment());
    await page.waitForSelector('#targets li button');
    await page.locator('#board-units button', { hasText: UNIT }).click();
    expect(await listedIds(page)).toEqual(expectedIds(UNIT));
    expect(await page.locator('#board-units button[aria-pressed="true"] .name').innerText()).toBe(UNIT);
    await page.locator('#board-leaders button', { hasText: LEADER }).click();
    expect(await listedIds(page)).toEqual(expectedIds(UNIT, LEADER));
    expect(await page.inputValue('#filter-leader')).not.toBe('');
    // tapping the unit again drops it: the leader's targets remain
    await page.locator('#board-units button', { hasText: UNIT }).click();
    expect(await listedIds(page)).toEqual(expectedIds(undefined, LEADER));
    await page.close();
  });

  it('opens target 57 with its 6.8% and a bar drawn to 85% of the goal', async () => {
    const page = await open(launchFragment());
    await page.locator('#targets button[data-id="57"]').click();
    await page.waitForSelector('#detail-title');
    expect(await text(page, '#detail-title')).toContain('第 57 项');
    const detail = await text(page, '#detail-body');
    expect(detail).toContain('规模以上工业增加值增长8%左右');
    expect(detail).toContain('实际增长 6.8%');
    const bar = page.locator('#detail-body .bar .fill');
    expect(await bar.getAttribute('style')).toBe('width: 85%;');
    const [fill, track] = await Promise.all([bar.boundingBox(), page.locator('#detail-body .bar .track').boundingBox()]);
    expect(fill!.width / track!.width).toBeCloseTo(0.85, 2);
    await page.keyboard.press('Escape');
    expect(await page.locator('#detail').isHidden()).toBe(true);
    await page.close();
  });

  it('searches with the chat’s question engine', async () => {
    const page = await open(launchFragment());
    await page.waitForSelector('#targets li button');
    for (const q of ['5G基站', '工信局滞后的']) {
      await page.fill('#search', q);
      await page.press('#search', 'Enter');
      const expected = app.handles
        .engine()
        .ask(q)
        .hits.map((h) => h.target.id);
      expect(await eventually(() => listedIds(page), expected)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
    expect(await text(page, '#search-note')).toBe('市工业和信息化局 · 滞后 · 1 项');
    await page.close();
  });

  it('gets no data with a forged or an expired signature, and says how to get in', async () => {
    const forged = app.initData().replace(/hash=[0-9a-f]{4}/, 'hash=0000');
    const expired = app.initData({}, Math.floor(Date.now() / 1000) - 25 * 3600);
    for (const initData of [forged, expired]) {
      const page = await open(launchFragment(initData));
      const response = await page.waitForResponse((r) => r.url().includes('/api/me'));
      expect(response.status()).toBe(401);
      await page.waitForSelector('#message:not([hidden])');
      expect(await text(page, '#message')).toContain('/weblink');
      expect(await page.locator('#targets li').count()).toBe(0);
      expect(await text(page, '#total-targets')).toBe('–');
      await page.close();
    }
  });

  it('signs in from a /weblink link in a plain browser and takes the token out of the address bar', async () => {
    // the link as the bot sends it in reply to /weblink
    app.api.userMessage({ text: '/weblink', chatId: 1001, userId: 1001 });
    const sent = await app.api.waitFor('sendMessage', (p) => String(p.text).includes('#weblink='));
    const token = /#weblink=([A-Za-z0-9_-]+)/.exec(String(sent.payload.text))![1];
    const page = await open(`weblink=${token}`);
    await page.waitForSelector('#targets li button');
    expect(page.url()).toBe(app.base);
    expect(await text(page, '#total-targets')).toBe('48');
    await page.close();
  });

  it('uses Telegram’s theme colours inside Telegram', async () => {
    const page = await open(launchFragment(app.initData(), { bg_color: '#212121', text_color: '#ffffff', hint_color: '#aaaaaa', link_color: '#8774e1', secondary_bg_color: '#0f0f0f' }));
    await page.waitForSelector('#targets li button');
    expect(await page.evaluate('document.documentElement.dataset.scheme')).toBe('dark');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(15, 15, 15)');
    await page.close();
  });

  it('shows the upload form to admins only; a malformed table is refused with its row and column', async () => {
    const user = await open(launchFragment());
    await user.waitForSelector('#targets li button');
    expect(await user.locator('#upload').isHidden()).toBe(true);
    await user.close();
    const admin = await open(launchFragment(app.initData({ id: ADMIN_ID })));
    await admin.waitForSelector('#upload:not([hidden])');
    const broken = Buffer.from(
      seedBytes()
        .toString('utf8')
        .replace(/\t否\t/, '\t待定\t'),
      'utf8',
    );
    await admin.setInputFiles('#upload-file', { name: 'broken.tsv', mimeType: 'text/tab-separated-values', buffer: broken });
    await admin.click('#upload-form button[type="submit"]');
    await admin.locator('#upload-result', { hasText: '导入失败' }).waitFor();
    expect(await text(admin, '#upload-result')).toMatch(/是否按计划完成进度.*待定/);
    expect(await admin.locator('#report option').count()).toBe(1);
    await admin.close();
  });

  it('imports a next quarter uploaded by an admin, switches between the quarters and shows a target’s history across both', async () => {
    const page = await open(launchFragment(app.initData({ id: ADMIN_ID })));
    await page.waitForSelector('#upload:not([hidden])');
    await page.setInputFiles('#upload-file', { name: '2022-q4.tsv', mimeType: 'text/tab-separated-values', buffer: fourthQuarter() });
    await page.click('#upload-form button[type="submit"]');
    await page.locator('#upload-result', { hasText: '已保存为当前数据' }).waitFor();
    expect(await text(page, '#upload-result')).toContain('与上一期（2022年第三季度）相比');
    await waitForTitle(page, '菏泽市2022年第四季度责任目标');
    expect(await page.locator('#report option').allInnerTexts()).toEqual(['2022年第四季度（当前）', '2022年第三季度']);

    await page.selectOption('#report', { label: '2022年第三季度' });
    await waitForTitle(page, '菏泽市2022年第三季度责任目标');
    expect(await text(page, '#subtitle')).toContain('往期数据');

    await page.selectOption('#report', { label: '2022年第四季度（当前）' });
    await waitForTitle(page, '菏泽市2022年第四季度责任目标');
    await page.locator('#targets button[data-id="57"]').click();
    await page.waitForSelector('#detail-body .chart');
    expect(await page.locator('#detail-body .chart circle').count()).toBe(2);
    expect(await page.locator('#detail-body .chart text.value').allTextContents()).toEqual(['85%', '94%']);
    expect(await text(page, '#detail-body')).toContain('各期变化（2 期）');
    expect(await text(page, '#detail-body')).toContain('6.8 → 7.5');
    await page.close();
  });

  it('made no request to another host in any of the pages above', () => {
    const origin = new URL(app.base).origin;
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  });

  // last: it makes another office's table the current one
  it('asks the admin which header is which missing column, imports with the answers, and remembers them', async () => {
    const page = await open(launchFragment(app.initData({ id: ADMIN_ID })));
    await page.waitForSelector('#upload:not([hidden])');
    await page.setInputFiles('#upload-file', { name: 'duban-q3.xlsx', mimeType: 'application/octet-stream', buffer: await ledgerXlsx() });
    await page.click('#upload-form button[type="submit"]');
    await page.waitForSelector('#upload-mapping:not([hidden]) select');
    expect(await page.locator('#upload-mapping label').allInnerTexts()).toEqual([
      expect.stringContaining('“责任目标内容”是哪一列？'),
      expect.stringContaining('“是否按计划完成进度”是哪一列？'),
      expect.stringContaining('“责任单位”是哪一列？'),
    ]);
    await page.selectOption('#upload-mapping select[data-column="责任目标内容"]', '督办件');
    await page.selectOption('#upload-mapping select[data-column="是否按计划完成进度"]', '办结标识');
    await page.selectOption('#upload-mapping select[data-column="责任单位"]', '承办方');
    await page.click('#upload-mapping button[type="submit"]');
    await page.locator('#upload-result', { hasText: '已保存为当前数据' }).waitFor();
    expect(await page.locator('#upload-mapping').isHidden()).toBe(true);
    expect(app.handles.engine().report.title).toBe('2022年三季度督办件办理台账');

    // the next quarter of the same office imports without a question
    await page.setInputFiles('#upload-file', { name: 'duban-q4.xlsx', mimeType: 'application/octet-stream', buffer: await ledgerXlsx('2022年四季度督办件办理台账') });
    await page.click('#upload-form button[type="submit"]');
    await page.locator('#upload-result', { hasText: '2022年第四季度' }).waitFor();
    expect(await page.locator('#upload-mapping').isHidden()).toBe(true);
    await page.close();
  });
});
