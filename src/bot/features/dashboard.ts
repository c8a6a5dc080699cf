import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { WEBLINK_DEFAULTS } from '../../store/weblinks';
import type { Feature, FeatureFactory } from '../feature';
import { DASHBOARD_COMMANDS, DASHBOARD_MESSAGES as M } from '../../wording/dashboard';

export interface DashboardDeps {
  /** WEBAPP_URL, ending in "/" */
  url: string;
  weblinks: {
    issue(userId: number): Promise<{ token: string; expiresAt: Date }>;
    revoke(userId: number): Promise<number>;
  };
  weblinkDays: number;
  timezone: string;
}

const OFF = new Set(['off', '关', '关闭', '停用', '取消']);

/**
 * /dashboard opens the page as a Telegram Mini App. Telegram allows web_app buttons only in
 * private chats, so in a group the answer is a link to the private chat (t.me/bot?start=dashboard),
 * which lands here again as /start dashboard.
 *
 * /weblink sends a personal sign-in link for an ordinary browser (private chats only: the link
 * signs in whoever holds it); /weblink off revokes all of the user's links. The token is in the
 * reply and in the store's hash only; it is never logged.
 */
export const createDashboardFeature =
  (dashboard: DashboardDeps): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const openButton = (): InlineKeyboardMarkup => ({ inline_keyboard: [[{ text: M.open, web_app: { url: dashboard.url } }]] });

    const answer = async (ctx: Context): Promise<void> => {
      if (ctx.chat?.type === 'private') return void (await ctx.reply(M.dashboard, { reply_markup: openButton() }));
      await ctx.reply(M.dashboardInGroup, {
        reply_markup: { inline_keyboard: [[{ text: M.openPrivately, url: `https://t.me/${ctx.botInfo.username}?start=dashboard` }]] },
      });
    };

    composer.command('dashboard', answer);
    composer.start((ctx, next) => (ctx.payload.trim() === 'dashboard' ? answer(ctx) : next()));

    composer.command('weblink', async (ctx) => {
      if (ctx.chat.type !== 'private') return void (await ctx.reply(M.weblinkInGroup));
      const arg = ctx.payload.trim().toLowerCase();
      if (OFF.has(arg)) {
        const revoked = await dashboard.weblinks.revoke(ctx.from.id);
        deps.logger.info({ userId: ctx.from.id, revoked }, 'weblinks revoked');
        return void (await ctx.reply(M.weblinkOff(revoked)));
      }
      if (arg !== '') return void (await ctx.reply(M.weblinkUsage));
      const { token, expiresAt } = await dashboard.weblinks.issue(ctx.from.id);
      deps.logger.info({ userId: ctx.from.id, expiresAt }, 'weblink issued');
      // the token rides in the fragment: browsers never send it to a server, so no access log holds it
      const link = `${dashboard.url}#weblink=${token}`;
      const until = new Intl.DateTimeFormat('zh-CN', { timeZone: dashboard.timezone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(expiresAt);
      await ctx.reply(`${M.weblink(until, dashboard.weblinkDays, WEBLINK_DEFAULTS.perUser)}\n\n${link}`, {
        reply_markup: { inline_keyboard: [[{ text: M.openInBrowser, url: link }]] },
        link_preview_options: { is_disabled: true },
      });
    });

    return { name: 'dashboard', composer, commands: DASHBOARD_COMMANDS };
  };
