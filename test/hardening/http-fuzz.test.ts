/**
 * No request can stop the bot (issue 20.1): `npm start` runs as a real process, and every HTTP
 * surface it has — the dashboard on its own WEB_PORT, the page's API, the webhook's server with the
 * dashboard behind it — gets malformed request lines, absolute- and authority-form targets, bad
 * percent-encoding, odd and huge headers and bad bodies over raw sockets, then seeded random
 * mutations of valid requests. Afterwards the same process still serves the page, the API and the chat.
 * (`GET //[ HTTP/1.1` alone used to end the process: "uncaught exception", exit 1.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInitData } from '../../src/web/init-data';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { freePort } from '../helpers/free-port';
import { spawnMain, type MainProcess } from '../helpers/node-process';

const SECRET = 'fuzz_secret-123';
const CJK = /[\u3400-\u9fff]/;
const SEED = Number(process.env.FUZZ_SEED ?? 20);
const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 300);

interface Answer {
  status: number | undefined;
  text: string;
  ms: number;
}

/** Writes `bytes` on a fresh connection, half-closes it, and reads until the server closes (or `timeoutMs`). */
const rawRequest = (port: number, bytes: Buffer | string, timeoutMs = 5000): Promise<Answer> =>
  new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1]) || undefined, text, ms: Date.now() - started });
    };
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.setTimeout(timeoutMs, finish);
    socket.end(bytes);
  });

const huge = (n: number): string => 'a'.repeat(n);

/** Requests aimed at a server whose page is under /app/ and whose webhook (if any) is POST /tg/hook. */
const handWritten = (): (string | Buffer)[] => {
  const get = (target: string, headers = ''): string => `GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`;
  const post = (target: string, body: string | Buffer, headers = ''): Buffer =>
    Buffer.concat([Buffer.from(`POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n`), Buffer.from(body)]);
  const hook = (body: string | Buffer, headers = ''): Buffer => post('/tg/hook', body, `X-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Type: application/json\r\n${headers}`);
  return [
    // request lines and targets
    get('//['),
    get('http://a:99999/app/'),
    get('http://[::1/app/'),
    get('http://bot.example.org/app/'),
    get('http://user:pass@bot.example.org:443/app/api/me'),
    'CONNECT bot.example.org:443 HTTP/1.1\r\nHost: bot.example.org:443\r\n\r\n',
    get('bot.example.org:443'),
    get('a:b'),
    'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
    get('*'),
    get('/app'),
    get('//app/'),
    get('/app/../../etc/passwd'),
    get('/app/..%2f..%2fetc%2fpasswd'),
    get('/app/%'),
    get('/app/%E0%A4%A'),
    get('/app/%ZZ'),
    get('/app/%00'),
    get('/app/%C0%AF'),
    get('/app/api/search?q=%ZZ%E0%80&report=%FF'),
    get('/app/api/target?id=%00&report=-1'),
    get('/app/api/board?report=1e309'),
    get('/app/api/board?report=__proto__'),
    get('/app/api/__proto__'),
    get('/app/api/constructor'),
    get('/app/api/toString'),
    get(`/app/${huge(20_000)}`),
    'GET\r\n\r\n',
    'GET /app/\r\n\r\n',
    'GET /app/ HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET /app/ FOO/1.1\r\n\r\n',
    'FOO /app/ HTTP/1.1\r\nHost: x\r\n\r\n',
    'DELETE /app/api/me HTTP/1.1\r\nHost: x\r\n\r\n',
    'HEAD /app/api/board HTTP/1.1\r\nHost: x\r\n\r\n',
    'G\u00c9T /app/ HTTP/1.1\r\n\r\n',
    Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a]),
    Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]), // a TLS ClientHello on a plain port
    '\r\n\r\n\r\n',
    // headers
    get('/app/', 'no colon here\r\n'),
    get('/app/', ': empty name\r\n'),
    get('/app/', `X-Big: ${huge(20_000)}\r\n`),
    get('/app/', Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join('')),
    get('/app/api/me', 'Authorization: tma %ZZ\r\n'),
    get('/app/api/me', 'Authorization: tma user=%7B%22id%22%3A1e999%7D&auth_date=1&hash=00\r\n'),
    get('/app/api/me', 'Authorization: tma user=null&hash=\r\n'),
    get('/app/api/me', `Authorization: Bearer ${huge(8000)}\r\n`),
    get('/app/api/me', 'Authorization: Bearer \u00ff\u00fe\r\n'),
    get('/app/api/me', 'Authorization: tma\r\nAuthorization: Bearer x\r\n'),
    get('/app/', 'Accept-Encoding: gzip;q=\u00ff\r\nIf-None-Match: \u0000\r\n'),
    get('/app/', 'Content-Length: -1\r\n'),
    get('/app/', 'Content-Length: abc\r\n'),
    get('/app/', 'Content-Length: 1\r\nContent-Length: 2\r\n'),
    get('/app/', 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n'),
    'POST /app/api/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n',
    get('/app/', 'Expect: 100-continue\r\n'),
    get('/app/', 'Expect: nonsense\r\n'),
    get('/app/', 'Host: \u00ff\r\nHost: two\r\n'),
    // bodies
    post('/app/api/upload', 'garbage'),
    post('/app/api/upload', 'garbage', 'Authorization: Bearer abc\r\nX-File-Name: %E0%A4%A\r\nX-Columns: %ZZ\r\n'),
    post('/app/api/upload', Buffer.alloc(64 * 1024, 0xff), 'Authorization: tma x\r\n'),
    'POST /app/api/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nshort',
    'POST /app/api/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n',
    post('/tg/hook', '{"update_id":1}'), // no secret
    post('/tg/hook', '{"update_id":1}', 'X-Telegram-Bot-Api-Secret-Token: \u00ff\r\n'),
    hook('null'),
    hook('[]'),
    hook('{'),
    hook('"update"'),
    hook('{"update_id":"1"}'),
    hook('{"update_id":1e400}'),
    hook('{"update_id":-5,"message":null}'),
    hook(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    hook(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
    hook(Buffer.alloc(2 * 1024 * 1024, 0x20)),
    'POST /tg/hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: fuzz_secret-123\r\nContent-Length: 500\r\n\r\n{"update_id":',
    'POST /tg/hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: fuzz_secret-123\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{}\r\n',
    'POST /tg/hook?x=%ZZ HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: fuzz_secret-123\r\nContent-Length: 2\r\n\r\n{}',
  ];
};

/** mulberry32, as the update fuzzer uses */
const random = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Flips, inserts and deletes bytes of valid requests. */
const mutations = (seed: number, count: number, valid: Buffer[]): Buffer[] => {
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const special = [0x00, 0x0a, 0x0d, 0x20, 0x25, 0x2f, 0x3a, 0x3f, 0x40, 0x5b, 0x5d, 0x7b, 0x7f, 0x80, 0xc0, 0xff];
  return Array.from({ length: count }, () => {
    const bytes = [...valid[pick(valid.length)]!];
    for (let edits = 1 + pick(4); edits > 0; edits -= 1) {
      const at = pick(bytes.length + 1);
      const byte = next() < 0.6 ? special[pick(special.length)]! : pick(256);
      const op = pick(3);
      if (op === 0) bytes.splice(at, 0, byte);
      else if (op === 1) bytes.splice(at, 1);
      else bytes[Math.min(at, bytes.length - 1)] = byte;
    }
    return Buffer.from(bytes);
  });
};

/** Runs `tasks` `width` at a time. */
const inParallel = async <T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let nextTask = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (nextTask < tasks.length) {
        const i = nextTask++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
};

interface Bot extends MainProcess {
  port: number;
  api: FakeBotApi;
  stop(): Promise<void>;
}

const startBot = async (mode: 'web-port' | 'webhook'): Promise<Bot> => {
  const api = await startFakeBotApi();
  const dir = mkdtempSync(join(tmpdir(), 'tpb-http-fuzz-'));
  const port = await freePort();
  const main = spawnMain(dir, {
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    WEBAPP_URL: 'https://bot.example.org/app/',
    ...(mode === 'web-port' ? { WEB_PORT: String(port) } : { WEBHOOK_URL: 'https://bot.example.org/tg/hook', WEBHOOK_SECRET: SECRET, PORT: String(port) }),
  });
  const stop = async (): Promise<void> => {
    if (!main.exited()) main.child.kill('SIGTERM');
    await main.exit;
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([api.waitFor('setChatMenuButton', undefined, 60_000), main.exit.then(() => Promise.reject(new Error(`the bot exited at start:\n${main.output()}`)))]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { ...main, port, api, stop };
};

describe.each(['web-port', 'webhook'] as const)('HTTP fuzz (%s)', (mode) => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot(mode);
  }, 90_000);
  afterAll(() => bot.stop());

  it(`survives every malformed request and still serves the page, the API and the chat (seed ${SEED})`, async () => {
    const cases = handWritten();
    const valid = [
      'GET http://bot.example.org/app/ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /app/api/search?q=57&report=1 HTTP/1.1\r\nHost: x\r\nAuthorization: tma user=1\r\n\r\n',
      `POST /tg/hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 15\r\n\r\n{"update_id":1}`,
    ].map((c) => Buffer.from(c));
    const all = [...cases.map((c) => Buffer.from(c)), ...mutations(SEED, MUTATIONS, valid)];
    const started = Date.now();
    const answers = await inParallel(
      all.map((bytes) => () => rawRequest(bot.port, bytes)),
      16,
    );
    const statuses: Record<string, number> = {};
    for (const a of answers) statuses[String(a.status ?? 'closed')] = (statuses[String(a.status ?? 'closed')] ?? 0) + 1;
    console.log(
      `${mode}: ${all.length} requests (${cases.length} hand-written, ${MUTATIONS} mutations, seed ${SEED}) in ${Date.now() - started} ms; statuses ${JSON.stringify(statuses)}; slowest ${Math.max(...answers.map((a) => a.ms))} ms`,
    );

    expect(bot.exited()).toBe(false);
    expect(bot.output()).not.toMatch(/uncaught exception|unexpected error|polling stopped/);
    // every request was answered or its connection closed, none left hanging
    expect(answers.filter((a) => a.ms >= 5000)).toEqual([]);
    // nothing in English from us: every error body is Chinese
    for (const a of answers) {
      expect(a.text).not.toContain('internal error');
      const body = /\r\n\r\n(\{"error":.*)$/s.exec(a.text)?.[1];
      if (body) expect(body).toMatch(CJK);
    }
    // the one request that used to stop the process
    const first = answers[0]!;
    expect(first.status).toBe(400);
    expect(first.text).toContain('请求无效');

    // still serving: the page, the API with a real sign-in, the chat
    const base = `http://127.0.0.1:${bot.port}/app/`;
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const initData = signInitData({ user: { id: 1001, first_name: 'T' }, authDate: Math.floor(Date.now() / 1000) }, bot.api.token);
    const me = await fetch(`${base}api/me`, { headers: { Authorization: `tma ${initData}` } });
    expect(me.status).toBe(200);
    const reply = bot.api.waitFor('sendMessage', (p) => p.chat_id === 7001, 10_000);
    const message = {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 7001, type: 'private' },
      from: { id: 7001, is_bot: false, first_name: 'U' },
      text: '/item 57',
      entities: [{ type: 'bot_command', offset: 0, length: 5 }],
    };
    if (mode === 'webhook') {
      const posted = await fetch(`http://127.0.0.1:${bot.port}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({ update_id: 10_000, message }),
      });
      expect(posted.status).toBe(200);
    } else bot.api.pushUpdate({ message });
    expect(String((await reply).payload.text)).toContain('57');
    expect(bot.exited()).toBe(false);
  }, 120_000);
});
