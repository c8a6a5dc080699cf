import type { ParsePass } from './state';

/** What may stand between two names joined into a union: 和, 跟, 与, 及, 以及, 还有, 或, or punctuation (、 , became a space). */
const JOINER = /^\s*(?:和|跟|与|及|以及|还有|或|或者|加上|同)?\s*$/;

/**
 * A unit and a leader joined by 和 or 、 (工信局和王昌华) ask for both sets of
 * targets, a union; written together (王昌华负责的工信局目标) they ask for the
 * targets they share. Units among themselves and leaders among themselves
 * are always a union, and a number that only counts them (两位领导) is no share. After every name pass (妇联 is a
 * loose name), before the kind is decided.
 */
export const createJoinsPass = (): ParsePass => ({
  name: 'joins',
  run(s) {
    // 宁思远和韩立军两位领导的, 民政局和妇联两个单位的: a number that counts the names just said restates them (a union),
    // unless they are said to act together (两个单位共同负责的), which the together words read
    for (const [kind, named] of [
      ['unitCount', s.units.size],
      ['leaderCount', s.leaders.size],
    ] as const) {
      const many = s.query[kind];
      if (many && named > 1 && many.min === named && many.max === named && s.query.join !== 'all') delete s.query[kind];
    }
    if (s.units.size === 0 || s.leaders.size === 0) return;
    const placed = s.mentions
      .map((m) => ({ ...m, at: s.cleaned.indexOf(m.written) }))
      .filter((m) => m.at >= 0)
      .sort((a, b) => a.at - b.at);
    for (let i = 1; i < placed.length; i += 1) {
      const [a, b] = [placed[i - 1], placed[i]] as [(typeof placed)[number], (typeof placed)[number]];
      if (a.kind === b.kind) continue;
      const between = s.cleaned.slice(a.at + a.written.length, b.at);
      if (between.length > 0 && JOINER.test(between)) s.query.anyOf = true;
    }
  },
});
