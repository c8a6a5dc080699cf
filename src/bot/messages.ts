import type { BotCommand } from 'telegraf/types';
import { escapeHtml } from '../text/telegram-text';

/**
 * Every piece of Chinese wording the bot itself says (answers come from the views).
 * One module so the tone stays consistent: short, polite, plain.
 * Texts marked HTML are sent with parse_mode HTML and contain no data.
 */
export const MESSAGES = Object.freeze({
  /** HTML; followed by the example buttons */
  welcome: (city: string, period: string, username: string) =>
    `<b>您好！我可以查询${escapeHtml(city)}${escapeHtml(period)}责任目标的推进情况。</b>\n\n` +
    '直接用中文提问即可，例如单位（工信局）、领导（某某分管的工作）、状态（滞后的项目）、' +
    '期限（年底到期的）、序号（第57项）或关键词。\n\n' +
    `也可以在任意聊天中输入 @${escapeHtml(username)} 加问题进行查询。发送 /help 查看全部用法。\n\n试试这些问题：`,
  apology: '抱歉，处理您的请求时出了点问题，请稍后再试。',
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

/** setMyCommands for the lookup features; the alerts features add their own. */
export const LOOKUP_COMMANDS: readonly BotCommand[] = Object.freeze([
  { command: 'start', description: '开始使用，查看示例问题' },
  { command: 'help', description: '使用帮助' },
  { command: 'item', description: '按序号查看目标，如 /item 57' },
  { command: 'unit', description: '按责任单位查询，如 /unit 工信局' },
  { command: 'leader', description: '按市政府领导查询，如 /leader 王昌华' },
  { command: 'lagging', description: '未按计划完成进度的目标' },
  { command: 'stats', description: '总体进度统计' },
  { command: 'search', description: '按关键词搜索，如 /search 5G基站' },
]);

/** Usage examples shown when a command needs an argument. */
export const USAGE = Object.freeze({
  item: '/item 57',
  unit: '/unit 工信局',
  leader: '/leader 王昌华',
  search: '/search 5G基站',
});


/** The dashboard's words in the chat (/dashboard, /weblink, the menu button). */
export const DASHBOARD_MESSAGES = Object.freeze({
  menuButton: '看板',
  open: '打开看板',
  openInBrowser: '在浏览器中打开',
  openPrivately: '私聊打开看板',
  dashboard: '进度看板：各单位、各领导的红黄绿灯，可筛选、搜索，点开查看每项目标的进展和历史。',
  dashboardInGroup: '看板请在与我的私聊中打开：',
  weblinkInGroup: '个人链接只在私聊中发送，请私聊我发送 /weblink。',
  /** plain text: the link itself follows on its own line */
  weblink: (until: string, days: number) =>
    `这是您本人的看板链接，可在电脑浏览器中打开，${days} 天内有效（至 ${until}）。请勿转发：持有链接的人都能查看数据。发送 /weblink off 可随时停用。`,
  weblinkOff: (n: number) => (n > 0 ? `已停用您的 ${n} 个看板链接。` : '您没有有效的看板链接。'),
  weblinkUsage: '用法：/weblink 获取链接，/weblink off 停用全部链接。',
});

export const DASHBOARD_COMMANDS: readonly BotCommand[] = Object.freeze([
  { command: 'dashboard', description: '打开进度看板' },
  { command: 'weblink', description: '获取在浏览器中打开看板的个人链接' },
]);
