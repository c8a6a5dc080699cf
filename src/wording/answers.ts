import type { TableExamples } from '../qa/examples';
/**
 * Every user-facing Chinese word of the replies, in one place so the wording
 * stays concise and consistent across the bot, the console and `npm run ask`.
 */
/** a unit's part in a target, shown when the table has 配合单位 */
const ROLE = Object.freeze({ lead: '牵头', cooperating: '配合' });

export const WORDS = Object.freeze({
  lagging: '滞后',
  onSchedule: '按计划',
  laggingMark: '🔴',
  onScheduleMark: '🟢',
  laggingLong: '未按计划完成进度',
  onScheduleLong: '按计划推进',
  /** a verdict in words; on-plan and behind as the 是/否 tables say them */
  stage: Object.freeze({ done: '已完成', ahead: '超进度', 'on-plan': '按计划推进', behind: '未按计划完成进度', 'not-started': '未开工' }),
  /** a verdict as a filter in a list's title */
  stageFilter: Object.freeze({ done: '已完成', ahead: '超进度', 'on-plan': '达进度', behind: '欠进度', 'not-started': '未开工' }),
  noneStage: (label: string): string => `没有${label}的目标。`,
  stageCounts: '按进度评价',
  role: ROLE,
  /** a unit with its part, when the target has cooperating units: 市财政局（配合） */
  withRole: (unit: string, role: keyof typeof ROLE | undefined): string => (role ? `${unit}（${ROLE[role]}）` : unit),
  cooperatingUnits: '配合单位',
  count: (n: number): string => `${n} 项`,
  laggingCount: (n: number): string => `滞后 ${n}`,
  yellowCount: (n: number): string => `黄灯 ${n}`,
  risk: '有风险（红灯、黄灯）',
  /** 第 84 项 🟡 按计划推进（黄灯）: the table says 是, the numbers or the calendar say otherwise */
  yellowNote: '（黄灯）',
  completion: '完成度',
  history: (sinceLast: boolean): string => (sinceLast ? '上季度以来的变化' : '各期变化'),
  periodsCount: (n: number): string => `${n} 期`,
  changedCount: (changed: number, considered: number): string => `${changed} 项有变化（共 ${considered} 项）`,
  noChanges: (considered: number): string => `没有变化（共 ${considered} 项）。`,
  onePeriod: (period: string): string => `目前只有一期数据（${period}），还没有可比的变化；以下是当前情况。`,
  periodLabel: (year: number, period: string): string => `${year}年${period}`,
  absent: '本期表中没有此项',
  textChanged: '目标内容与最新一期不同',
  added: '新增',
  removed: '移出',
  statusChange: (from: boolean, to: boolean): string => `${from ? '按计划' : '滞后'}→${to ? '按计划' : '滞后'}`,
  page: (page: number, pages: number): string => `第 ${page}/${pages} 页`,
  all: '全部目标',
  ledBy: (leader: string): string => `${leader}分管`,
  /** a kind of unit asked as a group (县区政府参与的) */
  group: { counties: '县区政府', towns: '街道和乡镇', enterprises: '国有企业' },
  /** how many units share a target: 单独负责, 3个单位共同负责, 2个及以上单位共同负责 */
  unitCount: ({ min, max }: { min: number; max?: number }): string =>
    max === 1 ? '单独负责' : max === undefined ? `${min}个及以上单位共同负责` : min === max ? `${min}个单位共同负责` : `${min}–${max}个单位共同负责`,
  /** how many leaders share a target: 2位及以上领导共同分管 */
  leaderCount: ({ min, max }: { min: number; max?: number }): string =>
    max === 1 ? '一位领导分管' : max === undefined ? `${min}位及以上领导共同分管` : min === max ? `${min}位领导共同分管` : `${min}–${max}位领导共同分管`,
  due: (label: string, by?: 'onOrBefore' | 'before'): string => (by === 'before' ? `${label}之前到期` : by === 'onOrBefore' ? `${label}及之前到期` : `${label}到期`),
  ongoing: '长期坚持',
  about: (terms: string): string => `“${terms}”相关`,
  searchHeader: (terms: string): string => `搜索“${terms}”`,
  /** 按“市科技局”“按计划”理解: what the question was read as, so a misheard word is visible */
  understood: (parts: string[]): string => `按${parts.map((p) => `“${p}”`).join('')}理解`,
  /** 接上一问：市卫生健康委 · 滞后: a follow-up says what it was read with, so the list is never a mystery */
  followUp: (parts: string[]): string => `接上一问：${parts.join(' · ')}`,
  /** a self-introduction alone: what 我们 and 领导 will mean from now on */
  introduced: (kind: 'unit' | 'leader', name: string): string =>
    kind === 'unit' ? `好的，记下了：您在${name}。之后说“我们单位”“我们这边”都按${name}理解。` : `好的，记下了：您跟${name}同志工作。之后说“领导”“领导分管的”都按${name}理解。`,
  together: '取共同负责的目标（交集）',
  each: '取各自目标的合集',
  setAside: (what: string[]): string => `不看${what.map((w) => `“${w}”`).join('')}`,
  itemWord: (id: string): string => `第${id}项`,
  matched: '匹配',
  emptyList: '没有符合条件的目标。',
  noneLagging: '没有滞后的目标，全部按计划推进。',
  noneOnSchedule: '没有按计划推进的目标。',
  ambiguous: (names: string): string => `可能指：${names}`,
  whichLeader: (names: string): string => `有几位领导同姓：${names}。请点名字或写全名。`,
  readAs: (written: string, as: string): string => `“${written}”按“${as}”理解`,
  or: ' 或 ',
  /** 我们单位/我们领导 with no unit or leader said before: how to name one, with a name from the table in use */
  askWhich: (written: string, kind: 'unit' | 'leader', ex?: TableExamples): string => {
    const unit = ex?.units[0] ?? '市科技局';
    const leader = ex?.leaders[0] ?? '王昌华';
    return kind === 'unit'
      ? `“${written}”是哪个单位？请写出单位名称，如“${unit}的目标”，或先说“我是${unit}的”。`
      : `“${written}”是哪位领导？请写出领导姓名，如“${leader}负责的目标”，或先说“我是${leader}的秘书”。`;
  },
  except: (names: string[]): string => `${names.join('、')}以外`,
  besides: (names: string[], kind: 'unit' | 'leader'): string => `另有${names.join('、')}以外的${kind === 'leader' ? '领导分管' : '单位参与'}`,
  section: (names: string[]): string => `“${names.join('、')}”部分`,
  unplacedNegation: (word: string): string => `没能确定“${word}”要排除哪一项，结果未按它排除，请换个说法（如“除了年底到期的”“不是民生实事的”）`,
  items: (ids: string[]): string => `第${ids.join('、')}项`,
  span: (from: number, to: number): string => `第${from}–${to}项`,
  head: (n: number): string => `前${n}项`,
  tail: (n: number): string => `最后${n}项`,
  missingItems: (ids: string[], range: string): string => `第${ids.join('、')}项不存在${range ? `，本表为${range}项` : ''}。`,
  countLine: (what: string, n: number): string => `${what}共有 ${n} 项目标。`,
  outside: (what: string, scope: string): string => `本表是${scope}的数据，没有“${what}”的目标。`,
  scope: (city: string, year: number, period: string): string => `${city}${year}年${period}`,
  /** what the table's leaders are called, by the level of its place: 市政府领导, 县领导, 区领导 */
  leaderGroup: (level: TableExamples['level'] = '市'): string => (level === '市' ? '市政府领导' : `${level}领导`),
  rankTitle: (by: 'unit' | 'leader' | 'deadline', order: 'lagging' | 'rate' | 'total', leaders = '市政府领导'): string =>
    by === 'deadline'
      ? '按完成时限（时间先后）'
      : `${by === 'unit' ? '各责任单位' : `各${leaders}`}${order === 'lagging' ? '滞后排名（滞后多的在前）' : order === 'total' ? '目标数排名（多的在前）' : '按计划率排名（高的在前）'}`,
  itemTitle: (id: string): string => `第 ${id} 项`,
  deadline: '完成时限',
  leader: '市政府领导',
  units: '责任单位',
  status: '进度',
  progress: '完成情况',
  unknownItem: (id: string, range: string): string => `没有第 ${id} 项目标${range ? `（本期序号 ${range}）` : ''}。`,
  notFound: (what: string): string => (what ? `没有找到与“${what}”相关的目标。` : '没有找到相关的目标。'),
  unknownName: (what: string): string => `本期表中没有“${what}”的目标。`,
  tryAsking: '可以这样问：',
  examples: ['市科技局的目标', '王昌华负责的滞后项目', '年底到期的', '第57项', '第60至65项', '卫健委和科技局', '5G基站', '统计'],
  statsTitle: '总体进度',
  asOf: (date: string): string => `截至 ${date}`,
  totals: (targets: number, assignments: number): string => `目标 ${targets} 项（分工 ${assignments} 条）`,
  rate: (r: number): string => `按计划率 ${(r * 100).toFixed(1)}%`,
  byUnit: '按责任单位',
  byLeader: (leaders = '市政府领导'): string => `按${leaders}`,
  more: (n: number): string => `…另有 ${n} 个`,
  helpTitle: '可以这样问（直接发文字即可）：',
  help: [
    ['按单位', '市科技局的目标、工信局、卫健委、单县'],
    ['按领导', '王昌华负责的目标、张鹏副市长、聂市长、昌华市长'],
    ['按进度', '滞后的项目、按计划推进的'],
    ['按灯号', '黄灯、红灯、有风险的项目、工信局的黄灯项目'],
    ['按时限', '年底到期的、9月底、长期坚持'],
    ['按序号', '第57项、#62、/item 57、第60至65项、第41、57、63项'],
    ['合并', '卫健委和市场监管局、聂元科跟张鹏分管的、卫健委和科技局滞后的'],
    ['组合', '王昌华负责的滞后项目、卫健委年底要完成的'],
    ['按内容', '5G基站、希望小屋、托育'],
    ['总体', '统计、完成率、工信局有几项目标'],
    ['排名', '哪个单位滞后最多、各单位进度排名、按领导统计'],
    ['变化', '57号的变化、工信局上季度以来的变化'],
  ] as [string, string][],
  /** the examples under "nothing found", from the table in use */
  examplesOf: (ex: TableExamples): string[] => {
    const [unit, unit2] = ex.units;
    const [leader] = ex.leaders;
    return [
      ...(unit ? [`${unit}的目标`] : []),
      ...(leader ? [`${leader}负责的滞后项目`] : []),
      ...(ex.deadline ? [`${ex.deadline}到期的`] : []),
      ...(ex.item ? [`第${ex.item}项`] : []),
      ...(ex.item && ex.itemTo ? [`第${ex.item}至${ex.itemTo}项`] : []),
      ...(unit && unit2 ? [`${unit}和${unit2}`] : []),
      ...(ex.topic ? [ex.topic] : []),
      '统计',
    ];
  },
  /** the help's lines, what to ask and examples from the table in use */
  helpOf: (ex: TableExamples): [string, string][] => {
    const [unit, unit2] = ex.units;
    const [leader, leader2] = ex.leaders;
    const join = (...xs: (string | undefined | false)[]): string => xs.filter(Boolean).join('、');
    const leaders = ex.level === '市' ? '市政府领导' : `${ex.level}领导`;
    return (
      [
        ['按单位', join(unit && `${unit}的目标`, unit2)],
        [`按${leaders}`, join(leader && `${leader}负责的目标`, leader2 && `${leader2}分管的`)],
        ['按进度', '滞后的项目、按计划推进的'],
        ['按灯号', join('黄灯', '红灯', '有风险的项目', unit && `${unit}的黄灯项目`)],
        ['按时限', join(ex.deadline && `${ex.deadline}到期的`, '长期坚持')],
        ['按序号', join(ex.item && `第${ex.item}项`, ex.item && `#${ex.item}`, ex.item && `/item ${ex.item}`, ex.item && ex.itemTo && `第${ex.item}至${ex.itemTo}项`)],
        ['合并', join(unit && unit2 && `${unit}和${unit2}`, leader && leader2 && `${leader}跟${leader2}分管的`)],
        ['组合', join(leader && `${leader}负责的滞后项目`, unit && ex.deadline && `${unit}${ex.deadline}要完成的`)],
        ['按内容', join(ex.topic)],
        ['总体', join('统计', '完成率', unit && `${unit}有几项目标`, '一共多少项')],
        ['排名', join('哪个单位滞后最多', '各单位进度排名', `各位${leaders}分别有多少条`)],
        ['变化', join(ex.item && `${ex.item}号的变化`, unit && `${unit}上季度以来的变化`)],
      ] as [string, string][]
    ).filter(([, examples]) => examples !== '');
  },
  commands: '命令：/item 序号 · /unit 单位 · /leader 领导 · /lagging · /stats · /search 关键词 · /help',
  alertCommands: '提醒（Telegram 中）：/subscribe 订阅滞后提醒 · /subscriptions 查看 · /unsubscribe 取消 · /digest daily|weekly|off 定时摘要 · /quiet 22-8 免打扰 · /yellow on|off 黄灯提醒',
});

/** A target's light and the reasons for it, as answers, the dashboard and alerts show them; numbers arrive formatted. */
export const LIGHT_WORDS = Object.freeze({
  emoji: Object.freeze({ red: '🔴', yellow: '🟡', green: '🟢' }),
  label: Object.freeze({ red: '红灯', yellow: '黄灯', green: '绿灯' }),
  behindPace: (points: number, actual: string, expected: string): string => `落后序时进度${points}个百分点（完成${actual}，序时${expected}）`,
  goalMet: (actual: string): string => `已完成目标（${actual}）`,
  onPace: (actual: string, expected: string): string => `完成${actual}，序时进度${expected}`,
  /** a rate measure: 增长 6.8% (growth) or 达到 95% (level) */
  rateVerb: Object.freeze({ growth: '增长', level: '达到' }),
  rateShort: (verb: string, achieved: string, goal: string): string => `${verb}${achieved}%，低于目标${goal}%`,
  rate: (verb: string, achieved: string, goal: string): string => `${verb}${achieved}%，目标${goal}%`,
  done: (actual: string): string => `完成${actual}`,
  goalOnly: (goal: string, unit: string): string => `目标${goal}${unit}，进展中未写明完成数量`,
  pastDeadline: (deadline: string, done: string | undefined): string => `已过完成时限（${deadline}），${done === undefined ? '未写明已完成' : `完成${done}`}`,
  /** an assignment marked 否: its verdict and whose it is */
  assignment: (verdict: string, who: string): string => `${verdict}（${who}）`,
  row: (row: number): string => `第${row}行`,
  signedOff: '表中评价为已完成',
  onPlan: '按计划推进',
});

/** A measured target in numbers: 目标 2000 个 · 已完成 1658 个; numbers arrive formatted. */
export const MEASURE_WORDS = Object.freeze({
  growth: (goal: string, achieved: string): string => `目标增长 ${goal}% · 实际增长 ${achieved}%`,
  level: (goal: string, achieved: string): string => `目标 ${goal}% · 实际 ${achieved}%`,
  share: (goal: string, achieved: string): string => `目标 ${goal}% · 已完成 ${achieved}%`,
  count: (goal: string, achieved: string, unit: string): string => `目标 ${goal} ${unit} · 已完成 ${achieved} ${unit}`,
  growthShort: (achieved: string): string => `增长 ${achieved}%`,
  /** 10000 → 1万, as the tables write round goals */
  tenThousands: (n: number): string => `${n}万`,
});
