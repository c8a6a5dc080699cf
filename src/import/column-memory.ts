import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ColumnMapping } from '../table/header';

/** One office's column names, as an admin mapped them once. */
export interface RememberedColumns {
  /** header as written → column (任务名称 → 责任目标内容) */
  columns: ColumnMapping;
  /** whose table it was (the report's city or title), so an admin can tell the entries apart */
  source: string;
  savedAt: string;
}

/** The file beside the store that keeps the mappings: it survives store migrations and is easy to edit by hand. */
export const columnMemoryPath = (dbPath: string): string => join(dirname(dbPath), 'columns.json');

export type ColumnMemory = ReturnType<typeof createColumnMemory>;

/**
 * Remembers the `--column` mappings (or the chat's answers) that made a table
 * import, so the same office's next table needs none: a mapping applies to a
 * table whose header has every name it maps (see findHeader). The file is
 * rewritten whole through a temp name, so a crash leaves the old one.
 */
export const createColumnMemory = (path: string) => {
  const read = async (): Promise<RememberedColumns[]> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const data = JSON.parse(text) as { mappings?: RememberedColumns[] };
    if (!Array.isArray(data.mappings)) throw new Error(`${path}: expected { "mappings": [...] }`);
    return data.mappings;
  };

  return {
    /** every remembered mapping, newest first */
    async all(): Promise<ColumnMapping[]> {
      return (await read()).map((m) => m.columns).reverse();
    },
    /** keeps a mapping, replacing one for the same header names */
    async remember(columns: ColumnMapping, source: string, now = new Date()): Promise<void> {
      const key = JSON.stringify(Object.keys(columns).sort());
      const kept = (await read()).filter((m) => JSON.stringify(Object.keys(m.columns).sort()) !== key);
      kept.push({ columns, source, savedAt: now.toISOString() });
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.tmp`, `${JSON.stringify({ mappings: kept }, null, 2)}\n`);
      await rename(`${path}.tmp`, path);
    },
  };
};
