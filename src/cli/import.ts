import { readFile } from 'node:fs/promises';
import { config as loadDotenv } from 'dotenv';
import { createConfig } from '../config';
import { buildCore } from '../core';
import { InboxTimeout, inboxDir, submitToInbox } from '../import/inbox';
import { createUpload, type UploadOptions } from '../import/upload';
import { lockHolder } from '../store/lowdb/lock';
import { IMPORT_CLI_WORDS as C, IMPORT_WORDS as W } from '../wording/import';

/** A mistake in the command line, a missing file, a silent bot: told to the person as it is, in Chinese. */
class CliRefusal extends Error {}

/**
 * `npm run import -- FILE [--dry-run]`: validates a table, stores it as the
 * new current report and prints the summary. When the bot is running on the
 * lowdb store it owns the files, so the table goes through the bot's inbox
 * instead (single writer). On PostgreSQL the table is stored directly; the
 * running replicas pick it up and send its alerts.
 */
export const runImportCli = async (argv: string[], env: NodeJS.ProcessEnv): Promise<number> => {
  try {
    return await importFile(argv, env);
  } catch (error) {
    if (!(error instanceof CliRefusal)) throw error;
    console.error(error.message);
    return 1;
  }
};

const importFile = async (argv: string[], env: NodeJS.ProcessEnv): Promise<number> => {
  const { file, options } = parseArgs(argv);
  const config = createConfig(env);
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliRefusal(err.code === 'ENOENT' ? C.noFile(file) : C.unreadable(file));
  });
  const holder = config.databaseUrl ? undefined : await lockHolder(config.dbPath);

  if (holder && !options.dryRun) {
    console.log(W.handedToBot(holder.pid));
    const result = await submitToInbox(inboxDir(config.dbPath), file, bytes, options).catch((err: unknown) => {
      throw err instanceof InboxTimeout ? new CliRefusal(C.botSilent(err.seconds, err.id, err.dir)) : err;
    });
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
      return report(await createUpload(core.importer({ reports, settings: snapshot.settings }))(bytes, file, 'terminal', options));
    } finally {
      await snapshot.close();
    }
  }
  const store = await core.openStore({ purpose: 'npm run import' });
  try {
    return report(await createUpload(core.importer(store))(bytes, file, 'terminal', options));
  } finally {
    await store.close();
  }
};

/** The summary on stdout, or why the table was refused on stderr; the exit code. */
const report = (outcome: { kind: string; message: string }): number => {
  if (outcome.kind === 'imported') {
    console.log(outcome.message);
    return 0;
  }
  console.error(outcome.message);
  return 1;
};

const parseArgs = (argv: string[]): { file: string; options: UploadOptions } => {
  const options: UploadOptions = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new CliRefusal(C.needsValue(arg));
      return v;
    };
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--year') options.year = Number(value());
    else if (arg === '--period') options.period = value();
    else if (arg === '--as-of') options.asOf = value();
    else if (arg === '--city') options.city = value();
    else if (arg === '--column') options.columns = { ...options.columns, ...toColumnPair(value()) };
    else if (arg.startsWith('--')) throw new CliRefusal(C.unknownOption(arg));
    else if (file === undefined) file = arg;
    else throw new CliRefusal(C.oneFile(file, arg));
  }
  if (file === undefined) throw new CliRefusal(C.usage);
  if (options.year !== undefined && !Number.isInteger(options.year)) throw new CliRefusal(C.badYear);
  return { file, options };
};

/** `任务名称=责任目标内容` → { 任务名称: '责任目标内容' }; the column name is checked when the table is read. */
const toColumnPair = (text: string): Record<string, string> => {
  const at = text.search(/[=＝]/);
  const header = text.slice(0, at).trim();
  const column = text.slice(at + 1).trim();
  if (at < 0 || !header || !column) throw new CliRefusal(C.badColumn(text));
  return { [header]: column };
};

if (require.main === module) {
  loadDotenv({ quiet: true });
  runImportCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // not the table's fault nor the command line's: the details for whoever runs it, then what it means
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      console.error(W.failed(C.unexpected));
      process.exit(1);
    },
  );
}
