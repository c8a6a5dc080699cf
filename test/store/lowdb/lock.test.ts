import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { acquireLock, lockHolder, lockSocketOf } from '../../../src/store/lowdb/lock';
import { MESSAGES } from '../../../src/wording/chat';
import { nodeWithTsx } from '../../helpers/node-process';
import { useTempDir } from '../../helpers/tmp';
import { outputOf, until } from '../../helpers/wait';

const ROOT = join(__dirname, '../../..');
const HOLDER = join(__dirname, 'fixtures/hold-lock.ts');
const dir = useTempDir();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('lowdb lock', () => {
  it('names the holder to the next process and is free again after release', async () => {
    const path = join(dir(), 'db.json');
    const lock = await acquireLock(path, 'bot');
    expect(await lockHolder(path)).toMatchObject({ pid: process.pid, purpose: 'bot' });
    await lock.release();
    expect(await lockHolder(path)).toBeUndefined();
  });

  it('refuses while another process holds it, and is free the moment that process is killed, before anyone reaps it', async () => {
    const path = join(dir(), 'db.json');
    // The holder's parent is `sleep`, which never waits for children: once killed, the holder stays a zombie,
    // and kill(pid, 0) still succeeds for it, as it did for the bot that could not restart.
    const [node, ...args] = nodeWithTsx(HOLDER, path);
    const quoted = [node!, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const parent = spawn('bash', ['-c', `${quoted} & echo "pid $!"; exec sleep 60`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(parent);
    const output = outputOf(parent);
    await until(() => output().includes('held'), 'the holder to take the lock');
    const holderPid = Number(/pid (\d+)/.exec(output())![1]);
    children.push({ kill: () => process.kill(holderPid, 'SIGKILL') } as unknown as ChildProcess);

    await expect(acquireLock(path, 'bot')).rejects.toThrow(new RegExp(`is in use by process ${holderPid} \\(holder, since `));

    process.kill(holderPid, 'SIGKILL');
    await until(() => readFileSync(`/proc/${holderPid}/stat`, 'utf8').split(' ')[2] === 'Z', 'the holder to be a zombie');
    expect(() => process.kill(holderPid, 0)).not.toThrow();
    const lock = await acquireLock(path, 'bot');
    await lock.release();
  }, 30_000);

  it('ignores a pid file left by the old lock, even when that pid is alive', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 1, purpose: 'bot', since: '2022-10-01T00:00:00Z' }));
    const lock = await acquireLock(path, 'bot');
    await lock.release();
  });

  it('lets `npm start` start again right after it was killed with SIGKILL', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir(), DB_PATH: join(dir(), 'db.json'), DATA_FILE: join(ROOT, 'data/heze-2022-q3.tsv'), LOG_LEVEL: 'info' };
    const startApp = () => {
      const child = spawn(nodeWithTsx(join(ROOT, 'src/main.ts'))[0]!, nodeWithTsx(join(ROOT, 'src/main.ts')).slice(1), { cwd: dir(), env, stdio: ['pipe', 'pipe', 'pipe'] });
      children.push(child);
      return { child, output: outputOf(child) };
    };
    const first = startApp();
    await until(() => first.output().includes(MESSAGES.connectHint), 'the first start');
    first.child.kill('SIGKILL');
    // at once, without waiting for the exit to be noticed
    const second = startApp();
    await until(() => second.output().includes(MESSAGES.connectHint) || second.child.exitCode !== null, 'the second start');
    expect(second.output()).not.toContain('is in use');
    expect(second.output()).toContain(MESSAGES.connectHint);
    second.child.stdin!.end();
  }, 60_000);

  it('outlives clients that hang up before reading the answer (any local process can reach the socket)', async () => {
    const path = join(dir(), 'db.json');
    const holder = spawn(nodeWithTsx(HOLDER, path)[0]!, nodeWithTsx(HOLDER, path).slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(holder);
    const output = outputOf(holder);
    await until(() => output().includes('held'), 'the holder to take the lock');
    const { pid } = (await lockHolder(path))!;
    // connect and close at once, 500 times: the holder's answer then meets a closed socket (EPIPE)
    const target = lockSocketOf(path);
    await Promise.all(
      Array.from(
        { length: 500 },
        () =>
          new Promise<void>((done) => {
            const socket = connect(target);
            socket.on('error', () => done());
            socket.on('connect', () => {
              socket.destroy();
              done();
            });
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(holder.exitCode).toBeNull();
    expect(output()).not.toContain('EPIPE');
    expect((await lockHolder(path))?.pid).toBe(pid);
  }, 30_000);
});
