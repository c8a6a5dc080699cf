import { resolve } from 'node:path';
import { z } from 'zod';
import { readDataFile } from './data-file';

/**
 * The usual departments of a city's or county's government (审计局, 司法局, 水务局…), kept in
 * `data/departments.json` for any city. A department whose core words no unit of the loaded table holds
 * is one the table lacks: its name is read as that absent unit (the reply says the table has none),
 * never as a table unit of a similar sound or shape (src/qa/names.ts).
 */
export interface Department {
  /** what people call it, without 市/县/区 */
  names: string[];
  /** words a unit name holds when the table has this department under any name */
  core: string[];
}

const schema = z.object({
  departments: z.array(z.object({ names: z.array(z.string().trim().min(2)).min(1), core: z.array(z.string().trim().min(2)).min(1) })),
});

/** data/departments.json ships with the code; admins extend it in place. */
export const DEPARTMENTS_FILE = resolve(__dirname, '../../data/departments.json');

let shipped: readonly Department[] | undefined;

/** Reads and validates a departments file; the error names the file and the key. */
export const loadDepartments = (path: string = DEPARTMENTS_FILE): readonly Department[] => {
  if (path === DEPARTMENTS_FILE && shipped) return shipped;
  const list = Object.freeze(readDataFile(path, schema, 'departments').departments);
  if (path === DEPARTMENTS_FILE) shipped = list;
  return list;
};
