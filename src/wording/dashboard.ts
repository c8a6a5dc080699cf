import type { BotCommand } from 'telegraf/types';

/** What the dashboard's API says when it refuses, in the page's language. */
export const WEB_MESSAGES = Object.freeze({
  tooFast: '请求太频繁，请稍等几秒再试。',
  unauthorized: '登录已失效或签名无效，请从 Telegram 重新打开看板，或在私聊中发送 /weblink 获取新链接。',
  notAllowed: '抱歉，本看板仅供指定单位使用。如需开通，请联系管理员。',
  notFound: '没有这个页面。',
  noReport: '没有这一期数据。',
  noTarget: (id: string) => `本期没有第 ${id} 项。`,
  adminsOnly: '只有管理员可以上传进度表。',
  wrongType: (name: string) => `无法导入“${name}”：请选择 .tsv、.csv 或 .xlsx 格式的进度表。`,
  tooLarge: (mb: number) => `文件太大（上限 ${mb} MB）。`,
  /** a table whose header lacks columns: the page then asks which header is which */
  mappingAsk: (missing: string[]) => `表格里没有找到“${missing.join('”“')}”列。请在下面指明哪一列是哪一列，然后重新导入；导入成功后会记住，同一单位下一期的表格不用再选。`,
  badColumns: '列的对应关系无效，请重新选择。',
  methodNotAllowed: '不支持这种请求。',
  badFormat: '请选择下载 Word（docx）或 Excel（xlsx）格式。',
  /** any HTTP surface (page, API, webhook): a request that cannot be read, or one that failed on our side */
  badRequest: '请求无效。',
  serverError: '服务器出错，请稍后再试。',
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
  weblink: (until: string, days: number, perUser: number) =>
    `这是您本人的看板链接，可在电脑浏览器中打开，${days} 天内有效（至 ${until}）。请勿转发：持有链接的人都能查看数据。每人最多保留 ${perUser} 个有效链接，再获取时最早的一个会停用；发送 /weblink off 可随时停用全部链接。`,
  weblinkOff: (n: number) => (n > 0 ? `已停用您的 ${n} 个看板链接。` : '您没有有效的看板链接。'),
  weblinkUsage: '用法：/weblink 获取链接，/weblink off 停用全部链接。',
});

export const DASHBOARD_COMMANDS: readonly BotCommand[] = Object.freeze([
  { command: 'dashboard', description: '打开进度看板' },
  { command: 'weblink', description: '获取在浏览器中打开看板的个人链接' },
]);
