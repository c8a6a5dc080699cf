import type { TextRewrite } from './rewrite';
import { cut, longestFirst, type ParseContext } from './state';

/**
 * Speech around a dictated question: greetings, thanks, 念一下, 我想问一下, and
 * the reason it is asked (给领导写材料, 要开个会). Context phrases go first and
 * whole, so 领导让我问问 does not leave 领导 to be read as a leader. A
 * one-character word (喂, 嗯) is cut only at the edge of a clause: inside a
 * word it may be part of the topic.
 */
export const createSpeechRewrite = (ctx: ParseContext): TextRewrite => {
  const context = longestFirst(ctx.normalize, ctx.aliases.speech.context);
  const framing = longestFirst(ctx.normalize, ctx.aliases.speech.framing);
  const multi = framing.filter((w) => w.length > 1);
  const singles = framing.filter((w) => w.length === 1).join('');
  const edges = singles ? new RegExp(`(^|[\\s,，。.!！?？;；])[${singles}]+|[${singles}]+(?=$|[\\s,，。.!！?？;；])`, 'g') : undefined;
  return {
    name: 'speech',
    rewrite(text) {
      let t = text;
      for (const w of context) t = cut(t, w);
      for (const w of multi) t = cut(t, w);
      return edges ? t.replace(edges, '$1 ') : t;
    },
  };
};
