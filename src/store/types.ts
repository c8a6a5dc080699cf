/**
 * The records the store keeps, the same for every backend: reports,
 * subscriptions and chat settings, alerts and fan-out records.
 */
import { randomBytes } from 'node:crypto';
import type { Report } from '../model';

/** An imported report. Reports are immutable once stored. */
export interface StoredReport extends Report {
  /** assigned by the store, increasing with every import; never reused */
  id: number;
  /** when this report was imported (ISO time) */
  importedAt: string;
}

/** What a subscriber wants to hear about: every lagging target, or those of one unit, leader or keyword. */
export type SubscriptionFilter =
  | { kind: 'all' }
  | { kind: 'unit'; unit: string }
  | { kind: 'leader'; leader: string }
  /** `keyword` as the user wrote it: shown back, and searched as `/search keyword` to select targets; `terms`, the words the engine understood (a record) */
  | { kind: 'keyword'; keyword: string; terms?: string[] };

/** A stable text key for a filter: two subscriptions of a chat with the same key are the same subscription. */
export const filterKey = (filter: SubscriptionFilter): string => {
  switch (filter.kind) {
    case 'all':
      return 'all';
    case 'unit':
      return `unit:${filter.unit}`;
    case 'leader':
      return `leader:${filter.leader}`;
    case 'keyword':
      return `keyword:${filter.keyword}`;
  }
};

/** 8 base64url chars: short enough for callback_data, random so a stale button never hits another one. */
export const newSubscriptionId = (): string => randomBytes(6).toString('base64url');

export interface Subscription {
  /** short ASCII id, used in callback_data of the remove buttons */
  id: string;
  chatId: number;
  filter: SubscriptionFilter;
  createdAt: string;
  active: boolean;
}

export interface ChatSettings {
  chatId: number;
  /** 'group' chats (negative ids) are held to Telegram's 20 messages/min */
  type?: 'private' | 'group' | 'supergroup' | 'channel';
  digest: 'daily' | 'weekly' | 'off';
  /** local hours [from, to) in which alerts are sent silently, e.g. 22-8 */
  quiet?: { from: number; to: number };
  /**
   * /yellow on: also tell this chat about targets under its filters that turn yellow
   * (是, but behind pace or past the deadline) or leave yellow. Absent = off.
   */
  yellow?: boolean;
  /** false after Telegram said 403 (blocked, kicked, deactivated); true again on /start */
  active: boolean;
  inactiveSince?: string;
}

export type AlertState = 'pending' | 'sent' | 'failed';

export interface Alert {
  /**
   * Deterministic: `<source>:<chatId>:<part>`, e.g. `imp:4:1001:1` (the report with id 4) or
   * `dig:2022-10-10:1001:1`, so that enqueuing the same thing twice (a restart
   * re-running a fan-out) adds nothing.
   */
  id: string;
  chatId: number;
  /** HTML text, already within Telegram's limits */
  text: string;
  createdAt: string;
  /** enqueue order; the worker sends one chat's alerts in this order (part 1 before part 2) */
  seq: number;
  state: AlertState;
  attempts: number;
  /** epoch ms before which the worker must not retry */
  notBefore: number;
  /** sent with disable_notification regardless of quiet hours */
  silent?: boolean;
  /** inline buttons under the message */
  buttons?: AlertButton[][];
  sentAt?: string;
  /** message_id Telegram gave the sent message */
  messageId?: number;
  error?: string;
}

/** What a producer (fan-out, digest scheduler) hands to the outbox. */
export interface NewAlert {
  id: string;
  chatId: number;
  text: string;
  silent?: boolean;
  /** inline buttons under the message (a reminder's 反馈 buttons), rows of text and callback_data */
  buttons?: AlertButton[][];
}

/** One inline button of an alert: callback_data within Telegram's 64 bytes. */
export interface AlertButton {
  text: string;
  data: string;
}

/** One record per report the alerts were computed for: makes the fan-out idempotent and recoverable. */
export interface FanOut {
  /** the report's id (StoredReport.id): the fan-out's key */
  report: number;
  /** sha256 of the imported file, for the record */
  reportSha: string;
  at: string;
  /** alerts enqueued (0 when nothing changed or the import seeded an empty store) */
  alerts: number;
  /** digests enqueued: alert ids are unique per chat, this counts chats */
  chats: number;
}

/** How many page buttons the store keeps working (ButtonStore): a week of a busy office's free-text questions, a few MB at most. */
export const BUTTON_LIMIT = 20_000;

/** How many conversations the store keeps (ConversationStore): the most recently active chats and group members; older ones start afresh. */
export const CONVERSATION_LIMIT = 20_000;
/**
 * A chat bound to a unit of the table (督办): its reminders come here, and its members may reply
 * for the unit. Keyed by the unit's name as the table writes it; it outlives reports (a new quarter
 * keeps it), and a renamed unit is found again through the engine's old names.
 */
export interface Binding {
  /** short ASCII id, used in callback_data of the approve/refuse/remove buttons */
  id: string;
  chatId: number;
  unit: string;
  /** pending until an admin (ADMIN_IDS) approves or refuses it; only approved bindings count */
  state: 'pending' | 'approved' | 'refused';
  /** the chat's title (or the person's name) when it asked, for the admin's buttons */
  chatTitle?: string;
  requestedBy: number;
  requestedAt: string;
  decidedBy?: number;
  decidedAt?: string;
}

/** One unit reminded (催办) of some targets of one report, in the chats bound to it then. */
export interface Reminder {
  /** `<batch>:<n>`: a batch is one confirmed /remind; recording a batch twice adds nothing */
  id: string;
  /** the report (period) the targets are from */
  reportId: number;
  unit: string;
  /** 序号, in the order listed */
  targets: string[];
  chatIds: number[];
  /** the admin who confirmed it, or 0 for a scheduled reminder */
  by: number;
  at: string;
}

/** What a unit said (反馈) about one target in one period. */
export interface FeedbackReply {
  id: string;
  reportId: number;
  target: string;
  unit: string;
  chatId: number;
  userId: number;
  /** the person's name as Telegram gave it */
  person: string;
  text: string;
  /** a photo or document sent with it: Telegram's file_id, kept, never downloaded */
  file?: { kind: 'photo' | 'document'; fileId: string; name?: string };
  at: string;
}

/** A person who tapped 反馈 and whose next message in that chat is the reply. */
export interface AwaitedReply {
  reportId: number;
  target: string;
  unit: string;
  since: string;
}

export const newRecordId = newSubscriptionId;

/**
 * How many handled update_ids the store remembers (UpdateLog): far more than can be
 * redelivered after a crash (the updates fetched but not confirmed: a few hundred).
 */
export const UPDATE_LOG_LIMIT = 10_000;
