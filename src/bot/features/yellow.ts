import { Composer, type Context } from 'telegraf';
import { chatTypeOf, mayChangeChat } from './chat-admin';
import type { AlertsDeps } from './alerts-deps';
import { ALERT_COMMANDS, ALERT_MESSAGES as M } from '../../wording/alerts';
import type { Feature, FeatureFactory } from '../feature';

const ON = new Set(['on', '开', '开启', '打开']);
const OFF = new Set(['off', '关', '关闭', '取消']);

/**
 * /yellow on|off: the chat's digests also carry yellow (risk) targets under its
 * subscriptions: those that turned yellow or left yellow at an import, and the
 * current ones in /digest summaries. A chat setting like /quiet, not a filter:
 * it widens every subscription of the chat the same way. Without an argument it
 * says whether it is on; in groups only admins may change it.
 */
export const createYellowFeature =
  (alerts: AlertsDeps): FeatureFactory =>
  (): Feature => {
    const composer = new Composer<Context>();
    const { subscriptions } = alerts;

    composer.command('yellow', async (ctx) => {
      const arg = ctx.payload.trim().toLowerCase();
      if (arg === '') return void (await ctx.reply(M.yellowStatus((await subscriptions.settings(ctx.chat.id)).yellow === true)));
      const on = ON.has(arg) ? true : OFF.has(arg) ? false : undefined;
      if (on === undefined) return void (await ctx.reply(M.yellowUsage));
      if (!(await mayChangeChat(ctx))) return void (await ctx.reply(M.groupAdminsOnly));
      await subscriptions.setYellow(ctx.chat.id, on, chatTypeOf(ctx));
      await ctx.reply(on ? M.yellowOn((await subscriptions.list(ctx.chat.id)).length > 0) : M.yellowOff);
    });

    return { name: 'yellow', composer, commands: [ALERT_COMMANDS.yellow] };
  };
