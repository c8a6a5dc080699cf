import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { isLagging, leadersOf, unitsOf, type Report } from '../../model';
import { decodeCallback, encodeCallback } from '../callback-data';
import type { Feature, FeatureDeps } from '../feature';
import { EXAMPLE_QUESTIONS, LOOKUP_COMMANDS, MESSAGES } from '../../wording/chat';

/**
 * /start: a welcome with three example questions as buttons that ask them, and
 * deep links (t.me/bot?start=item_57 → /start item_57 → target 57).
 *
 * The examples come from the loaded data (the unit and the leader with the most
 * targets), so they always have answers; a button carries only its index (ex:1)
 * and is resolved against the current report when tapped.
 */
export const createStartFeature = (deps: FeatureDeps): Feature => {
  const composer = new Composer<Context>();

  composer.start(async (ctx) => {
    // /start begins again: nothing said before is carried into the next question
    const key = deps.conversations.keyOf(ctx);
    if (key) await deps.conversations.clear(key);
    const payload = ctx.payload.trim();
    const item = /^item_([A-Za-z0-9-]{1,40})$/.exec(payload);
    if (item) return deps.answers.reply(ctx, { as: 'item', arg: item[1]! });
    if (payload === 'lagging') return deps.answers.reply(ctx, { as: 'lagging' });
    if (payload === 'stats') return deps.answers.reply(ctx, { as: 'stats' });
    if (payload === 'help') return deps.answers.reply(ctx, { as: 'help' });
    const report = deps.engine().report;
    await ctx.reply(MESSAGES.welcome(report.city, report.period, ctx.botInfo.username, deps.engine().examples()), { parse_mode: 'HTML', reply_markup: exampleKeyboard(report) });
  });

  composer.on('callback_query', async (ctx, next) => {
    const data = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
    if (data?.type !== 'example') return next();
    const question = examplesFor(deps.engine().report)[data.index];
    if (question === undefined) return void (await ctx.answerCbQuery(MESSAGES.unknownButton));
    await ctx.answerCbQuery();
    const message = await deps.answers.build({ as: 'ask', question }, 1);
    await deps.answers.remember(ctx, message);
    await ctx.reply(message.text, { parse_mode: 'HTML', ...(message.markup ? { reply_markup: message.markup } : {}) });
  });

  return { name: 'start', composer, commands: LOOKUP_COMMANDS.filter((c) => c.command === 'start') };
};

/** Three questions with answers in this report: lagging items, the busiest unit, the busiest leader. */
export const examplesFor = (report: Report): string[] => {
  const top = (names: string[][]): string | undefined => {
    const counts = new Map<string, number>();
    for (const list of names) for (const n of list) counts.set(n, (counts.get(n) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))[0]?.[0];
  };
  const examples: string[] = [report.targets.some(isLagging) ? EXAMPLE_QUESTIONS.lagging : EXAMPLE_QUESTIONS.stats];
  const unit = top(report.targets.map(unitsOf));
  if (unit) examples.push(EXAMPLE_QUESTIONS.unit(unit));
  const leader = top(report.targets.map(leadersOf));
  if (leader) examples.push(EXAMPLE_QUESTIONS.leader(leader));
  return examples;
};

const exampleKeyboard = (report: Report): InlineKeyboardMarkup => ({
  inline_keyboard: examplesFor(report).map((text, index) => [{ text, callback_data: encodeCallback({ type: 'example', index }) }]),
});
