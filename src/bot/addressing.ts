import type { Context } from 'telegraf';
import type { MessageEntity } from 'telegraf/types';
import { commandKindOf, parseCommand } from '../qa/commands';

/**
 * Whether a text message is meant for the bot, and the question without the
 * bot's @name. In private chats every message is; in groups only a mention
 * of the bot or a reply to one of its messages is (commands are matched by
 * telegraf, which also checks /cmd@name). Returns undefined for chatter.
 */
export const questionFor = (ctx: Context): string | undefined => {
  const message = ctx.message;
  if (!message || !('text' in message)) return undefined;
  const text = message.text;
  if (ctx.chat?.type === 'private') return text.trim();
  const username = ctx.botInfo?.username?.toLowerCase();
  if (!username) return undefined;
  const entities: MessageEntity[] = message.entities ?? [];
  const mentions = entities.filter((e) => e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === username);
  // Telegram always sends mention entities; a client that does not still wrote @name in the text.
  if (mentions.length === 0) {
    const pattern = new RegExp(`@${username}(?![A-Za-z0-9_])`, 'gi');
    for (const m of text.matchAll(pattern)) mentions.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  const repliesToBot = message.reply_to_message?.from?.id === ctx.botInfo.id;
  if (mentions.length === 0 && !repliesToBot) return undefined;
  // Remove our mentions from the end backwards so earlier offsets stay valid.
  let question = text;
  for (const m of [...mentions].sort((a, b) => b.offset - a.offset)) {
    question = question.slice(0, m.offset) + ' ' + question.slice(m.offset + m.length);
  }
  return question.replace(/\s+/g, ' ').trim();
};

/**
 * A command that is not ours to answer in a group: one we do not know (probably another
 * bot's), or one that names another bot. Ours reach their features; a fallback skips these.
 */
export const isForeignCommand = (text: string, username: string | undefined): boolean => {
  const command = parseCommand(text);
  if (!command) return false;
  return commandKindOf(command.name) === undefined || (command.bot !== undefined && command.bot.toLowerCase() !== username?.toLowerCase());
};
