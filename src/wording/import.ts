/** The words of an import's summary, read by an admin in the terminal or in the chat (plain text). */
export const IMPORT_WORDS = Object.freeze({
  /** 菏泽市 2022年第三季度（截至 2022-09-30） */
  reportName: (name: string, year: number, period: string, asOf: string) => `${name} ${year}年${period}（截至 ${asOf}）`,
  /** the 序号 a count stands for, the first few */
  ids: (shown: string[], more: boolean) => (shown.length === 0 ? '' : `（${shown.join('、')}${more ? ' …' : ''}）`),
  counts: (targets: number, assignments: number, lagging: number, ids: string) => `目标 ${targets} 项，分工 ${assignments} 条，滞后 ${lagging} 项${ids}`,
  comparedWith: (period: string) => `与上一期（${period}）相比：`,
  change: Object.freeze({
    'became-lagging': '新增滞后',
    recovered: '恢复正常',
    new: '新增目标',
    removed: '移除目标',
    'progress-changed': '进展更新',
  }),
  changeLine: (what: string, n: number, ids: string) => `· ${what} ${n} 项${ids}`,
  duplicate: '这份表格与当前数据完全相同，未重复导入。',
  dryRun: '（试运行：已校验，未保存）',
  stored: '已保存为当前数据。',
  /** `npm run import` while the bot runs on the same data: the bot imports it */
  handedToBot: (pid: number) => `机器人正在运行（进程 ${pid}），表格已交给它导入……`,
  failed: (why: string) => `导入失败：${why}`,
});
