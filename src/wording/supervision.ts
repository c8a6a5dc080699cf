import type { TableExamples } from '../qa/examples';
import type { BotCommand } from 'telegraf/types';
import { escapeHtml, htmlField, shorten } from '../text/telegram-text';

/** How much of a unit's or a target's name a line repeats, characters. */
const NAME = 30;
const TARGET = 60;
const REPLY = 200;

const time = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

/**
 * What the supervision loop (督办) says: binding a chat to a unit, reminders (催办), the units'
 * replies (反馈) and the overview. Functions marked HTML escape their data.
 */
export const SUPERVISION_MESSAGES = Object.freeze({
  bindUsage: '用法：/bind 单位名称，例如 /bind 市科技局（简称、曾用名都可以）。',
  bindNotFound: (text: string) => `没有找到单位“${shorten(text, NAME, { oneLine: true })}”，请写表中的单位名称或常用简称。`,
  bindAmbiguous: (text: string, units: readonly string[]) => `“${shorten(text, NAME, { oneLine: true })}”对应多个单位：${units.join('、')}。请写得更具体一些。`,
  groupAdminsOnly: '只有群管理员可以为本群绑定或解除单位。',
  remindSetUsage:
    '用法：/remindset 周一（每周一催办滞后目标）、/remindset 提前3天（完成时限前 3 天催办）、/remindset 每周关、/remindset 提前关、/remindset 关（都不要）、/remindset 默认（按全局设置）；可以一起写，如 /remindset 周五 提前7天。',
  remindSetNotBound: '本聊天还没有绑定单位，没有定时催办可设置。请先发送 /bind 单位名称。',
  remindSetAdminsOnly: '只有群管理员或机器人管理员可以设置本群的定时催办。',
  /** the chat's schedule; `own` marks the values set by /remindset rather than the global ones */
  remindSchedule: (weekday: number, beforeDays: number, own: { weekday: boolean; beforeDays: boolean }) =>
    `本聊天的定时催办：\n• 每周催办滞后目标：${weekday === 0 ? '关' : `每周${'一二三四五六日'[weekday - 1]}`}${own.weekday ? '' : '（全局设置）'}\n• 完成时限前催办：${beforeDays === 0 ? '关' : `提前 ${beforeDays} 天`}${own.beforeDays ? '' : '（全局设置）'}`,
  /** HTML */
  bindRequested: (unit: string) => `已申请将本聊天绑定到 <b>${htmlField(unit, NAME)}</b>，等待管理员批准。批准后，催办会发到这里，本聊天的成员可以为该单位反馈。`,
  /** HTML */
  bindPendingAlready: (unit: string) => `本聊天绑定到 <b>${htmlField(unit, NAME)}</b> 的申请正在等待管理员批准。`,
  /** HTML */
  bindApprovedAlready: (unit: string) => `本聊天已经绑定到 <b>${htmlField(unit, NAME)}</b>。`,
  /** HTML */
  bindRefusedBefore: (unit: string) => `本聊天绑定到 <b>${htmlField(unit, NAME)}</b> 的申请已被管理员拒绝。如有疑问请联系督查室。`,
  /** HTML: to each admin */
  bindRequestForAdmin: (unit: string, chat: string, person: string) =>
    `<b>绑定申请</b>\n聊天：${htmlField(chat, NAME)}\n申请人：${htmlField(person, NAME)}\n单位：<b>${htmlField(unit, NAME)}</b>\n批准后，该单位的催办会发到这个聊天，聊天成员可以为该单位反馈。`,
  approveButton: '✅ 批准',
  refuseButton: '❌ 拒绝',
  /** HTML */
  bindDecided: (unit: string, chat: string, approved: boolean) => `${approved ? '✅ 已批准' : '❌ 已拒绝'}：${htmlField(chat, NAME)} 绑定到 <b>${htmlField(unit, NAME)}</b>`,
  /** HTML: to the chat that asked */
  bindDecidedForChat: (unit: string, approved: boolean) =>
    approved ? `✅ 管理员已批准：本聊天已绑定到 <b>${htmlField(unit, NAME)}</b>。收到催办后，点“反馈”说明进展。` : `管理员没有批准本聊天绑定到 <b>${htmlField(unit, NAME)}</b>。如有疑问请联系督查室。`,
  bindAlreadyDecided: '这个申请已经处理过了。',
  adminsOnly: '只有管理员可以这样做。',
  noBindings: '本聊天还没有绑定单位。发送 /bind 单位名称 申请绑定，例如 /bind 市科技局。',
  noBindingsAtAll: '还没有任何聊天绑定单位。',
  /** HTML */
  bindingsTitle: (n: number) => `<b>已绑定 ${n} 个</b>（点按钮解除）：`,
  bindingState: { pending: '待批准', approved: '已批准', refused: '已拒绝' } as const,
  removeBindingButton: (unit: string, chat: string | undefined, state: string) => `❌ ${shorten(unit, 16)}${chat ? ` · ${shorten(chat, 12)}` : ''}（${state}）`,
  /** HTML */
  unbound: (unit: string) => `已解除绑定：<b>${htmlField(unit, NAME)}</b>`,
  staleButton: '这个按钮已失效。',

  /** a report's period as headers name it: 2022年第三季度 */
  period: (year: number, period: string) => `${year}年${period}`,
  remindUsage: (ex: TableExamples) =>
    `用法：/remind 滞后、/remind ${ex.units[0] ?? '工信局'}、/remind ${ex.leaders[0] ?? '王昌华'}分管的，或任意问题（如 /remind ${ex.deadline ?? '年底'}到期的滞后项目）。`,
  remindNothing: (question: string) => `“${shorten(question, NAME, { oneLine: true })}”没有需要催办的目标（只催办红灯、黄灯的目标，或问题里写明的状态）。`,
  /** HTML: the preview an admin confirms */
  remindPreview: (p: { targets: number; units: readonly { unit: string; targets: number; chats: number }[]; unbound: readonly string[] }) => {
    const lines = [`<b>催办预览</b>：${p.targets} 项目标，${p.units.length} 个单位的 ${p.units.reduce((n, u) => n + u.chats, 0)} 个聊天将收到催办：`];
    for (const u of p.units) lines.push(`• ${htmlField(u.unit, NAME)}：${u.targets} 项 → ${u.chats} 个聊天`);
    if (p.unbound.length > 0) lines.push(`\n以下单位没有绑定聊天，收不到催办：${p.unbound.map((u) => escapeHtml(shorten(u, NAME))).join('、')}`);
    lines.push('\n确认发送吗？');
    return lines.join('\n');
  },
  remindNobody: (unbound: readonly string[]) => `这些目标的责任单位都没有绑定聊天，无法催办：${unbound.map((u) => shorten(u, NAME)).join('、')}。请先让各单位发送 /bind 单位名称。`,
  confirmButton: '✅ 确认发送',
  cancelButton: '取消',
  remindCancelled: '已取消催办。',
  remindExpired: '这个催办预览已过期（数据已更新或已发送），请重新发送 /remind。',
  /** HTML */
  remindQueued: (messages: number, chats: number) => `✅ 已安排发送 ${messages} 条催办到 ${chats} 个聊天（按发送速率依次发出）。`,
  /** HTML: the reminder a unit's chat gets; `part` of `parts` when the list is split */
  reminderHeader: (unit: string, count: number, period: string, part: number, parts: number) =>
    `<b>【催办】${htmlField(unit, NAME)}</b>${parts > 1 ? `（${part}/${parts}）` : ''}\n${escapeHtml(period)}，以下 ${count} 项目标需要关注，请点对应的“反馈”按钮说明进展：`,
  /** HTML */
  reminderLine: (id: string, emoji: string, text: string) => `${emoji} <b>${escapeHtml(id)}</b> ${htmlField(text, TARGET)}`,
  feedbackButton: (id: string) => `反馈 ${id}`,
  remindButton: '📣 催办',

  /** HTML: after 反馈 was tapped */
  askReply: (id: string, unit: string, max: number) =>
    `请回复第 <b>${escapeHtml(id)}</b> 项的进展（代表 ${htmlField(unit, NAME)}），直接发送文字即可，不超过 ${max} 字；可以附一张照片或一个文件（写在说明里）。`,
  notBound: '本聊天还没有绑定单位，不能反馈。请先发送 /bind 单位名称，经管理员批准后再反馈。',
  notResponsible: (id: string) => `本聊天绑定的单位不是第 ${id} 项的责任单位，不能为它反馈。`,
  targetGone: (id: string) => `当前数据中没有第 ${id} 项，不能反馈。`,
  replyTooLong: (max: number, length: number) => `反馈太长：最多 ${max} 字，现在是 ${length} 字。请精简后重新发送。`,
  replyPickTarget: '这条催办有多项目标，请点对应的“反馈”按钮，再发送进展。',
  replyEmpty: '请用文字说明进展（照片或文件请附上说明文字）。',
  fileTooLarge: (maxMb: number) => `文件太大：反馈附件最大 ${maxMb} MB。请压缩后重新发送，或只发文字。`,
  /** HTML */
  replyStored: (id: string, unit: string) => `✅ 已收到 ${htmlField(unit, NAME)} 对第 <b>${escapeHtml(id)}</b> 项的反馈，谢谢！`,

  /** HTML: the latest reply under a target's detail */
  latestReply: (r: { unit: string; person: string; at: string; text: string; file?: boolean }, timeZone: string) =>
    `💬 <b>最新反馈</b>（${htmlField(r.unit, NAME)} · ${htmlField(r.person, 16)} · ${time(r.at, timeZone)}）：${htmlField(r.text, REPLY)}${r.file ? ' 📎' : ''}`,
  /** HTML */
  repliesOf: (id: string, lines: readonly string[]) => (lines.length === 0 ? `第 <b>${escapeHtml(id)}</b> 项还没有反馈。` : `<b>第 ${escapeHtml(id)} 项的反馈</b>\n${lines.join('\n')}`),
  /** HTML */
  replyLine: (r: { unit: string; person: string; at: string; text: string }, timeZone: string) =>
    `• ${htmlField(r.unit, NAME)} · ${htmlField(r.person, 16)} · ${time(r.at, timeZone)}：${htmlField(r.text, REPLY)}`,
  /** HTML */
  unitReplied: (unit: string, p: { reminded?: string; replied: readonly string[]; missing: readonly string[] }, timeZone: string) => {
    if (!p.reminded) return `${htmlField(unit, NAME)} 本期还没有被催办。`;
    const head = `${htmlField(unit, NAME)} 于 ${time(p.reminded, timeZone)} 被催办`;
    if (p.missing.length === 0) return `${head}，已全部反馈（第 ${p.replied.join('、')} 项）。`;
    return `${head}，${p.replied.length > 0 ? `已反馈第 ${p.replied.join('、')} 项，` : ''}还没有反馈第 ${p.missing.join('、')} 项。`;
  },
  /** HTML */
  notRepliedUnits: (units: readonly { unit: string; missing: readonly string[] }[]) =>
    units.length === 0 ? '本期被催办的单位都已反馈。' : `<b>还没有反馈的单位（${units.length} 个）</b>\n${units.map((u) => `• ${htmlField(u.unit, NAME)}：第 ${u.missing.join('、')} 项`).join('\n')}`,
  noReminders: '本期还没有发出催办。',

  /** HTML: /feedback */
  overviewTitle: (period: string) => `<b>督办情况</b>（${escapeHtml(period)}）`,
  /** HTML */
  overviewLine: (o: { unit: string; reminded: string; times: number; replied: number; targets: number; overdue: boolean }, timeZone: string) =>
    `${o.replied >= o.targets ? '✅' : o.overdue ? '⏰' : '⏳'} ${htmlField(o.unit, NAME)}：催办 ${o.times} 次（最近 ${time(o.reminded, timeZone)}），已反馈 ${o.replied}/${o.targets} 项${o.overdue && o.replied < o.targets ? '，已逾期' : ''}`,
  overviewFooter: (days: number) => `⏰ 表示催办后超过 ${days} 天仍未全部反馈。`,
});

/** The supervision commands for setMyCommands: Latin names, Chinese descriptions. */
export const SUPERVISION_COMMANDS: Readonly<Record<'bind' | 'remind' | 'remindset' | 'feedback', BotCommand>> = Object.freeze({
  bind: { command: 'bind', description: '绑定本聊天到责任单位：/bind 加单位名称' },
  remind: { command: 'remind', description: '催办（管理员）：/remind 滞后 或 /remind 加单位名称' },
  remindset: { command: 'remindset', description: '本单位的定时催办：/remindset 周一、提前3天、关、默认' },
  feedback: { command: 'feedback', description: '督办情况：催办、反馈、逾期（管理员）' },
});
