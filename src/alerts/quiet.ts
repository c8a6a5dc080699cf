/** Quiet hours: local hours [from, to) in which alerts are sent with disable_notification. */
export interface QuietHours {
  from: number;
  to: number;
}

/** Parses "22-8" (also "22:00-08:00", "22～8"); undefined when it is not two hours 0–23 that differ. */
export const parseQuietHours = (text: string): QuietHours | undefined => {
  const m = /^\s*(\d{1,2})(?::00)?\s*[-~～到至]\s*(\d{1,2})(?::00)?\s*$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from > 23 || to > 23 || from === to) return undefined;
  return { from, to };
};

export const formatQuietHours = ({ from, to }: QuietHours): string => `${from}:00–${to}:00`;

/** The hour (0–23) of `at` in an IANA time zone. */
export const localHour = (at: Date, timeZone: string): number => Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));

/** Whether `at` falls in the quiet window; a window like 22-8 wraps past midnight. */
export const isQuiet = (quiet: QuietHours | undefined, at: Date, timeZone: string): boolean => {
  if (!quiet) return false;
  const hour = localHour(at, timeZone);
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
};

/** The local calendar date YYYY-MM-DD of `at` in a time zone. */
export const localDate = (at: Date, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The local weekday of `at`, 0 = Sunday … 6 = Saturday (croner's numbering). */
export const localWeekday = (at: Date, timeZone: string): number =>
  ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at));
