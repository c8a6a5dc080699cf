import { resolve } from 'node:path';
import { loadAliases } from '../../src/qa/aliases';
import { createEngine } from '../../src/qa/engine';
import { createNormalizer } from '../../src/text/normalize';
import { MESSAGE_LIMIT, renderAnswer } from '../../src/view';
import { report, seed, target } from '../qa/seed';

const plain = (html: string): string =>
  html
    .replace(/<\/?(b|i|code)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('what was understood, in the reply', () => {
  it('carries the same new answers in plain text and in HTML', async () => {
    const { engine } = await seed();
    for (const q of ['第85到90项', '王常华<b>负责的', '工信局和王昌华', '工信局有几项目标', '哪个单位滞后最多', '济宁市科技局的目标', '聂市长分管的']) {
      const a = engine.ask(q);
      expect([q, plain(renderAnswer(a, { format: 'html' }).text)]).toEqual([q, renderAnswer(a, { format: 'plain' }).text]);
    }
  });

  it('says a corrected name first, then the answer as usual', async () => {
    const { engine } = await seed();
    const lines = renderAnswer(engine.ask('王常华负责的目标'), { format: 'plain' }).text.split('\n');
    expect(lines[0]).toBe('“王常华”按“王昌华”理解');
    expect(lines[1]).toMatch(/^王昌华分管 · 36 项/);
  });

  it('says a reading once when the correction line already names everything understood', async () => {
    const { engine } = await seed();
    const lines = renderAnswer(engine.ask('我是市科技局的我们局三季度有哪些目标'), { format: 'plain' }).text.split('\n');
    // the 我们局 line names the one unit the reply is about, so a general 按“市科技局”理解 above it repeats it
    expect(lines.filter((l) => l.endsWith('理解'))).toEqual(['“我们局”按“市科技局”理解']);
    expect(lines[1]).toMatch(/^市科技局 · 6 项/);
  });

  it('heads a span or a list with the 序号 asked for', async () => {
    const { engine } = await seed();
    expect(renderAnswer(engine.ask('第60至65项'), { format: 'plain' }).text.split('\n')[0]).toBe('第60–65项 · 6 项 · 滞后 0');
    expect(renderAnswer(engine.ask('第41、57、63项'), { format: 'plain' }).text.split('\n')[0]).toBe('第41、57、63项 · 3 项 · 滞后 1');
  });

  it('keeps a ranking of many groups within one Telegram message', () => {
    const many = report(Array.from({ length: 400 }, (_, i) => target(String(i + 1), `目标${i + 1}`, '李华', [`第${i + 1}办公室`], '', i % 7 !== 0)));
    const engine = createEngine({ report: many, normalize: createNormalizer(), aliases: loadAliases(resolve(__dirname, '../../data/aliases.json')) });
    const answer = engine.ask('各单位滞后情况排名');
    expect(answer.stats?.byUnit).toHaveLength(400);
    const html = renderAnswer(answer, { format: 'html' }).text;
    expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(plain(html)).toContain('1. 🔴 ');
  });
});
