import { isQuiet, localDate, localHour, localWeekday, parseQuietHours } from '../../src/alerts/quiet';

describe('quiet hours', () => {
  it('parses 22-8 and its variants, and refuses nonsense', () => {
    expect(parseQuietHours('22-8')).toEqual({ from: 22, to: 8 });
    expect(parseQuietHours('22:00-08:00')).toEqual({ from: 22, to: 8 });
    expect(parseQuietHours('13～14')).toEqual({ from: 13, to: 14 });
    expect(parseQuietHours('25-8')).toBeUndefined();
    expect(parseQuietHours('8-8')).toBeUndefined();
    expect(parseQuietHours('night')).toBeUndefined();
  });

  it('wraps a window past midnight, in the bot’s time zone', () => {
    const quiet = { from: 22, to: 8 };
    const shanghai = (iso: string): boolean => isQuiet(quiet, new Date(iso), 'Asia/Shanghai');
    expect(shanghai('2022-10-10T14:00:00Z')).toBe(true); // 22:00 local
    expect(shanghai('2022-10-10T23:59:00Z')).toBe(true); // 07:59 local
    expect(shanghai('2022-10-11T00:00:00Z')).toBe(false); // 08:00 local
    expect(shanghai('2022-10-10T13:59:00Z')).toBe(false); // 21:59 local
    expect(isQuiet({ from: 12, to: 14 }, new Date('2022-10-10T04:30:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(isQuiet(undefined, new Date(), 'Asia/Shanghai')).toBe(false);
  });

  it('reads local hour, date and weekday in a time zone', () => {
    const at = new Date('2022-10-09T17:30:00Z'); // Monday 01:30 in Shanghai, Sunday in UTC
    expect(localHour(at, 'Asia/Shanghai')).toBe(1);
    expect(localDate(at, 'Asia/Shanghai')).toBe('2022-10-10');
    expect(localWeekday(at, 'Asia/Shanghai')).toBe(1);
    expect(localWeekday(at, 'UTC')).toBe(0);
  });
});
