import { idsOf } from '../../../src/qa/answer';
import { createTakeBackRewrite } from '../../../src/qa/parse/take-back';
import type { Heard } from '../../../src/qa/parse/rewrite';
import { seed } from '../seed';
import { seedContext } from './context';

const heard = (): Heard => ({ readAs: [], dropped: [] });

describe('take-back rewrite: a value said, then taken back', () => {
  it.each([
    // the marker between the two values, the new value after it
    ['团市委的，不对，妇联的有哪些', '团市委'],
    ['商务局，哦不对，应该是科技局负责的', '商务局'],
    ['聂元科分管的，不对不对，是王昌华分管的', '聂元科'],
    // the marker after the new value: the earlier of the two values goes
    ['看看团市委的目标，妇联的，我刚才说错了', '团市委'],
    // 不是那个 points back without naming: the value before it goes
    ['商务局的目标，不是那个，是科技局的', '商务局'],
    // every kind the scanner knows: a status, a deadline, a 序号
    ['按计划的，口误，滞后的', '按计划'],
    ['八月底到期的，搞错了，应该是年底', '八月底'],
    ['第四十号，不对，四十一号', '第四十号'],
  ])('in %s takes back %s and keeps the rest', async (q, gone) => {
    const ctx = await seedContext();
    const h = heard();
    const out = createTakeBackRewrite(ctx).rewrite(ctx.normalize(q), h);
    expect(h.dropped).toEqual([gone]);
    expect(out).not.toContain(gone);
    expect(out).not.toMatch(/不对|说错|不是那个/);
  });

  it('replaces only the kind the new value is of: the leader stays when a unit is corrected', async () => {
    const ctx = await seedContext();
    const h = heard();
    const out = createTakeBackRewrite(ctx).rewrite(ctx.normalize('王昌华分管的跟商务局有关的，不对，是跟科技局有关的'), h);
    expect(h.dropped).toEqual(['商务局']);
    expect(out).toContain('王昌华');
    expect(out).toContain('科技局');
  });

  it('leaves a question alone when nothing of the same kind comes before the marker', async () => {
    const ctx = await seedContext();
    const h = heard();
    // 应该是 at the end asks; 不对 with a unit only after it has nothing to replace
    for (const q of ['科技局的目标应该是哪几个', '不对，是科技局的']) createTakeBackRewrite(ctx).rewrite(ctx.normalize(q), h);
    expect(h.dropped).toEqual([]);
  });

  it('answers with the corrected value and says what was set aside', async () => {
    const { engine } = await seed();
    // 46 is the 妇联's only target; 团市委's 43–45 were taken back
    expect(idsOf(engine.ask('帮我看下团市委的，呃不对，我说错了，是妇联的目标'))).toEqual(['46']);
    // 47 is the target 聂元科 shares with another leader; 39–51 are all his
    expect(idsOf(engine.ask('王昌华分管的，哦不对，聂元科分管的目标'))).toEqual(Array.from({ length: 13 }, (_, i) => String(39 + i)));
  });
});

describe('take-back rewrite: the value taken back said more than once', () => {
  it('takes back the value with its restatements in other words (按计划推进…进度正常, then 不正常)', async () => {
    const { engine } = await seed();
    const a = engine.ask('我想要所有按计划推进的，就是进度正常的那些，哦不对不对，要不正常的那些');
    // 47 and 57 are the two lagging targets of the table
    expect([a.query.status, idsOf(a)]).toEqual(['lagging', ['47', '57']]);
  });

  it('takes back a 序号 said after 序号 (序号五十七的那个，哦不对，是五十八)', async () => {
    const { engine } = await seed();
    const a = engine.ask('序号五十七的那个，哦不对，是五十八，五十八项');
    expect([a.kind, idsOf(a)]).toEqual(['item', ['58']]);
  });
});
