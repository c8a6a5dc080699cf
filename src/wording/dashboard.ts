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

/**
 * The page's own words (src/web/public). They reach the browser as `words.js` (window.PAGE_WORDS), which
 * src/web/assets.ts writes from this object; `{name}` marks where the page puts a value. `html` fills the
 * `{{name}}` marks of index.html when the page is loaded, escaped.
 */
export const PAGE_WORDS = Object.freeze({
  html: Object.freeze({
    title: '责任目标进度看板',
    quarter: '季度',
    chooseQuarter: '选择季度',
    totals: '总体',
    targets: '目标',
    lagging: '滞后',
    yellow: '黄灯',
    rate: '按计划率',
    bulletin: '本期通报：',
    downloadWord: '下载 Word',
    downloadExcel: '下载 Excel',
    byUnit: '按责任单位',
    byLeader: '按市政府领导',
    searchHint: '搜索或提问，如 工信局滞后的、5G基站',
    search: '搜索',
    unit: '责任单位',
    allUnits: '全部单位',
    leader: '市政府领导',
    allLeaders: '全部领导',
    light: '灯号',
    allLights: '全部灯号',
    red: '红灯（滞后）',
    green: '绿灯',
    deadline: '完成时限',
    allDeadlines: '全部时限',
    clear: '清除筛选',
    upload: '上传进度表（管理员）',
    feedbackTitle: '督办情况（本期催办与反馈）',
    import: '导入',
    close: '关闭',
  }),
  script: Object.freeze({
    lightNames: ['红灯', '黄灯', '绿灯'],
    title: '{city}{year}年{period}责任目标',
    subtitle: '截至 {asOf}{past} · 分工 {assignments} 条 · 绿灯 {green}',
    past: ' · 往期数据',
    stack: '红灯 {red} · 黄灯 {yellow} · 绿灯 {green}',
    rowLagging: '滞后 {n} · ',
    rowYellow: '黄 {n} · ',
    rowTotal: '共 {n}',
    less: '收起',
    all: '全部 {n} 个',
    listTitle: '目标 {n} 项 · 滞后 {lagging} · 黄灯 {yellow}',
    noTargets: '没有符合条件的目标。',
    more: '显示更多（还有 {n} 项）',
    chart: '各期进度',
    absent: '无此项',
    loading: '加载中…',
    item: '第 {id} 项',
    behind: '未按计划',
    deadline: '完成时限：{deadline}',
    goal: '目标：{goal}（进展中未写明完成数量）',
    history: '各期变化（{n} 期）',
    oneReport: '目前只有一期数据，还没有可比的变化。',
    assignments: '分工（{n} 条）',
    cooperating: ' ｜ 配合：{units}',
    unitSeparator: '、',
    onSchedule: '按计划推进',
    offSchedule: '未按计划完成进度',
    allUnits: '全部单位',
    allLeaders: '全部领导',
    allDeadlines: '全部时限',
    openFromTelegram: '请从 Telegram 中打开看板（/dashboard），或在与机器人的私聊中发送 /weblink 获取浏览器链接。',
    report: '{year}年{period}{current}',
    current: '（当前）',
    failed: '出错了，请稍后再试（网络或服务器没有回应）。',
    serverSaid: '服务器没有回应（{status}），请稍后再试。',
    whichColumn: '“{column}”是哪一列？',
    choose: '请选择',
    importMapped: '按此导入',
    importing: '正在导入……',
    replies: '单位反馈（{n} 条）',
    reply: '{unit} · {person} · {time}：{text}',
    fileAttached: '（附件）',
    noReminders: '本期还没有发出催办。',
    feedbackLine: '{unit}：催办 {times} 次（最近 {time}），已反馈 {replied}/{targets} 项',
    feedbackMissing: '，未反馈：第 {missing} 项',
    overdue: '已逾期',
    missingSeparator: '、',
  }),
});
