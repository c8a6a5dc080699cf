import type { SettingsStore } from '../ports';
import { commit, type Db } from './db';

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Settings in DB_PATH: small values, written with the rest of the mutable state. */
export const createLowdbSettings = (db: Db): SettingsStore => ({
  get: async <T>(scope: string, key: string) => structuredClone(db.data.settings[scope]?.[key]) as T | undefined,
  put: (scope, key, value) =>
    commit(db, (data) => {
      const values = (data.settings[scope] ??= {});
      const had = key in values;
      const before = values[key];
      values[key] = structuredClone(value);
      return { result: undefined, undo: () => (had ? (values[key] = before) : delete values[key]) };
    }),
  async delete(scope, key) {
    const values = db.data.settings[scope];
    if (!values || !(key in values)) return false;
    const before = values[key];
    return commit(db, () => {
      delete values[key];
      return { result: true, undo: () => (values[key] = before) };
    });
  },
  async update(scope, changes) {
    // the last value of a key put twice wins, as two puts would
    const put = [...new Map((changes.put ?? []).map((p) => [p.key, p.value]))].map(([key, value]) => ({ key, value }));
    const remove = changes.remove ?? [];
    const putting = new Set(put.map((p) => p.key));
    const values = db.data.settings[scope] ?? {};
    const removing = [...new Set(remove)].filter((key) => key in values && !putting.has(key));
    if (put.length === 0 && removing.length === 0) return 0;
    return commit(db, (data) => {
      const target = (data.settings[scope] ??= {});
      const before = new Map([...putting, ...removing].map((key) => [key, key in target ? { value: target[key] } : undefined]));
      for (const key of removing) delete target[key];
      for (const { key, value } of put) target[key] = structuredClone(value);
      return {
        result: removing.length,
        undo: () => {
          for (const [key, was] of before) {
            if (was) target[key] = was.value;
            else delete target[key];
          }
        },
      };
    });
  },
  scopes: async () =>
    Object.keys(db.data.settings)
      .filter((scope) => Object.keys(db.data.settings[scope]!).length > 0)
      .sort(byCodePoint),
  list: async <T>(scope: string) =>
    Object.entries(db.data.settings[scope] ?? {})
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([key, value]) => ({ key, value: structuredClone(value) as T })),
});
