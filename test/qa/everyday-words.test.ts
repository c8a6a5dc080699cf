import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { idsOf } from '../../src/qa/answer';
import { EVERYDAY_WORDS_FILE, everydayMap, loadEverydayWords } from '../../src/qa/everyday-words';
import { testCore } from '../helpers/core';
import { ROOT, seed } from './seed';

const first = async (q: string): Promise<string | undefined> => idsOf((await seed()).engine.ask(q))[0];

describe('everyday words: the shipped thesaurus (data/everyday-words.json)', () => {
  it('is broad: hundreds of said words over every field of government work', () => {
    const topics = loadEverydayWords();
    expect(topics.reduce((n, t) => n + t.say.length, 0)).toBeGreaterThan(500);
    const fields = new Set(topics.map((t) => t.field));
    for (const f of ['经济运行', '工业与科技', '农业农村', '教育', '卫生健康', '民政与社会保障', '城乡建设与住房', '交通', '生态环境', '安全稳定', '文化旅游', '改革与政务'])
      expect(fields).toContain(f);
  });

  it('merges the official words of a said word listed in several entries, normalised as questions are', () => {
    const map = everydayMap(
      [
        { field: '甲', say: ['GDP'], table: ['地区生产总值'] },
        { field: '乙', say: ['gdp', '经济总量'], table: ['生产总值', 'gdp'] },
      ],
      (w) => w.toLowerCase(),
    );
    // the said word itself is the group's first word already: it is not its own official word
    expect(map.get('gdp')).toEqual(['地区生产总值', '生产总值']);
    expect(map.get('经济总量')).toEqual(['生产总值', 'gdp']);
  });

  it('names the file and the key of a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'everyday-'));
    const bad = join(dir, 'words.json');
    writeFileSync(bad, JSON.stringify({ topics: [{ field: '交通', say: ['路'], table: ['公路'] }] }));
    expect(() => loadEverydayWords(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: topics\\.0\\.say\\.0`));
    expect(() => loadEverydayWords(join(dir, 'missing.json'))).toThrow(/cannot read everyday words/);
    expect(EVERYDAY_WORDS_FILE).toBe(resolve(ROOT, 'data/everyday-words.json'));
  });
});

describe('everyday words in questions (seed table)', () => {
  it.each([
    // 信号塔 → 基站 (58: 5G基站2000个); 高科技公司 → 高新技术企业 (54); 吃的东西 → 食品 (83: 食品安全)
    ['手机信号塔建起来多少了', '58'],
    ['高科技公司认定了多少家', '54'],
    ['吃的东西安不安全有人管吗', '83'],
    // 托儿所 and 名额 → 托位 (78: 婴幼儿照护服务托位), beside the aliases' 托育
    ['托儿所名额加了多少', '78'],
    // 河里 → 河流 and 断面 (70: 国控河流断面优良率)
    ['河里的水质量咋样', '70'],
    // 网上办 → 一网通办 (40)
    ['网上办事的事项新增了多少', '40'],
    // 年轻人 → 青年 (43: 青年发展友好型城市)
    ['年轻人友好的城市建得怎样', '43'],
  ])('%s finds %s', async (q, id) => {
    expect(await first(q)).toBe(id);
  });

  it('searches a word the table writes itself as written, not as its official words', async () => {
    const { engine } = await seed();
    // 医院 is in the table (市立医院, 75): it is not widened to every 医疗 target
    expect(idsOf(engine.ask('医院'))[0]).toBe('75');
  });

  it.each(['地铁修到哪了', '房价降了没有', '帮我订个外卖', '老百姓的快递送得快不快'])('still finds nothing for a topic the table lacks: %s', async (q) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))).toEqual([]);
  });
});

describe('everyday words in another city’s table', () => {
  it('reads GDP and 电诈 as the table writes them', async () => {
    const core = testCore();
    const wuhu = core.engineFor(await core.readTable(resolve(ROOT, 'test/qa/sealed-2026-12b/r3-wuhu.tsv')));
    // 1: 全市地区生产总值增长7%左右
    expect(idsOf(wuhu.ask('今年GDP涨了多少'))[0]).toBe('1');
    const jining = core.engineFor(await core.readTable(resolve(ROOT, 'test/qa/sealed-2026-12b/r1-jining.tsv')));
    const fraud = idsOf(jining.ask('电信诈骗的案子少了没有'))[0];
    expect(jining.report.targets.find((t) => t.id === fraud)?.text).toMatch(/电信网络诈骗/);
  });
});
