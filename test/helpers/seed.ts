import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped seed table, as bytes and as lines, for fixtures that are slices of real data. */
export const SEED_PATH = join(__dirname, '..', '..', 'data', 'heze-2022-q3.tsv');
export const seedBytes = (): Buffer => readFileSync(SEED_PATH);
export const seedLines = (): string[] =>
  seedBytes()
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);

/** Title, blank lines and header of the seed, then the given data lines. */
export const seedTable = (dataLines: string[]): string => {
  const lines = seedLines();
  const header = lines.findIndex((l) => l.startsWith('序号\t'));
  return [...lines.slice(0, header + 1), ...dataLines].join('\n');
};

/** The seed's data line for a 序号 (first row of that target). */
export const seedLine = (id: string): string => {
  const line = seedLines().find((l) => l.startsWith(`${id}\t`));
  if (!line) throw new Error(`no seed line for ${id}`);
  return line;
};
