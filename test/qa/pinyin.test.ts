import { seed } from './seed';

/** Issue 22, class 4: full pinyin with or without spaces and tones, and full-width or compatibility forms. */
describe('Latin letters and compatibility forms', () => {
  const cases: [string, string[]][] = [
    ['weijianwei de mubiao', ['73', '74', '75', '76', '77', '78', '79', '80']],
    ['wèijiànwěi', ['73', '74', '75', '76', '77', '78', '79', '80']],
    ['wei4jian4wei3 de mu4biao1', ['73', '74', '75', '76', '77', '78', '79', '80']],
    ['wangchanghua luohou', ['57']],
    ['di47xiang', ['47']],
    ['tuanshiwei', ['43', '44', '45']],
    ['第６５项', ['65']],
    ['第⑥⑤项', ['65']],
  ];
  it.each(cases)('%s', async (q, expected) => {
    const { engine } = await seed();
    expect(
      engine
        .ask(q)
        .hits.map((h) => h.target.id)
        .sort(),
    ).toEqual(expected);
  });

  it('finds a topic spelled in pinyin, and leaves initials and Latin words to their own passes', async () => {
    const { engine } = await seed();
    expect(engine.ask('xiwangxiaowu').hits[0]?.target.id).toBe('44');
    expect(engine.ask('tuoyu').hits[0]?.target.id).toBe('78');
    expect(engine.ask('wjw').hits.map((h) => h.target.id)).toContain('73');
    expect(engine.ask('5g基站').hits[0]?.target.id).toBe('58');
  });
});
