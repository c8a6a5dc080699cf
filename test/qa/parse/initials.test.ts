import { idsOf } from '../../../src/qa/answer';
import { initialsOf } from '../../../src/qa/parse/initials';
import { seed } from '../seed';
import { runUntil } from './context';

describe('initials pass: names typed as pinyin initials', () => {
  it('takes the first letter of every syllable', () => {
    expect([initialsOf('卫健委'), initialsOf('聂元科'), initialsOf('市工业和信息化局')]).toEqual(['wjw', 'nyk', 'sgyhxxhj']);
  });

  it.each([
    ['wjw', 'units', '市卫生健康委'],
    ['gxj滞后的', 'units', '市工业和信息化局'],
    ['kjj的目标', 'units', '市科技局'],
    ['nyk', 'leaders', '聂元科'],
    ['zp分管的', 'leaders', '张鹏'],
  ])('reads %s as %s %s, and says so', async (q, kind, name) => {
    const s = await runUntil(q, 'initials');
    expect([...s[kind as 'units' | 'leaders']]).toEqual([name]);
    expect(s.readAs).toContainEqual({ written: expect.stringMatching(/^[a-z]+$/), as: name });
  });

  it.each(['vocs', '5g', 'pm2.5', 'abc'])('leaves letters that are no name’s initials to the search: %s', async (q) => {
    const s = await runUntil(q, 'initials');
    expect([s.units.size, s.leaders.size]).toEqual([0, 0]);
  });

  it('answers the unit read from its initials', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('wjw'))).toEqual(['73', '74', '75', '76', '77', '78', '79', '80']);
  });
});
