import { cut, createEdgeStripper, fillerWords, normWord, type ParseContext, type ParsePass } from './state';

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
      for (const raw of s.text.split(/\s+/)) {
        const piece = stripEdges(raw);
        if (!piece) continue;
        if (piece.length >= 2) s.phrases.push(piece);
        let rest = piece;
        for (const syn of synonyms) {
          if (rest.includes(syn.word)) {
            s.groups.push([syn.word, ...syn.alts.filter((a) => a !== syn.word)]);
            rest = cut(rest, syn.word);
          }
        }
        for (const sub of rest.split(/\s+/).filter(Boolean)) {
          const w = stripEdges(sub);
          if (!w) continue;
          if (w.length >= 2) s.phrases.push(w);
          for (const word of wordsOf(w)) s.groups.push([word]);
        }
      }
      s.text = '';
    },
  };
};
