import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Binding } from '../../store/types';
import { SUPERVISION_COMMANDS, SUPERVISION_MESSAGES as M } from '../../wording/supervision';
import { decodeCallback, encodeCallback } from '../callback-data';
import type { Feature, FeatureFactory } from '../feature';
import { chatTypeOf, mayChangeChat } from './chat-admin';
import { chatTitleOf, personOf, type SupervisionDeps } from './supervision-deps';

/**
 * /bind 单位: a chat (a unit's work group, or a person's private chat) asks to be bound to a unit
 * of the table; the unit resolves as in questions (short forms, old names). Every admin
 * (ADMIN_IDS) gets the request with approve and refuse buttons in a private message; only an
 * approved binding counts for reminders and replies. /bind alone lists the chat's bindings (an
 * admin in a private chat: every binding) with buttons that remove them.
 */
export const createBindFeature =
  (sv: SupervisionDeps): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const admins = new Set(deps.access.adminIds);
    const isAdmin = (ctx: Context): boolean => ctx.from !== undefined && admins.has(ctx.from.id);

    const listFor = async (ctx: Context): Promise<{ text: string; markup?: InlineKeyboardMarkup }> => {
      const all = await sv.store.bindings();
      const everyone = isAdmin(ctx) && ctx.chat?.type === 'private';
      const shown = everyone ? all : all.filter((b) => b.chatId === ctx.chat!.id);
      if (shown.length === 0) return { text: everyone ? M.noBindingsAtAll : M.noBindings };
      return {
        text: M.bindingsTitle(shown.length),
        markup: {
          inline_keyboard: shown
            .slice(0, 90)
            .map((b) => [
              { text: M.removeBindingButton(b.unit, everyone ? b.chatTitle : undefined, M.bindingState[b.state]), callback_data: encodeCallback({ type: 'binding', action: 'remove', id: b.id }) },
            ]),
        },
      };
    };

    const tellAdmins = async (ctx: Context, binding: Binding): Promise<void> => {
      const markup: InlineKeyboardMarkup = {
        inline_keyboard: [
          [
            { text: M.approveButton, callback_data: encodeCallback({ type: 'binding', action: 'approve', id: binding.id }) },
            { text: M.refuseButton, callback_data: encodeCallback({ type: 'binding', action: 'refuse', id: binding.id }) },
          ],
        ],
      };
      for (const admin of admins) {
        // An admin who never opened a chat with the bot cannot be written to (403): the others still are.
        await ctx.telegram
          .sendMessage(admin, M.bindRequestForAdmin(binding.unit, binding.chatTitle ?? String(binding.chatId), personOf(ctx)), { parse_mode: 'HTML', reply_markup: markup })
          .catch((err: unknown) => deps.logger.warn({ err, admin }, 'could not send a binding request to an admin'));
      }
    };

    composer.command('bind', async (ctx) => {
      const arg = ctx.payload.trim();
      if (arg === '') {
        const { text, markup } = await listFor(ctx);
        return void (await ctx.reply(text, { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) }));
      }
      if (!(await mayChangeChat(ctx))) return void (await ctx.reply(M.groupAdminsOnly));
      const units = sv.understand(arg.slice(0, deps.settings.maxQuestionChars)).units ?? [];
      if (units.length === 0) return void (await ctx.reply(M.bindNotFound(arg)));
      if (units.length > 1) return void (await ctx.reply(M.bindAmbiguous(arg, units)));
      const { binding, created } = await sv.store.requestBinding({ chatId: ctx.chat.id, unit: units[0]!, requestedBy: ctx.from.id, chatTitle: chatTitleOf(ctx) });
      deps.logger.info({ chatId: ctx.chat.id, chatType: chatTypeOf(ctx), unit: binding.unit, created }, 'binding requested');
      if (!created) {
        const said = binding.state === 'approved' ? M.bindApprovedAlready : binding.state === 'refused' ? M.bindRefusedBefore : M.bindPendingAlready;
        return void (await ctx.reply(said(binding.unit), { parse_mode: 'HTML' }));
      }
      await ctx.reply(M.bindRequested(binding.unit), { parse_mode: 'HTML' });
      await tellAdmins(ctx, binding);
    });

    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (data?.type !== 'binding') return next();
      if (data.action === 'remove') {
        const binding = (await sv.store.bindings()).find((b) => b.id === data.id);
        if (!binding) return void (await ctx.answerCbQuery(M.staleButton));
        // The chat's own admins may unbind it; the office's admins may unbind anyone.
        const own = ctx.chat?.id === binding.chatId && (await mayChangeChat(ctx));
        if (!own && !isAdmin(ctx)) return void (await ctx.answerCbQuery(M.groupAdminsOnly, { show_alert: true }));
        await sv.store.removeBinding(binding.id);
        await ctx.answerCbQuery();
        await ctx.reply(M.unbound(binding.unit), { parse_mode: 'HTML' });
        const { text, markup } = await listFor(ctx);
        await ctx.editMessageText(text, { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) }).catch(() => undefined);
        return;
      }
      if (!isAdmin(ctx)) return void (await ctx.answerCbQuery(M.adminsOnly, { show_alert: true }));
      const approved = data.action === 'approve';
      const decided = await sv.store.decideBinding(data.id, approved ? 'approved' : 'refused', ctx.from.id);
      if (!decided) return void (await ctx.answerCbQuery(M.bindAlreadyDecided));
      deps.logger.info({ chatId: decided.chatId, unit: decided.unit, state: decided.state, by: ctx.from.id }, 'binding decided');
      await ctx.answerCbQuery();
      await ctx.editMessageText(M.bindDecided(decided.unit, decided.chatTitle ?? String(decided.chatId), approved), { parse_mode: 'HTML' }).catch(() => undefined);
      await ctx.telegram
        .sendMessage(decided.chatId, M.bindDecidedForChat(decided.unit, approved), { parse_mode: 'HTML' })
        .catch((err: unknown) => deps.logger.warn({ err, chatId: decided.chatId }, 'could not tell a chat its binding was decided'));
    });

    return { name: 'bind', composer, commands: [SUPERVISION_COMMANDS.bind] };
  };
