import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The hand-written words of question answering, kept in `data/aliases.json`
 * so an admin can extend them without a code change. Units, leaders and
 * deadlines themselves always come from the loaded table; these lists only
 * say how people refer to them.
 */
export interface Aliases {
  /** a mention (工信局) → names or parts of names as the table writes them (工业和信息化局) */
  units: Record<string, string[]>;
  /** words removed after a leader's name (副市长, 同志) */
  leaderTitles: string[];
  /** a user's word → the table's words, all searched (托儿所 → 托育) */
  synonyms: Record<string, string[]>;
  /** words that carry no meaning for the search (请问, 有哪些, 的) */
  fillers: string[];
  status: { lagging: string[]; onSchedule: string[] };
  deadlines: { yearEnd: string[]; ongoing: string[] };
  /** words that ask for the overview (统计, 完成率) */
  stats: string[];
  /** words that ask for help (帮助, 怎么用) */
  help: string[];
  /** words that ask for every target when nothing else is asked (所有目标, 全部任务, 目标清单) */
  all: string[];
}

const words = z.array(z.string().trim().min(1, 'empty word'));
const wordMap = z.record(z.string().trim().min(1, 'empty key'), words.min(1, 'needs at least one word'));

const schema = z.object({
  units: wordMap,
  leaderTitles: words,
  synonyms: wordMap,
  fillers: words,
  status: z.object({ lagging: words, onSchedule: words }),
  deadlines: z.object({ yearEnd: words, ongoing: words }),
  stats: words,
  help: words,
  all: words.default([]),
});

/** Thrown for a missing, unreadable or malformed aliases file; the message names the file and the key. */
export class AliasesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AliasesError';
  }
}

/**
 * Validates parsed JSON as aliases. `source` names the file in errors, e.g.
 * `data/aliases.json: status.lagging[3]: empty word`.
 */
export const parseAliases = (data: unknown, source: string): Aliases => {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue && issue.path.length > 0 ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : '(top level)';
    throw new AliasesError(`${source}: ${key}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
};

/** Reads and validates an aliases file such as `data/aliases.json`. */
export const loadAliases = (path: string): Aliases => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AliasesError(`${path}: cannot read aliases file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AliasesError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseAliases(data, path);
};
