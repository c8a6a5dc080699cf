import type { SettingsStore, Store } from '../ports';
import { BUTTON_LIMIT, CONVERSATION_LIMIT, UPDATE_LOG_LIMIT, type StoredReport } from '../types';
import { openLowdbButtons } from './buttons';
import { openLowdbConversations } from './conversations';
import { openDb } from './db';
import { storeFiles } from './files';
import { acquireLock } from './lock';
import { openLowdbOutbox } from './outbox';
import { openLowdbReports, readLowdbReports } from './reports';
import { lowdbRoles } from './roles';
import { createLowdbSettings } from './settings';
import { openDbJournal, type DamagedLine } from './journal';
import { applySubscriptionChange, createLowdbSubscriptions } from './subscriptions';
import { openLowdbSupervision } from './supervision';
import { openLowdbUpdateLog } from './updates';

export interface LowdbStoreOptions {
  dbPath: string;
  /** who holds the lock, for the message another process gets */
  purpose: string;
  /** move a corrupt file aside and start empty, instead of refusing to start */
  recover?: boolean;
  /** delivered and failed alerts older than this are pruned */
  keepDays?: number;
  /** page buttons kept working (BUTTON_LIMIT) */
  buttonLimit?: number;
  /** conversations kept (CONVERSATION_LIMIT) */
  conversationLimit?: number;
  /** handled update_ids remembered (UPDATE_LOG_LIMIT) */
  updateLogLimit?: number;
  now?: () => Date;
  /** a damaged journal line skipped at open (with `recover`, or in the buttons journal): start-up logs it */
  onJournalDamage?: (damage: DamagedLine) => void;
}

/**
 * The embedded store: DB_PATH holds the small mutable state (subscriptions,
 * chats, settings, the list of reports), with a journal of the changes to
 * subscriptions and chats since it was last written; each report is its own
 * file, and the outbox has a file and a journal. One process at a time (see lock.ts).
 */
export const openLowdbStore = async (options: LowdbStoreOptions): Promise<Store> => {
  const { dbPath } = options;
  const lock = await acquireLock(dbPath, options.purpose);
  try {
    const db = await openDb(dbPath, { recover: options.recover ?? false });
    const files = storeFiles(dbPath);
    const onSkip = options.onJournalDamage;
    const journal = await openDbJournal(db, { path: files.dbJournal, apply: applySubscriptionChange, damage: { recover: options.recover ?? false, onSkip } });
    const reports = await openLowdbReports(db, dbPath);
    const outbox = await openLowdbOutbox({
      path: files.outbox,
      journalPath: files.journal,
      recover: options.recover ?? false,
      ...(onSkip ? { onSkip } : {}),
      ...(options.keepDays !== undefined ? { keepDays: options.keepDays } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const settings = createLowdbSettings(db);
    const buttons = openLowdbButtons(files.buttons, options.buttonLimit ?? BUTTON_LIMIT, onSkip);
    const conversations = openLowdbConversations(files.conversations, options.conversationLimit ?? CONVERSATION_LIMIT, options.now ?? (() => new Date()), onSkip);
    const supervision = openLowdbSupervision(files.supervision, { recover: options.recover ?? false, onSkip }, options.now);
    const updates = openLowdbUpdateLog(files.updates, options.updateLogLimit ?? UPDATE_LOG_LIMIT, onSkip);
    let closing: Promise<void> | undefined;
    return {
      shared: false,
      where: dbPath,
      reports,
      subscriptions: createLowdbSubscriptions(db, journal, options.now),
      outbox,
      settings,
      buttons,
      conversations,
      updates,
      roles: lowdbRoles,
      supervision,
      isEmpty: async () =>
        db.data.reports.length === 0 &&
        db.data.subscriptions.length === 0 &&
        db.data.chats.length === 0 &&
        (await settings.scopes()).length === 0 &&
        (await outbox.all()).length === 0 &&
        (await supervision.bindings()).length === 0 &&
        (await supervision.replies()).length === 0 &&
        (await supervision.reminders()).length === 0,
      close: () =>
        (closing ??= (async () => {
          try {
            buttons.close();
            conversations.close();
            supervision.close();
            updates.close();
            journal.close();
            // The outbox folds its journal into its file; every other change was written when made.
            await outbox.close();
          } finally {
            await lock.release();
          }
        })()),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
};

/** A lowdb store read without the lock, beside a running bot (`npm run ask`, a dry run): its reports and settings as they are now. */
export const readLowdbStore = async (dbPath: string): Promise<{ history: StoredReport[]; settings: SettingsStore }> => {
  const db = await openDb(dbPath, { readOnly: true });
  return { history: await readLowdbReports(db, dbPath), settings: createLowdbSettings(db) };
};
