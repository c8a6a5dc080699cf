import { idsOf } from '../../src/qa/answer';
import { createTopicIndex } from '../../src/qa/topic-index';
import { seed } from './seed';

const top = async (q: string): Promise<string[]> => idsOf((await seed()).engine.ask(q));

describe('search ranking (seed table)', () => {
  it('ranks the target whose own text names the topic first', async () => {
    // 58's target text is about 5G基站; 59 and 64 only mention 5G networks, without 基站
    expect((await top('5G基站'))[0]).toBe('58');
    // 54's target text is "争取认定高新技术企业80家以上"; 48 mentions 高新技术企业 only in its long progress text
    expect(await top('高新技术企业')).toEqual(['54', '48']);
    // 73's target text is exactly 守牢疫情防控底线; others mention 疫情 only in passing
    expect((await top('疫情防控'))[0]).toBe('73');
    // 68's target text is 实施化工园区改造提升行动; 72 has 化工产业园 in its progress only
    expect((await top('化工园区'))[0]).toBe('68');
  });

  it('prefers the target where the phrase is the subject over one that lists it among many', async () => {
    // both 84 and 50 name 生物医药 in their target text, but 84's short text is about it and its progress repeats it;
    // 50 lists 生物医药产业园 among seven parks
    const ids = await top('生物医药');
    expect(ids[0]).toBe('84');
    expect(ids).toContain('50');
  });

  it('ranks by progress text when no target text has the words', async () => {
    // 托育 appears only in 78's progress (托育机构, 托育服务), never in a target text
    expect((await top('托育'))[0]).toBe('78');
    // 希望小屋 is 44's subject; no other row mentions it
    expect(await top('希望小屋')).toEqual(['44']);
  });

  it('finds a target through a synonym from data/aliases.json', async () => {
    // 托儿所 is not in the table; the synonym list maps it to 托育, so 78 wins as for 托育
    expect((await top('托儿所'))[0]).toBe('78');
    // PM2.5 is written 细颗粒物 in 69's target text
    expect((await top('PM2.5'))[0]).toBe('69');
  });

  it("ranks the user's own word above a synonym of it", async () => {
    // 医院 is written in 75's target text (市立医院); 76 only has the synonym 卫生院, even if repeated
    expect((await top('医院'))[0]).toBe('75');
  });

  it('prefers the exact phrase over its words found apart', async () => {
    // 64's target text says 5G网络; 58's has 5G and 网络 apart (5G和固定网络)
    expect((await top('5G网络'))[0]).toBe('64');
  });

  it('tolerates one wrong character in a topic', async () => {
    // 希望小物: 小物 is in no target, but the phrase's pairs 希望 and 望小 occur only in 44 (希望小屋)
    expect((await top('希望小物'))[0]).toBe('44');
    // 疫情防空: 疫情 and 情防 come from 73's 疫情防控
    expect((await top('疫情防空'))[0]).toBe('73');
  });

  it('does not pad with weak matches', async () => {
    // 天气 occurs once (重污染天气, 69) but 今天 nowhere: the question is not about any target
    expect(await top('今天天气')).toEqual([]);
  });
});

describe('createTopicIndex', () => {
  const docs = [
    { title: '建设希望小屋', body: '已建成' },
    { title: '推进数字乡村', body: '希望小屋已交付' },
    { title: '加强安全生产', body: '开展检查' },
  ];

  it('ranks a word in the target text above the same word in the progress text', () => {
    // both contain 希望小屋; doc 0 has it in its target text
    expect([...createTopicIndex(docs).search([['希望'], ['小屋']]).ranked]).toEqual([0, 1]);
  });

  it('restricts the search to a mask', () => {
    expect([...createTopicIndex(docs).search([['希望小屋']], { mask: Uint8Array.from([0, 1, 0]) }).ranked]).toEqual([1]);
  });

  it('drops documents that hold less than the coverage floor of the question', () => {
    // 安全 matches doc 2 but 足球 matches nothing: half the question is not there
    expect([...createTopicIndex(docs).search([['安全'], ['足球']]).ranked]).toEqual([]);
  });

  describe('a chatty question (nothing holds most of its words)', () => {
    const table = [
      { title: '建设希望小屋1000个', body: '已建成860个' },
      { title: '推进数字乡村建设', body: '开展重污染天气应对' },
      { title: '加强安全生产', body: '开展检查' },
      { title: '实施城市更新建设', body: '完成改造' },
    ];
    const index = createTopicIndex(table);

    it('weighs words the table never uses as nothing, so chatter cannot hide a rare topic word', () => {
      // 事情, 年初, 说要, 建完 occur nowhere; 希望小屋 is a run of the question inside doc 0's own text
      const q = ['希望小屋那个事情怎么样了', '年初说要建', '建完'];
      expect([...index.search([['希望'], ['小屋'], ['事情'], ['年初'], ['说要'], ['建完']], { phrases: q }).ranked]).toEqual([0]);
    });

    it('weighs words only progress texts use as chatter too, since progress texts are narrative', () => {
      // 检查 and 改造 occur only in progress texts (docs 2 and 3), as everyday words do; 数字乡村 is doc 1's subject
      const q = ['数字乡村', '检查改造那些'];
      expect([...index.search([['数字'], ['乡村'], ['检查'], ['改造']], { phrases: q }).ranked]).toEqual([1]);
    });

    it('takes two rare words of the question in one target text as its topic even when apart', () => {
      // 安全 and 生产 are both only in doc 2's text; 那个 事儿 咋样 is chatter
      expect([...index.search([['安全'], ['事儿'], ['生产'], ['咋样']], { phrases: ['安全那个事儿', '生产咋样'] }).ranked]).toEqual([2]);
    });

    it('does not find a topic from a common word or from a rare word glued to words the table lacks', () => {
      // 建设 is in three of the four targets, so not rare: chatter around it names no topic
      expect([...index.search([['建设'], ['地铁'], ['进展']], { phrases: ['地铁建设进展'] }).ranked]).toEqual([]);
      // 天气 is rare, but of the question's run 今天天气 doc 1 holds only those two characters: not a question about it
      expect([...index.search([['今天'], ['天气']], { phrases: ['今天天气'] }).ranked]).toEqual([]);
      // 重污染天气 is a run of the question in doc 1, but only in its progress text, which mentions much in passing
      expect([...index.search([['地铁'], ['高铁'], ['重污染天气']], { phrases: ['地铁高铁和重污染天气'] }).ranked]).toEqual([]);
      // 乡村 is rare and in doc 1's text, but the question's run around it (冬季乡村取暖) is not
      expect([...index.search([['冬季'], ['乡村'], ['取暖']], { phrases: ['冬季乡村取暖'] }).ranked]).toEqual([]);
    });
  });

  it('matches Latin words whole', () => {
    const index = createTopicIndex([
      { title: '5g基站', body: '' },
      { title: 'logo设计', body: '' },
    ]);
    expect([...index.search([['5g']]).ranked]).toEqual([0]);
    expect([...index.search([['g']]).ranked]).toEqual([]);
  });
});
