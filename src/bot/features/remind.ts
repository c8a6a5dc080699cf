import { randomBytes } from 'node:crypto';
import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { isLagging, type Report } from '../../model';
import { composeReminders, planReminders, targetsToRemind, type ReminderPlan, type ReminderWords } from '../../supervision/plan';
import { LIGHT_EMOJI, type Light } from '../../progress/light';
import { SUPERVISION_COMMANDS, SUPERVISION_MESSAGES as M } from '../../wording/supervision';
import { decodeCallback, encodeCallback } from '../callback-data';
import type { QaEngine } from '../deps';
import type { Feature, FeatureFactory } from '../feature';
import { currentUnitName, type SupervisionDeps } from './supervision-deps';
import { MESSAGES } from '../../wording/chat';
import type { Origin } from '../query-cache';

/** A reminder's words, with a 反馈 button per target carrying the report (period) it is about; /remind's and the scheduled ones'. */
export const reminderWords = (report: Report, reportId: number, lights: ReadonlyMap<string, Light>): ReminderWords => ({
  header: (unit, count, part, parts) => M.reminderHeader(unit, count, M.period(report.year, report.period), part, parts),
  line: (t) => M.reminderLine(t.id, LIGHT_EMOJI[lights.get(t.id) ?? 'red'], t.text),
  button: (t) => ({ text: M.feedbackButton(t.id), data: encodeCallback({ type: 'feedback', report: reportId, target: t.id }) }),
});

/** Where previews wait for their confirm button (SettingsStore scope). */
const PREVIEWS = 'remind-preview';

interface Preview {
  /** the question (/remind's text, or the list a 催办 button was under), asked again on confirm */
  origin: Origin;
  reportId: number;
  by: number;
}

/**
 * /remind 滞后, /remind 工信局, /remind <any question> (admins): the question's targets that need
 * attention, grouped by responsible unit, previewed with how many chats get what; on confirm, one
 * message per bound chat of each unit goes into the alerts' outbox (so the delivery worker sends it
 * within the rate limits, retries it and survives a crash), and each unit's reminder is recorded.
 * The preview waits in the store, so the confirm may land on any replica; the batch id makes a
 * second tap (or a retry after a crash between the steps) enqueue and record nothing twice.
 */
export const createRemindFeature =
  (sv: SupervisionDeps): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const admins = new Set(deps.access.adminIds);
    const now = sv.now ?? (() => new Date());

    /** the plan for a question, and each selected target's light for the reminder's lines */
    const plan = async (engine: QaEngine, origin: Origin): Promise<ReminderPlan & { lights: Map<string, Light> }> => {
      const { answer } = deps.answers.ask(engine, origin);
      const lights = new Map(answer.hits.map((h) => [h.target.id, h.assessment?.light ?? (isLagging(h.target) ? 'red' : 'green')] as const));
      const planned = planReminders({
        targets: targetsToRemind(answer),
        onlyUnits: answer.query.units,
        bindings: await sv.store.bindings(),
        currentName: currentUnitName(sv.understand),
      });
      return { ...planned, lights };
    };

    /** Replies with the preview of reminding about `origin`'s targets, or says why there is none. */
    const offerPreview = async (ctx: Context, origin: Origin, said: string): Promise<void> => {
      const reportId = await sv.currentReportId();
      if (reportId === undefined) return void (await ctx.reply(M.remindExpired));
      const p = await plan(deps.engine(), origin);
      if (p.targets.length === 0) return void (await ctx.reply(M.remindNothing(said)));
      if (p.units.length === 0) return void (await ctx.reply(M.remindNobody(p.unbound)));
      const id = randomBytes(6).toString('base64url');
      await sv.state.put(PREVIEWS, id, { origin, reportId, by: ctx.from!.id } satisfies Preview);
      const markup: InlineKeyboardMarkup = {
        inline_keyboard: [
          [
            { text: M.confirmButton, callback_data: encodeCallback({ type: 'remind', send: true, id }) },
            { text: M.cancelButton, callback_data: encodeCallback({ type: 'remind', send: false, id }) },
          ],
        ],
      };
      const summary = { targets: p.targets.length, units: p.units.map((u) => ({ unit: u.unit, targets: u.targets.length, chats: u.chatIds.length })), unbound: p.unbound };
      await ctx.reply(M.remindPreview(summary), { parse_mode: 'HTML', reply_markup: markup });
    };

    composer.command('remind', async (ctx) => {
      if (!admins.has(ctx.from.id)) return void (await ctx.reply(M.adminsOnly));
      const question = ctx.payload.trim().slice(0, deps.settings.maxQuestionChars);
      if (question === '') return void (await ctx.reply(M.remindUsage(deps.engine().examples())));
      await offerPreview(ctx, { as: 'ask', question }, question);
    });

    // 催办 under a list: the list's question, as its page buttons keep it, previewed as /remind would.
    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (data?.type !== 'remind-list') return next();
      if (!admins.has(ctx.from.id) || !ctx.chat) return void (await ctx.answerCbQuery(M.adminsOnly, { show_alert: true }));
      const engine = deps.engine();
      if (data.version !== deps.answers.pageKeys.version(engine.report)) return void (await ctx.answerCbQuery(MESSAGES.outdated));
      const origin = await deps.answers.pageKeys.originOf(engine.report, data.key);
      if (origin === undefined) return void (await ctx.answerCbQuery(MESSAGES.expired));
      await ctx.answerCbQuery();
      await offerPreview(ctx, origin, origin.as === 'ask' ? origin.question : (origin.arg ?? ''));
    });

    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (data?.type !== 'remind') return next();
      if (!admins.has(ctx.from.id)) return void (await ctx.answerCbQuery(M.adminsOnly, { show_alert: true }));
      const preview = await sv.state.get<Preview>(PREVIEWS, data.id);
      if (!preview?.origin) return void (await ctx.answerCbQuery(M.remindExpired, { show_alert: true }));
      if (!data.send) {
        await sv.state.delete(PREVIEWS, data.id);
        await ctx.answerCbQuery();
        await ctx.editMessageText(M.remindCancelled).catch(() => undefined);
        return;
      }
      const engine = deps.engine();
      // A newer table since the preview: its targets and lights may differ from what the admin saw.
      if ((await sv.currentReportId()) !== preview.reportId) {
        await sv.state.delete(PREVIEWS, data.id);
        return void (await ctx.answerCbQuery(M.remindExpired, { show_alert: true }));
      }
      const p = await plan(engine, preview.origin);
      const { alerts, reminders } = composeReminders(p, {
        batch: data.id,
        reportId: preview.reportId,
        by: ctx.from.id,
        at: now().toISOString(),
        words: reminderWords(engine.report, preview.reportId, p.lights),
        targetsPerMessage: sv.settings.targetsPerMessage,
      });
      // Outbox first, records second, preview last: a crash in between leaves the preview, and tapping again finishes the rest.
      await sv.outbox.enqueue(alerts);
      await sv.store.recordReminders(reminders);
      await sv.state.delete(PREVIEWS, data.id);
      deps.logger.info({ batch: data.id, units: reminders.length, messages: alerts.length, by: ctx.from.id }, 'reminders enqueued');
      await ctx.answerCbQuery();
      const chats = new Set(alerts.map((a) => a.chatId)).size;
      await ctx.editMessageText(M.remindQueued(alerts.length, chats), { parse_mode: 'HTML' }).catch(() => undefined);
    });

    return { name: 'remind', composer, commands: [SUPERVISION_COMMANDS.remind] };
  };
