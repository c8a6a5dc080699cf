import { createHash } from 'node:crypto';
import { Composer, type Context } from 'telegraf';
import type { InlineQueryResult } from 'telegraf/types';
import { isLagging, unitsOf, type Target } from '../../model';
import { LIGHT_EMOJI } from '../../progress/light';
import { htmlToPlain, shorten } from '../../text/telegram-text';
import { WORDS } from '../../wording/answers';
import { INLINE_WORDS as W } from '../../wording/inline';
import { SAFE_ID } from '../callback-data';
import type { Feature, FeatureDeps } from '../feature';

/**
 * Inline mode: `@bot 工信局` in any chat. Each matching target is one article
 * (title: 序号, status and target text; description: units and deadline); tapping
 * it sends the target's full detail. Up to `inlinePageSize` (≤ 50) results per
 * answer, the rest paged with next_offset (a plain number: it carries no query text).
 * Stats and help answers come as a single article; an empty query lists lagging targets.
 */
export const createInlineFeature = (deps: FeatureDeps): Feature => {
  const composer = new Composer<Context>();
  const { inlinePageSize, inlineCacheSeconds, maxQuestionChars } = deps.settings;
  const limit = Math.min(inlinePageSize, 50);

  composer.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim().slice(0, maxQuestionChars);
    const offset = /^\d{1,6}$/.test(ctx.inlineQuery.offset) ? Number(ctx.inlineQuery.offset) : 0;
    const engine = deps.engine();
    const answer = query === '' ? engine.askAs('lagging', '') : engine.ask(query);

    let results: InlineQueryResult[] = [];
    let more = false;
    if (answer.kind === 'list' || answer.kind === 'search' || answer.kind === 'item') {
      const page = answer.hits.slice(offset, offset + limit);
      more = offset + limit < answer.hits.length;
      results = page.map((hit) => ({
        type: 'article',
        id: resultId(hit.target),
        title: W.title(
          hit.target.id,
          hit.assessment ? LIGHT_EMOJI[hit.assessment.light] : isLagging(hit.target) ? WORDS.laggingMark : WORDS.onScheduleMark,
          shorten(hit.target.text, 60, { oneLine: true }),
        ),
        description: shorten(W.description(unitsOf(hit.target), hit.target.deadline.text), 120, { oneLine: true }),
        input_message_content: { message_text: deps.view.renderTarget(hit.target, 'html', hit.assessment), parse_mode: 'HTML' },
      }));
    } else if ((answer.kind === 'stats' || answer.kind === 'help') && offset === 0) {
      const rendered = deps.view.renderAnswer(answer, { format: 'html', page: 1, pageSize: deps.settings.pageSize });
      results = [
        {
          type: 'article',
          id: answer.kind,
          title: answer.kind === 'stats' ? W.stats : W.help,
          description: shorten(htmlToPlain(rendered.text), 120, { oneLine: true }),
          input_message_content: { message_text: rendered.text, parse_mode: 'HTML' },
        },
      ];
    }
    await ctx.answerInlineQuery(results, {
      cache_time: inlineCacheSeconds,
      next_offset: more ? String(offset + limit) : '',
    });
  });

  return { name: 'inline', composer };
};

/** Result ids must be unique and ≤ 64 bytes: the 序号 when it is plain ASCII, else a short hash of it. */
const resultId = (target: Target): string => (SAFE_ID.test(target.id) ? `t${target.id}` : `h${createHash('sha256').update(target.id).digest('hex').slice(0, 16)}`);
