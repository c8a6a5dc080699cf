import type { TargetDetail } from '../target-detail';
import { api } from './api';
import { barNode } from './board-view';
import { $, el, LIGHT_KEYS, LIGHTS, localTime, svg } from './dom';
import { state } from './state';
import { fill, W } from './words';

const LIGHT_COLORS: Readonly<Record<string, string>> = { red: 'var(--red)', yellow: 'var(--yellow)', green: 'var(--green)' };

/** History as a small chart: the bar's percent per quarter when the texts state numbers, else the lights alone. */
const historyChart = (points: TargetDetail['history']): SVGElement => {
  const [w, h, left, right, top, bottom] = [360, 150, 30, 16, 18, 34];
  const withNumbers = points.some((p) => p.measure);
  const max = Math.max(100, ...points.map((p) => (p.measure ? p.measure.percent : 0)));
  const x = (i: number): number => (points.length === 1 ? (left + w - right) / 2 : left + (i * (w - left - right)) / (points.length - 1));
  const y = (pct: number): number => top + (1 - pct / max) * (h - top - bottom);
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'chart', role: 'img', 'aria-label': W.chart });
  chart.append(svg('line', { x1: left, x2: w - right, y1: h - bottom, y2: h - bottom, class: 'axis' }));
  if (withNumbers) {
    chart.append(svg('line', { x1: left, x2: w - right, y1: y(100), y2: y(100), class: 'axis', 'stroke-dasharray': '4 3' }), svg('text', { x: 2, y: y(100) + 4 }, '100%'));
    const drawn = points.map((p, i) => (p.measure ? `${x(i)},${y(p.measure.percent)}` : '')).filter(Boolean);
    if (drawn.length > 1) chart.append(svg('polyline', { points: drawn.join(' '), class: 'line' }));
  }
  points.forEach((p, i) => {
    const cy = withNumbers && p.measure ? y(p.measure.percent) : (top + h - bottom) / 2;
    if (p.present) chart.append(svg('circle', { cx: x(i), cy, r: 6, fill: (p.light && LIGHT_COLORS[p.light]) || 'var(--hint)' }));
    if (p.measure) chart.append(svg('text', { x: x(i), y: cy - 10, 'text-anchor': 'middle', class: 'value' }, `${p.measure.percent}%`));
    chart.append(svg('text', { x: x(i), y: h - bottom + 16, 'text-anchor': 'middle' }, p.label.replace(/^(\d{4})年/, '$1 ')));
    if (!p.present) chart.append(svg('text', { x: x(i), y: cy, 'text-anchor': 'middle' }, W.absent));
  });
  return chart;
};

/** Colour dots drawn by CSS, not emoji: an office PC may have no emoji font. */
const statusLine = (onSchedule: boolean): HTMLElement => {
  const line = el('p', onSchedule ? 'status' : 'status late');
  line.append(el('span', `dot ${onSchedule ? 'g' : 'r'}`), el('span', '', onSchedule ? W.onSchedule : W.offSchedule));
  return line;
};

/** The detail panel of one target: the chat's /item, its history as a chart, the units' replies. */
export const showDetail = async (id: string): Promise<void> => {
  const body = $('detail-body');
  body.replaceChildren(el('p', 'hint', W.loading));
  $('detail').hidden = false;
  let d: Awaited<ReturnType<typeof api<'target'>>>;
  try {
    d = await api('target', { report: state.reportKey, id });
  } catch (err) {
    body.replaceChildren(el('p', 'hint', err instanceof Error ? err.message : W.failed));
    return;
  }
  const light = LIGHT_KEYS.indexOf(d.light);
  const title = el('h3', '', fill(W.item, d));
  title.id = 'detail-title';
  title.append(el('span', `badge ${LIGHTS[light]}`, d.lagging ? W.behind : d.lightLabel));
  const nodes: Node[] = [title, el('p', 'target-full', d.text), el('p', 'hint', fill(W.deadline, d))];
  if (d.measure) nodes.push(barNode(d.measure.percent, light, d.measure.text));
  else if (d.goal) nodes.push(el('p', 'hint', fill(W.goal, d)));
  const reasons = el('ul', 'reasons');
  reasons.append(...d.reasons.map((r) => el('li', '', r)));
  nodes.push(reasons, el('h4', '', fill(W.history, { n: d.history.length })), historyChart(d.history));
  if (d.changes.length > 0) {
    const changes = el('ul', 'changes');
    changes.append(...d.changes.map((c) => el('li', '', c)));
    nodes.push(changes);
  } else if (d.history.length === 1) nodes.push(el('p', 'hint', W.oneReport));
  if (d.replies.length > 0) {
    nodes.push(el('h4', '', fill(W.replies, { n: d.replies.length })));
    const replies = el('ul', 'replies');
    replies.append(...d.replies.map((r) => el('li', '', fill(W.reply, { ...r, time: localTime(r.at) }) + (r.file ? W.fileAttached : ''))));
    nodes.push(replies);
  }
  nodes.push(el('h4', '', fill(W.assignments, { n: d.assignments.length })));
  for (const a of d.assignments) {
    const box = el('div', 'assignment');
    box.append(
      el('p', '', `${a.leader || '—'} ｜ ${a.units.join(W.unitSeparator) || '—'}${a.cooperating ? fill(W.cooperating, { units: a.cooperating.join(W.unitSeparator) }) : ''}`),
      statusLine(a.onSchedule),
      el('p', 'progress', a.progress || '—'),
    );
    nodes.push(box);
  }
  body.replaceChildren(...nodes);
  $('detail-close').focus();
};

export const hideDetail = (): void => {
  $('detail').hidden = true;
};
