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
  /** start-up stopped: what went wrong, then where the details are */
  startFailed: (why: string) => `启动失败：${why}`,
  startFailedOther: '发生意外错误，详细信息见日志（设置 LOG_LEVEL=debug 可看到更多）。',
  askUsage: '用法：npm run ask -- [--data 表格文件] "问题"   或   npm run --silent ask -- [--data 表格文件] --json < 问题.txt（每行一个问题）',
  askNeedsTable: '--data 后面要写表格文件的路径。',
  copyUsage: '用法：npm run store:copy -- --from data/db.json --to postgres://用户名:密码@主机:5432/数据库名   （或反过来：--from postgres://… --to data/db.json）',
  copyNeedsValue: (option: string) => `${option} 后面要写一个值。`,
  copyUnknownOption: (option: string) => `没有 ${option} 这个选项。`,
  copySameStore: '--from 和 --to 是同一个存储。',
  /** a store that cannot be used, by StoreError's code: what happened and what to do */
  store: (code: StoreProblem, where: string): string => {
    switch (code) {
      case 'corrupt':
        return `数据存储 ${where} 已损坏或无法读取，已原样保留。请从备份恢复，或用 npm start -- --recover-db 启动（把损坏的文件移到一旁，跳过无法读取的部分）。`;
      case 'unsupported-version':
        return `数据存储 ${where} 的版本与本程序不一致。请升级机器人；若存储较旧，先用本版本正常启动一次完成升级。`;
      case 'locked':
        return `数据存储 ${where} 正被另一个进程使用。同一份 lowdb 存储只能由一个进程打开，请先停止那个进程，或改用 PostgreSQL（DATABASE_URL）。`;
      case 'write-failed':
        return `无法写入数据存储 ${where}。请检查磁盘空间和文件权限。`;
      case 'not-empty':
        return `目标存储 ${where} 不是空的，没有复制任何内容。请复制到一个新的空存储。`;
      case 'read-only':
        return `${where} 以只读方式打开，不能写入。`;
    }
  },
});

/** StoreError's codes (src/store/errors.ts), listed here so the wording does not reach into the store */
export type StoreProblem = 'corrupt' | 'unsupported-version' | 'locked' | 'write-failed' | 'not-empty' | 'read-only';
