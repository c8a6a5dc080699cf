import { Composer, type Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import { packParts } from '../../alerts/compose';
import { unitsOf } from '../../model';
import type { AwaitedReply, FeedbackReply } from '../../store/types';
import { parseFeedbackQuestion } from '../../supervision/questions';
import { periodStatus } from '../../supervision/status';
import { TELEGRAM_TEXT_LIMITS } from '../../text/telegram-text';
import { SUPERVISION_COMMANDS, SUPERVISION_MESSAGES as M } from '../../wording/supervision';
import { questionFor } from '../addressing';
import { decodeCallback, type CallbackData } from '../callback-data';
import type { Feature, FeatureFactory } from '../feature';
import { currentUnitName, personOf, type SupervisionDeps } from './supervision-deps';

/**
 * 反馈: a bound chat's member taps 反馈 under a reminder and the next message they send in that
 * chat (text, or a photo or file with a caption), or their reply to a reminder of one target, is
 * stored as the unit's reply about the target, for the period of the reminder. Only a chat bound (and approved) to a responsible unit of the
 * target may reply for it. Also answers questions about replies before the question engine
 * (57号的反馈, 工信局反馈了吗, 哪些单位还没反馈) and gives admins the overview (/feedback).
 */
export const createFeedbackFeature =
  (sv: SupervisionDeps): FeatureFactory =>
  (deps): Feature => {
    const composer = new Composer<Context>();
    const admins = new Set(deps.access.adminIds);
    const now = sv.now ?? (() => new Date());
    const { maxReplyChars, maxReplyFileBytes, awaitMs, dueDays } = sv.settings;
    const html = { parse_mode: 'HTML' as const };

    /** The units this chat is bound to (approved), by their current names. */
    const boundUnits = async (chatId: number): Promise<string[]> => {
      const current = currentUnitName(sv.understand);
      return (await sv.store.bindings()).filter((b) => b.chatId === chatId && b.state === 'approved').map((b) => current(b.unit));
    };

    /** Who may reply about a target here: a chat bound (approved) to one of its responsible units; else why not. */
    const replyFor = async (chatId: number, reportId: number, targetId: string): Promise<AwaitedReply | string> => {
      const target = deps.engine().report.targets.find((t) => t.id === targetId);
      if (!target) return M.targetGone(targetId);
      const bound = await boundUnits(chatId);
      if (bound.length === 0) return M.notBound;
      const unit = unitsOf(target).find((u) => bound.includes(u));
      if (!unit) return M.notResponsible(target.id);
      return { reportId, target: target.id, unit, since: now().toISOString() };
    };

    composer.on('callback_query', async (ctx, next) => {
      const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
      if (data?.type !== 'feedback') return next();
      if (!ctx.chat) return void (await ctx.answerCbQuery(M.staleButton));
      const awaited = await replyFor(ctx.chat.id, data.report, data.target);
      if (typeof awaited === 'string') return void (await ctx.answerCbQuery(awaited, { show_alert: true }));
      await sv.store.setAwaited(ctx.chat.id, ctx.from.id, awaited);
      await ctx.answerCbQuery();
      // In a group, force_reply makes the person's answer a reply to us, which a bot in privacy mode still receives.
      await ctx.reply(M.askReply(awaited.target, awaited.unit, maxReplyChars), { ...html, reply_markup: { force_reply: true, selective: true } });
    });

    /** A reply to a reminder names its target by the reminder's 反馈 buttons: one button, that target; several, ask which. */
    const fromReminder = async (ctx: Context, repliedTo: Message | undefined): Promise<AwaitedReply | string | undefined> => {
      if (!repliedTo || repliedTo.from?.id !== ctx.botInfo.id || !('reply_markup' in repliedTo) || !repliedTo.reply_markup) return undefined;
      const targets = repliedTo.reply_markup.inline_keyboard
        .flat()
        .map((b) => decodeCallback('callback_data' in b ? b.callback_data : undefined))
        .filter((d): d is Extract<CallbackData, { type: 'feedback' }> => d?.type === 'feedback');
      if (targets.length === 0) return undefined;
      if (targets.length > 1) return M.replyPickTarget;
      return replyFor(ctx.chat!.id, targets[0]!.report, targets[0]!.target);
    };

    // The reply itself: the next message of a person who tapped 反馈 in this chat.
    composer.on('message', async (ctx, next) => {
      const message = ctx.message as Message & Partial<Message.TextMessage & Message.PhotoMessage & Message.DocumentMessage>;
      if (!ctx.from || message.text?.startsWith('/')) return next();
      let awaited = await sv.store.awaited(ctx.chat.id, ctx.from.id);
      if (awaited && now().getTime() - Date.parse(awaited.since) > awaitMs) {
        await sv.store.setAwaited(ctx.chat.id, ctx.from.id, undefined);
        awaited = undefined;
      }
      if (!awaited) {
        const replied = await fromReminder(ctx, message.reply_to_message);
        if (replied === undefined) return next();
        if (typeof replied === 'string') return void (await ctx.reply(replied));
        awaited = replied;
      }
      const text = (message.text ?? message.caption ?? '').trim();
      const photo = message.photo?.at(-1);
      const doc = message.document;
      if ((doc?.file_size ?? photo?.file_size ?? 0) > maxReplyFileBytes) return void (await ctx.reply(M.fileTooLarge(Math.round(maxReplyFileBytes / 1024 / 1024))));
      if (text === '') return void (await ctx.reply(M.replyEmpty));
      const length = Array.from(text).length;
      if (length > maxReplyChars) return void (await ctx.reply(M.replyTooLong(maxReplyChars, length)));
      const file: FeedbackReply['file'] = doc
        ? { kind: 'document', fileId: doc.file_id, ...(doc.file_name ? { name: doc.file_name } : {}) }
        : photo
          ? { kind: 'photo', fileId: photo.file_id }
          : undefined;
      await sv.store.addReply({
        reportId: awaited.reportId,
        target: awaited.target,
        unit: awaited.unit,
        chatId: ctx.chat.id,
        userId: ctx.from.id,
        person: personOf(ctx),
        text,
        ...(file ? { file } : {}),
        at: now().toISOString(),
      });
      await sv.store.setAwaited(ctx.chat.id, ctx.from.id, undefined);
      deps.logger.info({ chatId: ctx.chat.id, unit: awaited.unit, target: awaited.target, file: file?.kind }, 'reply stored');
      await ctx.reply(M.replyStored(awaited.target, awaited.unit), html);
    });

    const period = async () => periodStatus(sv.store, await sv.currentReportId(), now(), dueDays);

    // Questions about replies, before the engine takes the text.
    composer.on('text', async (ctx, next) => {
      const text = questionFor(ctx);
      const asked = text === undefined ? undefined : parseFeedbackQuestion(text);
      if (!asked) return next();
      const { reminders, replies, statuses } = await period();
      if (asked.kind === 'target') {
        const lines = replies.filter((r) => r.target === asked.id).map((r) => M.replyLine(r, sv.timezone));
        return void (await ctx.reply(M.repliesOf(asked.id, lines), html));
      }
      if (asked.kind === 'missing') {
        if (reminders.length === 0) return void (await ctx.reply(M.noReminders));
        return void (await ctx.reply(M.notRepliedUnits(statuses.filter((s) => s.missing.length > 0)), html));
      }
      const units = sv.understand(asked.mention).units ?? [];
      if (units.length !== 1) return next();
      const status = statuses.find((s) => s.unit === units[0]);
      await ctx.reply(M.unitReplied(units[0]!, status ? { reminded: status.reminded, replied: status.replied, missing: status.missing } : { replied: [], missing: [] }, sv.timezone), html);
    });

    composer.command('feedback', async (ctx) => {
      if (!admins.has(ctx.from.id)) return void (await ctx.reply(M.adminsOnly));
      const { statuses } = await period();
      if (statuses.length === 0) return void (await ctx.reply(M.noReminders));
      const report = deps.engine().report;
      // the overdue first, then those still owing, then those done
      const rank = (s: (typeof statuses)[number]): number => (s.missing.length === 0 ? 2 : s.overdue ? 0 : 1);
      const lines = [...statuses]
        .sort((a, b) => rank(a) - rank(b))
        .map((s) => M.overviewLine({ unit: s.unit, reminded: s.reminded, times: s.times, replied: s.replied.length, targets: s.targets.length, overdue: s.overdue }, sv.timezone));
      const parts = packParts(M.overviewTitle(M.period(report.year, report.period)), [{ title: '', lines }], M.overviewFooter(dueDays), {
        maxMessageUnits: TELEGRAM_TEXT_LIMITS.message - 200,
        targetsPerPart: 60,
      });
      for (const part of parts) await ctx.reply(part, html);
    });

    return { name: 'feedback', composer, commands: [SUPERVISION_COMMANDS.feedback] };
  };
