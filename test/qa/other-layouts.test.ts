import { resolve } from 'node:path';
import type { Report } from '../../src/model';
import { loadAliases } from '../../src/qa/aliases';
import { createEngine, type Engine } from '../../src/qa/engine';
import { parseTable } from '../../src/table/load-table';
import { createNormalizer } from '../../src/text/normalize';
import { renderAnswer, renderTarget } from '../../src/view';
import { seed } from './seed';
import { countyTsv, districtGbTsv, LEDGER_COLUMNS, ledgerXlsx, mergedXlsx, ROWS, verdictCsv } from '../table/layouts';

const ROOT = resolve(__dirname, '../..');
const normalize = createNormalizer();
const aliases = loadAliases(resolve(ROOT, 'data/aliases.json'));

/** The seed 序号 of a target, found by its text: the district layout numbers its rows itself. */
const seedIdOf = (text: string): string => ROWS.find((r) => r.text === text)!.id;

interface Layout {
  name: string;
  load: () => Promise<Report>;
  verdicts: boolean;
  cooperating: boolean;
}

const LAYOUTS: Layout[] = [
  { name: 'county TSV (配合单位, 是否达到序时进度)', load: () => parseTable(countyTsv(), 'c.tsv'), verdicts: false, cooperating: true },
  { name: 'CSV with a verdict column', load: () => parseTable(verdictCsv(), 'q.csv'), verdicts: true, cooperating: true },
  { name: 'merged-cell .xlsx with 推进状态', load: async () => parseTable(await mergedXlsx(), 'm.xlsx'), verdicts: true, cooperating: true },
  { name: '.xlsx mapped with --column', load: async () => parseTable(await ledgerXlsx(), 'l.xlsx', { columns: LEDGER_COLUMNS }), verdicts: false, cooperating: false },
  { name: 'GB18030 TSV, roles in the units cell', load: () => parseTable(districtGbTsv(), 'd.tsv'), verdicts: false, cooperating: true },
];

describe.each(LAYOUTS)('questions on the $name', ({ load, verdicts, cooperating }) => {
  let engine: Engine;
  const ids = (question: string): string[] =>
    engine
      .ask(question)
      .hits.map((h) => seedIdOf(h.target.text))
      .sort();
  beforeAll(async () => {
    engine = createEngine({ report: await load(), normalize, aliases });
  });

  it('answers unit questions, with the units that only cooperate', () => {
    expect(ids('工信局的目标')).toEqual(['57', '58', '59']);
    expect(ids('市行政审批服务局负责哪些')).toEqual(['40', '41']);
    if (cooperating) {
      expect(ids('市财政局的目标')).toEqual(['41', '57']);
      expect(ids('市财政局配合的目标')).toEqual(['41', '57']);
      expect(ids('市财政局牵头的目标')).toEqual([]);
      expect(ids('工信局牵头的')).toEqual(['57', '58', '59']);
    }
    expect(ids('/unit 鲁西新区')).toEqual(['47']);
  });

  it('answers leader questions', () => {
    expect(ids('王昌华负责的目标')).toEqual(['41', '57', '58', '59']);
    expect(ids('张鹏副市长')).toEqual(['47']);
  });

  it('answers status questions', () => {
    expect(ids('滞后的项目')).toEqual(verdicts ? ['47', '57', '59'] : ['47', '57']);
    expect(ids('王昌华负责的滞后项目')).toEqual(verdicts ? ['57', '59'] : ['57']);
    expect(ids('欠进度的')).toEqual(['47', '57']);
    expect(ids('未开工的')).toEqual(verdicts ? ['59'] : []);
    expect(ids('超进度的')).toEqual(verdicts ? ['58'] : ['40', '41', '42', '58', '59']);
  });

  it('answers done questions: the verdict where the table has one, 按计划 where it says only 是/否', () => {
    expect(ids('已完成的目标')).toEqual(verdicts ? ['40', '42'] : ['40', '41', '42', '58', '59']);
    expect(ids('聂元科分管的已完成的')).toEqual(verdicts ? ['40', '42'] : ['40', '41', '42']);
  });
});

describe('answers on a table with 配合单位 and verdicts', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = createEngine({ report: await parseTable(verdictCsv(), 'q.csv', { city: '某市' }), normalize, aliases });
  });

  it("labels each target of a unit with the unit's role", () => {
    const text = renderAnswer(engine.ask('市财政局的目标'), { format: 'plain' }).text;
    const lines = text.split('\n');
    expect(lines.find((l) => l.startsWith('41 '))).toMatch(/【配合】/);
    expect(lines.find((l) => l.startsWith('57 '))).toMatch(/【配合】.*市工业和信息化局（牵头）、市财政局（配合）、市统计局（配合）/);
    const lead = renderAnswer(engine.ask('工信局的目标'), { format: 'plain' }).text;
    expect(lead).not.toMatch(/【/);
  });

  it('shows the cooperating units and the verdict of each assignment in an item', () => {
    const hit = engine.ask('第57项').hits[0]!;
    const text = renderTarget(hit.target, 'plain', hit.assessment);
    expect(text).toContain('配合单位：市财政局、市统计局');
    expect(text).toMatch(/第 57 项 🔴 未按计划完成进度/);
    const done = engine.ask('第40项').hits[0]!;
    expect(done.assessment?.light).toBe('green');
    expect(renderTarget(done.target, 'plain', done.assessment)).toMatch(/第 40 项 🟢 已完成/);
    expect(engine.ask('第59项').hits[0]!.assessment).toMatchObject({ light: 'red', reasons: [expect.stringMatching(/^未开工/)] });
  });

  it('counts verdicts and cooperating units in the statistics', () => {
    const a = engine.ask('统计');
    expect(a.stats?.stages).toEqual({ done: 2, ahead: 1, 'on-plan': 1, behind: 2, 'not-started': 1 });
    expect(a.stats?.byUnit.find((g) => g.name === '市财政局')).toMatchObject({ total: 2, lagging: 1 });
    const text = renderAnswer(a, { format: 'plain' }).text;
    expect(text).toContain('按进度评价：未开工 1 · 欠进度 2 · 达进度 1 · 超进度 1 · 已完成 2');
    expect(text).toContain('某市 2022 1-9月');
  });

  it('says so when no target has the asked verdict', () => {
    const text = renderAnswer(engine.ask('市财政局未开工的'), { format: 'plain' }).text;
    expect(text).toContain('没有未开工的目标。');
  });
});

describe("a unit's role on a table without 配合单位", () => {
  it('reads the first unit of a cell naming several as the leading one', async () => {
    const { engine } = await seed();
    // 72's cell is 市生态环境局 市科技局 市商务局: 市科技局 supports there, and leads alone everywhere else
    expect(engine.ask('市科技局牵头的目标').hits.map((h) => h.target.id)).toEqual(['52', '53', '54', '55', '56']);
    expect(engine.ask('市科技局配合的目标').hits.map((h) => h.target.id)).toEqual(['72']);
  });
});
