import type { BotCommand } from 'telegraf/types';
import type { TableExamples } from '../qa/examples';
import { escapeHtml } from '../text/telegram-text';

/**
 * What the bot says in the chat around the answers (the answers' own words are in ./answers).
 * One module so the tone stays consistent: short, polite, plain.
 * Texts marked HTML are sent with parse_mode HTML and contain no data.
 */
export const MESSAGES = Object.freeze({
  /** HTML; followed by the example buttons */
  welcome: (city: string, period: string, username: string, ex?: TableExamples) =>
    `<b>您好！我可以查询${escapeHtml(city)}${escapeHtml(period)}责任目标的推进情况。</b>\n\n` +
    `直接用中文提问即可，例如单位（${escapeHtml(ex?.units[0] ?? '工信局')}）、领导（某某分管的工作）、状态（滞后的项目）、` +
    `期限（${escapeHtml(ex?.deadline ?? '年底')}到期的）、序号（第${escapeHtml(ex?.item ?? '57')}项）或关键词。\n\n` +
    `也可以在任意聊天中输入 @${escapeHtml(username)} 加问题进行查询。发送 /help 查看全部用法。\n\n试试这些问题：`,
  apology: '抱歉，处理您的请求时出了点问题，请稍后再试。',
  /** the rate limiter's notice, at most once a minute per user */
  tooFast: '您发送得太快了，请稍等几秒再试。',
  expired: '这个列表已过期，请重新提问。',
  outdated: '数据已更新，请重新提问。',
  unknownButton: '这个按钮已失效。',
  targetGone: (id: string) => `第${id}项不在当前数据中。`,
  detailInPrivate: (id: string) => `请在与机器人的私聊中发送 /item ${id} 查看详情。`,
  notAllowed: '抱歉，本机器人仅供指定单位使用。如需开通，请联系管理员。',
  missingArgument: (usage: string) => `请在命令后写上内容，例如：${usage}`,
  previous: '◀',
  next: '▶',
  detailButton: (id: string) => `第${id}项`,
  connectHint: '未设置 BOT_TOKEN：已打开本地问答控制台。要连接 Telegram，请在 .env 中设置 BOT_TOKEN（可选 TELEGRAM_API_ROOT）后重新启动。',
});

/**
 * setMyCommands for the lookup features; the alerts features add their own. The menu is set once at launch and
 * outlives imports of other tables, so it names no unit, leader or 序号 of one table.
 */
export const LOOKUP_COMMANDS: readonly BotCommand[] = Object.freeze([
  { command: 'start', description: '开始使用，查看示例问题' },
  { command: 'help', description: '使用帮助' },
  { command: 'item', description: '按序号查看目标：/item 加序号' },
  { command: 'unit', description: '按责任单位查询：/unit 加单位名称' },
  { command: 'leader', description: '按领导查询：/leader 加姓名' },
  { command: 'lagging', description: '未按计划完成进度的目标' },
  { command: 'stats', description: '总体进度统计' },
  { command: 'search', description: '按关键词搜索：/search 加关键词' },
]);

/** The example questions under /start, chosen from the report: each has an answer in it. */
export const EXAMPLE_QUESTIONS = Object.freeze({
  lagging: '未按计划完成的项目',
  stats: '统计',
  unit: (unit: string) => `${unit}的目标`,
  leader: (leader: string) => `${leader}分管的工作`,
});

/** Usage examples shown when a command needs an argument, from the table in use. */
export const usageFor = (ex: TableExamples): Record<keyof typeof USAGE, string> => ({
  item: ex.item ? `/item ${ex.item}` : USAGE.item,
  unit: ex.units[0] ? `/unit ${ex.units[0]}` : USAGE.unit,
  leader: ex.leaders[0] ? `/leader ${ex.leaders[0]}` : USAGE.leader,
  search: ex.topic ? `/search ${ex.topic}` : USAGE.search,
});

/** Usage examples shown when a command needs an argument: the shipped table's, when no table is at hand. */
export const USAGE = Object.freeze({
  item: '/item 57',
  unit: '/unit 工信局',
  leader: '/leader 王昌华',
  search: '/search 5G基站',
});
