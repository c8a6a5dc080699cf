import { resolve } from 'node:path';
import { loadAliases } from '../../src/qa/aliases';
import { createEngine } from '../../src/qa/engine';
import { createNormalizer } from '../../src/text/normalize';
import { report, target } from '../qa/seed';
import { buttons, messageIdOf, plainOf, say, startHarness, textOf, type Harness } from './harness';

/** A table where two leaders share the surname 王, so 王市长 names neither on its own. */
const twoWangs = () =>
  createEngine({
    report: report([
      target('1', '建设智慧园区', '王昌华', ['市科技局']),
      target('2', '推进乡村振兴', '王芳', ['市农业农村局']),
      target('3', '新增托位1万个', '王芳', ['市卫生健康委']),
      target('4', '招商引资', '聂元科', ['市商务局']),
    ]),
    normalize: createNormalizer(),
    aliases: loadAliases(resolve(__dirname, '../../data/aliases.json')),
  });

describe('a surname two leaders share', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine: twoWangs() });
  });
  afterAll(() => h.stop());

  it('asks which one is meant, with a button per leader, and lists none of them unasked', async () => {
    const chatId = 4201;
    const reply = await say(h, '王市长负责的', { chatId });
    const text = plainOf(textOf(reply));
    expect(text).toContain('王昌华');
    expect(text).toContain('王芳');
    expect(text).not.toContain('智慧园区');
    const picks = buttons(reply).filter((b) => b.text === '王昌华' || b.text === '王芳');
    expect(picks.map((b) => b.text).sort()).toEqual(['王昌华', '王芳'].sort());
    for (const b of picks) expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);

    // tapping 王芳 turns the question into 王芳's list, in place
    const edit = h.next('editMessageText', (c) => c.payload.chat_id === chatId);
    h.api.callback({ chatId, messageId: messageIdOf(reply), data: picks.find((b) => b.text === '王芳')!.callback_data! });
    const list = plainOf(textOf(await edit));
    expect(list).toContain('王芳分管');
    expect(list).toContain('推进乡村振兴');
    expect(list).not.toContain('智慧园区');
  });

  it('still reads a surname only one leader has (聂市长)', async () => {
    const reply = await say(h, '聂市长的目标', { chatId: 4202 });
    expect(plainOf(textOf(reply))).toContain('招商引资');
  });
});
