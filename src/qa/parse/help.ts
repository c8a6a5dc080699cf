import { cut, fillerWords, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * Help: /help, /start, and words asking how to use the bot. Runs first, because
 * 怎么用 alone asks for help, while 怎么查卫健委的目标 asks about 卫健委: the help
 * word is then only cut, and the rest of the question is read as usual.
 */
const HELP_SURROUNDINGS = '些都能可以我你他该应要比较好才呢吗啊呀吧么这那个下请教问题些还';

export const createHelpPass = (ctx: ParseContext): ParsePass => {
  const helpWords = longestFirst(ctx.normalize, ctx.aliases.help);
  const fillers = fillerWords(ctx);
  return {
    name: 'help',
    run(s) {
      if (/^\/(help|start)\b/.test(s.text)) {
        s.query = { kind: 'help' };
        s.done = true;
        return;
      }
      const helpWord = helpWords.find((w) => s.compact.includes(w));
      if (!helpWord) return;
      // a spoken request may ask twice (能干什么，我该怎么问): every help word is cut before the rest is judged
      let rest = s.compact;
      for (const w of helpWords) rest = cut(rest, w);
      for (const f of fillers.multi) rest = cut(rest, f);
      rest = [...rest.replace(/\s+/g, '')].filter((ch) => !fillers.single.has(ch)).join('');
      // what may surround a help word without asking about anything: 能问些什么, 怎么提问比较好, 教我怎么用
      if (rest.length <= 1 || [...rest].every((ch) => HELP_SURROUNDINGS.includes(ch))) {
        s.query = { kind: 'help' };
        s.done = true;
        return;
      }
      s.text = cut(s.text, helpWord);
    },
  };
};
