import type { StatusKind } from '../../model';
import type { StageKey } from '../aliases';
import type { Status } from '../answer';
import { cut, normWord, type ParseContext, type ParsePass } from './state';

const STAGES: Record<StageKey, StatusKind> = { done: 'done', ahead: 'ahead', onPlan: 'on-plan', behind: 'behind', notStarted: 'not-started' };

/**
 * 滞后, 未按计划, 按计划推进…: the table's 是/否 column; 已完成, 超进度, 欠进度,
 * 未开工…: one verdict. Longest word first across both, so 未完成 (lagging)
 * is not read as 完成. A negated on-schedule word (未按计划推进, 没有按期) means lagging.
 */
export const createStatusPass = (ctx: ParseContext): ParsePass => {
  const norm = normWord(ctx.normalize);
  const statusWords: ({ word: string; status: Status } | { word: string; stage: StatusKind })[] = [
    ...ctx.aliases.status.lagging.map((w) => ({ word: norm(w), status: 'lagging' as const })),
    ...ctx.aliases.status.onSchedule.map((w) => ({ word: norm(w), status: 'onSchedule' as const })),
    ...(Object.keys(STAGES) as StageKey[]).flatMap((k) => ctx.aliases.status[k].map((w) => ({ word: norm(w), stage: STAGES[k] }))),
  ]
    .filter((x) => x.word)
    .sort((a, b) => b.word.length - a.word.length);
  return {
    name: 'status',
    run(s) {
      for (const found of statusWords) {
        const { word } = found;
        const at = s.text.indexOf(word);
        if (at < 0) continue;
        if ('stage' in found) {
          if (!s.query.status) s.query.stage ??= found.stage;
          s.text = cut(s.text, word);
          continue;
        }
        const negation = found.status === 'onSchedule' ? /(并未|尚未|没有|未|没|不)$/.exec(s.text.slice(Math.max(0, at - 2), at))?.[1] : undefined;
        if (!s.query.stage) s.query.status ??= negation ? 'lagging' : found.status;
        s.text = cut(s.text, negation ? negation + word : word);
      }
    },
  };
};
