import { compareIds, hasCooperating, isLagging, leadersOf, roleOf, STATUS_KINDS, targetStatus, unitsOf, type StatusKind, type Target, type UnitRole } from '../model';
import type { Assessment, Light } from '../progress/light';
import type { Normalize } from '../text/normalize';
import type { Deadline, Hit, Many, Query, QueryFilters } from './answer';
import { negatedKinds, setAsidePart, type FilterKindName } from './filter-kinds';

export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green'];
const GREEN = 2;

/** The report's targets in display order, with everything a filter needs precomputed. */
export interface Filters {
  /** targets ascending by 序号: positions index this array */
  targets: readonly Target[];
  /** one frozen hit per target, in display order */
  plainHits: readonly Hit[];
  positionOf: ReadonlyMap<string, number>;
  /** normalised 序号 → position */
  byId: ReadonlyMap<string, number>;
  unitPositions: ReadonlyMap<string, number[]>;
  leaderPositions: ReadonlyMap<string, number[]>;
  /** section name (民生实事) → positions; empty when the table has no section rows */
  sectionPositions: ReadonlyMap<string, number[]>;
  /** 1 where the target is lagging */
  lagging: Uint8Array;
  /** index into LIGHTS per target */
  lightCode: Uint8Array;
  /** each target's verdict (已完成, 欠进度 …; 是/否 tables have only on-plan and behind) */
  stageOf: readonly StatusKind[];
  /**
   * whether some targets' 完成时限 is a whole period (全年) on a date that others write as a day (12月底):
   * the table then tells a task for the whole year from one due at its end
   */
  wholePeriods: boolean;
  /** positions passing the query's filters, ascending; undefined = no filter */
  positions(q: Query): number[] | undefined;
  /** the hits at positions; precomputed lists share one frozen array, so treat it as read-only */
  hitsAt(positions: number[]): Hit[];
}

/** The names a target has, and a set-aside part names, for the kinds 还有别的… can ask beyond (Query.besides). */
const BESIDES: Partial<Record<FilterKindName, (t: Target | QueryFilters) => string[]>> = {
  leader: (t) => ('assignments' in t ? leadersOf(t) : [...(t.leader ? [t.leader] : []), ...(t.leaders ?? [])]),
  unit: (t) => ('assignments' in t ? unitsOf(t) : [...(t.units ?? [])]),
};

/** Merges two ascending position lists into one ascending list without repeats. */
const mergeTwo = (a: number[], b: number[]): number[] => {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    out.push(x <= y ? x : y);
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  return out;
};

/** Merges ascending position lists: work in the lists' length, not the table's (a union of two units at 100k targets). */
const unionOf = (lists: number[][]): number[] => (lists.length === 1 ? (lists[0] as number[]) : lists.reduce(mergeTwo, []));

/**
 * Builds the filters of one report once: position lists per unit, leader,
 * status, deadline and light, so the common questions (滞后, 年底到期的, a
 * unit's targets) cost no scan of the table and answers share their hits.
 */
/** a deadline's words for comparing: 12月底前 and 12月底 say the same day */
const dayText = (text: string): string => text.replace(/\s+/g, '').replace(/(?:之前|以前|前)$/u, '');

/** a 完成时限 that is a whole period rather than a day in it: 全年, 2024年全年, 全年度, 第三季度, 上半年 */
export const WHOLE_PERIOD = /^(?:\d{4}年)?(?:全年度?|(?:第)?[一二三四1-4]季度|[上下]半年)(?:内)?$/u;

export const createFilters = (deps: { targets: readonly Target[]; assessmentOf: ReadonlyMap<Target, Assessment>; normalize: Normalize }): Filters => {
  const { assessmentOf, normalize } = deps;
  const targets = [...deps.targets].sort((a, b) => compareIds(a.id, b.id));
  const n = targets.length;
  const plainHits: Hit[] = Object.freeze(targets.map((target) => ({ target, assessment: assessmentOf.get(target) as Assessment }))) as Hit[];
  const positionOf = new Map<string, number>(targets.map((t, i) => [t.id, i]));
  const byId = new Map<string, number>(targets.map((t, i) => [normalize(t.id).trim(), i]));
  // numeric 序号 per position, for spans (第60至65项); NaN where the 序号 is not a number
  const idNumber = Float64Array.from(targets, (t) => (/^\d+$/.test(t.id.trim()) ? Number(t.id) : Number.NaN));

  const unitPositions = new Map<string, number[]>();
  const leaderPositions = new Map<string, number[]>();
  const sectionPositions = new Map<string, number[]>();
  const lagging = new Uint8Array(n);
  targets.forEach((t, i) => {
    for (const u of unitsOf(t)) (unitPositions.get(u) ?? unitPositions.set(u, []).get(u))?.push(i);
    for (const l of leadersOf(t)) (leaderPositions.get(l) ?? leaderPositions.set(l, []).get(l))?.push(i);
    if (t.section) (sectionPositions.get(t.section) ?? sectionPositions.set(t.section, []).get(t.section))?.push(i);
    lagging[i] = isLagging(t) ? 1 : 0;
  });
  const deadlineKey = (t: Target): string => (t.deadline.kind === 'date' ? t.deadline.date : t.deadline.kind === 'ongoing' ? 'ongoing' : '');
  const deadlines = targets.map(deadlineKey);
  // 全年 beside 12月底 on the same date: 1 for the whole-period targets, on the dates where both are written
  const whole = new Uint8Array(n);
  const wholeDates = new Set<string>();
  /** the day texts (12月底) of each date, as written without spaces or a closing 前 */
  const dayDates = new Map<string, Set<string>>();
  targets.forEach((t, i) => {
    if (t.deadline.kind !== 'date') return;
    const isWhole = WHOLE_PERIOD.test(t.deadline.text.replace(/\s+/g, ''));
    whole[i] = isWhole ? 1 : 0;
    const text = dayText(t.deadline.text);
    if (isWhole) wholeDates.add(t.deadline.date);
    else (dayDates.get(t.deadline.date) ?? dayDates.set(t.deadline.date, new Set()).get(t.deadline.date))?.add(text);
  });
  const mixedDates = new Set([...wholeDates].filter((d) => dayDates.has(d)));
  const lightCode = new Uint8Array(n);
  const byLight: number[][] = [[], [], []];
  const risky: number[] = [];
  targets.forEach((t, i) => {
    const code = LIGHTS.indexOf((assessmentOf.get(t) as Assessment).light);
    lightCode[i] = code;
    (byLight[code] as number[]).push(i);
    if (code !== GREEN) risky.push(i);
  });
  const byStatus = { lagging: [] as number[], onSchedule: [] as number[] };
  const byStage = new Map<StatusKind, number[]>(STATUS_KINDS.map((k) => [k, []]));
  const stageOf = targets.map(targetStatus);
  const byDeadline = new Map<string, number[]>();
  targets.forEach((_, i) => {
    (lagging[i] ? byStatus.lagging : byStatus.onSchedule).push(i);
    byStage.get(stageOf[i] as StatusKind)?.push(i);
    const key = deadlines[i] as string;
    (byDeadline.get(key) ?? byDeadline.set(key, []).get(key))?.push(i);
  });
  const precomputed = new WeakSet<number[]>([
    byStatus.lagging,
    byStatus.onSchedule,
    ...byStage.values(),
    ...byDeadline.values(),
    ...unitPositions.values(),
    ...leaderPositions.values(),
    ...sectionPositions.values(),
    ...byLight,
    risky,
  ]);
  const hitCache = new WeakMap<number[], Hit[]>();
  const hitsAt = (positions: number[]): Hit[] => {
    let hits = hitCache.get(positions);
    if (!hits) {
      hits = positions.map((i) => plainHits[i] as Hit);
      // frozen, so a caller that sorts or splices a shared list fails loudly instead of corrupting later answers
      if (precomputed.has(positions)) hitCache.set(positions, Object.freeze(hits) as Hit[]);
    }
    return hits;
  };

  /** 序号 asked for by number: a list looks each up; a span walks the table once (a span may be wide, the table is sorted) */
  const numbered = (q: Query): number[] | undefined => {
    if (q.items) return [...new Set(q.items.map((id) => byId.get(id)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    if (!q.range) return undefined;
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const v = idNumber[i] as number;
      if (v >= q.range.from && v <= q.range.to) out.push(i);
    }
    return out;
  };

  /**
   * A unit's role on a target. A table with a 配合单位 column says it; in one with a single units
   * column, a cell naming several (市市场监管局 市工业和信息化局 市现代医药港) puts the leading unit first.
   */
  const cooperatingColumn = hasCooperating(targets);
  const roleIn: (t: Target, unit: string) => UnitRole | undefined = cooperatingColumn
    ? roleOf
    : (t, unit) => (t.assignments.some((a) => a.units[0] === unit) ? 'lead' : t.assignments.some((a) => a.units.includes(unit)) ? 'cooperating' : undefined);
  /** Whether any row of a target gives the unit that role: 56 has 区农业农村局 配合 on one row and 牵头 on its next, so it is both. */
  const hasRole = (t: Target, unit: string, role: UnitRole): boolean =>
    cooperatingColumn ? t.assignments.some((a) => (role === 'lead' ? a.units : (a.cooperating ?? [])).includes(unit)) : roleIn(t, unit) === role;
  const unitCount = Uint16Array.from(targets, (t) => Math.min(unitsOf(t).length, 0xffff));
  const leaderCount = Uint16Array.from(targets, (t) => Math.min(leadersOf(t).length, 0xffff));
  const within = (counts: Uint16Array, many: Many): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const c = counts[i] as number;
      if (c >= many.min && (many.max === undefined || c <= many.max)) out.push(i);
    }
    return out;
  };
  /**
   * Whether a target lags for the units a question names: on a target of several rows, their own rows
   * decide (47: 鲁西新区管委会 否, 市商务局 是, so 市商务局 has nothing lagging), as each unit reports its
   * own row; on one row, the target's status. A leader answers for the whole target, every row.
   * Read per question for every target of the units named (thousands at 30,000 targets), so the rows are
   * read once here: a target of one row lags as the whole does, and each unit has, per target of several
   * rows it is on, whether one of its own rows lags.
   */
  const severalRows = Uint8Array.from(targets, (t) => (t.assignments.length > 1 ? 1 : 0));
  const ownRowsLag = new Map<string, Map<number, boolean>>();
  severalRows.forEach((several, i) => {
    if (!several) return;
    for (const a of (targets[i] as Target).assignments) {
      for (const u of [...a.units, ...(a.cooperating ?? [])]) {
        const own = ownRowsLag.get(u) ?? ownRowsLag.set(u, new Map()).get(u);
        own?.set(i, own.get(i) === true || !a.onSchedule);
      }
    }
  });
  const laggingFor = (i: number, own: readonly ReadonlyMap<number, boolean>[]): boolean => {
    if (!severalRows[i]) return lagging[i] === 1;
    let named = false;
    for (const rows of own) {
      const lags = rows.get(i);
      if (lags) return true;
      if (lags === false) named = true;
    }
    return named ? false : lagging[i] === 1;
  };

  /** a deadline's key among the targets' keys: a date, a year's prefix (2023-), or 'ongoing' */
  const keyOf = (d: Deadline): string => ('ongoing' in d ? 'ongoing' : 'year' in d ? `${d.year}-` : d.date);
  /**
   * On a date written both ways, 全年 asks for the whole-period targets (1), and the table's own day (12月底) for
   * the others (0); any other words for the date (年底) keep both (-1).
   */
  const wantWhole = (d: Deadline): number => {
    if (!('date' in d) || !mixedDates.has(d.date)) return -1;
    return d.whole ? 1 : dayDates.get(d.date)?.has(dayText(d.label)) ? 0 : -1;
  };
  /** whether a target (its deadline key, its position) is due as one deadline asks */
  const dueAt = (d: Deadline): ((key: string, i: number) => boolean) => {
    const want = keyOf(d);
    // a year (2023年到期) keeps every date in it: its key is a prefix of theirs
    if ('year' in d) return (key) => key.startsWith(want);
    // a span (三季度以内) keeps the dated targets up to its date; ISO dates compare as text
    const span = 'date' in d ? d.by : undefined;
    if (span) return (key) => /^\d/.test(key) && (span === 'before' ? key < want : key <= want);
    const asked = wantWhole(d);
    return (key, i) => key === want && (asked < 0 || whole[i] === asked);
  };
  const filtered = (q: Query): number[] | undefined => {
    let sets: number[][] = [];
    const unitLists = (q.units ?? []).map((u) => unitPositions.get(u) ?? []);
    // 县区政府: the group's units are one more unit, all of them one list
    if (q.group) unitLists.push(unionOf(q.group.units.map((u) => unitPositions.get(u) ?? [])));
    const leaderLists = [...(q.leader ? [q.leader] : []), ...(q.leaders ?? [])].map((l) => leaderPositions.get(l) ?? []);
    // 共同负责: the targets every named unit or leader is on; 工信局和王昌华: one set of both;
    // 王昌华负责的工信局目标: the targets they share
    if (q.join === 'all') sets.push(...unitLists, ...leaderLists);
    else if (q.anyOf) sets.push(unionOf([...unitLists, ...leaderLists]));
    else {
      if (unitLists.length > 0) sets.push(unionOf(unitLists));
      if (leaderLists.length > 0) sets.push(unionOf(leaderLists));
    }
    if (q.unitCount) sets.push(within(unitCount, q.unitCount));
    if (q.leaderCount) sets.push(within(leaderCount, q.leaderCount));
    if (q.sections?.length) sets.push(unionOf(q.sections.map((x) => sectionPositions.get(x) ?? [])));
    if (q.stage) sets.push(byStage.get(q.stage) ?? []);
    // 市财政局配合的: only where a named unit has that role
    if (q.role && q.units?.length) {
      const { role, units } = q;
      sets.push(unionOf(unitLists).filter((i) => units.some((u) => hasRole(targets[i] as Target, u, role))));
    }
    const byNumber = numbered(q);
    if (byNumber) sets.push(byNumber);
    // light lists are precomputed and ascending: one alone is returned as is, else the smallest list drives
    if (q.light) sets.push(byLight[LIGHTS.indexOf(q.light)] as number[]);
    else if (q.risk) sets.push(risky);
    sets = sets.sort((a, b) => a.length - b.length);
    const wantLag = q.status === 'lagging' ? 1 : q.status === 'onSchedule' ? 0 : -1;
    const wantDeadline = q.deadline ? keyOf(q.deadline) : undefined;
    // 8月底和9月底: a target due at any deadline asked is kept
    const dues = q.deadline ? [q.deadline, ...(q.deadline.also ?? [])].map(dueAt) : [];
    // one deadline (the usual case) is tested as it is: this runs for every target of the smallest set
    const dueAsAsked: (key: string, i: number) => boolean =
      dues.length === 0 ? () => true : dues.length === 1 ? (dues[0] as (key: string, i: number) => boolean) : (key, i) => dues.some((due) => due(key, i));
    const plainDeadline = q.deadline !== undefined && !q.deadline.also && !('year' in q.deadline) && !('by' in q.deadline && q.deadline.by) && wantWhole(q.deadline) < 0;
    if (sets.length === 0 && wantLag < 0 && wantDeadline === undefined) return undefined;
    if (sets.length === 0 && wantDeadline === undefined) return wantLag === 1 ? byStatus.lagging : byStatus.onSchedule;
    if (sets.length === 0 && wantLag < 0 && wantDeadline !== undefined && plainDeadline) return byDeadline.get(wantDeadline) ?? [];
    const namedUnits = new Set(q.units ?? []);
    const own = [...namedUnits].map((u) => ownRowsLag.get(u)).filter((rows): rows is Map<number, boolean> => rows !== undefined);
    const lagsAsAsked = (i: number): boolean => wantLag < 0 || (namedUnits.size > 0 ? (laggingFor(i, own) ? 1 : 0) : lagging[i]) === wantLag;
    const keep = (i: number): boolean => lagsAsAsked(i) && dueAsAsked(deadlines[i] as string, i);
    const [first, ...others] = sets;
    if (first && others.length === 0 && wantLag < 0 && wantDeadline === undefined) return first;
    // the smallest set drives; the others are looked up in a bitmap
    const inOthers = others.length > 0 ? new Uint8Array(n) : undefined;
    if (inOthers) {
      for (const i of others[0] as number[]) inOthers[i] = 1;
      for (const other of others.slice(1)) {
        const next = new Uint8Array(n);
        for (const i of other) if (inOthers[i]) next[i] = 1;
        inOthers.set(next);
      }
    }
    const out: number[] = [];
    if (first) {
      for (const i of first) if (keep(i) && (!inOthers || inOthers[i])) out.push(i);
    } else for (let i = 0; i < n; i += 1) if (keep(i)) out.push(i);
    return out;
  };

  // 除了希望小屋以外: a topic set aside is the targets whose text says every one of its words; normalised on first use
  let texts: string[] | undefined;
  const saying = (terms: readonly string[]): number[] => {
    if (terms.length === 0) return [];
    texts ??= targets.map((t) => normalize(t.text).replace(/\s+/g, ''));
    const out: number[] = [];
    texts.forEach((text, i) => {
      if (terms.every((w) => text.includes(w))) out.push(i);
    });
    return out;
  };

  // 王昌华以外的, 不是年底到期的: what the other filters keep (or the whole table), less the targets of
  // each set-aside filter (several set aside: none of them, so each one's targets go)
  const excepted = (q: Query): number[] | undefined => {
    const kept = filtered(q);
    if (!q.except) return kept;
    const out = new Uint8Array(n);
    for (const kind of negatedKinds(q.except)) {
      const namesOf = q.besides ? BESIDES[kind] : undefined;
      const gone = namesOf && new Set(namesOf(q.except));
      const part = setAsidePart(q.except, kind);
      for (const i of (kind === 'topic' ? saying(part.terms ?? []) : filtered({ kind: 'list', ...part })) ?? []) {
        // 还有别的领导分管的: a target another leader is on stays
        if (gone && namesOf(targets[i] as Target).some((name) => !gone.has(name))) continue;
        out[i] = 1;
      }
    }
    if (kept) return kept.filter((i) => !out[i]);
    const rest: number[] = [];
    for (let i = 0; i < n; i += 1) if (!out[i]) rest.push(i);
    return rest;
  };

  const positions = (q: Query): number[] | undefined => {
    const all = excepted(q);
    if (!q.edge) return all;
    // 前五条, 最后三条: of what the other filters keep, in 序号 order
    const list = all ?? Array.from({ length: n }, (_, i) => i);
    return 'head' in q.edge ? list.slice(0, q.edge.head) : list.slice(Math.max(0, list.length - q.edge.tail));
  };

  return { targets, plainHits, positionOf, byId, unitPositions, leaderPositions, sectionPositions, lagging, lightCode, stageOf, wholePeriods: mixedDates.size > 0, positions, hitsAt };
};
