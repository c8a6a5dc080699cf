import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AliasesError, DEFAULT_COUNT_WORDS, DEFAULT_HISTORY_WORDS, DEFAULT_LIGHT_WORDS, DEFAULT_RANKING_WORDS, loadAliases, parseAliases } from '../../src/qa/aliases';
import { ROOT } from './seed';

const valid = { units: {}, leaderTitles: [], synonyms: {}, fillers: [], status: { lagging: [], onSchedule: [] }, deadlines: { yearEnd: [], ongoing: [] }, stats: [], help: [] };

describe('loadAliases', () => {
  it('loads the shipped data/aliases.json', () => {
    const aliases = loadAliases(resolve(ROOT, 'data/aliases.json'));
    expect(aliases.units['工信局']).toEqual(['工业和信息化局']);
    expect(aliases.status.lagging).toContain('滞后');
  });

  it('names the file and the key of a bad entry', () => {
    expect(() => parseAliases({ ...valid, units: { 工信局: [] } }, 'data/aliases.json')).toThrow('data/aliases.json: units.工信局: needs at least one word');
    expect(() => parseAliases({ ...valid, status: { lagging: ['滞后', ''], onSchedule: [] } }, 'a.json')).toThrow('a.json: status.lagging[1]: empty word');
  });

  it('gives a file written before lights and history the built-in words, and validates them when present', () => {
    const old = parseAliases(valid, 'old.json');
    expect(old.lights).toEqual(DEFAULT_LIGHT_WORDS);
    expect(old.history).toEqual(DEFAULT_HISTORY_WORDS);
    // the shipped file lists them for admins to extend
    const shipped = loadAliases(resolve(ROOT, 'data/aliases.json'));
    expect(shipped.lights.yellow).toContain('黄灯');
    expect(shipped.history.sinceLast).toContain('上季度以来');
    expect(() => parseAliases({ ...valid, lights: { red: [], yellow: [''], green: [], risk: [] } }, 'a.json')).toThrow('a.json: lights.yellow[0]: empty word');
  });

  it('gives a file written before counts, rankings and places the built-in words (no places: they only add a check)', () => {
    const old = parseAliases(valid, 'old.json');
    expect(old.counts).toEqual(DEFAULT_COUNT_WORDS);
    expect(old.rankings).toEqual(DEFAULT_RANKING_WORDS);
    expect(old.places).toEqual([]);
    expect(() => parseAliases({ ...valid, rankings: { byUnit: [''], byLeader: [], order: [] } }, 'a.json')).toThrow('a.json: rankings.byUnit[0]: empty word');
  });

  it('names a missing section', () => {
    const { help: _omitted, ...rest } = valid;
    expect(() => parseAliases(rest, 'a.json')).toThrow(/^a\.json: help: /);
  });

  it('rejects a file that is missing or not JSON, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aliases-'));
    const bad = join(dir, 'aliases.json');
    writeFileSync(bad, '{"units": ');
    expect(() => loadAliases(bad)).toThrow(AliasesError);
    expect(() => loadAliases(bad)).toThrow(`${bad}: not valid JSON`);
    expect(() => loadAliases(join(dir, 'none.json'))).toThrow(`${join(dir, 'none.json')}: cannot read aliases file (ENOENT)`);
  });
});
