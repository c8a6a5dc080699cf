import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** Reads and validates one of the JSON files in data/ (a BOM allowed); the error names the file, what it holds and the key. */
export const readDataFile = <T>(path: string, schema: z.ZodType<T>, what: string): T => {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${path}: cannot read ${what} (${(err as Error).message})`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
};
