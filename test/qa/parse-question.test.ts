import { toNumber } from '../../src/qa/parse-question';
import { seed } from './seed';

describe('toNumber', () => {
  it('reads digits and Chinese numerals', () => {
    expect(toNumber('57')).toBe(57);
    expect(toNumber('五十七')).toBe(57);
    expect(toNumber('十二')).toBe(12);
    expect(toNumber('一百')).toBe(100);
    expect(toNumber('abc')).toBeUndefined();
  });
});

describe('question parsing', () => {
  it('reads deadlines against the report year', async () => {
    const { engine } = await seed();
    expect(engine.understand('8月底').deadline).toEqual({ date: '2022-08-31', label: '8月底' });
    expect(engine.understand('八月底到期').deadline).toEqual({ date: '2022-08-31', label: '八月底' });
    expect(engine.understand('2023年6月底').deadline).toEqual({ date: '2023-06-30', label: '2023年6月底' });
    expect(engine.understand('长期坚持的').deadline).toEqual({ ongoing: true, label: '长期坚持' });
  });

  it('does not read a month or a quarter as a 序号', async () => {
    const { engine } = await seed();
    expect(engine.understand('第三季度滞后的').kind).toBe('list');
    expect(engine.understand('9月底').item).toBeUndefined();
    expect(engine.understand('5G基站').item).toBeUndefined();
  });

  it('reads statuses, longest wording first', async () => {
    const { engine } = await seed();
    expect(engine.understand('进度落后的').status).toBe('lagging');
    expect(engine.understand('没完成进度的').status).toBe('lagging');
    expect(engine.understand('按计划推进的').status).toBe('onSchedule');
    expect(engine.understand('不滞后的').status).toBe('onSchedule');
  });
});

describe('report-wide words', () => {
  it('ignores the city and period, which are true of every target, but still reads 2022年底', async () => {
    const { engine } = await seed();
    expect(engine.understand('菏泽市第三季度滞后的目标')).toEqual({ kind: 'list', status: 'lagging' });
    expect(engine.understand('2022年底到期的').deadline).toEqual({ date: '2022-12-31', label: '2022年底' });
  });
});

describe('negated status', () => {
  it('reads a negated on-schedule word as lagging', async () => {
    const { engine } = await seed();
    for (const q of ['未按计划推进的目标', '没有按期完成的', '尚未按计划推进']) expect([q, engine.understand(q)]).toEqual([q, { kind: 'list', status: 'lagging' }]);
    expect(engine.understand('按计划推进的').status).toBe('onSchedule');
  });
});
