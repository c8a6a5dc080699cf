import { narrows } from '../filter-kinds';
import type { ParsePass } from './state';

/**
 * Last: what kind of answer the filters and words ask for. Words left over
 * ask about a topic (5G基站完成率, 希望小屋有多少), not for the overview; a
 * count with a filter is that list, counted (工信局有几项目标); with no filter
 * and no words only 所有目标 or a 变化 question lists everything. A place the
 * report does not cover, a title two leaders share, or 我们局 from someone who
 * has not said which unit, answers nothing yet.
 */
export const createKindPass = (): ParsePass => ({
  name: 'kind',
  run(s) {
    const q = s.query;
    if (s.units.size > 0) q.units = [...s.units];
    if (s.leaders.size === 1) q.leader = [...s.leaders][0];
    else if (s.leaders.size > 1) q.leaders = [...s.leaders];
    if (!q.units || !(q.leader || q.leaders)) delete q.anyOf;
    if (s.readAs.length > 0) q.readAs = s.readAs;
    const terms = [...new Set(s.groups.map((g) => g[0] as string))];
    if (terms.length > 0) {
      q.terms = terms;
      q.phrase = [...new Set(s.phrases)].filter((p, _, all) => !all.some((o) => o !== p && o.includes(p))).join(' ');
    }
    const filtered = narrows(q);
    const unknownOwn = q.askWhich && (q.askWhich.kind === 'unit' ? !q.units : !(q.leader || q.leaders));
    if (q.outside || s.ambiguousLeaders || unknownOwn) q.kind = 'none';
    // a ranking compares groups whatever else is said around it (按数量从多到少说一下就行)
    else if (q.rank || (s.stats && terms.length === 0)) q.kind = 'stats';
    else if (s.count && terms.length === 0) {
      // 全市一共有多少项, 按计划的有多少: how many across the report is the overview's figure
      const counted = filtered && !s.everything;
      q.kind = counted ? 'list' : 'stats';
      if (counted) q.count = true;
    } else if (filtered) q.kind = terms.length > 0 ? 'search' : 'list';
    else if (terms.length > 0) q.kind = 'search';
    else q.kind = (s.everything || q.history) && !q.unresolved ? 'list' : 'none';
  },
});
