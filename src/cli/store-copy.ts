import { config as loadDotenv } from 'dotenv';
import { openStore, type Store } from '../store';
import { copyStore } from '../store/copy';
import { CONSOLE_WORDS as W } from '../wording/console';

const USAGE = 'usage: npm run store:copy -- --from data/db.json --to postgres://user:password@host:5432/db   (or --from postgres://… --to data/db.json)';

const isDatabaseUrl = (where: string): boolean => /^postgres(ql)?:\/\//.test(where);

/** A lowdb path or a PostgreSQL URL, opened as the store it names. */
const open = (where: string): Promise<Store> => openStore(isDatabaseUrl(where) ? { dbPath: '', databaseUrl: where, purpose: 'npm run store:copy' } : { dbPath: where, purpose: 'npm run store:copy' });

/**
 * `npm run store:copy -- --from A --to B`: moves a whole store between lowdb
 * and PostgreSQL (either way), subscriptions and outbox included. Stop the bot
 * first: a lowdb store is locked while it runs, and a copy of a store that is
 * still changing would miss the changes.
 */
export const runStoreCopy = async (argv: string[]): Promise<number> => {
  const { from, to } = parseArgs(argv);
  const source = await open(from);
  try {
    const target = await open(to);
    try {
      const counts = await copyStore(source, target);
      console.log(W.copied(source.where, target.where, counts));
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
};

const parseArgs = (argv: string[]): { from: string; to: string } => {
  let from: string | undefined;
  let to: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--from') from = value();
    else if (arg === '--to') to = value();
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (from === undefined || to === undefined) throw new Error(USAGE);
  if (from === to) throw new Error(`--from and --to name the same store\n${USAGE}`);
  return { from, to };
};

if (require.main === module) {
  loadDotenv({ quiet: true });
  runStoreCopy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(W.copyFailed(error.message));
      process.exit(1);
    },
  );
}
