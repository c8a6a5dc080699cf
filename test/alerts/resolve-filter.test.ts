import { resolveFilter } from '../../src/alerts/resolve-filter';
import { seedEngine } from '../bot/seed';

/** `/subscribe TEXT` goes through the real question engine's understand(). */
describe('resolveFilter', () => {
  const resolve = async (text: string) => {
    const { engine } = await seedEngine();
    return resolveFilter(text, (engine as unknown as { understand(t: string): never }).understand(text));
  };

  it('turns a unit’s short name into its full name', async () => {
    expect(await resolve('工信局')).toEqual({ ok: true, filter: { kind: 'unit', unit: '市工业和信息化局' } });
  });

  it('recognises a leader', async () => {
    expect(await resolve('王昌华')).toEqual({ ok: true, filter: { kind: 'leader', leader: '王昌华' } });
  });

  it('keeps other words as a keyword, matched by the engine’s normalised terms', async () => {
    expect(await resolve('5G')).toEqual({ ok: true, filter: { kind: 'keyword', keyword: '5G', terms: ['5g'] } });
  });

  it('adds a unit named beside search words as one more word to match', async () => {
    expect(await resolve('工信局 5G')).toEqual({ ok: true, filter: { kind: 'keyword', keyword: '工信局 5G', terms: ['5g', '市工业和信息化局'] } });
  });

  it('treats 全部 and 滞后 as every lagging target, and a 序号 as not a subscription', async () => {
    expect(await resolve('全部')).toEqual({ ok: true, filter: { kind: 'all' } });
    expect(await resolve('滞后')).toEqual({ ok: true, filter: { kind: 'all' } });
    expect(await resolve('57')).toEqual({ ok: false, reason: 'item' });
  });
});
