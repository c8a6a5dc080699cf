import { createHash } from 'node:crypto';
import { leadersOf, unitsOf, type Report } from '../model';
import type { Answer } from '../qa/answer';
import type { Origin, QueryCache } from './query-cache';

/**
 * callback_data formats (Telegram allows 1–64 bytes; we use short ASCII only):
 *
 *   p:<ver>:<key>:<page>   a page of a list; <ver> = 6 hex chars of the report's sha256
 *                          key: lag | u<n> | l<n> | q<id>
 *                            lag   every lagging target
 *                            u<n>  the n-th unit of the report (sorted), i.e. /unit
 *                            l<n>  the n-th leader of the report (sorted), i.e. /leader
 *                            q<id> a question kept in the store's buttons (free text, /search)
 *   d:<id>                 a target's detail (序号, ASCII only)
 *   ex:<n>                 the n-th example question of /start
 *   noop                   the "2/5" label between the arrows
 *   s:all                  subscribe to every lagging target
 *   s:kw                   how to subscribe to a keyword
 *   s:mu:<page>            the unit menu of /subscribe, page n;  s:ml:<page> the leader menu
 *   s:u:<ver>:<n>          subscribe to the n-th unit of report <ver> (sorted);  s:l:… leader
 *   us:<id>                remove subscription <id>
 *   cm:<round>:<n>         the n-th header cell is the missing column (round of the question);  cm:<round>:x cancel
 *   bd:<a|r|x>:<id>        approve, refuse or remove binding <id> (督办)
 *   rm:<y|n>:<id>          send or cancel the reminder preview <id>
 *   fb:<report>:<序号>      reply (反馈) about a target of report <report> (the store's id)
 *   x:<ver>:<key>          export (导出) the list of <key> (as in p:) as a spreadsheet
 *   rq:<ver>:<key>         remind (催办) the units of the list of <key>: a preview, as /remind gives
 *
 * Unit, leader and lagging pages describe themselves, so they keep working after a
 * restart; the version makes buttons of an older report stale instead of wrong
 * (a new table can reorder units). Names are looked up, never carried: any data fits
 * in 64 bytes.
 */
export type CallbackData =
  | { type: 'page'; version: string; key: PageKey; page: number }
  | { type: 'detail'; id: string }
  | { type: 'example'; index: number }
  | { type: 'noop' }
  | { type: 'subscribe-all' }
  | { type: 'subscribe-keyword' }
  | { type: 'subscribe-menu'; of: NameKind; page: number }
  | { type: 'subscribe-pick'; of: NameKind; version: string; index: number }
  | { type: 'unsubscribe'; id: string }
  | { type: 'column'; round: number; cell: number | 'cancel' }
  | { type: 'binding'; action: 'approve' | 'refuse' | 'remove'; id: string }
  | { type: 'remind'; send: boolean; id: string }
  | { type: 'feedback'; report: number; target: string }
  | { type: 'export'; version: string; key: PageKey }
  | { type: 'remind-list'; version: string; key: PageKey };

export type NameKind = 'unit' | 'leader';

export type PageKey = { kind: 'lagging' } | { kind: 'unit'; index: number } | { kind: 'leader'; index: number } | { kind: 'query'; id: string };

/** 序号 that may go into callback_data and inline result ids as they are. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,40}$/;

const PAGE = /^p:([0-9a-f]{6}):(lag|u\d{1,6}|l\d{1,6}|q[A-Za-z0-9_-]{1,16}):(\d{1,5})$/;
const SUBSCRIBE_MENU = /^s:m([ul]):(\d{1,4})$/;
const SUBSCRIBE_PICK = /^s:([ul]):([0-9a-f]{6}):(\d{1,5})$/;
const UNSUBSCRIBE = /^us:([A-Za-z0-9_-]{1,16})$/;
const COLUMN = /^cm:(\d{1,6}):(\d{1,3}|x)$/;
const BINDING = /^bd:([arx]):([A-Za-z0-9_-]{1,16})$/;
const REMIND = /^rm:([yn]):([A-Za-z0-9_-]{1,16})$/;
const EXPORT = /^x:([0-9a-f]{6}):(lag|u\d{1,6}|l\d{1,6}|q[A-Za-z0-9_-]{1,16})$/;
const REMIND_LIST = /^rq:([0-9a-f]{6}):(lag|u\d{1,6}|l\d{1,6}|q[A-Za-z0-9_-]{1,16})$/;
const FEEDBACK = /^fb:(\d{1,12}):([A-Za-z0-9_-]{1,40})$/;
const BINDING_ACTIONS = { a: 'approve', r: 'refuse', x: 'remove' } as const;
const letterOf = (kind: NameKind): string => (kind === 'unit' ? 'u' : 'l');
const kindOf = (letter: string | undefined): NameKind => (letter === 'u' ? 'unit' : 'leader');

export const encodeCallback = (data: CallbackData): string => {
  switch (data.type) {
    case 'page':
      return `p:${data.version}:${encodeKey(data.key)}:${data.page}`;
    case 'detail':
      return `d:${data.id}`;
    case 'example':
      return `ex:${data.index}`;
    case 'noop':
      return 'noop';
    case 'subscribe-all':
      return 's:all';
    case 'subscribe-keyword':
      return 's:kw';
    case 'subscribe-menu':
      return `s:m${letterOf(data.of)}:${data.page}`;
    case 'subscribe-pick':
      return `s:${letterOf(data.of)}:${data.version}:${data.index}`;
    case 'unsubscribe':
      return `us:${data.id}`;
    case 'column':
      return `cm:${data.round}:${data.cell === 'cancel' ? 'x' : data.cell}`;
    case 'binding':
      return `bd:${{ approve: 'a', refuse: 'r', remove: 'x' }[data.action]}:${data.id}`;
    case 'remind':
      return `rm:${data.send ? 'y' : 'n'}:${data.id}`;
    case 'feedback':
      return `fb:${data.report}:${data.target}`;
    case 'export':
      return `x:${data.version}:${encodeKey(data.key)}`;
    case 'remind-list':
      return `rq:${data.version}:${encodeKey(data.key)}`;
  }
};

const encodeKey = (key: PageKey): string => {
  switch (key.kind) {
    case 'lagging':
      return 'lag';
    case 'unit':
      return `u${key.index}`;
    case 'leader':
      return `l${key.index}`;
    case 'query':
      return `q${key.id}`;
  }
};

/** Parses callback_data; anything unexpected (forged, from an old version) gives undefined. */
export const decodeCallback = (raw: string | undefined): CallbackData | undefined => {
  if (raw === undefined) return undefined;
  if (raw === 'noop') return { type: 'noop' };
  const page = PAGE.exec(raw);
  if (page) {
    const [, version = '', key = '', n = ''] = page;
    const pageNumber = Number(n);
    if (pageNumber < 1) return undefined;
    return { type: 'page', version, key: decodeKey(key), page: pageNumber };
  }
  if (raw.startsWith('d:') && SAFE_ID.test(raw.slice(2))) return { type: 'detail', id: raw.slice(2) };
  const example = /^ex:(\d)$/.exec(raw);
  if (example) return { type: 'example', index: Number(example[1]) };
  if (raw === 's:all') return { type: 'subscribe-all' };
  if (raw === 's:kw') return { type: 'subscribe-keyword' };
  const menu = SUBSCRIBE_MENU.exec(raw);
  if (menu) return { type: 'subscribe-menu', of: kindOf(menu[1]), page: Number(menu[2]) };
  const pick = SUBSCRIBE_PICK.exec(raw);
  if (pick) return { type: 'subscribe-pick', of: kindOf(pick[1]), version: pick[2]!, index: Number(pick[3]) };
  const unsubscribe = UNSUBSCRIBE.exec(raw);
  if (unsubscribe) return { type: 'unsubscribe', id: unsubscribe[1]! };
  const column = COLUMN.exec(raw);
  if (column) return { type: 'column', round: Number(column[1]), cell: column[2] === 'x' ? 'cancel' : Number(column[2]) };
  const binding = BINDING.exec(raw);
  if (binding) return { type: 'binding', action: BINDING_ACTIONS[binding[1] as keyof typeof BINDING_ACTIONS], id: binding[2]! };
  const remind = REMIND.exec(raw);
  if (remind) return { type: 'remind', send: remind[1] === 'y', id: remind[2]! };
  const feedback = FEEDBACK.exec(raw);
  if (feedback) return { type: 'feedback', report: Number(feedback[1]), target: feedback[2]! };
  const exported = EXPORT.exec(raw);
  if (exported) return { type: 'export', version: exported[1]!, key: decodeKey(exported[2]!) };
  const remindList = REMIND_LIST.exec(raw);
  if (remindList) return { type: 'remind-list', version: remindList[1]!, key: decodeKey(remindList[2]!) };
  return undefined;
};

const decodeKey = (key: string): PageKey => {
  if (key === 'lag') return { kind: 'lagging' };
  if (key.startsWith('u')) return { kind: 'unit', index: Number(key.slice(1)) };
  if (key.startsWith('l')) return { kind: 'leader', index: Number(key.slice(1)) };
  return { kind: 'query', id: key.slice(1) };
};

/**
 * Per-report lookups for page keys, memoised per Report object (a new import is a
 * new object, so nothing goes stale).
 */
export interface PageKeys {
  version(report: Report): string;
  /** the key that lets a page button ask `origin` again (a free-text question is stored first) */
  keyFor(report: Report, origin: Origin, answer: Answer): Promise<PageKey>;
  /** the question a key stands for, or undefined when it cannot be asked again (expired, unknown) */
  originOf(report: Report, key: PageKey): Promise<Origin | undefined>;
  /** the self-describing key of one unit's or leader's list, for a button that picks it; undefined when the report lacks the name */
  keyOfName(report: Report, kind: 'unit' | 'leader', name: string): PageKey | undefined;
}

interface Catalog {
  version: string;
  units: string[];
  leaders: string[];
}

export const createPageKeys = (queries: QueryCache): PageKeys => {
  const catalogs = new WeakMap<Report, Catalog>();
  const catalog = (report: Report): Catalog => {
    let found = catalogs.get(report);
    if (!found) {
      const units = new Set<string>();
      const leaders = new Set<string>();
      for (const target of report.targets) {
        for (const u of unitsOf(target)) units.add(u);
        for (const l of leadersOf(target)) leaders.add(l);
      }
      found = {
        version: reportVersion(report),
        units: [...units].sort(),
        leaders: [...leaders].sort(),
      };
      catalogs.set(report, found);
    }
    return found;
  };

  return {
    version: (report) => catalog(report).version,
    async keyFor(report, origin, answer) {
      const { units, leaders } = catalog(report);
      const q = answer.query;
      if (origin.as === 'lagging') return { kind: 'lagging' };
      const only = (...keys: string[]) => Object.entries(q).every(([k, v]) => v === undefined || k === 'kind' || keys.includes(k));
      // A plain unit or leader list (from /unit or from free text like 市科技局的目标) can be asked again by name.
      if (q.kind === 'list' && q.units?.length === 1 && only('units')) {
        const index = units.indexOf(q.units[0]!);
        if (index >= 0) return { kind: 'unit', index };
      }
      if (q.kind === 'list' && q.leader !== undefined && only('leader')) {
        const index = leaders.indexOf(q.leader);
        if (index >= 0) return { kind: 'leader', index };
      }
      if (q.kind === 'list' && q.status === 'lagging' && only('status')) return { kind: 'lagging' };
      return { kind: 'query', id: await queries.put(origin) };
    },
    keyOfName(report, kind, name) {
      const index = (kind === 'unit' ? catalog(report).units : catalog(report).leaders).indexOf(name);
      return index < 0 ? undefined : { kind, index };
    },
    async originOf(report, key) {
      const { units, leaders } = catalog(report);
      switch (key.kind) {
        case 'lagging':
          return { as: 'lagging' };
        case 'unit': {
          const unit = units[key.index];
          return unit === undefined ? undefined : { as: 'unit', arg: unit };
        }
        case 'leader': {
          const leader = leaders[key.index];
          return leader === undefined ? undefined : { as: 'leader', arg: leader };
        }
        case 'query':
          return queries.get(key.id);
      }
    },
  };
};

/** 6 hex chars naming a report's content: the file's sha256 when known. */
export const reportVersion = (report: Report): string => {
  const sha = report.source?.sha256;
  if (typeof sha === 'string' && /^[0-9a-f]{6}/i.test(sha)) return sha.slice(0, 6).toLowerCase();
  return createHash('sha256')
    .update(JSON.stringify([report.title, report.asOf, report.targets.map((t) => t.id)]))
    .digest('hex')
    .slice(0, 6);
};
