import { composeImportDigest, composeScheduledDigest } from '../../src/alerts/compose';
import { KEYWORD_SCOPE } from '../../src/wording/alerts';
import { laggingUnder } from '../../src/alerts/filters';
import { resolveFilter } from '../../src/alerts/resolve-filter';
import { diffReports } from '../../src/import/diff';
import { isLagging, leadersOf, unitsOf } from '../../src/model';
import { parseTable } from '../../src/table/load-table';
import { seed } from '../qa/seed';
import { matcher } from './helpers';
import { editedSeed } from './tables';
import { verdictCsv } from '../table/layouts';

const LIMITS = { maxMessageUnits: 4000, targetsPerPart: 15 };
const ids = (html: string): string[] => [...html.matchAll(/^• <b>([^<]+)<\/b>/gm)].map((m) => m[1]!);
const sorted = (list: readonly string[]): string[] => [...list].sort((a, b) => Number(a) - Number(b));
const KEYWORDS = ['5G', '医养', '托育', '疫情', '招商'];

/** A keyword, unit or leader subscription selects with the question engine's matcher, never a second one. */
describe('filter matcher', () => {
  it.each(KEYWORDS)('a subscription to %s is alerted about exactly the targets /search lists for it', async (keyword) => {
    const { engine, report } = await seed();
    const searched = sorted(engine.askAs('search', keyword).hits.map((h) => h.target.id));
    expect(searched.length).toBeGreaterThan(0);
    const resolution = resolveFilter(keyword, engine.understand(keyword));
    if (!resolution.ok) throw new Error(`/subscribe ${keyword} did not resolve: ${resolution.reason}`);
    expect(resolution.filter.kind).toBe('keyword');
    const filters = [resolution.filter];
    const m = matcher();

    // every target the filter selects, lagging or not
    expect(sorted(report.targets.filter(m(resolution.filter, report)).map((t) => t.id))).toEqual(searched);

    // an import that flips every target's status (the texts, and so the search, stay): the digest lists each searched target, and no other
    const flipped = await parseTable(editedSeed({ lagging: report.targets.filter((t) => !isLagging(t)).map((t) => t.id), recovered: report.targets.filter(isLagging).map((t) => t.id) }), 'q4.tsv');
    const diff = diffReports(report, flipped);
    expect(diff.changes).toHaveLength(report.targets.length);
    expect(sorted(composeImportDigest({ report: flipped, previous: report, diff, filters, matcher: m, limits: LIMITS }).flatMap(ids))).toEqual(searched);

    // the scheduled digest: the lagging ones among them
    const laggingSearched = searched.filter((id) => isLagging(report.targets.find((t) => t.id === id)!));
    const [digest] = composeScheduledDigest({ report, filters, matcher: m, limits: LIMITS, today: '2022-10-10', remindDays: 0, kind: 'daily' });
    expect(sorted(ids(digest!))).toEqual(laggingSearched);
    expect(digest).toContain(KEYWORD_SCOPE);
    expect(laggingUnder(report, filters, m).map((t) => t.id)).toEqual(laggingSearched);
  });

  it('selects for every unit and leader of the table the targets that name it, as /unit and /leader list them', async () => {
    const { engine, report } = await seed();
    const m = matcher();
    const units = [...new Set(report.targets.flatMap(unitsOf))];
    const leaders = [...new Set(report.targets.flatMap(leadersOf))];
    expect(units.length).toBeGreaterThan(10);
    for (const unit of units) {
      const selected = report.targets.filter(m({ kind: 'unit', unit }, report)).map((t) => t.id);
      expect({ unit, selected }).toEqual({ unit, selected: report.targets.filter((t) => unitsOf(t).includes(unit)).map((t) => t.id) });
      expect(sorted(selected)).toEqual(sorted(engine.askAs('unit', unit).hits.map((h) => h.target.id)));
    }
    for (const leader of leaders) {
      const selected = report.targets.filter(m({ kind: 'leader', leader }, report)).map((t) => t.id);
      expect({ leader, selected }).toEqual({ leader, selected: report.targets.filter((t) => leadersOf(t).includes(leader)).map((t) => t.id) });
    }
  });
});

describe('subscription filters on a table with 配合单位', () => {
  it('a unit subscription covers the targets the unit only supports', async () => {
    const report = await parseTable(verdictCsv(), 'q.csv');
    const m = matcher();
    // 市财政局 supports 41 (on plan) and 57 (欠进度); 市农业农村局 supports 59 (未开工, which lags too)
    expect(laggingUnder(report, [{ kind: 'unit', unit: '市财政局' }], m).map((t) => t.id)).toEqual(['57']);
    expect(laggingUnder(report, [{ kind: 'unit', unit: '市农业农村局' }], m).map((t) => t.id)).toEqual(['59']);
  });
});
