import { startHarness, type Harness } from '../harness';
import type { ApiCall } from '../../fake-bot-api/server';

interface Article {
  type: string;
  id: string;
  title: string;
  description?: string;
  input_message_content: { message_text: string; parse_mode?: string };
}

describe('inline mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const inline = async (query: string, offset = ''): Promise<{ results: Article[]; nextOffset: string; call: ApiCall }> => {
    const answered = h.next('answerInlineQuery');
    const id = h.api.inlineQuery({ query, offset });
    const call = await answered;
    expect(call.payload.inline_query_id).toBe(id);
    return { results: call.payload.results as Article[], nextOffset: String(call.payload.next_offset ?? ''), call };
  };

  it('answers @bot 工信局 with one article per target, the full detail sent when tapped', async () => {
    const { results, nextOffset } = await inline('工信局');
    const hits = h.engine.ask('工信局').hits;
    expect(results.map((r) => r.id)).toEqual(hits.map((hit) => `t${hit.target.id}`));
    expect(nextOffset).toBe('');
    const first = results[0]!;
    expect(first.title).toContain(hits[0]!.target.id);
    expect(first.description).toContain('市工业和信息化局');
    expect(first.input_message_content).toEqual({ message_text: h.view.renderTarget(hits[0]!.target, 'html', hits[0]!.assessment), parse_mode: 'HTML' });
    // 58 states a goal (2000 个 5G 基站) and an achieved count (1658): its card carries the light and the progress bar
    const t58 = results.find((r) => r.id === 't58')!;
    expect(t58.title).toContain('🟢');
    expect(t58.input_message_content.message_text).toContain('▰▰▰▰▰▰▰▰▱▱ 83%');
  });

  it('lists lagging targets for an empty query and says nothing for an off-topic one', async () => {
    expect((await inline('')).results.map((r) => r.id)).toEqual(h.engine.askAs('lagging', '').hits.map((x) => `t${x.target.id}`));
    expect((await inline('今天天气怎么样')).results).toEqual([]);
  });

  it('answers stats as a single article', async () => {
    const { results } = await inline('统计');
    expect(results).toHaveLength(1);
    expect(results[0]!.input_message_content.message_text).toBe(h.view.renderAnswer(h.engine.ask('统计'), { format: 'html', page: 1, pageSize: 10 }).text);
  });
});

describe('inline mode paging with next_offset', () => {
  let h: Harness;
  // The seed has 48 targets, fewer than Telegram's 50 per answer: page by 10 to exercise next_offset.
  beforeAll(async () => {
    h = await startHarness({ settings: { inlinePageSize: 10 } });
  });
  afterAll(() => h.stop());

  it('pages 王昌华 (36 targets) in answers of 10 until next_offset is empty', async () => {
    const expected = h.engine.ask('王昌华').hits.map((hit) => `t${hit.target.id}`);
    const seen: string[] = [];
    let offset = '';
    for (let round = 0; round < 10; round++) {
      const answered = h.next('answerInlineQuery');
      h.api.inlineQuery({ query: '王昌华', offset });
      const call = await answered;
      const results = call.payload.results as Article[];
      expect(results.length).toBeLessThanOrEqual(10);
      seen.push(...results.map((r) => r.id));
      offset = String(call.payload.next_offset ?? '');
      if (offset === '') break;
      expect(Buffer.byteLength(offset)).toBeLessThanOrEqual(64);
    }
    expect(seen).toEqual(expected);
  });

  it('treats a garbage offset as the first page', async () => {
    const answered = h.next('answerInlineQuery');
    h.api.inlineQuery({ query: '王昌华', offset: 'abc' });
    const call = await answered;
    expect((call.payload.results as Article[])[0]!.id).toBe(`t${h.engine.ask('王昌华').hits[0]!.target.id}`);
  });
});
