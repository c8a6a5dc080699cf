import type { Query } from '../../src/qa/answer';
import { dropKind, FILTER_KIND_NAMES, FILTER_KINDS, filtersOf, kindsOf, narrows, pickKind, replaceKind, setAsidePart } from '../../src/qa/filter-kinds';
import { parseTable } from '../../src/table/load-table';
import { sectionOf } from '../../src/table/parse-report';
import { createEngine } from '../../src/qa/engine';
import { seed } from './seed';

describe('the registry of filter kinds', () => {
  const q: Query = { kind: 'list', units: ['市科技局'], leader: '王昌华', status: 'lagging', deadline: { date: '2022-12-31', label: '年底' }, readAs: [], terms: ['5g'] };

  it('names every kind once, each with its own fields', () => {
    expect(Object.keys(FILTER_KINDS).sort()).toEqual([...FILTER_KIND_NAMES].sort());
    const fields = FILTER_KIND_NAMES.flatMap((k) => FILTER_KINDS[k].fields);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('reads, picks, drops and swaps kinds of a query', () => {
    expect(kindsOf(q)).toEqual(['unit', 'leader', 'status', 'deadline', 'topic']);
    expect(pickKind(q, 'leader')).toEqual({ leader: '王昌华' });
    expect(kindsOf(dropKind(q, 'status'))).toEqual(['unit', 'leader', 'deadline', 'topic']);
    expect(replaceKind(q, { units: ['市商务局'] }, 'unit').units).toEqual(['市商务局']);
    expect(replaceKind(q, {}, 'deadline').deadline).toBeUndefined();
    expect(filtersOf({ ...q, count: true } as Query)).not.toHaveProperty('count');
  });

  it('sets a kind aside with the kinds that qualify it: a unit with its role, a leader alone', () => {
    const except = { units: ['市住建局'], role: 'lead' as const, leader: '聂元科' };
    expect(setAsidePart(except, 'unit')).toEqual({ units: ['市住建局'], role: 'lead' });
    expect(setAsidePart(except, 'leader')).toEqual({ leader: '聂元科' });
    // every qualifier is a kind that does not narrow by itself, so it never removes targets alone
    for (const k of FILTER_KIND_NAMES) for (const qk of FILTER_KINDS[k].qualifiedBy) expect(FILTER_KINDS[qk].narrows).toBe(false);
  });

  it('says whether a query narrows the table: a topic alone or a role alone does not', () => {
    expect(narrows({ kind: 'search', terms: ['5g'] })).toBe(false);
    expect(narrows({ kind: 'list', role: 'lead' })).toBe(false);
    expect(narrows({ kind: 'list', except: { status: 'lagging' } })).toBe(true);
    expect(narrows({ kind: 'list', sections: ['民生实事'] })).toBe(true);
    // how many units share a target, and a group of units, narrow like a unit
    expect(narrows({ kind: 'list', unitCount: { min: 2 } })).toBe(true);
    expect(kindsOf({ group: { kind: 'counties', units: ['单县人民政府'] }, leaderCount: { min: 2 } })).toEqual(['unit', 'share']);
  });
});

describe('section rows', () => {
  it('reads a numbered section row as a section name, and nothing else', () => {
    expect(sectionOf(['一、民生实事', '', ''])).toBe('民生实事');
    expect(sectionOf(['二', '生态环保（8项）', ''])).toBe('生态环保');
    expect(sectionOf(['（三）重点项目建设', ''])).toBe('重点项目建设');
    expect(sectionOf(['注：本表由督查室汇总'])).toBeUndefined();
    expect(sectionOf(['', ''])).toBeUndefined();
  });

  it('lets a question ask for a section, alone or with other filters', async () => {
    const tsv = [
      '某县2023年重点工作责任目标第二季度推进情况',
      '序号\t县政府领导\t责任目标内容\t完成时限\t完成情况\t是否按计划完成进度\t责任单位',
      '一、民生实事\t\t\t\t\t\t',
      '1\t李明\t新建农村幼儿园3所\t年底\t已完成2所\t是\t县教育和体育局',
      '2\t李明\t改造老旧小区12个\t年底\t完成4个\t否\t县住房和城乡建设局',
      '二、生态环保\t\t\t\t\t\t',
      '3\t王强\t空气优良天数比例达到70%\t年底\t66%\t否\t县生态环境分局',
      '4\t王强\t完成造林5000亩\t6月底\t已完成\t是\t县自然资源局',
    ].join('\n');
    const report = await parseTable(Buffer.from(tsv), 'county.tsv');
    expect(report.targets.map((t) => t.section)).toEqual(['民生实事', '民生实事', '生态环保', '生态环保']);
    const { normalize, aliases } = await seed();
    const engine = createEngine({ report, normalize, aliases });
    const ids = (question: string): string[] => engine.ask(question).hits.map((h) => h.target.id);
    expect(ids('民生实事')).toEqual(['1', '2']);
    expect(ids('民生实事里滞后的')).toEqual(['2']);
    expect(ids('生态环保类的目标')).toEqual(['3', '4']);
  });
});
