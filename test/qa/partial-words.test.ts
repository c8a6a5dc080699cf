import { resolve } from 'node:path';
import { idsOf } from '../../src/qa/answer';
import type { Engine } from '../../src/qa/engine';
import { createPartialWords } from '../../src/qa/partial-words';
import { testCore } from '../helpers/core';
import { ROOT } from './seed';

const engines = new Map<string, Promise<Engine>>();
/** A real engine over one of the open round-1..3 tables (test/qa/sealed-2026-12b). */
const engineOf = (table: string): Promise<Engine> => {
  let e = engines.get(table);
  if (!e) {
    const core = testCore();
    e = core.readTable(resolve(ROOT, 'test/qa/sealed-2026-12b', table)).then((report) => core.engineFor(report));
    engines.set(table, e);
  }
  return e;
};

describe('partial words: a question word the table writes differently', () => {
  const titles = ['新建城区公共停车泊位1500个', '每千人口拥有3岁以下婴幼儿托位数达到4个', '建成县第二污水处理厂', '推进城区建设', '城区道路建设', '城区绿化建设', '城区管网建设'];
  const partial = createPartialWords({ titles, tableWords: () => ['停车泊位', '污水处理厂', '托位数', '城区', '建设'], rareDf: 2 });

  it('reads a word as the table words it spells with a gap or two', () => {
    expect(partial([['停车位']])).toEqual([['停车位', '停车泊位']]);
    expect(partial([['污水厂'], ['通水']])).toEqual([['污水厂', '污水处理厂'], ['通水']]);
  });

  it('reads a compound by its rare parts, never by a part most targets have', () => {
    expect(partial([['托育托位']])).toEqual([['托育托位', '托位']]);
    // 城区 is in five of seven texts: no evidence of a topic
    expect(partial([['城区修房']])).toBeUndefined();
  });

  it('leaves words the table writes, short words and Latin words alone', () => {
    expect(partial([['停车泊位'], ['托位'], ['abc']])).toBeUndefined();
  });
});

describe('partial words in questions (real tables)', () => {
  it.each([
    // 17: 每千人口拥有3岁以下婴幼儿托位数达到4个 (托育 nowhere in the table)
    ['r3-wuhu.tsv', '托育托位现在多少了', '17'],
    // 20: 新建城区公共停车泊位1500个
    ['r3-tongchuan.tsv', '城区停车位够不够', '20'],
    // 30: 建成县第二污水处理厂
    ['r1-daiyang.tsv', '第二污水厂建好了吗', '30'],
    // 14: 推进国道G237桐川段改建工程; the road's number alone finds it
    ['r3-tongchuan.tsv', '237国道改建到哪了', '14'],
  ])('%s: %s finds %s', async (table, q, id) => {
    expect(idsOf((await engineOf(table)).ask(q))[0]).toBe(id);
  });

  it.each([
    ['r3-wuhu.tsv', '托育托位那个目标进展怎么样', '17'],
    ['r3-tongchuan.tsv', '国道237进展', '14'],
  ])('%s: the set question %s still finds %s', async (table, q, id) => {
    expect(idsOf((await engineOf(table)).ask(q))[0]).toBe(id);
  });

  it.each(['今天天气怎么样', '食堂饭菜好不好吃', '城区停电了吗'])('finds nothing for chatter around common table words: %s', async (q) => {
    expect(idsOf((await engineOf('r3-tongchuan.tsv')).ask(q))).toEqual([]);
  });
});
