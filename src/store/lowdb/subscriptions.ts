import type { SubscriptionStore } from '../ports';
import { filterKey, newSubscriptionId, type ChatSettings, type Subscription, type SubscriptionFilter } from '../types';
import { commit, type Db } from './db';
import type { DbJournal } from './journal';
import type { DbSchema } from './schema';

export const defaultChatSettings = (chatId: number, type?: ChatSettings['type']): ChatSettings => ({
  chatId,
  ...(type ? { type } : {}),
  digest: 'off',
  active: true,
});

/**
 * One change to subscriptions or chats, as a journal line. Each says what to set, not what to do
 * relative to the state, so that applying it on replay gives what it gave when it was made.
 */
export type SubscriptionChange =
  /** a new subscription; `chat`, the chat's settings when this is the chat's first use */
  | { op: 'add'; subscription: Subscription; chat?: ChatSettings }
  | { op: 'remove'; chatId: number; id: string }
  | { op: 'removeAll'; chatId: number }
  /** the chat's settings as they now are */
  | { op: 'chat'; chat: ChatSettings }
  /** after a 403 (inactive) or on /start (active): the chat and all its subscriptions */
  | { op: 'active'; chatId: number; active: boolean; at: string };

export const applySubscriptionChange = (data: DbSchema, change: SubscriptionChange): void => {
  const chatIndex = (chatId: number): number => data.chats.findIndex((c) => c.chatId === chatId);
  switch (change.op) {
    case 'add':
      if (change.chat && chatIndex(change.chat.chatId) < 0) data.chats.push(change.chat);
      if (!data.subscriptions.some((s) => s.id === change.subscription.id)) data.subscriptions.push(change.subscription);
      return;
    case 'remove':
      data.subscriptions = data.subscriptions.filter((s) => !(s.chatId === change.chatId && s.id === change.id));
      return;
    case 'removeAll':
      data.subscriptions = data.subscriptions.filter((s) => s.chatId !== change.chatId);
      return;
    case 'chat': {
      const index = chatIndex(change.chat.chatId);
      if (index < 0) data.chats.push(change.chat);
      else data.chats[index] = change.chat;
      return;
    }
    case 'active': {
      let chat = data.chats[chatIndex(change.chatId)];
      if (!chat) data.chats.push((chat = defaultChatSettings(change.chatId)));
      chat.active = change.active;
      if (change.active) delete chat.inactiveSince;
      else chat.inactiveSince = change.at;
      for (const s of data.subscriptions) if (s.chatId === change.chatId) s.active = change.active;
      return;
    }
  }
};

/**
 * Subscriptions and per-chat settings in DB_PATH, changed through its journal (a line per change,
 * not a rewrite of every subscriber). Reads hand out copies, as a database would.
 */
export const createLowdbSubscriptions = (db: Db, journal: DbJournal<SubscriptionChange>, now: () => Date = () => new Date()): SubscriptionStore => {
  const find = (chatId: number): ChatSettings | undefined => db.data.chats.find((c) => c.chatId === chatId);
  const record = (change: SubscriptionChange): void => journal.record(structuredClone(change));

  /** Changes one chat's settings (creating them on first use). */
  const updateChat = async (chatId: number, type: ChatSettings['type'] | undefined, change: (c: ChatSettings) => void): Promise<ChatSettings> => {
    const chat = structuredClone(find(chatId) ?? defaultChatSettings(chatId, type));
    if (type && !chat.type) chat.type = type;
    change(chat);
    record({ op: 'chat', chat });
    return chat;
  };

  const setActive = async (chatId: number, active: boolean): Promise<boolean> => {
    const chat = find(chatId);
    const subs = db.data.subscriptions.filter((s) => s.chatId === chatId);
    if ((chat?.active ?? true) === active && subs.every((s) => s.active === active)) return false;
    if (!chat && active) return false;
    record({ op: 'active', chatId, active, at: now().toISOString() });
    return true;
  };

  return {
    list: async (chatId) => structuredClone(db.data.subscriptions.filter((s) => s.chatId === chatId)),
    async add(chatId, filter, chatType) {
      const key = filterKey(filter);
      const existing = db.data.subscriptions.find((s) => s.chatId === chatId && filterKey(s.filter) === key);
      if (existing) return { subscription: structuredClone(existing), created: false };
      const chat = find(chatId);
      const subscription: Subscription = { id: newSubscriptionId(), chatId, filter, createdAt: now().toISOString(), active: chat?.active ?? true };
      // One line: the chat's settings (on first use) and the subscription.
      record({ op: 'add', subscription, ...(chat ? {} : { chat: defaultChatSettings(chatId, chatType) }) });
      return { subscription: structuredClone(subscription), created: true };
    },
    async remove(chatId, id) {
      const removed = db.data.subscriptions.find((s) => s.chatId === chatId && s.id === id);
      if (!removed) return undefined;
      const copy = structuredClone(removed);
      record({ op: 'remove', chatId, id });
      return copy;
    },
    async removeAll(chatId) {
      const count = db.data.subscriptions.filter((s) => s.chatId === chatId).length;
      if (count > 0) record({ op: 'removeAll', chatId });
      return count;
    },
    async subscribers() {
      const inactive = new Set(db.data.chats.filter((c) => !c.active).map((c) => c.chatId));
      const result = new Map<number, SubscriptionFilter[]>();
      for (const s of db.data.subscriptions) {
        if (!s.active || inactive.has(s.chatId)) continue;
        const list = result.get(s.chatId) ?? [];
        list.push(structuredClone(s.filter));
        result.set(s.chatId, list);
      }
      return result;
    },
    settings: async (chatId) => structuredClone(find(chatId) ?? defaultChatSettings(chatId)),
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
    chats: async () => structuredClone(db.data.chats),
    all: async () => structuredClone(db.data.subscriptions),
    // many records at once (store:copy): one full write
    restore: (chats, subscriptions) =>
      commit(db, (data) => {
        const before = { chats: data.chats, subscriptions: data.subscriptions };
        data.chats = [...data.chats, ...structuredClone(chats)];
        data.subscriptions = [...data.subscriptions, ...structuredClone(subscriptions)];
        return { result: undefined, undo: () => Object.assign(data, before) };
      }),
  };
};
