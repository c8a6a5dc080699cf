import { resolve } from 'node:path';
import { z } from 'zod';
import { readDataFile } from './data-file';

/**
 * Everyday words for the topics of government work (托儿所, 信号塔, GDP, 电诈, 保租房) and the
 * official words tables write for them (托育, 基站, 地区生产总值, 电信网络诈骗, 保障性租赁住房),
 * kept in `data/everyday-words.json` for any city: people ask in their own words, tables are
 * written in the official ones. The topic pass (parse/topic.ts) searches a said word the loaded
 * table never uses as itself or any of its official words the table does use.
 */
export interface EverydayTopic {
  /** the field of government work, for reading the file only */
  field: string;
  /** words as people say or type them */
  say: string[];
  /** the words a table may write instead, most official first */
  table: string[];
}

const schema = z.object({
  topics: z.array(
    z.object({
      field: z.string().trim().min(1),
      say: z.array(z.string().trim().min(2)).min(1),
      table: z.array(z.string().trim().min(1)).min(1),
    }),
  ),
});

/** data/everyday-words.json ships with the code; admins extend it in place. */
export const EVERYDAY_WORDS_FILE = resolve(__dirname, '../../data/everyday-words.json');

let shipped: readonly EverydayTopic[] | undefined;

/** Reads and validates an everyday-words file; the error names the file and the key. */
export const loadEverydayWords = (path: string = EVERYDAY_WORDS_FILE): readonly EverydayTopic[] => {
  if (path === EVERYDAY_WORDS_FILE && shipped) return shipped;
  const list = Object.freeze(readDataFile(path, schema, 'everyday words').topics);
  if (path === EVERYDAY_WORDS_FILE) shipped = list;
  return list;
};

/**
 * Said word → the official words it may stand for, merged over every entry that lists it
 * (食品 is said for 食品安全 and for 餐饮), normalised as questions are (GDP → gdp).
 */
export const everydayMap = (topics: readonly EverydayTopic[], norm: (w: string) => string): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const t of topics) {
    const table = t.table.map(norm);
    for (const s of t.say.map(norm))
      out.set(
        s,
        [...new Set([...(out.get(s) ?? []), ...table])].filter((w) => w !== s),
      );
  }
  return out;
};
