import type { Report } from '../model';
import type { Alert, ChatSettings, FanOut, Subscription } from '../alerts/types';
import type { WeblinkRecord } from './weblinks';

/** Bump when the shape changes, and add a step to MIGRATIONS in db.ts. */
export const SCHEMA_VERSION = 1;

export interface StoredReport extends Report {
  /** when this report was imported (ISO time) */
  importedAt: string;
}

/** Everything the bot keeps, in one JSON file. */
export interface DbSchema {
  schemaVersion: number;
  /** every report imported so far, oldest first; the last one is current */
  reports: StoredReport[];
  subscriptions: Subscription[];
  chats: ChatSettings[];
  /** alerts waiting for delivery or kept as a record of delivery */
  outbox: Alert[];
  /** one record per report the alerts were computed for (idempotent, recoverable fan-out) */
  fanOuts: FanOut[];
  /** the dashboard's personal browser links (hashed); absent in files written before they existed */
  weblinks?: WeblinkRecord[];
}

export const emptyDb = (): DbSchema => ({ schemaVersion: SCHEMA_VERSION, reports: [], subscriptions: [], chats: [], outbox: [], fanOuts: [] });
