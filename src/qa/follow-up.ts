import type { Query } from './answer';
import { dropKind, filtersOf, hasKind, kindsOf, pickKind, replaceKind, type FilterKindName } from './filter-kinds';
import type { ParsedQuestion, Pointer, Speaker } from './parse-question';

/**
 * Follow-up questions: what a message of a conversation takes from the
 * question before it. Pure functions over parsed questions; the engine runs
 * them (engine.converse) and the bot keeps the Conversation in the store.
 */

/** A question as understood, as a conversation keeps it (JSON): its query and search words. */
export interface Understood {
  query: Query;
  groups: string[][];
  phrases: string[];
}

/** What a conversation remembers between messages (JSON, kept in the store's ConversationStore). */
export interface Conversation {
  /** the last question as understood: what the list on screen is */
  last?: Understood;
  /** the page of that list the user is on */
  page?: number;
  /** who the user said they are */
  speaker?: Speaker;
}

/**
 * The words that tie a message to the one before, whatever else it says:
 * a closed class of particles and phrases of reference, not topics or names.
 */
export interface Cues {
  /** 那商务局的呢, 换成生态环境局, 科技局也查一下: the named part replaces its counterpart */
  swap: boolean;
  /** 其中, 里面, 哪些, 只看: the named part narrows the last list */
  narrow: boolean;
  /** 有没有, 有吗: asks within, when nothing else says otherwise */
  within: boolean;
  /** 不对, 搞错了, 我问的是: the named part replaces its counterpart */
  correct: boolean;
  /** 不要只看滞后的: the words after 只看, whose filters are taken away */
  notOnly?: string;
  /** 全部列出来: every filter but the subject is taken away */
  everything: boolean;
  /** a head noun of its own (…的目标是哪个): with no other tie, a complete question */
  headNoun: boolean;
  /** 全市, 所有目标: the whole table, whatever was asked before */
  whole: boolean;
}

const SWAP = /呢[\s?!.~…]*$|^[\s,]*(?:那么?|那要是|要是|如果是|换成|改成|改为|换|再看看?|再查查?)|换成|改成|改为|换为|也|同样|一样/u;
const NARROW = /其中|里面|里头|里边|当中|之中|中间|只看|光看|只要|仅看|只查|只列|单看/u;
/** 哪些 asks within the list only when the message has no head noun of its own (哪些归聂元科管, not 科技局负责哪些目标) */
const WHICH = /(?<!有)哪(?:些|几)/u;
/** a head noun (目标, 任务…): the message says what it asks about, as a complete question does */
const HEAD_NOUN = /目标|任务|工作|项目|事项|事情/u;
/** the whole table as the scope (全市所有目标里…): nothing of the last question applies */
const WHOLE = /全市|全县|全区|全表|整个表|所有(?:的)?(?:目标|任务|项目)|全部(?:的)?(?:目标|任务|项目)/u;
const WITHIN = /有没有|有吗|有么|有哪些/u;
const CORRECT = /^[\s,]*(?:不对|不是|错了|搞错|说错|弄错|看错|我问的是|我说的是|我要的是|应该是|我是说|我的意思是)|不对|搞错了|说错了|弄错了|我问的是|我说的是|我是问/u;
const NOT_ONLY = /(?:不要|别|不用|不必|不)(?:只|光|仅|单)(?:看|查|要|列)?([^,.!?;]*)/u;
const EVERYTHING = /全部|所有|都列出|全列出|统统|全都/u;

/** The cues of a normalised message (punctuation half-width, as the normaliser leaves it). */
export const cuesOf = (text: string): Cues => {
  const notOnly = NOT_ONLY.exec(text)?.[1]?.trim();
  return {
    swap: SWAP.test(text),
    narrow: (NARROW.test(text) || (WHICH.test(text) && !HEAD_NOUN.test(text))) && !notOnly,
    within: WITHIN.test(text),
    correct: CORRECT.test(text),
    ...(notOnly ? { notOnly } : {}),
    everything: EVERYTHING.test(text),
    headNoun: HEAD_NOUN.test(text),
    whole: WHOLE.test(text),
  };
};

/** The kinds that say what a question is about: one named in a message replaces them all (张鹏分管的呢 after 团市委), unless it narrows. */
const SUBJECT_KINDS: readonly FilterKindName[] = ['item', 'unit', 'role', 'leader', 'section'];
/** What qualifies a subject rather than filters by itself (共同负责, 工信局和王昌华): goes and comes with it */
const qualifiers = (q: Query): Pick<Query, 'join' | 'anyOf'> => ({ ...(q.join ? { join: q.join } : {}), ...(q.anyOf ? { anyOf: q.anyOf } : {}) });
/** Kinds that answer one question, how a target is doing: one replaces the others (不对，要按计划的 after 红灯的). */
const COUNTERPARTS: Partial<Record<FilterKindName, readonly FilterKindName[]>> = {
  status: ['stage', 'light'],
  stage: ['status', 'light'],
  light: ['status', 'stage'],
};

/** The kinds a query names besides its subject (status, deadline, topic …). */
export const partsOf = (q: Query): FilterKindName[] => kindsOf(q).filter((k) => !SUBJECT_KINDS.includes(k));

/** Whether the query names what it is about: a unit, a leader, a section, 序号. */
export const namesSubject = (q: Query): boolean => Boolean(q.item) || SUBJECT_KINDS.some((k) => hasKind(q, k));

/** unit, leader, 序号 or section: which one a subject is, or 'mixed' for several */
const subjectKind = (q: Query): FilterKindName | 'mixed' | undefined => {
  const kinds = SUBJECT_KINDS.filter((k) => k !== 'role' && hasKind(q, k));
  return kinds.length === 0 ? undefined : kinds.length === 1 ? kinds[0] : 'mixed';
};

/**
 * A question complete in itself, which never inherits: it names its own
 * subject (a unit, a leader, 序号), asks for statistics, a ranking or help,
 * names a place the table does not cover, or asks back (我们局 from a stranger,
 * a name that fits several). Decided from what the question was understood
 * to contain, not from how it is phrased.
 */
export const standsAlone = (parsed: ParsedQuestion): boolean => {
  const q = parsed.query;
  return namesSubject(q) || q.kind === 'help' || (q.kind === 'stats' && !parsed.count) || Boolean(q.rank || q.outside || q.askWhich || parsed.ambiguous || parsed.ambiguousLeaders);
};

/** Whether a question asks anything a follow-up could add to the last one. */
export const addsAnything = (parsed: ParsedQuestion): boolean => namesSubject(parsed.query) || partsOf(parsed.query).length > 0 || Boolean(parsed.count || parsed.query.except || parsed.query.history);

/** The last question's filters and what qualifies them, without what belonged to its wording (readAs, a count, a kind). */
const carried = (q: Query): Query => {
  const out: Query = { kind: 'list', ...filtersOf(q), ...qualifiers(q) };
  if (q.except) out.except = q.except;
  if (q.history) out.history = q.history;
  // one 序号 asked before is a one-item list now, so a filter can narrow it
  if (q.item) out.items = [q.item];
  return out;
};

/**
 * The last question with this message's filters in it, kind by kind (the
 * registry in filter-kinds.ts): a kind the message names replaces the last
 * question's filter of that kind (那商务局的呢, 不对，我要看按计划的), except that a
 * subject of another kind narrows when the message says so (卫健委的目标 →
 * 哪些归聂元科管), and a topic narrows when asked within (哪些和污染有关).
 * `without` are kinds taken away (不要只看滞后的).
 */
export const mergeFollowUp = (last: Understood, next: ParsedQuestion, cues: Cues, without: readonly FilterKindName[] = []): Understood => {
  let q = carried(last.query);
  const n = next.query;
  let { groups, phrases } = last;
  const narrowing = cues.narrow && !cues.swap && !cues.correct;
  if (namesSubject(n)) {
    const base = subjectKind(q);
    const keep = narrowing && base !== undefined && base !== 'mixed' && base !== subjectKind(n);
    if (!keep) {
      for (const k of SUBJECT_KINDS) q = dropKind(q, k);
      delete q.join;
      delete q.anyOf;
    }
    for (const k of SUBJECT_KINDS) q = { ...q, ...pickKind(n, k) };
    q = { ...q, ...qualifiers(n) };
    if (n.item) q.items = [n.item];
  }
  // 不要只看滞后的: those kinds go, and the message's own mention of them is no new filter;
  // 全部列出来 with nothing else: every kind but the subject goes
  const takeAway = new Set<FilterKindName>(without);
  if (cues.everything && partsOf(n).length === 0) for (const k of partsOf(q)) takeAway.add(k);
  for (const k of takeAway) q = dropKind(q, k);
  if (takeAway.has('topic')) [groups, phrases] = [[], []];
  for (const k of partsOf(n)) {
    if (takeAway.has(k)) continue;
    if (k === 'topic' && narrowing) {
      q.terms = [...new Set([...(q.terms ?? []), ...(n.terms ?? [])])];
      q.phrase = [q.phrase, n.phrase].filter(Boolean).join(' ');
      groups = [...groups, ...next.groups];
      phrases = [...phrases, ...next.phrases];
      continue;
    }
    for (const other of COUNTERPARTS[k] ?? []) q = dropKind(q, other);
    q = replaceKind(q, n, k);
    if (k === 'topic') ({ groups, phrases } = next);
  }
  if (n.except) q.except = n.except;
  if (n.history) q.history = n.history;
  if (next.count) q.count = true;
  if (n.readAs?.length) q.readAs = n.readAs;
  if (n.dropped?.length) q.dropped = n.dropped;
  // 科技局的完成率 → 那工信局呢: an elliptical follow-up asks for what the last one asked, figures or a list
  const figures = (n.kind === 'stats' && !next.count) || (last.query.kind === 'stats' && cues.swap && !hasKind(n, 'topic') && !next.count);
  q.kind = figures ? 'stats' : groups.length > 0 ? 'search' : 'list';
  if (!q.units || !(q.leader || q.leaders)) delete q.anyOf;
  return { query: q, groups, phrases };
};

/** The 序号 a pointer picks from a list shown in this order; empty when it points past the list. */
export const pick = (pointer: Pointer, ids: readonly string[]): string[] => {
  const p = pointer.pick;
  if ('all' in p) return [...ids];
  if ('id' in p) return ids.includes(p.id) ? [p.id] : [];
  if ('nth' in p) return p.nth <= ids.length ? [ids[p.nth - 1] as string] : [];
  if ('fromEnd' in p) return p.fromEnd <= ids.length ? [ids[ids.length - p.fromEnd] as string] : [];
  if ('head' in p) return ids.slice(0, p.head);
  return ids.slice(Math.max(0, ids.length - p.tail));
};
