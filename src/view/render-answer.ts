import { isLagging, labelledUnits, roleOf, STATUS_KINDS, statusOf, targetStatus, type Assignment, type Target } from '../model';
import { formatNumber, renderBar } from '../progress/bar';
import type { HistoryChange, HistoryPoint, TargetHistory } from '../progress/history';
import { LIGHT_EMOJI, LIGHT_LABEL, type Assessment, type Light } from '../progress/light';
import type { Measure } from '../progress/extract';
import type { Answer, GroupStats, HistoryAnswer, Hit, Period, Query } from '../qa/answer';
import type { TableExamples } from '../qa/examples';
import type { FilterKindName, FilterPart } from '../qa/filter-kinds';
import { shorten } from '../text/telegram-text';
import { renderMessage, type Format, type Line } from './message';
import { MEASURE_WORDS, WORDS } from '../wording/answers';

export interface RenderOptions {
  format: Format;
  /** 1-based; clamped to the pages that exist */
  page?: number;
  /** targets per page for lists and search results */
  pageSize?: number;
}

export interface RenderedPage {
  text: string;
  page: number;
  pages: number;
}

export const VIEW_DEFAULTS = Object.freeze({
  pageSize: 10,
  /** characters of target text on a list line: enough to recognise it, short enough for a phone */
  listTextLength: 36,
  /** groups shown per section of the overview */
  statsGroups: 12,
});

/** The light when the engine assessed the target (🔴 🟡 🟢), else the table's 是/否 (🔴 🟢). */
const mark = (target: Target, assessment?: Assessment): string => (assessment ? LIGHT_EMOJI[assessment.light] : isLagging(target) ? WORDS.laggingMark : WORDS.onScheduleMark);

const lightCounts = (counts: Record<Light, number>): string => (['red', 'yellow', 'green'] as const).map((l) => `${LIGHT_EMOJI[l]} ${counts[l]}`).join(' · ');

const deadlineText = (target: Target): string => target.deadline.text || '—';

/** The units of a target; when it has cooperating ones, each with its role: 市工业和信息化局（牵头）、市财政局（配合）. */
const unitsText = (t: Target): string =>
  labelledUnits(t)
    .map(({ unit, role }) => WORDS.withRole(unit, role))
    .join('、');

/** 【配合】 before a target the asked-for unit only supports, 【牵头】 before one it leads, when the list has any it supports. */
const roleTags = (hits: Hit[], units: string[] | undefined): ((t: Target) => string) => {
  if (!units?.length) return () => '';
  const roleIn = (t: Target): 'lead' | 'cooperating' => (units.some((u) => roleOf(t, u) === 'lead') ? 'lead' : 'cooperating');
  if (hits.every((h) => roleIn(h.target) === 'lead')) return () => '';
  return (t) => `【${WORDS.role[roleIn(t)]}】`;
};

/** One compact line per target: 序号, status mark, shortened text, units, deadline. */
const targetLine = (hit: Hit, withMatched: boolean, tag = ''): Line[] => {
  const t = hit.target;
  const line: Line = [
    { text: t.id, style: 'b' },
    { text: ` ${mark(t, hit.assessment)} ${tag}` },
    { text: shorten(t.text, VIEW_DEFAULTS.listTextLength), shrinkable: true },
    { text: `｜${unitsText(t)}｜${deadlineText(t)}` },
  ];
  const lines: Line[] = [line];
  if (withMatched && hit.matched && hit.matched.length > 0) lines.push([{ text: `   ${WORDS.matched}：` }, { text: hit.matched.join('、'), style: 'i' }]);
  return lines;
};

/** Each kind of filter in words; a kind added to the registry and not here does not compile. */
const KIND_WORDS: { readonly [K in FilterKindName]: (q: FilterPart) => string[] } = {
  item: (q) => [
    ...(q.items ? [WORDS.items(q.items)] : []),
    ...(q.range ? [WORDS.span(q.range.from, q.range.to)] : []),
    ...(q.edge ? ['head' in q.edge ? WORDS.head(q.edge.head) : WORDS.tail(q.edge.tail)] : []),
  ],
  unit: (q) => {
    const names = [...(q.units ?? []), ...(q.group ? [WORDS.group[q.group.kind]] : [])];
    return names.length > 0 ? [`${names.join('、')}${q.role ? `（${WORDS.role[q.role]}）` : ''}`] : [];
  },
  // a role is said with its units
  role: () => [],
  leader: (q) => {
    const leaders = [...(q.leader ? [q.leader] : []), ...(q.leaders ?? [])];
    return leaders.length > 0 ? [WORDS.ledBy(leaders.join('、'))] : [];
  },
  share: (q) => [...(q.unitCount ? [WORDS.unitCount(q.unitCount)] : []), ...(q.leaderCount ? [WORDS.leaderCount(q.leaderCount)] : [])],
  section: (q) => (q.sections?.length ? [WORDS.section(q.sections)] : []),
  status: (q) => (q.status ? [q.status === 'lagging' ? WORDS.lagging : WORDS.onSchedule] : []),
  stage: (q) => (q.stage ? [WORDS.stageFilter[q.stage]] : []),
  light: (q) => [...(q.light ? [LIGHT_LABEL[q.light]] : []), ...(q.risk ? [WORDS.risk] : [])],
  deadline: (q) => (q.deadline ? [q.deadline, ...(q.deadline.also ?? [])].map((d) => ('ongoing' in d ? WORDS.ongoing : WORDS.due(d.label, 'by' in d ? d.by : undefined))) : []),
  // search words are said as the search's own part
  topic: () => [],
};

/** The filter in words: 市科技局 · 王昌华分管 · 滞后 · 年底到期 */
const filterWords = (q: Query | FilterPart): string[] => {
  const parts: string[] = [...KIND_WORDS.item(q)];
  const names = [...KIND_WORDS.unit(q), ...KIND_WORDS.leader(q)];
  // 工信局和王昌华: either set, so the two read as one part joined by 或
  if ('anyOf' in q && q.anyOf && names.length > 0) parts.push(names.join(WORDS.or));
  else parts.push(...names);
  parts.push(...KIND_WORDS.share(q), ...KIND_WORDS.section(q));
  // 王昌华以外, 年底到期以外: names set aside are said bare, other kinds in their words
  if ('except' in q && q.except) {
    // a unit set aside in one role is said with it: 住建局（牵头）以外 keeps the targets it only helps with
    const { units = [], role, leader, leaders = [], terms = [], phrase: _phrase, ...others } = q.except;
    // a topic set aside is said in its words, joined as the question wrote them (希望小屋以外)
    const names = [...units.map((u) => WORDS.withRole(u, role)), ...(leader ? [leader] : []), ...leaders, ...(terms.length > 0 ? [terms.join('')] : []), ...filterWords(others)];
    // 还有别的领导分管的: the targets another leader is on, not those without these
    parts.push('besides' in q && q.besides ? WORDS.besides(names, leader || leaders.length > 0 ? 'leader' : 'unit') : WORDS.except(names));
  }
  parts.push(...KIND_WORDS.status(q), ...KIND_WORDS.stage(q), ...KIND_WORDS.light(q), ...KIND_WORDS.deadline(q));
  return parts;
};

/** Characters of a question short enough to be read literally: its header says how it was read. */
const SHORT_QUESTION = 12;

/**
 * What the question was read as: 按“市科技局”“按计划”理解，不看“聂元科”. On
 * every reply to a long free-text question (dictated, with words around the
 * filters) and to one with a correction or several names, so
 * a misheard word shows before the answer it changed. Not for a command.
 */
const understoodLines = (answer: Answer): Line[] => {
  const q = answer.query;
  if (answer.question.trim().startsWith('/')) return [];
  const names = [...(q.units ?? []), ...(q.leader ? [q.leader] : []), ...(q.leaders ?? [])];
  const others = filterWords({ ...q, units: [], leader: '', leaders: [] });
  const asks = answer.kind === 'stats' ? [q.rank ? WORDS.rankTitle(q.rank.by, q.rank.order, WORDS.leaderGroup(answer.examples?.level)) : WORDS.statsTitle] : [];
  const parts = q.item ? [WORDS.itemWord(q.item)] : [...(q.outside ? [q.outside] : []), ...names, ...others, ...(q.terms?.length ? [q.phrase || q.terms.join(' ')] : []), ...asks];
  if (parts.length === 0 && !q.dropped?.length && !q.unplacedNegation) return [];
  const notes: string[] = [];
  if (names.length > 1) notes.push(q.join === 'all' ? WORDS.together : WORDS.each);
  if (q.dropped?.length) notes.push(WORDS.setAside(q.dropped));
  // a 不 or 除了 the parser could not tie to a filter: said, never silently dropped
  if (q.unplacedNegation) notes.push(WORDS.unplacedNegation(q.unplacedNegation));
  // a short question (工信局的目标, 王昌华负责的滞后项目) is already said by the header
  const asked = answer.question.replace(/[\s\p{P}]+/gu, '');
  if (notes.length === 0 && asked.length <= SHORT_QUESTION) return [];
  // “我们局”按“市科技局”理解 follows and already says it: one note per reading, not two
  const saidBelow = new Set((q.readAs ?? []).map((r) => r.as));
  if (notes.length === 0 && parts.every((p) => saidBelow.has(p))) return [];
  return [[{ text: [...(parts.length > 0 ? [WORDS.understood(parts)] : []), ...notes].join('，'), style: 'i' }]];
};

/** 接上一问：市卫生健康委 · 滞后 — a follow-up's first line: what the conversation supplied, and where it pointed */
const followUpLines = (answer: Answer): Line[] => {
  const f = answer.followUp;
  if (!f) return [];
  const q = f.basis;
  const parts = [...filterWords(q), ...(q.terms?.length ? [q.phrase || q.terms.join(' ')] : []), ...(f.pointer ? [f.pointer] : [])];
  return parts.length > 0 ? [[{ text: WORDS.followUp(parts), style: 'i' }]] : [];
};

/** 我是市科技局的 alone: said back, before that unit's figures */
const introducedLines = (answer: Answer): Line[] => (answer.introduced ? [[{ text: WORDS.introduced(answer.introduced.kind, answer.introduced.name) }]] : []);

const periodText = (p: Period | HistoryPoint): string => WORDS.periodLabel(p.year, p.period);

/** 1658 个（83%） / 增长 6.8% / 86.3%: one period's number, short */
const measureShort = (m: Measure): string => {
  if (m.kind === 'growth') return MEASURE_WORDS.growthShort(formatNumber(m.achieved));
  if (m.kind === 'level' || m.kind === 'share') return `${formatNumber(m.achieved)}%`;
  return `${formatNumber(m.achieved)} ${m.unit}（${Math.round(m.ratio * 100)}%）`;
};

/** 2022年第二季度 🟢 800 个（40%）, or that the report has no such target */
const pointShort = (p: HistoryPoint): string =>
  !p.present ? `${periodText(p)} ${WORDS.absent}` : `${periodText(p)} ${p.light ? LIGHT_EMOJI[p.light] : ''}${p.measure ? ` ${measureShort(p.measure)}` : ''}`;

/** 绿灯→红灯 · 按计划→滞后 · 7.9 → 6.8 %（-1.1） */
export const changeText = (c: HistoryChange): string => {
  if (c.presence) return c.presence === 'added' ? WORDS.added : WORDS.removed;
  const parts: string[] = [];
  if (c.light) parts.push(`${LIGHT_LABEL[c.light.from]}→${LIGHT_LABEL[c.light.to]}`);
  if (c.onSchedule) parts.push(WORDS.statusChange(c.onSchedule.from, c.onSchedule.to));
  if (c.achieved) {
    const d = c.achieved.delta;
    parts.push(`${formatNumber(c.achieved.from)} → ${formatNumber(c.achieved.to)} ${c.achieved.unit}（${d >= 0 ? '+' : ''}${formatNumber(d)}）`);
  }
  return parts.join(' · ');
};

/** A target's history in full: each period with light, reasons and bar, then what changed. */
const historyLines = (h: TargetHistory): Line[] => {
  const lines: Line[] = [[], [{ text: `${WORDS.history(false)}（${WORDS.periodsCount(h.points.length)}）`, style: 'b' }]];
  for (const p of h.points) {
    if (!p.present) {
      lines.push([{ text: `${periodText(p)}：${WORDS.absent}` }]);
      continue;
    }
    const head = `${periodText(p)}：${p.light ? `${LIGHT_EMOJI[p.light]} ${LIGHT_LABEL[p.light]}` : ''}`;
    lines.push([{ text: head }, ...(p.textChanged ? [{ text: `（${WORDS.textChanged}）` }] : [])]);
    if (p.measure) lines.push([{ text: `   ${renderBar(p.measure)}` }]);
    if (p.reasons?.length) lines.push([{ text: `   ${p.reasons.join('；')}`, shrinkable: true }]);
  }
  for (const c of h.changes) lines.push([{ text: `${c.from} → ${c.to}：${changeText(c)}` }]);
  return lines;
};

/** The light and why: bar when the texts state numbers, then the reasons. */
const assessmentLines = (a: Assessment): Line[] => {
  const lines: Line[] = [];
  if (a.measure) lines.push([{ text: `${WORDS.completion}：${renderBar(a.measure)}` }]);
  lines.push([{ text: `${LIGHT_LABEL[a.light]}：` }, { text: a.reasons.join('；'), shrinkable: true }]);
  return lines;
};

/** A single target in full: text, deadline, light and bar, history when asked, and per assignment the leader, units, status and whole progress text. */
const targetLines = (t: Target, assessment?: Assessment, history?: TargetHistory): Line[] => {
  const status = WORDS.stage[targetStatus(t)];
  const lines: Line[] = [
    [{ text: WORDS.itemTitle(t.id), style: 'b' }, { text: ` ${mark(t, assessment)} ${status}${assessment?.light === 'yellow' ? WORDS.yellowNote : ''}` }],
    [{ text: t.text, shrinkable: true }],
    [{ text: `${WORDS.deadline}：${deadlineText(t)}` }],
    ...(assessment ? assessmentLines(assessment) : []),
    ...(history ? historyLines(history) : []),
  ];
  for (const a of t.assignments) {
    lines.push([]);
    lines.push([
      { text: `${WORDS.leader}：` },
      { text: a.leader || '—', style: 'b' },
      { text: `｜${WORDS.units}：${a.units.join('、') || '—'}` },
      ...(a.cooperating?.length ? [{ text: `｜${WORDS.cooperatingUnits}：${a.cooperating.join('、')}` }] : []),
    ]);
    lines.push([{ text: `${WORDS.status}：${assignmentStatus(a)}` }]);
    lines.push([{ text: `${WORDS.progress}：` }, { text: a.progress || '—', shrinkable: true }]);
  }
  return lines;
};

const assignmentStatus = (a: Assignment): string => `${a.onSchedule ? WORDS.onScheduleMark : WORDS.laggingMark} ${WORDS.stage[statusOf(a)]}`;

const groupLines = (title: string, groups: GroupStats[], shown: number = VIEW_DEFAULTS.statsGroups, numbered = false): Line[] => {
  const lines: Line[] = [[{ text: title, style: 'b' }]];
  for (const [k, g] of groups.slice(0, shown).entries()) {
    const rate = g.total === 0 ? 0 : (g.total - g.lagging) / g.total;
    const groupMark = g.lagging > 0 ? LIGHT_EMOJI.red : g.yellow > 0 ? LIGHT_EMOJI.yellow : LIGHT_EMOJI.green;
    const yellow = g.yellow > 0 ? ` · ${WORDS.yellowCount(g.yellow)}` : '';
    lines.push([{ text: `${numbered ? `${k + 1}. ` : ''}${groupMark} ${g.name}：${WORDS.count(g.total)} · ${WORDS.laggingCount(g.lagging)}${yellow} · ${WORDS.rate(rate)}` }]);
  }
  if (groups.length > shown) lines.push([{ text: WORDS.more(groups.length - shown) }]);
  return lines;
};

/** Every group of a ranking, numbered in its order (a ranking is read to the end, so it is not cut at statsGroups). */
const rankLines = (title: string, groups: GroupStats[]): Line[] => groupLines(title, groups, groups.length, true);

/** examples from the table in use when the engine gave them (it always does), the shipped table's otherwise */
const suggestionLines = (ex?: TableExamples): Line[] => [[{ text: WORDS.tryAsking }], [{ text: (ex ? WORDS.examplesOf(ex) : WORDS.examples).join(' · ') }], [{ text: WORDS.commands }]];

const helpLines = (ex?: TableExamples): Line[] => [
  [{ text: WORDS.helpTitle, style: 'b' }],
  ...(ex ? WORDS.helpOf(ex) : WORDS.help).map(([what, examples]): Line => [{ text: `${what}：`, style: 'b' }, { text: examples }]),
  [{ text: WORDS.commands }],
  [{ text: WORDS.alertCommands }],
];

/** With one report, a 变化 question says there is nothing to compare yet; the current state follows. */
const onePeriodLines = (history?: HistoryAnswer): Line[] => {
  const only = history?.periods.length === 1 ? history.periods[0] : undefined;
  return only ? [[{ text: WORDS.onePeriod(`${periodText(only)}，${WORDS.asOf(only.asOf)}`) }]] : [];
};

/** 变化 over a list: the targets that changed, each with its list line and one line of its periods. */
const historyListLines = (answer: Answer, history: HistoryAnswer, filter: string[], page: number, pageSize: number): { lines: Line[]; page: number; pages: number } => {
  const hits = answer.hits;
  const pages = Math.max(1, Math.ceil(hits.length / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const span = `${periodText(history.periods[0] as Period)}—${periodText(history.periods[history.periods.length - 1] as Period)}`;
  const title = [...(filter.length > 0 ? filter : [WORDS.all]), WORDS.history(history.periods.length === 2 && answer.query.history === 'sinceLast')];
  const lines: Line[] = [[{ text: title.join(' · '), style: 'b' }], [{ text: span }]];
  if (hits.length === 0) {
    lines.push([{ text: WORDS.noChanges(history.considered) }]);
    return { lines, page: 1, pages: 1 };
  }
  lines.push([{ text: WORDS.changedCount(hits.length, history.considered) }]);
  const from = (p - 1) * pageSize;
  hits.slice(from, p * pageSize).forEach((hit, k) => {
    lines.push(...targetLine(hit, false));
    const h = history.targets[from + k];
    if (!h) return;
    lines.push([{ text: `   ${h.points.map(pointShort).join(' → ')}` }]);
    const last = h.changes[h.changes.length - 1];
    if (last) lines.push([{ text: `   ${changeText(last)}` }]);
  });
  if (pages > 1) lines.push([{ text: WORDS.page(p, pages), style: 'i' }]);
  return { lines, page: p, pages };
};

/** What was read differently from how it was written, and 序号 the table does not have: said before the answer. */
const noteLines = (answer: Answer): Line[] => {
  const lines: Line[] = (answer.query.readAs ?? []).map((r): Line => [{ text: WORDS.readAs(r.written, r.as) }]);
  const range = answer.idRange ? `${answer.idRange.first}–${answer.idRange.last}` : '';
  if (answer.missingItems?.length) lines.push([{ text: WORDS.missingItems(answer.missingItems, range) }]);
  return lines;
};

/** The lines of one page, and how many pages there are. */
const answerLines = (answer: Answer, page: number, pageSize: number): { lines: Line[]; page: number; pages: number } => {
  const body = answerBody(answer, page, pageSize);
  const notes = noteLines(answer);
  return notes.length > 0 ? { ...body, lines: [...notes, ...body.lines] } : body;
};

const answerBody = (answer: Answer, page: number, pageSize: number): { lines: Line[]; page: number; pages: number } => {
  const single = (lines: Line[]): { lines: Line[]; page: number; pages: number } => ({ lines, page: 1, pages: 1 });
  switch (answer.kind) {
    case 'help':
      return single(helpLines(answer.examples));
    case 'item': {
      const hit = answer.hits[0];
      if (hit) return single([...onePeriodLines(answer.history), ...targetLines(hit.target, hit.assessment, answer.history?.targets[0])]);
      const range = answer.idRange ? `${answer.idRange.first}–${answer.idRange.last}` : '';
      return single([[{ text: WORDS.unknownItem(answer.query.item ?? '', range) }], ...suggestionLines(answer.examples)]);
    }
    case 'stats': {
      const s = answer.stats;
      if (!s) return single([[{ text: WORDS.notFound('') }]]);
      const filter = filterWords(answer.query);
      const scope = s.scope ? `${[s.scope.city, s.scope.year, s.scope.period].filter(Boolean).join(' ')} · ${WORDS.asOf(s.scope.asOf)}` : '';
      const stages = s.stages ? STATUS_KINDS.filter((k) => s.stages![k] > 0).map((k) => `${WORDS.stageFilter[k]} ${s.stages![k]}`) : [];
      const rank = answer.query.rank;
      const units = groupLines(WORDS.byUnit, s.byUnit);
      const leaderGroup = WORDS.leaderGroup(answer.examples?.level);
      const leaders = groupLines(WORDS.byLeader(leaderGroup), s.byLeader);
      // a ranking puts the compared groups first, numbered, with the others after
      const sections: Line[] = rank
        ? [
            ...rankLines(WORDS.rankTitle(rank.by, rank.order, leaderGroup), rank.by === 'unit' ? s.byUnit : rank.by === 'leader' ? s.byLeader : (s.byDeadline ?? [])),
            [],
            ...(rank.by === 'unit' ? leaders : units),
          ]
        : [...units, [], ...leaders];
      const lines: Line[] = [
        [{ text: [WORDS.statsTitle, ...filter].join(' · '), style: 'b' }],
        ...(scope ? [[{ text: scope }]] : []),
        [{ text: `${WORDS.totals(s.total, s.assignments)} · ${WORDS.laggingCount(s.lagging)} · ${WORDS.rate(s.onScheduleRate)}` }],
        [{ text: lightCounts(s.lights) }],
        ...(stages.length > 0 ? [[{ text: `${WORDS.stageCounts}：${stages.join(' · ')}` }]] : []),
        [],
        ...sections,
      ];
      return single(lines);
    }
    case 'none': {
      const q = answer.query;
      const lines: Line[] = [];
      const scope = answer.scope ? WORDS.scope(answer.scope.city, answer.scope.year, answer.scope.period) : '';
      if (q.outside && scope) lines.push([{ text: WORDS.outside(q.outside, scope) }]);
      else if (answer.candidatesOf === 'leader' && answer.candidates?.length) lines.push([{ text: WORDS.whichLeader(answer.candidates.join('、')) }]);
      else if (answer.missingItems?.length) return single([...suggestionLines(answer.examples)]);
      else if (q.askWhich) lines.push([{ text: WORDS.askWhich(q.askWhich.written, q.askWhich.kind, answer.examples) }]);
      else if (q.unresolved) lines.push([{ text: WORDS.unknownName(q.unresolved) }]);
      else lines.push([{ text: WORDS.notFound(shorten(answer.question.replace(/\s+/g, ' ').trim(), 30)) }]);
      if (answer.candidates?.length && answer.candidatesOf !== 'leader') lines.push([{ text: WORDS.ambiguous(answer.candidates.join('、')) }]);
      return single([...lines, ...suggestionLines(answer.examples)]);
    }
    case 'list':
    case 'search': {
      const q = answer.query;
      const hits = answer.hits;
      const pages = Math.max(1, Math.ceil(hits.length / pageSize));
      const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
      const lagCount = hits.reduce((n, h) => n + (isLagging(h.target) ? 1 : 0), 0);
      const yellowCount = hits.reduce((n, h) => n + (h.assessment?.light === 'yellow' ? 1 : 0), 0);
      const filter = filterWords(q);
      const changes = answer.history && answer.history.periods.length > 1 ? answer.history : undefined;
      if (changes) return historyListLines(answer, changes, filter, page, pageSize);
      const head = answer.kind === 'search' && q.terms?.length ? [...filter, WORDS.searchHeader(q.phrase || q.terms.join(' '))] : filter.length > 0 ? filter : [WORDS.all];
      // with a status or light filter the lagging count would only repeat it
      const counts =
        q.status || q.stage || q.light ? [WORDS.count(hits.length)] : [WORDS.count(hits.length), WORDS.laggingCount(lagCount), ...(yellowCount > 0 ? [WORDS.yellowCount(yellowCount)] : [])];
      const lines: Line[] = [
        ...onePeriodLines(answer.history),
        ...(q.count ? [[{ text: WORDS.countLine(filter.join(' · '), hits.length) }]] : []),
        [{ text: [...head, ...counts].join(' · '), style: 'b' }],
      ];
      if (answer.candidates?.length) lines.push([{ text: WORDS.ambiguous(answer.candidates.join('、')) }]);
      if (hits.length === 0) {
        // 没有滞后的目标，全部按计划推进 is true of a filter, not of a search within it
        const none = q.terms?.length
          ? WORDS.emptyList
          : q.status === 'lagging'
            ? WORDS.noneLagging
            : q.status === 'onSchedule'
              ? WORDS.noneOnSchedule
              : q.stage
                ? WORDS.noneStage(WORDS.stageFilter[q.stage])
                : WORDS.emptyList;
        lines.push([{ text: none }]);
        return { lines, page: 1, pages: 1 };
      }
      const tag = roleTags(hits, q.units);
      for (const hit of hits.slice((p - 1) * pageSize, p * pageSize)) lines.push(...targetLine(hit, answer.kind === 'search', tag(hit.target)));
      if (pages > 1) lines.push([{ text: WORDS.page(p, pages), style: 'i' }]);
      return { lines, page: p, pages };
    }
    default:
      return single([[{ text: WORDS.notFound('') }]]);
  }
};

/**
 * Renders one page of an answer as plain text or Telegram HTML (same content).
 * Lists and search results are paged (`page` is 1-based, default 10 a page);
 * item, stats, help and nothing-found are single pages. The text never
 * exceeds Telegram's 4096 UTF-16 code units.
 */
export const renderAnswer = (answer: Answer, options: RenderOptions): RenderedPage => {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? VIEW_DEFAULTS.pageSize));
  const { lines, page, pages } = answerLines(answer, options.page ?? 1, pageSize);
  const first = answer.followUp ? followUpLines(answer) : answer.introduced ? [] : understoodLines(answer);
  return { text: renderMessage([...first, ...introducedLines(answer), ...lines], options.format), page, pages };
};

/** One target in full detail (with its light and bar when given the assessment), within Telegram's message limit. */
export const renderTarget = (target: Target, format: Format, assessment?: Assessment): string => renderMessage(targetLines(target, assessment), format);
