import type { Context } from 'telegraf';

/**
 * Whether the sender may change this chat's subscriptions and settings:
 * anyone in a private chat; in a group only its creator and administrators
 * (asked with getChatMember each time: admin lists change, and a cached "yes"
 * would outlive a demotion). An anonymous admin posts as the group itself.
 */
export const mayChangeChat = async (ctx: Context): Promise<boolean> => {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === 'private') return true;
  const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
  if (senderChat?.id === chat.id) return true;
  if (!ctx.from) return false;
  try {
    const member = await ctx.telegram.getChatMember(chat.id, ctx.from.id);
    return member.status === 'creator' || member.status === 'administrator';
  } catch {
    // Telegram could not tell us: refuse, the admin can try again.
    return false;
  }
};

/** The chat type as the subscription store keeps it. */
export const chatTypeOf = (ctx: Context): 'private' | 'group' | 'supergroup' | 'channel' | undefined => ctx.chat?.type;
