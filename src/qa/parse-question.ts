import type { Normalize } from '../text/normalize';
import type { Aliases } from './aliases';
import type { Light } from '../progress/light';
import type { Query, Status } from './answer';
import { isHan } from './grams';
import type { NameResolver } from './names';

/** The parse of one question: the public Query plus what the search step needs. */
export interface ParsedQuestion {
  query: Query;
  /** search words, each with its synonyms (托儿所 | 托育) */
  groups: string[][];
  /** the contiguous pieces of the question left for searching, for whole-phrase ranking */
  phrases: string[];
  /** a unit mention resolved to several units */
  ambiguous?: string[];
}

export interface QuestionParser {
  parse(question: string): ParsedQuestion;
  /** the normalised question with markup and punctuation turned into spaces */
  clean(question: string): string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 五十七 → 57, 十二 → 12, 一百 → 100; digits pass through. */
export const toNumber = (text: string): number | undefined => {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) current = CN_DIGITS[ch] as number;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return undefined;
  }
  return total + current;
};

const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+)';
/** Ways to quote a 序号: 第57项, 57号, 序号48, #62, /item 57, item57, 编号 57, a bare 57. */
const ITEM_PATTERNS: RegExp[] = [
  new RegExp(`^\\/?item\\s*(\\d+)$`),
  new RegExp(`(?:序号|编号|no\\.?|#)\\s*(?:为|是|:)?\\s*(\\d+)`),
  new RegExp(`^\\s*(\\d{1,6})\\s*(?:项|条)\\s*$`),
  new RegExp(`第\\s*${NUM}\\s*(?:项|条|号|个|行)`),
  new RegExp(`第\\s*(\\d+)\\s*(?:$|的|目标|任务)`),
  new RegExp(`(?:^|[^\\d.年月])(\\d{1,6})\\s*号(?!楼)`),
  new RegExp(`^\\s*(\\d{1,6})\\s*$`),
];

const MONTH = '(\\d{1,2}|十二|十一|十|[一二三四五六七八九])';

const lastDay = (year: number, month: number): string => {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * Turns a question into a typed query. Order matters: commands and numbers
 * first, then words with fixed meaning (status, deadline), then names found
 * verbatim (leaders, units, aliases), then filler words, and only what is left
 * is resolved loosely (in-order characters, fuzzy) or searched.
 */
export const createQuestionParser = (deps: {
  normalize: Normalize;
  aliases: Aliases;
  units: NameResolver;
  leaders: NameResolver;
  /** the report year: 年底 and 8月底 are in this year */
  year: number;
  /** words that name the whole report (菏泽市, 第三季度, 2022年): true of every target, so not a filter */
  reportWords?: string[];
}): QuestionParser => {
  const { normalize, aliases, units, leaders, year } = deps;
  const norm = (w: string): string => normalize(w).replace(/\s+/g, '');
  const byLength = (list: string[]): string[] => [...new Set(list.map(norm))].filter(Boolean).sort((a, b) => b.length - a.length);

  const statusWords: { word: string; status: Status }[] = [
    ...aliases.status.lagging.map((w) => ({ word: norm(w), status: 'lagging' as const })),
    ...aliases.status.onSchedule.map((w) => ({ word: norm(w), status: 'onSchedule' as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  // longest first across all lights, so 亮红灯 wins over 亮灯 (risk)
  const lightWords: { word: string; light: Light | 'risk' }[] = (['red', 'yellow', 'green', 'risk'] as const)
    .flatMap((light) => aliases.lights[light].map((w) => ({ word: norm(w), light })))
    .filter((x) => x.word)
    .sort((a, b) => b.word.length - a.word.length);
  const sinceLastWords = byLength(aliases.history.sinceLast);
  const historyWords = byLength(aliases.history.all);
  const helpWords = byLength(aliases.help);
  const allWords = byLength(aliases.all);
  const statsWords = byLength(aliases.stats);
  const yearEndWords = byLength(aliases.deadlines.yearEnd);
  const ongoingWords = byLength(aliases.deadlines.ongoing);
  const titleWords = byLength(aliases.leaderTitles);
  const fillers = byLength(aliases.fillers);
  const multiFillers = fillers.filter((f) => f.length > 1);
  const singleFillers = new Set(fillers.filter((f) => f.length === 1));
  const synonyms = Object.entries(aliases.synonyms)
    .map(([k, v]) => ({ word: norm(k), alts: v.map(norm) }))
    .sort((a, b) => b.word.length - a.word.length);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const reportWords = byLength(deps.reportWords ?? []).filter((w) => w.length >= 2);

  const clean = (question: string): string =>
    normalize(question)
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ')
      // keep letters, digits, # / . (pm2.5, /item); everything else separates words
      .replace(/[^\p{L}\p{N}#/.]+/gu, ' ')
      .replace(/(^|\s)[./]+(?=\s|$)/g, ' ')
      .trim();

  /** removes `word` everywhere in `text`, leaving a space so the pieces do not join */
  const cut = (text: string, word: string): string => (text.includes(word) ? text.split(word).join(' ') : text);

  const findItem = (text: string): string | undefined => {
    for (const re of ITEM_PATTERNS) {
      const m = re.exec(text);
      if (m?.[1]) {
        const n = toNumber(m[1]);
        if (n !== undefined) return String(n);
      }
    }
    return undefined;
  };

  const findDeadline = (text: string): { deadline?: Query['deadline']; rest: string } => {
    let m = new RegExp(`(\\d{4})\\s*年\\s*${MONTH}\\s*月\\s*(?:底|末|份|前|之前)?`).exec(text);
    if (m?.[1] && m[2]) {
      const month = toNumber(m[2]) ?? 0;
      if (month >= 1 && month <= 12) return { deadline: { date: lastDay(Number(m[1]), month), label: m[0] }, rest: cut(text, m[0]) };
    }
    m = new RegExp(`明年\\s*${MONTH}\\s*月\\s*(?:底|末|份|前|之前)?`).exec(text);
    if (m?.[1]) {
      const month = toNumber(m[1]) ?? 0;
      if (month >= 1 && month <= 12) return { deadline: { date: lastDay(year + 1, month), label: m[0] }, rest: cut(text, m[0]) };
    }
    m = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
    if (m?.[2] && m[3]) {
      const [y, mo, da] = [m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3])];
      if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31) {
        return { deadline: { date: `${y}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`, label: m[0] }, rest: cut(text, m[0]) };
      }
    }
    m = /(\d{4})\s*年\s*(?:底|末)/.exec(text);
    if (m?.[1]) return { deadline: { date: `${m[1]}-12-31`, label: m[0] }, rest: cut(text, m[0]) };
    for (const w of ongoingWords) if (text.includes(w)) return { deadline: { ongoing: true, label: w }, rest: cut(text, w) };
    for (const w of yearEndWords) if (text.includes(w)) return { deadline: { date: `${year}-12-31`, label: w }, rest: cut(text, w) };
    m = new RegExp(`${MONTH}\\s*月\\s*(?:底|末|份|前|之前)`).exec(text) ?? new RegExp(`(?:^|[^\\d])(\\d{1,2})\\s*月(?![\\d份])`).exec(text);
    if (m?.[1]) {
      const month = toNumber(m[1]) ?? 0;
      if (month >= 1 && month <= 12) return { deadline: { date: lastDay(year, month), label: m[0].trim() }, rest: cut(text, m[0]) };
    }
    return { rest: text };
  };

  /** splits what is left into search words: Intl.Segmenter words, with runs of single characters joined (疫情防控) */
  const wordsOf = (piece: string): string[] => {
    const out: string[] = [];
    let run = '';
    const flush = (): void => {
      if (run.length >= 2) out.push(run);
      run = '';
    };
    for (const s of segmenter.segment(piece)) {
      if (!s.isWordLike) {
        flush();
        continue;
      }
      const w = s.segment;
      if (/^[a-z0-9.#]+$/.test(w)) {
        flush();
        if (/[a-z]/.test(w) ? w.length >= 2 : w.length >= 2) out.push(w.replace(/^[#.]+|[.]+$/g, ''));
      } else if ([...w].length === 1) run += w;
      else {
        flush();
        out.push(w);
      }
    }
    flush();
    return out.filter(Boolean);
  };

  const stripEdges = (piece: string): string => {
    let p = piece;
    let changed = true;
    while (changed && p.length > 0) {
      changed = false;
      if (singleFillers.has(p[0] as string)) {
        p = p.slice(1);
        changed = true;
      }
      if (p.length > 0 && singleFillers.has(p.slice(-1))) {
        p = p.slice(0, -1);
        changed = true;
      }
    }
    return p;
  };

  const UNIT_END = /[局委会部办府县区团港司厅院队站所中心]$/;

  const parse = (question: string): ParsedQuestion => {
    let text = clean(question);
    const query: Query = { kind: 'none' };
    const groups: string[][] = [];
    const phrases: string[] = [];
    let ambiguous: string[] | undefined;
    if (!text) return { query, groups, phrases };
    const compact = text.replace(/\s+/g, '');

    if (/^\/(help|start)\b/.test(text)) return { query: { kind: 'help' }, groups, phrases };
    const helpWord = helpWords.find((w) => compact.includes(w));
    if (helpWord) {
      // 怎么用 / 这个机器人怎么用 ask for help; 怎么查卫健委的目标 asks about 卫健委
      let rest = cut(compact, helpWord);
      for (const f of multiFillers) rest = cut(rest, f);
      rest = [...rest.replace(/\s+/g, '')].filter((ch) => !singleFillers.has(ch)).join('');
      if (rest.length <= 1) return { query: { kind: 'help' }, groups, phrases };
      text = cut(text, helpWord);
    }
    // before 序号: 57号的变化 is an item question about its history
    let history: Query['history'];
    for (const w of sinceLastWords) {
      if (text.includes(w)) {
        history = 'sinceLast';
        text = cut(text, w);
      }
    }
    for (const w of historyWords) {
      if (text.includes(w)) {
        history ??= 'all';
        text = cut(text, w);
      }
    }
    const item = findItem(text);
    if (item !== undefined) return { query: { kind: 'item', item, ...(history ? { history } : {}) }, groups, phrases };
    if (history) query.history = history;

    const everything = allWords.some((w) => compact.includes(w));
    for (const w of allWords) text = cut(text, w);
    let stats = false;
    for (const w of statsWords) {
      if (text.includes(w)) {
        stats = true;
        text = cut(text, w);
      }
    }
    // before status words: 绿灯 is narrower than 按计划 (a yellow target is still marked 是)
    for (const { word, light } of lightWords) {
      if (!text.includes(word)) continue;
      if (light === 'risk') query.risk = true;
      else query.light ??= light;
      text = cut(text, word);
    }
    // 有风险的红灯 is just red; a light inside 有风险 narrows it
    if (query.risk && query.light) delete query.risk;
    for (const { word, status } of statusWords) {
      const at = text.indexOf(word);
      if (at < 0) continue;
      // 未按计划推进 / 没有按期: a negated on-schedule word means lagging
      const negation = status === 'onSchedule' ? /(并未|尚未|没有|未|没|不)$/.exec(text.slice(Math.max(0, at - 2), at))?.[1] : undefined;
      query.status ??= negation ? 'lagging' : status;
      text = cut(text, negation ? negation + word : word);
    }
    const dl = findDeadline(text);
    if (dl.deadline) query.deadline = dl.deadline;
    // after deadlines, so 2022年底 is still read as a date
    text = dl.rest;
    for (const w of reportWords) text = cut(text, w);

    for (const m of leaders.scan(text.replace(/\s+/g, ' '))) {
      if (m.names[0] && !query.leader) query.leader = m.names[0];
    }
    for (const name of leaders.names) {
      const n = norm(name);
      if (n) text = cut(text, n);
    }
    const unitSet = new Set<string>();
    const unitMatches = units.scan(text);
    for (const m of unitMatches) {
      if (m.names.length === 0) query.unresolved ??= m.mention;
      if (m.names.length > 1) ambiguous = m.names;
      for (const n of m.names) unitSet.add(n);
    }
    // cut from the end so earlier offsets stay valid
    for (const m of [...unitMatches].reverse()) text = `${text.slice(0, m.start)} ${text.slice(m.end)}`;
    if (query.leader || unitSet.size > 0) for (const t of titleWords) text = cut(text, t);
    for (const f of multiFillers) text = cut(text, f);
    // 的 joins a name to what follows (科技局的目标): a separator anywhere
    text = cut(text, '的');

    for (const raw of text.split(/\s+/)) {
      let piece = stripEdges(raw);
      if (!piece) continue;
      // a leftover piece may still be a name written loosely: 工信局, 科技居, 王昌化, 市科学技术局
      const asUnit = units.resolve(piece);
      if (asUnit.length > 0) {
        if (asUnit.length > 1) ambiguous = asUnit;
        for (const n of asUnit) unitSet.add(n);
        continue;
      }
      if (!query.leader && piece.length >= 2 && piece.length <= 4 && [...piece].every(isHan)) {
        const asLeader = leaders.resolve(piece);
        if (asLeader.length === 1) {
          query.leader = asLeader[0];
          continue;
        }
      }
      // a unit at the start of a longer piece: 工信局5g, 卫健委托育
      let split = false;
      for (let k = Math.min(piece.length - 1, 12); k >= 2 && !split; k -= 1) {
        const head = piece.slice(0, k);
        if (!UNIT_END.test(head)) continue;
        const found = units.resolve(head);
        if (found.length > 0) {
          for (const n of found) unitSet.add(n);
          piece = stripEdges(piece.slice(k));
          split = true;
        }
      }
      if (!piece) continue;
      if (piece.length >= 3 && piece.length <= 8 && /(局|委|委员会|厅|办公室)$/.test(piece) && unitSet.size === 0) {
        // looks like a unit the table does not have (发改委, 教育局): say so instead of searching
        query.unresolved ??= piece;
        continue;
      }
      // the whole piece first: 5g网络 as written is the strongest phrase, whatever synonyms split off
      if (piece.length >= 2) phrases.push(piece);
      let rest = piece;
      for (const syn of synonyms) {
        if (rest.includes(syn.word)) {
          groups.push([syn.word, ...syn.alts.filter((a) => a !== syn.word)]);
          rest = cut(rest, syn.word);
        }
      }
      for (const sub of rest.split(/\s+/).filter(Boolean)) {
        const s = stripEdges(sub);
        if (!s) continue;
        if (s.length >= 2) phrases.push(s);
        for (const w of wordsOf(s)) groups.push([w]);
      }
    }

    if (unitSet.size > 0) query.units = [...unitSet];
    const terms = [...new Set(groups.map((g) => g[0] as string))];
    if (terms.length > 0) {
      query.terms = terms;
      query.phrase = [...new Set(phrases)].filter((p, _, all) => !all.some((o) => o !== p && o.includes(p))).join(' ');
    }
    const filtered = Boolean(query.units || query.leader || query.status || query.deadline || query.light || query.risk);
    // 5G基站完成率, 希望小屋有多少: words left over ask about a topic, not for the overview
    if (stats && terms.length === 0) query.kind = 'stats';
    else if (filtered) query.kind = terms.length > 0 ? 'search' : 'list';
    else if (terms.length > 0) query.kind = 'search';
    // 所有目标: every target, in order
    // 上季度以来的变化: every target's changes
    else query.kind = (everything || query.history) && !query.unresolved ? 'list' : 'none';
    return { query, groups, phrases, ...(ambiguous ? { ambiguous } : {}) };
  };

  return { parse, clean };
};
