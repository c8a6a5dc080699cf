import { resolve } from 'node:path';
import { z } from 'zod';
import { readDataFile } from './data-file';

/**
 * Offices renamed or merged in the 2018–2019 institutional reform (国土局 → 自然资源和规划局,
 * 安监局 → 应急管理局…), kept in `data/successions.json` for any city: people still say the
 * old names. Each old name is read as the first of its successors the loaded table has
 * (src/qa/names.ts); with none of them in the table the reply says the table has no such
 * unit instead of guessing.
 */
export interface Succession {
  /** the successor's names, most official first, without 市/县/区 */
  now: string[];
  /** old names as people say them */
  was: string[];
}

const schema = z.object({
  successions: z.array(z.object({ now: z.array(z.string().trim().min(1)).min(1), was: z.array(z.string().trim().min(1)).min(1) })),
});

/** data/successions.json ships with the code; admins extend it in place. */
export const SUCCESSIONS_FILE = resolve(__dirname, '../../data/successions.json');

let shipped: readonly Succession[] | undefined;

/** Reads and validates a successions file; the error names the file and the key. */
export const loadSuccessions = (path: string = SUCCESSIONS_FILE): readonly Succession[] => {
  if (path === SUCCESSIONS_FILE && shipped) return shipped;
  const list = Object.freeze(readDataFile(path, schema, 'successions').successions);
  if (path === SUCCESSIONS_FILE) shipped = list;
  return list;
};
