import type { Context } from 'telegraf';
import type { Conversation } from '../qa/follow-up';
import type { ConversationStore } from '../store/ports';

/**
 * The conversations of the chat side: whose conversation an update belongs to
 * (a private chat is one; in a group each member has their own, so two people
 * asking at once never continue each other's questions), read back only when
 * it spoke within the quiet spell (CONVERSATION_MINUTES). Inline queries and
 * the dashboard have no conversation.
 */
export interface Conversations {
  /** the update's conversation key, undefined when the update has no chat or sender (inline, channel posts) */
  keyOf(ctx: Context): string | undefined;
  get(key: string): Promise<Conversation>;
  put(key: string, conversation: Conversation): Promise<void>;
  /** /start: begin again */
  clear(key: string): Promise<void>;
}

export const createConversations = (store: ConversationStore, options: { minutes: number; now?: () => Date }): Conversations => {
  const now = options.now ?? (() => new Date());
  const quietMs = options.minutes * 60_000;
  return {
    keyOf(ctx) {
      const chat = ctx.chat;
      if (!chat) return undefined;
      if (chat.type === 'private') return String(chat.id);
      return ctx.from ? `${chat.id}:${ctx.from.id}` : undefined;
    },
    get: async (key) => (await store.get<Conversation>(key, new Date(now().getTime() - quietMs))) ?? {},
    put: (key, conversation) => store.put(key, conversation),
    clear: (key) => store.clear(key),
  };
};
