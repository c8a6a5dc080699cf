import { config as loadDotenv } from 'dotenv';
import { openStore, type Store } from '../store';
import { copyStore } from '../store/copy';
import { CONSOLE_WORDS as W } from '../wording/console';
import { explainError, UsageError } from './explain-error';

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
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${W.copyNeedsValue(arg)}\n${W.copyUsage}`);
      return v;
    };
    if (arg === '--from') from = value();
    else if (arg === '--to') to = value();
    else throw new UsageError(`${W.copyUnknownOption(arg)}\n${W.copyUsage}`);
  }
  if (from === undefined || to === undefined) throw new UsageError(W.copyUsage);
  if (from === to) throw new UsageError(`${W.copySameStore}\n${W.copyUsage}`);
  return { from, to };
};

if (require.main === module) {
  loadDotenv({ quiet: true });
  runStoreCopy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof UsageError ? error.message : W.copyFailed(explainError(error)));
      process.exit(1);
    },
  );
}
