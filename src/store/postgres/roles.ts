import pg from 'pg';
import type { RoleStore } from '../ports';

export interface PostgresRoleOptions {
  url: string;
  /** the store's schema, when not the default: roles are per store, locks per database */
  schema?: string;
  /** how often a replica without the role asks for it again */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

/** How long `holds()` waits for the database before it counts the role as lost. */
const HOLDS_TIMEOUT_MS = 2000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });

/**
 * Roles as session advisory locks, each on its own connection. The database
 * ends a session whose client died (SIGKILL closes the socket at once), which
 * frees the lock; another replica takes the role on its next try.
 */
export const createPostgresRoles = ({ url, schema = 'public', retryMs = 2000, onError = () => undefined }: PostgresRoleOptions): RoleStore => ({
  async hold(role, handlers) {
    let released = false;
    let client: pg.Client | undefined;
    let timer: NodeJS.Timeout | undefined;
    let holding = false;
    let running: Promise<void> = Promise.resolve();

    const retry = (): void => {
      if (timer) clearTimeout(timer);
      if (!released) timer = setTimeout(() => void (running = attempt()), retryMs);
    };
    const drop = async (): Promise<void> => {
      const c = client;
      client = undefined;
      // `lost` first: the holder must stop at once, not once the dead connection is closed.
      const lost = holding ? ((holding = false), handlers.lost().catch(onError)) : undefined;
      await c?.end().catch(() => undefined);
      await lost;
    };
    const attempt = async (): Promise<void> => {
      try {
        if (!client) {
          const c = new pg.Client({ connectionString: url });
          c.on('error', (error) => {
            onError(error);
            void drop().then(retry);
          });
          await c.connect();
          client = c;
        }
        const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [`target-progress-bot:${schema}:${role}`]);
        if (released) return;
        if (rows[0]?.held) {
          holding = true;
          await handlers.gained();
          return;
        }
      } catch (error) {
        onError(error);
        await drop();
      }
      retry();
    };

    running = attempt();
    await running;
    return {
      async holds() {
        const c = client;
        if (!holding || !c) return false;
        try {
          await withTimeout(c.query('SELECT 1'), HOLDS_TIMEOUT_MS);
          return holding && client === c;
        } catch (error) {
          onError(error);
          if (client === c) void drop().then(retry);
          return false;
        }
      },
      async release() {
        released = true;
        if (timer) clearTimeout(timer);
        await running;
        holding = false;
        const c = client;
        client = undefined;
        await c?.end().catch(() => undefined);
      },
    };
  },
});
