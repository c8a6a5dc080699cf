/**
 * What every entry point shares: how text is normalised, the office's words
 * (data/aliases.json), how a question engine is built over a report, how a
 * table is read and imported, and where the store is. `npm start` (app.ts),
 * `npm run ask`, `npm run import` and the tests build these here, so that a
 * question is understood, and a table read, the same way everywhere.
 *
 * @example
 *   const core = buildCore(createConfig(process.env));
 *   const snapshot = await core.readStore();
 *   const engine = core.engineFor(snapshot.history.at(-1)!, snapshot.history);
 */
import type { Config } from './config';
import { createImporter, type Importer, type ImporterDeps } from './import/importer';
import type { Report } from './model';
import { ALIASES_FILE, loadAliases, type Aliases } from './qa/aliases';
import { createEngine, type Engine } from './qa/engine';
import { openStore, readStore, type OpenStoreOptions, type StoreSnapshot } from './store';
import { createColumnMemory } from './store/columns';
import type { SettingsStore, Store } from './store/ports';
import { readTableFile } from './table/load-table';
import { withStatusWords, type StatusWords } from './table/status-words';
import { createNormalizer, type Normalize } from './text/normalize';

export interface Core {
  normalize: Normalize;
  aliases: Aliases;
  /** the tables' status words: the built-in ones and aliases.json's `verdicts` */
  statusWords: StatusWords;
  /** the question engine over a report; `history` (oldest first, ending with it) is what 变化 questions compare */
  engineFor(report: Report, history?: readonly Report[]): Engine;
  /** the store the configuration names, held by this process (the lowdb lock) */
  openStore(options: Omit<OpenStoreOptions, 'dbPath' | 'databaseUrl'>): Promise<Store>;
  /** the store as it is now, for a reader beside a running bot: no lock taken, nothing written */
  readStore(): Promise<StoreSnapshot>;
  /** an importer over a store: the status words above, and the column mappings remembered in its settings */
  importer(deps: { reports: ImporterDeps['reports']; settings: Pick<SettingsStore, 'list' | 'put'>; onImported?: ImporterDeps['onImported'] }): Importer;
  /** a table file read as the importer reads an upload (with the mappings remembered in `settings`) */
  readTable(path: string, settings?: Pick<SettingsStore, 'list' | 'put'>): Promise<Report>;
}

export const buildCore = (config: Pick<Config, 'dbPath' | 'databaseUrl'>, aliasesFile: string = ALIASES_FILE): Core => {
  const normalize = createNormalizer();
  const aliases = loadAliases(aliasesFile);
  const statusWords = withStatusWords(aliases.verdicts);
  const where = { dbPath: config.dbPath, databaseUrl: config.databaseUrl };
  return {
    normalize,
    aliases,
    statusWords,
    engineFor: (report, history) => createEngine({ report, normalize, aliases, ...(history ? { history } : {}) }),
    openStore: (options) => openStore({ ...where, ...options }),
    readStore: () => readStore(where),
    importer: ({ reports, settings, onImported }) => createImporter({ reports, statusWords, columnMemory: createColumnMemory(settings), ...(onImported ? { onImported } : {}) }),
    readTable: async (path, settings) => readTableFile(path, { statusWords, remembered: settings ? await createColumnMemory(settings).all() : [] }),
  };
};
