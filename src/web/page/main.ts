/**
 * The dashboard page (entry point): typed modules bundled into public/app.js by scripts/page-bundle.cjs
 * (no CDN, no telegram.org script, nothing at run time but this one file and words.js). Its words come
 * from src/wording/dashboard.ts through words.js; data from the bot's API under this page's path
 * (api.ts), typed by the server's own answer types. One file per concern: launch.ts (sign-in, theme),
 * state.ts (filters, counting), board-view.ts (totals, boards, list), detail.ts, feedback.ts, upload.ts,
 * bulletin.ts; this file loads the data and wires the events.
 */
import { api, ApiError } from './api';
import { draw, drawTotals, fillSelect } from './board-view';
import { wireBulletin } from './bulletin';
import { hideDetail, showDetail } from './detail';
import { $, closest, el, showMessage } from './dom';
import { showFeedback } from './feedback';
import { applyTheme, authorization, postEvent } from './launch';
import { type BoardKind, FILTER_NAMES, LIST_PAGE, noFilter, state } from './state';
import { wireUpload } from './upload';
import { fill, W } from './words';
import type { Board } from '../board';

const fail = (err: unknown): void => showMessage(err instanceof ApiError ? err.message : W.failed);

const loadBoard = async (key: string): Promise<void> => showBoard(await api('board', { report: key }));

const showBoard = async (board: Board): Promise<void> => {
  state.board = board;
  state.reportKey = board.report.key;
  state.byId = new Map(board.targets.map((t) => [t.id, t]));
  state.filter = noFilter();
  state.listLimit = LIST_PAGE;
  fillSelect(
    $('filter-unit'),
    W.allUnits,
    board.units.map((name, i) => [String(i), name]),
  );
  fillSelect(
    $('filter-leader'),
    W.allLeaders,
    board.leaders.map((name, i) => [String(i), name]),
  );
  fillSelect(
    $('filter-deadline'),
    W.allDeadlines,
    board.deadlines.map((d, i) => [String(i), d.label]),
  );
  drawTotals(board);
  if ($<HTMLInputElement>('search').value.trim()) await runSearch();
  else draw();
};

let searchSeq = 0;
const runSearch = async (): Promise<void> => {
  const q = $<HTMLInputElement>('search').value.trim();
  const seq = ++searchSeq;
  if (!q) {
    state.search = undefined;
    $('search-note').hidden = true;
    draw();
    return;
  }
  const result = await api('search', { report: state.reportKey, q });
  if (seq !== searchSeq) return;
  // 统计 and help are no lists: they leave the list as it is
  state.search = result.kind === 'stats' || result.kind === 'help' ? undefined : result;
  state.listLimit = LIST_PAGE;
  $('search-note').textContent = result.summary;
  $('search-note').hidden = false;
  draw();
};

const start = async (): Promise<void> => {
  postEvent('web_app_ready');
  postEvent('web_app_expand');
  if (!authorization) {
    showMessage(W.openFromTelegram);
    return;
  }
  // both at once: the current report's board needs no answer from `me` first
  const [me, board] = await Promise.all([api('me'), api('board')]);
  const reports = $<HTMLSelectElement>('report');
  reports.replaceChildren(
    ...me.reports.map((r) => {
      const option = el('option', '', fill(W.report, { year: r.year, period: r.period, current: r.current ? W.current : '' }));
      option.value = r.key;
      return option;
    }),
  );
  reports.disabled = me.reports.length < 2;
  $('upload').hidden = !me.user.admin;
  $('feedback').hidden = !me.user.admin;
  await showBoard(board);
  if (me.user.admin) await showFeedback();
};

// ---- events ---------------------------------------------------------------------------------------
const onBoardTap =
  (kind: BoardKind) =>
  (event: Event): void => {
    const button = closest(event, 'button[data-index]');
    if (!button) return;
    const field = kind === 'units' ? 'unit' : 'leader';
    const index = Number(button.dataset.index);
    state.filter[field] = state.filter[field] === index ? -1 : index;
    state.listLimit = LIST_PAGE;
    draw();
  };
for (const kind of ['units', 'leaders'] as const) {
  $(`board-${kind}`).addEventListener('click', onBoardTap(kind));
  $(`${kind}-more`).addEventListener('click', () => {
    state.showAll[kind] = !state.showAll[kind];
    draw();
  });
}
for (const name of FILTER_NAMES) {
  const select = $<HTMLSelectElement>(`filter-${name}`);
  select.addEventListener('change', () => {
    state.filter[name] = select.value === '' ? -1 : Number(select.value);
    state.listLimit = LIST_PAGE;
    draw();
  });
}
$('clear').addEventListener('click', () => {
  state.filter = noFilter();
  $<HTMLInputElement>('search').value = '';
  runSearch().catch(fail);
});
let typing: ReturnType<typeof setTimeout> | undefined;
$('search').addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => runSearch().catch(fail), 300);
});
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  runSearch().catch(fail);
});
$('targets').addEventListener('click', (event) => {
  const button = closest(event, 'button[data-id]');
  if (button?.dataset.id) showDetail(button.dataset.id).catch(fail);
});
$('targets-more').addEventListener('click', () => {
  state.listLimit += LIST_PAGE;
  draw();
});
$<HTMLSelectElement>('report').addEventListener('change', (event) => {
  hideDetail();
  loadBoard((event.currentTarget as HTMLSelectElement).value).catch(fail);
});
$('detail-close').addEventListener('click', hideDetail);
$('detail').addEventListener('click', (event) => {
  if (event.target === $('detail')) hideDetail();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideDetail();
});
wireUpload(start);
wireBulletin(fail);

applyTheme();
start().catch(fail);
