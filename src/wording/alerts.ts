import { htmlField, shorten } from '../text/telegram-text';
import type { BotCommand } from 'telegraf/types';
import type { TableExamples } from '../qa/examples';

/** How much of a user's argument or a filter's name a reply repeats, characters. */
const ECHO = 40;

/** A user's argument repeated back in plain text: one line, shortened. */
const echo = (text: string): string => shorten(text, ECHO, { oneLine: true });

/**
 * Every Chinese sentence the alerts features say, in one place so the tone stays
 * the same: short, polite, plain. Functions that return HTML escape their data;
 * every piece of data they repeat is shortened, so no argument makes a reply too long.
 */
export const ALERT_MESSAGES = Object.freeze({
  subscribeMenu: '请选择要订阅的滞后提醒：',
  menuAll: '全部滞后项目',
  menuUnit: '按单位',
  menuLeader: '按领导',
  menuKeyword: '关键词',
  pickUnit: '请选择单位：',
  pickLeader: '请选择领导：',
  keywordHint: (ex: TableExamples) => `请发送 /subscribe 加关键词，例如：/subscribe ${ex.topic ?? '5G'}`,
  /** HTML */
  subscribed: (what: string) => `已订阅：<b>${htmlField(what, ECHO)}</b> 的滞后提醒`,
  /** HTML */
  alreadySubscribed: (what: string) => `已经订阅过：<b>${htmlField(what, ECHO)}</b> 的滞后提醒`,
  ambiguous: (mention: string) => `“${echo(mention)}”对应多个单位，请选择：`,
  /** the examples are the table's own, so another city's users never read this one's names */
  notUnderstood: (text: string, ex: TableExamples) =>
    `没有理解“${echo(text)}”。可以写单位（${ex.units[0] ?? '工信局'}）、领导（${ex.leaders[0] ?? '王昌华'}）或关键词（${ex.topic ?? '5G'}），或从下面选择：`,
  itemNotSupported: '暂不支持按序号订阅，请按单位、领导或关键词订阅。',
  none: '您还没有订阅。发送 /subscribe 开始订阅。',
  /** HTML */
  listTitle: (n: number) => `<b>当前订阅 ${n} 项</b>（点按钮取消）：`,
  removeButton: (what: string) => `❌ ${echo(what)}`,
  removed: (what: string) => `已取消：${echo(what)}`,
  /** HTML */
  unsubscribed: (what: string) => `已取消订阅：<b>${htmlField(what, ECHO)}</b>`,
  unsubscribedAll: (n: number) => (n === 0 ? '您没有订阅。' : `已取消全部 ${n} 项订阅。`),
  notSubscribed: (text: string) => `没有找到“${echo(text)}”的订阅。发送 /subscriptions 查看当前订阅。`,
  staleButton: '这个按钮已失效，请重新发送 /subscribe。',
  argumentTooLong: (max: number) => `订阅内容太长：单位、领导或关键词最多 ${max} 个字，请写得短一些。`,
  tooManySubscriptions: (max: number) => `每个聊天最多订阅 ${max} 项，已经达到上限。请先发送 /subscriptions 取消一些订阅。`,
  groupAdminsOnly: '只有群管理员可以修改本群的订阅。',
  digestUsage: '用法：/digest daily（每天）、/digest weekly（每周）或 /digest off（关闭）',
  digestSet: (mode: 'daily' | 'weekly' | 'off', time: string, weekday: string) =>
    mode === 'off' ? '已关闭定期汇总。' : mode === 'daily' ? `好的，每天 ${time} 发送滞后汇总。` : `好的，每${weekday} ${time} 发送滞后汇总。`,
  quietUsage: '用法：/quiet 22-8（22 点到次日 8 点静音提醒）或 /quiet off',
  quietSet: (range: string) => `好的，${range} 之间的提醒将静音发送。`,
  quietOff: '已取消静音时段。',
  yellowUsage: '用法：/yellow on（开启黄灯提醒）或 /yellow off（关闭）',
  yellowStatus: (on: boolean) => `黄灯提醒：${on ? '已开启' : '未开启'}。黄灯指按计划推进、但完成数量落后序时进度或已过完成时限的目标。\n用法：/yellow on（开启）或 /yellow off（关闭）`,
  yellowOn: (hasSubscriptions: boolean) =>
    `已开启黄灯提醒：导入新表后，订阅范围内转为黄灯和解除黄灯的目标会随变化提醒一起发送；定期汇总（/digest）也会列出当前黄灯项目。${
      hasSubscriptions ? '' : '\n您还没有订阅，发送 /subscribe 选择范围。'
    }`,
  yellowOff: '已关闭黄灯提醒，滞后提醒照常发送。',
  /** /subscribe 黄灯: yellow alerts are a chat setting over the chat's subscriptions, not a filter */
  subscribeYellowHint: '黄灯提醒按您已有的订阅范围发送，请发送 /yellow on 开启。',
  uploadNotAdmin: '抱歉，只有管理员可以上传进度表。如需更新数据，请联系管理员。',
  uploadWrongType: (name: string) => `无法导入“${name}”：请发送 .tsv、.csv 或 .xlsx 格式的进度表。`,
  uploadTooLarge: (limitBytes: number) => `文件太大，无法导入（上限 ${limitBytes >= 1024 * 1024 ? `${Math.floor(limitBytes / 1024 / 1024)} MB` : `${Math.ceil(limitBytes / 1024)} KB`}）。`,
  uploadReceived: '已收到表格，正在导入……',
  mappingAsk: (file: string, column: string, missing: string[]) =>
    `“${file}”的表头里没有找到“${column}”列${missing.length > 1 ? `（还缺：${missing.slice(1).join('、')}）` : ''}。请点选表中哪一列是“${column}”：`,
  mappingChosen: (cell: string, column: string) => `“${cell}”列作为“${column}”。`,
  mappingRemembered: '已记住这些列名，同一格式的表格下次上传时会直接导入。',
  mappingCancel: '取消导入',
  mappingCancelled: '已取消导入，当前数据未改动。',
  mappingStale: '这个问题已失效，请重新上传表格。',
  reactivated: '欢迎回来，订阅的提醒已恢复发送。',
});

export const WEEKDAYS = Object.freeze(['周日', '周一', '周二', '周三', '周四', '周五', '周六']);

export const ALERT_COMMANDS: Readonly<Record<'subscribe' | 'subscriptions' | 'unsubscribe' | 'digest' | 'quiet' | 'yellow', BotCommand>> = Object.freeze({
  subscribe: { command: 'subscribe', description: '订阅滞后提醒：/subscribe 加单位、领导或关键词' },
  subscriptions: { command: 'subscriptions', description: '查看和取消订阅' },
  unsubscribe: { command: 'unsubscribe', description: '取消订阅，如 /unsubscribe all' },
  digest: { command: 'digest', description: '定期汇总：/digest daily、weekly 或 off' },
  quiet: { command: 'quiet', description: '静音时段，如 /quiet 22-8' },
  yellow: { command: 'yellow', description: '黄灯（风险）提醒：/yellow on 或 off' },
});

/** How a subscription's filter reads in replies and digests: 全部滞后项目, 市工业和信息化局, 王昌华分管, 关键词“5G”. */
export const FILTER_WORDS = Object.freeze({
  all: '全部滞后项目',
  leader: (leader: string) => `${leader}分管`,
  keyword: (keyword: string) => `关键词“${keyword}”`,
});

/** What a keyword subscription covers, said wherever one is shown: the matcher is the search's. */
export const KEYWORD_SCOPE = '关键词订阅的范围即 /search 该关键词列出的目标。';

/**
 * The alert digests' words. HTML: every argument arrives escaped, and a line never
 * opens a tag it does not close (a digest is split between lines).
 */
export const DIGEST_WORDS = Object.freeze({
  sections: Object.freeze({
    'became-lagging': '🔴 新增滞后',
    new: '🆕 新增目标',
    'still-lagging': '🟠 仍滞后，进展有更新',
    recovered: '🟢 恢复正常',
    'progress-changed': '📝 进展更新',
    removed: '➖ 移出本期表格',
    'became-yellow': '🟡 转为黄灯',
    'left-yellow': '🟢 解除黄灯',
  }),
  section: (title: string, n: number) => `${title} ${n} 项`,
  /** a section carried over into the next part */
  continued: '（续）',
  /** after the header when a digest takes several messages */
  partOf: (part: number, parts: number) => `（${part}/${parts}）`,
  /** the units of a target, the first few named */
  units: (named: string[], more: boolean) => `${named.join('、')}${more ? ' 等' : ''}`,
  deadline: (deadline: string) => `时限 ${deadline}`,
  metaSeparator: ' · ',
  progress: (progress: string) => `进展：${progress}`,
  newLagging: '⚠️ 未按计划完成进度',
  stillYellow: (reason: string) => `🟡 仍为黄灯：${reason}`,
  lightNote: (light: 'became-yellow' | 'left-yellow' | 'yellow', reason: string) => `${light === 'left-yellow' ? '🟢' : '🟡'} ${reason}`,
  filters: (named: string[], total: number, yellow: boolean) => `订阅：${named.join('；')}${total > named.length ? ` 等 ${total} 项` : ''}${yellow ? '（含黄灯提醒）' : ''}`,
  importTitle: '<b>🔔 责任目标变化提醒</b>',
  since: (period: string) => `，与${period}相比`,
  importFooter: '发送 /subscriptions 管理订阅',
  scheduledTitle: (kind: 'daily' | 'weekly', today: string) => `<b>${kind === 'daily' ? '📋 每日滞后汇总' : '📋 每周滞后汇总'}</b> ${today}`,
  nothingLagging: (yellowToo: boolean) => `✅ 订阅范围内目前没有滞后${yellowToo ? '或黄灯' : ''}项目。`,
  dueSoon: (days: number, n: number) => `⏰ ${days} 天内到期 ${n} 项`,
  daysLeft: (days: number) => (days === 0 ? '<b>今天到期</b>' : `还剩 <b>${days}</b> 天`),
  lagging: (n: number) => `🔴 滞后 ${n} 项`,
  yellow: (n: number) => `🟡 黄灯 ${n} 项`,
  /** replies (反馈) units sent since the last digest, about targets the digest lists */
  replies: (n: number) => `💬 新反馈 ${n} 条`,
  /** HTML: its arguments arrive escaped */
  replyNote: (unit: string, person: string, text: string) => `💬 ${unit}（${person}）：${text}`,
  scheduledFooter: '发送 /digest off 停止汇总',
  noneLaggingNow: '目前没有符合条件的滞后项目，有变化时会通知您。',
  laggingNow: (n: number) => `<b>目前滞后 ${n} 项：</b>`,
  minimalTitle: '<b>🔔 责任目标提醒</b>（完整内容无法显示，以下为简要版）',
  minimalNoItems: '发送 /lagging 查看滞后项目，/subscriptions 管理订阅。',
  /** the 序号 arrive as escaped links */
  minimalItems: (links: string[]) => `涉及第 ${links.join('、')} 项。\n点序号或发送 /item 序号 查看详情。`,
});
