import { leadersOf, unitsOf, type Report, type Target } from '../model';

/**
 * What the replies that teach how to ask show as examples, taken from the table in use, so another
 * city's or a county's table never hears of this one's units, leaders or 序号.
 */
export interface TableExamples {
  /** the units with the most targets, as the table writes them (one or two) */
  units: string[];
  /** the leaders with the most targets (one or two) */
  leaders: string[];
  /** a 序号 from the middle of the table, and one a few after it, for a span */
  item?: string;
  itemTo?: string;
  /** the table's most common 完成时限, as it writes it (年底, 12月底) */
  deadline?: string;
  /** a few words of one target's text that name it alone */
  topic?: string;
  /** the level of government the table's place is (市, 县, 区): its leaders are 市政府领导, 县领导 or 区领导 */
  level: '市' | '县' | '区';
}

/** the most frequent values first, ties in table order */
const mostFrequent = (values: Iterable<string>, n: number): string[] => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([v]) => v);
};

/** the longest unit name shown as an example when a shorter one is there */
const PLAIN_NAME = 10;

/** characters of a topic example: long enough to name one target, short enough to be typed */
const TOPIC_CHARS = { min: 2, max: 6 };

/**
 * A few words of one target's text that occur in no other target's text (5G基站, 希望小屋), from the
 * middle of the table: the longest run of Chinese characters, cut to a typable length.
 */
const topicOf = (targets: readonly Target[], at: number): string | undefined => {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (let k = 0; k < Math.min(targets.length, 20); k += 1) {
    const t = targets[(at + k) % targets.length] as Target;
    const words = [...segmenter.segment(t.text)].map((g) => g.segment).filter((w) => /^[\p{Script=Han}A-Za-z0-9]+$/u.test(w));
    // two neighbouring words, which name a thing better than either (希望 + 小屋)
    const pairs = words.slice(1).map((w, i) => `${words[i]}${w}`);
    const found = [...pairs, ...words]
      .filter((w) => w.length >= TOPIC_CHARS.min && w.length <= TOPIC_CHARS.max && /\p{Script=Han}/u.test(w))
      .sort((a, b) => b.length - a.length)
      .find((w) => targets.every((o) => o === t || !o.text.includes(w)));
    if (found) return found;
  }
  return undefined;
};

/** Examples from the report in use, computed once per engine (see TableExamples). */
export const examplesOf = (report: Report): TableExamples => {
  const { targets } = report;
  const middle = Math.floor(targets.length / 2);
  const item = targets[middle]?.id;
  const itemTo = targets[Math.min(targets.length - 1, middle + 5)]?.id;
  const deadline = mostFrequent(
    targets.map((t) => t.deadline.text.trim()),
    1,
  )[0];
  const topic = targets.length > 0 ? topicOf(targets, middle) : undefined;
  const level = /[县旗]$/u.test(report.city) ? '县' : /区$/u.test(report.city) ? '区' : '市';
  return {
    // a plain name reads as an example better than a group with a note (各乡镇人民政府（街道办事处）)
    units: mostFrequent(
      targets.flatMap(unitsOf).filter((u) => u.length <= PLAIN_NAME && !/[（(、]/u.test(u)),
      2,
    )
      .concat(mostFrequent(targets.flatMap(unitsOf), 2))
      .filter((u, k, all) => all.indexOf(u) === k)
      .slice(0, 2),
    leaders: mostFrequent(targets.flatMap(leadersOf), 2),
    ...(item ? { item } : {}),
    ...(itemTo && itemTo !== item ? { itemTo } : {}),
    ...(deadline ? { deadline } : {}),
    ...(topic ? { topic } : {}),
    level,
  };
};
