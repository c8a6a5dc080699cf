import type { UnitStatus } from '../../supervision/status';
import { api } from './api';
import { $, el, localTime } from './dom';
import { fill, W } from './words';

/** Admins' panel: the period's reminded units, the overdue first, as /feedback lists them. */
export const showFeedback = async (): Promise<void> => {
  const { units } = await api('feedback');
  const rank = (u: UnitStatus): number => (u.missing.length === 0 ? 2 : u.overdue ? 0 : 1);
  const rows = [...units]
    .sort((a, b) => rank(a) - rank(b))
    .map((u) => {
      const text = fill(W.feedbackLine, { unit: u.unit, times: u.times, time: localTime(u.reminded), replied: u.replied.length, targets: u.targets.length });
      const missing = u.missing.length > 0 ? fill(W.feedbackMissing, { missing: u.missing.join(W.missingSeparator) }) : '';
      const row = el('li', u.overdue ? 'late' : '', text + missing);
      if (u.overdue) row.append(el('span', 'badge r', W.overdue));
      return row;
    });
  $('feedback-units').replaceChildren(...(rows.length > 0 ? rows : [el('li', 'hint', W.noReminders)]));
};
