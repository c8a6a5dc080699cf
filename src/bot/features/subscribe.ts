import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { leadersOf, unitsOf, type Report } from '../../model';
import { chatTypeOf, mayChangeChat } from './chat-admin';
import { composeLaggingNow } from '../../alerts/compose';
import type { AlertsDeps } from './alerts-deps';
import { describeFilter, laggingUnder } from '../../alerts/filters';
import { ALERT_COMMANDS, ALERT_MESSAGES as M, KEYWORD_SCOPE } from '../../wording/alerts';
import { MESSAGES } from '../../wording/chat';
import { resolveFilter } from '../../alerts/resolve-filter';
import { parseCommand } from '../../qa/commands';
import { filterKey, type SubscriptionFilter } from '../../store/types';
import { decodeCallback, encodeCallback, reportVersion, type NameKind } from '../callback-data';
import type { Feature, FeatureFactory } from '../feature';

/**
 * /subscribe, /subscriptions, /unsubscribe and their buttons; re-activation of
 * a chat that had blocked the bot (on /start, or Telegram's my_chat_member).
 * Its buttons go through the callback codec (subscribe-…, unsubscribe); a button from an
 * older report (another version) or a removed subscription is stale: a short answer, nothing else.
 */
const MENU_PAGE = 10;

const namesOf = (report: Report, kind: NameKind): string[] => [...new Set(report.targets.flatMap(kind === 'unit' ? unitsOf : leadersOf))].sort();

export const createSubscribeFeature =
  (alerts: AlertsDeps): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const { subscriptions } = alerts;
    const limits = alerts.settings;

    // Re-activation comes first and always passes the update on: /start is answered by the start feature.
    composer.use(async (ctx, next) => {
      const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
      if (ctx.chat && text !== undefined && parseCommand(text)?.name === 'start' && (await subscriptions.reactivate(ctx.chat.id))) {
        deps.logger.info({ chatId: ctx.chat.id }, 'chat re-activated by /start');
      }
      return next();
    });
    composer.on('my_chat_member', async (ctx, next) => {
      const status = ctx.myChatMember.new_chat_member.status;
      const chatId = ctx.myChatMember.chat.id;
      if (status === 'kicked' || status === 'left') await subscriptions.markInactive(chatId);
      else if ((status === 'member' || status === 'administrator') && (await subscriptions.reactivate(chatId))) {
        deps.logger.info({ chatId }, 'chat re-activated (bot unblocked or re-added)');
      }
      return next();
    });

    const menu = (): InlineKeyboardMarkup => ({
      inline_keyboard: [
        [{ text: M.menuAll, callback_data: encodeCallback({ type: 'subscribe-all' }) }],
        [
          { text: M.menuUnit, callback_data: encodeCallback({ type: 'subscribe-menu', of: 'unit', page: 1 }) },
          { text: M.menuLeader, callback_data: encodeCallback({ type: 'subscribe-menu', of: 'leader', page: 1 }) },
          { text: M.menuKeyword, callback_data: encodeCallback({ type: 'subscribe-keyword' }) },
        ],
      ],
    });

    const namesMenu = (report: Report, kind: NameKind, page: number): InlineKeyboardMarkup | undefined => {
      const names = namesOf(report, kind);
      const pages = Math.max(1, Math.ceil(names.length / MENU_PAGE));
      if (page < 1 || page > pages) return undefined;
      const version = reportVersion(report);
      const start = (page - 1) * MENU_PAGE;
      const buttons: InlineKeyboardButton[] = names
        .slice(start, start + MENU_PAGE)
        .map((name, i) => ({ text: name, callback_data: encodeCallback({ type: 'subscribe-pick', of: kind, version, index: start + i }) }));
      const rows: InlineKeyboardButton[][] = [];
      for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
      if (pages > 1) {
        rows.push([
          { text: MESSAGES.previous, callback_data: encodeCallback({ type: 'subscribe-menu', of: kind, page: page > 1 ? page - 1 : pages }) },
          { text: `${page}/${pages}`, callback_data: encodeCallback({ type: 'noop' }) },
          { text: MESSAGES.next, callback_data: encodeCallback({ type: 'subscribe-menu', of: kind, page: page < pages ? page + 1 : 1 }) },
        ]);
      }
      return { inline_keyboard: rows };
    };

    const choices = (report: Report, candidates: string[]): InlineKeyboardMarkup => {
      const names = namesOf(report, 'unit');
      const version = reportVersion(report);
      return {
        inline_keyboard: candidates
          .map((c) => names.indexOf(c))
          .filter((i) => i >= 0)
          .map((index) => [{ text: names[index]!, callback_data: encodeCallback({ type: 'subscribe-pick', of: 'unit', version, index }) }]),
      };
    };

    /** Adds the subscription and answers with what was understood and what is lagging under it now. */
    const subscribe = async (ctx: Context, filter: SubscriptionFilter): Promise<void> => {
      const chatId = ctx.chat!.id;
      const held = await subscriptions.list(chatId);
      // Every alert header names the chat's filters: their number is bounded like their length.
      if (held.length >= limits.maxSubscriptionsPerChat && !held.some((s) => filterKey(s.filter) === filterKey(filter))) {
        return void (await ctx.reply(M.tooManySubscriptions(limits.maxSubscriptionsPerChat)));
      }
      const { created } = await subscriptions.add(chatId, filter, chatTypeOf(ctx));
      const what = describeFilter(filter);
      const confirm = `${created ? M.subscribed(what) : M.alreadySubscribed(what)}${filter.kind === 'keyword' ? `\n${KEYWORD_SCOPE}` : ''}`;
      const parts = composeLaggingNow(laggingUnder(deps.engine().report, [filter], alerts.matcher), limits);
      const [first, ...rest] = parts;
      const head = first !== undefined && confirm.length + first.length + 2 <= limits.maxMessageUnits ? [`${confirm}\n\n${first}`, ...rest] : [confirm, ...parts];
      for (const text of head) await ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    };

    const listMessage = async (chatId: number): Promise<{ text: string; markup?: InlineKeyboardMarkup }> => {
      const list = await subscriptions.list(chatId);
      if (list.length === 0) return { text: M.none };
      return {
        text: M.listTitle(list.length),
        markup: { inline_keyboard: list.map((s) => [{ text: M.removeButton(describeFilter(s.filter)), callback_data: encodeCallback({ type: 'unsubscribe', id: s.id }) }]) },
      };
    };

    const replyList = async (ctx: Context): Promise<void> => {
      const { text, markup } = await listMessage(ctx.chat!.id);
      await ctx.reply(text, { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) });
    };

    composer.command('subscribe', async (ctx) => {
      if (!(await mayChangeChat(ctx))) return void (await ctx.reply(M.groupAdminsOnly));
      const arg = ctx.payload.trim();
      if (arg === '') return void (await ctx.reply(M.subscribeMenu, { reply_markup: menu() }));
      if (Array.from(arg).length > limits.maxKeywordChars) return void (await ctx.reply(M.argumentTooLong(limits.maxKeywordChars)));
      const query = alerts.understand(arg);
      const resolution = resolveFilter(arg, query);
      if (resolution.ok) return subscribe(ctx, resolution.filter);
      // "/subscribe 黄灯": yellow alerts are the chat's /yellow setting over its subscriptions, not a filter of their own
      if (query.light === 'yellow') return void (await ctx.reply(M.subscribeYellowHint));
      if (resolution.reason === 'ambiguous') return void (await ctx.reply(M.ambiguous(arg), { reply_markup: choices(deps.engine().report, resolution.candidates) }));
      if (resolution.reason === 'item') return void (await ctx.reply(M.itemNotSupported));
      await ctx.reply(M.notUnderstood(arg, deps.engine().examples()), { reply_markup: menu() });
    });

    composer.command('subscriptions', replyList);

    composer.command('unsubscribe', async (ctx) => {
      if (!(await mayChangeChat(ctx))) return void (await ctx.reply(M.groupAdminsOnly));
      const arg = ctx.payload.trim();
      if (arg === '') return replyList(ctx);
      if (['all', '全部', '所有'].includes(arg.toLowerCase())) return void (await ctx.reply(M.unsubscribedAll(await subscriptions.removeAll(ctx.chat.id))));
      const resolution = resolveFilter(arg, alerts.understand(arg));
      const key = resolution.ok ? filterKey(resolution.filter) : undefined;
      // A keyword subscription is found by what the user typed, whatever the engine makes of it today.
      const found = (await subscriptions.list(ctx.chat.id)).find((s) => filterKey(s.filter) === key || (s.filter.kind === 'keyword' && s.filter.keyword === arg) || describeFilter(s.filter) === arg);
      if (!found) return void (await ctx.reply(M.notSubscribed(arg)));
      await subscriptions.remove(ctx.chat.id, found.id);
      await ctx.reply(M.unsubscribed(describeFilter(found.filter)), { parse_mode: 'HTML' });
    });

    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (!data || (!data.type.startsWith('subscribe-') && data.type !== 'unsubscribe')) return next();
      if (!ctx.chat) return void (await ctx.answerCbQuery(M.staleButton));
      if (!(await mayChangeChat(ctx))) return void (await ctx.answerCbQuery(M.groupAdminsOnly, { show_alert: true }));

      const report = deps.engine().report;
      switch (data.type) {
        case 'unsubscribe': {
          const removed = await subscriptions.remove(ctx.chat.id, data.id);
          await ctx.answerCbQuery(removed ? M.removed(describeFilter(removed.filter)) : M.staleButton);
          const { text, markup } = await listMessage(ctx.chat.id);
          await ctx.editMessageText(text, { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) }).catch(() => undefined);
          return;
        }
        case 'subscribe-all':
          await ctx.answerCbQuery();
          return subscribe(ctx, { kind: 'all' });
        case 'subscribe-keyword':
          await ctx.answerCbQuery();
          return void (await ctx.reply(M.keywordHint(deps.engine().examples())));
        case 'subscribe-menu': {
          const markup = namesMenu(report, data.of, data.page);
          if (!markup) return void (await ctx.answerCbQuery(M.staleButton));
          await ctx.answerCbQuery();
          // Edit the menu in place; a double tap gives "message is not modified", which is harmless.
          await ctx.editMessageText(data.of === 'unit' ? M.pickUnit : M.pickLeader, { reply_markup: markup }).catch(() => undefined);
          return;
        }
        case 'subscribe-pick': {
          const name = data.version === reportVersion(report) ? namesOf(report, data.of)[data.index] : undefined;
          if (name === undefined) return void (await ctx.answerCbQuery(M.staleButton));
          await ctx.answerCbQuery();
          return subscribe(ctx, data.of === 'unit' ? { kind: 'unit', unit: name } : { kind: 'leader', leader: name });
        }
        default:
          return next();
      }
    });

    return { name: 'subscribe', composer, commands: [ALERT_COMMANDS.subscribe, ALERT_COMMANDS.subscriptions, ALERT_COMMANDS.unsubscribe] };
  };
