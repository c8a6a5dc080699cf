import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS } from '../../src/model';
import { columnKeyOf, columnOf, HEADER_NAMES } from '../../src/table/columns';

describe('columnOf', () => {
  it.each([
    ['序号', 'id'],
    ['编 号', 'id'],
    ['市政府领导', 'leader'],
    ['分管市领导', 'leader'],
    ['牵头县领导', 'leader'],
    ['责任领导', 'leader'],
    ['牵头区领导', 'leader'],
    ['分管副区长', 'leader'],
    ['责任目标内容', 'text'],
    ['工作任务', 'text'],
    ['重点任务', 'text'],
    ['主要任务', 'text'],
    ['任务内容', 'text'],
    ['重点项目名称', 'text'],
    ['完成时限', 'deadline'],
    ['时间节点', 'deadline'],
    ['时限要求', 'deadline'],
    ['完成时间', 'deadline'],
    ['计划完成日期', 'deadline'],
    ['完成情况', 'progress'],
    ['推进情况', 'progress'],
    ['进展情况', 'progress'],
    ['工作进展', 'progress'],
    ['进度情况', 'progress'],
    ['1-9月目标完成情况', 'progress'],
    ['是否按计划完成进度', 'onSchedule'],
    ['是否达到序时进度', 'onSchedule'],
    ['是否按序时推进', 'onSchedule'],
    ['进度评价', 'verdict'],
    ['推进状态', 'verdict'],
    ['完成状态', 'verdict'],
    ['序时进度', 'verdict'],
    ['责任单位', 'units'],
    ['牵头单位', 'units'],
    ['责任部门', 'units'],
    ['责任单位（牵头）', 'units'],
    ['牵头单位(部门)', 'units'],
    ['配合单位', 'cooperating'],
    ['协办单位', 'cooperating'],
    ['责任单位（配合）', 'cooperating'],
    ['配合部门', 'cooperating'],
  ])('reads %s as %s', (header, key) => {
    expect(columnOf(header)).toBe(key);
  });

  it('normalises full-width letters, spaces, stars and brackets', () => {
    expect(columnOf(' *责任　单位（牵头）：')).toBe('units');
    expect(columnOf('【工作任务】')).toBe('text');
  });

  it('leaves other headers, and long cells such as a title, unrecognised', () => {
    expect(columnOf('备注')).toBeUndefined();
    expect(columnOf('存在问题')).toBeUndefined();
    expect(columnOf('菏泽市人民政府2022年经济社会发展责任目标第三季度工作推进情况一览表')).toBeUndefined();
  });
});

describe('columnKeyOf', () => {
  it('takes a canonical name, a listed name or a key', () => {
    expect([columnKeyOf('责任目标内容'), columnKeyOf('工作任务'), columnKeyOf('text'), columnKeyOf('配合单位')]).toEqual(['text', 'text', 'text', 'cooperating']);
    expect(columnKeyOf('备注')).toBeUndefined();
  });
});

describe('the README', () => {
  it('lists every accepted header name', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Importing a new table'), readme.indexOf('## Talking to the bot'));
    const names = [...Object.values(COLUMNS), ...Object.values(HEADER_NAMES).flat()].filter((n) => /\p{Script=Han}/u.test(n));
    expect(names.filter((n) => !section.includes(n))).toEqual([]);
  });
});
