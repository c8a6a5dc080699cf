import { renderAnswer } from '../../src/view';
import { seed } from './seed';

/** A small deterministic PRNG, so a failure can be replayed. */
const random = (seed0: number): (() => number) => {
  let s = seed0 >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
};

describe('engine on arbitrary input', () => {
  it('answers 3000 random questions built from table text, markup, emoji and digits without throwing, within the message limit', async () => {
    const { engine, report } = await seed();
    const rnd = random(42);
    const corpus = report.targets.map((t) => `${t.text}${t.assignments[0]?.progress ?? ''}${t.assignments[0]?.units.join('') ?? ''}`).join('');
    const extras = ['<b>', '</i>', '&amp;', '😀', '👍🏻', '第', '项', '号', '#', '/item ', '/unit ', '月底', '滞后', '未', '\u0000', '\uD800', '　', '５', 'Ｇ', '"', '\\'];
    for (let k = 0; k < 3000; k += 1) {
      let q = '';
      const parts = 1 + Math.floor(rnd() * 4);
      for (let p = 0; p < parts; p += 1) {
        if (rnd() < 0.3) q += extras[Math.floor(rnd() * extras.length)];
        else {
          const at = Math.floor(rnd() * corpus.length);
          q += corpus.slice(at, at + 1 + Math.floor(rnd() * 8));
        }
      }
      const answer = engine.ask(q);
      expect(['item', 'list', 'search', 'stats', 'help', 'none']).toContain(answer.kind);
      const html = renderAnswer(answer, { format: 'html', page: 2 });
      expect(html.text.length).toBeLessThanOrEqual(4096);
      expect(html.text.length).toBeGreaterThan(0);
    }
  });
});
