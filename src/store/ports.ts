/**
 * What the rest of the program may ask of the store. Two backends implement it:
 * lowdb files (src/store/lowdb, the embedded default) and PostgreSQL
 * (src/store/postgres, when DATABASE_URL is set, for several replicas). Nothing
 * outside those folders touches lowdb or SQL; the contract tests in
 * test/store/contract.test.ts run every method against both.
 */
import type { Report } from '../model';
import type { Alert, AwaitedReply, Binding, ChatSettings, FanOut, FeedbackReply, NewAlert, Reminder, StoredReport, Subscription, SubscriptionFilter } from './types';

export interface ReportStore {
  /** the newest report, or undefined before the first import */
  current(): Promise<StoredReport | undefined>;
  /** the id of the newest report: cheap, for replicas that check whether another one imported */
  currentId(): Promise<number | undefined>;
  /** every report, oldest first */
  history(): Promise<readonly StoredReport[]>;
  /** stores a report as the new current one, under a new id */
  add(report: Report, importedAt?: Date): Promise<StoredReport>;
  /** copies reports as they are, ids included, into an empty store (store:copy) */
  restore(reports: readonly StoredReport[]): Promise<void>;
}

export interface SubscriptionStore {
  /** the chat's subscriptions, oldest first */
  list(chatId: number): Promise<Subscription[]>;
  /** adds a subscription unless the chat already has the same filter; `created` says which */
  add(chatId: number, filter: SubscriptionFilter, chatType?: ChatSettings['type']): Promise<{ subscription: Subscription; created: boolean }>;
  /** removes one subscription of this chat by id; undefined when it is not there (a stale button) */
  remove(chatId: number, id: string): Promise<Subscription | undefined>;
  /** removes every subscription of the chat; returns how many */
  removeAll(chatId: number): Promise<number>;
  /** every chat that should get alerts (active), with its filters in the order they were made */
  subscribers(): Promise<Map<number, SubscriptionFilter[]>>;
  /** the chat's settings (defaults when the chat never set any) */
  settings(chatId: number): Promise<ChatSettings>;
  setDigest(chatId: number, digest: ChatSettings['digest'], chatType?: ChatSettings['type']): Promise<ChatSettings>;
  setQuiet(chatId: number, quiet: ChatSettings['quiet'], chatType?: ChatSettings['type']): Promise<ChatSettings>;
  /** /yellow on|off: yellow (risk) lines in this chat's digests */
  setYellow(chatId: number, on: boolean, chatType?: ChatSettings['type']): Promise<ChatSettings>;
  /** after a 403: stop sending to the chat, keep its subscriptions. Returns false when it was already inactive. */
  markInactive(chatId: number): Promise<boolean>;
  /** on /start: send again. Returns true when the chat had been inactive. */
  reactivate(chatId: number): Promise<boolean>;
  /** every chat with stored settings (for the digest scheduler) */
  chats(): Promise<readonly ChatSettings[]>;
  /** every subscription, oldest first (for store:copy) */
  all(): Promise<readonly Subscription[]>;
  /** copies records as they are, ids and times included, into an empty store (store:copy) */
  restore(chats: readonly ChatSettings[], subscriptions: readonly Subscription[]): Promise<void>;
}

/**
 * The durable outbox: alerts are stored before any is sent; every send is
 * recorded as "about to send" before the call and "sent", "retry later" or
 * "failed" after it. The mark* methods also update the Alert object they are
 * given, once the change is stored.
 *
 * After a crash, an alert with "about to send" and nothing after it may or may
 * not have reached the chat: it is named in `uncertain` and sent again
 * (at-least-once).
 */
export interface OutboxStore {
  /** adds the alerts whose ids are new (and the fan-out record) in one write; returns those added, in enqueue order */
  enqueue(alerts: readonly NewAlert[], fanOut?: Omit<FanOut, 'at'>): Promise<Alert[]>;
  /** alerts still to send, in enqueue order */
  pending(): Promise<Alert[]>;
  get(id: string): Promise<Alert | undefined>;
  /** every alert kept, in enqueue order (tests, audits, store:copy) */
  all(): Promise<Alert[]>;
  /** ids that were being sent when the previous process died (sent again: at-least-once) */
  readonly uncertain: readonly string[];
  hasFanOut(reportId: number): Promise<boolean>;
  /** every fan-out record (store:copy) */
  fanOuts(): Promise<FanOut[]>;
  markSending(alert: Alert): Promise<void>;
  markSent(alert: Alert, messageId: number | undefined): Promise<void>;
  markRetry(alert: Alert, notBefore: number, error: string): Promise<void>;
  markFailed(alert: Alert, error: string): Promise<void>;
  /** called with the alerts each enqueue added, in this process and, on PostgreSQL, in the other replicas (the worker wakes up) */
  onEnqueued(listener: (alerts: Alert[]) => void): () => void;
  /** prunes delivered and failed alerts older than keepDays (and, on lowdb, folds the journal into the file) */
  compact(): Promise<void>;
  /** copies alerts and fan-out records as they are into an empty store (store:copy) */
  restore(alerts: readonly Alert[], fanOuts: readonly FanOut[]): Promise<void>;
}

/**
 * Small named values that other parts keep (a remembered column mapping per
 * table source, hashed web-link tokens, …): JSON values under a scope and a key.
 */
export interface SettingsStore {
  get<T = unknown>(scope: string, key: string): Promise<T | undefined>;
  put(scope: string, key: string, value: unknown): Promise<void>;
  /** returns whether the key was there */
  delete(scope: string, key: string): Promise<boolean>;
  /**
   * puts and deletes many keys of one scope in one write (lowdb: one rewrite of DB_PATH, not one per
   * key; PostgreSQL: one statement); a key both put and removed is put. Returns how many removed keys were there.
   */
  update(scope: string, changes: { put?: readonly { key: string; value: unknown }[]; remove?: readonly string[] }): Promise<number>;
  /** every key and value of a scope, sorted by key */
  list<T = unknown>(scope: string): Promise<{ key: string; value: T }[]>;
  /** the scopes that hold at least one key, sorted (store:copy) */
  scopes(): Promise<string[]>;
}

/**
 * What page buttons stand for when 64 bytes of callback_data cannot say it (a
 * free-text question, /search words): JSON values under short random ids, in the
 * store so that a button made on one replica works on another, and after a
 * restart. Bounded: whatever was neither put nor read within the last `limit`
 * puts and reads (BUTTON_LIMIT) is pruned, and its button says the list expired.
 * Not copied by store:copy, and not counted by isEmpty: a button is worth little
 * beyond a few days.
 */
export interface ButtonStore {
  /** keeps `value` under `id`; false (and nothing changed) when the id is taken, so the caller draws another */
  add(id: string, value: unknown): Promise<boolean>;
  /** the value under `id`, which now counts as recently used; undefined once pruned or never added */
  get<T = unknown>(id: string): Promise<T | undefined>;
}

/**
 * What a conversation (a private chat, or one user inside a group) needs from
 * its last messages to answer the next one: JSON values under a key, each
 * stamped with when it was put, in the store so that a follow-up works on any
 * replica and after a restart. A value older than `since` counts as gone (the
 * conversation went quiet). Bounded: only the CONVERSATION_LIMIT most recently
 * put are kept. Not copied by store:copy, and not counted by isEmpty.
 */
export interface ConversationStore {
  /** the value under `key` if it was put at or after `since`; undefined otherwise */
  get<T = unknown>(key: string, since: Date): Promise<T | undefined>;
  /** keeps `value` under `key`, stamped now, replacing what was there */
  put(key: string, value: unknown): Promise<void>;
  /** forgets the key (/start) */
  clear(key: string): Promise<void>;
}

/**
 * The update_ids the bot has handled. Telegram delivers an update again until it is
 * confirmed (the next getUpdates offset, or a webhook 200), and the bot confirms only
 * what it handled, so after a crash some handled updates come again; this log is
 * checked before handling, so that one answered already is not answered twice.
 * Bounded: the newest `limit` ids added (UPDATE_LOG_LIMIT) are kept.
 */
export interface UpdateLog {
  has(updateId: number): Promise<boolean>;
  add(updateId: number): Promise<void>;
}

/**
 * Work that one process at a time must do among the replicas sharing a store:
 * sending the outbox (so each alert goes out once and the rate limits hold for
 * all replicas together) and scheduling digests.
 */
export interface RoleStore {
  /**
   * Calls `gained` once this process holds the role, and `lost` if it loses it
   * (its database session ended); keeps trying to get it back until released.
   * On lowdb, whose one process owns the store, the role is held at once.
   * Resolves after the first try (and `gained`, when that try got the role).
   */
  hold(role: string, handlers: { gained(): Promise<void>; lost(): Promise<void> }): Promise<RoleHold>;
}

/**
 * The supervision loop (督办): chats bound to units, the reminders sent to them and the units'
 * replies. Small records, appended far more often than changed (lowdb: one journal line each).
 */
export interface SupervisionStore {
  /** a chat asks to be bound to a unit; the same chat and unit asking again gets its existing binding (`created` false) */
  requestBinding(input: { chatId: number; unit: string; requestedBy: number; chatTitle?: string }): Promise<{ binding: Binding; created: boolean }>;
  /** an admin approves or refuses a pending binding; undefined when it is gone or already decided */
  decideBinding(id: string, state: 'approved' | 'refused', by: number): Promise<Binding | undefined>;
  /** removes a binding (any state); undefined when it is not there */
  removeBinding(id: string): Promise<Binding | undefined>;
  /** every binding, oldest first */
  bindings(): Promise<Binding[]>;
  /** records reminders; ids already recorded are skipped (a confirm tapped twice) */
  recordReminders(reminders: readonly Reminder[]): Promise<void>;
  /** the reminders of one report (or all), oldest first */
  reminders(reportId?: number): Promise<Reminder[]>;
  addReply(reply: Omit<FeedbackReply, 'id'>): Promise<FeedbackReply>;
  /** the replies of one report (or all), oldest first */
  replies(reportId?: number): Promise<FeedbackReply[]>;
  /** remembers (or, with undefined, forgets) that this person in this chat is writing a reply */
  setAwaited(chatId: number, userId: number, awaited: AwaitedReply | undefined): Promise<void>;
  awaited(chatId: number, userId: number): Promise<AwaitedReply | undefined>;
  /** copies bindings, reminders and replies as they are, ids and times included, into an empty store (store:copy) */
  restore(records: { bindings: readonly Binding[]; reminders: readonly Reminder[]; replies: readonly FeedbackReply[] }): Promise<void>;
}

export interface RoleHold {
  /**
   * Whether the role is still held, asked right before work only the holder may do
   * (each alert's send): on PostgreSQL the database is asked on the role's own
   * session, whose end frees the lock, so a replica that lost the role learns it
   * here even before the session's error event; false calls `lost` (if not yet).
   */
  holds(): Promise<boolean>;
  release(): Promise<void>;
}

export interface Store {
  /**
   * Whether several processes may use this store at once (replicas on PostgreSQL), or one owns it (lowdb).
   * The app asks this, never the backend's name: a shared store is checked for reports other replicas
   * stored and its sending role passes between them; an owned one takes `npm run import` through the inbox.
   */
  readonly shared: boolean;
  /** DB_PATH or the database URL with its password hidden, for messages */
  readonly where: string;
  reports: ReportStore;
  subscriptions: SubscriptionStore;
  outbox: OutboxStore;
  settings: SettingsStore;
  buttons: ButtonStore;
  conversations: ConversationStore;
  updates: UpdateLog;
  roles: RoleStore;
  supervision: SupervisionStore;
  /** true when nothing at all has been stored yet (store:copy refuses a non-empty target) */
  isEmpty(): Promise<boolean>;
  /** flushes and releases the store (and its lock); the store is unusable afterwards */
  close(): Promise<void>;
}
