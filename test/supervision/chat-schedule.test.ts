import { effectiveSchedule, parseRemindSetting } from '../../src/supervision/chat-schedule';

describe('parseRemindSetting', () => {
  it('reads weekdays, days before, off words and 默认, alone or together', () => {
    expect(parseRemindSetting('周一')).toEqual({ kind: 'set', change: { weekday: 1 } });
    expect(parseRemindSetting('星期日')).toEqual({ kind: 'set', change: { weekday: 7 } });
    expect(parseRemindSetting('每周天')).toEqual({ kind: 'set', change: { weekday: 7 } });
    expect(parseRemindSetting('提前3天')).toEqual({ kind: 'set', change: { beforeDays: 3 } });
    expect(parseRemindSetting('周五，提前7天')).toEqual({ kind: 'set', change: { weekday: 5, beforeDays: 7 } });
    expect(parseRemindSetting('关')).toEqual({ kind: 'set', change: { weekday: 0, beforeDays: 0 } });
    expect(parseRemindSetting('每周关 提前2天')).toEqual({ kind: 'set', change: { weekday: 0, beforeDays: 2 } });
    expect(parseRemindSetting('默认')).toEqual({ kind: 'default' });
  });

  it('refuses anything else whole, so a typo changes nothing', () => {
    for (const text of ['', '周八', '提前0天', '提前366天', '周一 明天', '默认 周一', 'monday']) expect(parseRemindSetting(text)).toBeUndefined();
  });
});

describe('effectiveSchedule', () => {
  it('takes the chat’s own values where set, 0 included, else the global ones', () => {
    const global = { weekday: 6, beforeDays: 7 };
    expect(effectiveSchedule(global, undefined)).toEqual(global);
    expect(effectiveSchedule(global, { weekday: 0 })).toEqual({ weekday: 0, beforeDays: 7 });
    expect(effectiveSchedule(global, { beforeDays: 3 })).toEqual({ weekday: 6, beforeDays: 3 });
  });
});
