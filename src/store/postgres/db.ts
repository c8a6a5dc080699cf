import pg, { type Pool, type PoolClient, type QueryResultRow } from 'pg';

/** The database in messages: the URL without its password. */
export const describeUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database in DATABASE_URL';
  }
};

/** bigint columns (chat ids, seq, message ids) as numbers: all of them are well within 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export const createPool = (url: string, options: { schema?: string; max?: number } = {}): Pool =>
  new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    // tests put each store in its own schema of one database
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });

/** Runs `work` in one transaction on one connection; rolls back when it throws. */
export const inTransaction = async <T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

export const rowsOf = async <R extends QueryResultRow>(db: Pick<Pool, 'query'>, sql: string, params: unknown[] = []): Promise<R[]> => (await db.query<R>(sql, params)).rows;

/** timestamptz → the ISO text the records carry */
export const iso = (value: Date | null | undefined): string | undefined => (value ? value.toISOString() : undefined);
