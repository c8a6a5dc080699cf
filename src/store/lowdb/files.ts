import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError } from '../errors';
import type { StoredReport } from '../types';

/**
 * The files of a lowdb store beside DB_PATH: each report is written once, as
 * its own file, because reports never change and are large; the outbox has its
 * own file and journal, so that neither is rewritten by a /subscribe.
 */
export const storeFiles = (dbPath: string) => ({
  reportsDir: `${dbPath}.reports`,
  report: (id: number) => join(`${dbPath}.reports`, `${id}.json`),
  outbox: `${dbPath}.outbox.json`,
  /** journal files are `<journal>.<n>` */
  journal: `${dbPath}.outbox`,
  /** changes to subscriptions and chats since DB_PATH was last written: `<journal>.<n>` (journal.ts) */
  dbJournal: `${dbPath}.journal`,
  /** what page buttons stand for (ButtonStore), a journal of its own */
  buttons: `${dbPath}.buttons`,
  /** what each conversation said last (ConversationStore), a journal of its own */
  conversations: `${dbPath}.conversations`,
  /** bindings, reminders and replies (督办), an append-only journal of its own */
  supervision: `${dbPath}.supervision`,
  /** the update_ids handled (UpdateLog), one line each */
  updates: `${dbPath}.updates`,
});

/** Written to a temp file and renamed: a crash leaves the old file or the whole new one. */
export const writeReportFile = async (dbPath: string, report: StoredReport): Promise<void> => {
  const files = storeFiles(dbPath);
  const path = files.report(report.id);
  try {
    await mkdir(files.reportsDir, { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(report));
    await rename(`${path}.tmp`, path);
  } catch (error) {
    throw new StoreError('write-failed', path, `could not write the report file ${path}: ${(error as Error).message}`, { cause: error });
  }
};

export const readReportFile = async (dbPath: string, id: number): Promise<StoredReport> => {
  const path = storeFiles(dbPath).report(id);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as StoredReport;
  } catch (error) {
    throw new StoreError('corrupt', path, `the store ${dbPath} lists report ${id}, but its file ${path} cannot be read (${(error as Error).message}); restore it from a backup`, { cause: error });
  }
};
