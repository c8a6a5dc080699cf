/** A word must have this many characters to be read in parts: a pair is a gram of the search already. */
const LEAST = 3;
/** characters a table word may have beyond the question's word it spells with gaps (停车位 in 停车泊位, 污水厂 in 污水处理厂) */
const MAX_GAP = 2;

/**
 * Question words the table writes differently, read in the table's words when a search found nothing.
 * A word of three or more characters that no target text writes (托育托位, 停车位, 污水厂) stands for:
 * - the table's words it spells with a gap or two, same first and last character (停车泊位, 污水处理厂);
 * - else its longest parts that the table writes and that few targets do (托位 of 托育托位), so a rare word
 *   inside a compound still finds its target while a part every other target has (建设, 工作) does not.
 * Each becomes an alternative of the word's group, ranked below the word itself (src/qa/topic-index.ts).
 */
export const createPartialWords = (deps: {
  /** the targets' texts, normalised */
  titles: readonly string[];
  /** the words of the target texts (segmented), computed on first use */
  tableWords: () => Iterable<string>;
  /** a part in at most this many target texts is rare enough to stand for the word */
  rareDf: number;
}): ((groups: readonly string[][]) => string[][] | undefined) => {
  let joined: string | undefined;
  let words: string[] | undefined;
  const dfMemo = new Map<string, number>();
  /** target texts that write `w`, counted up to rareDf + 1 */
  const df = (w: string): number => {
    let n = dfMemo.get(w);
    if (n === undefined) {
      n = 0;
      joined ??= deps.titles.join('\n');
      if (joined.includes(w)) for (const t of deps.titles) if (t.includes(w) && ++n > deps.rareDf) break;
      dfMemo.set(w, n);
    }
    return n;
  };
  const spelledWithGaps = (word: string): string[] => {
    words ??= [...new Set(deps.tableWords())];
    return words.filter((v) => v.length > word.length && v.length <= word.length + MAX_GAP && v[0] === word[0] && v.at(-1) === word.at(-1) && isSubsequence(word, v));
  };
  const rareParts = (word: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i + 2 <= word.length; ) {
      let took = 0;
      for (let j = word.length; j >= i + 2 && !took; j -= 1) {
        const part = word.slice(i, j);
        if (part !== word && df(part) > 0 && df(part) <= deps.rareDf) took = j - i;
      }
      if (took) out.push(word.slice(i, i + took));
      i += took || 1;
    }
    return out;
  };
  return (groups) => {
    let changed = false;
    const out = groups.map((group) => {
      const word = group[0] as string;
      if (word.length < LEAST || !/^\p{Script=Han}+$/u.test(word) || df(word) > 0) return group;
      const gapped = spelledWithGaps(word);
      const more = (gapped.length > 0 ? gapped : rareParts(word)).filter((w) => !group.includes(w));
      if (more.length === 0) return group;
      changed = true;
      return [...group, ...more];
    });
    return changed ? out : undefined;
  };
};

/** Whether the characters of `short` occur in `long` in order. */
const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i += 1;
  return i === short.length;
};
