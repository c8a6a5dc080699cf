import type { Light } from '../../progress/light';
import { setAside, setAsideSpan } from './negation';
import { cut, normWord, type ParseContext, type ParsePass } from './state';

/**
 * Traffic lights (黄灯, 红灯) and 有风险 (red or yellow). Before status words:
 * 绿灯 is narrower than 按计划 (a yellow target is still marked 是).
 */
export const createLightsPass = (ctx: ParseContext): ParsePass => {
  const norm = normWord(ctx.normalize);
  // longest first across all lights, so 亮红灯 wins over 亮灯 (risk)
  const lightWords: { word: string; light: Light | 'risk' }[] = (['red', 'yellow', 'green', 'risk'] as const)
    .flatMap((light) => ctx.aliases.lights[light].map((w) => ({ word: norm(w), light })))
    .filter((x) => x.word)
    .sort((a, b) => b.word.length - a.word.length);
  return {
    name: 'lights',
    run(s) {
      for (const { word, light } of lightWords) {
        const at = s.text.indexOf(word);
        if (at < 0) continue;
        const aside = setAsideSpan(s.text, at, at + word.length);
        if (aside) {
          setAside(s, light === 'risk' ? { risk: true } : { light });
          s.text = `${s.text.slice(0, aside.from)} ${s.text.slice(aside.to)}`;
          continue;
        }
        if (light === 'risk') s.query.risk = true;
        else s.query.light ??= light;
        s.text = cut(s.text, word);
      }
      // 有风险的红灯 is just red; a light inside 有风险 narrows it
      if (s.query.risk && s.query.light) delete s.query.risk;
    },
  };
};
