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
    // spaces inside a name: no word spells ju alone, the run spells 商务局 as one
    ['shang wu ju de mubiao', ['47', '72']],
    // pinyin typed into the middle of a name, the rest in characters: the two spell one known word together
    ['shenpi局的目标', ['40', '41']],
    // an old name of a unit this table has (安监局 → 市应急局) is a word people type in pinyin too
    ['anjianju的目标', ['39']],
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

describe('the sounds of the table words', () => {
  it('spells a topic whose characters the segmenter leaves apart (a rare name inside a run of single characters)', async () => {
    const { engine } = await seed();
    // 守牢疫情防控底线 and 用好郓城睿鹰制药… reach the dictionary as runs of characters; their pieces are words too
    expect(engine.ask('yiqing fangkong zenmeyang').hits[0]?.target.id).toBe('73');
    expect(engine.ask('ruiying').hits[0]?.target.id).toBe('86');
  });

  it('reads a piece the table does not have as the table words of the same sound when nothing else is found', async () => {
    const { engine } = await seed();
    // 时化 is nowhere in the table; 东明石化 sounds the same and is 67's subject
    const answer = engine.ask('东明时化项目');
    expect(answer.hits[0]?.target.id).toBe('67');
    expect(answer.query.readAs).toContainEqual({ written: '东明时化', as: '东明石化' });
  });

  it('does not read the table own words, or words of another sound, by ear', async () => {
    const { engine } = await seed();
    // 东明石化 is written as the table writes it: no reading is shown
    expect(engine.ask('东明石化项目').query.readAs).toBeUndefined();
    // nothing in the table sounds like 天气预报
    expect(engine.ask('天气预报').hits).toEqual([]);
  });
});

describe('pinyin after a Latin word with digits', () => {
  it('reads the syllables after 5g as the table words they spell (5g jizhan → 5g 基站)', async () => {
    const { engine } = await seed();
    expect(engine.ask('5g jizhan').hits[0]?.target.id).toBe('58');
    expect(engine.ask('5G jizhan jianshe').hits[0]?.target.id).toBe('58');
  });
});
