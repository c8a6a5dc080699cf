import { isLagging, unitsOf, type Target } from '../model';
import type { Answer, GroupStats, Hit, Query } from '../qa/answer';
import { renderMessage, shorten, type Format, type Line } from './message';
import { WORDS } from './words';

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

const mark = (target: Target): string => (isLagging(target) ? WORDS.laggingMark : WORDS.onScheduleMark);

const deadlineText = (target: Target): string => target.deadline.text || '—';

/** One compact line per target: 序号, status mark, shortened text, units, deadline. */
const targetLine = (hit: Hit, withMatched: boolean): Line[] => {
  const t = hit.target;
  const line: Line = [
    { text: t.id, style: 'b' },
    { text: ` ${mark(t)} ` },
    { text: shorten(t.text, VIEW_DEFAULTS.listTextLength), shrinkable: true },
    { text: `｜${unitsOf(t).join('、')}｜${deadlineText(t)}` },
  ];
  const lines: Line[] = [line];
  if (withMatched && hit.matched && hit.matched.length > 0) lines.push([{ text: `   ${WORDS.matched}：` }, { text: hit.matched.join('、'), style: 'i' }]);
  return lines;
};

/** The filter in words: 市科技局 · 王昌华分管 · 滞后 · 年底到期 */
const filterWords = (q: Query): string[] => {
  const parts: string[] = [];
  if (q.units?.length) parts.push(q.units.join('、'));
  if (q.leader) parts.push(WORDS.ledBy(q.leader));
  if (q.status) parts.push(q.status === 'lagging' ? WORDS.lagging : WORDS.onSchedule);
  if (q.deadline) parts.push('ongoing' in q.deadline ? WORDS.ongoing : WORDS.due(q.deadline.label));
  return parts;
};

/** A single target in full: text, deadline, and per assignment the leader, units, status and whole progress text. */
const targetLines = (t: Target): Line[] => {
  const lines: Line[] = [
    [{ text: WORDS.itemTitle(t.id), style: 'b' }, { text: ` ${mark(t)} ${isLagging(t) ? WORDS.laggingLong : WORDS.onScheduleLong}` }],
    [{ text: t.text, shrinkable: true }],
    [{ text: `${WORDS.deadline}：${deadlineText(t)}` }],
  ];
  for (const a of t.assignments) {
    lines.push([]);
    lines.push([
      { text: `${WORDS.leader}：` },
      { text: a.leader || '—', style: 'b' },
      { text: `｜${WORDS.units}：${a.units.join('、') || '—'}` },
    ]);
    lines.push([{ text: `${WORDS.status}：${a.onSchedule ? `${WORDS.onScheduleMark} ${WORDS.onScheduleLong}` : `${WORDS.laggingMark} ${WORDS.laggingLong}`}` }]);
    lines.push([{ text: `${WORDS.progress}：` }, { text: a.progress || '—', shrinkable: true }]);
  }
  return lines;
};

const groupLines = (title: string, groups: GroupStats[]): Line[] => {
  const lines: Line[] = [[{ text: title, style: 'b' }]];
  for (const g of groups.slice(0, VIEW_DEFAULTS.statsGroups)) {
    const rate = g.total === 0 ? 0 : (g.total - g.lagging) / g.total;
    lines.push([{ text: `${g.lagging > 0 ? WORDS.laggingMark : WORDS.onScheduleMark} ${g.name}：${WORDS.count(g.total)} · ${WORDS.laggingCount(g.lagging)} · ${WORDS.rate(rate)}` }]);
  }
  if (groups.length > VIEW_DEFAULTS.statsGroups) lines.push([{ text: WORDS.more(groups.length - VIEW_DEFAULTS.statsGroups) }]);
  return lines;
};

const suggestionLines = (): Line[] => [[{ text: WORDS.tryAsking }], [{ text: WORDS.examples.join(' · ') }], [{ text: WORDS.commands }]];

const helpLines = (): Line[] => [
  [{ text: WORDS.helpTitle, style: 'b' }],
  ...WORDS.help.map(([what, examples]): Line => [{ text: `${what}：`, style: 'b' }, { text: examples }]),
  [{ text: WORDS.commands }],
];

/** The lines of one page, and how many pages there are. */
const answerLines = (answer: Answer, page: number, pageSize: number): { lines: Line[]; page: number; pages: number } => {
  const single = (lines: Line[]): { lines: Line[]; page: number; pages: number } => ({ lines, page: 1, pages: 1 });
  switch (answer.kind) {
    case 'help':
      return single(helpLines());
    case 'item': {
      const hit = answer.hits[0];
      if (hit) return single(targetLines(hit.target));
      const range = answer.idRange ? `${answer.idRange.first}–${answer.idRange.last}` : '';
      return single([[{ text: WORDS.unknownItem(answer.query.item ?? '', range) }], ...suggestionLines()]);
    }
    case 'stats': {
      const s = answer.stats;
      if (!s) return single([[{ text: WORDS.notFound('') }]]);
      const filter = filterWords(answer.query);
      const scope = s.scope ? `${s.scope.city} ${s.scope.year} ${s.scope.period} · ${WORDS.asOf(s.scope.asOf)}` : '';
      const lines: Line[] = [
        [{ text: [WORDS.statsTitle, ...filter].join(' · '), style: 'b' }],
        ...(scope ? [[{ text: scope }]] : []),
        [{ text: `${WORDS.totals(s.total, s.assignments)} · ${WORDS.laggingCount(s.lagging)} · ${WORDS.rate(s.onScheduleRate)}` }],
        [],
        ...groupLines(WORDS.byUnit, s.byUnit),
        [],
        ...groupLines(WORDS.byLeader, s.byLeader),
      ];
      return single(lines);
    }
    case 'none': {
      const q = answer.query;
      const lines: Line[] = [];
      if (q.unresolved) lines.push([{ text: WORDS.unknownName(q.unresolved) }]);
      else lines.push([{ text: WORDS.notFound(shorten(answer.question.replace(/\s+/g, ' ').trim(), 30)) }]);
      if (answer.candidates?.length) lines.push([{ text: WORDS.ambiguous(answer.candidates.join('、')) }]);
      return single([...lines, ...suggestionLines()]);
    }
    case 'list':
    case 'search': {
      const q = answer.query;
      const hits = answer.hits;
      const pages = Math.max(1, Math.ceil(hits.length / pageSize));
      const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
      const lagCount = hits.reduce((n, h) => n + (isLagging(h.target) ? 1 : 0), 0);
      const filter = filterWords(q);
      const head =
        answer.kind === 'search' && q.terms?.length
          ? [...filter, WORDS.searchHeader(q.phrase || q.terms.join(' '))]
          : filter.length > 0
            ? filter
            : [WORDS.all];
      // with a status filter the lagging count would only repeat it
      const counts = q.status ? [WORDS.count(hits.length)] : [WORDS.count(hits.length), WORDS.laggingCount(lagCount)];
      const lines: Line[] = [[{ text: [...head, ...counts].join(' · '), style: 'b' }]];
      if (answer.candidates?.length) lines.push([{ text: WORDS.ambiguous(answer.candidates.join('、')) }]);
      if (hits.length === 0) {
        lines.push([{ text: q.status === 'lagging' ? WORDS.noneLagging : q.status === 'onSchedule' ? WORDS.noneOnSchedule : WORDS.emptyList }]);
        return { lines, page: 1, pages: 1 };
      }
      for (const hit of hits.slice((p - 1) * pageSize, p * pageSize)) lines.push(...targetLine(hit, answer.kind === 'search'));
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
  return { text: renderMessage(lines, options.format), page, pages };
};

/** One target in full detail, within Telegram's message limit. */
export const renderTarget = (target: Target, format: Format): string => renderMessage(targetLines(target), format);

/** The views as the bot's dependencies expect them. */
export const createAnswerView = (): { renderAnswer: typeof renderAnswer; renderTarget: typeof renderTarget } => ({ renderAnswer, renderTarget });
