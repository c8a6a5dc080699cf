import { pinyin } from 'pinyin-pro';
import type { StatusKind } from '../../model';
import type { StageKey } from '../aliases';
import type { Status } from '../answer';
import { setAside, setAsideSpan } from './negation';
import { cut, normWord, type ParseContext, type ParsePass } from './state';

/** A particle right before a status word that denies it: 没达到序时进度, 未按计划, 尚未完成. */
const DENIED = /(?:并未|尚未|还没有|还没|没有|没能|未能|未|没|不)$/u;
/** The answer a 是/否 cell holds, after the column named as its question (是否按计划完成进度 这一列 为 否): 是 or 否. */
const CELL_ANSWER = /^\s*(?:这一?列|这一?栏|一栏|这项|列|栏)?\s*(?:填的是|写的是|选的是|是|为|填|写|选|等于)?\s*(是|否)(?=\s|的|$)/u;
/** A 是/否 cell's answer said as marked, without the column (标了否的, 填的是否, 写着是的): the table's own values. */
const MARKED = /(?:标|填|写|选|打|勾|标注|显示)(?:了|的|着|成|为)?(?:是|为)?\s*(是|否)(?=\s|的|$)/u;
/** A verb of doing with 完 after it (干完, 做完了, 办完): finished, as 完成 says. */
const FINISHED_VERB = /(?:干|做|办|搞|弄)(?:得)?完(?!成|善|整|全|备)/gu;
const soundOf = (text: string): string => pinyin(text, { toneType: 'none', type: 'array' }).join(' ');

/** A word that only denies 完成 (还没完成, 未完成): on a table of verdicts, every target but the 已完成 ones. */
const NOT_DONE = /^(?:还|尚|并)?(?:未|没有?)完成$/u;
/** Verdicts that say a target keeps pace; denied, they mean lagging. */
const KEEPS_PACE = new Set<StatusKind>(['done', 'ahead', 'on-plan']);

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
  /** each status word by its first character, with its sound, for words typed with a homophone (滞厚 → 滞后) */
  const byFirst = new Map<string, { word: string; sound: string }[]>();
  for (const { word } of statusWords) {
    if (word.length < 2 || !/^\p{Script=Han}+$/u.test(word)) continue;
    byFirst.set(word[0] as string, [...(byFirst.get(word[0] as string) ?? []), { word, sound: soundOf(word) }]);
  }
  /** one character of a status word typed as another of the same sound (滞厚的): that word, its first character kept */
  const soundAlike = (text: string): string => {
    for (let at = 0; at < text.length; at++) {
      for (const { word, sound } of byFirst.get(text[at] as string) ?? []) {
        const piece = text.slice(at, at + word.length);
        if (piece.length !== word.length || !/^\p{Script=Han}+$/u.test(piece)) continue;
        const differ = [...piece].filter((c, i) => c !== word[i]).length;
        if (differ === 1 && soundOf(piece) === sound) return `${text.slice(0, at)}${word}${text.slice(at + word.length)}`;
      }
    }
    return text;
  };
  return {
    name: 'status',
    run(s) {
      // a verb with 完 after it says it is finished (干完了, 做完的, 办完): 完成
      s.text = s.text.replace(FINISHED_VERB, '完成');
      if (!statusWords.some(({ word }) => s.text.includes(word))) s.text = soundAlike(s.text);
      for (const found of statusWords) {
        const { word } = found;
        const at = s.text.indexOf(word);
        if (at < 0) continue;
        // 已完成以外的, 除了按计划的: every target but those; 除了没按进度的: the denied word is the other side, set aside
        const denial = ('stage' in found ? DENIED : /(?:并未|尚未|没有|未|没|不)$/u).exec(s.text.slice(Math.max(0, at - 3), at))?.[0] ?? '';
        const aside = setAsideSpan(s.text, at - denial.length, at + word.length);
        if (aside) {
          const denied = denial !== '' && ('stage' in found ? KEEPS_PACE.has(found.stage) : true);
          const status: Status | undefined = !denial ? undefined : 'stage' in found ? (denied ? 'lagging' : 'onSchedule') : found.status === 'onSchedule' ? 'lagging' : 'onSchedule';
          setAside(s, status ? { status } : 'stage' in found ? { stage: found.stage } : { status: found.status });
          s.text = `${s.text.slice(0, aside.from)} ${s.text.slice(aside.to)}`;
          continue;
        }
        if ('stage' in found) {
          // 没达到序时进度: a verdict denied is the other side of the 是/否 line
          const denied = DENIED.exec(s.text.slice(Math.max(0, at - 3), at))?.[0];
          if (denied) {
            // on a table of verdicts, 还没完成 is every target its 已完成 is not (正常推进 too), not only the lagging ones
            if (found.stage === 'done' && ctx.verdicts && !s.query.stage && !s.query.status) {
              setAside(s, { stage: 'done' });
              s.text = cut(s.text, denied + word);
              continue;
            }
            if (!s.query.stage) s.query.status ??= KEEPS_PACE.has(found.stage) ? 'lagging' : 'onSchedule';
            s.text = cut(s.text, denied + word);
            continue;
          }
          if (!s.query.status) s.query.stage ??= found.stage;
          s.text = cut(s.text, word);
          continue;
        }
        // “是否按计划完成进度”是“否”的: the column named by its question, then the cell's answer
        const asked = /是否\s*$/.exec(s.text.slice(0, at));
        const answer = asked && CELL_ANSWER.exec(s.text.slice(at + word.length));
        if (asked && answer) {
          if (!s.query.stage) s.query.status ??= (answer[1] === '是') === (found.status === 'onSchedule') ? 'onSchedule' : 'lagging';
          s.text = `${s.text.slice(0, asked.index)} ${s.text.slice(at + word.length + answer[0].length)}`;
          continue;
        }
        if (found.status === 'lagging' && ctx.verdicts && NOT_DONE.test(word) && !s.query.stage && !s.query.status) {
          setAside(s, { stage: 'done' });
          s.text = cut(s.text, word);
          continue;
        }
        const negation = found.status === 'onSchedule' ? /(并未|尚未|没有|未|没|不)$/.exec(s.text.slice(Math.max(0, at - 2), at))?.[1] : undefined;
        if (!s.query.stage) s.query.status ??= negation ? 'lagging' : found.status;
        s.text = cut(s.text, negation ? negation + word : word);
      }
      const marked = s.query.status || s.query.stage ? undefined : MARKED.exec(s.text);
      if (marked) {
        s.query.status = marked[1] === '否' ? 'lagging' : 'onSchedule';
        s.text = `${s.text.slice(0, marked.index)} ${s.text.slice(marked.index + marked[0].length)}`;
      }
    },
  };
};
