/** What the terminal tools write for people: the local chat console, `npm run ask`, `npm run store:copy`. */
export const CONSOLE_WORDS = Object.freeze({
  prompt: '问> ',
  pageHint: '（n 下一页，p 上一页）',
  failed: (why: string) => `出错了：${why}`,
  /** `npm run ask --json`'s text for a question that threw */
  askFailed: '出错了，请换个问法。',
  copied: (from: string, to: string, counts: { reports: number; chats: number; subscriptions: number; alerts: number; settings: number; supervision: number }) =>
    `已复制 ${from} → ${to}：报表 ${counts.reports} 期，会话 ${counts.chats} 个，订阅 ${counts.subscriptions} 条，提醒 ${counts.alerts} 条，设置 ${counts.settings} 项，督办记录 ${counts.supervision} 条`,
  copyFailed: (why: string) => `复制失败：${why}`,
});
