import { Composer, type Context } from 'telegraf';
import { chatTypeOf, mayChangeChat } from './chat-admin';
import type { AlertsDeps } from './alerts-deps';
import { ALERT_COMMANDS, ALERT_MESSAGES as M, WEEKDAYS } from '../../wording/alerts';
import { formatQuietHours, parseQuietHours } from '../../alerts/quiet';
import type { Feature, FeatureFactory } from '../feature';

const MODES: Record<string, 'daily' | 'weekly' | 'off'> = {
  daily: 'daily',
  每天: 'daily',
  每日: 'daily',
  weekly: 'weekly',
  每周: 'weekly',
  off: 'off',
  关闭: 'off',
  取消: 'off',
};

/**
 * /digest daily|weekly|off: a scheduled summary of the lagging targets under the
 * chat's subscriptions (sent by the digest scheduler through the outbox, never
 * from here). /quiet 22-8|off: alerts in that local window arrive silently.
 * In groups only admins may change either.
 */
export const createDigestFeature =
  (alerts: AlertsDeps): FeatureFactory =>
  (): Feature => {
    const composer = new Composer<Context>();
    const { subscriptions, settings } = alerts;

    composer.command('digest', async (ctx) => {
      const mode = MODES[ctx.payload.trim().toLowerCase()];
      if (!mode) return void (await ctx.reply(M.digestUsage));
      if (!(await mayChangeChat(ctx))) return void (await ctx.reply(M.groupAdminsOnly));
      await subscriptions.setDigest(ctx.chat.id, mode, chatTypeOf(ctx));
      await ctx.reply(M.digestSet(mode, settings.digestTime, WEEKDAYS[settings.weeklyDay] ?? ''));
    });

    composer.command('quiet', async (ctx) => {
      const arg = ctx.payload.trim().toLowerCase();
      const off = ['off', '关闭', '取消'].includes(arg);
      const quiet = off ? undefined : parseQuietHours(arg);
      if (!off && !quiet) return void (await ctx.reply(M.quietUsage));
      if (!(await mayChangeChat(ctx))) return void (await ctx.reply(M.groupAdminsOnly));
      await subscriptions.setQuiet(ctx.chat.id, quiet, chatTypeOf(ctx));
      await ctx.reply(quiet ? M.quietSet(formatQuietHours(quiet)) : M.quietOff);
    });

    return { name: 'digest', composer, commands: [ALERT_COMMANDS.digest, ALERT_COMMANDS.quiet] };
  };
