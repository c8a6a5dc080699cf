import { parseChineseNumeral } from '../../text/chinese-numerals';
import { everydayMap, loadEverydayWords } from '../everyday-words';
import { cut, createEdgeStripper, fillerWords, normWord, tableWrites, type ParseContext, type ParsePass } from './state';

/**
 * 那块, 那一块儿, 这方面, 那件事, or 那 / 这 left at the end of a piece once an earlier pass took its
 * word: a speaker pointing at a topic, never part of it, so the topic is split there
 */
const POINTING = /[那这]一?(?:块儿?|方面|部分|件事?情?|类|种|边儿?|(?=\s|$))/gu;
/** a clause giving examples of a list (X啊Y啊什么的, X之类, 连同X, 包括X) */
const EXAMPLES = /什么的|之类|等等|连同|包括/u;
/** a numeral word (两千, 三百, 八十): the table writes its numbers in digits */
const NUMERAL = /^[零〇一二两三四五六七八九十百千万亿]+$/u;

/**
 * The pieces of what is left that a clause giving examples holds, when the question also names a unit or
 * leader: 团市委的那几项，希望小屋啊小荷学堂啊什么的 asks for 团市委's list, and the examples do not narrow it.
 */
const examplePieces = (raw: string, pieces: readonly string[]): Set<string> => {
  const clauses = raw.split(/[,，。;；!?！？、\s]+/u).filter((c) => EXAMPLES.test(c));
  return new Set(pieces.filter((p) => clauses.some((c) => c.includes(p))));
};

/**
 * What is left is the topic: each piece is kept whole as a phrase (5g网络 as
 * written ranks strongest), synonyms found in it become word groups (托儿所 |
 * 托育), and the rest is split into words by Intl.Segmenter, with runs of
 * single characters joined again (疫情防控), since the segmenter splits names
 * and rare words into characters.
 */
export const createTopicPass = (ctx: ParseContext): ParsePass => {
  const norm = normWord(ctx.normalize);
  const stripEdges = createEdgeStripper(fillerWords(ctx).single);
  const synonyms = Object.entries(ctx.aliases.synonyms)
    .map(([k, v]) => ({ word: norm(k), alts: v.map(norm) }))
    .sort((a, b) => b.word.length - a.word.length);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const everyday = [...everydayMap(loadEverydayWords(), norm)].map(([word, alts]) => ({ word, alts })).sort((a, b) => b.word.length - a.word.length);
  const tableUses = tableWrites(ctx);
  /**
   * An everyday word the table never writes (托儿所, 信号塔, 电诈) as a group with the official words for
   * it that the table does write (托育 | 托位, 基站, 电信网络诈骗); undefined when the table writes the
   * word itself (it is searched as written) or none of its official words.
   */
  const everydayGroup = (word: string, alts: readonly string[]): string[] | undefined => {
    if (!ctx.targetTexts || tableUses(word)) return undefined;
    const official = alts.filter(tableUses);
    return official.length > 0 ? [word, ...official] : undefined;
  };
  const everydayOf = new Map(everyday.map((e) => [e.word, e.alts]));
  /** said words written with 的 (吃的东西), which the fillers pass has split in two: matched across the gap */
  const withOf = everyday.filter((e) => e.word.includes('的')).map((e) => ({ ...e, gap: new RegExp(e.word.split('的').join('[的\\s]+'), 'u') }));

  const wordsOf = (piece: string): string[] => {
    const out: string[] = [];
    let run = '';
    const flush = (): void => {
      if (run.length >= 2) out.push(run);
      run = '';
    };
    for (const seg of segmenter.segment(piece)) {
      if (!seg.isWordLike) {
        flush();
        continue;
      }
      const w = seg.segment;
      if (/^[a-z0-9.#]+$/.test(w)) {
        flush();
        if (w.length >= 2) out.push(w.replace(/^[#.]+|[.]+$/g, ''));
      } else if ([...w].length === 1) run += w;
      else {
        flush();
        out.push(w);
      }
    }
    flush();
    return out.filter(Boolean);
  };

  return {
    name: 'topic',
    run(s) {
      // 安不安全, 干不干净: a yes-or-no question asks about the word itself
      let text = s.text.replace(POINTING, ' ').replace(/(\p{Script=Han})不(?=\1\p{Script=Han})\1/gu, '$1');
      for (const e of withOf) {
        const group = e.gap.test(text) ? everydayGroup(e.word, e.alts) : undefined;
        if (!group) continue;
        s.groups.push(group);
        text = text.replace(e.gap, ' ');
      }
      const pieces = text.split(/\s+/);
      const examples = s.units.size > 0 || s.leaders.size > 0 ? examplePieces(s.raw, pieces) : new Set<string>();
      for (const raw of pieces) {
        if (examples.has(raw)) continue;
        const piece = stripEdges(raw);
        if (!piece) continue;
        if (piece.length >= 2) s.phrases.push(piece);
        let rest = piece;
        for (const syn of synonyms) {
          if (rest.includes(syn.word)) {
            const more = everydayGroup(syn.word, everydayOf.get(syn.word) ?? []) ?? [];
            s.groups.push([...new Set([syn.word, ...syn.alts, ...more])]);
            rest = cut(rest, syn.word);
          }
        }
        for (const e of everyday) {
          const group = rest.includes(e.word) ? everydayGroup(e.word, e.alts) : undefined;
          if (!group) continue;
          s.groups.push(group);
          rest = cut(rest, e.word);
        }
        for (const sub of rest.split(/\s+/).filter(Boolean)) {
          const w = stripEdges(sub);
          if (!w) continue;
          if (w.length >= 2) s.phrases.push(w);
          for (const word of wordsOf(w)) {
            // 两千 | 2000: a number the question says in words supports the target whose text has it in digits
            const n = NUMERAL.test(word) ? parseChineseNumeral(word) : undefined;
            s.groups.push(n === undefined ? [word] : [word, String(n)]);
          }
        }
      }
      s.text = '';
    },
  };
};
