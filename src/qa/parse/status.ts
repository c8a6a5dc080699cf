import type { Status } from '../answer';
import { cut, normWord, type ParseContext, type ParsePass } from './state';

/** 滞后, 未按计划, 按计划推进…: the table's 是/否 column. A negated on-schedule word (未按计划推进, 没有按期) means lagging. */
export const createStatusPass = (ctx: ParseContext): ParsePass => {
  const norm = normWord(ctx.normalize);
  const statusWords: { word: string; status: Status }[] = [
    ...ctx.aliases.status.lagging.map((w) => ({ word: norm(w), status: 'lagging' as const })),
    ...ctx.aliases.status.onSchedule.map((w) => ({ word: norm(w), status: 'onSchedule' as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  return {
    name: 'status',
    run(s) {
      for (const { word, status } of statusWords) {
        const at = s.text.indexOf(word);
        if (at < 0) continue;
        const negation = status === 'onSchedule' ? /(并未|尚未|没有|未|没|不)$/.exec(s.text.slice(Math.max(0, at - 2), at))?.[1] : undefined;
        s.query.status ??= negation ? 'lagging' : status;
        s.text = cut(s.text, negation ? negation + word : word);
      }
    },
  };
};
