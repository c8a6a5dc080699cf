import { runUntil } from './context';

describe('pointer pass: where a message points into the last list', () => {
  it.each([
    ['65那条', '65'],
    ['57号这个', '57'],
  ])('reads a number before 那条 / 这个 as the 序号 on the list: %s', async (q, id) => {
    expect((await runUntil(q, 'pointer')).pointer?.pick).toEqual({ id });
  });

  it.each(['PM2.5那条是不是没达标', '新区经济总量增长15%那项完成得怎么样', 'vocs2那条'])('does not read a number inside a token or before a measure as a 序号: %s', async (q) => {
    const s = await runUntil(q, 'pointer');
    // the number is part of what the target is about (pm2.5, 15%), so the question is not an item lookup
    expect(s.pointer && 'id' in s.pointer.pick).toBeFalsy();
    expect(s.query.kind).not.toBe('item');
  });
});
