import { seed } from '../seed';

describe('status pass: the 是/否 column and its verdicts', () => {
  it.each([
    // the column named by its own question, then the cell's answer: 否 is the lagging side
    ['“是否按计划完成进度”为“否”的目标', 'lagging'],
    ['是否按计划完成进度这列是是的有多少', 'onSchedule'],
  ])('reads %s as status %s', async (q, status) => {
    const { engine } = await seed();
    expect(engine.understand(q).status).toBe(status);
  });

  it('lists the lagging targets for a 否 in the column', async () => {
    const { engine } = await seed();
    // 47 and 57 are the two rows whose 是否按计划完成进度 cell says 否
    expect(engine.ask('是否按计划完成进度填否的有哪些').hits.map((h) => h.target.id)).toEqual(['47', '57']);
  });

  it('reads a 是/否 value said as marked, without the column, as that side of the column', async () => {
    const { engine } = await seed();
    expect(engine.understand('标了否的有哪些').status).toBe('lagging');
    expect(engine.understand('工信局标了是的').status).toBe('onSchedule');
    // 是 inside a question is no value: nothing marked it
    expect(engine.understand('工信局是哪些目标').status).toBeUndefined();
  });
});
