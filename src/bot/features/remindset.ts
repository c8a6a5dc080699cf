import { Composer, type Context } from 'telegraf';
import { createRemindSchedules, effectiveSchedule, parseRemindSetting, type ChatRemindSchedule } from '../../supervision/chat-schedule';
import { SUPERVISION_COMMANDS, SUPERVISION_MESSAGES as M } from '../../wording/supervision';
import type { Feature, FeatureFactory } from '../feature';
import { mayChangeChat } from './chat-admin';
import type { SupervisionDeps } from './supervision-deps';

/**
 * /remindset: a bound unit's chat sets its own scheduled reminders (周一, 提前3天, 关, 默认) over
 * UNIT_REMIND_WEEKDAY / UNIT_REMIND_BEFORE_DAYS; /remindset alone shows them. Only a chat with an
 * approved binding has scheduled reminders to set; in a group its admins or a bot admin may set them.
 */
export const createRemindSetFeature =
  (sv: SupervisionDeps): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const admins = new Set(deps.access.adminIds);
    const schedules = createRemindSchedules(sv.state);

    const describe = (own: ChatRemindSchedule | undefined): string => {
      const { weekday, beforeDays } = effectiveSchedule(sv.remindDefaults, own);
      return M.remindSchedule(weekday, beforeDays, { weekday: own?.weekday !== undefined, beforeDays: own?.beforeDays !== undefined });
    };

    composer.command('remindset', async (ctx) => {
      const chatId = ctx.chat.id;
      const bound = (await sv.store.bindings()).some((b) => b.chatId === chatId && b.state === 'approved');
      if (!bound) return void (await ctx.reply(M.remindSetNotBound));
      const arg = ctx.payload.trim();
      if (arg === '') return void (await ctx.reply(`${describe(await schedules.get(chatId))}\n\n${M.remindSetUsage}`));
      const setting = parseRemindSetting(arg.slice(0, 100));
      if (!setting) return void (await ctx.reply(M.remindSetUsage));
      if (!admins.has(ctx.from.id) && !(await mayChangeChat(ctx))) return void (await ctx.reply(M.remindSetAdminsOnly));
      if (setting.kind === 'default') await schedules.reset(chatId);
      else await schedules.change(chatId, setting.change);
      deps.logger.info({ chatId, setting }, 'reminder schedule set');
      await ctx.reply(describe(await schedules.get(chatId)));
    });

    return { name: 'remindset', composer, commands: [SUPERVISION_COMMANDS.remindset] };
  };
