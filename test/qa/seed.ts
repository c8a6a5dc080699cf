import { resolve } from 'node:path';
import type { Report, Target } from '../../src/model';
import { loadAliases, type Aliases } from '../../src/qa/aliases';
import { createEngine, type Engine } from '../../src/qa/engine';
import { readTableFile } from '../../src/table/load-table';
import { createNormalizer, type Normalize } from '../../src/text/normalize';

export const ROOT = resolve(__dirname, '../..');

export interface Seed {
  report: Report;
  engine: Engine;
  normalize: Normalize;
  aliases: Aliases;
}

let shared: Promise<Seed> | undefined;

/** The shipped table, aliases and a real engine, built once per test file (OpenCC loads in ~0.1 s). */
export const seed = (): Promise<Seed> =>
  (shared ??= (async () => {
    const report = await readTableFile(resolve(ROOT, 'data/heze-2022-q3.tsv'));
    const normalize = createNormalizer();
    const aliases = loadAliases(resolve(ROOT, 'data/aliases.json'));
    return { report, normalize, aliases, engine: createEngine({ report, normalize, aliases }) };
  })());

/** A hand-made target for small, new tables. */
export const target = (id: string, text: string, leader: string, units: string[], progress = '', onSchedule = true, deadline = '年底'): Target => ({
  id,
  text,
  deadline: deadline === '长期坚持' ? { kind: 'ongoing', text: deadline } : { kind: 'date', text: deadline, date: '2030-12-31' },
  assignments: [{ leader, units, progress, onSchedule, row: Number(id) + 1 }],
});

/** A report around hand-made targets (a table the code has never seen). */
export const report = (targets: Target[], year = 2030): Report => ({
  title: '某市责任目标',
  city: '某市',
  year,
  period: '第一季度',
  asOf: `${year}-03-31`,
  source: { file: 'test.tsv', sha256: 'x', format: 'utf-8' },
  targets,
});
