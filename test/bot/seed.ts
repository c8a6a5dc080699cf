import { resolve } from 'node:path';
import type { QaEngine } from '../../src/bot/deps';
import type { Report } from '../../src/model';
import { loadAliases } from '../../src/qa/aliases';
import { createEngine } from '../../src/qa/engine';
import { readTableFile } from '../../src/table/load-table';
import { createNormalizer } from '../../src/text/normalize';

export const ROOT = resolve(__dirname, '../..');

let shared: Promise<{ report: Report; engine: QaEngine }> | undefined;

/** The seed table and the real engine over it, built once per test file (OpenCC and parsing take ~0.3 s). */
export const seedEngine = (): Promise<{ report: Report; engine: QaEngine }> =>
  (shared ??= (async () => {
    const report = await readTableFile(resolve(ROOT, 'data/heze-2022-q3.tsv'));
    const engine = createEngine({ report, normalize: createNormalizer(), aliases: loadAliases(resolve(ROOT, 'data/aliases.json')) });
    return { report, engine };
  })());
