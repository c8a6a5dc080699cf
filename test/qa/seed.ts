import { resolve } from 'node:path';
import type { Report, Target } from '../../src/model';
import type { Aliases } from '../../src/qa/aliases';
import type { Engine } from '../../src/qa/engine';
import type { Normalize } from '../../src/text/normalize';
import { testCore } from '../helpers/core';

export const ROOT = resolve(__dirname, '../..');

export interface Seed {
  report: Report;
  engine: Engine;
  normalize: Normalize;
  aliases: Aliases;
}

let shared: Promise<Seed> | undefined;

/** The shipped table and a real engine over it, as the app builds them (src/core.ts), once per test file. */
export const seed = (): Promise<Seed> =>
  (shared ??= (async () => {
    const core = testCore();
    const report = await core.readTable(resolve(ROOT, 'data/heze-2022-q3.tsv'));
    return { report, normalize: core.normalize, aliases: core.aliases, engine: core.engineFor(report) };
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
