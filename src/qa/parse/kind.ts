import type { Query } from '../answer';
import { narrows } from '../filter-kinds';
import type { AskCues, ParsePass } from './state';

/** What the wording asked for, beside the filters: the inputs of the answer's kind. */
export interface KindCues extends AskCues {
  /** a statistics word (统计, 完成率, 占比) */
  stats: boolean;
  /** a count word (有几项, 多少条) */
  count: boolean;
  /** every target (所有目标, 全市) */
  everything: boolean;
}

/** The kinds a question's filters are reported with, when it asks for figures: they are the figures, not a filter. */
const FIGURE_FIELDS = ['status', 'stage', 'light'] as const;

/**
 * The one place the answer's kind is decided, from the query's filters, whether
 * search words are left, and how the question asked (cues). Words left over ask
 * about a topic (5G基站完成率, 希望小屋有多少), not for the overview. A request for
 * numbers gets numbers: statistics words (统计, 占比), a ranking, a total
 * (一共多少项, 给个总数) or two counts at once (共多少项，滞后几项) are statistics over
 * whatever the filters select; the second count's status is then one of the
 * figures, not a filter. A single count of a filter is that list, counted
 * (工信局有几项目标), and so is any count that asks to see them (一共几项都列给我).
 * A word for the state of things (完成情况) is statistics only when nothing
 * narrows it. With no filter and no words only 所有目标 or a 变化 question lists
 * everything. The engine asks again without the words when none of them occurs
 * in the table (这个表里一共多少条: 表里 is no topic).
 */
export const decideKind = (q: Query, hasTerms: boolean, cues: KindCues): { kind: Query['kind']; count?: true; figures?: true } => {
  const filtered = narrows(q);
  const figures = cues.stats || (cues.looseStats && !filtered);
  // 聂元科和王昌华各分管了多少项: counts of several named ones, apart, are figures whatever words are left
  const several = (q.leaders?.length ?? 0) + (q.units?.length ?? 0) >= 2;
  if (cues.each && cues.count && several && !cues.listing) return { kind: 'stats' };
  // 滞后率是多少: the status is the rate's figure over whatever else selects
  if (figures && !hasTerms && cues.rate && (q.status || q.stage || q.light)) return { kind: 'stats', figures: true };
  if (q.rank || (figures && !hasTerms)) return { kind: 'stats' };
  if (cues.count && !hasTerms) {
    const totalled = (cues.total || cues.counts >= 2) && !cues.listing;
    // 全部 beside a filter and a request to see them (团市委的全部给我列一下) is all of those, not the whole table
    if (filtered && (!cues.everything || cues.listing) && !totalled) return { kind: 'list', count: true };
    return { kind: 'stats', ...(cues.counts >= 2 ? { figures: true as const } : {}) };
  }
  if (filtered) return { kind: hasTerms ? 'search' : 'list' };
  if (hasTerms) return { kind: 'search' };
  return { kind: (cues.everything || q.history) && !q.unresolved ? 'list' : 'none' };
};

/**
 * Whether the question asked for figures in so many words (统计, 占比, 一共, 共多少项，滞后几项), not only
 * how many of something (报了多少家): when its words name nothing in the table, that request alone is answered.
 */
export const asksForFigures = (cues: KindCues): boolean => cues.stats || cues.total || cues.counts >= 2;

/** The query as statistics over its filters: a status asked as the second count (滞后几项) is a figure, not a filter. */
export const asFigures = (q: Query): Query => {
  const out = { ...q };
  for (const f of FIGURE_FIELDS) delete out[f];
  return out;
};

/**
 * Last: fills the query's names and words, and its kind (decideKind). A place
 * the report does not cover, a title two leaders share, or 我们局 from someone
 * who has not said which unit, answers nothing yet.
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
    const unknownOwn = q.askWhich && (q.askWhich.kind === 'unit' ? !q.units : !(q.leader || q.leaders));
    if (q.outside || s.ambiguousLeaders || unknownOwn) {
      q.kind = 'none';
      return;
    }
    const decided = decideKind(q, terms.length > 0, kindCuesOf(s));
    if (decided.figures) s.query = Object.assign(asFigures(q), { kind: decided.kind });
    else q.kind = decided.kind;
    // figures asked with words left around them (a ranking, several named ones counted apart) are figures whatever
    // those words: they select nothing, so the reply does not say they did
    if (decided.kind === 'stats' && terms.length > 0) {
      delete s.query.terms;
      delete s.query.phrase;
    }
    if (decided.count) s.query.count = true;
  },
});

/** The cues of a parse state, for decideKind (and for the engine to decide again). */
export const kindCuesOf = (s: { stats: boolean; count: boolean; everything: boolean; cues: AskCues }): KindCues => ({ ...s.cues, stats: s.stats, count: s.count, everything: s.everything });
