import { htmlField, shorten } from '../text/telegram-text';
import type { BotCommand } from 'telegraf/types';

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
  pickLeader: '请选择市政府领导：',
  keywordHint: '请发送 /subscribe 加关键词，例如：/subscribe 5G',
  /** HTML */
  subscribed: (what: string) => `已订阅：<b>${htmlField(what, ECHO)}</b> 的滞后提醒`,
  /** HTML */
  alreadySubscribed: (what: string) => `已经订阅过：<b>${htmlField(what, ECHO)}</b> 的滞后提醒`,
  ambiguous: (mention: string) => `“${echo(mention)}”对应多个单位，请选择：`,
  notUnderstood: (text: string) => `没有理解“${echo(text)}”。可以写单位（工信局）、领导（王昌华）或关键词（5G），或从下面选择：`,
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
  argumentTooLong: (max: number) => `订阅内容太长：单位、领导或关键词最多 ${max} 个字，请写得短一些，例如：/subscribe 5G`,
  tooManySubscriptions: (max: number) => `每个聊天最多订阅 ${max} 项，已经达到上限。请先发送 /subscriptions 取消一些订阅。`,
  groupAdminsOnly: '只有群管理员可以修改本群的订阅。',
  digestUsage: '用法：/digest daily（每天）、/digest weekly（每周）或 /digest off（关闭）',
  digestSet: (mode: 'daily' | 'weekly' | 'off', time: string, weekday: string) =>
    mode === 'off' ? '已关闭定期汇总。' : mode === 'daily' ? `好的，每天 ${time} 发送滞后汇总。` : `好的，每${weekday} ${time} 发送滞后汇总。`,
  quietUsage: '用法：/quiet 22-8（22 点到次日 8 点静音提醒）或 /quiet off',
  quietSet: (range: string) => `好的，${range} 之间的提醒将静音发送。`,
  quietOff: '已取消静音时段。',
  yellowUsage: '用法：/yellow on（开启黄灯提醒）或 /yellow off（关闭）',
  yellowStatus: (on: boolean) =>
    `黄灯提醒：${on ? '已开启' : '未开启'}。黄灯指按计划推进、但完成数量落后序时进度或已过完成时限的目标。\n用法：/yellow on（开启）或 /yellow off（关闭）`,
  yellowOn: (hasSubscriptions: boolean) =>
    `已开启黄灯提醒：导入新表后，订阅范围内转为黄灯和解除黄灯的目标会随变化提醒一起发送；定期汇总（/digest）也会列出当前黄灯项目。${
      hasSubscriptions ? '' : '\n您还没有订阅，发送 /subscribe 选择范围。'
    }`,
  yellowOff: '已关闭黄灯提醒，滞后提醒照常发送。',
  /** /subscribe 黄灯: yellow alerts are a chat setting over the chat's subscriptions, not a filter */
  subscribeYellowHint: '黄灯提醒按您已有的订阅范围发送，请发送 /yellow on 开启。',
  uploadNotAdmin: '抱歉，只有管理员可以上传进度表。如需更新数据，请联系管理员。',
  uploadWrongType: (name: string) => `无法导入“${name}”：请发送 .tsv、.csv 或 .xlsx 格式的进度表。`,
  uploadTooLarge: (limitBytes: number) =>
    `文件太大，无法导入（上限 ${limitBytes >= 1024 * 1024 ? `${Math.floor(limitBytes / 1024 / 1024)} MB` : `${Math.ceil(limitBytes / 1024)} KB`}）。`,
  uploadReceived: '已收到表格，正在导入……',
  uploadFailed: (why: string) => `导入失败：${why}`,
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
  subscribe: { command: 'subscribe', description: '订阅滞后提醒，如 /subscribe 工信局' },
  subscriptions: { command: 'subscriptions', description: '查看和取消订阅' },
  unsubscribe: { command: 'unsubscribe', description: '取消订阅，如 /unsubscribe all' },
  digest: { command: 'digest', description: '定期汇总：/digest daily、weekly 或 off' },
  quiet: { command: 'quiet', description: '静音时段，如 /quiet 22-8' },
  yellow: { command: 'yellow', description: '黄灯（风险）提醒：/yellow on 或 off' },
});
