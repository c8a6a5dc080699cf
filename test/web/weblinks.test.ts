import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useLowdbStores } from '../helpers/lowdb-store';
import { createWeblinkStore } from '../../src/store/weblinks';
import { createWeblinks, hashToken } from '../../src/web/weblinks';
import { useTempDir } from '../helpers/tmp';

describe('weblinks', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();

  const setup = async (clock: { now: Date }) => {
    const store = await openStore(dir());
    return { path: join(dir(), 'db.json'), store, links: createWeblinks({ store: createWeblinkStore(store.settings), days: 7, now: () => clock.now }) };
  };

  it('signs in with an issued token, and keeps only its hash in the store file', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00Z') };
    const { path, links } = await setup(clock);
    const { token, expiresAt } = await links.issue(1001);
    expect(expiresAt.toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(await links.verify(token)).toBe(1001);
    const file = readFileSync(path, 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain(hashToken(token));
  });

  it('stops working after the days given, and after /weblink off', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00Z') };
    const { links } = await setup(clock);
    const a = await links.issue(1001);
    const b = await links.issue(1001);
    const other = await links.issue(2002);
    expect(await links.revoke(1001)).toBe(2);
    expect(await links.verify(a.token)).toBeUndefined();
    expect(await links.verify(b.token)).toBeUndefined();
    expect(await links.verify(other.token)).toBe(2002);
    clock.now = new Date('2026-01-08T00:00:01Z');
    expect(await links.verify(other.token)).toBeUndefined();
  });

  it('refuses a token of the wrong shape without looking it up', async () => {
    const { links } = await setup({ now: new Date() });
    expect(await links.verify('')).toBeUndefined();
    expect(await links.verify('x'.repeat(500))).toBeUndefined();
  });

  it('survives a restart (the store is re-read from the file)', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00Z') };
    const { store, links } = await setup(clock);
    const { token } = await links.issue(1001);
    await store.close();
    const reopened = createWeblinks({ store: createWeblinkStore((await openStore(dir())).settings), days: 7, now: () => clock.now });
    expect(await reopened.verify(token)).toBe(1001);
  });
});
