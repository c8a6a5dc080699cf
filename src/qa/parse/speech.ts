import type { TextRewrite } from './rewrite';
import { cut, longestFirst, type ParseContext } from './state';

/**
 * Speech around a dictated question: greetings, thanks, 念一下, 我想问一下, and
 * the reason it is asked (给领导写材料, 要开个会). Context phrases go first and
 * whole, so 领导让我问问 does not leave 领导 to be read as a leader. A
 * one-character word (喂, 嗯) is cut only at the edge of a clause: inside a
 * word it may be part of the topic.
 */
/**
 * The last clause saying what the asker will do with the answer, in their own voice (我要报纪委, 列一下我要报纪委, 我要发给他们, 我对比一下):
 * 我 with a verb of passing on or comparing. Its words name whom it goes to, not what is asked.
 */
const PURPOSE =
  /(?:^|[,，。.!！?？;；\s]|(?<=[下吧呢啊了]))(?:我|我们)(?:要|得|好|想|准备|先|再|拿去|拿来)*(?:报给|报送|上报|报|发给|转给|交给|拿给|送给|递给|汇报|对比|比对|比较|打印|存档|备案)[^,，。.!！?？;；]*[,，。.!！?？;；\s]*$/u;

export const createSpeechRewrite = (ctx: ParseContext): TextRewrite => {
  const context = longestFirst(ctx.normalize, ctx.aliases.speech.context);
  const framing = longestFirst(ctx.normalize, ctx.aliases.speech.framing);
  const multi = framing.filter((w) => w.length > 1);
  const singles = framing.filter((w) => w.length === 1).join('');
  const edges = singles ? new RegExp(`(^|[\\s,，。.!！?？;；])[${singles}]+|[${singles}]+(?=$|[\\s,，。.!！?？;；])`, 'g') : undefined;
  return {
    name: 'speech',
    rewrite(text) {
      let t = text.replace(PURPOSE, ' ');
      for (const w of context) t = cut(t, w);
      for (const w of multi) t = cut(t, w);
      return edges ? t.replace(edges, '$1 ') : t;
    },
  };
};
