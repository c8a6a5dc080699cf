import type { Alert, ChatSettings, FanOut, Subscription } from '../types';

/** Bump when the shape changes, and add a step to MIGRATIONS in db.ts. */
export const SCHEMA_VERSION = 3;

/** Where a report's file is and what it holds; the report itself is its own file (see files.ts). */
export interface ReportEntry {
  id: number;
  sha256: string;
  importedAt: string;
}

/**
 * The small, mutable state, in DB_PATH: rewritten whole on a change of reports
 * or settings, so it holds no reports and no alerts; subscriptions and chat
 * settings change through a journal beside it (journal.ts).
 */
export interface DbSchema {
  schemaVersion: number;
  /** every report imported so far, oldest first; the last one is current */
  reports: ReportEntry[];
  subscriptions: Subscription[];
  chats: ChatSettings[];
  /** SettingsStore: scope → key → JSON value */
  settings: Record<string, Record<string, unknown>>;
  /** the first journal file (journal.ts) this snapshot does not hold; absent before the first */
  journal?: number;
}

/** The outbox file (<DB_PATH>.outbox.json); delivery progress goes to its journal between compactions. */
export interface OutboxSchema {
  /** alerts waiting for delivery or kept as a record of delivery */
  outbox: Alert[];
  /** one record per report the alerts were computed for (idempotent, recoverable fan-out) */
  fanOuts: FanOut[];
}

export const emptyDb = (): DbSchema => ({ schemaVersion: SCHEMA_VERSION, reports: [], subscriptions: [], chats: [], settings: {} });
export const emptyOutbox = (): OutboxSchema => ({ outbox: [], fanOuts: [] });
