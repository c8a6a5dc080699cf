import { idsOf } from '../../../src/qa/answer';
import { createLookalikesRewrite } from '../../../src/qa/parse/lookalikes';
import { seed } from '../seed';
import { seedContext } from './context';

const mend = async (text: string): Promise<{ text: string; readAs: { written: string; as: string }[] }> => {
  const heard = { readAs: [], dropped: [] };
  return { text: createLookalikesRewrite(await seedContext()).rewrite(text, heard), readAs: heard.readAs };
};

describe('lookalikes rewrite: a character typed for one that looks like it', () => {
  it.each([
    ['己完成的', '已完成的'],
    ['末按计划的', '未按计划的'],
    ['聂元料负责的', '聂元科负责的'],
    ['市审批局', '市审批局'],
  ])('mends %s into %s', async (q, want) => {
    expect((await mend(q)).text).toBe(want);
  });

  it('says how it read the word', async () => {
    expect((await mend('聂元料')).readAs).toEqual([{ written: '聂元料', as: '聂元科' }]);
  });

  it.each(['今年未完成的', '年末到期', '自己的'])('leaves a character that already belongs to a known word: %s', async (q) => {
    expect((await mend(q)).text).toBe(q);
  });

  it('answers the mended word', async () => {
    const { engine } = await seed();
    // 47 and 57 are the two marked 否
    expect(idsOf(engine.ask('末按计划的'))).toEqual(['47', '57']);
    expect(idsOf(engine.ask('聂元料'))).toHaveLength(13);
  });
});
