import { randomBytes } from 'node:crypto';
import { commit, type Db } from '../store/db';
import { filterKey } from './filters';
import type { ChatSettings, Subscription, SubscriptionFilter } from './types';

export interface SubscriptionStore {
  /** the chat's subscriptions, oldest first */
  list(chatId: number): Subscription[];
  /** adds a subscription unless the chat already has the same filter; `created` says which */
  add(chatId: number, filter: SubscriptionFilter, chatType?: ChatSettings['type']): Promise<{ subscription: Subscription; created: boolean }>;
  /** removes one subscription of this chat by id; undefined when it is not there (a stale button) */
  remove(chatId: number, id: string): Promise<Subscription | undefined>;
  /** removes every subscription of the chat; returns how many */
  removeAll(chatId: number): Promise<number>;
  /** every chat that should get alerts (active), with its filters */
  subscribers(): Map<number, SubscriptionFilter[]>;
  /** the chat's settings (defaults when the chat never set any) */
  settings(chatId: number): ChatSettings;
  setDigest(chatId: number, digest: ChatSettings['digest'], chatType?: ChatSettings['type']): Promise<ChatSettings>;
  setQuiet(chatId: number, quiet: ChatSettings['quiet'], chatType?: ChatSettings['type']): Promise<ChatSettings>;
  /** /yellow on|off: yellow (risk) lines in this chat's digests */
  setYellow(chatId: number, on: boolean, chatType?: ChatSettings['type']): Promise<ChatSettings>;
  /** after a 403: stop sending to the chat, keep its subscriptions. Returns false when it was already inactive. */
  markInactive(chatId: number): Promise<boolean>;
  /** on /start: send again. Returns true when the chat had been inactive. */
  reactivate(chatId: number): Promise<boolean>;
  /** every chat with stored settings (for the digest scheduler) */
  chats(): readonly ChatSettings[];
}

const defaults = (chatId: number, type?: ChatSettings['type']): ChatSettings => ({
  chatId,
  ...(type ? { type } : {}),
  digest: 'off',
  active: true,
});

/** Stores subscriptions and per-chat settings in lowdb; only these functions touch them. */
export const createSubscriptionStore = (db: Db, now: () => Date = () => new Date()): SubscriptionStore => {
  const find = (chatId: number): ChatSettings | undefined => db.data.chats.find((c) => c.chatId === chatId);

  /** Changes one chat's settings (creating them on first use) and writes; undone when the write fails. */
  const updateChat = (chatId: number, type: ChatSettings['type'] | undefined, change: (c: ChatSettings) => void): Promise<ChatSettings> =>
    commit(db, (data) => {
      let chat = data.chats.find((c) => c.chatId === chatId);
      const created = !chat;
      const before = chat ? structuredClone(chat) : undefined;
      if (!chat) {
        chat = defaults(chatId, type);
        data.chats.push(chat);
      }
      if (type && !chat.type) chat.type = type;
      change(chat);
      const target = chat;
      return {
        result: { ...target },
        undo: () => {
          if (created) data.chats.splice(data.chats.indexOf(target), 1);
          else {
            // a setting added by the change (quiet, yellow) must go too: assign alone would keep it
            for (const key of Object.keys(target)) if (!(key in before!)) delete (target as unknown as Record<string, unknown>)[key];
            Object.assign(target, before);
          }
        },
      };
    });

  const setActive = async (chatId: number, active: boolean): Promise<boolean> => {
    const chat = find(chatId);
    const subs = db.data.subscriptions.filter((s) => s.chatId === chatId);
    if ((chat?.active ?? true) === active && subs.every((s) => s.active === active)) return false;
    if (!chat && active) return false;
    await commit(db, (data) => {
      let settings = data.chats.find((c) => c.chatId === chatId);
      const created = !settings;
      if (!settings) {
        settings = defaults(chatId);
        data.chats.push(settings);
      }
      const before = { active: settings.active, inactiveSince: settings.inactiveSince };
      const subsBefore = subs.map((s) => s.active);
      settings.active = active;
      if (active) delete settings.inactiveSince;
      else settings.inactiveSince = now().toISOString();
      for (const s of subs) s.active = active;
      const target = settings;
      return {
        result: undefined,
        undo: () => {
          if (created) data.chats.splice(data.chats.indexOf(target), 1);
          else Object.assign(target, before);
          subs.forEach((s, i) => (s.active = subsBefore[i]!));
        },
      };
    });
    return true;
  };

  return {
    list: (chatId) => db.data.subscriptions.filter((s) => s.chatId === chatId),
    async add(chatId, filter, chatType) {
      const key = filterKey(filter);
      const existing = db.data.subscriptions.find((s) => s.chatId === chatId && filterKey(s.filter) === key);
      if (existing) return { subscription: existing, created: false };
      if (!find(chatId)) await updateChat(chatId, chatType, () => undefined);
      const subscription: Subscription = {
        // 8 base64url chars: short enough for callback_data, random so a stale button never hits another one
        id: randomBytes(6).toString('base64url'),
        chatId,
        filter,
        createdAt: now().toISOString(),
        active: find(chatId)?.active ?? true,
      };
      await commit(db, (data) => {
        data.subscriptions.push(subscription);
        return { result: undefined, undo: () => void data.subscriptions.splice(data.subscriptions.indexOf(subscription), 1) };
      });
      return { subscription, created: true };
    },
    remove: (chatId, id) =>
      commit(db, (data) => {
        const index = data.subscriptions.findIndex((s) => s.chatId === chatId && s.id === id);
        if (index < 0) return { result: undefined, undo: () => undefined };
        const [removed] = data.subscriptions.splice(index, 1);
        return { result: removed, undo: () => void data.subscriptions.splice(index, 0, removed!) };
      }),
    removeAll: (chatId) =>
      commit(db, (data) => {
        const before = data.subscriptions;
        data.subscriptions = before.filter((s) => s.chatId !== chatId);
        return { result: before.length - data.subscriptions.length, undo: () => void (data.subscriptions = before) };
      }),
    subscribers() {
      const inactive = new Set(db.data.chats.filter((c) => !c.active).map((c) => c.chatId));
      const result = new Map<number, SubscriptionFilter[]>();
      for (const s of db.data.subscriptions) {
        if (!s.active || inactive.has(s.chatId)) continue;
        const list = result.get(s.chatId) ?? [];
        list.push(s.filter);
        result.set(s.chatId, list);
      }
      return result;
    },
    settings: (chatId) => ({ ...(find(chatId) ?? defaults(chatId)) }),
    setDigest: (chatId, digest, chatType) => updateChat(chatId, chatType, (c) => void (c.digest = digest)),
    setQuiet: (chatId, quiet, chatType) =>
      updateChat(chatId, chatType, (c) => {
        if (quiet) c.quiet = quiet;
        else delete c.quiet;
      }),
    setYellow: (chatId, on, chatType) =>
      updateChat(chatId, chatType, (c) => {
        // off is stored as absent, like a chat that never opted in
        if (on) c.yellow = true;
        else delete c.yellow;
      }),
    markInactive: (chatId) => setActive(chatId, false),
    reactivate: (chatId) => setActive(chatId, true),
    chats: () => db.data.chats,
  };
};
