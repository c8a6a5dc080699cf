import type { SettingsStore } from '../store/ports';

/**
 * A bound chat's own schedule for scheduled reminders (/remindset), over UNIT_REMIND_WEEKDAY and
 * UNIT_REMIND_BEFORE_DAYS: a field left out follows the global value, 0 turns that reminder off.
 */
export interface ChatRemindSchedule {
  /** 1–7 (Monday–Sunday), 0 never */
  weekday?: number;
  /** N > 0 days before a deadline, 0 never */
  beforeDays?: number;
}

/** Kept in the store's settings (lowdb journal or PostgreSQL), keyed by chat id: every replica reads the same. */
export const REMIND_SCHEDULE_SCOPE = 'remind-schedule';

const WEEKDAYS: Readonly<Record<string, number>> = Object.freeze({ 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 });

/** What `/remindset …` asks for: a change of the chat's schedule, or going back to the global one. */
export type RemindSetting = { kind: 'set'; change: ChatRemindSchedule } | { kind: 'default' };

/**
 * `周一`…`周日` (or 星期一), `提前3天`, `每周关`, `提前关`, `关` (both off), `默认` (the global
 * values again); several words separated by spaces combine (`周五 提前7天`). Undefined when a word is none of these.
 */
export const parseRemindSetting = (text: string): RemindSetting | undefined => {
  const words = text
    .trim()
    .split(/[\s,，、]+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length === 1 && words[0] === '默认') return { kind: 'default' };
  const change: ChatRemindSchedule = {};
  for (const word of words) {
    const weekday = /^(?:周|星期|每周)([一二三四五六日天])$/.exec(word);
    const before = /^提前(\d{1,3})天$/.exec(word);
    if (weekday) change.weekday = WEEKDAYS[weekday[1]!]!;
    else if (before && Number(before[1]) >= 1 && Number(before[1]) <= 365) change.beforeDays = Number(before[1]);
    else if (word === '每周关') change.weekday = 0;
    else if (word === '提前关') change.beforeDays = 0;
    else if (word === '关') Object.assign(change, { weekday: 0, beforeDays: 0 });
    else return undefined;
  }
  return { kind: 'set', change };
};

/** The chats' schedules in the store's settings. */
export const createRemindSchedules = (settings: Pick<SettingsStore, 'get' | 'put' | 'delete' | 'list'>) => ({
  get: (chatId: number): Promise<ChatRemindSchedule | undefined> => settings.get<ChatRemindSchedule>(REMIND_SCHEDULE_SCOPE, String(chatId)),
  /** merges `change` into the chat's schedule; returns the result */
  async change(chatId: number, change: ChatRemindSchedule): Promise<ChatRemindSchedule> {
    const next = { ...(await this.get(chatId)), ...change };
    await settings.put(REMIND_SCHEDULE_SCOPE, String(chatId), next);
    return next;
  },
  reset: (chatId: number): Promise<boolean> => settings.delete(REMIND_SCHEDULE_SCOPE, String(chatId)),
  async all(): Promise<Map<number, ChatRemindSchedule>> {
    return new Map((await settings.list<ChatRemindSchedule>(REMIND_SCHEDULE_SCOPE)).map((e) => [Number(e.key), e.value]));
  },
});

export type RemindSchedules = ReturnType<typeof createRemindSchedules>;

/** A chat's schedule with the global values filled in. */
export const effectiveSchedule = (global: Required<ChatRemindSchedule>, own: ChatRemindSchedule | undefined): Required<ChatRemindSchedule> => ({
  weekday: own?.weekday ?? global.weekday,
  beforeDays: own?.beforeDays ?? global.beforeDays,
});
