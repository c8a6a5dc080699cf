import { readFile } from 'node:fs/promises';
import { config as loadDotenv } from 'dotenv';
import { createConfig } from '../config';
import { buildCore } from '../core';
import { inboxDir, submitToInbox } from '../import/inbox';
import { toImportSummary } from '../import/summary';
import { lockHolder } from '../store/lowdb/lock';
import type { ParseOptions } from '../table/parse-report';
import { IMPORT_WORDS as W } from '../wording/import';

const USAGE =
  'usage: npm run import -- FILE [--dry-run] [--year 2022] [--period 第三季度] [--as-of 2022-09-30] [--city 菏泽市] [--column 表头=责任目标内容 …]';

/**
 * `npm run import -- FILE [--dry-run]`: validates a table, stores it as the
 * new current report and prints the summary. When the bot is running on the
 * lowdb store it owns the files, so the table goes through the bot's inbox
 * instead (single writer). On PostgreSQL the table is stored directly; the
 * running replicas pick it up and send its alerts.
 */
export const runImportCli = async (argv: string[], env: NodeJS.ProcessEnv): Promise<number> => {
  const { file, options } = parseArgs(argv);
  const config = createConfig(env);
  const bytes = await readFile(file);
  const holder = config.databaseUrl ? undefined : await lockHolder(config.dbPath);

  if (holder && !options.dryRun) {
    console.log(W.handedToBot(holder.pid));
    const result = await submitToInbox(inboxDir(config.dbPath), file, bytes, options);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  }

  // the same table reading as the bot's upload: the office's status words and the column mappings the store remembers
  const core = buildCore(config);
  if (options.dryRun) {
    // A dry run only reads, so it takes no lock and works beside a running bot.
    const snapshot = await core.readStore();
    try {
      const current = snapshot.history.at(-1);
      const reports = { current: async () => current, add: () => Promise.reject(new Error('a dry run stores nothing')) };
      console.log(toImportSummary(await core.importer({ reports, settings: snapshot.settings }).importTable(bytes, file, options), true));
      return 0;
    } finally {
      await snapshot.close();
    }
  }
  const store = await core.openStore({ purpose: 'npm run import' });
  try {
    const result = await core.importer(store).importTable(bytes, file, options);
    console.log(toImportSummary(result, false));
    return 0;
  } finally {
    await store.close();
  }
};

const parseArgs = (argv: string[]): { file: string; options: ParseOptions & { dryRun?: boolean } } => {
  const options: ParseOptions & { dryRun?: boolean } = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--year') options.year = Number(value());
    else if (arg === '--period') options.period = value();
    else if (arg === '--as-of') options.asOf = value();
    else if (arg === '--city') options.city = value();
    else if (arg === '--column') options.columns = { ...options.columns, ...toColumnPair(value()) };
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new Error(`only one FILE at a time, got ${file} and ${arg}\n${USAGE}`);
  }
  if (file === undefined) throw new Error(USAGE);
  if (options.year !== undefined && !Number.isInteger(options.year)) throw new Error(`--year: expected a year like 2022\n${USAGE}`);
  return { file, options };
};

/** `任务名称=责任目标内容` → { 任务名称: '责任目标内容' }; the column name is checked when the table is read. */
const toColumnPair = (text: string): Record<string, string> => {
  const at = text.search(/[=＝]/);
  const header = text.slice(0, at).trim();
  const column = text.slice(at + 1).trim();
  if (at < 0 || !header || !column) throw new Error(`--column: expected 表头=列名, like 任务名称=责任目标内容, got "${text}"\n${USAGE}`);
  return { [header]: column };
};

if (require.main === module) {
  loadDotenv({ quiet: true });
  runImportCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(W.failed(error.message));
      process.exit(1);
    },
  );
}
