import type { Answer } from '../../src/qa/answer';
import { MESSAGE_LIMIT, renderAnswer, renderTarget } from '../../src/view';
import { createEngine } from '../../src/qa/engine';
import { report, seed, target } from '../qa/seed';

/** Telegram HTML back to the text a reader sees: drop our tags, undo the three escapes. */
const visible = (html: string): string =>
  html
    .replace(/<\/?(b|i|code)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every tag must be one Telegram accepts, and tags must nest properly. */
const assertTelegramHtml = (html: string): void => {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    expect(['b', 'i', 'code']).toContain(m[2]);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2] as string);
  }
  expect(stack).toEqual([]);
  // no raw < or & outside tags and entities
  expect(html.replace(/<\/?(b|i|code)>/g, '').replace(/&(lt|gt|amp);/g, '')).not.toMatch(/[<>&]/);
};

describe('renderAnswer', () => {
  it('carries the same content in plain text and HTML', async () => {
    const { engine } = await seed();
    for (const q of ['市科技局的目标', '第47项', '5G基站', '统计', '帮助', '今天天气怎么样', '第100项', '科技局没有滞后的目标']) {
      const a = engine.ask(q);
      const plain = renderAnswer(a, { format: 'plain' }).text;
      const html = renderAnswer(a, { format: 'html' }).text;
      assertTelegramHtml(html);
      expect([q, visible(html)]).toEqual([q, plain]);
    }
  });

  it('shows a list header with the filter in words and the counts, and one line per target', async () => {
    const { engine } = await seed();
    const { text } = renderAnswer(engine.ask('市科技局的目标'), { format: 'plain' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('市科技局 · 6 项 · 滞后 0');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^52 🟢 强化院企合作.*｜市科技局｜年底$/);
  });

  it('shows everything about one target: each assignment with leader, units, status and the full progress', async () => {
    const { engine, report } = await seed();
    const t47 = report.targets.find((t) => t.id === '47');
    const { text } = renderAnswer(engine.ask('47号'), { format: 'plain' });
    expect(text).toContain('第 47 项 🔴');
    for (const a of t47?.assignments ?? []) {
      expect(text).toContain(a.leader);
      expect(text).toContain(a.progress);
    }
    expect(text).toContain('🔴 未按计划完成进度');
    expect(text).toContain('🟢 按计划推进');
  });

  it('pages lists ten at a time by default and clamps the page', async () => {
    const { engine } = await seed();
    const a = engine.ask('王昌华');
    expect(a.hits).toHaveLength(36);
    const first = renderAnswer(a, { format: 'html' });
    expect([first.page, first.pages]).toEqual([1, 4]);
    const last = renderAnswer(a, { format: 'plain', page: 4 });
    expect(last.text).toContain('第 4/4 页');
    expect(last.text.split('\n').filter((l) => /^\d+ [🔴🟡🟢]/u.test(l))).toHaveLength(6);
    expect(renderAnswer(a, { format: 'plain', page: 99 }).page).toBe(4);
    expect(renderAnswer(a, { format: 'plain', page: 0 }).page).toBe(1);
    expect(renderAnswer(a, { format: 'plain', pageSize: 50 }).pages).toBe(1);
  });

  it('keeps item, stats, help and nothing-found on one page', async () => {
    const { engine } = await seed();
    for (const q of ['第57项', '统计', '帮助', '无人机']) expect(renderAnswer(engine.ask(q), { format: 'html', page: 3 })).toMatchObject({ page: 1, pages: 1 });
  });

  it('lists every bot command in the help, the alert commands included', async () => {
    const { engine } = await seed();
    const { text } = renderAnswer(engine.ask('帮助'), { format: 'plain' });
    for (const command of ['/item', '/unit', '/leader', '/lagging', '/stats', '/search', '/subscribe', '/unsubscribe', '/digest', '/quiet', '/yellow']) {
      expect(text).toContain(command);
    }
  });

  it('says that nothing was found and suggests what to ask', async () => {
    const { engine } = await seed();
    const { text } = renderAnswer(engine.ask('无人机'), { format: 'plain' });
    expect(text).toContain('没有找到与“无人机”相关的目标');
    expect(text).toContain('可以这样问');
  });

  it('calls an empty lagging list good news', async () => {
    const { engine } = await seed();
    expect(renderAnswer(engine.ask('科技局没有滞后的目标'), { format: 'plain' }).text).toContain('没有滞后的目标，全部按计划推进');
  });

  it('escapes data and user text in HTML', async () => {
    const { engine } = await seed();
    const evil = target('7', '建设<b>“A&B”</b>中心 <script>', '李<四>', ['市<局>&'], '进度 <i>&amp;</i> 1 < 2');
    const html = renderTarget(evil, 'html');
    assertTelegramHtml(html);
    expect(html).toContain('建设&lt;b&gt;“A&amp;B”&lt;/b&gt;中心 &lt;script&gt;');
    expect(html).toContain('<b>李&lt;四&gt;</b>');
    const none = engine.ask('<b>hello</b> & <i>');
    assertTelegramHtml(renderAnswer(none, { format: 'html' }).text);
  });

  it('fits 4096 UTF-16 units, shortening long progress texts without cutting a tag', () => {
    const long = target('9', '超长目标'.repeat(50), '张三', ['市某局'], '进度<&>😀'.repeat(2000));
    long.assignments.push({ ...long.assignments[0]!, progress: '第二条进度&'.repeat(1500), onSchedule: false });
    const answer: Answer = { kind: 'item', question: '第9项', query: { kind: 'item', item: '9' }, hits: [{ target: long }] };
    for (const format of ['html', 'plain'] as const) {
      const { text } = renderAnswer(answer, { format });
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(text).toContain('市政府领导');
      expect(text).toContain('…');
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half emoji
      if (format === 'html') assertTelegramHtml(text);
    }
  });

  it('fits a large page of long lines', () => {
    const hits = Array.from({ length: 100 }, (_, i) => ({
      target: target(
        String(i + 1),
        '很长的目标<&>'.repeat(30),
        '张三',
        Array.from({ length: 8 }, (_, k) => `市第${k}局`),
      ),
    }));
    const answer: Answer = { kind: 'list', question: 'x', query: { kind: 'list', leader: '张三' }, hits };
    const { text, pages } = renderAnswer(answer, { format: 'html', pageSize: 100 });
    expect(pages).toBe(1);
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    assertTelegramHtml(text);
  });
});

describe('renderTarget', () => {
  it('renders one target in both formats with the same content', async () => {
    const { report } = await seed();
    const t = report.targets.find((x) => x.id === '41')!;
    expect(visible(renderTarget(t, 'html'))).toBe(renderTarget(t, 'plain'));
    expect(renderTarget(t, 'plain')).toContain('市行政审批服务局');
    expect(renderTarget(t, 'plain')).toContain('市市场监管局');
  });
});

describe('renderAnswer: traffic lights', () => {
  it('puts the light in every list line: 🟡 for 84, 🔴 for the lagging, 🟢 for the rest', async () => {
    const { engine } = await seed();
    const lines = renderAnswer(engine.ask('市场监管局'), { format: 'plain', pageSize: 50 }).text.split('\n');
    expect(lines[0]).toBe('市市场监管局 · 7 项 · 滞后 0 · 黄灯 1');
    expect(lines.find((l) => l.startsWith('84 '))).toMatch(/^84 🟡 充分发挥/u);
    expect(lines.slice(1).every((l) => /^\d+ [🔴🟡🟢] /u.test(l))).toBe(true);
    expect(
      renderAnswer(engine.ask('滞后'), { format: 'plain' })
        .text.split('\n')
        .slice(1)
        .map((l) => l.slice(0, 5)),
    ).toEqual(['47 🔴', '57 🔴']);
  });

  it('shows the bar and the reasons in an item reply', async () => {
    const { engine } = await seed();
    const lines = renderAnswer(engine.ask('第58项'), { format: 'plain' }).text.split('\n');
    expect(lines[0]).toBe('第 58 项 🟢 按计划推进');
    expect(lines).toContain('完成度：▰▰▰▰▰▰▰▰▱▱ 83% · 目标 2000 个 · 已完成 1658 个');
    expect(lines).toContain('绿灯：完成83%，序时进度75%');
    const yellow = renderAnswer(engine.ask('84号'), { format: 'plain' }).text.split('\n');
    // 是 in the table, yellow by the numbers: both are said
    expect(yellow[0]).toBe('第 84 项 🟡 按计划推进（黄灯）');
    expect(yellow.find((l) => l.startsWith('黄灯：'))).toContain('落后序时进度');
    // a target without numbers has no bar, only its light
    const none = renderAnswer(engine.ask('第63项'), { format: 'plain' }).text;
    expect(none).not.toContain('完成度');
    expect(none).toContain('绿灯：');
  });

  it('answers 黄灯 and 有风险的项目 with a header naming the light', async () => {
    const { engine } = await seed();
    expect(renderAnswer(engine.ask('黄灯'), { format: 'plain' }).text.split('\n')[0]).toBe('黄灯 · 1 项');
    expect(renderAnswer(engine.ask('有风险的项目'), { format: 'plain' }).text.split('\n')[0]).toBe('有风险（红灯、黄灯） · 3 项 · 滞后 2 · 黄灯 1');
    expect(renderAnswer(engine.ask('工信局的黄灯项目'), { format: 'plain' }).text.split('\n')[0]).toBe('市工业和信息化局 · 黄灯 · 1 项');
  });

  it('shows light counts in the overview and marks groups with a yellow target', async () => {
    const { engine } = await seed();
    const lines = renderAnswer(engine.ask('统计'), { format: 'plain' }).text.split('\n');
    expect(lines[3]).toBe('🔴 2 · 🟡 1 · 🟢 45');
    expect(lines).toContain('🟡 市市场监管局：7 项 · 滞后 0 · 黄灯 1 · 按计划率 100.0%');
  });

  it('escapes data in the reasons like any other data', async () => {
    const { normalize, aliases } = await seed();
    const t = target('1', '建设<希望小屋>100个', '李<i>', ['A&B<局>'], '共建成希望小屋50个', false);
    const e = createEngine({ report: report([t]), normalize, aliases });
    const html = renderAnswer(e.ask('第1项'), { format: 'html' }).text;
    assertTelegramHtml(html);
    expect(html).toContain('红灯：未按计划完成进度（A&amp;B&lt;局&gt;）');
    expect(visible(html)).toBe(renderAnswer(e.ask('第1项'), { format: 'plain' }).text);
    expect(renderTarget(t, 'html', e.ask('第1项').hits[0]?.assessment)).toContain('完成度：▰▰▰▰▰▱▱▱▱▱ 50%');
  });
});

describe('renderAnswer: what the question was read as', () => {
  const firstLine = async (question: string): Promise<string> => {
    const { engine } = await seed();
    return renderAnswer(engine.ask(question), { format: 'plain' }).text.split('\n')[0] as string;
  };

  it('says which filters a long dictated question was read as', async () => {
    expect(await firstLine('我想看看科技局的目标，不要滞后的，谢谢了')).toBe('按“市科技局”“按计划”理解');
  });

  it('says what a correction set aside', async () => {
    expect(await firstLine('不是聂元科，是王昌华分管的滞后项目')).toBe('按“王昌华”“滞后”理解，不看“聂元科”');
  });

  it('says whether several units were read together or each', async () => {
    expect(await firstLine('科技局和商务局共同负责的是哪个目标')).toBe('按“市科技局”“市商务局”理解，取共同负责的目标（交集）');
    expect(await firstLine('科技局和商务局各自的目标')).toBe('按“市科技局”“市商务局”理解，取各自目标的合集');
  });

  it('says the 序号 a number in words was read as', async () => {
    expect(await firstLine('你好，我想问一下七十六号那条是谁负责的')).toBe('按“第76项”理解');
  });

  it('adds nothing when the question was little more than its filters, or a command', async () => {
    expect(await firstLine('市科技局的目标')).toBe('市科技局 · 6 项 · 滞后 0');
    expect(await firstLine('/unit 科技局')).toBe('市科技局 · 6 项 · 滞后 0');
  });
});

describe('renderAnswer: what a long question was read as, for every kind', () => {
  const firstLine = async (question: string): Promise<string> => {
    const { engine } = await seed();
    return renderAnswer(engine.ask(question), { format: 'plain' }).text.split('\n')[0] as string;
  };

  it('names the statistics a long question asked for', async () => {
    expect(await firstLine('麻烦统计一下每个单位各有几项目标谢谢')).toMatch(/^按“各责任单位.*排名.*”理解$/u);
  });

  it('names leaders taken together', async () => {
    expect(await firstLine('聂元科和王昌华共同分管的目标')).toBe('按“聂元科”“王昌华”理解，取共同负责的目标（交集）');
  });

  it('names a year the table does not cover, before saying what it covers', async () => {
    const { engine } = await seed();
    const lines = renderAnswer(engine.ask('麻烦帮我查一下二零二一年科技局的目标'), { format: 'plain' }).text.split('\n');
    expect(lines[0]).toBe('按“2021年”“市科技局”理解');
    expect(lines[1]).toContain('本表是菏泽市2022年第三季度的数据');
  });
});
