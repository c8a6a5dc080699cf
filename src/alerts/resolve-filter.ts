import type { Query } from '../qa/answer';
import type { SubscriptionFilter } from '../store/types';

export type Resolution = { ok: true; filter: SubscriptionFilter } | { ok: false; reason: 'ambiguous'; candidates: string[] } | { ok: false; reason: 'item' | 'none' };

const ALL_WORDS = new Set(['all', '全部', '所有', '全部滞后', '全部滞后项目', '所有滞后项目']);

/**
 * Turns what the question engine understood of `/subscribe TEXT` into a filter:
 * one unit → unit, a leader → leader, search words → keyword (selected as `/search`
 * selects it, so a unit or leader named with them narrows it as it narrows the search), "滞后"/"全部" →
 * every lagging target. Several units (an ambiguous short name) are offered as
 * choices; a 序号 is not a subscription.
 */
export const resolveFilter = (text: string, query: Query): Resolution => {
  const trimmed = text.trim();
  if (ALL_WORDS.has(trimmed.toLowerCase())) return { ok: true, filter: { kind: 'all' } };
  const terms = query.terms ?? [];
  const units = query.units ?? [];
  if (units.length > 1 && terms.length === 0) return { ok: false, reason: 'ambiguous', candidates: units };
  if (terms.length > 0) {
    const extra = [...(units.length === 1 ? units : []), ...(query.leader ? [query.leader] : [])];
    return { ok: true, filter: { kind: 'keyword', keyword: trimmed, terms: [...terms, ...extra] } };
  }
  if (units.length === 1) return { ok: true, filter: { kind: 'unit', unit: units[0]! } };
  if (query.leader) return { ok: true, filter: { kind: 'leader', leader: query.leader } };
  if (query.kind === 'item') return { ok: false, reason: 'item' };
  if (query.status === 'lagging') return { ok: true, filter: { kind: 'all' } };
  return { ok: false, reason: 'none' };
};
