/**
 * Subscriptions and alerts as stored. The alerts engineer owns this file and may
 * extend these types; the store only needs their names.
 */

/** What a subscriber wants to hear about: every lagging target, or those of one unit, leader or keyword. */
export type SubscriptionFilter =
  | { kind: 'all' }
  | { kind: 'unit'; unit: string }
  | { kind: 'leader'; leader: string }
  | { kind: 'keyword'; keyword: string };

export interface Subscription {
  id: string;
  chatId: number;
  filter: SubscriptionFilter;
  createdAt: string;
  active: boolean;
}

export interface ChatSettings {
  chatId: number;
  digest: 'daily' | 'weekly' | 'off';
  /** local hours [from, to) in which alerts are sent silently, e.g. 22-8 */
  quiet?: { from: number; to: number };
  /** false after Telegram said 403 (blocked, kicked, deactivated); true again on /start */
  active: boolean;
}

export interface Alert {
  id: string;
  chatId: number;
  /** HTML text, already within Telegram's limits */
  text: string;
  createdAt: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** epoch ms before which the worker must not retry */
  notBefore: number;
  silent?: boolean;
  sentAt?: string;
  error?: string;
}
