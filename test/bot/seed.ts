import { resolve } from 'node:path';
import type { QaEngine } from '../../src/bot/deps';
import type { Report } from '../../src/model';
import { seed } from '../qa/seed';

export const ROOT = resolve(__dirname, '../..');

/** The seed table and the real engine over it, built once per test file. */
export const seedEngine = async (): Promise<{ report: Report; engine: QaEngine }> => {
  const { report, engine } = await seed();
  return { report, engine };
};
