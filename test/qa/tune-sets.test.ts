import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idsOf, type Answer } from '../../src/qa/answer';
import { createEngine, type Engine } from '../../src/qa/engine';
import { parseTable } from '../../src/table/load-table';
import { seed } from './seed';

/**
 * The blind sets of issue 22 (test/qa/tune/), written by people who never saw the code: 100 persona questions and
 * 50 dictated sentences on the shipped table, and 100 questions each on another city's and a county's table in
 * their own layouts. Scored before the work at 58, 27, 87 and 54; tuned on since. Each set must not fall
 * below what it scores now (the floors), so a later change that loses a class shows here.
 */
interface Case {
  q: string;
  match: 'list' | 'item' | 'top1' | 'top3' | 'none' | 'stats' | 'help';
  ids: string[];
}
const read = (file: string): Case[] =>
  readFileSync(join(__dirname, 'tune', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);

/** Same grading as ../shared/eval/score.mjs. */
const passes = (c: Case, a: Answer): boolean => {
  const ids = idsOf(a);
  const same = (x: string[], y: string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  switch (c.match) {
    case 'list':
      return same([...ids].sort(), [...c.ids].sort());
    case 'item':
      return same(ids, c.ids);
    case 'top1':
      return ids[0] === c.ids[0];
    case 'top3':
      return ids.slice(0, 3).includes(c.ids[0] as string);
    case 'none':
      return ids.length === 0;
    default:
      return a.kind === c.match;
  }
};

const SETS: { name: string; file: string; table?: string; floor: number }[] = [
  { name: 'personas on the shipped table', file: 'heze-personas.jsonl', floor: 93 },
  { name: 'dictated sentences on the shipped table', file: 'heze-dictated.jsonl', floor: 35 },
  { name: "another city's table", file: 'city-questions.jsonl', table: 'city.tsv', floor: 95 },
  { name: "a county's table", file: 'county-questions.jsonl', table: 'county.tsv', floor: 92 },
];

describe.each(SETS)('the blind set: $name', ({ file, table, floor }) => {
  it(`scores at least ${floor}`, async () => {
    const { engine: shipped, normalize, aliases } = await seed();
    const engine: Engine = table ? createEngine({ report: await parseTable(readFileSync(join(__dirname, 'tune', table)), table), normalize, aliases }) : shipped;
    const cases = read(file);
    const missed = cases.filter((c) => !passes(c, engine.ask(c.q))).map((c) => c.q);
    expect(cases.length - missed.length).toBeGreaterThanOrEqual(floor);
  });
});
