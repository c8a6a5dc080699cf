import { createStatusReader, withStatusWords } from '../../src/table/status-words';

describe('createStatusReader', () => {
  const read = createStatusReader();

  it.each([
    ['是', 'on-plan'],
    ['否', 'behind'],
    [' 是 ', 'on-plan'],
    ['√', 'on-plan'],
    ['×', 'behind'],
    ['已完成', 'done'],
    ['提前完成', 'done'],
    ['完成', 'done'],
    ['超额完成', 'done'],
    ['超进度', 'ahead'],
    ['超序时', 'ahead'],
    ['快于序时进度', 'ahead'],
    ['达进度', 'on-plan'],
    ['达进度（按序时）', 'on-plan'],
    ['按序时', 'on-plan'],
    ['正常推进', 'on-plan'],
    ['序时推进', 'on-plan'],
    ['欠进度', 'behind'],
    ['欠进度（慢序时）', 'behind'],
    ['慢序时', 'behind'],
    ['滞后', 'behind'],
    ['进度滞后', 'behind'],
    ['未完成', 'behind'],
    ['未开工', 'not-started'],
    ['尚未启动', 'not-started'],
  ])('reads %s as %s', (cell, kind) => {
    expect(read(cell)).toBe(kind);
  });

  it('prefers the longest word a cell contains: 未完成 is behind, 提前完成 is done', () => {
    expect([read('目前未完成'), read('已提前完成'), read('不正常')]).toEqual(['behind', 'done', 'behind']);
  });

  it('knows nothing of 待定, an empty cell, or a single character inside a longer cell', () => {
    expect([read('待定'), read(''), read('是的吧')]).toEqual([undefined, undefined, undefined]);
  });

  it('takes extra words per kind, as data/aliases.json gives them', () => {
    const withMore = createStatusReader(withStatusWords({ done: ['已验收'], behind: ['黄牌'] }));
    expect([withMore('已验收'), withMore('黄牌'), withMore('已完成')]).toEqual(['done', 'behind', 'done']);
  });
});
