/**
 * What the question-answering engine gives back: data, never formatted text.
 * Views (plain text for `npm run ask` and the console, HTML for Telegram) turn
 * an Answer into a message; the bot and the CLI share them, so both carry the
 * same content.
 */
import type { Target } from '../model';

export type AnswerKind = 'item' | 'list' | 'search' | 'stats' | 'help' | 'none';

export type Status = 'lagging' | 'onSchedule';

/** A question understood as filters plus search words. Canonical names come from the loaded data. */
export interface Query {
  kind: 'item' | 'list' | 'search' | 'stats' | 'help' | 'none';
  /** 序号 asked for (第57项, 57号, #57, /item 57) */
  item?: string;
  /** canonical unit names as written in the table (市工业和信息化局); several when the mention is ambiguous */
  units?: string[];
  /** canonical leader name (王昌华) */
  leader?: string;
  status?: Status;
  /** a resolved deadline: a date (YYYY-MM-DD), or 'ongoing' for 长期坚持 */
  deadline?: { date: string; label: string } | { ongoing: true; label: string };
  /** normalised search words left after filters and filler words are removed */
  terms?: string[];
  /** the same search words as the question wrote them together (5g基站), for display */
  phrase?: string;
  /** the mention that could not be resolved, for the 'nothing found' reply */
  unresolved?: string;
}

export interface Hit {
  target: Target;
  /** 0 = perfect; only for search answers */
  score?: number;
  /** the words that matched, for display */
  matched?: string[];
}

export interface GroupStats {
  name: string;
  total: number;
  lagging: number;
}

export interface Stats {
  total: number;
  assignments: number;
  lagging: number;
  onScheduleRate: number;
  byUnit: GroupStats[];
  byLeader: GroupStats[];
  /** what the figures cover, for the reply's header (菏泽市 2022 第三季度, 截至 2022-09-30) */
  scope?: { city: string; year: number; period: string; asOf: string };
}

export interface Answer {
  kind: AnswerKind;
  /** the question as asked */
  question: string;
  query: Query;
  /** every matching target, in display order (lists ascending by 序号, search best first) */
  hits: Hit[];
  /** for kind 'stats' */
  stats?: Stats;
  /** for an ambiguous unit or leader mention: the candidates to pick from */
  candidates?: string[];
  /** for an unknown 序号: the first and last 序号 of the report, so the reply can say what exists */
  idRange?: { first: string; last: string };
}

/** The 序号 of every hit, in display order: what `npm run ask -- --json` prints as ids. */
export const idsOf = (answer: Answer): string[] => answer.hits.map((h) => h.target.id);
