import type { SubscriptionStore } from '../ports';
import { filterKey, newSubscriptionId, type ChatSettings, type Subscription, type SubscriptionFilter } from '../types';
import { commit, type Db } from './db';

export const defaultChatSettings = (chatId: number, type?: ChatSettings['type']): ChatSettings => ({
  chatId,
  ...(type ? { type } : {}),
  digest: 'off',
  active: true,
});

/** Subscriptions and per-chat settings in DB_PATH. Reads hand out copies, as a database would. */
export const createLowdbSubscriptions = (db: Db, now: () => Date = () => new Date()): SubscriptionStore => {
  const find = (chatId: number): ChatSettings | undefined => db.data.chats.find((c) => c.chatId === chatId);

  /** Changes one chat's settings (creating them on first use) and writes; undone when the write fails. */
  const updateChat = (chatId: number, type: ChatSettings['type'] | undefined, change: (c: ChatSettings) => void): Promise<ChatSettings> =>
    commit(db, (data) => {
      let chat = data.chats.find((c) => c.chatId === chatId);
      const created = !chat;
      const before = chat ? structuredClone(chat) : undefined;
      if (!chat) {
        chat = defaultChatSettings(chatId, type);
        data.chats.push(chat);
      }
      if (type && !chat.type) chat.type = type;
      change(chat);
      const target = chat;
      return {
        result: structuredClone(target),
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
        settings = defaultChatSettings(chatId);
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
    list: async (chatId) => structuredClone(db.data.subscriptions.filter((s) => s.chatId === chatId)),
    async add(chatId, filter, chatType) {
      const key = filterKey(filter);
      const existing = db.data.subscriptions.find((s) => s.chatId === chatId && filterKey(s.filter) === key);
      if (existing) return { subscription: structuredClone(existing), created: false };
      const subscription: Subscription = { id: newSubscriptionId(), chatId, filter, createdAt: now().toISOString(), active: true };
      // One write: the chat's settings (on first use) and the subscription.
      await commit(db, (data) => {
        let chat = data.chats.find((c) => c.chatId === chatId);
        const created = !chat;
        if (!chat) data.chats.push((chat = defaultChatSettings(chatId, chatType)));
        subscription.active = chat.active;
        data.subscriptions.push(subscription);
        const added = chat;
        return {
          result: undefined,
          undo: () => {
            data.subscriptions.splice(data.subscriptions.indexOf(subscription), 1);
            if (created) data.chats.splice(data.chats.indexOf(added), 1);
          },
        };
      });
      return { subscription: structuredClone(subscription), created: true };
    },
    remove: (chatId, id) =>
      commit(db, (data) => {
        const index = data.subscriptions.findIndex((s) => s.chatId === chatId && s.id === id);
        if (index < 0) return { result: undefined, undo: () => undefined };
        const [removed] = data.subscriptions.splice(index, 1);
        return { result: structuredClone(removed), undo: () => void data.subscriptions.splice(index, 0, removed!) };
      }),
    removeAll: (chatId) =>
      commit(db, (data) => {
        const before = data.subscriptions;
        data.subscriptions = before.filter((s) => s.chatId !== chatId);
        return { result: before.length - data.subscriptions.length, undo: () => void (data.subscriptions = before) };
      }),
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
    restore: (chats, subscriptions) =>
      commit(db, (data) => {
        const before = { chats: data.chats, subscriptions: data.subscriptions };
        data.chats = [...data.chats, ...structuredClone(chats)];
        data.subscriptions = [...data.subscriptions, ...structuredClone(subscriptions)];
        return { result: undefined, undo: () => Object.assign(data, before) };
      }),
  };
};
