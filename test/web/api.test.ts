import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { toBoard } from '../../src/web/board';
import { WEB_MESSAGES } from '../../src/wording/dashboard';
import { seedBytes } from '../helpers/seed';
import { ADMIN_ID, startDashboardApp, USER_ID, type DashboardApp } from './dashboard-app';
import { fourthQuarter } from './tables';
import { ledgerXlsx } from '../table/layouts';
import { docxText, xlsxSheets } from '../supervision/read-back';

describe('dashboard API (the real app, over HTTP)', () => {
  let app: DashboardApp;
  const get = (path: string, authorization?: string) => fetch(app.base + path, { headers: authorization ? { Authorization: authorization } : {} });
  const asUser = (id = USER_ID) => `tma ${app.initData({ id })}`;

  beforeAll(async () => {
    app = await startDashboardApp();
  });
  afterAll(() => app.stop());

  describe('sign-in', () => {
    it.each([
      ['no Authorization header', undefined],
      ['a forged signature', () => `tma ${app.initData().replace(/hash=[0-9a-f]{4}/, 'hash=0000')}`],
      ['an expired launch (auth_date 25 hours ago)', () => `tma ${app.initData({}, Math.floor(Date.now() / 1000) - 25 * 3600)}`],
      ['an unknown weblink token', () => `Bearer ${'A'.repeat(43)}`],
      ['an unknown scheme', () => 'Basic dXNlcjpwYXNz'],
    ])('answers 401 without data for %s', async (_what, auth) => {
      for (const path of ['api/me', 'api/board', 'api/target?id=57', 'api/search?q=5G', 'api/bulletin?format=docx']) {
        const response = await get(path, typeof auth === 'function' ? auth() : auth);
        expect(response.status).toBe(401);
        const text = await response.text();
        expect(text).not.toMatch(/工业|菏泽|王昌华/);
      }
    });

    it('logs the reason of a refusal, never the signature', async () => {
      const forged = app.initData().replace(/hash=[0-9a-f]{4}/, 'hash=0000');
      await get('api/board', `tma ${forged}`);
      const logs = app.logs.join('\n');
      expect(logs).toContain('bad-hash');
      expect(logs).not.toContain(new URLSearchParams(forged).get('hash') as string);
    });
  });

  describe('data', () => {
    it('gives the user, admin or not, and the reports', async () => {
      const me = (await (await get('api/me', asUser())).json()) as any;
      expect(me.user).toEqual({ id: USER_ID, admin: false, via: 'telegram' });
      expect(me.reports).toEqual([expect.objectContaining({ key: '1', city: '菏泽市', year: 2022, period: '第三季度', current: true })]);
      expect(((await (await get('api/me', asUser(ADMIN_ID))).json()) as any).user.admin).toBe(true);
    });

    it('gives the board of the seed: 48 targets, 2 lagging, units worst first as the chat counts them', async () => {
      const response = await fetch(`${app.base}api/board`, { headers: { Authorization: asUser(), 'Accept-Encoding': 'gzip' } });
      expect(response.status).toBe(200);
      const board = (await response.json()) as any;
      expect(board.totals).toMatchObject({ targets: 48, lagging: 2 });
      const stats = app.handles.engine().askAs('stats', '').stats!;
      expect(board.units).toEqual(stats.byUnit.map((g) => g.name));
      expect(board.leaders).toEqual(stats.byLeader.map((g) => g.name));
      expect(board.targets).toHaveLength(48);
      const row57 = board.targets.find((t: { id: string }) => t.id === '57');
      // red (0), the unit 市工业和信息化局, the bar at 85% of the 8% goal
      expect(row57.light).toBe(0);
      expect(board.units[row57.units[0]]).toBe('市工业和信息化局');
      expect(row57.bar).toBe(85);
      expect(row57.measure).toContain('6.8%');
    });

    it('serves the bulletin (通报) as a Word or Excel download, named in Chinese, with the table’s figures', async () => {
      const docx = await get('api/bulletin?format=docx', asUser());
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const title = '菏泽市2022年第三季度责任目标推进情况通报';
      expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="___2022_______________.docx"; filename*=UTF-8''${encodeURIComponent(`${title}.docx`)}`);
      expect(docx.headers.get('cache-control')).toBe('no-store');
      const text = await docxText(Buffer.from(await docx.arrayBuffer()));
      expect(text.split('\n')[0]).toBe(title);
      expect(text).toContain('本期共有责任目标 48 项（分工 50 条），按计划推进 46 项，未按计划完成进度（滞后）2 项，按计划率 95.8%。');

      const xlsx = await get('api/bulletin?format=xlsx', asUser());
      expect(xlsx.status).toBe(200);
      const sheets = await xlsxSheets(Buffer.from(await xlsx.arrayBuffer()));
      expect(
        sheets
          .get('滞后目标')!
          .slice(1)
          .map((r) => r[0]),
      ).toEqual([47, 57]);

      const wrong = await get('api/bulletin?format=pdf', asUser());
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { error: string }).error).toBe(WEB_MESSAGES.badFormat);
    });

    it('compresses the board for clients that accept gzip', async () => {
      const url = new URL(`${app.base}api/board`);
      const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        request(url, { headers: { Authorization: asUser(), 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
      expect(raw.encoding).toBe('gzip');
      const board = JSON.parse(gunzipSync(raw.body).toString('utf8'));
      expect(board).toEqual(JSON.parse(JSON.stringify(toBoard(app.handles.engine(), { key: '1', current: true }))));
    });

    it('gives target 57 in full: its measure, reasons and one period of history', async () => {
      const d = (await (await get('api/target?id=57', asUser())).json()) as any;
      expect(d).toMatchObject({ id: '57', light: 'red', lagging: true, measure: { percent: 85, achieved: 6.8 } });
      expect(d.reasons.join()).toContain('6.8%');
      expect(d.history).toEqual([expect.objectContaining({ label: '2022年第三季度', present: true, light: 'red' })]);
      expect((await get('api/target?id=999', asUser())).status).toBe(404);
    });

    it('shows the units’ replies in a target’s detail, newest first, and gives admins the period’s overview', async () => {
      const reportId = (await app.handles.reports.currentId())!;
      const { supervision } = app.handles;
      await supervision.recordReminders([
        { id: 'web:0', reportId, unit: '市工业和信息化局', targets: ['57'], chatIds: [-1], by: ADMIN_ID, at: '2022-10-10T01:00:00.000Z' },
        { id: 'web:1', reportId, unit: '市商务局', targets: ['47'], chatIds: [-2], by: ADMIN_ID, at: '2022-10-10T01:00:00.000Z' },
      ]);
      await supervision.addReply({ reportId, target: '57', unit: '市工业和信息化局', chatId: -1, userId: 5, person: '张三', text: '已选址', at: '2022-10-11T01:00:00.000Z' });
      await supervision.addReply({
        reportId,
        target: '57',
        unit: '市工业和信息化局',
        chatId: -1,
        userId: 5,
        person: '张三',
        text: '已开工',
        file: { kind: 'photo', fileId: 'AgAD' },
        at: '2022-10-12T01:00:00.000Z',
      });
      const d = (await (await get('api/target?id=57', asUser())).json()) as any;
      expect(d.replies).toEqual([
        { unit: '市工业和信息化局', person: '张三', at: '2022-10-12T01:00:00.000Z', text: '已开工', file: true },
        { unit: '市工业和信息化局', person: '张三', at: '2022-10-11T01:00:00.000Z', text: '已选址', file: false },
      ]);
      expect(((await (await get('api/target?id=47', asUser())).json()) as any).replies).toEqual([]);

      expect((await get('api/feedback', asUser())).status).toBe(403);
      const { units } = (await (await get('api/feedback', asUser(ADMIN_ID))).json()) as any;
      // reminded on 2022-10-10: 市商务局 has not replied for more than three days, so it is overdue
      expect(units).toEqual([
        expect.objectContaining({ unit: '市工业和信息化局', times: 1, targets: ['57'], replied: ['57'], missing: [], overdue: false }),
        expect.objectContaining({ unit: '市商务局', times: 1, targets: ['47'], replied: [], missing: ['47'], overdue: true }),
      ]);
    });

    it('searches with the chat’s question engine: same targets in the same order', async () => {
      for (const q of ['工信局滞后的', '5G基站', '王昌华负责的滞后项目', '年底到期的']) {
        const result = (await (await get(`api/search?q=${encodeURIComponent(q)}`, asUser())).json()) as any;
        expect(result.ids).toEqual(
          app.handles
            .engine()
            .ask(q)
            .hits.map((h) => h.target.id),
        );
        expect(result.ids.length).toBeGreaterThan(0);
      }
      const lagging = (await (await get(`api/search?q=${encodeURIComponent('工信局滞后的')}`, asUser())).json()) as any;
      expect(lagging).toEqual({ kind: 'list', ids: ['57'], summary: '市工业和信息化局 · 滞后 · 1 项' });
    });
  });

  describe('upload', () => {
    const upload = (bytes: Buffer, name: string, userId: number) =>
      fetch(`${app.base}api/upload`, { method: 'POST', body: new Uint8Array(bytes), headers: { Authorization: asUser(userId), 'X-File-Name': encodeURIComponent(name) } });

    it('refuses non-admins and wrong file types', async () => {
      expect((await upload(fourthQuarter(), 'q4.tsv', USER_ID)).status).toBe(403);
      expect((await upload(fourthQuarter(), 'q4.pdf', ADMIN_ID)).status).toBe(400);
    });

    it('rejects a malformed table whole, naming row and column, and keeps the current data', async () => {
      const broken = Buffer.from(
        seedBytes()
          .toString('utf8')
          .replace(/\t否\t/, '\t待定\t'),
        'utf8',
      );
      const response = await upload(broken, 'broken.tsv', ADMIN_ID);
      expect(response.status).toBe(422);
      const { error } = (await response.json()) as any;
      expect(error).toMatch(/^导入失败：表格 broken\.tsv 第 \d+ 行“是否按计划完成进度”列：“待定”不是“是”或“否”。请改为“是”或“否”，改好后重新上传。$/);
      expect(((await (await get('api/me', asUser())).json()) as any).reports).toHaveLength(1);
    });

    it('imports a next quarter through the same importer as the chat, with the change summary; the old quarter stays viewable', async () => {
      const response = await upload(fourthQuarter(), '2022-q4.tsv', ADMIN_ID);
      expect(response.status).toBe(200);
      const result = (await response.json()) as any;
      expect(result).toMatchObject({ stored: true, duplicate: false });
      expect(result.summary).toContain('第四季度');
      expect(result.summary).toContain('与上一期（2022年第三季度）相比');
      expect(app.handles.engine().report.period).toBe('第四季度');

      const me = (await (await get('api/me', asUser())).json()) as any;
      expect(me.reports.map((r: { key: string; period: string; current: boolean }) => [r.key, r.period, r.current])).toEqual([
        ['2', '第四季度', true],
        ['1', '第三季度', false],
      ]);
      const d = (await (await get('api/target?id=57', asUser())).json()) as any;
      expect(d.history.map((p: { label: string; measure: { achieved: number } }) => [p.label, p.measure.achieved])).toEqual([
        ['2022年第三季度', 6.8],
        ['2022年第四季度', 7.5],
      ]);
      expect(d.changes.join()).toContain('6.8 → 7.5');
      const old = (await (await get('api/target?report=1&id=57', asUser())).json()) as any;
      expect(old.measure.achieved).toBe(6.8);
      expect((await get('api/board?report=9', asUser())).status).toBe(404);
    });
  });

  describe('the page itself', () => {
    it('serves the page under the WEBAPP_URL path with a same-origin-only policy, and nothing elsewhere', async () => {
      const page = await fetch(app.base);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
      const html = await page.text();
      expect(html).toContain('<script src="app.js"');
      expect(html).not.toMatch(/https?:\/\//);
      const etag = page.headers.get('etag')!;
      expect((await fetch(app.base, { headers: { 'If-None-Match': etag } })).status).toBe(304);
      expect((await fetch(`${app.base}app.js`)).headers.get('content-type')).toContain('javascript');
      const root = app.base.replace(/app\/$/, '');
      expect((await fetch(root)).status).toBe(404);
      const bare = await fetch(`${root}app`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([308, '/app/']);
      expect((await fetch(`${app.base}api/nope`, { headers: { Authorization: asUser() } })).status).toBe(404);
      expect((await fetch(`${app.base}api/board`, { method: 'DELETE', headers: { Authorization: asUser() } })).status).toBe(405);
    });
  });
});

describe('dashboard API with ALLOWED_CHAT_IDS', () => {
  let app: DashboardApp;
  beforeAll(async () => {
    app = await startDashboardApp({ ALLOWED_CHAT_IDS: '555' });
  });
  afterAll(() => app.stop());

  it('answers 403 without data to a validly signed user outside the list, and serves listed users and admins', async () => {
    const as = async (id: number) => fetch(`${app.base}api/board`, { headers: { Authorization: `tma ${app.initData({ id })}` } });
    const refused = await as(USER_ID);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('工业');
    expect((await as(555)).status).toBe(200);
    expect((await as(ADMIN_ID)).status).toBe(200);
  });

  describe('per-user limit', () => {
    let limited: DashboardApp;
    beforeAll(async () => {
      limited = await startDashboardApp({}, { webRateLimit: { burst: 3, perSecond: 1 } });
    });
    afterAll(() => limited.stop());

    it('answers 429 with Retry-After and no data once a user has used the burst, and keeps serving the others', async () => {
      const as = (id: number) => ({ headers: { Authorization: `tma ${limited.initData({ id })}` } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${limited.base}api/board`, as(USER_ID))).status);
      const refused = await fetch(`${limited.base}api/board`, as(USER_ID));
      expect(statuses).toEqual([200, 200, 200]);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      const body = (await refused.json()) as { error: string };
      expect(body).toEqual({ error: WEB_MESSAGES.tooFast });
      expect((await fetch(`${limited.base}api/board`, as(ADMIN_ID))).status).toBe(200);
      expect(limited.logs.filter((l) => l.includes('dashboard requests throttled'))).toHaveLength(1);
      // a token is back after a second
      await new Promise((r) => setTimeout(r, 1100));
      expect((await fetch(`${limited.base}api/board`, as(USER_ID))).status).toBe(200);
    });
  });

  describe('an upload whose header lacks columns', () => {
    let office: DashboardApp;
    beforeAll(async () => {
      office = await startDashboardApp();
    });
    afterAll(() => office.stop());
    const upload = async (bytes: Buffer, name: string, columns?: unknown) =>
      fetch(`${office.base}api/upload`, {
        method: 'POST',
        body: new Uint8Array(bytes),
        headers: {
          Authorization: `tma ${office.initData({ id: ADMIN_ID })}`,
          'X-File-Name': encodeURIComponent(name),
          ...(columns === undefined ? {} : { 'X-Columns': encodeURIComponent(JSON.stringify(columns)) }),
        },
      });

    it("answers 422 with the missing columns and the header cells, imports with the admin's answers, and needs none next quarter", async () => {
      const asked = await upload(await ledgerXlsx(), 'duban-q3.xlsx');
      expect(asked.status).toBe(422);
      const body = (await asked.json()) as { error: string; mapping: { missing: string[]; cells: string[]; chosen: object } };
      expect(body.mapping.missing).toEqual(['责任目标内容', '是否按计划完成进度', '责任单位']);
      expect(body.mapping.cells).toEqual(expect.arrayContaining(['督办件', '承办方', '办结标识']));
      expect(body.error).toContain('责任目标内容');

      const answered = await upload(await ledgerXlsx(), 'duban-q3.xlsx', { 督办件: '责任目标内容', 办结标识: '是否按计划完成进度', 承办方: '责任单位' });
      expect(answered.status).toBe(200);
      expect(((await answered.json()) as { stored: boolean }).stored).toBe(true);
      expect(office.handles.engine().report.title).toBe('2022年三季度督办件办理台账');

      const next = await upload(await ledgerXlsx('2022年四季度督办件办理台账'), 'duban-q4.xlsx');
      expect(next.status).toBe(200);
      expect(office.handles.engine().report.period).toBe('第四季度');
    });

    it.each([
      ['not JSON', '{'],
      ['a list', ['督办件']],
      ['an unknown column', { 督办件: '不存在的列' }],
      ['an empty header name', { ' ': '责任目标内容' }],
    ])('refuses X-Columns that is %s with 400, storing nothing', async (_what, columns) => {
      const before = office.handles.engine().report;
      const response = await fetch(`${office.base}api/upload`, {
        method: 'POST',
        body: new Uint8Array(await ledgerXlsx()),
        headers: {
          Authorization: `tma ${office.initData({ id: ADMIN_ID })}`,
          'X-File-Name': 'x.xlsx',
          'X-Columns': typeof columns === 'string' ? columns : encodeURIComponent(JSON.stringify(columns)),
        },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe(WEB_MESSAGES.badColumns);
      expect(office.handles.engine().report).toBe(before);
    });
  });
});
