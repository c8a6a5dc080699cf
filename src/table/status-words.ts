import type { StatusKind } from '../model';
import { toHalfWidth } from '../text/normalize';

/** Status words per kind; `data/aliases.json` may add more under `verdicts`. */
export type StatusWords = Readonly<Record<StatusKind, readonly string[]>>;

/**
 * How offices write the status of a target, in a 是否按计划完成进度 column
 * (是/否, √/×) or in a verdict column (进度评价, 推进状态 …). A cell is matched
 * whole first, then by the longest word it contains, so 未完成 is behind though
 * it contains 完成, and 提前完成 is done though it contains 提前. Single
 * characters (是, 否, √) only match a whole cell.
 *
 * 提前完成 and 超额完成 are done: the work is finished, whatever the pace was.
 * 基本完成 is not: an office that writes it has not signed the target off.
 */
export const STATUS_WORDS: StatusWords = Object.freeze({
  done: ['已完成', '完成', '全面完成', '提前完成', '超额完成', '已全部完成', '全部完成', '已办结', '办结', '已完结', '完结', '已达成', '已实现', '已完成目标', '完成目标', '已销号', '销号'],
  ahead: ['超进度', '超序时', '超序时进度', '快于序时', '快于序时进度', '超过序时进度', '进度超前', '超前', '提前', '领先序时', '超计划'],
  'on-plan': [
    '是',
    '√',
    '✓',
    '✔',
    'y',
    'yes',
    '达进度',
    '达序时',
    '按序时',
    '序时',
    '达到序时',
    '达到序时进度',
    '符合序时',
    '符合序时进度',
    '符合进度',
    '按序时推进',
    '序时推进',
    '按进度',
    '按计划',
    '按计划推进',
    '正常',
    '正常推进',
    '进度正常',
    '顺利推进',
    '有序推进',
    '推进中',
    '进行中',
    '在建',
    '正在推进',
    '基本完成',
    '未滞后',
    '不滞后',
    '达到',
    '已达到',
    '符合',
    '持续推进',
    '稳步推进',
    '按期推进',
    '如期推进',
    '按时序',
    '达到时序进度',
    '正常进行',
  ],
  behind: [
    '否',
    '×',
    '✗',
    '✘',
    'n',
    'no',
    '欠进度',
    '慢序时',
    '慢于序时',
    '慢于序时进度',
    '低于序时',
    '低于序时进度',
    '未达序时',
    '未达到序时',
    '未达到序时进度',
    '欠序时',
    '落后序时',
    '滞后',
    '进度滞后',
    '滞后序时',
    '滞后于序时',
    '落后',
    '进度落后',
    '未按计划',
    '未按期',
    '未完成',
    '没有完成',
    '进度缓慢',
    '推进缓慢',
    '缓慢',
    '不正常',
    '逾期',
    '逾期未完成',
    '未达到',
    '没有达到',
    '不符合',
    '偏慢',
    '较慢',
    '进度偏慢',
    '慢于进度',
    '未按时序',
    '未达到时序进度',
  ],
  'not-started': ['未开工', '尚未开工', '未启动', '尚未启动', '暂未启动', '未开始', '尚未开始', '未开展', '尚未开展', '未实施', '未动工'],
});

/** The verdicts as data/aliases.json names them (`verdicts.onPlan`), and the kind each is. */
const ALIAS_KEYS = Object.freeze({ done: 'done', ahead: 'ahead', onPlan: 'on-plan', behind: 'behind', notStarted: 'not-started' } as const);

/**
 * Merges extra words, per verdict as data/aliases.json names them, into the defaults.
 *
 * @example withStatusWords({ done: ['已验收'] }).done → ['已完成', …, '已验收']
 */
export const withStatusWords = (extra: Partial<Record<keyof typeof ALIAS_KEYS, readonly string[]>> = {}): StatusWords => {
  const out = Object.fromEntries((Object.keys(STATUS_WORDS) as StatusKind[]).map((k) => [k, [...STATUS_WORDS[k]]])) as Record<StatusKind, string[]>;
  for (const [key, kind] of Object.entries(ALIAS_KEYS)) out[kind].push(...(extra[key as keyof typeof ALIAS_KEYS] ?? []));
  return Object.freeze(out);
};

/** Half-width, lower case, no spaces or brackets: 达进度（按序时） → 达进度按序时. */
const clean = (text: string): string =>
  toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s()[\]【】〔〕<>《》「」"'“”‘’:：.。,，;；!！、/\\-]/g, '');

/**
 * Builds the reader of status cells. Returns undefined for a word it does not
 * know (待定, empty): the caller rejects the table naming row and column.
 *
 * @example createStatusReader()('欠进度（慢序时）') → 'behind'
 */
export const createStatusReader = (words: StatusWords = STATUS_WORDS) => {
  const whole = new Map<string, StatusKind>();
  const parts: { word: string; kind: StatusKind }[] = [];
  for (const kind of Object.keys(words) as StatusKind[]) {
    for (const w of words[kind]) {
      const word = clean(w);
      if (!word || whole.has(word)) continue;
      whole.set(word, kind);
      if ([...word].length > 1) parts.push({ word, kind });
    }
  }
  // Longest first, so the first contained word is the most specific one.
  parts.sort((a, b) => b.word.length - a.word.length);
  return (cell: string): StatusKind | undefined => {
    const text = clean(cell);
    if (!text) return undefined;
    return whole.get(text) ?? parts.find((p) => text.includes(p.word))?.kind;
  };
};

export type StatusReader = ReturnType<typeof createStatusReader>;
