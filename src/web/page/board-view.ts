import type { Board, BoardRow } from '../board';
import { $, el, LIGHTS } from './dom';
import { type BoardKind, type Counts, FILTER_NAMES, searched, state, tally } from './state';
import { fill, W } from './words';

/** board rows before 全部: a phone shows the worst few, a big screen has room for more */
const BOARD_ROWS = window.matchMedia('(min-width: 1400px)').matches ? 15 : 10;

const rateText = (share: number): string => `${(share * 100).toFixed(1)}%`;

export const drawTotals = ({ totals, report }: Board): void => {
  $('title').textContent = fill(W.title, report);
  $('subtitle').textContent = fill(W.subtitle, { asOf: report.asOf, past: report.current ? '' : W.past, assignments: totals.assignments, green: totals.lights.green });
  $('total-targets').textContent = String(totals.targets);
  $('total-lagging').textContent = String(totals.lagging);
  $('total-yellow').textContent = String(totals.lights.yellow);
  $('total-rate').textContent = rateText(totals.onScheduleRate);
};

const drawBoard = (kind: BoardKind, names: readonly string[], counts: readonly Counts[]): void => {
  const selected = state.filter[kind === 'units' ? 'unit' : 'leader'];
  const order = names
    .map((name, i) => {
      const c = counts[i] as Counts;
      return { name, i, c, total: c[0] + c[1] + c[2] };
    })
    .filter((x) => x.total > 0 || x.i === selected)
    // worst first, as the chat's 统计: most red, then most yellow, then most targets
    .sort((a, b) => b.c[0] - a.c[0] || b.c[1] - a.c[1] || b.total - a.total || a.name.localeCompare(b.name, 'zh'));
  const max = Math.max(1, ...order.map((x) => x.total));
  const shown = state.showAll[kind] ? order : order.slice(0, BOARD_ROWS);
  const chosen = order.find((x) => x.i === selected);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  const items = shown.map((x) => {
    const li = el('li');
    const button = el('button');
    button.type = 'button';
    button.dataset.index = String(x.i);
    button.setAttribute('aria-pressed', String(x.i === selected));
    const stack = el('span', 'stack');
    stack.title = fill(W.stack, { red: x.c[0], yellow: x.c[1], green: x.c[2] });
    x.c.forEach((n, light) => {
      if (n === 0) return;
      const part = el('span', LIGHTS[light]);
      part.style.width = `${(n / max) * 100}%`;
      stack.append(part);
    });
    const line = `${x.c[0] ? fill(W.rowLagging, { n: x.c[0] }) : ''}${x.c[1] ? fill(W.rowYellow, { n: x.c[1] }) : ''}${fill(W.rowTotal, { n: x.total })}`;
    button.append(el('span', 'name', x.name), stack, el('span', 'counts', line));
    li.append(button);
    return li;
  });
  $(`board-${kind}`).replaceChildren(...items);
  const more = $(`${kind}-more`);
  more.hidden = order.length <= BOARD_ROWS;
  more.textContent = state.showAll[kind] ? W.less : fill(W.all, { n: order.length });
};

/** A progress bar: its percent, coloured by the light (0 red, 1 yellow, 2 green), and the measure it shows. */
export const barNode = (pct: number, light: number, text: string): HTMLElement => {
  const bar = el('div', 'bar');
  const track = el('span', 'track');
  const filled = el('span', `fill ${LIGHTS[light]}`);
  filled.style.width = `${Math.min(100, pct)}%`;
  track.append(filled);
  bar.append(track, el('span', 'pct', `${pct}%`), el('span', 'measure', text));
  return bar;
};

const targetItem = ({ units, leaders, deadlines }: Board, t: BoardRow): HTMLElement => {
  const li = el('li');
  const button = el('button');
  button.type = 'button';
  button.dataset.id = t.id;
  const head = el('div', 'target-head');
  const dot = el('span', `dot ${LIGHTS[t.light]}`);
  dot.title = W.lightNames[t.light] ?? '';
  head.append(el('span', 'target-id', t.id), dot, el('span', 'target-text', t.text));
  const meta = [t.units.map((i) => units[i]).join('、'), t.leaders.map((i) => leaders[i]).join('、'), deadlines[t.deadline]?.label].filter(Boolean).join(' ｜ ');
  button.append(head, el('div', 'target-meta', meta));
  if (t.bar !== undefined) button.append(barNode(t.bar, t.light, t.measure ?? ''));
  li.append(button);
  return li;
};

const drawList = (board: Board, rows: readonly BoardRow[]): void => {
  const lagging = rows.reduce((n, t) => n + (t.light === 0 ? 1 : 0), 0);
  const yellow = rows.reduce((n, t) => n + (t.light === 1 ? 1 : 0), 0);
  $('list-title').textContent = fill(W.listTitle, { n: rows.length, lagging, yellow });
  $('targets').replaceChildren(...rows.slice(0, state.listLimit).map((t) => targetItem(board, t)));
  if (rows.length === 0) $('targets').append(el('li', 'hint', W.noTargets));
  const more = $('targets-more');
  more.hidden = rows.length <= state.listLimit;
  more.textContent = fill(W.more, { n: rows.length - state.listLimit });
};

const syncSelects = (): void => {
  for (const name of FILTER_NAMES) $<HTMLSelectElement>(`filter-${name}`).value = state.filter[name] < 0 ? '' : String(state.filter[name]);
  $('clear').hidden = Object.values(state.filter).every((v) => v < 0) && !state.search;
};

/** Redraws boards and list from the board data, the filters and the search. */
export const draw = (): void => {
  const { board } = state;
  if (!board) return;
  const { units, leaders, list } = tally(searched(board), board.units.length, board.leaders.length);
  drawBoard('units', board.units, units);
  drawBoard('leaders', board.leaders, leaders);
  drawList(board, list);
  syncSelects();
  document.body.dataset.drawn = String((Number(document.body.dataset.drawn) || 0) + 1);
  // for `npm run bench -- web`: when the data was first on screen
  if (document.body.dataset.drawn === '1') performance.mark('dashboard-drawn');
};

export const fillSelect = (select: HTMLSelectElement, first: string, options: readonly (readonly [string, string])[]): void => {
  const nodes = options.map(([value, label]) => {
    const option = el('option', '', label);
    option.value = value;
    return option;
  });
  const head = el('option', '', first);
  head.value = '';
  select.replaceChildren(head, ...nodes);
};
