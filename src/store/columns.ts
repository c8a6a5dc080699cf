import type { SettingsStore } from './ports';
import type { ColumnMapping } from '../table/header';

/** One office's column names, as an admin mapped them once. */
export interface RememberedColumns {
  /** header as written → column (任务名称 → 责任目标内容) */
  columns: ColumnMapping;
  /** whose table it was (the report's city or title), so an admin can tell the entries apart */
  source: string;
  savedAt: string;
}

/** The settings scope of the mappings, keyed by the mapped header names (sorted, JSON). */
export const COLUMNS_SCOPE = 'columns';

/** Mappings are keyed by the header names they map: a newer mapping of the same names replaces the older. */
export const columnsKey = (columns: ColumnMapping): string => JSON.stringify(Object.keys(columns).sort());

export type ColumnMemory = ReturnType<typeof createColumnMemory>;

/**
 * Remembers the `--column` mappings (or the chat's answers) that made a table
 * import, so the same office's next table needs none: a mapping applies to a
 * table whose header has every name it maps (see findHeader). Kept in the
 * store's settings, so every replica and `npm run import` know every mapping.
 */
export const createColumnMemory = (settings: Pick<SettingsStore, 'list' | 'put'>) => ({
  /** every remembered mapping, newest first */
  async all(): Promise<ColumnMapping[]> {
    const entries = (await settings.list<RememberedColumns>(COLUMNS_SCOPE)).map((e) => e.value);
    return entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)).map((m) => m.columns);
  },
  /** keeps a mapping, replacing one for the same header names */
  async remember(columns: ColumnMapping, source: string, now = new Date()): Promise<void> {
    await settings.put(COLUMNS_SCOPE, columnsKey(columns), { columns, source, savedAt: now.toISOString() } satisfies RememberedColumns);
  },
});
