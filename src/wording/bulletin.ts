import type { BotCommand } from 'telegraf/types';

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/**
 * The bulletin (通报) and the exports: the words of the Word document and the spreadsheets
 * /report, the dashboard and the 导出 button produce, and of the chat around them.
 */
export const BULLETIN_WORDS = Object.freeze({
  /** 菏泽市2022年第三季度责任目标推进情况通报; a table whose title names no city starts with the year */
  title: (city: string, year: number, period: string): string => `${city}${year}年${period}责任目标推进情况通报`,
  /** 截至2022年9月30日 */
  asOf: (asOf: string): string => {
    const [y, m, d] = asOf.split('-').map(Number);
    return y && m && d ? `截至${y}年${m}月${d}日` : '';
  },
  /** the Word document's fonts, as Chinese offices name them (a language's documents have their own) */
  fonts: Object.freeze({ body: '仿宋', heading: '黑体' }),
  generated: (at: string): string => `生成时间：${at}`,
  source: (title: string): string => `数据来源：${title}`,
  overviewHeading: '一、总体情况',
  unitsHeading: '二、各责任单位推进情况',
  leadersHeading: '三、各市政府领导分管目标推进情况',
  laggingHeading: '四、滞后目标及责任单位反馈',
  silentHeading: '五、未反馈的单位',
  /** the overview paragraph */
  overview: (targets: number, assignments: number, onPlan: number, lagging: number, rate: number): string =>
    `本期共有责任目标 ${targets} 项（分工 ${assignments} 条），按计划推进 ${onPlan} 项，未按计划完成进度（滞后）${lagging} 项，按计划率 ${percent(rate)}。`,
  stages: (parts: string[]): string => `按进度评价：${parts.join('，')}。`,
  stagePart: (label: string, n: number): string => `${label} ${n} 项`,
  reminded: (units: number, silent: number): string =>
    units === 0 ? '本期尚未向责任单位催办。' : `本期已向 ${units} 个责任单位催办，其中 ${units - silent} 个已全部反馈，${silent} 个尚有目标未反馈。`,
  noneLagging: '本期没有滞后目标。',
  noneSilent: '已催办的单位均已反馈。',
  noReminders: '本期尚未催办，暂无未反馈的单位。',
  noReply: '暂无反馈',
  /** one reply in a cell: 市工信局 张三（10月5日 14:30）：正在推进… */
  reply: (unit: string, person: string, at: string, text: string): string => `${unit}${person ? ` ${person}` : ''}（${at}）：${text}`,
  rate: percent,
  columns: Object.freeze({
    unit: '责任单位',
    leader: '市政府领导',
    total: '目标数',
    lagging: '滞后',
    rate: '按计划率',
    id: '序号',
    text: '责任目标内容',
    deadline: '完成时限',
    progress: '完成情况',
    replies: '最新反馈',
    times: '催办次数',
    lastReminded: '最近催办',
    missing: '未反馈的目标（序号）',
    figure: '项目',
    value: '数值',
  }),
  /** the overview sheet's rows */
  figures: Object.freeze({
    targets: '目标（项）',
    assignments: '分工（条）',
    onPlan: '按计划推进（项）',
    lagging: '滞后（项）',
    rate: '按计划率',
    reminded: '已催办单位（个）',
    silent: '尚未反馈单位（个）',
  }),
  sheets: Object.freeze({ overview: '总体情况', units: '按责任单位', leaders: '按市政府领导', lagging: '滞后目标', silent: '未反馈单位', targets: '目标清单' }),
  /** the 导出 spreadsheet's columns, one row per target */
  exportColumns: Object.freeze({ id: '序号', leader: '领导', text: '内容', deadline: '时限', progress: '完成情况', onSchedule: '是否按计划', units: '责任单位' }),
  yes: '是',
  no: '否',
  /** the export's file name: 市科技局的目标.xlsx → "导出-2022年第三季度" when the question has no title */
  exportFileName: (year: number, period: string): string => `责任目标导出-${year}年${period}`,
});

/** What the chat says around the files. */
export const BULLETIN_MESSAGES = Object.freeze({
  exportButton: '📥 导出',
  reportAdminsOnly: '只有管理员可以生成通报。',
  /** caption of the Word document */
  reportCaption: (title: string): string => `${title}（Word）`,
  /** caption of the spreadsheet */
  reportSheetCaption: (title: string): string => `${title}（Excel 表格，含各单位、各领导、滞后目标和未反馈单位）`,
  exportCaption: (n: number): string => `已导出 ${n} 项目标。`,
  exportInPrivate: '请在与我的聊天中使用导出。',
  exportEmpty: '这个列表没有目标可以导出。',
  exporting: '正在生成表格……',
  tooLarge: (mb: number): string => `文件超过 Telegram 允许的 ${mb} MB，无法发送，请在看板下载。`,
});

export const BULLETIN_COMMANDS: readonly BotCommand[] = Object.freeze([{ command: 'report', description: '生成本期通报（Word 和 Excel，管理员）' }]);
