import pg from 'pg';
import { openPostgresStore } from '../../../src/store/postgres';
import type { Store } from '../../../src/store/ports';
import type { Alert } from '../../../src/store/types';
import { startTestPostgres, uniqueName, type TestPostgres } from '../../helpers/postgres';
import { until } from '../../helpers/wait';

/**
 * What several replicas on one database rely on: one of them at a time holds a
 * role (sending alerts), another takes it when that one's session ends, and
 * alerts enqueued by any replica reach the one that sends.
 */
let postgres: TestPostgres;
const opened: Store[] = [];
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  for (const store of opened) await store.close();
  await postgres?.stop();
});

const replicas = async (n: number): Promise<Store[]> => {
  const schema = uniqueName('replicas');
  const stores: Store[] = [];
  for (let i = 0; i < n; i += 1) stores.push(await openPostgresStore({ url: postgres.url, schema, roleRetryMs: 100 }));
  opened.push(...stores);
  return stores;
};

describe('PostgreSQL replicas', () => {
  it('gives a role to one replica at a time, and to another when the holder’s session ends (as on SIGKILL)', async () => {
    const [a, b] = await replicas(2);
    const events: string[] = [];
    const handlers = (name: string) => ({ gained: async () => void events.push(`${name} gained`), lost: async () => void events.push(`${name} lost`) });
    const heldByA = await a!.roles.hold('alert-delivery', handlers('a'));
    const heldByB = await b!.roles.hold('alert-delivery', handlers('b'));
    await new Promise((r) => setTimeout(r, 400));
    expect(events).toEqual(['a gained']);

    // end a's session from the server side, the way the database ends the session of a killed process
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
    } finally {
      await admin.end();
    }
    await until(() => events.includes('b gained'), 'b to take the role');
    expect(events.slice(0, 3).sort()).toEqual(['a gained', 'a lost', 'b gained']);
    // a tries again, but b holds it now
    await new Promise((r) => setTimeout(r, 400));
    expect(events.filter((e) => e === 'a gained')).toHaveLength(1);

    await heldByB.release();
    await until(() => events.filter((e) => e === 'a gained').length === 2, 'a to get the role back');
    await heldByA.release();
  });

  it('tells the sending replica of alerts enqueued by another, once each', async () => {
    const [sender, other] = await replicas(2);
    const heard: Alert[] = [];
    sender!.outbox.onEnqueued((alerts) => heard.push(...alerts));
    // the listener connects in the background
    await new Promise((r) => setTimeout(r, 500));
    await other!.outbox.enqueue([
      { id: 'imp:2:1:1', chatId: 1, text: '一' },
      { id: 'imp:2:2:1', chatId: 2, text: '二' },
    ]);
    await until(() => heard.length === 2, 'the other replica’s alerts');
    await sender!.outbox.enqueue([{ id: 'dig:2022-10-10:3:1', chatId: 3, text: '三' }]);
    await other!.outbox.enqueue([{ id: 'imp:2:1:1', chatId: 1, text: 'again' }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(heard.map((a) => a.id)).toEqual(['imp:2:1:1', 'imp:2:2:1', 'dig:2022-10-10:3:1']);
  });
});
