import { cut, longestFirst, type ParsePass } from './state';
import type { Normalize } from '../../text/normalize';

/** Several named together on one target: the targets they share. 都 only before 的 (都负责的目标): 都负责啥 asks for each one's. */
const TOGETHER = [
  '共同负责',
  '共同承担',
  '共同牵头',
  '共同参与',
  '共同分管',
  '一起负责',
  '一块负责',
  '一块儿负责',
  '一同负责',
  '一起承担',
  '一起牵头',
  '一起参与',
  '一起分管',
  '联合负责',
  '同时负责',
  '同时参与',
  '合作的',
  '共同',
  '一起',
  '联合',
  '同时',
];
/**
 * 都 then any verb of having a part, then 的 (都挂着的, 都挂名的, 都分管的, 都有份的): a target each of them is on. 都 only before
 * 的, so 都负责啥 still asks for each one's.
 */
const ALL_ON = /都\s*(?:挂着|挂名|挂了|挂|有分工|有份儿|有份|有参与|有涉及|有责任|分管|负责|参与|参加|牵头|承担|管|涉及|沾边)(?:着|了|过)?名?\s*的/u;
/** Together before a verb of showing (一起列出来, 一并发给我): how to show the answer, not a target's owners. */
const SHOWN_TOGETHER = /(?:一起|一块儿|一块|一并|同时)(?=\s*(?:列|给|发|看|显示|拿|调|拉|查|找|报|放))/gu;
/** Each one's own targets, said outright: a union (which is also what an unmarked A和B means). */
const EACH = ['各自负责', '各自的', '各自', '分别负责', '分别的', '分别', '各自分管', '还有', '以及', '加上'];

/**
 * Together or each: 科技局和商务局共同负责 asks for the targets both are on
 * (an intersection), 各自的 / 还有 / 、 for each one's targets (a union, as
 * an unmarked A和B already is). Before the fillers, which would cut 负责
 * and leave 共同 to be searched; the reply says which was understood.
 */
export const createTogetherPass = (ctx: { normalize: Normalize }): ParsePass => {
  const together = longestFirst(ctx.normalize, TOGETHER);
  const each = longestFirst(ctx.normalize, EACH);
  return {
    name: 'together',
    run(s) {
      for (const w of each) {
        if (!s.text.includes(w)) continue;
        s.query.join = 'any';
        s.text = cut(s.text, w);
      }
      // 一起列出来, 一块儿发给我: shown together, not done together; only the verb of doing (一起负责) intersects
      s.text = s.text.replace(SHOWN_TOGETHER, ' ');
      const on = ALL_ON.exec(s.text);
      if (on) {
        s.query.join ??= 'all';
        s.text = `${s.text.slice(0, on.index)} ${s.text.slice(on.index + on[0].length)}`;
      }
      for (const w of together) {
        if (!s.text.includes(w)) continue;
        s.query.join ??= 'all';
        s.text = cut(s.text, w);
      }
    },
  };
};
