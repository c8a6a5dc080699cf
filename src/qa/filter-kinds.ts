import type { Query, QueryFilters } from './answer';

/**
 * The kinds of filter a question can carry, in the order a reply names them.
 * Every part that reads a query's filters (the parser's kind decision,
 * negation, follow-ups, the engine, the reply's 按…理解 line, the dashboard's
 * summary) goes through this registry, so a new kind is one entry here, and a
 * map over the kinds that forgets one does not compile (`{ [K in FilterKindName]: … }`).
 */
export const FILTER_KIND_NAMES = ['item', 'unit', 'role', 'leader', 'share', 'section', 'status', 'stage', 'light', 'deadline', 'topic'] as const;
export type FilterKindName = (typeof FILTER_KIND_NAMES)[number];

/** The query fields each kind owns. */
const FIELDS = {
  item: ['items', 'range', 'edge'],
  unit: ['units', 'group'],
  role: ['role'],
  leader: ['leader', 'leaders'],
  share: ['unitCount', 'leaderCount'],
  section: ['sections'],
  status: ['status'],
  stage: ['stage'],
  light: ['light', 'risk'],
  deadline: ['deadline'],
  topic: ['terms', 'phrase'],
} as const satisfies { readonly [K in FilterKindName]: readonly (keyof Query)[] };

export type FieldOf<K extends FilterKindName> = (typeof FIELDS)[K][number];
/** Every query field that is a filter. */
export type FilterField = FieldOf<FilterKindName>;
/** A query's filters alone: what a follow-up carries, what a negation sets aside. */
export type FilterPart = QueryFilters;
// answer.ts spells the same fields out (it cannot import this file): a field added to one and not the other fails here
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameFields: Same<FilterField, keyof QueryFilters> = true;
void sameFields;

export interface FilterKind {
  name: FilterKindName;
  fields: readonly FilterField[];
  /**
   * Narrows the table by itself. A role only qualifies a unit; a topic is
   * searched and ranked, not filtered.
   */
  narrows: boolean;
  /** can be set aside (除了聂元科的, 不是年底到期的, 除了希望小屋以外, 除了第41项以外): the engine removes its targets */
  negatable: boolean;
  /** kinds that only qualify this one and go with it when it is set aside (不是住建局牵头的: the role with the unit) */
  qualifiedBy: readonly FilterKindName[];
}

export const FILTER_KINDS: { readonly [K in FilterKindName]: FilterKind } = {
  item: { name: 'item', fields: FIELDS.item, narrows: true, negatable: true, qualifiedBy: [] },
  unit: { name: 'unit', fields: FIELDS.unit, narrows: true, negatable: true, qualifiedBy: ['role'] },
  role: { name: 'role', fields: FIELDS.role, narrows: false, negatable: false, qualifiedBy: [] },
  leader: { name: 'leader', fields: FIELDS.leader, narrows: true, negatable: true, qualifiedBy: [] },
  // how many units or leaders share a target (单独负责的, 三个单位共同承担的, 两位以上领导分管的)
  share: { name: 'share', fields: FIELDS.share, narrows: true, negatable: true, qualifiedBy: [] },
  section: { name: 'section', fields: FIELDS.section, narrows: true, negatable: true, qualifiedBy: [] },
  status: { name: 'status', fields: FIELDS.status, narrows: true, negatable: true, qualifiedBy: [] },
  stage: { name: 'stage', fields: FIELDS.stage, narrows: true, negatable: true, qualifiedBy: [] },
  light: { name: 'light', fields: FIELDS.light, narrows: true, negatable: true, qualifiedBy: [] },
  deadline: { name: 'deadline', fields: FIELDS.deadline, narrows: true, negatable: true, qualifiedBy: [] },
  topic: { name: 'topic', fields: FIELDS.topic, narrows: false, negatable: true, qualifiedBy: [] },
};

/** The kinds in reply order. */
export const FILTER_KIND_LIST: readonly FilterKind[] = FILTER_KIND_NAMES.map((k) => FILTER_KINDS[k]);

const isSet = (v: unknown): boolean => v !== undefined && v !== false && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Whether the query (or part) carries this kind. */
export const hasKind = (q: FilterPart, kind: FilterKindName): boolean => FILTER_KINDS[kind].fields.some((f) => isSet(q[f]));

/** The kinds a query (or part) carries, in reply order. */
export const kindsOf = (q: FilterPart): FilterKindName[] => FILTER_KIND_NAMES.filter((k) => hasKind(q, k));

/** Only this kind's fields of a query. */
export const pickKind = (q: FilterPart, kind: FilterKindName): FilterPart => {
  const out: Record<string, unknown> = {};
  for (const f of FILTER_KINDS[kind].fields) if (isSet(q[f])) out[f] = q[f];
  return out as FilterPart;
};

/** Every filter of a query, nothing else (no kind, count, readAs…). */
export const filtersOf = (q: FilterPart): FilterPart => Object.assign({}, ...FILTER_KIND_NAMES.map((k) => pickKind(q, k))) as FilterPart;

/** The query without this kind's fields. */
export const dropKind = <Q extends FilterPart>(q: Q, kind: FilterKindName): Q => {
  const out = { ...q };
  for (const f of FILTER_KINDS[kind].fields) delete out[f];
  return out;
};

/** `base` with this kind taken from `from` (swapped in, or dropped when `from` has none). */
export const replaceKind = <Q extends FilterPart>(base: Q, from: FilterPart, kind: FilterKindName): Q => ({ ...dropKind(base, kind), ...pickKind(from, kind) });

/** Whether anything narrows the targets: a kind that narrows, or something set aside. */
export const narrows = (q: Query): boolean => FILTER_KIND_LIST.some((k) => k.narrows && hasKind(q, k.name)) || (q.except !== undefined && kindsOf(q.except).length > 0);

/** What one set-aside kind removes: its fields and those of the kinds that qualify it (住建局 as the lead unit). */
export const setAsidePart = (except: FilterPart, kind: FilterKindName): FilterPart =>
  Object.assign({}, pickKind(except, kind), ...FILTER_KINDS[kind].qualifiedBy.map((q) => pickKind(except, q))) as FilterPart;

/** The negatable kinds a part carries: what a negation sets aside. */
export const negatedKinds = (part: FilterPart): FilterKindName[] => kindsOf(part).filter((k) => FILTER_KINDS[k].negatable);
