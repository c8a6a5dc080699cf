import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The hand-written words of question answering, kept in `data/aliases.json`
 * so an admin can extend them without a code change. Units, leaders and
 * deadlines themselves always come from the loaded table; these lists only
 * say how people refer to them.
 */
export interface Aliases {
  /** a mention (工信局) → names or parts of names as the table writes them (工业和信息化局) */
  units: Record<string, string[]>;
  /** words removed after a leader's name (副市长, 同志) */
  leaderTitles: string[];
  /** a user's word → the table's words, all searched (托儿所 → 托育) */
  synonyms: Record<string, string[]>;
  /** words that carry no meaning for the search (请问, 有哪些, 的) */
  fillers: string[];
  /**
   * words that ask for a status: lagging / onSchedule read 是/否 (and every verdict as one of them);
   * done, ahead, onPlan, behind, notStarted ask for one verdict (已完成的, 超进度的, 未开工的)
   */
  status: { lagging: string[]; onSchedule: string[] } & Record<StageKey, string[]>;
  /** more status words for table cells, per verdict, added to the built-in ones (src/table/status-words.ts) */
  verdicts: Partial<Record<StageKey, string[]>>;
  deadlines: { yearEnd: string[]; ongoing: string[] };
  /** words that ask for the overview (统计, 完成率) */
  stats: string[];
  /** words that ask for help (帮助, 怎么用) */
  help: string[];
  /** words that ask for every target when nothing else is asked (所有目标, 全部任务, 目标清单) */
  all: string[];
  /** words that ask for a traffic light (黄灯) or for every target at risk, red or yellow (有风险) */
  lights: { red: string[]; yellow: string[]; green: string[]; risk: string[] };
  /** words that ask how targets changed: across every report (变化, 历次), or since the previous one (上季度以来) */
  history: { all: string[]; sinceLast: string[] };
  /** how people talk around a dictated question: greetings, thanks, 念一下, reasons; cut before the question is read */
  speech: { framing: string[]; context: string[] };
  /** cities and provinces (济南, 山东): one right before a unit name asks about another city's table, even without 市 */
  places: string[];
  /** words that ask how many (有几项, 多少个): with a filter a counted list, alone the statistics */
  counts: string[];
  /** words that ask to compare units (各单位, 哪个单位) or leaders (按领导), and words that ask for an order (排名, 最多) */
  rankings: { byUnit: string[]; byLeader: string[]; order: string[] };
  /** characters that look alike (已己巳, 未末): one typed for another inside a known word (己完成, 聂元料) is read as that word */
  lookalikes: string[];
}

/** Used when an aliases file predates counts and rankings. */
export const DEFAULT_COUNT_WORDS = Object.freeze(['有几项', '有几个', '有几条', '几项', '几个', '几条', '多少项', '多少个', '多少条', '有多少', '一共', '总共', '总数', '数量']);
export const DEFAULT_RANKING_WORDS = Object.freeze({
  byUnit: ['按单位', '各单位', '每个单位', '哪个单位', '哪些单位', '哪家单位', '分单位', '按部门', '各部门', '哪个部门', '按责任单位', '各责任单位', '单位', '部门'],
  byLeader: ['按领导', '各领导', '各位领导', '每位领导', '每个领导', '哪位领导', '哪个领导', '分领导', '按分管领导', '各分管领导', '按市领导', '各市领导', '领导', '谁分管', '谁负责'],
  order: ['排名', '排行', '排序', '最多', '最少', '最好', '最差', '靠前', '靠后', '倒数', '前三', '前五', '前十', '排个名', '排一下', '排个序'],
});

/**
 * Used when an aliases file predates dictated questions. framing: words around
 * any question (你好, 谢谢, 念一下, 我想问一下); context: why or for whom it is asked
 * (给领导写材料, 要开个会), cut whole so none of their words is searched.
 */
export const DEFAULT_SPEECH_WORDS = Object.freeze({
  framing: [
    '你好',
    '您好',
    '喂',
    '哈喽',
    '嗨',
    '早上好',
    '上午好',
    '中午好',
    '下午好',
    '晚上好',
    '在吗',
    '在不在',
    '打扰一下',
    '打扰了',
    '不好意思',
    '劳驾',
    '麻烦你',
    '麻烦您',
    '麻烦了',
    '辛苦了',
    '辛苦你',
    '辛苦',
    '谢谢你',
    '谢谢您',
    '谢谢啦',
    '谢谢',
    '多谢',
    '感谢',
    '好的',
    '好吧',
    '行吧',
    '那好',
    '念一下',
    '念念',
    '给我念',
    '读一下',
    '读给我听',
    '念给我听',
    '播报一下',
    '说一下',
    '说说',
    '讲一下',
    '讲讲',
    '告诉我一下',
    '我想问一下',
    '我想问问',
    '想问一下',
    '想问问',
    '我问一下',
    '问一下',
    '问问',
    '我想看一下',
    '我想看看',
    '我想看',
    '我想查一下',
    '我想查',
    '你帮我',
    '您帮我',
    '你给我',
    '您给我',
    '能不能',
    '可不可以',
    '可以吗',
    '行吗',
    '就是',
    '然后',
    '那个',
    '嗯',
    '呃',
    '哦',
    '噢',
    '对了',
    '还有就是',
    '刚才说错了',
    '说错了',
    '我说错了',
    '不对不对',
    '不对',
    '更正一下',
    '更正',
  ],
  context: [
    '我要给领导写材料',
    '给领导写个材料',
    '给领导写材料',
    '给领导汇报',
    '向领导汇报',
    '写个材料',
    '写材料',
    '写报告',
    '准备汇报材料',
    '准备材料',
    '汇报材料',
    '要准备汇报',
    '准备汇报',
    '领导让我',
    '领导叫我',
    '领导要我',
    '领导要',
    '要开个会',
    '开个会',
    '要开会',
    '开会用',
    '开会',
    '需要个数据',
    '需要些数据',
    '需要数据',
    '要个数据',
    '要点数据',
    '第一次用',
    '刚开始用',
    '不太会用',
    '不会用',
    '不太会',
    '不太懂',
    '不太清楚情况',
    '不太清楚',
    '不清楚情况',
    '不了解情况',
    '我是新来的',
    '新来的',
    '刚来的',
    '我这边',
    '我们这边',
    '着急用',
    '急用',
    '比较急',
  ],
});

/**
 * Used when an aliases file predates lights and history, so an admin's older
 * file keeps working. No bare 风险 or 历史: they are topic words in the tables
 * (提升风险监测预警能力, 创历史新高); nor 预警, for the same reason.
 */
export const DEFAULT_LIGHT_WORDS = Object.freeze({
  red: ['红灯', '亮红灯'],
  yellow: ['黄灯', '亮黄灯'],
  green: ['绿灯', '亮绿灯'],
  risk: ['有风险', '存在风险', '风险项目', '风险目标', '亮灯', '红黄灯', '需要关注', '需关注'],
});
export const DEFAULT_HISTORY_WORDS = Object.freeze({
  all: ['变化', '历次', '历史情况', '历史进度', '历史记录', '的历史', '各季度', '每个季度', '每季度', '趋势', '前后对比'],
  sinceLast: ['上季度以来', '上个季度以来', '上一季度以来', '上期以来', '比上季度', '较上季度', '与上季度相比', '跟上季度比', '环比', '上季度', '上个季度', '上一季度', '上期'],
});

/**
 * Used when an aliases file predates lookalikes: groups of characters a hand or
 * a handwriting keyboard confuses by shape. Only whole known words are mended,
 * so a group may be generous.
 */
export const DEFAULT_LOOKALIKES = Object.freeze([
  '已己巳',
  '未末',
  '科料',
  '局居',
  '审宙',
  '环坏',
  '农衣',
  '民氏',
  '政攻',
  '团困',
  '底低',
  '年午',
  '元无',
  '王玉主',
  '华毕',
  '技枝',
  '务各',
  '委季',
  '管菅',
  '计订',
  '划刘',
  '按接',
  '滞带',
  '健键',
  '监鉴',
]);

/** The verdicts as named in data/aliases.json. */
export type StageKey = 'done' | 'ahead' | 'onPlan' | 'behind' | 'notStarted';

/** Used when an aliases file predates verdicts: the words people ask one verdict with. */
export const DEFAULT_STAGE_WORDS: Readonly<Record<StageKey, readonly string[]>> = Object.freeze({
  done: ['已完成', '已经完成', '完成了', '已办结', '提前完成', '全部完成', '已全部完成'],
  ahead: ['超进度', '超序时', '超序时进度', '快于序时', '进度超前', '超过序时进度', '超前'],
  onPlan: ['达进度', '达序时', '按序时', '达到序时进度', '符合序时进度'],
  behind: ['欠进度', '慢序时', '慢于序时', '低于序时', '未达序时', '未达到序时进度', '欠序时', '落后序时'],
  notStarted: ['未开工', '没开工', '没有开工', '尚未开工', '还没开工', '未启动', '没启动', '没有启动', '尚未启动', '未开始', '没开始', '还没开始'],
});

const words = z.array(z.string().trim().min(1, 'empty word'));
const wordMap = z.record(z.string().trim().min(1, 'empty key'), words.min(1, 'needs at least one word'));

const schema = z.object({
  units: wordMap,
  leaderTitles: words,
  synonyms: wordMap,
  fillers: words,
  status: z.object({
    lagging: words,
    onSchedule: words,
    done: words.default(() => [...DEFAULT_STAGE_WORDS.done]),
    ahead: words.default(() => [...DEFAULT_STAGE_WORDS.ahead]),
    onPlan: words.default(() => [...DEFAULT_STAGE_WORDS.onPlan]),
    behind: words.default(() => [...DEFAULT_STAGE_WORDS.behind]),
    notStarted: words.default(() => [...DEFAULT_STAGE_WORDS.notStarted]),
  }),
  verdicts: z
    .object({ done: words, ahead: words, onPlan: words, behind: words, notStarted: words })
    .partial()
    .default(() => ({})),
  deadlines: z.object({ yearEnd: words, ongoing: words }),
  stats: words,
  help: words,
  all: words.default([]),
  lights: z
    .object({ red: words, yellow: words, green: words, risk: words })
    .default(() => ({ red: [...DEFAULT_LIGHT_WORDS.red], yellow: [...DEFAULT_LIGHT_WORDS.yellow], green: [...DEFAULT_LIGHT_WORDS.green], risk: [...DEFAULT_LIGHT_WORDS.risk] })),
  history: z.object({ all: words, sinceLast: words }).default(() => ({ all: [...DEFAULT_HISTORY_WORDS.all], sinceLast: [...DEFAULT_HISTORY_WORDS.sinceLast] })),
  speech: z.object({ framing: words, context: words }).default(() => ({ framing: [...DEFAULT_SPEECH_WORDS.framing], context: [...DEFAULT_SPEECH_WORDS.context] })),
  counts: words.default(() => [...DEFAULT_COUNT_WORDS]),
  places: words.default([]),
  lookalikes: z.array(z.string().trim().min(2, 'a group needs two characters or more')).default(() => [...DEFAULT_LOOKALIKES]),
  rankings: z
    .object({ byUnit: words, byLeader: words, order: words })
    .default(() => ({ byUnit: [...DEFAULT_RANKING_WORDS.byUnit], byLeader: [...DEFAULT_RANKING_WORDS.byLeader], order: [...DEFAULT_RANKING_WORDS.order] })),
});

/** Thrown for a missing, unreadable or malformed aliases file; the message names the file and the key. */
export class AliasesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AliasesError';
  }
}

/**
 * Validates parsed JSON as aliases. `source` names the file in errors, e.g.
 * `data/aliases.json: status.lagging[3]: empty word`.
 */
export const parseAliases = (data: unknown, source: string): Aliases => {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue && issue.path.length > 0 ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : '(top level)';
    throw new AliasesError(`${source}: ${key}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
};

/** data/aliases.json ships with the code; admins extend it in place. */
export const ALIASES_FILE = resolve(__dirname, '../../data/aliases.json');

/** Reads and validates an aliases file such as `data/aliases.json`. */
export const loadAliases = (path: string): Aliases => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AliasesError(`${path}: cannot read aliases file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AliasesError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseAliases(data, path);
};
