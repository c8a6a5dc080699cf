import type { ParsePass } from './state';

/**
 * Last: what kind of answer the filters and words ask for. Words left over
 * ask about a topic (5G基站完成率, 希望小屋有多少), not for the overview;
 * with no filter and no words only 所有目标 or a 变化 question lists everything.
 */
export const createKindPass = (): ParsePass => ({
  name: 'kind',
  run(s) {
    const q = s.query;
    if (s.units.size > 0) q.units = [...s.units];
    const terms = [...new Set(s.groups.map((g) => g[0] as string))];
    if (terms.length > 0) {
      q.terms = terms;
      q.phrase = [...new Set(s.phrases)].filter((p, _, all) => !all.some((o) => o !== p && o.includes(p))).join(' ');
    }
    const filtered = Boolean(q.units || q.leader || q.status || q.stage || q.deadline || q.light || q.risk);
    if (s.stats && terms.length === 0) q.kind = 'stats';
    else if (filtered) q.kind = terms.length > 0 ? 'search' : 'list';
    else if (terms.length > 0) q.kind = 'search';
    else q.kind = (s.everything || q.history) && !q.unresolved ? 'list' : 'none';
  },
});
