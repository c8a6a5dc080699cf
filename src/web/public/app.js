// The dashboard page: plain browser JavaScript, served by the bot as it is (no build step, no CDN,
// no telegram.org script); its words come from src/wording/dashboard.ts through words.js. Data comes from the bot's API under this page's path; every call carries
// Telegram's signed launch data (inside Telegram) or the personal /weblink token (in a browser).
'use strict';

(() => {
  // the words, from src/wording/dashboard.ts (PAGE_WORDS.script), served as words.js; {name} marks a value
  const W = window.PAGE_WORDS;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  const LIGHTS = ['r', 'y', 'g'];
  const LIGHT_NAMES = W.lightNames;
  /** board rows before 全部: a phone shows the worst few, a big screen has room for more */
  const BOARD_ROWS = window.matchMedia('(min-width: 1400px)').matches ? 15 : 10;
  const LIST_PAGE = 100;
  const WEBLINK_KEY = 'dashboard-weblink';
  const $ = (id) => document.getElementById(id);

  // ---- launch parameters (URL fragment) ------------------------------------------------------------
  const launch = new URLSearchParams(location.hash.slice(1));
  const initData = launch.get('tgWebAppData');
  const weblinkFromUrl = launch.get('weblink');
  if (weblinkFromUrl) {
    localStorage.setItem(WEBLINK_KEY, weblinkFromUrl);
    // the token leaves the address bar (and so history, bookmarks and screenshots) at once
    history.replaceState(null, '', location.pathname + location.search);
  }
  const authorization = initData ? `tma ${initData}` : localStorage.getItem(WEBLINK_KEY) ? `Bearer ${localStorage.getItem(WEBLINK_KEY)}` : '';

  /** Telegram's events to its client, without its script: the same calls telegram-web-app.js makes. */
  const postEvent = (type, data = {}) => {
    try {
      if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
      else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), '*');
    } catch {
      // not inside Telegram
    }
  };

  const applyTheme = (raw) => {
    if (!raw) return;
    let theme;
    try {
      theme = JSON.parse(raw);
    } catch {
      return;
    }
    const map = { bg_color: '--bg', secondary_bg_color: '--bg', section_bg_color: '--panel', text_color: '--text', hint_color: '--hint', link_color: '--link', button_color: '--button', button_text_color: '--button-text' };
    const root = document.documentElement;
    // the page background is Telegram's secondary colour, panels its main one, as Telegram's own lists look
    if (theme.bg_color) root.style.setProperty('--panel', theme.bg_color);
    for (const [key, name] of Object.entries(map)) {
      if (key === 'bg_color') continue;
      if (/^#[0-9a-f]{3,8}$/i.test(theme[key] || '')) root.style.setProperty(name, theme[key]);
    }
    const bg = theme.bg_color || '#ffffff';
    const [r, g, b] = bg.length >= 7 ? [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16)) : [255, 255, 255];
    root.dataset.scheme = 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
  };
  applyTheme(launch.get('tgWebAppThemeParams'));

  // ---- API -------------------------------------------------------------------------------------------
  const showMessage = (text) => {
    $('message').textContent = text;
    $('message').hidden = !text;
  };

  class ApiError extends Error {}

  const api = async (path, init = {}) => {
    const response = await fetch(`api/${path}`, { ...init, headers: { ...(init.headers || {}), Authorization: authorization } });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 && !initData) localStorage.removeItem(WEBLINK_KEY);
    if (!response.ok) throw Object.assign(new ApiError(body.error || fill(W.serverSaid, { status: response.status })), { body });
    return body;
  };

  // ---- state ------------------------------------------------------------------------------------------
  const state = {
    reportKey: '',
    board: undefined,
    filter: { unit: -1, leader: -1, light: -1, deadline: -1 },
    /** the question engine's answer: ids in its order, or undefined when the box is empty */
    search: undefined,
    listLimit: LIST_PAGE,
    showAll: { units: false, leaders: false },
  };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const rateText = (share) => `${(share * 100).toFixed(1)}%`;

  // ---- filtering and counting (all in the page: no round trip per tap) ----------------------------------

  /**
   * One pass over the rows: the list (every filter) and each board's counts (every filter but its own
   * dimension, so a board keeps showing the other units or leaders to tap). At 10,000 targets this is
   * the whole cost of a tap, so no intermediate arrays.
   */
  const tally = (rows, unitCount, leaderCount) => {
    const f = state.filter;
    const units = Array.from({ length: unitCount }, () => [0, 0, 0]);
    const leaders = Array.from({ length: leaderCount }, () => [0, 0, 0]);
    const list = [];
    for (const t of rows) {
      if ((f.light >= 0 && t.light !== f.light) || (f.deadline >= 0 && t.deadline !== f.deadline)) continue;
      const unitOk = f.unit < 0 || t.units.includes(f.unit);
      const leaderOk = f.leader < 0 || t.leaders.includes(f.leader);
      if (leaderOk) for (const i of t.units) if (i >= 0) units[i][t.light] += 1;
      if (unitOk) for (const i of t.leaders) if (i >= 0) leaders[i][t.light] += 1;
      if (unitOk && leaderOk) list.push(t);
    }
    return { units, leaders, list };
  };

  /** The rows the search picked, in the engine's order; all rows without a search. */
  const searched = () => {
    const rows = state.board.targets;
    if (!state.search) return rows;
    const byId = state.byId;
    return state.search.ids.map((id) => byId.get(id)).filter(Boolean);
  };

  // ---- drawing ----------------------------------------------------------------------------------------
  const drawTotals = () => {
    const { totals, report } = state.board;
    $('title').textContent = fill(W.title, report);
    $('subtitle').textContent = fill(W.subtitle, { asOf: report.asOf, past: report.current ? '' : W.past, assignments: totals.assignments, green: totals.lights.green });
    $('total-targets').textContent = String(totals.targets);
    $('total-lagging').textContent = String(totals.lagging);
    $('total-yellow').textContent = String(totals.lights.yellow);
    $('total-rate').textContent = rateText(totals.onScheduleRate);
  };

  const drawBoard = (kind, names, counts) => {
    const field = kind === 'units' ? 'unit' : 'leader';
    const selected = state.filter[field];
    const order = names
      .map((name, i) => ({ name, i, c: counts[i], total: counts[i][0] + counts[i][1] + counts[i][2] }))
      .filter((x) => x.total > 0 || x.i === selected)
      // worst first, as the chat's 统计: most red, then most yellow, then most targets
      .sort((a, b) => b.c[0] - a.c[0] || b.c[1] - a.c[1] || b.total - a.total || a.name.localeCompare(b.name, 'zh'));
    const max = Math.max(1, ...order.map((x) => x.total));
    const shown = state.showAll[kind] ? order : order.slice(0, BOARD_ROWS);
    if (selected >= 0 && !shown.some((x) => x.i === selected)) shown.push(order.find((x) => x.i === selected));
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
      const counts = el('span', 'counts', `${x.c[0] ? fill(W.rowLagging, { n: x.c[0] }) : ''}${x.c[1] ? fill(W.rowYellow, { n: x.c[1] }) : ''}${fill(W.rowTotal, { n: x.total })}`);
      button.append(el('span', 'name', x.name), stack, counts);
      li.append(button);
      return li;
    });
    $(`board-${kind}`).replaceChildren(...items);
    const more = $(`${kind}-more`);
    more.hidden = order.length <= BOARD_ROWS;
    more.textContent = state.showAll[kind] ? W.less : fill(W.all, { n: order.length });
  };

  const barNode = (pct, light, text) => {
    const bar = el('div', 'bar');
    const track = el('span', 'track');
    const fill = el('span', `fill ${LIGHTS[light]}`);
    fill.style.width = `${Math.min(100, pct)}%`;
    track.append(fill);
    bar.append(track, el('span', 'pct', `${pct}%`), el('span', 'measure', text));
    return bar;
  };

  const targetItem = (t) => {
    const { units, leaders, deadlines } = state.board;
    const li = el('li');
    const button = el('button');
    button.type = 'button';
    button.dataset.id = t.id;
    const head = el('div', 'target-head');
    const dot = el('span', `dot ${LIGHTS[t.light]}`);
    dot.title = LIGHT_NAMES[t.light];
    head.append(el('span', 'target-id', t.id), dot, el('span', 'target-text', t.text));
    const meta = [t.units.map((i) => units[i]).join('、'), t.leaders.map((i) => leaders[i]).join('、'), deadlines[t.deadline]?.label].filter(Boolean).join(' ｜ ');
    button.append(head, el('div', 'target-meta', meta));
    if (t.bar !== undefined) button.append(barNode(t.bar, t.light, t.measure));
    li.append(button);
    return li;
  };

  const drawList = (rows) => {
    const lagging = rows.reduce((n, t) => n + (t.light === 0 ? 1 : 0), 0);
    const yellow = rows.reduce((n, t) => n + (t.light === 1 ? 1 : 0), 0);
    $('list-title').textContent = fill(W.listTitle, { n: rows.length, lagging, yellow });
    $('targets').replaceChildren(...rows.slice(0, state.listLimit).map(targetItem));
    if (rows.length === 0) $('targets').append(el('li', 'hint', W.noTargets));
    const more = $('targets-more');
    more.hidden = rows.length <= state.listLimit;
    more.textContent = fill(W.more, { n: rows.length - state.listLimit });
  };

  const syncSelects = () => {
    for (const name of ['unit', 'leader', 'light', 'deadline']) $(`filter-${name}`).value = state.filter[name] < 0 ? '' : String(state.filter[name]);
    $('clear').hidden = Object.values(state.filter).every((v) => v < 0) && !state.search;
  };

  /** Redraws boards and list from the board data, the filters and the search. */
  const draw = () => {
    const { board } = state;
    const { units, leaders, list } = tally(searched(), board.units.length, board.leaders.length);
    drawBoard('units', board.units, units);
    drawBoard('leaders', board.leaders, leaders);
    drawList(list);
    syncSelects();
    document.body.dataset.drawn = String((Number(document.body.dataset.drawn) || 0) + 1);
    // for `npm run bench -- web`: when the data was first on screen
    if (document.body.dataset.drawn === '1') performance.mark('dashboard-drawn');
  };

  const fillSelect = (select, first, options) => {
    const nodes = options.map(([value, label]) => {
      const option = el('option', '', label);
      option.value = value;
      return option;
    });
    const head = el('option', '', first);
    head.value = '';
    select.replaceChildren(head, ...nodes);
  };

  // ---- detail -----------------------------------------------------------------------------------------
  const SVG = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, text) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const LIGHT_COLORS = { red: 'var(--red)', yellow: 'var(--yellow)', green: 'var(--green)' };

  /** History as a small chart: the bar's percent per quarter when the texts state numbers, else the lights alone. */
  const historyChart = (points) => {
    const w = 360, h = 150, left = 30, right = 16, top = 18, bottom = 34;
    const withNumbers = points.some((p) => p.measure);
    const max = Math.max(100, ...points.map((p) => (p.measure ? p.measure.percent : 0)));
    const x = (i) => (points.length === 1 ? (left + w - right) / 2 : left + (i * (w - left - right)) / (points.length - 1));
    const y = (pct) => top + (1 - pct / max) * (h - top - bottom);
    const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'chart', role: 'img', 'aria-label': W.chart });
    chart.append(svg('line', { x1: left, x2: w - right, y1: h - bottom, y2: h - bottom, class: 'axis' }));
    if (withNumbers) {
      chart.append(svg('line', { x1: left, x2: w - right, y1: y(100), y2: y(100), class: 'axis', 'stroke-dasharray': '4 3' }), svg('text', { x: 2, y: y(100) + 4 }, '100%'));
      const drawn = points.map((p, i) => (p.measure ? `${x(i)},${y(p.measure.percent)}` : '')).filter(Boolean);
      if (drawn.length > 1) chart.append(svg('polyline', { points: drawn.join(' '), class: 'line' }));
    }
    points.forEach((p, i) => {
      const cy = withNumbers && p.measure ? y(p.measure.percent) : (top + h - bottom) / 2;
      if (p.present) chart.append(svg('circle', { cx: x(i), cy, r: 6, fill: LIGHT_COLORS[p.light] || 'var(--hint)' }));
      if (p.measure) chart.append(svg('text', { x: x(i), y: cy - 10, 'text-anchor': 'middle', class: 'value' }, `${p.measure.percent}%`));
      chart.append(svg('text', { x: x(i), y: h - bottom + 16, 'text-anchor': 'middle' }, p.label.replace(/^(\d{4})年/, '$1 ')));
      if (!p.present) chart.append(svg('text', { x: x(i), y: cy, 'text-anchor': 'middle' }, W.absent));
    });
    return chart;
  };

  const showDetail = async (id) => {
    const body = $('detail-body');
    body.replaceChildren(el('p', 'hint', W.loading));
    $('detail').hidden = false;
    let d;
    try {
      d = await api(`target?report=${encodeURIComponent(state.reportKey)}&id=${encodeURIComponent(id)}`);
    } catch (err) {
      body.replaceChildren(el('p', 'hint', err.message));
      return;
    }
    const light = LIGHTS[['red', 'yellow', 'green'].indexOf(d.light)];
    const title = el('h3', '', fill(W.item, d));
    title.id = 'detail-title';
    title.append(el('span', `badge ${light}`, d.lagging ? W.behind : d.lightLabel));
    const nodes = [title, el('p', 'target-full', d.text), el('p', 'hint', fill(W.deadline, d))];
    if (d.measure) nodes.push(barNode(d.measure.percent, ['red', 'yellow', 'green'].indexOf(d.light), d.measure.text));
    else if (d.goal) nodes.push(el('p', 'hint', fill(W.goal, d)));
    const reasons = el('ul', 'reasons');
    reasons.append(...d.reasons.map((r) => el('li', '', r)));
    nodes.push(reasons);
    const historyTitle = el('h4', '', fill(W.history, { n: d.history.length }));
    nodes.push(historyTitle, historyChart(d.history));
    if (d.changes.length > 0) {
      const changes = el('ul', 'changes');
      changes.append(...d.changes.map((c) => el('li', '', c)));
      nodes.push(changes);
    } else if (d.history.length === 1) nodes.push(el('p', 'hint', W.oneReport));
    if (d.replies && d.replies.length > 0) {
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

  /** Colour dots drawn by CSS, not emoji: an office PC may have no emoji font. */
  const statusLine = (onSchedule) => {
    const line = el('p', onSchedule ? 'status' : 'status late');
    line.append(el('span', `dot ${onSchedule ? 'g' : 'r'}`), el('span', '', onSchedule ? W.onSchedule : W.offSchedule));
    return line;
  };

  const hideDetail = () => {
    $('detail').hidden = true;
  };

  // ---- loading ----------------------------------------------------------------------------------------
  const loadBoard = async (key) => showBoard(await api(`board?report=${encodeURIComponent(key)}`));

  const showBoard = async (board) => {
    state.board = board;
    state.reportKey = board.report.key;
    state.byId = new Map(board.targets.map((t) => [t.id, t]));
    state.filter = { unit: -1, leader: -1, light: -1, deadline: -1 };
    state.listLimit = LIST_PAGE;
    fillSelect($('filter-unit'), W.allUnits, board.units.map((name, i) => [String(i), name]));
    fillSelect($('filter-leader'), W.allLeaders, board.leaders.map((name, i) => [String(i), name]));
    fillSelect($('filter-deadline'), W.allDeadlines, board.deadlines.map((d, i) => [String(i), d.label]));
    drawTotals();
    if ($('search').value.trim()) await runSearch();
    else draw();
  };

  let searchSeq = 0;
  const runSearch = async () => {
    const q = $('search').value.trim();
    const seq = ++searchSeq;
    if (!q) {
      state.search = undefined;
      $('search-note').hidden = true;
      draw();
      return;
    }
    const result = await api(`search?report=${encodeURIComponent(state.reportKey)}&q=${encodeURIComponent(q)}`);
    if (seq !== searchSeq) return;
    // 统计 and help are no lists: they leave the list as it is
    state.search = result.kind === 'stats' || result.kind === 'help' ? undefined : result;
    state.listLimit = LIST_PAGE;
    $('search-note').textContent = result.summary;
    $('search-note').hidden = false;
    draw();
  };

  const start = async () => {
    postEvent('web_app_ready');
    postEvent('web_app_expand');
    if (!authorization) {
      showMessage(W.openFromTelegram);
      return;
    }
    // both at once: the current report's board needs no answer from `me` first
    const [me, board] = await Promise.all([api('me'), api('board')]);
    $('report').replaceChildren(
      ...me.reports.map((r) => {
        const option = el('option', '', fill(W.report, { year: r.year, period: r.period, current: r.current ? W.current : '' }));
        option.value = r.key;
        return option;
      }),
    );
    $('report').disabled = me.reports.length < 2;
    $('upload').hidden = !me.user.admin;
    $('feedback').hidden = !me.user.admin;
    await showBoard(board);
    if (me.user.admin) await showFeedback();
  };

  /** 10月10日 09:00 in the viewer's own clock */
  const localTime = (iso) => new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

  /** Admins: the period's reminded units, the overdue first, as /feedback lists them. */
  const showFeedback = async () => {
    const { units } = await api('feedback');
    const rank = (u) => (u.missing.length === 0 ? 2 : u.overdue ? 0 : 1);
    const rows = [...units].sort((a, b) => rank(a) - rank(b)).map((u) => {
      const text = fill(W.feedbackLine, { unit: u.unit, times: u.times, time: localTime(u.reminded), replied: u.replied.length, targets: u.targets.length });
      const missing = u.missing.length > 0 ? fill(W.feedbackMissing, { missing: u.missing.join(W.missingSeparator) }) : '';
      const row = el('li', u.overdue ? 'late' : '', text + missing);
      if (u.overdue) row.append(el('span', 'badge r', W.overdue));
      return row;
    });
    $('feedback-units').replaceChildren(...(rows.length > 0 ? rows : [el('li', 'hint', W.noReminders)]));
  };

  // ---- events -----------------------------------------------------------------------------------------
  const fail = (err) => showMessage(err instanceof ApiError ? err.message : W.failed);

  const onBoardTap = (kind) => (event) => {
    const button = event.target.closest('button[data-index]');
    if (!button) return;
    const field = kind === 'units' ? 'unit' : 'leader';
    const index = Number(button.dataset.index);
    state.filter[field] = state.filter[field] === index ? -1 : index;
    state.listLimit = LIST_PAGE;
    draw();
  };
  $('board-units').addEventListener('click', onBoardTap('units'));
  $('board-leaders').addEventListener('click', onBoardTap('leaders'));
  for (const kind of ['units', 'leaders']) {
    $(`${kind}-more`).addEventListener('click', () => {
      state.showAll[kind] = !state.showAll[kind];
      draw();
    });
  }
  for (const name of ['unit', 'leader', 'light', 'deadline']) {
    $(`filter-${name}`).addEventListener('change', (event) => {
      state.filter[name] = event.target.value === '' ? -1 : Number(event.target.value);
      state.listLimit = LIST_PAGE;
      draw();
    });
  }
  $('clear').addEventListener('click', () => {
    state.filter = { unit: -1, leader: -1, light: -1, deadline: -1 };
    $('search').value = '';
    runSearch().catch(fail);
  });
  let typing;
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
    const button = event.target.closest('button[data-id]');
    if (button) showDetail(button.dataset.id).catch(fail);
  });
  $('targets-more').addEventListener('click', () => {
    state.listLimit += LIST_PAGE;
    draw();
  });
  $('report').addEventListener('change', (event) => {
    hideDetail();
    loadBoard(event.target.value).catch(fail);
  });
  $('detail-close').addEventListener('click', hideDetail);
  $('detail').addEventListener('click', (event) => {
    if (event.target === $('detail')) hideDetail();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideDetail();
  });
  // A table whose header lacks columns: one select per missing column, over the header's cells; the answers
  // go with the same file as X-Columns, and the server remembers them once the table imports.
  const askColumns = (file, mapping) => {
    const form = $('upload-mapping');
    form.replaceChildren();
    const selects = mapping.missing.map((column) => {
      const label = el('label', 'mapping-row', fill(W.whichColumn, { column }));
      const select = el('select');
      select.dataset.column = column;
      select.append(el('option', '', W.choose));
      for (const cell of mapping.cells) {
        const option = el('option', '', cell);
        option.value = cell;
        select.append(option);
      }
      select.firstChild.value = '';
      label.append(select);
      form.append(label);
      return select;
    });
    const submit = el('button', '', W.importMapped);
    submit.type = 'submit';
    form.append(submit);
    form.hidden = false;
    form.onsubmit = (event) => {
      event.preventDefault();
      if (selects.some((s) => !s.value)) return;
      const chosen = { ...mapping.chosen };
      for (const s of selects) chosen[s.value] = s.dataset.column;
      void upload(file, chosen);
    };
  };

  const upload = async (file, columns) => {
    const out = $('upload-result');
    $('upload-mapping').hidden = true;
    out.hidden = false;
    out.textContent = W.importing;
    const headers = { 'X-File-Name': encodeURIComponent(file.name), ...(columns ? { 'X-Columns': encodeURIComponent(JSON.stringify(columns)) } : {}) };
    try {
      const result = await api('upload', { method: 'POST', headers, body: file });
      out.textContent = result.summary;
      await start();
    } catch (err) {
      out.textContent = err.message;
      if (err.body && err.body.mapping) askColumns(file, err.body.mapping);
    }
  };

  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $('upload-file').files[0];
    if (file) void upload(file);
  });

  // the bulletin (通报): fetched with the sign-in header, then handed to the browser as a file
  $('downloads').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-format]');
    if (!button) return;
    try {
      const response = await fetch(`api/bulletin?format=${button.dataset.format}`, { headers: { Authorization: authorization } });
      if (!response.ok) throw new ApiError((await response.json().catch(() => ({}))).error || fill(W.serverSaid, { status: response.status }));
      const named = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') || '');
      const link = el('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = named ? decodeURIComponent(named[1]) : `bulletin.${button.dataset.format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (err) {
      fail(err);
    }
  });

  start().catch(fail);
})();
